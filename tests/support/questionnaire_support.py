"""Shared by the questionnaire tests: a reporter's report fixed by staff, the
events stream handed to the schedulers and counters as the dispatcher
would, the sender run at a chosen time, and the link read from the mail."""
import dataclasses
import re
from datetime import timedelta

import pytest

from conftest import pothole

AFTER = timedelta(days=14, minutes=1)  # past the default DOORSTEP_QUESTIONNAIRE_AFTER_DAYS


def at(deps, moment):
    return dataclasses.replace(deps, clock=lambda: moment)


def stream(deps, seen=None):
    """Every event not handed over yet, oldest first, to what the stream
    handler runs after the alerts: the questionnaire scheduler and the figures."""
    from chalicelib.handlers.questionnaires.scheduling import schedule
    from chalicelib.handlers.stats.counting import count_event
    from chalicelib.storage.alerts.alerts import event_from_image
    from chalicelib.storage.reports.reports import EventModel
    seen = set() if seen is None else seen
    found = sorted((event_from_image(e.serialize()) for e in EventModel.scan() if e.id not in seen),
                   key=lambda e: e.created_at)
    for event in found:
        seen.add(event.id)
        if event.kind == "report_state_changed" and event.payload.get("state") in ("fixed", "closed"):
            schedule(deps, event)
        count_event(deps, event)
    return seen


def fixed_report(client, officer, reporter, state="fixed"):
    """A signed-in reporter's report (they follow it by e-mail), closed by staff."""
    rid = client.post("/v1/reports", pothole(contact={"email": reporter.user.email}), reporter.auth).json_body["id"]
    done = officer.patch(rid, {"status": state, "public_update": "Filled and rolled."})
    assert done.status_code == 200, done.body
    return rid


def send(deps, when):
    from chalicelib.handlers.questionnaires.sending import send_due
    return send_due(at(deps, when))


def mails_to(address):
    from chalicelib.storage.outbox import OutboxStore
    return OutboxStore().newest(50, to=address)


def link_in(mail):
    """(path and query of the one-click link, token)."""
    url = re.search(r"http://\S+/questionnaire\?report=(\S+?)&token=(\S+)", mail.body)
    assert url, mail.body
    return url.group(0), url.group(2)


@pytest.fixture
def asked(client, officer, people, deps):
    """ask(state="fixed") -> (report id, reporter, token): a reporter sent their questionnaire."""
    from datetime import datetime, timezone

    def ask(state="fixed"):
        reporter = people()
        rid = fixed_report(client, officer, reporter, state)
        stream(deps)
        assert send(deps, datetime.now(timezone.utc) + AFTER) == {"sent": 1}
        [mail] = [m for m in mails_to(reporter.user.email) if "has it been fixed" in (m.subject or "")]
        return rid, reporter, link_in(mail)[1]
    return ask
