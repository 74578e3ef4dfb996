"""moto's server for the AWS services DynamoDB Local does not cover: S3, SES, SNS.

Mail and SMS land in the outbox table, so of moto's state only S3 (photos)
must outlive the process; s3_journal writes it through to
``data_dir/s3/`` and puts it back at the next start.
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

from doorstep_cli.local.s3_journal import S3Journal
from doorstep_cli.local.serving import bind_listening_socket, client_host, quiet_moto_request_handler

log = logging.getLogger("doorstep.local")
DEFAULT_REGION = "eu-west-2"
# The emulator's own clients must not pick up the developer's AWS setup: a
# stale AWS_PROFILE would raise ProfileNotFound. Only these session variables
# are redirected.
HERMETIC_SESSION_VARS = {
    "profile": (None, None, None, None),
    "config_file": (None, None, os.devnull, None),
    "credentials_file": (None, None, os.devnull, None),
}


class Emulator:
    def __init__(self, data_dir: Path, port: int, host: str = "127.0.0.1", region: str = DEFAULT_REGION):
        self.data_dir = Path(data_dir)
        self.host = host
        self.port = port
        self.region = region
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._clients: dict[tuple[str, str], Any] = {}
        self._journal: S3Journal | None = None

    @property
    def url(self) -> str:
        return f"http://{client_host(self.host)}:{self.port}"

    def start(self) -> None:
        # Imported here because loading moto's service registry takes a while
        # and is pointless for CLI commands that only read stack.json.
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

        sock = bind_listening_socket(self.host, self.port, "AWS emulator")
        try:
            self._journal = S3Journal(DomainDispatcherApplication(create_backend_app),
                                      self.data_dir / "s3", lambda: self.client("s3"))
            self._server = make_server(
                self.host, sock.getsockname()[1], self._journal, threaded=True,
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

    def restore(self) -> int:
        """Put the kept photos back; returns how many. Writes are kept from then on."""
        assert self._journal is not None, "start() first"
        return self._journal.restore()

    def stop(self) -> None:
        """Shut down; moto's memory is wiped (the photos are on disk already)."""
        if self._server is None:
            return
        try:
            self._reset_moto()
        finally:
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
