#!/usr/bin/env bash
# revtrack import against git fast-import on the same data, in one run
# (docs/import.md): 10,000 revisions of about 5 KB over 100 tracks. Both
# write the same commits (meta.json and text.txt, as `add` makes them) into
# a new bare repository; prints both rates.
#   scripts/bench-import.sh [REVISIONS] [TRACKS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-10000}"
tracks="${2:-100}"
work="${BENCH_KEEP:-$(mktemp -d)}"
[ -n "${BENCH_KEEP:-}" ] || trap "rm -rf \"$work\"" EXIT
swift build -c release --package-path "$root" --product revtrack >/dev/null
revtrack="$(swift build -c release --package-path "$root" --show-bin-path)/revtrack"
python3 - "$root" "$count" "$tracks" "$work" <<'PY'
import datetime, json, random, sys
root, count, tracks, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
source = " ".join(" ".join(open(f"{root}/Samples/outlets/{p}.txt", encoding="utf-8").read().split())
                  for p in ["dev/factory-fire/wire", "dev/central-bank/wire", "heldout/train-strike/wire", "heldout/mine-rescue/wire"])
sentences = source.split(". ")
random.seed(11)
jsonl = open(f"{work}/revisions.jsonl", "w", encoding="utf-8")
stream = open(f"{work}/fast-import.stream", "wb")
texts = {}
mark = 0
for i in range(count):
    t = i % tracks
    track = f"story{t // 4}/outlet{t % 4}"
    if track not in texts:
        start = random.randrange(len(sentences) - 40)
        texts[track] = sentences[start:start + 40]
    body = texts[track]
    k = random.randrange(20)   # within the first 5,000 bytes, so every revision changes the text
    body[k] = body[k] + f" (update {i})"
    text = ". ".join(body)[:5000] + "\n"
    seconds = 1_700_000_000 + i * 60
    captured = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    number = i // tracks + 1
    title = f"Story {t} update {number}"
    jsonl.write(json.dumps({"track": track, "text": text, "captured": captured, "title": title}) + "\n")
    meta = json.dumps({"bytes": len(text.encode()), "captured": captured, "revision": number, "title": title, "track": track},
                      indent=2, sort_keys=True, separators=(",", " : ")).encode() + b"\n"
    data = text.encode()
    stream.write(b"blob\nmark :%d\ndata %d\n%s\n" % (mark + 1, len(meta), meta))
    stream.write(b"blob\nmark :%d\ndata %d\n%s\n" % (mark + 2, len(data), data))
    message = (title + "\n").encode()
    stream.write(b"commit refs/heads/%s\nauthor revtrack <revtrack@localhost> %d +0000\ncommitter revtrack <revtrack@localhost> %d +0000\n"
                 % (track.encode(), seconds, seconds))
    stream.write(b"data %d\n%s\nM 100644 :%d meta.json\nM 100644 :%d text.txt\n\n" % (len(message), message, mark + 1, mark + 2))
    mark += 2
PY
echo "$count revisions of about 5 KB over $tracks tracks"
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):.0f}')" "$1" "$2"; }
git init -q --bare "$work/git.git"
start=$(date +%s.%N)
git --git-dir "$work/git.git" fast-import --quiet < "$work/fast-import.stream"
end=$(date +%s.%N)
git_seconds=$(python3 -c "print(f'{$end - $start:.2f}')")
echo "git fast-import: $git_seconds s, $(rate "$count" "$git_seconds") revisions/s"
start=$(date +%s.%N)
"$revtrack" import "$work/revisions.jsonl" --repo "$work/revtrack" >/dev/null 2>&1
end=$(date +%s.%N)
revtrack_seconds=$(python3 -c "print(f'{$end - $start:.2f}')")
echo "revtrack import: $revtrack_seconds s, $(rate "$count" "$revtrack_seconds") revisions/s"
# The two repositories hold the same commits.
same=0
for ref in $(git --git-dir "$work/git.git" for-each-ref --format='%(refname)' refs/heads | head -5); do
  [ "$(git --git-dir "$work/git.git" rev-parse "$ref")" = "$(git --git-dir "$work/revtrack" rev-parse "$ref")" ] && same=$((same + 1))
done
echo "same commit ids as git fast-import: $same of 5 tracks checked"
git --git-dir "$work/revtrack" fsck --strict 2>&1 | grep -v '^notice' || echo "git fsck --strict: clean"
