"""Asking reporters, some days after their report was fixed or closed: when,
how (their own channels, a one-click link), once, and at a cost that reads
what is due rather than the reports."""
from datetime import datetime, timedelta, timezone

from conftest import pothole
from support.questionnaire_support import AFTER, at, fixed_report, link_in, mails_to, send, stream
from support.staff_support import officer, staff_data  # noqa: F401  (fixtures)


def now():
    return datetime.now(timezone.utc)


def test_a_reporter_is_asked_once_on_their_channel_after_the_days_set_and_not_before(client, officer, people, deps):
    reporter = people()
    rid = fixed_report(client, officer, reporter)
    stream(deps)
    stream(deps, set())  # the stream delivers the batch again: the same schedule
    assert send(deps, now() + timedelta(days=13)) == {}
    assert send(deps, now() + AFTER) == {"sent": 1}
    assert send(deps, now() + AFTER + timedelta(days=1)) == {}
    [mail] = [m for m in mails_to(reporter.user.email) if "has it been fixed" in m.subject]
    url, token = link_in(mail)
    assert url.startswith("http://testserver/questionnaire?report=" + rid)
    assert "Has it been fixed?" in mail.body and "ada@example.org" not in mail.body
    assert client.get(f"/v1/questionnaires/{rid}?token={token}").status_code == 200


def test_the_days_before_asking_are_a_setting(client, officer, people, deps, monkeypatch):
    monkeypatch.setenv("DOORSTEP_QUESTIONNAIRE_AFTER_DAYS", "2")
    fixed_report(client, officer, people())
    stream(deps)
    assert send(deps, now() + timedelta(days=1)) == {}
    assert send(deps, now() + timedelta(days=2, minutes=1)) == {"sent": 1}


def test_a_closed_report_is_asked_about_too_but_not_one_marked_duplicate(client, officer, people, deps):
    fixed_report(client, officer, people(), state="closed")
    fixed_report(client, officer, people(), state="not_responsible")
    stream(deps)
    assert send(deps, now() + AFTER) == {"sent": 1}


def test_a_report_reopened_before_its_questionnaire_is_due_is_not_asked_about(client, officer, people, deps):
    rid = fixed_report(client, officer, people())
    assert officer.patch(rid, {"status": "in_progress"}).status_code == 200
    stream(deps)
    assert send(deps, now() + AFTER) == {"not_closed": 1}
    assert send(deps, now() + AFTER * 2) == {}


def test_a_reporter_nobody_can_reach_is_not_asked(client, officer, deps):
    rid = client.post("/v1/reports", pothole()).json_body["id"]  # anonymous: an unconfirmed address
    assert officer.patch(rid, {"status": "fixed"}).status_code == 200
    stream(deps)
    assert send(deps, now() + AFTER) == {"unreachable": 1}
    assert mails_to("ada@example.org") == []


def test_a_caller_staff_took_a_report_for_is_asked_by_text(client, officer, deps):
    from chalicelib.storage.outbox import OutboxStore
    taken = officer.post("/v1/staff/reports", {**pothole(), "channel": "phone", "contact": {},
                                               "on_behalf_of": {"name": "Cal Caller", "phone": "07700 900456"}})
    assert taken.status_code == 201, taken.body
    rid = taken.json_body["id"]
    assert officer.patch(rid, {"status": "fixed"}).status_code == 200
    stream(deps)
    assert send(deps, now() + AFTER) == {"sent": 1}
    [text] = [m for m in OutboxStore().newest(20, to="+447700900456") if "fixed?" in m.body]
    assert f"/questionnaire?report={rid}&token=" in text.body


def test_sending_reads_what_is_due_not_the_reports_or_the_questionnaires_already_sent(client, officer, people, deps):
    from chalicelib.handlers.questionnaires.sending import send_due
    from chalicelib.storage.metering import metered
    for _ in range(6):
        fixed_report(client, officer, people())
    stream(deps)
    assert send(deps, now() + AFTER) == {"sent": 6}
    due = fixed_report(client, officer, people())
    stream(deps)
    with metered() as meter:
        assert send_due(at(deps, now() + AFTER)) == {"sent": 1}
    assert "Scan" not in meter.operations
    assert meter.queries <= 2 and meter.items <= 6, (meter.queries, meter.items, due)
    with metered() as idle:
        assert send_due(at(deps, now() + AFTER)) == {}
    assert idle.operations == ["Query"] and idle.items == 0


def test_a_channel_that_raises_fails_that_questionnaire_alone_and_it_is_not_sent_again(client, officer, people, deps):
    from chalicelib.handlers.questionnaires.sending import send_due
    from chalicelib.notify.deliver import deliver
    broken = people()
    first = fixed_report(client, officer, broken)
    fixed_report(client, officer, people())
    stream(deps)

    def flaky(channel, address, *rest):
        if address == broken.user.email:
            raise RuntimeError("the channel's bug")
        return deliver(channel, address, *rest)
    assert send_due(at(deps, now() + AFTER), deliver=flaky) == {"failed": 1, "sent": 1}
    assert send_due(at(deps, now() + AFTER)) == {}
    assert deps.questionnaires.get(first).status == "sent"
