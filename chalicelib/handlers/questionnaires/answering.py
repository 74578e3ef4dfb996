"""Answering "has it been fixed?": the question as the link opens it, and the
answer, recorded once per report.

Opening the link only shows the question (mail scanners follow links: a GET
changes nothing); the answer is a POST carrying the link's token. A repeat
of the same answer (a retry, a double tap) gets the recorded one back; a
different answer once one is recorded is refused (409), so nobody can undo
a reporter's word by answering again.

"No, not fixed" while the report is closed and within
DOORSTEP_REOPEN_WITHIN_DAYS of its close reopens it: state open, flagged
for staff (it is back in their inbox, the flag on its line), a public
timeline entry and an event its followers hear, and the reporter's rating
and comment as an internal note staff read, all in one transaction with the
answer. Later, the answer is recorded and the reporter is told to report
it again.
"""
from datetime import timedelta

from ... import config, ids, states, validation
from ...errors import ApiError, Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import EditConflict
from ..reports import views
from ..reports.tracking import find_report
from ..reports.transition import transition
from ..shared import events
from .limits import COMMENT_MAX, RATING_MAX, RATING_MIN, REOPENED_FLAG, TOKEN_MAX
from .wording import (ANSWERED_ALREADY, FIXED_TRUE_OR_FALSE, HAS_IT_BEEN_FIXED, NONE_SENT, NOT_AN_ANSWER_FIELD,
                      NOT_AN_OBJECT, RATING_RANGE, REOPENED_TEXT, REPORT_CHANGED, TOKEN_NOT_THIS_QUESTIONNAIRE,
                      TOKEN_REQUIRED)

ATTEMPTS = 3  # a staff edit racing the answer: read the report again and reapply


def get_questionnaire(deps, report_id, token):
    report, q = _opened(deps, report_id, token)
    return _view(deps, report, q)


def answer(deps, report_id, body):
    """(view, created): created is False for a repeat of the recorded answer."""
    wanted, token = _checked(body)
    for attempt in range(ATTEMPTS):
        report, q = _opened(deps, report_id, token)
        if q.answer:
            return _repeat(deps, report, q, wanted)
        now = deps.clock()
        reopen = not wanted["fixed"] and not states.is_open(report.state) and now <= _reopen_until(q)
        given = {**wanted, "answered_at": stamp(now), "reopened": reopen}
        event = events.report_event(deps, "questionnaire_answered", report, now, fixed=wanted["fixed"],
                                    rating=wanted["rating"])
        try:
            deps.questionnaires.answer(report.id, given, event, _reopening(deps, report, given, now) if reopen else None)
        except EditConflict:
            if attempt == ATTEMPTS - 1:
                raise Conflict(REPORT_CHANGED, code="edit_conflict")
            continue
        q.answer = given
        return _view(deps, report, q), True


def _checked(body):
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    problems = validation.Problems()
    token = validation.token(body.get("token"), "token", problems, TOKEN_MAX, missing=TOKEN_REQUIRED)
    fixed = body.get("fixed")
    if not isinstance(fixed, bool):
        problems.add("fixed", FIXED_TRUE_OR_FALSE)
    rating = body.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or not RATING_MIN <= rating <= RATING_MAX:
        problems.add("rating", RATING_RANGE.format(low=RATING_MIN, high=RATING_MAX))
    comment = validation.text(body.get("comment"), "comment", problems, max_len=COMMENT_MAX)
    unknown = sorted(set(body) - {"token", "fixed", "rating", "comment"})
    for name in unknown:
        problems.add(name, NOT_AN_ANSWER_FIELD)
    problems.raise_if_any()
    return {"fixed": fixed, "rating": rating, "comment": comment or None}, token


def _opened(deps, report_id, token):
    """The report and its sent questionnaire, if `token` is the link's."""
    report = find_report(deps, report_id)
    q = deps.questionnaires.get(report.id)
    if q is None or not q.token_hash:
        raise NotFound(NONE_SENT.format(report_id=report.id), code="questionnaire_not_found")
    offered = ids.digest(token) if token else None
    # Every link sent stays open: a sender that died after sending was followed by a resend with its own.
    if not token or not any([ids.constant_time_equal(h, offered) for h in [q.token_hash, *q.earlier_hashes]]):
        raise ApiError(TOKEN_NOT_THIS_QUESTIONNAIRE, status=403, code="invalid_token")
    return report, q


def _repeat(deps, report, q, wanted):
    recorded = {k: q.answer.get(k) for k in wanted}
    if recorded != wanted:
        raise AlreadyAnswered(_view(deps, report, q))
    return _view(deps, report, q), False


class AlreadyAnswered(Conflict):
    code = "already_answered"

    def __init__(self, view):
        super().__init__(ANSWERED_ALREADY)
        self.view = view

    def body(self):
        return {**super().body(), "questionnaire": self.view}


def _reopening(deps, report, given, now):
    flags = list(report.flags or [])
    report.flags = flags + [REOPENED_FLAG] if REOPENED_FLAG not in flags else flags
    note = f"Questionnaire: not fixed; rating {given['rating']} of {RATING_MAX}."
    if given["comment"]:
        note += f" Comment: {given['comment']}"
    return transition(deps, report, now, action="reopened_by_reporter", by=("reporter", None), state=states.INITIAL,
                      text=REOPENED_TEXT, author="reporter", changes={
                          "flags": {"before": flags, "after": list(report.flags)},
                          "internal_note": {"before": None, "after": note}})


def _reopen_until(q):
    return q.closed_at + timedelta(days=config.questionnaires()["reopen_within_days"])


def _view(deps, report, q):
    service = deps.services.get(report.service_code) or {}
    can_reopen = not states.is_open(report.state) and deps.clock() <= _reopen_until(q)
    return {"report": views.public_view(deps, report, service), "question": HAS_IT_BEEN_FIXED,
            "closed_state": q.closed_state, "closed_at": stamp(q.closed_at), "asked_at": stamp(q.sent_at),
            "rating_scale": {"min": RATING_MIN, "max": RATING_MAX}, "comment_max": COMMENT_MAX,
            "reopen_until": stamp(_reopen_until(q)), "can_reopen": can_reopen and not q.answer,
            "answer": q.answer}
