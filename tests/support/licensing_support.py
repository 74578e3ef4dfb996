"""Licensing in tests: the demo councils' licence types stored, applicants and
neighbours as principals, a case paid for through the local provider and
settled by the payment's check (never the browser's return alone)."""
import itertools
import json
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

LONDON = ZoneInfo("Europe/London")
DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo"
YORK_TYPES = DEMO / "licence_types.json"
NL_TYPES = DEMO / "councils" / "north-lanarkshire" / "licence_types.json"
NCL_TYPES = DEMO / "councils" / "newcastle-under-lyme" / "licence_types.json"
VILLAGE_HALL = {"name": "Heslington Village Hall", "address": "Main Street, Heslington, York YO10 5EA",
                "uprn": "990000000301", "lat": 53.947, "lon": -1.052}
_ids = itertools.count(1)
# The answers to York's premises licence form (a pub selling alcohol, so its supervisor asked) and vehicle form.
PUB_ANSWERS = {"activities": ["alcohol_on", "live_music"], "hours": "Alcohol 11am to 11pm; live music Fri 8pm to 11pm",
               "opening_hours": "11am to 11.30pm", "most_people": 180, "dps_name": {"first": "Morag", "last": "Keeper"},
               "dps_personal_licence": "YORK/PL/0412", "dps_licensing_authority": "City of York Council",
               "alcohol_where": "both", "description": "A pub with a yard at the back.",
               **{f"steps_{k}": f"Our steps for {k}." for k in ("crime_disorder", "public_safety", "public_nuisance",
                                                                "children_harm")}, "phone": "01904 000111"}
CAB_ANSWERS = {"kind": "private_hire", "registration": "YK24 ABC", "make_model": "Toyota Prius",
               "first_registered": {"day": "3", "month": "4", "year": "2024"}, "seats": 4, "wheelchair": "no",
               "insured": "yes", "phone": "07700 900123"}


def london(*parts):
    return datetime(*parts, tzinfo=LONDON)


def person(n=None, personal_licence=False):
    from chalicelib.auth.principal import Principal
    n = n if n is not None else next(_ids)
    return Principal(user_id=f"applicant-{n}", role="resident", email=f"applicant{n}@example.org")


def at(deps, moment, who=None):
    return deps.replace(clock=lambda: moment, principal=who or person())


def store_types(deps, path=YORK_TYPES):
    types = json.loads(Path(path).read_text())
    deps.licensing.save_types(types, deps.licensing.types()[1])
    return types


def notice(first_day, start="12:00", hours=6, people=150, premises=None, personal_licence=False):
    return {"type": "temporary-event-notice", "premises": premises or VILLAGE_HALL,
            "applicant": {"name": "Sam Organiser"},
            "event": {"first_day": first_day, "start": start, "hours": hours, "people": people,
                      "personal_licence": personal_licence}}


def started(deps, body):
    from chalicelib.handlers.licensing.applying import start
    return start(deps, body, str(uuid.uuid4()))[0]


def paid(deps, case_view, card=None, told_at=None):
    """Pay on the provider's page and come back (`told_at`: the deps whose clock is when the provider's
    word arrives); the case as now stored."""
    from chalicelib.handlers.licensing.applying import pay
    from chalicelib.handlers.payments.core import returned
    from support.pay_support import SUCCESS, pay_with
    view, _ = pay(deps, case_view["id"])
    back = pay_with(view["payment"]["next_url"], card or SUCCESS)
    returned(told_at or deps, back.rsplit("/", 1)[1])
    return deps.licensing.get(case_view["id"])


def holder_at(deps, case, moment):
    """The deps of a licence's holder at `moment`."""
    from chalicelib.auth.principal import Principal
    return deps.replace(clock=lambda: moment, principal=Principal(user_id=case.user_id, role="resident",
                                                                  email=case.applicant["email"]))


def fee_paid(deps, case, moment, again=False):
    """A licence's annual fee paid by its holder at `moment` on the provider's page, and the return (twice when
    `again`: the page reloaded); (the case as now stored, the payment's id)."""
    from chalicelib.handlers.licensing.annual_fee import pay as pay_annual
    from chalicelib.handlers.payments.core import returned
    from support.pay_support import SUCCESS, pay_with
    who = holder_at(deps, case, moment)
    view, _ = pay_annual(who, case.id)
    back = pay_with(view["payment"]["next_url"], SUCCESS)
    for _ in range(2 if again else 1):
        returned(who, back.rsplit("/", 1)[1])
    return deps.licensing.get(case.id), view["payment"]["id"]


def tally_at(deps, premises_key, year, count, days=()):
    """A premises' tally as if `count` notices had been given for `year` already."""
    store = deps.licensing
    store.tally(f"premises#{premises_key}#{year}", count, 0, set(days), [f"earlier-{i}" for i in range(count)],
                0).save()


@pytest.fixture
def york_types(deps):
    """York's demo licence types stored (tests import this fixture by name)."""
    return store_types(deps)


DBS_CERTIFICATE = "001234567890"


def checked_before_decision(desk_deps, case, on=None):
    """A taxi driver's checks needed before a decision (York's type: enhanced DBS with barred lists, NR3S)
    recorded at the desk on `on` (default the desk's day), clear; the case as now stored."""
    from chalicelib.handlers.licensing.desk import record_check as record
    from chalicelib.stamps import london_today
    day = (on or london_today(desk_deps.clock())).isoformat()
    case = record(desk_deps, case.id, {"check": "enhanced_dbs", "on": day, "outcome": "clear",
                                       "certificate": DBS_CERTIFICATE}, case.seq)
    return record(desk_deps, case.id, {"check": "nr3s", "on": day, "outcome": "clear"}, case.seq)
