"""Meetings in tests: the local Modern.gov over real HTTP, its clock pinned to
a weekday morning (its demo placed around that day), and the app configured
for it as for a council's."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

LONDON = ZoneInfo("Europe/London")
MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)  # a Tuesday: the demo's anchor
TRANSPORT, PLANNING, COUNCIL = "4", "3", "1"
ROAD_REPAIRS_SESSION = "1402"  # six days ahead: its agenda out, its decision not yet
PAST_SESSION = "1401"  # fourteen days back: decisions and minutes out
CANCELLED = "1302"  # Planning, sixteen days ahead
ROAD_REPAIRS_REPORT, TENDER_PRICES, TENDER_EVALUATION = "140231", "140233", "140271"


class Clock:
    """A clock both sides read: the local Modern.gov's and the sync's."""

    def __init__(self, now=MORNING):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def council_clock():
    return Clock()


@pytest.fixture
def moderngov(monkeypatch, council_clock, tmp_path):
    from doorstep_cli.local.moderngov import ModernGov
    with ModernGov(clock=council_clock, state_file=tmp_path / "moderngov.json") as office:
        monkeypatch.setenv("DOORSTEP_MODERNGOV_URL", office.url)
        # Longer than any answer takes on a busy machine: a test of the timeout sets its own.
        monkeypatch.setenv("DOORSTEP_MODERNGOV_TIMEOUT_S", "20")
        yield office


@pytest.fixture
def democracy(moderngov):
    from chalicelib.handlers.democracy.moderngov.client import ModernGovDemocracy
    return ModernGovDemocracy(moderngov.url, timeout_s=20)


@pytest.fixture
def council(deps, moderngov, council_clock):
    """York's wards named in the demo, as squares side by side; residents act the evening before the sync
    publishes the transport session's agenda (deps then on the council's clock)."""
    import time_machine
    from support.wards_support import ward
    deps.wards.put_many([ward(f"w{i}", -1.14 + i * 0.02, 53.95, name=name) for i, name in enumerate(
        ("Acomb", "Clifton", "Hull Road", "Westfield", "Holgate"))])
    with time_machine.travel(MORNING - timedelta(hours=12), tick=False):
        yield deps.replace(clock=council_clock)
