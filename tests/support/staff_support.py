"""Shared by the staff tests: an officer's requests, reports made at a
chosen time, and the demo teams, due-date rules and templates."""
import dataclasses
import json
from datetime import datetime, timezone

import pytest

from conftest import pothole

COMPLAINT = {"service_code": "complaint", "description": "The bin crew left our street covered in rubbish again.",
             "fields": {"service_area": "Bin collections"},
             "contact": {"name": "Cora Complainant", "email": "cora@example.org"}}
FOI = {"service_code": "foi_request", "description": "Please send the list of potholes repaired in 2025.",
       "fields": {"preferred_format": "email"}, "contact": {"name": "Fin Asker", "email": "fin@example.org"}}


def load_staff_data(deps):
    from doorstep_cli.demo_staff import demo_staff
    return demo_staff(deps, requests=False)


def report_at(deps, body, when):
    """A report created through the handler at `when` (UTC): old reports, without waiting."""
    from chalicelib.handlers.reports.create import create_report
    at = deps if when is None else dataclasses.replace(deps, clock=lambda: when)
    view, _ = create_report(at, body)
    return view["id"]


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


class Officer:
    """A staff member's calls through the HTTP API."""

    def __init__(self, client, person):
        self.client, self.person = client, person

    def get(self, path, reason=None):
        return self.client.get(path, {**self.person.auth, **({"Access-Reason": reason} if reason else {})})

    def report(self, rid, reason=None):
        """The staff view; with `reason`, the reporter's contact too (that reading audited)."""
        return self.get(f"/v1/staff/reports/{rid}", reason)

    def inbox(self, **params):
        from urllib.parse import urlencode
        return self.get("/v1/staff/reports" + (f"?{urlencode(params)}" if params else ""))

    def patch(self, rid, body, etag=None):
        """PATCH with the report's current ETag unless one is given."""
        etag = self.report(rid).headers["ETag"] if etag is None else etag
        headers = {"Content-Type": "application/json", **self.person.auth}
        if etag:
            headers["If-Match"] = etag
        return self.client.raw.http.request("PATCH", f"/v1/staff/reports/{rid}", body=json.dumps(body),
                                            headers=headers)

    def post(self, path, body, headers=None):
        return self.client.post(path, body, {**self.person.auth, **(headers or {})})

    def audit(self, rid):
        return self.get(f"/v1/staff/reports/{rid}/audit").json_body["entries"]


def ids_of(response):
    assert response.status_code == 200, response.body
    return [r["id"] for r in response.json_body["reports"]]


def timeline(client, rid):
    return client.get(f"/v1/reports/{rid}/updates").json_body["updates"]


@pytest.fixture
def staff_data(deps):
    """Demo teams (north, south, lighting), due-date rules and response templates."""
    return load_staff_data(deps)


@pytest.fixture
def officer(client, people, staff_data):
    """An officer with no scope limits (an administrator)."""
    return Officer(client, people("admin", name="Olu Officer", email="olu.officer@council.example"))


@pytest.fixture
def officer_for(client, people, staff_data):
    """officer_for(categories=[...], wards=[...]): a staff member with that scope."""
    def make(**scope):
        return Officer(client, people("staff", **scope))
    return make


__all__ = ["officer", "officer_for", "staff_data", "COMPLAINT", "FOI", "Officer", "ids_of", "load_staff_data", "pothole", "report_at", "timeline", "utc"]
