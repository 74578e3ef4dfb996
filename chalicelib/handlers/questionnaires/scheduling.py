"""Scheduling questionnaires from the events stream: a report moved to a state
in ASKED_STATES waits in the due index (storage/crews/questionnaires.py) until
DOORSTEP_QUESTIONNAIRE_AFTER_DAYS have passed. Every way a report is closed
(staff, crews, Open311 partners) writes the same event, so none is missed;
and nothing needs to read the reports later to find what is due."""
from datetime import timedelta

from ... import config
from ...storage.records import Questionnaire
from .limits import ASKED_STATES


def schedule_events(deps, news):
    """Schedule a questionnaire for each report closed among `news` (events
    already read from a batch); returns how many."""
    return sum(schedule(deps, event) for event in news if _closes(event))


def _closes(event):
    return event.kind == "report_state_changed" and (event.payload or {}).get("state") in ASKED_STATES


def schedule(deps, event):
    after = timedelta(days=config.questionnaires()["after_days"])
    q = Questionnaire(report_id=event.report_id, closed_at=event.created_at, closed_state=event.payload["state"],
                      due_at=event.created_at + after)
    return deps.questionnaires.schedule(q)
