"""A local AWS (moto's server) whose data survives restarts.

moto keeps everything in memory, so the emulator snapshots DynamoDB and S3 to
``data_dir/emulator/`` through the public AWS API and replays the snapshot at
the next start. Snapshots happen shortly after any mutating request and on
shutdown.
"""
from __future__ import annotations

import functools
import logging
import os
import threading
import urllib.request
from pathlib import Path
from typing import Any

import botocore.config
import botocore.session
from werkzeug.serving import BaseWSGIServer, make_server

from doorstep_cli.local.files import ChangeTracker, SnapshotError, sweep_temp_files
from doorstep_cli.local.serving import (
    MutationWatcher, bind_listening_socket, client_host, quiet_moto_request_handler,
)
from doorstep_cli.local.snapshot_dynamodb import restore_tables, snapshot_tables
from doorstep_cli.local.snapshot_s3 import ObjectCache, restore_buckets, snapshot_buckets

log = logging.getLogger("doorstep.local")
DEFAULT_REGION = "eu-west-2"
# The snapshot clients must not pick up the developer's AWS setup: a stale
# AWS_PROFILE would raise ProfileNotFound, and a profile's settings could
# change how requests are made. Only these session variables are redirected.
HERMETIC_SESSION_VARS = {
    "profile": (None, None, None, None),
    "config_file": (None, None, os.devnull, None),
    "credentials_file": (None, None, os.devnull, None),
}

__all__ = ["Emulator", "SnapshotError"]


class Emulator:
    def __init__(self, data_dir: Path, port: int, host: str = "127.0.0.1", region: str = DEFAULT_REGION):
        self.data_dir = Path(data_dir)
        self.snapshot_dir = self.data_dir / "emulator"
        self.host = host
        self.port = port
        self.region = region
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one snapshot/restore at a time
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._autosave: threading.Thread | None = None
        self._clients: dict[tuple[str, str], Any] = {}
        self._tracker = ChangeTracker()
        self._objects: ObjectCache = {}
        # Saving over a snapshot we never loaded would erase it, so saving is
        # only allowed once restore() has run or when there is nothing to lose.
        self._may_save = not self.has_snapshot()

    @property
    def url(self) -> str:
        return f"http://{client_host(self.host)}:{self.port}"

    @property
    def dirty(self) -> bool:
        return self._dirty.is_set()

    def has_snapshot(self) -> bool:
        return any((self.snapshot_dir / "dynamodb").glob("*.json")) or (
            self.snapshot_dir / "s3" / "manifest.json"
        ).is_file()

    def start(self) -> None:
        # Imported here because loading moto's service registry takes a while
        # and is pointless for CLI commands that only read stack.json.
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

        sock = bind_listening_socket(self.host, self.port, "AWS emulator")
        try:
            app = MutationWatcher(DomainDispatcherApplication(create_backend_app), self._dirty.set)
            self._server = make_server(
                self.host, sock.getsockname()[1], app, threaded=True,
                request_handler=quiet_moto_request_handler(), fd=sock.fileno(),
            )
        finally:
            sock.close()  # werkzeug works on its own duplicate of the descriptor
        self.port = self._server.server_address[1]
        # A short poll keeps stop() snappy; the cost is a few idle wake-ups a second.
        serve = functools.partial(self._server.serve_forever, poll_interval=0.1)
        self._thread = threading.Thread(target=serve, name="aws-emulator", daemon=True)
        self._thread.start()

    def client(self, service: str, region: str | None = None) -> Any:
        region = region or self.region
        if (service, region) not in self._clients:
            session = botocore.session.get_session(HERMETIC_SESSION_VARS)
            self._clients[(service, region)] = session.create_client(
                service, region_name=region, endpoint_url=self.url,
                aws_access_key_id="local", aws_secret_access_key="local",
                config=botocore.config.Config(
                    s3={"addressing_style": "path"},
                    retries={"max_attempts": 3, "mode": "standard"},
                    connect_timeout=5, read_timeout=60,
                ),
            )
        return self._clients[(service, region)]

    def restore(self) -> dict[str, int]:
        with self._lock:
            sweep_temp_files(self.snapshot_dir)
            tables = restore_tables(self.client("dynamodb"), self.snapshot_dir / "dynamodb", self._tracker)
            objects = restore_buckets(
                lambda region: self.client("s3", region), self.snapshot_dir / "s3", self._tracker, self._objects
            )
            self._may_save = True
            # Replaying the snapshot went through the server and marked us dirty,
            # but disk already matches memory.
            self._dirty.clear()
            return {"tables": len(tables), "objects": objects}

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            if not self._may_save:
                raise SnapshotError(
                    f"Refusing to overwrite the snapshot in {self.snapshot_dir} before restore() has loaded it."
                )
            tables = snapshot_tables(self.client("dynamodb"), self.snapshot_dir / "dynamodb", self._tracker)
            objects = snapshot_buckets(self.client("s3"), self.snapshot_dir / "s3", self._tracker, self._objects)
            return {"tables": len(tables), "objects": objects}

    def start_autosave(self, interval: float = 1.0) -> None:
        if self._autosave is not None:
            return
        self._autosave = threading.Thread(
            target=self._autosave_loop, args=(interval,), name="aws-emulator-autosave", daemon=True
        )
        self._autosave.start()

    def _autosave_loop(self, interval: float) -> None:
        while not self._stopping.is_set():
            self._dirty.wait()
            # Let a burst of writes (one report = item + photo + counters) land
            # before saving, then clear before scanning: anything that finishes
            # after the clear marks us dirty again and gets its own round.
            if self._stopping.wait(interval):
                return
            self._dirty.clear()
            try:
                self.snapshot()
            except Exception:  # keep autosaving; the next round may succeed
                log.exception("Autosave of the AWS emulator failed")
                self._dirty.set()

    def stop(self) -> None:
        """Final snapshot, then shut down; the emulator's memory is then wiped."""
        self._stopping.set()
        self._dirty.set()  # wake the autosave thread so it can see _stopping
        if self._autosave is not None:
            self._autosave.join(timeout=30)
            self._autosave = None
        if self._server is None:
            return
        try:
            if self._may_save:
                self.snapshot()
        finally:
            self._reset_moto()
            self._server.shutdown()
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._server = None

    def _reset_moto(self) -> None:
        # moto's backends are process-wide; without a reset the next Emulator
        # in this process (tests, restarts) would see our data and restore()
        # would prove nothing. A real restart starts empty, and so do we.
        request = urllib.request.Request(f"{self.url}/moto-api/reset", data=b"", method="POST")
        try:
            urllib.request.urlopen(request, timeout=10).close()
        except OSError:
            log.warning("Could not reset the AWS emulator's memory", exc_info=True)

    def __enter__(self) -> "Emulator":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
