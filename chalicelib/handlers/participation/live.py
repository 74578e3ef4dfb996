"""Questions residents send while a meeting is webcast, about the item now
being discussed (the webcast's "now on", webcasts.py). Democratic services
moderate them (approve, reject, mark answered); the approved ones show on the
chair's screen and on every resident's screen watching, pushed over live
chat's WebSocket API (conversations/socket_topics.py: the same sockets, the
same `chat-sockets` rows, the same fan-out), each with a first name and ward
only when its asker consented, else "A resident".

The same refusals as chat: a blocked resident (chat's block, by their
account) is 403 `blocked`; the rate per client is auth/rate_limits
(`live_question`, 429 with Retry-After); a question over LIVE_TEXT_MAX
characters is 400, over the committee's `live.words` 422 `too_many_words`.
Sending is idempotent with an Idempotency-Key (a retry on a bad signal
answers the question stored the first time).

Topics in `chat-sockets`: "meeting-<id>" (anyone watching: the public view
of approved questions) and "meeting-desk-<id>" (staff moderating: a nudge
{"type": "live_queue"} when a question arrives or is decided, to read the
list again, carrying nothing itself, as chat's desk queue).
"""
import re

from ...config import socket_address
from ...errors import ApiError, Conflict, NotFound
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems, text
from ..shared import idempotency
from ..shared.contention import contended
from ..shared.events import new_event
from ..shared.versions import expected_version
from . import limits, rules, wording
from .speaking import meeting_or_404

DECIDED = "live_question_decided"  # the event a decision writes; the frame to the screens follows from it
WORD = re.compile(r"\S+")
SHOWN = ("approved", "answered")  # what the screens show
WATCHERS, DESK = "meeting-", "meeting-desk-"


def watchers(meeting_id):
    return f"{WATCHERS}{meeting_id}"


def desk(meeting_id):
    return f"{DESK}{meeting_id}"


def now_on(deps, meeting):
    """The item being discussed now (the webcast marked live and not over), or None."""
    kept = deps.webcasts.get(meeting["id"])
    if not kept or not kept["started_at"] or not kept["chapters"] or deps.clock() >= rules.meeting_ends(meeting):
        return None
    item_id = kept["chapters"][-1]["item_id"]
    return next((i for i in meeting.get("items") or [] if i["id"] == item_id), None)


def send(deps, meeting_id, body, idempotency_key=None):
    """A resident's question on the item now on: (question, created)."""
    meeting = meeting_or_404(deps, meeting_id)
    problems = Problems(wording.LIVE_QUESTION)
    for key in body:
        if key not in ("question", "item_id", "name_public", "first_name", "ward_id"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    question = text(body.get("question"), "question", problems, min_len=1, max_len=limits.LIVE_TEXT_MAX,
                    required=True)
    consent = body.get("name_public", False)
    if not isinstance(consent, bool):
        problems.add("name_public", wording.SHOW_NAME)
    item_id = body.get("item_id")
    if item_id is not None and not (isinstance(item_id, str) and re.fullmatch(limits.ID_PATTERN, item_id)):
        problems.add("item_id", wording.ITEM_ID)
    first_name = ward_id = None
    if consent is True:  # shown only with consent, so asked for only then
        first_name = text(body.get("first_name"), "first_name", problems, min_len=1, max_len=limits.FIRST_NAME_MAX,
                          required=True)
        ward_id = text(body.get("ward_id"), "ward_id", problems, min_len=1, max_len=limits.WARD_ID_MAX,
                       required=True)
    problems.raise_if_any()
    claim = idempotency.Claim(deps, idempotency_key, f"{deps.principal.user_id}#live#{meeting_id}",
                              body, lambda r: deps.live_questions.get(meeting_id, r.resource_id), "another question")
    earlier = claim.earlier()
    if earlier:  # before the limits: a retry of a question stored costs nothing more
        return earlier, False
    if meeting.get("cancelled"):
        raise Conflict(wording.CANCELLED, code="meeting_cancelled")
    item = now_on(deps, meeting)
    if item is None:
        raise Conflict(wording.NOT_LIVE, code="not_live")
    if item_id is not None and item_id != item["id"]:  # typed while the chair moved on
        raise Conflict(wording.MOVED_ON.format(number=item.get("number") or "", title=item.get("title") or ""),
                       code="item_moved_on")
    most = rules.of_committee(deps, meeting["committee_id"])["live"]["words"]
    words = len(WORD.findall(question))
    if words > most:
        said = wording.LIVE_TOO_MANY_WORDS.format(words=words, most=most)
        raise ApiError(said, status=422, code="too_many_words", fields=[{"field": "question", "message": said}])
    ward = None
    if ward_id is not None:
        ward = deps.wards.get(ward_id)
        if ward is None:
            problems.rule("ward_id", wording.NO_WARD)
            problems.raise_if_any()
    from ..conversations.resident import party_of, refuse_if_blocked
    refuse_if_blocked(deps, party_of(deps.principal.user_id, {}))  # chat's block is the person's, here too
    from ...auth import rate_limits
    rate_limits.creation(deps, "live_question")
    now = deps.clock()
    made = {"id": deps.new_opaque_id(), "meeting_id": meeting_id, "item_id": item["id"],
            "user_id": deps.principal.user_id, "question": question, "name_public": consent,
            "name": first_name.split()[0] if first_name else None, "ward": ward.name if ward else None,
            "created_at": now}
    try:
        record = claim.record(made["id"], now, limits.IDEMPOTENCY_HOURS)
        stored = contended(lambda: deps.live_questions.send(made, record))  # a twin's key: AlreadyExists
    except AlreadyExists:
        return claim.twin(), False
    nudge_desk(deps, meeting_id)
    return stored, True


def nudge_desk(deps, meeting_id):
    from ..conversations.live import fan_out
    fan_out(deps, desk(meeting_id), {"type": "live_queue", "meeting_id": meeting_id})


def decide(deps, meeting_id, question_id, body, if_match):
    """An officer's decision, made to the version they read: the question as it now is."""
    meeting_or_404(deps, meeting_id)
    problems = Problems()
    for key in body:
        if key != "decision":
            problems.add(key, wording.NOT_A_FIELD_HERE)
    if body.get("decision") not in limits.LIVE_DECISIONS:
        problems.add("decision", wording.LIVE_DECISION)
    problems.raise_if_any()
    expected = expected_version(if_match, "GET /v1/staff/meetings/{id}/live-questions")
    found = deps.live_questions.get(meeting_id, question_id) \
        if re.fullmatch(limits.REGISTRATION_PATTERN, question_id or "") else None
    if found is None:
        raise NotFound(wording.NO_LIVE_QUESTION, code="question_not_found")
    status, now = limits.LIVE_DECISIONS[body["decision"]], deps.clock()
    # Screens hear of it when it shows, changes while shown, or is taken off them; a rejection
    # of one never shown is the moderators' alone.
    event = new_event(deps, DECIDED, now, meeting_id=meeting_id, question_id=question_id, status=status,
                      shown=status in SHOWN or found["status"] in SHOWN)
    try:
        decided = contended(lambda: deps.live_questions.decide(meeting_id, question_id, status,
                                                               deps.principal.user_id, now, expected, event))
    except EditConflict:
        raise Conflict(wording.LIVE_CHANGED, code="edit_conflict") from None
    from ..shared.effects import first_try
    first_try(deps, [event])  # to the screens at once; from the stream if this process stops first
    return decided


def on_decided(deps, event, key):
    """The effect of a decision's event: its frame to every screen watching
    (the question as they show it, or that it is off), and a nudge to the
    desk. Run again after a crash it posts the same frame again: a screen
    keeps each question by id and version."""
    payload = event.payload or {}
    meeting_id, question_id = payload.get("meeting_id"), payload.get("question_id")
    from ..conversations.live import fan_out
    if payload.get("shown"):
        found = deps.live_questions.get(meeting_id, question_id)
        if found is not None:
            fan_out(deps, watchers(meeting_id), {"type": "live_question", "meeting_id": meeting_id,
                                                 "question": public(found)})
    nudge_desk(deps, meeting_id)


def public(q):
    """As the screens show it: the words, and who asked only by consent."""
    shown = q["status"] in SHOWN
    asked_by = wording.ASKED_BY.format(name=q["name"], ward=q["ward"]) \
        if q["name_public"] and q["name"] and q["ward"] else wording.A_RESIDENT
    return {"id": q["id"], "item_id": q["item_id"], "status": q["status"] if shown else "withdrawn",
            "question": q["question"] if shown else None, "asked_by": asked_by if shown else None,
            "decided_at": stamp(q["decided_at"]), "version": q["version"]}


def mine(q):
    return {**public(q), "status": q["status"], "question": q["question"], "meeting_id": q["meeting_id"],
            "name_public": q["name_public"], "first_name": q["name"], "ward": q["ward"],
            "created_at": stamp(q["created_at"])}


def for_staff(q):
    return {**mine(q), "user_id": q["user_id"], "decided_by": q["decided_by"]}


def shown(deps, meeting_id):
    """Anyone's (the chair's screen, a resident watching): the approved and
    answered questions, first sent first, and the item now on. One Query of
    the meeting's partition beside the meeting's and the webcast's GetItems."""
    meeting = meeting_or_404(deps, meeting_id)
    item = now_on(deps, meeting)
    return {"meeting_id": meeting_id, "now_on": item["id"] if item else None, "live": item is not None,
            "socket_url": socket_address(deps.settings, deps.council),
            "questions": [public(q) for q in deps.live_questions.of_meeting(meeting_id) if q["status"] in SHOWN]}


def staff_list(deps, meeting_id):
    meeting = meeting_or_404(deps, meeting_id)
    item = now_on(deps, meeting)
    return {"meeting_id": meeting_id, "now_on": item["id"] if item else None, "socket_url": socket_address(deps.settings, deps.council),
            "questions": [for_staff(q) for q in deps.live_questions.of_meeting(meeting_id)]}


# -- the sockets' side (conversations/socket_topics.py)

def opened(deps, connection_id, params, principal):
    """?meeting=<id>: anyone may watch (what is shown is public); with
    &desk=live, staff only, for the moderators' nudges."""
    meeting = meeting_or_404(deps, params.get("meeting") or "")
    if params.get("desk") == "live":
        if principal is None:
            from ...auth.principal import Unauthorized
            raise Unauthorized(wording.LIVE_DESK_SIGN_IN)
        if not principal.opens("meetings"):
            raise ApiError(wording.LIVE_DESK_STAFF, status=403, code="forbidden")
        deps.sockets.open(connection_id, desk(meeting["id"]), "staff", deps.clock())
        return "staff"
    side = "staff" if principal is not None and principal.opens("meetings") else "resident"
    deps.sockets.open(connection_id, watchers(meeting["id"]), side, deps.clock())
    return side


def answer(deps, topic, side, frame):
    """A reconnecting screen's {"action": "since"}: what shows now (a desk: a nudge to read its list)."""
    if topic.startswith(DESK):
        return {"type": "live_queue", "meeting_id": topic[len(DESK):]}
    try:
        return {"type": "live_questions", **shown(deps, topic[len(WATCHERS):])}
    except ApiError as e:
        return {"type": "error", "code": e.code, "message": e.message}
