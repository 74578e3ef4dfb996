"""Written questions to a member on an agenda item, by the committee's
rules as data (rules.py): by the deadline (Guildford's noon three working
days before) and within the word limit (Mid Sussex's 100). Published with
their answers once the meeting has begun, the asker's name only where they
consented ("A resident" otherwise), never their contact details."""
import re

from ...errors import ApiError, Conflict, NotFound
from ...stamps import stamp
from ...storage.errors import EditConflict
from ...validation import Problems, text
from ..shared.versions import expected_version
from . import limits, rules, wording
from .speaking import item_or_404, meeting_or_404

WORD = re.compile(r"\S+")


def ask(deps, meeting_id, item_id, body, idempotency_key=None):
    """(question, created)."""
    meeting = meeting_or_404(deps, meeting_id)
    item = item_or_404(meeting, item_id)
    rule = rules.of_committee(deps, meeting["committee_id"])["questions"]
    problems = Problems()
    for key in body:
        if key not in ("name", "member", "question", "name_public"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    name = text(body.get("name"), "name", problems, min_len=1, max_len=limits.NAME_MAX, required=True)
    member = text(body.get("member"), "member", problems, min_len=1, max_len=limits.NAME_MAX, required=True)
    question = text(body.get("question"), "question", problems, min_len=1, max_len=limits.QUESTION_MAX,
                    required=True)
    consent = body.get("name_public", False)
    if not isinstance(consent, bool):
        problems.add("name_public", wording.CONSENT)
    problems.raise_if_any()
    if meeting.get("cancelled"):
        raise Conflict(wording.CANCELLED, code="meeting_cancelled")
    words = len(WORD.findall(question))
    if words > rule["words"]:
        raise ApiError(wording.TOO_MANY_WORDS.format(words=words, most=rule["words"]), status=422,
                       code="too_many_words", fields=[{"field": "question", "message": wording.TOO_MANY_WORDS.format(
                           words=words, most=rule["words"])}])
    closes = rules.deadline(meeting, rule, deps.calendar)
    if deps.clock() >= closes:
        raise ApiError(wording.QUESTIONS_CLOSED.format(moment=wording.moment(closes)), status=422,
                       code="questions_closed")
    from ...storage.errors import AlreadyExists
    from ..shared import idempotency
    claim = idempotency.Claim(deps, idempotency_key, f"{deps.principal.user_id}#questions", {
        "meeting": meeting_id, "item": item_id, **body}, lambda r: deps.questions.get(meeting_id, r.resource_id),
        "another question")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    now, question_id = deps.clock(), deps.new_opaque_id()
    try:
        return deps.questions.ask({
            "id": question_id, "meeting_id": meeting_id, "item_id": item["id"], "user_id": deps.principal.user_id,
            "email": deps.principal.email, "name": name, "member": member, "question": question,
            "name_public": consent, "created_at": now}, claim.record(question_id, now, limits.IDEMPOTENCY_HOURS)), True
    except AlreadyExists:
        return claim.twin(), False


def published(deps, meeting_id):
    """Anyone's: once the meeting has begun, its answered questions."""
    meeting = meeting_or_404(deps, meeting_id)
    starts = rules.meeting_start(meeting)
    found = deps.questions.of_meeting(meeting_id) if deps.clock() >= starts else []
    return {"meeting_id": meeting_id, "published_from": stamp(starts),
            "questions": [public(q) for q in found if q["answer"]]}


def public(q):
    return {"id": q["id"], "item_id": q["item_id"], "member": q["member"], "question": q["question"],
            "answer": q["answer"], "asked_by": q["name"] if q["name_public"] else wording.A_RESIDENT}


def mine(q):
    return {**public(q), "asked_by": q["name"], "name_public": q["name_public"], "meeting_id": q["meeting_id"],
            "created_at": stamp(q["created_at"]), "answered_at": stamp(q["answered_at"])}


def for_staff(q):
    return {**mine(q), "email": q["email"], "version": q["version"]}


def staff_list(deps, meeting_id):
    meeting_or_404(deps, meeting_id)
    return {"meeting_id": meeting_id, "questions": [for_staff(q) for q in deps.questions.of_meeting(meeting_id)]}


def answer(deps, meeting_id, question_id, body, if_match):
    meeting_or_404(deps, meeting_id)
    problems = Problems()
    for key in body:
        if key != "answer":
            problems.add(key, wording.NOT_A_FIELD_HERE)
    words = text(body.get("answer"), "answer", problems, min_len=1, max_len=limits.ANSWER_MAX, required=True)
    problems.raise_if_any()
    found = deps.questions.get(meeting_id, question_id) \
        if re.fullmatch(limits.REGISTRATION_PATTERN, question_id or "") else None
    if found is None:
        raise NotFound(wording.NO_QUESTION, code="question_not_found")
    try:
        return deps.questions.answer(meeting_id, question_id, words, deps.clock(),
                                     expected_version(if_match, "GET /v1/staff/meetings/{id}/questions"))
    except EditConflict:
        raise Conflict(wording.CHANGED, code="edit_conflict") from None
