"""Councils for tests: the demo's York and North Lanarkshire, each at its own address."""
import json
from pathlib import Path

from chalicelib.councils import settings
from chalicelib.storage.councils import CouncilStore

DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "councils"
YORK_HOST, NL_HOST = "york.localhost", "northlanarkshire.localhost"


def york():
    return json.loads((DEMO / "york.json").read_text())


def north_lanarkshire():
    """A second council, in Scotland, around Motherwell, Airdrie and Coatbridge."""
    return json.loads((DEMO / "north-lanarkshire.json").read_text())


def add(deps, *documents):
    store = CouncilStore()
    for document in documents:
        settings.write(store, document, 0, deps.clock(), "test")
    return store


def at(host, headers=None):
    return {"Host": host, **(headers or {})}


def put(client, path, body, headers=None):
    """A PUT of `body` as JSON through the Chalice test client (its Api speaks GET and POST)."""
    return client.raw.http.request("PUT", path, body=json.dumps(body).encode(),
                                   headers={"Content-Type": "application/json", **(headers or {})})
