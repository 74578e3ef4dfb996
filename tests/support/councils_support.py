"""Councils for tests: York's demo settings and a second council beside it."""
import copy
import json
from pathlib import Path

from chalicelib.councils import settings
from chalicelib.storage.councils import CouncilStore

DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "councils"
YORK_HOST, NL_HOST = "york.localhost", "northlanarkshire.localhost"
NL = "north-lanarkshire"
PASSWORD = "a perfectly good passphrase 42"


def york():
    return json.loads((DEMO / "york.json").read_text())


def north_lanarkshire():
    """A second council on a square around Motherwell (the demo's own comes with issue 70's data)."""
    document = copy.deepcopy(york())
    document.update(id="north-lanarkshire", name="North Lanarkshire Council", short_name="North Lanarkshire",
                    hosts=[NL_HOST], jurisdiction="scotland")
    document["area"] = {"type": "Polygon", "coordinates": [[[-4.2, 55.75], [-3.8, 55.75], [-3.8, 55.95],
                                                            [-4.2, 55.95], [-4.2, 55.75]]]}
    return document


def add(deps, *documents):
    store = CouncilStore()
    for document in documents:
        settings.write(store, document, 0, deps.clock(), "test")
    return store


def at(host, headers=None):
    return {"Host": host, **(headers or {})}


def signed_in(client, email, host):
    """(the sign-in's answer, its Authorization header) of `email` (PASSWORD) at `host`'s council."""
    answer = client.post("/v1/auth/login", {"email": email, "password": PASSWORD}, at(host))
    assert answer.status_code == 200, answer.json_body
    return answer.json_body, {"Authorization": f"Bearer {answer.json_body['access_token']}"}
