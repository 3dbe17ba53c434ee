#!/usr/bin/env bash
# The main job on the bundled samples: install what is needed, build, store
# the sample articles in demo-archive/, list them, show their
# segmentation and the sentence-level diffs between revisions and outlets,
# and print the command that serves the archive in a web browser.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
swift build --package-path "$root" --product revtrack >/dev/null
revtrack="$(swift build --package-path "$root" --show-bin-path)/revtrack"

# The demo's archive stays in demo-archive/ (git ignores it), so the web view
# can serve it afterwards; each run starts it afresh.
work="$root/demo-archive"
rm -rf "$work"
mkdir -p "$work"
export REVTRACK_REPO="$work/archive"
samples="$root/Samples/karabakh"
run() { printf '\n$ revtrack'; printf ' %q' "$@"; printf '\n'; "$revtrack" "$@"; }

run add karabakh/reuters "$samples/reuters-early.txt" --date 2024-05-15T09:10:00Z \
    --title "Russian troops leave Karabakh base"
run add karabakh/reuters "$samples/reuters.txt" --date 2024-05-15T12:00:00Z \
    --title "Russian troops leave Karabakh, now back under Azerbaijan's control" \
    --url https://www.reuters.com/world/russian-troops-leave-karabakh-2024-05-15/
run add karabakh/opinion "$samples/opinion.txt" --date 2024-05-16T08:00:00Z \
    --title "Opinion: the peacekeepers leave"
run add karabakh/reuters "$samples/reuters.txt"
run tracks
run log reuters
printf '\n$ revtrack show reuters@1\n'; "$revtrack" show reuters@1
run sentences opinion | head -12
run diff reuters || true          # the latest revision against the one before (exit 1: they differ)
run diff reuters opinion || true  # two outlets on the same event: what both report, side by side
# A story told by four outlets (Samples/outlets): wire, a rewrite, a broadcast, an opinion piece.
story="$root/Samples/outlets/dev/factory-fire"
tail -n +2 "$story/manifest.tsv" | while IFS=$'\t' read -r outlet captured title; do
  "$revtrack" add "factory-fire/$outlet" "$story/$outlet.txt" --date "$captured" --title "$title" >/dev/null
done
run diff factory-fire/wire factory-fire/rewrite || true
run compare factory-fire
# A developing story in six revisions (Samples/storm/README.md): how it moved over the day.
for i in 1 2 3 4 5 6; do
  "$revtrack" add storm/wire "$root/Samples/storm/wire-$i.txt" --date "$(printf '2025-10-14T%02d:15:00Z' $((i + 6)))" \
      --title "$(head -n 1 "$root/Samples/storm/wire-$i.txt")" >/dev/null
done
run log storm/wire --stat
run blame storm/wire
run timeline storm/wire
run diff storm/wire@3 storm/wire@5 || true

printf '\n$ git --git-dir "$REVTRACK_REPO" fsck --strict && git log --oneline --all\n'
git --git-dir "$REVTRACK_REPO" fsck --strict 2>&1 | grep -v '^notice: HEAD points to an unborn branch' || true
git --git-dir "$REVTRACK_REPO" log --oneline --all

# Sharing through any git server: a bare repository stands in for it here.
git init -q --bare "$work/server.git"
run remote add origin "$work/server.git"
run push
run clone "$work/server.git" "$work/laptop"
run log storm/wire --repo "$work/laptop" --since @5

printf '\nBrowse the archive (stories, diffs, feeds) in a web browser:\n  %q serve --repo %q\nthen open http://127.0.0.1:8080/\n' "$revtrack" "$REVTRACK_REPO"
