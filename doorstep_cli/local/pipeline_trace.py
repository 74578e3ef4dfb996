"""A timing trace of `make run`'s alert pipeline, for the benchmark of the time from a change to
its message (bench/firstmessages.py, `make bench-first-messages`): with DOORSTEP_PIPELINE_TRACE
naming a file, the stream reader writes a line for each batch it hands over and the queue worker
one for each job it runs (JSON: when it began and ended, and which events). Nothing is written
without it."""
from __future__ import annotations

import json
import os
import threading
from typing import Any

_lock = threading.Lock()


def write(**fields: Any) -> None:
    path = os.environ.get("DOORSTEP_PIPELINE_TRACE")
    if not path:
        return
    line = json.dumps(fields, separators=(",", ":")) + "\n"
    with _lock, open(path, "a", encoding="utf-8") as trace:
        trace.write(line)
