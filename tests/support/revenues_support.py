"""Council tax in tests: the local Civica-speaking back office over real HTTP,
its clock pinned to a weekday morning in November (inside the financial year,
outside the nightly window), and the app configured for it as for a council's."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

LONDON = ZoneInfo("Europe/London")
MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)  # a Tuesday
YEAR = 2026  # the financial year 2026/27

JOINT, SINGLE, ARREARS, OLD_HOME, NEW_BUILD = "500123454", "500234574", "500345686", "500123462", "500456798"
SHARED = "500567816"  # five sharers, all jointly liable
ANN, BRIAN, CAROL, DEV, EVE = "P0010001", "P0010002", "P0010003", "P0010004", "P0010005"
SAM = "P0010010"  # the fifth sharer


@pytest.fixture
def civica(monkeypatch):
    from doorstep_cli.local.civica import CivicaBackOffice
    with CivicaBackOffice(clock=lambda: MORNING) as office:
        monkeypatch.setenv("DOORSTEP_CIVICA_URL", office.url)
        monkeypatch.setenv("DOORSTEP_CIVICA_USER", office.user)
        monkeypatch.setenv("DOORSTEP_CIVICA_PASSWORD", office.password)
        # Longer than any answer takes on a busy machine: a landlord's claim read the association's 2,000
        # claims in over 2 s at a load of 3 (a 503 where the test expected the claim). The tests of a slow
        # office set their own short limit and its delay.
        monkeypatch.setenv("DOORSTEP_CIVICA_TIMEOUT_S", "30")
        yield office


@pytest.fixture
def revenues(civica):
    from chalicelib.handlers.revenues.civica.adapter import CivicaRevenues
    # Longer than any answer takes on a busy machine: the association's 2,000 claims took over 2 s beside
    # a second suite. A slow answer is not what these tests test (test_a_slow_back_office_times_out is).
    return CivicaRevenues(civica.url, civica.user, civica.password, timeout_s=30)


@pytest.fixture
def council_morning():
    """The app's clock at MORNING too (ticking), so its financial year is the back office's."""
    import time_machine
    with time_machine.travel(MORNING, tick=True) as traveller:
        yield traveller


# What each demo bill prints, as a resident would type it.
BILLS = {
    ANN: {"reference": JOINT, "name": "Mrs Ann Hartley", "online_key": "HRT4-7QMC", "postcode": "YO1 7HH"},
    BRIAN: {"reference": JOINT, "name": "Brian Hartley", "phone_last3": "871", "dd_last3": "287"},
    CAROL: {"reference": SINGLE, "name": "Carol Dobson", "online_key": "dbs2 9kxw", "postcode": "yo305dy"},
    DEV: {"reference": ARREARS, "name": "Mr Dev Patel", "online_key": "PTL8-3RZD", "phone_last3": "315"},
    EVE: {"reference": NEW_BUILD, "name": "Miss Eve Nolan", "online_key": "NLN5-2HJP", "postcode": "YO31 5ZY"},
    SAM: {"reference": SHARED, "name": "Sam Okafor", "online_key": "WLM6-4TQB", "phone_last3": "510"},
}


def link(client, person, body):
    return client.post("/v1/me/council-tax", body, person.auth)


def linked(client, person, body):
    answer = link(client, person, body)
    assert answer.status_code == 201, answer.body
    return answer.json_body
