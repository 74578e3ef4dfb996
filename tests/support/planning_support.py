"""Planning in tests: the local Public Access over real HTTP, its clock pinned
to a Tuesday morning (its demo placed around that week), and the app
configured for it as for a council's: no gap between requests, no overnight
window, unless a test says so."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from support.democracy_support import Clock, council_clock  # noqa: F401 (a clock both sides read; a fixture)

LONDON = ZoneInfo("Europe/London")
MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)  # a Tuesday: the demo's anchor (its Monday the 23rd)
THIS_WEEK, LAST_WEEK, TWO_WEEKS_AGO = "2026-11-23", "2026-11-16", "2026-11-09"
EXTENSION = "PA00HOU0001"  # 26/00412/FUL, 3 Micklegate: validated last Friday, comments open
LISTED_BUILDING = "PA00LBC0002"  # 26/00418/LBC, 11 Micklegate: validated two weeks ago, awaiting a decision
FLATS = "PA00FUL0007"  # 26/00355/FUL, 3 Walmgate: awaiting a decision, its consultation over
APPEALED = "PA00HOU0006"  # 26/00397/FUL, 3 Heworth Green: refused, appealed


@pytest.fixture
def public_access(monkeypatch, council_clock, tmp_path):
    from doorstep_cli.local.public_access import PublicAccess
    with PublicAccess(clock=council_clock, state_file=tmp_path / "public_access.json") as register:
        for name, value in (("DOORSTEP_PLANNING_URL", register.root), ("DOORSTEP_PLANNING_GAP_S", "0"),
                            ("DOORSTEP_PLANNING_QUIET", ""), ("DOORSTEP_PLANNING_TIMEOUT_S", "3"),
                            ("DOORSTEP_PLANNING_WEEKS", "4")):
            monkeypatch.setenv(name, value)
        yield register


@pytest.fixture
def york_addresses(deps):
    """The demo's addresses at the register's postcodes, where the sync places Idox's applications."""
    from doorstep_cli.addresses import read_rows
    from doorstep_cli.local.public_access_data import APPLICATIONS
    from doorstep_cli.seed import DEMO_DIR
    wanted = {a[2].rsplit(" ", 2)[-2] + " " + a[2].rsplit(" ", 1)[-1] for a in APPLICATIONS}
    deps.addresses.put_many([row for _, row, _ in read_rows(DEMO_DIR / "addresses.csv", deps.area)
                             if row is not None and row.postcode in wanted])
    return deps
