"""The app over real HTTP in this process, as `make run` serves it, on the
moto the tests share."""
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(storage, monkeypatch):
    from app import app
    from doorstep_cli.local.devserver import DoorstepRequestHandler, make_server
    monkeypatch.setattr(DoorstepRequestHandler, "log_message", lambda *args: None)  # a line per request
    server = make_server(app, "127.0.0.1", 0, ROOT / "web")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    thread.join(timeout=5)
