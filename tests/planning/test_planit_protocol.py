"""The PlanIt adapter reads `api/applics/json` by authority and dates (a
weekly list), keeps each record it was given so an application just listed
costs no second request, answers a decided week from the decision's own day,
and refuses an answer of another shape rather than read it; a record without
its state is never stored."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from chalicelib.handlers.planning.idox.polite import Gate
from chalicelib.handlers.planning.planit.client import PlanItPlanning
from chalicelib.handlers.planning.port import DECIDED, VALIDATED, PlanningError
from support.planning_support import council_clock  # noqa: F401 (a fixture)

RECORDS = [
    {"name": "York/26/00412/FUL", "uid": "26/00412/FUL", "description": "Single storey rear extension",
     "address": "3 Micklegate, York YO1 7HH", "start_date": "2026-11-20", "decided_date": None,
     "app_state": "Undecided", "app_type": "Full", "url": "https://example.org/a", "lat": 53.95591, "lng": -1.088633},
    {"name": "York/26/00366/FUL", "uid": "26/00366/FUL", "description": "Conversion to three flats",
     "address": "11 Bootham, York YO30 4ZL", "start_date": "2026-10-09", "decided_date": "2026-11-17",
     "app_state": "Permitted", "app_type": "Full", "url": "https://example.org/b", "lat": 53.9655, "lng": -1.0903},
    {"uid": "no-name", "description": "a record without its name"},
]


@pytest.fixture
def planit():
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            parts = urlsplit(self.path)
            asked.append((parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}))
            body = json.dumps({"records": server.records} if not server.changed else {"error": "gone"}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.changed, server.records = False, RECORDS
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield PlanItPlanning(f"http://127.0.0.1:{server.server_address[1]}/", "York",
                             Gate("planit.local", gap_s=0)), asked, server
    finally:
        server.shutdown()
        server.server_close()


def test_a_weekly_list_asks_by_authority_and_dates_and_an_application_listed_costs_nothing_more(planit):
    adapter, asked, _ = planit
    rows, skipped = adapter.weekly_list("2026-11-16", VALIDATED)
    assert skipped == 1 and asked[0][1]["auth"] == "York" and asked[0][1]["start_date"] == "2026-11-16"
    assert asked[0][1]["end_date"] == "2026-11-22"
    found = adapter.application(rows[0].key)
    assert (found.reference, found.lat, found.lon, found.decision) == ("26/00412/FUL", 53.95591, -1.088633, "")
    assert len(asked) == 1


def test_a_decided_week_holds_only_those_decided_in_it(planit):
    adapter, _, _ = planit
    rows, _ = adapter.weekly_list("2026-11-16", DECIDED)
    assert [r.reference for r in rows] == ["26/00366/FUL"]
    assert adapter.application(rows[0].key).decision == "Permitted"


def test_an_answer_without_records_is_a_changed_shape(planit):
    adapter, _, server = planit
    server.changed = True
    with pytest.raises(PlanningError) as changed:
        adapter.weekly_list("2026-11-16", VALIDATED)
    assert changed.value.kind == "changed"


def test_a_record_without_its_state_is_a_warning_and_never_stored(planit, deps, council_clock):
    from chalicelib.handlers.planning import sync
    adapter, _, server = planit
    server.records = [{**RECORDS[0], "app_state": None}]  # PlanIt says nothing of where it stands
    report = sync.run(deps.replace(planning_register=adapter, clock=council_clock))
    assert deps.planning.get("26-00412-ful") is None
    assert {(w["what"], w["kind"], tuple(w["missing"])) for w in report["warnings"]} == {
        ("application 26/00412/FUL", "incomplete", ("status",))}
