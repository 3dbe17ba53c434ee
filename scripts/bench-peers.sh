#!/usr/bin/env bash
# Times peers on the texts the diff benchmark generates (revtrack-bench write):
# GNU diff and `git diff --no-index` (myers and patience) on one sentence per
# line and one word per line, and `revtrack diff --level sentence` end to end
# (read, segment, diff, pair, print) on the sentence files. (Plain `revtrack
# diff` also extracts and compares facts, which takes seconds at 10 MB: see
# docs/performance.md.)
# Usage: scripts/bench-peers.sh [sizes…]   e.g. scripts/bench-peers.sh 1MB 10MB
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
swift build -c release --package-path "$root" >/dev/null
bin="$(swift build -c release --package-path "$root" --show-bin-path)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
"$bin/revtrack-bench" write "$work"
sizes=("${@:-1MB 10MB}")
best() {  # best wall time of 3 runs, in ms
  local best=999999999999
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    (( (end - start) < best )) && best=$(( end - start ))
  done
  echo "$(( best / 1000000 ))"
}
echo
echo "peers, end-to-end process time in ms (best of 3), same texts"
printf '%-6s %-4s | %9s %9s %9s %14s | %9s %9s %9s\n' size edit "GNU diff" "git diff" "git pat." "revtrack sent." "GNU(w)" "git(w)" "git pat(w)"
for size in ${sizes[*]}; do
  for rate in 1 10 50; do
    p="$work/$size-$rate"
    [ -f "$p-sentences.old" ] || continue
    gnu=$(best diff "$p-sentences.old" "$p-sentences.new")
    git=$(best git diff --no-index --no-color "$p-sentences.old" "$p-sentences.new")
    gitp=$(best git diff --no-index --no-color --patience "$p-sentences.old" "$p-sentences.new")
    rt=$(best "$bin/revtrack" diff --level sentence "$p-sentences.old" "$p-sentences.new")
    gnuw=$(best diff "$p-words.old" "$p-words.new")
    gitw=$(best git diff --no-index --no-color "$p-words.old" "$p-words.new")
    gitpw=$(best git diff --no-index --no-color --patience "$p-words.old" "$p-words.new")
    printf '%-6s %3s%% | %9s %9s %9s %14s | %9s %9s %9s\n' "$size" "$rate" "$gnu" "$git" "$gitp" "$rt" "$gnuw" "$gitw" "$gitpw"
  done
done
