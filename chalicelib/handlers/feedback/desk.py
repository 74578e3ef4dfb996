"""What a service's officers see of its feedback (issue 72, item 3): satisfaction
week by week and by channel, with the number of answers, and the answers to read
and tag, newest first. The officers are those the service's desk opens to
(services.desk_of): the bills desk reads the bills' comments, nobody else. A
comment in which personal details were found is shown masked and marked
(privacy.py): the words as written stay in the store, for the service alone."""
import re
from datetime import datetime, timedelta, timezone

from ... import validation
from ...errors import ApiError, NotFound, Stale, ValidationFailed
from ...stamps import stamp
from ..shared.versions import expected_version
from . import privacy
from .answering import week_of
from .services import SERVICES, desk_of
from .wording import NOT_A_SERVICE, NOT_A_TIME, NOT_YOUR_SERVICE, TAGS, UNKNOWN_ANSWER

PAGE = 50
WEEKS = 12
TAGS_MOST, TAG_MOST = 10, 40


def opened(deps, service):
    if service not in SERVICES:
        raise NotFound(NOT_A_SERVICE.format(services=", ".join(SERVICES)), code="not_found")
    if not deps.principal.opens(desk_of(service)):
        raise ApiError(NOT_YOUR_SERVICE.format(desk=desk_of(service)), status=403, code="forbidden")


def view(deps, service, before=None):
    """{service, weeks: [{week, online: {answers, satisfied}, assisted: {...}}], answers: [...], next}."""
    opened(deps, service)
    now = deps.clock()
    weeks = [week_of(now - timedelta(weeks=n)) for n in range(WEEKS - 1, -1, -1)]
    counts = deps.feedback.weeks(service, weeks[0], weeks[-1])
    answers = deps.feedback.answers(service, PAGE, **_from(before))
    return {"service": service,
            "weeks": [{"week": w, **{channel: _week(counts.get(w, {}), channel) for channel in ("online", "assisted")}}
                      for w in weeks],
            "answers": [_answer(a) for a in answers],
            "next": _next(answers[-1]) if len(answers) == PAGE else None}


def tag(deps, service, answer_id, body, if_match):
    """Set an answer's tags (the officers' own words for what it is about); If-Match its version."""
    opened(deps, service)
    version = expected_version(if_match, read_from=f"GET /v1/staff/feedback/{service}")
    problems = validation.Problems()
    tags = body.get("tags") if isinstance(body, dict) else None
    if (not isinstance(tags, list) or len(tags) > TAGS_MOST
            or any(not isinstance(t, str) or not t.strip() or len(t) > TAG_MOST for t in tags)):
        problems.add("tags", TAGS.format(most=TAGS_MOST, longest=TAG_MOST))
    problems.raise_if_any()
    _found(deps, service, answer_id)
    from ...storage.errors import EditConflict
    try:
        deps.feedback.tag(answer_id, sorted({t.strip().lower() for t in tags}), version)
    except EditConflict:
        now = deps.feedback.answer(answer_id)
        raise Stale(_answer(now), f'"{int(now.version)}"')
    return _answer(deps.feedback.answer(answer_id))


def words(deps, service, answer_id):
    """A comment's words as written, and the address its reply was asked to: personal data, for the
    service's officers saying why (Access-Reason), each reading a line in the answer's audit."""
    from ..shared.reading import audited, reason
    opened(deps, service)
    reason(deps)  # said before anything is read: a 400 naming the header
    found = _found(deps, service, answer_id)
    audited(deps, found.token_hash, "the words as written", action="feedback_words_read", name="words")
    return {"id": found.token_hash, "improve": found.improve, "reply_email": (found.reply or {}).get("email")}


def _found(deps, service, answer_id):
    found = deps.feedback.answer(answer_id) if isinstance(answer_id, str) and len(answer_id) == 64 else None
    if found is None or found.service != service:
        raise NotFound(UNKNOWN_ANSWER, code="not_found")
    return found


def _week(c, channel):
    answers = [c.get(f"answers_{channel}_{r}", 0) for r in range(1, 6)]
    return {"answers": sum(answers), "satisfied": answers[3] + answers[4]}


def _answer(a):
    improve = a.improve
    if improve and a.flagged:
        improve = privacy.found(improve)[0]
    return {"id": a.token_hash, "kind": a.kind or "answer",
            "rating": int(a.rating) if a.rating is not None else None, "channel": a.channel, "answered_at": stamp(a.answered_at),
            "improve": improve, "flagged": list(a.flagged or []), "tags": list(a.tags or []),
            "reply_asked": bool(a.reply), "version": int(a.version)}


def _next(last):
    """Where the next page starts: right after the last answer shown, to the microsecond and by its id, so
    the answers given in that same second are all on one page or the next (never skipped by a stamp)."""
    return f"{last.answered_at.astimezone(timezone.utc):%Y-%m-%dT%H:%M:%S.%fZ}~{last.token_hash}"


def _from(value):
    """The storage's page start of `before`: a page's `next`, or a plain time (answers before it)."""
    if not value:
        return {}
    moment, _, token_hash = value.partition("~")
    try:
        at = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationFailed([("before", NOT_A_TIME)])
    if at.tzinfo is None or (token_hash and not re.fullmatch(r"[0-9a-f]{64}", token_hash)):
        raise ValidationFailed([("before", NOT_A_TIME)])
    return {"after": (at, token_hash)} if token_hash else {"before": at}
