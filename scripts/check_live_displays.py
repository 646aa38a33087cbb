"""Checks live displays (display + update) in hosts of the .NET Interactive kernel that run here.

Run by scripts/check-live-displays.sh, which installs the tools and the Jupyter kernel spec into temporary folders.
  probe REPO                 Jupyter: the display_data and update_display_data messages of three cells (the
                             kernel helper display(x).Update(y), GanKit's NotebookHost.Display, GanKit's
                             LiveProgress), counting the updates that name a display_id shown before.
  notebook NB OUT name=value Jupyter: runs NB with parameters overridden through nbclient (which replaces outputs
                             by display_id, as JupyterLab does) and lists the display_data outputs of OUT.
  write-probe REPO OUT       writes the three probe cells as a notebook (for dotnet-repl).
  inject NB OUT name=value   writes NB with the overrides in an injected-parameters cell (for dotnet-repl).
  list NB                    lists the display_data outputs of NB per cell.
"""
import json
import os
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
    else:
        sys.exit(f"unknown mode {mode!r}; see the docstring")
