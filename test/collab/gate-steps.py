"""Runs y-protocols sync messages through a room's gate as the serve loop does, on the
installed pycrdt; test/collab/gate-updates.test.mjs makes the messages with yjs and checks the results.

stdin: {"scenarios": [{"name", "max_connection_bytes"?, "max_room_bytes"?, "steps": [step]}]}
with a step one of {"connection": c, "message": hex} (a message from connection c),
{"ends": c} (connection c ended) or {"save": c} (a save of connection c waits for its held
changes). stdout: per scenario, per step: the cells, the bytes held, the connections holding
changes, the log records, the connections closed for overflow and the outcome of each save
so far (null while it waits), the document's full state (an update); and the updates the
document's observers got ("stored").
"""

import asyncio
import json
import logging
import sys

from pycrdt import Array, Doc, handle_sync_message

from pmxlab_jupyterlab.collaboration.gate import Gate, admit_message


class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(f"{record.levelname} {record.getMessage()}")


async def run(scenario):
    doc = Doc()
    stored = []
    doc.observe(lambda event: stored.append(event.update.hex()))
    log = logging.getLogger(f"gate-{scenario['name']}")
    log.setLevel(logging.INFO)
    records = Records()
    log.addHandler(records)
    overflowed = []
    caps = {key: scenario[key] for key in ("max_connection_bytes", "max_room_bytes") if key in scenario}
    gate = Gate(doc, log, scenario["name"], overflowed.append, str, **caps)
    saves = []
    steps = []
    for step in scenario["steps"]:
        if "message" in step:
            part = admit_message(gate, step["connection"], bytes.fromhex(step["message"]))
            if part is not None:
                handle_sync_message(part[1:], doc)  # what the serve loop does with it
            gate.release()  # the serve loop's next read
        elif "ends" in step:
            gate.forget(step["ends"])
        else:
            saves.append(asyncio.ensure_future(gate.settled(step["save"])))
        for _ in range(10):  # lets waiting saves take the outcome (a few loop turns through the shield)
            await asyncio.sleep(0)
        steps.append({
            "cells": doc.get("cells", type=Array).to_py(),
            "state": doc.get_update().hex(),
            "held_bytes": gate.held_bytes,
            "holding": sorted({c for c in ("a", "b", "c") if gate.holds(c)}),
            "log": records.records[:],
            "overflowed": overflowed[:],
            "saves": [save.result() if save.done() else None for save in saves],
        })
        records.records.clear()
    return {"steps": steps, "stored": stored}


async def main():
    scenarios = json.loads(sys.stdin.read())["scenarios"]
    print(json.dumps({scenario["name"]: await run(scenario) for scenario in scenarios}))


asyncio.run(main())
