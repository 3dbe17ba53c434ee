#!/usr/bin/env bash
# Runs a libFuzzer target for a bounded time: scripts/fuzz.sh TARGET|all SECONDS
# Targets: segment, facts, diff, html, feed (Fuzz/revtrack-fuzz/main.swift).
# Builds with -sanitize=fuzzer,address into .build-fuzz (its own scratch path),
# starts from the seed corpus in Fuzz/corpus/TARGET (copied, so the repository
# is never written), and fails on any crash, leak-free timeout or sanitizer
# report; the crashing input is left in .build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET|all SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET|all SECONDS}
export REVTRACK_FUZZ=1 SWIFT_BACKTRACE=enable=no
swift build -c debug --scratch-path .build-fuzz --product revtrack-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >/dev/null
binary=.build-fuzz/debug/revtrack-fuzz
targets=$([ "$target" = all ] && echo "segment facts diff html feed" || echo "$target")
mkdir -p .build-fuzz/findings
for name in $targets; do
  work=$(mktemp -d)
  cp Fuzz/corpus/"$name"/* "$work"/
  log=.build-fuzz/findings/"$name".log
  if ! "$binary" "$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix=.build-fuzz/findings/"$name"- -print_final_stats=1 "$work" >"$log" 2>&1; then
    echo "fuzz $name: FAILED (see $log and .build-fuzz/findings/)"; tail -30 "$log"; rm -rf "$work"; exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  echo "fuzz $name: $runs inputs in ${seconds}s, coverage $cov edges, no crash"
  rm -rf "$work"
done
