"""The repairs tests' scheduler: the local DRS-speaking one over real HTTP, its
clock pinned to a Friday afternoon before Christmas (Friday 25 December and
Monday 28 December 2026 are bank holidays), and the adapter pointed at it; and
DRS's own saved answers (chalicelib/handlers/repairs/drs/fixtures/) replayed over
real HTTP, for the adapter to read what a contractor's DRS really sends."""
from datetime import datetime
from pathlib import Path

import pytest

from chalicelib.handlers.repairs.scheduler import LONDON, Order

FRIDAY_AFTERNOON = datetime(2026, 12, 18, 15, 30, tzinfo=LONDON)
TAP = Order(reference="R-1001", location="3670010", code="TAP-DRIP", priority="Routine 20 days")


@pytest.fixture
def drs(tmp_path):
    from doorstep_cli.local.drs import LocalScheduler
    with LocalScheduler(clock=lambda: FRIDAY_AFTERNOON, state_file=tmp_path / "drs.json", capacity=2) as office:
        yield office


def adapter_for(office, timeout_s=2.0):
    from chalicelib.handlers.repairs.drs.adapter import DrsScheduler
    return DrsScheduler(office.url, office.login, office.password, contract="0", timeout_s=timeout_s)


@pytest.fixture
def scheduler(drs):
    return adapter_for(drs)


def order(n, **changes):
    values = {**TAP.__dict__, "reference": f"R-{n}", **changes}
    return Order(**values)


@pytest.fixture
def tenant_drs(monkeypatch, tmp_path):
    """The local scheduler on the app's own (travelled) clock, configured as a contractor's would be."""
    from doorstep_cli.local.drs import LocalScheduler
    with LocalScheduler(clock=lambda: datetime.now(LONDON), state_file=tmp_path / "drs.json", capacity=1) as office:
        monkeypatch.setenv("DOORSTEP_DRS_URL", office.url)
        monkeypatch.setenv("DOORSTEP_DRS_LOGIN", office.login)
        monkeypatch.setenv("DOORSTEP_DRS_PASSWORD", office.password)
        monkeypatch.setenv("DOORSTEP_DRS_TIMEOUT_S", "2")
        yield office


@pytest.fixture
def tenant(client, people, civica, council_morning, tenant_drs):
    """Dev Patel, a council tenant (rent account R0448105) who has linked his council tax account."""
    from support.revenues_support import BILLS, DEV, linked
    person = people()
    linked(client, person, BILLS[DEV])
    return person


DRIPPING_TAP = {"home": "R0448105", "location": "kitchen", "problem": "sink", "issue": "tap_dripping",
                "description": "The cold tap drips all night.", "access": {"pets": "A friendly dog"},
                "contact": {"phone": "07700 900123"}}


def assigned(client, people, tenant, team="north", body=None):
    """A tenant's repair sent by the desk to `team`: (the repair as reported, its crew job's id, the officer)."""
    repair = client.post("/v1/repairs", body or DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    etag = client.get(path, officer.auth).headers["ETag"]
    sent = client.post(f"{path}/assign", {"team": team}, {**officer.auth, "If-Match": etag})
    assert sent.status_code == 200, sent.body
    return repair, sent.json_body["job"], officer


# A shared part of Dev's block, 4 Hull Road (chalicelib/data/repair_blocks.json), with what neighbours never read.
STAIR_LIGHT = {"home": "R0448105", "location": "communal", "problem": "lighting", "issue": "stair_light",
               "description": "The second floor landing light is out.", "access": {"notes": "Key safe by the bins"},
               "contact": {"phone": "07700 900123", "name": "Dev Patel"}}


@pytest.fixture
def neighbour(client, people, tenant):
    """Sam Okafor, who rents Flat 2 in Dev's block (R0448112)."""
    from support.revenues_support import BILLS, SAM, linked
    person = people()
    linked(client, person, BILLS[SAM])
    return person


FIXTURES = Path(__file__).resolve().parents[2] / "chalicelib/handlers/repairs/drs/fixtures"


def saved(name):
    """A request or answer DRS really sent (or one built from its WSDL: fixtures/SOURCES.md says which)."""
    return (FIXTURES / name).read_bytes()


class ReplayedDrs:
    """DRS's saved answers over real HTTP, one per operation, whatever is asked; the requests kept."""

    def __init__(self, answers):
        from http.server import BaseHTTPRequestHandler
        from doorstep_cli.local.serving import ThreadedServer, reply
        self.answers, self.requests = answers, []
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                replay.requests.append(raw)
                operation = next(name for name in replay.answers if f":{name}>".encode() in raw)
                reply(self, 200, "text/xml; charset=utf-8", replay.answers[operation])

            def log_message(self, *args):
                pass

        self.server = ThreadedServer()
        self.url = self.server.serve("127.0.0.1", 0, Handler, "replayed-drs") + "/OTWebServiceApi/services/SOAP"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.close()
