"""A questionnaire's sending is at least once: a sender that dies between its
claim and its sends leaves it due, and a run after RESEND_AFTER asks; one that
dies after sending, before marking it sent, asks again under the same
Message-ID, so the receiving mail system can tell, and either link answers."""
from datetime import datetime, timedelta, timezone

import pytest

from support.questionnaire_support import AFTER, at, fixed_report, link_in, send, stream
from support.kill_support import message_ids
from support.staff_support import officer, staff_data  # noqa: F401  (fixtures)


class Died(BaseException):
    """The process stopping at a step boundary (not an Exception: nothing catches it)."""


@pytest.fixture
def dies_at(monkeypatch):
    from chalicelib import faults

    def arm(name):
        def boundary(reached):
            if reached == name:
                monkeypatch.setattr(faults, "boundary", lambda reached: None)  # the restarted process lives
                raise Died(name)
        monkeypatch.setattr(faults, "boundary", boundary)
    return arm


def died_after_sending(client, officer, people, deps, dies_at):
    """A reporter's question sent, its sender dead before marking it sent: (reporter, report id, when due)."""
    reporter, due = people(), datetime.now(timezone.utc) + AFTER
    rid = fixed_report(client, officer, reporter)
    stream(deps)
    dies_at("questionnaire.delivered")
    with pytest.raises(Died):
        send(deps, due)
    return reporter, rid, due


def asked_mails(reporter):
    from chalicelib.storage.outbox import OutboxModel
    return [m for m in OutboxModel.recipient_index.query(reporter.user.email) if "has it been fixed" in m.subject]


def test_a_sender_that_dies_between_its_claim_and_its_send_leaves_the_question_to_a_later_run_which_asks_once(
        client, officer, people, deps):
    from chalicelib.handlers.questionnaires.limits import RESEND_AFTER
    reporter, due = people(), datetime.now(timezone.utc) + AFTER
    rid = fixed_report(client, officer, reporter)
    stream(deps)
    from chalicelib.handlers.questionnaires.sending import send_due

    def dies_as_it_sends(*message):
        raise Died("between the claim and the send")
    with pytest.raises(Died):
        send_due(at(deps, due), deliver=dies_as_it_sends)
    assert asked_mails(reporter) == [] and deps.questionnaires.get(rid).status == "sending"
    assert send(deps, due + timedelta(minutes=1)) == {}  # its sender may still be at work
    assert send(deps, due + RESEND_AFTER + timedelta(minutes=1)) == {"sent": 1}
    assert send(deps, due + RESEND_AFTER * 3) == {}
    [mail] = asked_mails(reporter)
    _, token = link_in(mail)
    assert client.get(f"/v1/questionnaires/{rid}?token={token}").status_code == 200
    assert deps.questionnaires.get(rid).status == "sent"


def test_a_sender_that_dies_after_sending_asks_again_under_the_same_message_id_and_either_link_answers(
        client, officer, people, deps, dies_at):
    from chalicelib.handlers.questionnaires.limits import RESEND_AFTER
    reporter, rid, due = died_after_sending(client, officer, people, deps, dies_at)
    assert send(deps, due + RESEND_AFTER + timedelta(minutes=1)) == {"sent": 1}
    mails = asked_mails(reporter)
    assert len(mails) == 2 and len(set(message_ids(mails))) == 1  # one message to the receiver
    first, second = (link_in(m)[1] for m in mails)
    assert first != second
    assert client.get(f"/v1/questionnaires/{rid}?token={first}").status_code == 200
    assert client.get(f"/v1/questionnaires/{rid}?token={second}").status_code == 200
    assert client.get(f"/v1/questionnaires/{rid}?token=not-a-link-we-sent").status_code == 403


def test_a_question_answered_from_the_first_send_is_not_sent_again(client, officer, people, deps, dies_at):
    from chalicelib.handlers.questionnaires.limits import RESEND_AFTER
    reporter, rid, due = died_after_sending(client, officer, people, deps, dies_at)
    [mail] = asked_mails(reporter)
    _, token = link_in(mail)
    answered = client.post(f"/v1/questionnaires/{rid}/answer", {"token": token, "fixed": True, "rating": 5})
    assert answered.status_code in (200, 201), answered.body
    assert send(deps, due + RESEND_AFTER + timedelta(minutes=1)) == {}  # answered: out of the queue
    assert len(asked_mails(reporter)) == 1 and deps.questionnaires.get(rid).status == "answered"
