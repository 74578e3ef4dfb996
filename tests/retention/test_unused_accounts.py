"""A resident who has not used their account at York for its `unused_account_months` is warned by e-mail
`warn_days` before (York's words, a link to York's own address), kept if they sign in, report or are sent
an alert in between, and otherwise removed at York: their reports stay, anonymised. A person York and
North Lanarkshire both know is removed at York alone: North Lanarkshire's records of them, their account
and their sign-in there are untouched. An officer is never removed as a resident; a hold keeps a person."""
from datetime import timedelta

import pytest
import time_machine

from chalicelib import tenancy
from conftest import pothole
from support.councils_support import NL, NL_HOST, YORK_HOST, add, at, north_lanarkshire, with_categories
from support.jurisdictions_support import MOTHERWELL
from support.retention_support import YORK_URL, sweep_at, utc, york_keeping

START = utc(2025, 3, 10, 10)  # when they last used their accounts at York
WARN = utc(2026, 2, 8, 12)  # 30 days before 10 March 2026, when 12 months unused ends
GOES = utc(2026, 3, 10, 12)


@pytest.fixture
def york(deps):
    return york_keeping(deps, unused_account_months=12, warn_days=30)


def _made_at(moment, people, role="resident", **kwargs):
    with time_machine.travel(moment, tick=False):
        return people(role, **kwargs)


def _outbox(address):
    from support.alert_support import outbox_to
    return outbox_to(address)


def _signs_in(deps, person, moment, council="york"):
    from chalicelib.handlers.accounts import auth
    with time_machine.travel(moment, tick=False), tenancy.acting_for(council):
        here = deps.for_council()
        return {"Authorization": "Bearer " + auth.start_session(here, here.accounts.user(person.user.id), moment)[
            "access_token"]}


def test_an_unused_resident_is_warned_once_then_removed_at_york_with_their_reports_anonymised(
        client, deps, people, york):
    ada = _made_at(START, people, email="ada@example.org")
    with time_machine.travel(START, tick=False):
        made = client.post("/v1/reports", pothole(), ada.auth)
    assert made.status_code == 201
    assert sweep_at(deps, WARN - timedelta(days=1)).counts["accounts_warned"] == {"warned": 0, "kept": 0}
    assert sweep_at(deps, WARN).counts["accounts_warned"] == {"warned": 1, "kept": 0}
    (mail,) = _outbox("ada@example.org")
    assert mail.subject == "Your York account will be removed on Tuesday 10 March 2026 unless you use it"
    assert f"{YORK_URL}/account" in mail.body and "since Monday 10 March 2025" in mail.body
    assert sweep_at(deps, WARN + timedelta(hours=2)).counts["accounts_warned"]["warned"] == 0
    assert len(_outbox("ada@example.org")) == 1  # warned once

    assert sweep_at(deps, GOES - timedelta(days=1)).counts["accounts_removed"] == {"removed": 0, "kept": 0}
    assert sweep_at(deps, GOES).counts["accounts_removed"] == {"removed": 1, "kept": 0}
    assert deps.accounts.user(ada.user.id) is None  # York knew her alone: her account goes
    assert deps.accounts.user_by_identity("email#ada@example.org") is None
    report = deps.reports.get(made.json_body["id"])
    assert report.user_id is None and report.contact == {}
    assert client.get(f"/v1/reports/{report.id}", at(YORK_HOST)).status_code == 200  # the street's record stays
    assert sweep_at(deps, GOES + timedelta(days=1)).counts["accounts_removed"] == {"removed": 0, "kept": 0}


def test_a_sign_in_a_report_or_an_alert_after_the_warning_keeps_the_account(client, deps, people, york):
    from chalicelib.handlers.alerts import delivery
    from chalicelib.storage.records import Alert
    signs_in, reports, alerted, idle = (_made_at(START, people, email=f"{n}@example.org")
                                        for n in ("bob", "dee", "eve", "fay"))
    assert sweep_at(deps, WARN).counts["accounts_warned"]["warned"] == 4
    back = WARN + timedelta(days=12)
    _signs_in(deps, signs_in, back)
    with time_machine.travel(back, tick=False):
        token = _signs_in(deps, reports, back)
        assert client.post("/v1/reports", pothole(), token).status_code == 201
        alert = Alert(id="al-eve", kind="area", channels={"email": "eve@example.org"}, user_id=alerted.user.id)
        assert delivery._deliver_once(deps, delivery.delivery_id("ev-1", "email", "eve@example.org"), alert, "email",
                                      "eve@example.org", None, lambda *a: "sent", lambda s: None) == "sent"
    assert sweep_at(deps, GOES).counts["accounts_removed"] == {"removed": 1, "kept": 0}
    assert deps.accounts.user(idle.user.id) is None
    for kept in (signs_in, reports, alerted):
        assert deps.accounts.user(kept.user.id) is not None
        assert deps.presence.get(kept.user.id).warned_at is None  # warned afresh a year on, if unused again


def test_a_person_york_and_north_lanarkshire_both_know_is_removed_at_york_alone(client, deps, people, york):
    add(deps, {**north_lanarkshire(), "retention": {"unused_account_months": 24}})
    with_categories(NL)
    cai = _made_at(START, people, email="cai@example.org")
    at_nl = _signs_in(deps, cai, START, NL)
    with time_machine.travel(START, tick=False):
        there = client.post("/v1/reports", pothole(lat=MOTHERWELL[0], lon=MOTHERWELL[1]), at(NL_HOST, at_nl))
        here = client.post("/v1/reports", pothole(), at(YORK_HOST, cai.auth))
    assert there.status_code == here.status_code == 201, there.json_body
    sweep_at(deps, WARN)
    assert sweep_at(deps, GOES).counts["accounts_removed"]["removed"] == 1
    assert deps.reports.get(here.json_body["id"]).user_id is None
    person = deps.accounts.user(cai.user.id)
    assert person is not None and person.signed_in_at == {NL}
    with tenancy.acting_for(NL):
        theirs = deps.for_council().reports.get(there.json_body["id"])
        assert theirs.user_id == cai.user.id and theirs.contact["email"] == "ada@example.org"
        assert deps.for_council().presence.get(cai.user.id) is not None
        assert sweep_at(deps, GOES).counts["accounts_warned"]["warned"] == 0  # NL keeps hers 24 months
    again = _signs_in(deps, cai, GOES, NL)
    with time_machine.travel(GOES, tick=False):
        assert client.get("/v1/me/reports", at(NL_HOST, again)).json_body["reports"][0]["id"] == there.json_body["id"]


def test_an_officer_is_not_removed_as_a_resident(deps, people, york):
    officer = _made_at(START, people, "staff", email="olu@york.example.gov.uk")
    assert sweep_at(deps, WARN).counts["accounts_warned"] == {"warned": 0, "kept": 1}
    assert _outbox("olu@york.example.gov.uk") == []
    assert deps.accounts.user(officer.user.id) is not None


def test_a_held_account_is_neither_warned_nor_removed_until_released(client, deps, people, york):
    from support.councils_support import put
    gus = _made_at(START, people, email="gus@example.org")
    admin = _made_at(START, people, "admin", email="admin@york.example.gov.uk")
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        held = put(client, f"/v1/admin/retention/holds/accounts/{gus.user.id}",
                   {"reason": "Subject access request open"}, at(YORK_HOST, admin.auth))
    assert held.status_code == 200, held.json_body
    assert sweep_at(deps, WARN).counts["accounts_warned"] == {"warned": 0, "kept": 1}  # the administrator: an officer
    assert sweep_at(deps, GOES + timedelta(days=60)).counts["accounts_removed"] == {"removed": 0, "kept": 0}
    later = GOES + timedelta(days=61)
    with time_machine.travel(later, tick=False):
        released = client.raw.http.delete(f"/v1/admin/retention/holds/accounts/{gus.user.id}",
                                          headers=at(YORK_HOST, _signs_in(deps, admin, later)))
    assert released.status_code == 200, released.body
    assert sweep_at(deps, later).counts["accounts_warned"]["warned"] == 1  # warned before they can go
    assert sweep_at(deps, later + timedelta(days=29)).counts["accounts_removed"]["removed"] == 0
    assert sweep_at(deps, later + timedelta(days=30)).counts["accounts_removed"]["removed"] == 1
    assert deps.accounts.user(gus.user.id) is None


def test_accounts_from_before_the_sweep_are_counted_as_used_from_the_moment_it_began(deps, people, york):
    from chalicelib.storage.accounts.presence import PresenceModel, PresenceStore
    hal = _made_at(START, people, email="hal@example.org")
    PresenceModel(user_id=hal.user.id).delete()  # as a stage from before the table holds them
    began = utc(2026, 1, 5, 9)
    assert PresenceStore.enrol_existing(began) == 1
    assert deps.presence.get(hal.user.id).last_active == began
    assert sweep_at(deps, WARN).counts["accounts_warned"]["warned"] == 0  # a year from `began`, not from START
    assert PresenceStore.enrol_existing(began) == 0  # once
