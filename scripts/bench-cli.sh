#!/usr/bin/env bash
# End-to-end CLI figures: 1,000 `revtrack add` processes of a ~5 KB article to
# one track, repository size before/after git gc, and `revtrack --help` start-up.
# Usage: scripts/bench-cli.sh  (builds the release binary first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
swift build -c release --package-path "$root" --product revtrack >/dev/null
bin="$(swift build -c release --package-path "$root" --show-bin-path)/revtrack"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export REVTRACK_REPO="$work/repo"
base="$root/Samples/karabakh/reuters.txt"
for i in $(seq 1 1000); do
  { cat "$base" "$base"; printf '\nUpdated %d.\n' "$i"; } > "$work/r$i.txt"
done
size=$(wc -c < "$work/r1.txt")
start=$(date +%s.%N)
for i in $(seq 1 1000); do "$bin" add bench/wire "$work/r$i.txt" >/dev/null; done
end=$(date +%s.%N)
printf 'cli add: 1000 revisions of a %d-byte article: %.2f s (%.1f ms per add)\n' "$size" \
  "$(echo "$end - $start" | bc)" "$(echo "($end - $start) * 1000 / 1000" | bc -l)"
printf 'repository: %s before git gc, ' "$(du -sh "$REVTRACK_REPO" | cut -f1)"
git --git-dir "$REVTRACK_REPO" gc --quiet --prune=now
printf '%s after\n' "$(du -sh "$REVTRACK_REPO" | cut -f1)"
start=$(date +%s.%N)
for i in $(seq 1 50); do "$bin" --help >/dev/null; done
end=$(date +%s.%N)
printf 'revtrack --help: %.1f ms per run (mean of 50)\n' "$(echo "($end - $start) * 1000 / 50" | bc -l)"
start=$(date +%s.%N)
for i in $(seq 1 50); do "$bin" log bench/wire >/dev/null; done
end=$(date +%s.%N)
printf 'revtrack log (1000 revisions): %.1f ms per run (mean of 50)\n' "$(echo "($end - $start) * 1000 / 50" | bc -l)"
