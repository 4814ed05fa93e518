"""Executes a notebook in a Jupyter kernel with nbclient and reports each cell's outcome.

Used by `pmxlab check` and `pmxlab grade` (kernel-lib/cli/exercise/notebook-runner.ts), which
build the notebook to run (the student's cells plus one check cell after each exercise)
and read the report. Input on stdin, JSON: {"notebook", "cwd", "kernel", "cellTimeout"}.
Output on stdout, JSON: {"cells": [{"status", "outputs", "seconds"}], "stopped": reason|null},
status one of "ok", "error", "timeout", "not-run". A kernel that dies (process.exit, out of
memory) stops the run; the cells after it are "not-run" and `stopped` says why.
"""
import json
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


def main():
    request = json.load(sys.stdin)
    # reads(), not from_dict(): a notebook saved by Jupyter stores each cell's source as a
    # list of lines, and only the reader joins them into the text nbclient executes.
    nb = nbformat.reads(json.dumps(request["notebook"]), as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=request["kernel"],
        timeout=request["cellTimeout"],
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout={"ename": "CellTimeoutError", "evalue": "timed out", "traceback": []},
        resources={"metadata": {"path": request["cwd"]}},
    )
    report = []
    stopped = None
    replies = {}
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(cell_index, execute_reply)
    with client.setup_kernel():
        # The kernel runs in a session of its own (jupyter_client's launcher), so killing this
        # runner's process group would leave it behind: tell the caller its pid.
        process = getattr(getattr(client.km, "provisioner", None), "process", None)
        if process is not None:
            print(f"PMXLAB_KERNEL_PID {process.pid}", file=sys.stderr, flush=True)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or stopped:
                report.append({"status": "not-run" if stopped else "ok", "outputs": [], "seconds": 0})
                continue
            started = time.monotonic()
            try:
                client.execute_cell(cell, index)
                content = replies.get(index, {}).get("content", {})
                status = content.get("status", "ok")
                if content.get("ename") == "CellTimeoutError":
                    status = "timeout"
            except DeadKernelError:
                status = "error"
                stopped = "the kernel died while running this cell (process.exit, a crash, or out of memory)"
                cell.outputs.append({"output_type": "stream", "name": "stderr", "text": stopped})
            except CellTimeoutError:
                status = "timeout"
            report.append({"status": status, "outputs": cell.get("outputs", []), "seconds": time.monotonic() - started})
            if status != "ok":
                # tslab aborts every request that arrives within 200 ms of a failed one
                # (JupyterHandlerImpl.handleExecute, execQueue.reset(200)); wait it out.
                time.sleep(0.3)
    json.dump({"cells": report, "stopped": stopped}, sys.stdout)


if __name__ == "__main__":
    main()
