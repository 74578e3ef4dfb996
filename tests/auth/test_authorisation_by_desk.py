"""The authorisation matrix for a resident's things: every residents' route that opens one to a desk's
officers as well as to its resident, against an officer of each role of the council's roles file.

A route says what it holds beside its rule (`holds=`, auth/rules.py). Here, apart from the app, KIND_DESKS
restates which desk each kind belongs to and ROUTES what each route is called with and how a refusal
looks; the roles file says which desks each role opens. Each route is called, with a thing of its kind
made by its resident, by the resident, another resident, an administrator, another council's administrator
(a resident at this council's address) and one officer per role, each officer saying why (Access-Reason):
the resident and the officers whose roles open the kind's desk are let in (a read by an officer audited
with the reason), everyone else is refused as any other resident is.
A route that holds a kind this file does not know, or one it names that holds nothing, fails the first
test; a route that lets another desk's officer in fails its own."""
import json
from collections import namedtuple
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chalicelib.auth.desks import DEFAULT_FILE
from support.pay_support import pay  # noqa: F401  (the local provider: paid things are held, waiting)
from support import desk_things as things

OWNER, OTHER, ADMIN = "its_resident", "another_resident", "administrator"  # its resident: each thing's own
ELSEWHERE = "administrator_of_another_council"  # granted by North Lanarkshire: at York, any other resident
ROLES = json.loads(DEFAULT_FILE.read_text())["roles"]
OFFICERS = tuple(f"officer:{role}" for role in ROLES)
CALLERS = (OWNER, OTHER, ADMIN, ELSEWHERE, *OFFICERS)
WHY = "Caller on the phone about it"
MONDAY_10AM = datetime(2027, 3, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # the chat desk open

# Which desk's officers each kind opens to: stated here, apart from auth/rules.py.
KIND_DESKS = {"report": "reports", "conversation": "chat", "container_request": "containers",
              "hire_booking": "halls", "bulky_booking": "bulky", "garden_subscription": "garden",
              "appointment": "appointments", "petition": "petitions", "broadcast": "broadcasts",
              "draft_form": "forms"}
UNOWNED = {"broadcast", "draft_form"}  # the council's: no resident opens them beyond the public

# kind; make(world) -> the thing's context; request(world, ctx) -> (method, path, body);
# refused(response, ctx) -> whether the answer is the one anyone else gets; audited: a read whose
# opening by an officer is written to the audit under `ctx["id"]`.
Route = namedtuple("Route", "kind make request refused audited", defaults=(False,))


def not_found(code):
    return lambda r, ctx: r.status_code == 404 and r.json_body["error"]["code"] == code


ROUTES = {
    ("GET", "/v1/reports/{report_id}"): Route(
        "report", things.private_report, lambda w, c: ("GET", f"/v1/reports/{c['id']}", None),
        lambda r, c: r.status_code == 200 and r.json_body["view"] == "public" and "contact" not in r.json_body,
        audited=True),
    ("GET", "/v1/reports/{report_id}/updates"): Route(
        "report", things.private_report, lambda w, c: ("GET", f"/v1/reports/{c['id']}/updates", None),
        lambda r, c: r.status_code == 200 and things.UPDATE not in r.body.decode(), audited=True),
    ("GET", "/v1/photos/{name}"): Route(
        "report", things.private_report, lambda w, c: ("GET", c["photo"], None), not_found("photo_not_found")),
    ("POST", "/v1/alerts"): Route(
        "report", things.private_report, lambda w, c: ("POST", "/v1/alerts", things.follow(c["id"])),
        not_found("report_not_found")),
    **{(m, f"/v1/conversations/{{conversation_id}}{tail}"): Route(
        "conversation", things.conversation, lambda w, c, m=m, tail=tail, body=body: (
            m, f"/v1/conversations/{c['id']}{tail}", body), not_found("conversation_not_found"))
       for m, tail, body in (("GET", "", None), ("GET", "/messages", None),
                             ("POST", "/messages", {"text": "Still there?"}), ("POST", "/rating", {"rating": 5}),
                             ("POST", "/choice", {"choice": "wait"}))},
    ("GET", "/v1/places/{uprn}/containers"): Route(
        "container_request", things.container_request, lambda w, c: ("GET", f"/v1/places/{c['uprn']}/containers", None),
        lambda r, c: r.status_code == 200 and c["id"] not in r.body.decode()),
    ("POST", "/v1/waste/containers/requests"): Route(
        "container_request", things.container_request, lambda w, c: ("POST", "/v1/waste/containers/requests", {
            "uprn": c["uprn"], "container": c["container"], "reason": "damaged_by_crew"}),
        lambda r, c: r.status_code == 409 and r.json_body["open_request"] is None),
    ("GET", "/v1/waste/containers/requests/{request_id}"): Route(
        "container_request", things.container_request,
        lambda w, c: ("GET", f"/v1/waste/containers/requests/{c['id']}", None), not_found("request_not_found"),
        audited=True),
    ("POST", "/v1/waste/containers/requests/{request_id}/cancel"): Route(
        "container_request", things.container_request,
        lambda w, c: ("POST", f"/v1/waste/containers/requests/{c['id']}/cancel", {"reason": "Not needed now"}),
        not_found("request_not_found")),
    ("GET", "/v1/hire/bookings/{booking_id}"): Route(
        "hire_booking", things.hire_booking, lambda w, c: ("GET", f"/v1/hire/bookings/{c['id']}", None),
        not_found("booking_not_found"), audited=True),
    ("POST", "/v1/hire/bookings/{booking_id}/sessions/{date}/cancel"): Route(
        "hire_booking", things.hire_booking,
        lambda w, c: ("POST", f"/v1/hire/bookings/{c['id']}/sessions/{c['date']}/cancel", {}),
        not_found("booking_not_found")),
    **{(m, f"/v1/waste/bulky/bookings/{{booking_id}}{tail}"): Route(
        "bulky_booking", things.bulky_booking, lambda w, c, m=m, tail=tail: (
            m, f"/v1/waste/bulky/bookings/{c['id']}{tail}", things.bulky_change(c) if tail == "/change" else (
                {} if m == "POST" else None)), not_found("booking_not_found"), audited=m == "GET")
       for m, tail in (("GET", ""), ("POST", "/cancel"), ("POST", "/change"))},
    **{(m, f"/v1/waste/garden/subscriptions/{{subscription_id}}{tail}"): Route(
        "garden_subscription", things.garden_subscription, lambda w, c, m=m, tail=tail: (
            m, f"/v1/waste/garden/subscriptions/{c['id']}{tail}", {} if m == "POST" else None),
        not_found("subscription_not_found"), audited=m == "GET")
       for m, tail in (("GET", ""), ("POST", "/cancel"))},
    **{(m, f"/v1/appointments/{{appointment_id}}{tail}"): Route(
        "appointment", things.appointment, lambda w, c, m=m, tail=tail: (
            m, f"/v1/appointments/{c['id']}{tail}", things.ANSWERS if tail == "/book" else (
                {} if m == "POST" else None)), not_found("appointment_not_found"), audited=m == "GET")
       for m, tail in (("GET", ""), ("POST", "/release"), ("POST", "/book"))},
    ("GET", "/v1/petitions/{petition_id}"): Route(
        "petition", things.pending_petition, lambda w, c: ("GET", f"/v1/petitions/{c['id']}", None),
        not_found("petition_not_found")),
    ("GET", "/v1/broadcasts/{broadcast_id}"): Route(
        "broadcast", things.broadcast, lambda w, c: ("GET", f"/v1/broadcasts/{c['id']}", None),
        lambda r, c: r.status_code == 200 and "author" not in r.json_body),
    ("POST", "/v1/forms/{form_id}/submissions"): Route(
        "draft_form", things.draft_form, lambda w, c: ("POST", f"/v1/forms/{c['id']}/submissions", {"preview": True}),
        lambda r, c: r.status_code == 403 and r.json_body["error"]["code"] == "forbidden"),
}


def opens(caller, kind):
    """What this file expects: its resident (of a thing a resident has), an administrator, and an officer
    whose roles, as the roles file gives them, open the kind's desk."""
    if caller == OWNER:
        return kind not in UNOWNED
    if caller == ADMIN:
        return True
    if caller.startswith("officer:"):
        return KIND_DESKS[kind] in ROLES[caller.split(":", 1)[1]]["desks"]
    return False


def test_the_routes_that_open_a_residents_thing_to_a_desk_are_those_this_file_knows():
    from app import app  # noqa: F401  (wires the registry)
    from chalicelib.api.registry import REGISTRY
    from chalicelib.auth.rules import DESK_OF_KIND
    held = {key: route.holds for key, route in REGISTRY.routes.items() if route.holds}
    assert held == {key: spec.kind for key, spec in ROUTES.items()}
    assert DESK_OF_KIND == KIND_DESKS


def test_every_kind_has_an_officer_of_its_desk_and_an_officer_of_another_to_be_tried_against():
    for kind, desk in KIND_DESKS.items():
        assert any(desk in role["desks"] for role in ROLES.values()), kind
        assert any(desk not in role["desks"] for role in ROLES.values()), kind


@pytest.mark.parametrize("route", sorted(ROUTES, key=lambda k: (k[1], k[0])), ids=" ".join)
def test_a_residents_thing_opens_to_its_resident_and_the_officers_of_its_desk_only(route, client, deps, pay):
    import time_machine
    with time_machine.travel(MONDAY_10AM, tick=True):
        world = things.World(client, deps, OTHER, ADMIN, OFFICERS, admin_elsewhere=ELSEWHERE)
        spec, shared, wrong = ROUTES[route], None, []
        for caller in CALLERS:
            # A read is made once for every caller; a change, on a thing of its own for each.
            ctx = shared if shared is not None else spec.make(world)
            shared = ctx if route[0] == "GET" else None
            method, path, body = spec.request(world, ctx)
            who = ctx["owner"] if caller == OWNER else caller
            why = {"Access-Reason": WHY} if caller not in (OWNER, OTHER) else {}
            response = world.call(who, method, path, body, why)
            let_in, refused = opens(caller, spec.kind), spec.refused(response, ctx)
            readings = [e for e in deps.audit.entries(ctx["id"])
                        if e.by_user_id == world.user_id(who) and e.action == "read"]
            if response.status_code >= 500 or refused == let_in:
                wrong.append(f"{caller}: {response.status_code} {response.body[:160]!r}")
            elif let_in and spec.audited and caller not in (OWNER, OTHER) and \
                    [e.reason for e in readings] != [WHY]:
                wrong.append(f"{caller}: read without its audit line ({readings})")
            elif not let_in and (readings or things.leaked(response, ctx)):
                wrong.append(f"{caller}: refused, yet audited as a reading or shown the resident's details")
        assert wrong == [], f"{route}: " + "; ".join(wrong)
