#!/usr/bin/env bash
# The web view under load (docs/performance.md, "Web view"): builds an archive
# of 10,000 tracks (2,500 stories of four outlets) plus one track with two
# 5 KB revisions in revtrack's own format with `git fast-import` (revtrack's
# one-by-one `add` would take a quarter of an hour), then runs
# `revtrack-bench serve` on it: index, diff page, 100 concurrent requests;
# and `wrk` against `revtrack serve` when wrk is installed.
#   scripts/bench-serve.sh [DIR]     (default: a temporary folder, removed after)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-}"
if [ -z "$dir" ]; then dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT; fi
archive="$dir/archive"
if [ ! -d "$archive" ]; then
  git init -q --bare "$archive"
  python3 - <<'PY' | git --git-dir "$archive" fast-import --quiet
import json, sys
out = sys.stdout.buffer
words = ["river", "council", "minister", "storm", "budget", "court", "union", "strike", "vote", "harbour"]
mark = 0
def blob(data):
    global mark
    mark += 1
    out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)) + data + b"\n")
    return mark
def commit(track, number, when, title, text):
    meta = json.dumps({"bytes": len(text), "captured": when[1], "revision": number, "title": title, "track": track},
                      indent=2, sort_keys=True, separators=(",", " : ")).encode() + b"\n"
    m, t = blob(meta), blob(text)
    message = title.encode()
    out.write(b"commit refs/heads/%s\n" % track.encode())
    out.write(b"author revtrack <revtrack@localhost> %d +0000\ncommitter revtrack <revtrack@localhost> %d +0000\n" % (when[0], when[0]))
    out.write(b"data %d\n%s\n" % (len(message), message))
    out.write(b"M 100644 :%d meta.json\nM 100644 :%d text.txt\n\n" % (m, t))
import datetime
def stamp(seconds):
    return (seconds, datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
for index in range(10000):
    track = "story%d/%s" % (index // 4, ["wire", "rewrite", "local", "opinion"][index % 4])
    text = " ".join("The %s said on day %d that %d people had gathered." % (words[(index + s) % 10], s, index * 7 + s) for s in range(12))
    commit(track, 1, stamp(1700000000 + index * 60), "Story %d" % index, (text + "\n").encode())
base = ["Paragraph %d: officials said the %s would meet again on Thursday after %d hours of talks." % (i, words[i % 10], i * 3) for i in range(40)]
edited = [p.replace("Thursday", "Friday") if i % 4 == 0 else p for i, p in enumerate(base)]
commit("talks/wire", 1, stamp(1800000000), "Talks", ("\n\n".join(base) + "\n").encode())
commit("talks/wire", 2, stamp(1800003600), "Talks", ("\n\n".join(edited) + "\n").encode())
PY
fi
cd "$root"
swift build -c release --product revtrack-bench >/dev/null
swift build -c release --product revtrack >/dev/null
bin="$(swift build -c release --show-bin-path)"
"$bin/revtrack-bench" serve --folder="$dir" 2>&1 | grep -v ' info revtrack'
if command -v wrk >/dev/null; then
  "$bin/revtrack" serve --repo "$archive" --port 8099 2>/dev/null &
  server=$!
  sleep 2
  for path in "/t/talks/wire" "/diff?old=talks/wire@1&new=talks/wire@2"; do
    echo "wrk -t2 -c100 -d10s http://127.0.0.1:8099$path"
    wrk -t2 -c100 -d10s "http://127.0.0.1:8099$path" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors" || true
  done
  kill "$server"
else
  echo "(wrk not installed: apt-get install wrk for the load test)"
fi
