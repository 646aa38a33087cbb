"""Checks the hosts of the .NET Interactive kernel that run here: live displays (display + update), and that a
notebook gives the same numbers in dotnet-repl as in gankit-nb.

Run by scripts/check-hosts.sh, which installs the tools and the Jupyter kernel spec into temporary folders.
  probe REPO                 Jupyter: the display_data and update_display_data messages of three cells (the
                             kernel helper display(x).Update(y), GanKit's NotebookHost.Display, GanKit's
                             LiveProgress), counting the updates that name a display_id shown before.
  notebook NB OUT name=value Jupyter: runs NB with parameters overridden through nbclient (which replaces outputs
                             by display_id, as JupyterLab does) and lists the display_data outputs of OUT.
  write-probe REPO OUT       writes the three probe cells as a notebook (for dotnet-repl).
  inject NB OUT name=value   writes NB with the overrides in an injected-parameters cell (for dotnet-repl).
  list NB                    lists the display_data outputs of NB per cell.
  smoke NB                   prints NB's smoke parameters (metadata gankit.smoke_parameters) as name=value words.
  compare A B                compares two runs of one notebook cell by cell (A gankit-nb's, B another host's): printed
                             text and tables, and the data of every Plotly figure; text that mentions time (s, ms,
                             elapsed, per second) is left out, since it differs from run to run. Exits 1 on a
                             difference.
"""
import json
import os
import re
import sys
import time
import warnings

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

KERNEL = ".net-csharp"


def probe_cells(repo):
    library = os.path.join(repo, "src", "GanKit", "bin", "Release", "net8.0", "GanKit.dll")
    return {
        "kernel display().Update()": 'var h = display("helper 0");\nh.Update("helper 1");\nh.Update("helper 2");',
        "NotebookHost.Display": f'#r "{library}"\nvar l = GanKit.Display.Hosting.NotebookHost.Display("library 0");\nl.Update("library 1");\nl.Update("library 2");',
        "LiveProgress": 'var p = new GanKit.Display.Progress.LiveProgress(3, "probe", refreshInterval: TimeSpan.Zero);\n'
                        'for (var i = 1; i <= 3; i++) p.Report(i, [("loss", 1.0 / i)]);\np.Complete();',
    }


def csharp_cell(source, tags=()):
    metadata = {"polyglot_notebook": {"kernelName": "csharp"}, "dotnet_interactive": {"language": "csharp"}}
    if tags:
        metadata["tags"] = list(tags)
    return nbformat.v4.new_code_cell(source, metadata=metadata)


def write_probe(repo, out):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": ".NET (C#)", "language": "C#", "name": KERNEL}
    nb.cells = [csharp_cell(code) for code in probe_cells(repo).values()]
    nbformat.write(nb, out)


def inject(path, overrides):
    """papermill-style: the overrides as assignments right after the cell tagged "parameters"."""
    nb = nbformat.read(path, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", []))
    source = "".join(f"{name} = {value};\n" for name, value in overrides)
    nb.cells.insert(index + 1, csharp_cell(source, ["injected-parameters"]))
    return nb


def list_displays(nb):
    for number, cell in enumerate(nb.cells, 1):
        for output in cell.get("outputs", []):
            if output["output_type"] == "display_data":
                text = output["data"].get("text/plain", "")
                print(json.dumps({"cell": number, "display": text.splitlines()[0][:100] if text else sorted(output["data"])}))


def probe(repo):
    cells = probe_cells(repo)
    manager, client = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    try:
        for name, code in cells.items():
            started = time.monotonic()
            msg_id = client.execute(code)
            shown, updates, status = {}, [], None
            while True:
                msg = client.get_iopub_msg(timeout=120)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                display_id = content.get("transient", {}).get("display_id")
                if kind == "display_data":
                    shown[display_id] = content["data"].get("text/plain", "")[:60]
                elif kind == "update_display_data":
                    updates.append(display_id)
                elif kind == "error":
                    status = f"error {content['ename']}: {content['evalue'][:200]}"
                elif kind == "status" and content["execution_state"] == "idle":
                    break
            matched = sum(1 for u in updates if u in shown)
            print(json.dumps({"cell": name, "seconds": round(time.monotonic() - started, 2), "displays": len(shown),
                              "updates": len(updates), "updates_naming_a_shown_display": matched,
                              "error": status}))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def notebook(path, out, overrides):
    nb = inject(path, overrides)
    started = time.monotonic()
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=1800, startup_timeout=120,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    nbformat.write(nb, out)
    print(json.dumps({"notebook": os.path.basename(path), "seconds": round(time.monotonic() - started, 1)}))
    list_displays(nb)


# Run names and start times (notebook 03's tracked runs) differ from run to run too.
STAMP = re.compile(r"\d{8}-\d{6}|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z")
TIMING = re.compile(r"elapsed|ETA|/s\b|/sec|\d\s?(s|ms|min)\b|seconds|time per|s/step", re.IGNORECASE)


def results(nb):
    """Per code cell (by source; injected parameter cells left out): what it printed and drew, minus timings."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            continue
        blocks = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                figure = data["application/vnd.plotly.v1+json"]
                if isinstance(figure, list):  # dotnet-repl writes it as lines of text
                    figure = "".join(figure)
                figure = json.loads(figure) if isinstance(figure, str) else figure
                blocks.append(("figure", STAMP.sub("<time>", json.dumps(figure.get("data"), sort_keys=True))))
            elif output.get("output_type") == "stream" or "text/plain" in data:
                stream = output.get("output_type") == "stream"
                text = output.get("text") if stream else data["text/plain"]
                text = STAMP.sub("<time>", "".join(text) if isinstance(text, list) else text)
                # Hosts split and merge printed text differently: compare it line by line, each line without timings;
                # a table that shows timings is left out whole.
                if stream or not TIMING.search(text):
                    blocks.extend(("text", line) for line in text.splitlines() if line.strip() and not TIMING.search(line))
        found[cell.source] = set(blocks)
    return found


def same(reference, other):
    """Every output of the reference run is in the other; the other may add figures, not text: dotnet-repl writes each
    update of a live figure as an output of its own (the last is the reference's final state) and may write a cell's
    printed text after its figures."""
    return reference <= other and all(kind == "figure" for kind, _ in other - reference)


def compare(a_path, b_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dotnet-repl writes cells without ids
        a, b = (results(nbformat.read(p, as_version=4)) for p in (a_path, b_path))
    differing = [source for source in a if not same(a[source], b.get(source, set()))]
    compared = sum(len(blocks) for blocks in a.values())
    print(json.dumps({"notebook": os.path.basename(a_path), "cells": len(a), "outputs_compared": compared,
                      "cells_differing": len(differing), "first_difference": differing[0][:80] if differing else None}))
    return 1 if differing else 0


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "probe":
        probe(args[0])
    elif mode == "notebook":
        notebook(args[0], args[1], [a.split("=", 1) for a in args[2:]])
    elif mode == "write-probe":
        write_probe(args[0], args[1])
    elif mode == "inject":
        nbformat.write(inject(args[0], [a.split("=", 1) for a in args[2:]]), args[1])
    elif mode == "list":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # dotnet-repl writes cells without ids
            list_displays(nbformat.read(args[0], as_version=4))
    elif mode == "smoke":
        smoke = nbformat.read(args[0], as_version=4).metadata.get("gankit", {}).get("smoke_parameters", {})
        print(" ".join(f"{name}={value}" for name, value in smoke.items()))
    elif mode == "compare":
        sys.exit(compare(args[0], args[1]))
    else:
        sys.exit(f"unknown mode {mode!r}; see the docstring")
