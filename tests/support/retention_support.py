"""Shared by the retention tests: York with its schedule, reports made and closed at chosen moments,
and the sweep run at a chosen moment."""
from datetime import datetime, timezone

from conftest import pothole
from support.councils_support import YORK_HOST, add, at, put, york
from support.staff_support import report_at

RETENTION = "/v1/admin/retention"


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


def york_keeping(deps, months=None, **more):
    """York, its street reports kept `months` after closure when given (else the data map's default)."""
    document = york()
    section = dict(more)
    if months is not None:
        section["kinds"] = {"reports": {"after": "closed", "months": months, "then": "anonymise"}}
    if section:
        document["retention"] = section
    return add(deps, document)


def closed_report(deps, made, closed, **body):
    """A pothole report made at `made` with Ada's contact, closed (fixed) at `closed`: its id."""
    from chalicelib.handlers.reports.changes import change_state
    rid = report_at(deps, pothole(**body), made)
    if closed is not None:
        change_state(deps.replace(clock=lambda: closed), rid, "fixed", text="Filled in.")
    return rid


def sweep_at(deps, now, dry=False):
    """The council's sweep run at `now` (its counts by kind, its listings)."""
    from chalicelib.handlers.retention.sweep import run
    return run(deps.for_council().replace(clock=lambda: now), dry=dry)


def set_schedule(client, admin, section, host=YORK_HOST):
    """The administrator's PUT of the retention section with the version just read."""
    read = client.get(RETENTION, at(host, admin))
    assert read.status_code == 200, read.json_body
    return put(client, RETENTION, section, at(host, {**admin, "If-Match": read.headers["ETag"]}))
