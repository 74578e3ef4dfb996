"""A taxi driver's checks (Statutory Taxi and Private Hire Vehicle Standards, DfT 2020, updated 2023): a licence
is not granted until an enhanced DBS check and an NR3S search are recorded and recent enough for the type; the
DBS update service falls due six calendar months after the licence's first day or its last check (due on the
day, overdue the day after); the certificate's number is read only at the audited desk; a refusal, revocation
or suspension leaves an entry in the council's outgoing NR3S record."""
import json
from datetime import date

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import (DBS_CERTIFICATE, at, checked_before_decision, london, paid, person,
                                       started)

HOME = {"address": "4 Acomb Road, York YO24 4EY"}


def driver(deps, moment):
    who = at(deps, moment)
    return paid(who, started(who, {"type": "taxi-driver", "premises": HOME, "applicant": {"name": "Priya Driver"}}))


def officer(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def granted_on(deps, day):
    from chalicelib.handlers.licensing import desk
    case = driver(deps, london(day.year, day.month, day.day, 9))
    desk_at = officer(deps, london(day.year, day.month, day.day, 15))
    case = checked_before_decision(desk_at, case)
    return desk.decide(desk_at, case.id, {"outcome": "granted", "reasons": "Fit and proper."}, case.seq)


def refused_words(call):
    with pytest.raises(ApiError) as refused:
        call()
    assert refused.value.status == 422
    return " ".join(f["message"] for f in refused.value.body()["error"]["fields"])


def test_a_drivers_licence_waits_for_a_dbs_check_and_an_nr3s_search_each_recent_enough(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.desk import record_check as record
    case = driver(deps, london(2026, 6, 1, 9))
    desk_at = officer(deps, london(2026, 9, 2, 10))
    grant = {"outcome": "granted", "reasons": "Fit and proper."}
    words = refused_words(lambda: desk.decide(desk_at, case.id, grant, case.seq))
    assert "enhanced DBS check with the children's and adults' barred lists (none recorded)" in words
    assert "NR3S" in words and deps.licensing.get(case.id).state == "received"
    # The DBS certificate came in June: more than York's 3 months before today, however clear it was.
    case = record(desk_at, case.id, {"check": "enhanced_dbs", "on": "2026-06-01", "outcome": "clear",
                                     "certificate": DBS_CERTIFICATE}, case.seq)
    case = record(desk_at, case.id, {"check": "nr3s", "on": "2026-09-02", "outcome": "clear"}, case.seq)
    words = refused_words(lambda: desk.decide(desk_at, case.id, grant, case.seq))
    assert "(the last on Monday 1 June 2026, more than 3 months before today)" in words and "NR3S" not in words
    # On 2 September, 2 June is exactly 3 months back: still recent enough; the 1 June one is not.
    case = record(desk_at, case.id, {"check": "enhanced_dbs", "on": "2026-06-02", "outcome": "found",
                                     "certificate": DBS_CERTIFICATE, "notes": "A 2009 caution: weighed."}, case.seq)
    case = desk.decide(desk_at, case.id, grant, case.seq)
    assert case.state == "granted" and case.check_due == {"check": "dbs_update_service", "due": "2027-03-02"}


def test_a_refusal_needs_no_checks_and_leaves_an_nr3s_entry_a_pubs_refusal_none(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    case = driver(deps, london(2026, 6, 1, 9))
    desk_at = officer(deps, london(2026, 6, 10, 10))
    desk.decide(desk_at, case.id, {"outcome": "refused", "reasons": "Not fit and proper."}, case.seq)
    [entry] = deps.licensing.nr3s(case.id)
    assert (entry["decision"], entry["decided_on"], entry["name"], entry["state"]) == (
        "refused", "2026-06-10", "Priya Driver", "to_send")
    assert "Not fit and proper" not in json.dumps(entry)  # NR3S holds what was decided, never the reasons
    who = at(deps, london(2026, 6, 1, 9))
    pub = paid(who, started(who, {"type": "premises-licence", "band": "A",
                                  "premises": {"name": "The Fleece", "address": "16 Pavement, York"}}))
    desk.decide(officer(deps, london(2026, 7, 10, 10)), pub.id, {"outcome": "refused", "reasons": "No."}, pub.seq)
    assert deps.licensing.nr3s(pub.id) == []


def test_a_revocation_and_a_suspension_each_leave_an_entry_and_a_revoked_licence_is_due_no_check(deps, pay,
                                                                                                 york_types):
    from chalicelib.handlers.licensing import desk
    case = granted_on(deps, date(2026, 5, 28))
    desk_at = officer(deps, london(2026, 7, 1, 10))
    case = desk.change_licence(desk_at, case.id, {"action": "suspend", "reasons": "Charged."}, case.seq)
    assert case.check_due is not None  # a suspended licence is still checked
    case = desk.change_licence(desk_at, case.id, {"action": "reinstate", "reasons": "Charge dropped."}, case.seq)
    case = desk.change_licence(officer(deps, london(2026, 8, 3, 10)), case.id,
                               {"action": "revoke", "reasons": "Convicted."}, case.seq)
    assert [(e["decision"], e["decided_on"]) for e in deps.licensing.nr3s(case.id)] == [
        ("revoked", "2026-08-03"), ("suspended", "2026-07-01")]  # sorted by decision, each once
    assert case.check_due is None and deps.licensing.checks_due_by("2030-01-01") == []


def test_the_update_service_check_is_due_six_calendar_months_on_and_overdue_a_day_after(deps, pay, york_types):
    from chalicelib.handlers.licensing.checks import due_list, flag_due
    from chalicelib.handlers.licensing.desk import record_check as record
    case = granted_on(deps, date(2026, 5, 28))
    assert due_list(officer(deps, london(2026, 11, 27, 23, 59)))["checks_due"] == []
    assert flag_due(officer(deps, london(2026, 11, 27, 23, 59))) == 0
    on_the_day = officer(deps, london(2026, 11, 28, 0, 5))
    [row] = due_list(on_the_day)["checks_due"]
    assert (row["id"], row["check"], row["due"], row["overdue"]) == (case.id, "dbs_update_service", "2026-11-28", False)
    assert flag_due(on_the_day) == 1
    from chalicelib.storage import metering
    with metering.metered() as meter:
        assert flag_due(on_the_day) == 0  # flagged once for its day
    assert meter.operations == ["Query"]  # the flagged one is not read again, however many there are
    day_after = officer(deps, london(2026, 11, 29, 9))
    [row] = due_list(day_after)["checks_due"]
    assert row["overdue"] is True and flag_due(day_after) == 0
    case = deps.licensing.get(case.id)
    case = record(day_after, case.id, {"check": "dbs_update_service", "on": "2026-11-29", "outcome": "clear",
                                       "certificate": DBS_CERTIFICATE}, case.seq)
    assert case.check_due == {"check": "dbs_update_service", "due": "2027-05-29"}
    assert due_list(day_after)["checks_due"] == []


def test_a_licence_from_31_august_is_due_on_28_february_not_182_days_later(deps, pay, york_types):
    from chalicelib.handlers.licensing.checks import due_list
    case = granted_on(deps, date(2026, 8, 31))
    assert case.check_due["due"] == "2027-02-28"  # 182 days would say 1 March
    [row] = due_list(officer(deps, london(2027, 3, 1, 9)))["checks_due"]
    assert row["overdue"] is True


@pytest.mark.parametrize("body, field", [
    ({"check": "medical", "on": "2026-06-01", "outcome": "clear"}, "check"),  # York's type does not ask it here
    ({"check": "enhanced_dbs", "on": "2026-06-01", "outcome": "clear", "certificate": "1234"}, "certificate"),
    ({"check": "enhanced_dbs", "on": "2026-06-01", "outcome": "clear"}, "certificate"),
    ({"check": "nr3s", "on": "2026-06-03", "outcome": "clear"}, "on"),  # tomorrow
    ({"check": "nr3s", "on": "2026-13-01", "outcome": "clear"}, "on"),
    ({"check": "nr3s", "on": "2026-06-01", "outcome": "fine"}, "outcome"),
    ({"check": ["nr3s"], "on": "2026-06-01", "outcome": {"clear": 1}}, "check"),  # not a 500: unhashable
])
def test_a_check_not_asked_for_a_bad_certificate_or_a_day_to_come_is_refused_naming_it(deps, pay, york_types,
                                                                                         body, field):
    from chalicelib.handlers.licensing.desk import record_check as record
    case = driver(deps, london(2026, 6, 1, 9))
    with pytest.raises(ApiError) as refused:
        record(officer(deps, london(2026, 6, 2, 10)), case.id, body, case.seq)
    assert refused.value.status == 422
    assert field in [f["field"] for f in refused.value.body()["error"]["fields"]]
    assert deps.licensing.get(case.id).checks == []


def test_the_certificates_number_is_read_only_at_the_audited_desk(client, deps, people, pay, york_types):
    import time_machine
    from chalicelib.handlers.licensing import catalogue
    from chalicelib.handlers.licensing.views import applicant_view, register_row, withheld_view
    case = granted_on(deps, date(2026, 5, 28))
    licence_type = catalogue.find(catalogue.of_council(deps), "taxi-driver")
    # The consultee's page is the applicant's view; the register, its CSV and a change's answer without a reason.
    for seen in (applicant_view(deps, case), register_row(case, licence_type), withheld_view(case)):
        assert DBS_CERTIFICATE not in json.dumps(seen, default=str)
    with time_machine.travel(london(2026, 11, 29, 10), tick=False):  # the day after the check fell due
        staff = people("staff", email="lin.licensing@council.example")
        path = f"/v1/staff/licensing/cases/{case.id}"
        due = client.get("/v1/staff/licensing/checks-due", staff.auth)
        assert [(r["id"], r["due"], r["overdue"]) for r in due.json_body["checks_due"]] == [
            (case.id, "2026-11-28", True)]
        for listed in (client.get("/v1/licensing/register?type=taxi-driver"),
                       client.get("/v1/licensing/register.csv"), client.get("/v1/staff/licensing/cases", staff.auth),
                       due):
            assert listed.status_code == 200 and DBS_CERTIFICATE not in listed.body.decode()
        said = client.get(path, {**staff.auth, "Access-Reason": "Checking the driver's DBS"})
        assert said.status_code == 200
        assert [c.get("certificate") for c in said.json_body["checks"]] == [DBS_CERTIFICATE, None]
        assert deps.audit.entries(case.id)[-1].reason == "Checking the driver's DBS"
        recorded = client.post(f"{path}/checks", {"check": "dbs_update_service", "on": "2026-11-29",
                                                  "outcome": "clear", "certificate": DBS_CERTIFICATE},
                               {**staff.auth, "If-Match": f'"{case.seq}"'})
        assert recorded.status_code == 200, recorded.body
        assert recorded.json_body["personal_withheld"] is True and DBS_CERTIFICATE not in recorded.body.decode()
        assert client.get("/v1/staff/licensing/checks-due", staff.auth).json_body["checks_due"] == []
        assert client.get("/v1/staff/licensing/checks-due?by=2027-03-02", staff.auth).status_code == 422
        assert client.get("/v1/staff/licensing/checks-due", people("resident").auth).status_code == 403


def test_a_type_cannot_drop_a_check_the_law_asks_before_a_grant_or_check_less_often(deps):
    from chalicelib.handlers.licensing.catalogue import problems
    from support.licensing_support import YORK_TYPES
    types = json.loads(YORK_TYPES.read_text())
    driver_type = next(t for t in types if t["id"] == "taxi-driver")
    driver_type["checks"] = [{"id": "enhanced_dbs", "before_decision": True},
                             {"id": "dbs_update_service", "every_months": 12}]
    found = " ".join(reason for _, reason in problems(types, "england", date(2026, 6, 1)))
    assert "nr3s is needed before a decision" in found and "dbs_update_service every_months from 1 to 6" in found
    del driver_type["checks"]  # a council that names none still needs the law's before a grant
    assert "enhanced_dbs is needed before a decision" in " ".join(
        reason for _, reason in problems(types, "england", date(2026, 6, 1)))
    driver_type["checks"] = [{"id": "enhanced_dbs", "before_decision": True}, {"id": "nr3s", "before_decision": True}]
    vehicle = next(t for t in types if t["id"] == "taxi-vehicle")
    vehicle["checks"] = [{"id": "nr3s", "before_decision": True}]
    assert any("checks: a list of the regime's checks (it names none)" in r
               for _, r in problems(types, "england", date(2026, 6, 1)))
