"""Is the process a file names still the one that wrote it?

A pid alone cannot say: after a `kill -9` the dead stack's pid stays a zombie
until its parent reaps it (os.kill(pid, 0) still succeeds), and later the
kernel gives the number to any other program. So what a stack writes down is
its pid, its start time (in clock ticks since boot, /proc/<pid>/stat field
22) and the boot's id: the same three again mean the same process, and a
zombie, a reused pid or a rebooted machine never match.
"""
from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")


def boot_id() -> str | None:
    try:
        return (PROC / "sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None  # not Linux


def _stat(pid: int) -> tuple[str, int] | None:
    """(state letter, start time in ticks) of a live or zombie pid, or None."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and ")", so split after its last ")".
    fields = text.rsplit(")", 1)[1].split()
    return fields[0], int(fields[19])


def identity(pid: int | None = None) -> dict:
    """What to write down so that a later reader can tell this process from its successors."""
    pid = os.getpid() if pid is None else pid
    stat = _stat(pid)
    return {"pid": pid, "started": stat[1] if stat else None, "boot_id": boot_id()}


def is_running(recorded: dict) -> bool:
    """True while the process recorded by identity() runs: not dead, not a
    zombie waiting to be reaped, not another program given the same pid."""
    try:
        pid = int(recorded["pid"])
    except (KeyError, TypeError, ValueError):
        return False
    if pid <= 0:
        return False
    stat = _stat(pid)
    if stat is None:
        if PROC.joinpath("self").exists():
            return False  # Linux, and no such process
        return _signal_reaches(pid)  # no /proc here: the pid is all we can check
    state, started = stat
    if state in ("Z", "X"):
        return False
    if recorded.get("boot_id") and recorded["boot_id"] != boot_id():
        return False
    return recorded.get("started") is None or recorded["started"] == started


def _signal_reaches(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
