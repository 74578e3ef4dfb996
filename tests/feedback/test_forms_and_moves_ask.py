"""A form sent and a move told each ask how it went and are counted once, online, from their events'
effects, however often the effect runs (issue 72); the message each sends links to the same question."""
import re
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlparse

import time_machine

from support.effects_support import events_of_kind, run_stream
from support.forms_support import Filler, charity_branch, published, small_png, uploaded

TOLD = datetime(2027, 3, 10, 10, 0, tzinfo=timezone.utc)  # Wednesday 10 March 2027, 10am in London


def _finished(deps, service):
    months = deps.feedback.year("2000-01", "2100-12")
    counts = [(m, c) for (m, s), c in months.items() if s == service]
    return [(m, c["finished_online"], c["finished_assisted"]) for m, c in counts]


def _asked_in(body):
    (found,) = re.findall(r"\S+/feedback/give\?\S+", body)
    return {k: v[0] for k, v in parse_qs(urlparse(found).query).items()}


def test_a_form_sent_asks_how_it_went_in_its_answer_and_its_copy_and_counts_once(client, deps):
    from chalicelib.handlers.forms.copies import on_submitted
    from support.questionnaire_support import mails_to
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    charity_branch(filler, [uploaded(client, deps, small_png(), "image/png", filler.auth)])
    sent = filler.submit(declaration=True).json_body
    assert sent["feedback"]["service"] == "forms"
    assert run_stream(deps, "form_submitted") == []
    (event,) = events_of_kind("form_submitted")
    on_submitted(deps, event, "again")  # its effect run again: a worker that died before settling
    month = deps.form_submissions.get(sent["reference"]).submitted_at.astimezone().strftime("%Y-%m")
    assert [(m, online, assisted) for m, online, assisted in _finished(deps, "forms")] == [(month, 1, 0)]
    (copy,) = [m for m in mails_to("ada@example.org") if sent["reference"] in (m.subject or "")]
    assert _asked_in(copy.body) == sent["feedback"]
    assert client.post("/v1/feedback", {"token": sent["feedback"]["token"], "rating": 3}).status_code == 201


def test_a_move_told_asks_how_it_went_and_counts_once_in_the_month_it_was_told(client, deps, people):
    from chalicelib.handlers.moving.following import on_move
    from support.alert_support import outbox_to
    from support.moving_support import NEW_HOME, homes, living_at, move
    homes(deps)
    with time_machine.travel(TOLD, tick=False):
        resident = people()
        living_at(deps, resident)
        made = move(client, resident, {"move": "within", "date": "2027-03-20", "to_uprn": NEW_HOME,
                                       "tenure": "sold", "contact": {"role": "solicitor", "name": "Lee & Co"},
                                       "furnished": False})
        assert made.status_code == 201, made.json_body
        again = move(client, resident, {"move": "within", "date": "2027-03-20", "to_uprn": NEW_HOME,
                                        "tenure": "sold", "contact": {"role": "solicitor", "name": "Lee & Co"},
                                        "furnished": False})
    asked = made.json_body["feedback"]
    assert asked["service"] == "moving" and again.json_body["feedback"] == asked
    assert run_stream(deps, "move_made") == []
    (event,) = events_of_kind("move_made")
    on_move(deps, event, "again")
    assert _finished(deps, "moving") == [("2027-03", 1, 0)]
    (mail,) = [m for m in outbox_to(resident.user.email) if "move" in (m.body or "")]
    assert _asked_in(mail.body) == asked
