#!/usr/bin/env bash
# `revtrack batch` throughput (docs/scale.md): 10,000 requests, each two texts
# of about 5 KB (sample wire copy with a few sentences edited per request),
# through the release binary on this machine's cores; then 1,000 of them with
# --facts. Prints requests per second.
#   scripts/bench-batch.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --package-path "$root" --product revtrack >/dev/null
revtrack="$(swift build -c release --package-path "$root" --show-bin-path)/revtrack"
python3 - "$root" "$count" > "$work/requests.jsonl" <<'PY'
import json, random, sys
root, count = sys.argv[1], int(sys.argv[2])
texts = [open(f"{root}/Samples/outlets/{p}.txt", encoding="utf-8").read()
         for p in ["dev/factory-fire/wire", "dev/central-bank/wire", "heldout/train-strike/wire", "heldout/mine-rescue/wire"]]
base = "\n\n".join(texts)
random.seed(7)
for i in range(count):
    start = random.randrange(0, max(1, len(base) - 5200))
    old = base[start:start + 5000]
    sentences = old.split(". ")
    for _ in range(3):
        k = random.randrange(len(sentences))
        sentences[k] = sentences[k].replace(" the ", " a ", 1) + " officials said"
    print(json.dumps({"id": i, "old": old, "new": ". ".join(sentences), "date": "2025-03-11"}))
PY
echo "$(wc -l < "$work/requests.jsonl") requests, $(( $(wc -c < "$work/requests.jsonl") / 1000000 )) MB of JSON"
measure() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/out.jsonl"
  end=$(date +%s.%N)
  local lines; lines=$(wc -l < "$work/out.jsonl")
  python3 -c "print(f'$label: {$lines} results in {$end - $start:.2f} s = {$lines / ($end - $start):.0f} requests/s')"
}
measure "batch (word level, no facts)" "$revtrack" batch < "$work/requests.jsonl"
measure "batch --level sentence" "$revtrack" batch --level sentence < "$work/requests.jsonl"
head -n 1000 "$work/requests.jsonl" > "$work/1000.jsonl"
measure "batch --facts (1,000 requests)" "$revtrack" batch --facts < "$work/1000.jsonl"
