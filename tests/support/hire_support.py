"""Hiring a hall in tests: a clock pinned in November 2027 (the block of
Tuesdays runs over the Tuesday bank holiday of 28 December 2027, and the
clocks go back on 31 October), residents as principals, and a booking paid
through the local provider and confirmed by its payment's check."""
import itertools
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
HALL = "tang-hall-main-hall"
NOW = datetime(2027, 11, 20, 12, tzinfo=LONDON)  # a Saturday
_ids = itertools.count(1)


def at(deps, moment, who=None):
    """deps at a pinned `moment`, called by `who` (a resident's principal; a fresh one when None)."""
    return deps.replace(clock=lambda: moment, principal=who or resident())


def resident(n=None, role="resident"):
    """A hirer; role="staff": an officer holding every role (support/officers.py)."""
    from chalicelib.auth.principal import Principal
    from support.officers import all_roles
    n = n if n is not None else next(_ids)
    return Principal(user_id=f"hirer-{n}", role=role, email=f"hirer{n}@example.org",
                     roles=all_roles() if role == "staff" else ())


def tuesdays(weeks=10, first="2027-11-23", **extra):
    """A community group's block: every Tuesday 18:00-20:00 from `first`."""
    return {"place": HALL, "hirer_type": "community", "hirer_name": "Tang Hall Chess Club", "date": first,
            "start": "18:00", "hours": 2, "weeks": weeks, "terms_accepted": True, **extra}


def book(deps, body, key=None):
    from chalicelib.handlers.hire.booking import create
    return create(deps, body, key or str(uuid.uuid4()))[0]


def pay_for(deps, view):
    """Pay on the provider's page and come back: the payment checked with the provider confirms it."""
    from chalicelib.handlers.payments.core import returned
    from support.pay_support import SUCCESS, pay_with
    back = pay_with(view["payment"]["next_url"], SUCCESS)
    returned(deps, back.rsplit("/", 1)[1])
    return deps.hire.get(view["id"])
