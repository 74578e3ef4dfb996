"""Crash-safe file writes for what the local stack keeps on disk.

Every file is written under a temporary name and renamed into place, so a
process killed mid-write (kill -9, power cut, Ctrl-C twice) leaves either the
previous file or the new one, never a truncated mix that a restore would
trust. Leftover temporaries are recognisable by their prefix and swept later.
"""
from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any

TEMP_PREFIX = ".tmp-"


class UnreadableDataError(RuntimeError):
    """A file on disk that cannot be trusted; we refuse to guess."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f"{TEMP_PREFIX}{uuid.uuid4().hex}-{path.name}"
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            # Without fsync a power cut after the rename could expose an empty
            # file under the final name on some filesystems.
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise


def dump_json(payload: Any) -> bytes:
    return (json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n").encode()


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise UnreadableDataError(
            f"Cannot read {path}: {exc}. Move it aside to start without it (its data will be lost)."
        ) from exc


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sweep_temp_files(directory: Path) -> int:
    """Remove temporaries abandoned by an interrupted write."""
    if not directory.is_dir():
        return 0
    removed = 0
    for path in directory.rglob(f"{TEMP_PREFIX}*"):
        if path.is_file():
            _remove_quietly(path)
            removed += 1
    return removed


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
