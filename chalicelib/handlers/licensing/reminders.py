"""A licence's next reminder, counted from its own first day (renewing.py sends them, annual_fee.py follows an
annual fee's day on): a renewal's days before its `to`; an annual fee's days before each anniversary of the grant,
then the day after it was due, when the fee is looked for unpaid (s.55A)."""
from datetime import date

from . import law
from .clocks import add_months

UNPAID = "annual_fee_unpaid"
EXPIRY = "expiry"  # not a mail: the day after a licence's `to`, when the job moves it to `expired`


def expiry(to):
    return {"kind": EXPIRY, "due": to.isoformat(), "days": 0, "on": date.fromordinal(to.toordinal() + 1).isoformat()}


def annual_due(jurisdiction, regime, granted):
    version = law.version(jurisdiction, regime, granted) or {}
    return (version.get("annual_fee") or {}).get("due")


def anniversary(first, years):
    """The `years`th anniversary of `first`: 29 February falls on 28 February in other years."""
    return add_months(first, 12 * years)


def first_reminder(licence_type, licence, jurisdiction, regime, today):
    """The reminder a licence granted (or reinstated) today waits for next, or None."""
    if not licence or licence.get("state") != "current":
        return None
    first = date.fromisoformat(licence["from"])
    if licence.get("to"):
        return next_reminder("renewal", date.fromisoformat(licence["to"]), licence_type.get("renewal_reminders"), today)
    days = licence_type.get("annual_fee_reminders")
    if not days or not licence_type.get("annual_fee") or annual_due(jurisdiction, regime, first) != \
            "anniversary_of_grant":
        return None
    years = 1
    while anniversary(first, years) < today:
        years += 1
    return next_reminder("annual_fee", anniversary(first, years), days, today, first=first, years=years)


def next_reminder(kind, due, days, after, first=None, years=None):
    """The first reminder of `days` (days before `due`) whose day is `after` or later; for an annual fee
    whose reminders for `due` are all past, the next year's first."""
    for d in sorted(days or (), reverse=True):
        on = date.fromordinal(due.toordinal() - d)
        if on >= after:
            out = {"kind": kind, "due": due.isoformat(), "days": d, "on": on.isoformat()}
            return {**out, "first": first.isoformat(), "years": years} if first else out
    if kind == "annual_fee" and days and first is not None:
        # Its reminders sent: the day after it was due, the job looks for the fee unpaid (annual_fee.py, s.55A).
        on = max(date.fromordinal(due.toordinal() + 1), after)
        return {"kind": UNPAID, "due": due.isoformat(), "days": 0, "on": on.isoformat(),
                "first": first.isoformat(), "years": years}
    return expiry(due) if kind == "renewal" else None


def after_paid(licence_type, case, due, today):
    """The reminder after the fee due on `due` (ISO) was paid: the next anniversary's first, from `today` on."""
    first = date.fromisoformat(case.licence["from"])
    years = 1
    while anniversary(first, years).isoformat() <= due:
        years += 1
    days = days_of(licence_type, "annual_fee")
    return next_reminder("annual_fee", anniversary(first, years), days, today, first, years) if days else None


def days_of(licence_type, kind):
    return list(licence_type.get("renewal_reminders" if kind == "renewal" else "annual_fee_reminders") or [])
