#!/usr/bin/env bash
# Manual check of the hosts of the .NET Interactive kernel that run here: live displays (display + Update) in the
# Jupyter kernel of the dotnet-interactive tool (through Python's jupyter_client/nbclient) and in dotnet-repl; then
# every notebook's smoke run in dotnet-repl against the same in gankit-nb, compared number for number.
# gankit-nb itself is covered by tests/GanKit.Notebooks.Tests. Needs: the solution built in Release, Debian's
# python3-nbclient (apt-get install -y python3-nbclient), the NuGet feed. Takes a few minutes; prints JSON lines.
#   bash scripts/check-hosts.sh [epochs]     (notebook 01 runs with this many epochs, default 2)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
epochs=${1:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check="/usr/bin/python3 $repo/scripts/check_hosts.py"

# The kernel and dotnet-repl of the same .NET Interactive build as gankit-nb's packages (1.0.0-beta.26120.1).
dotnet tool install --tool-path "$work/di" Microsoft.dotnet-interactive --version 1.0.712001 >/dev/null
dotnet tool install --tool-path "$work/repl" dotnet-repl --version 0.3.259 >/dev/null

# Kernel spec in a private JUPYTER_PATH, started from the tool path and serving HTTP on loopback only.
mkdir -p "$work/jupyter"
"$work/di/dotnet-interactive" jupyter install --path "$work/jupyter" >/dev/null
mkdir -p "$work/jupyter/kernels" && mv "$work/jupyter/.net-csharp" "$work/jupyter/kernels/"
/usr/bin/python3 - "$work/jupyter/kernels/.net-csharp/kernel.json" "$work/di/dotnet-interactive" <<'PY'
import json, sys
path, tool = sys.argv[1:]
spec = json.load(open(path))
spec["argv"] = [tool] + spec["argv"][2:] + ["--http-local-only"]
json.dump(spec, open(path, "w"), indent=1)
PY
export JUPYTER_PATH=$work/jupyter

echo "== Jupyter (.NET kernel $("$work/di/dotnet-interactive" --version)): update messages per display_id"
$check probe "$repo" 2>/dev/null | grep '^{'
echo "== Jupyter: notebook 01 with epochs=$epochs, display outputs after nbclient applied the updates"
$check notebook "$repo/notebooks/01-gaussian-gan.ipynb" "$work/jupyter-01.ipynb" "epochs=$epochs" 2>"$work/nbclient.log" | grep "^{" || { tail -20 "$work/nbclient.log"; exit 1; }

echo "== dotnet-repl 0.3.259: probe cells, display outputs written"
$check write-probe "$repo" "$work/probe.ipynb"
"$work/repl/dotnet-repl" --run "$work/probe.ipynb" --exit-after-run --output-path "$work/repl-probe.ipynb" >/dev/null
$check list "$work/repl-probe.ipynb"
echo "== dotnet-repl: notebook 01 with epochs=$epochs"
$check inject "$repo/notebooks/01-gaussian-gan.ipynb" "$work/repl-01.ipynb" "epochs=$epochs"
# Relative #r paths resolve against the working folder, as Polyglot sets it: the notebook's.
(cd "$repo/notebooks" && "$work/repl/dotnet-repl" --run "$work/repl-01.ipynb" --exit-after-run --output-path "$work/repl-01-out.ipynb" >/dev/null)
$check list "$work/repl-01-out.ipynb"

echo "== dotnet-repl and gankit-nb: every notebook's smoke run, same numbers?"
status=0
for notebook in "$repo"/notebooks/*.ipynb; do
  name=$(basename "$notebook")
  # shellcheck disable=SC2046 # one word per parameter
  $check inject "$notebook" "$work/repl-in-$name" $($check smoke "$notebook")
  (cd "$repo/notebooks" && "$work/repl/dotnet-repl" --run "$work/repl-in-$name" --exit-after-run --output-path "$work/repl-out-$name" >/dev/null)
  dotnet "$repo/src/GanKit.Notebooks/bin/Release/net10.0/gankit-nb.dll" run "$notebook" --smoke -o "$work/gankit-nb" >/dev/null
  $check compare "$work/gankit-nb/$name" "$work/repl-out-$name" || status=1
done
exit $status
