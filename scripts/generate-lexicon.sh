#!/usr/bin/env bash
# Regenerates Sources/RevtrackLexicon/Resources/Generated/{antonyms,word-forms,prefix-opposites}.tsv, adverbs.txt and verb-forms.txt
# from Debian's wordnet-base (installed here if missing). Run once on a
# developer machine; the output is committed. english-lowercase.txt beside them
# comes from scripts/generate-word-lists.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f /usr/share/wordnet/data.adj ] || [ ! -f /usr/share/dict/american-english ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq wordnet-base wamerican
fi
python3 scripts/generate-lexicon.py
