#!/usr/bin/env bash
# Runs every notebook in notebooks/ headless with gankit-nb and writes the outputs back into them.
# Extra arguments go to 'gankit-nb run': e.g. --smoke -o artifacts/notebooks (CI's quick run),
# or -p epochs=5.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
dotnet build Notebooks.sln -c Release -nologo -v quiet -clp:ErrorsOnly

shopt -s nullglob
notebooks=(notebooks/*.ipynb)
if ((${#notebooks[@]} == 0)); then
  echo "notebooks: none in notebooks/ yet"
  exit 0
fi
dotnet src/GanKit.Notebooks/bin/Release/net10.0/gankit-nb.dll run notebooks/ "$@"
