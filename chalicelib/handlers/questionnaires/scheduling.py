"""Scheduling questionnaires from the events stream: a report moved to a state
in ASKED_STATES waits in the due index (storage/questionnaires.py) until
DOORSTEP_QUESTIONNAIRE_AFTER_DAYS have passed. Every way a report is closed
(staff, crews, Open311 partners) writes the same event, so none is missed;
and nothing needs to read the reports later to find what is due."""
from datetime import timedelta

from ... import config
from ...storage.records import Questionnaire
from ..shared import events
from .limits import ASKED_STATES


def schedule_stream(records, deps_factory):
    """Schedule a questionnaire for each report closed in a stream batch;
    returns how many. A batch delivered twice schedules the same thing."""
    deps, done = None, 0
    for event in events.inserted(records):
        if event.kind == "report_state_changed" and (event.payload or {}).get("state") in ASKED_STATES:
            deps = deps or deps_factory()
            done += schedule(deps, event)
    return done


def schedule(deps, event):
    after = timedelta(days=config.questionnaires()["after_days"])
    q = Questionnaire(report_id=event.report_id, closed_at=event.created_at, closed_state=event.payload["state"],
                      due_at=event.created_at + after)
    return deps.questionnaires.schedule(q)
