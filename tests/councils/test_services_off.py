"""A service a council switches off (its settings' `services`) is not there at
its address: every route of it answers 404 in the error shape, whoever asks,
while the same route stays at every other council's; the home screen's
services and the API's are one list."""
import re
from pathlib import Path

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york

ROOT = Path(__file__).resolve().parents[2]


def without(*names):
    return dict(north_lanarkshire(), services={name: False for name in names})


def test_a_service_one_council_switched_off_answers_404_there_and_stays_at_the_other(client, deps):
    add(deps, york(), without("bulky", "petitions"))
    refused = client.get("/v1/waste/bulky/items", at(NL_HOST))
    assert refused.status_code == 404
    assert refused.json_body["error"] == {"code": "not_offered",
                                          "message": "North Lanarkshire does not offer this service online."}
    assert client.get("/v1/petitions", at(NL_HOST)).status_code == 404
    assert client.get("/v1/waste/bulky/items", at(YORK_HOST)).status_code == 200
    assert client.get("/v1/petitions", at(YORK_HOST)).status_code == 200
    # what it did not switch off is there as ever
    assert client.get("/v1/waste/garden", at(NL_HOST)).status_code == client.get("/v1/waste/garden",
                                                                                  at(YORK_HOST)).status_code
    assert client.get("/v1/services", at(NL_HOST)).status_code == 200


def test_a_switched_off_services_staff_routes_are_not_there_either_whoever_asks(client, deps):
    add(deps, york(), without("petitions"))
    client.get("/v1/council", at(NL_HOST))  # the settings read once, as a warm function has them
    for who in ({}, {"Authorization": "Bearer not-a-token"}):
        answer = client.post("/v1/staff/petitions/PT-ABC123/publish", {}, at(NL_HOST, who))
        assert (answer.status_code, answer.json_body["error"]["code"]) == (404, "not_offered")
        # refused before any session or petition is looked for
        assert 'desc="queries=0 items=0"' in answer.headers["Server-Timing"]


def test_an_administrator_at_a_council_that_switched_a_service_off_is_refused_it_too(client, deps, people):
    from chalicelib.councils import settings
    store = add(deps, york(), north_lanarkshire())
    york_admin = people("admin")
    assert client.get("/v1/staff/petitions", at(YORK_HOST, york_admin.auth)).status_code == 200
    settings.write(store, dict(york(), services={"petitions": False}), 1, deps.clock(), "test")
    answer = client.get("/v1/staff/petitions", at(YORK_HOST, york_admin.auth))
    assert (answer.status_code, answer.json_body["error"]["code"]) == (404, "not_offered")


def test_every_service_a_council_may_switch_off_is_on_the_home_screen_and_owns_routes():
    from app import app  # noqa: F401 (the routes wired)
    from chalicelib.api.registry import REGISTRY
    from chalicelib.councils.services import SWITCHABLE, service_of
    home = set(re.findall(r'\{key: "(\w+)"', (ROOT / "web" / "js" / "services.js").read_text()))
    owned = {service_of(route) for route in REGISTRY.routes.values()} - {None}
    assert owned == set(SWITCHABLE)
    assert set(SWITCHABLE) - {"landlords"} <= home  # the landlords' portal has its own door, not the home's
    # waste's routes are told apart by path: none is left every council's by a path not listed
    assert [r.path for r in REGISTRY.routes.values() if r.capability == "waste" and service_of(r) is None] == []


def _demo_county():
    import json
    return json.loads((ROOT / "doorstep_cli" / "demo" / "councils" / "staffordshire-county" / "council.json").read_text())


def test_a_county_that_collects_no_bins_offers_no_bin_days_and_says_who_does(client, deps, people):
    """Staffordshire County collects no bins (its districts do): its bin calendars answer who does, as
    every other service it does not provide, and York's stay."""
    from support.councils_support import COUNTY_HOST
    from support.moving_support import homes, living_at
    add(deps, york(), _demo_county())
    home = homes(deps)
    county = _demo_county()
    assert county["services"]["bin_days"] is False
    off = [name for name, on in county["services"].items() if on is False]
    assert sorted(county["instead"]) == sorted(off)  # every service it does not provide says who does
    answer = client.get(f"/v1/places/{home}/bins.ics", at(COUNTY_HOST))
    assert (answer.status_code, answer.json_body["error"]["code"]) == (404, "provided_elsewhere")
    assert answer.json_body["error"]["instead"]["website"] == "https://www.gov.uk/find-local-council"
    resident = people()
    living_at(deps, resident)
    mine = client.get("/v1/me", resident.auth).json_body["bins_calendar_url"].split("8000", 1)[1]
    assert client.get(mine, at(COUNTY_HOST)).status_code == 404
    assert client.raw.http.request("GET", f"/v1/places/{home}/bins.ics", headers=at(YORK_HOST)).status_code == 200
