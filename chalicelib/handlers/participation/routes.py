"""Taking part in council meetings: registering to speak on an item (by its
committee's rules), withdrawing by the link in the messages; democratic
services see, decide and print each meeting's speakers."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN
from ..shared import effects
from . import limits

routes = Routes("participation", schemas="chalicelib.handlers.participation.schemas")
# A registration made, accepted or declined: its speaker told by e-mail and by text, from its event.
for _kind in ("speaker_registered", "speaker_accepted", "speaker_declined"):
    effects.register(_kind, "participation.email", "chalicelib.handlers.participation.messages:by_email")
    effects.register(_kind, "participation.text", "chalicelib.handlers.participation.messages:by_text")
ID = {"type": "string", "pattern": limits.ID_PATTERN}
MEETING_ID, ITEM_ID = path_param("meeting_id", ID), path_param("item_id", ID)
IDEMPOTENCY = {"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"},
               "description": "the same key and body answer the same request"}
NO_MEETING = {"404": "No such meeting (meeting_not_found) or item on it (item_not_found)"}


def _body(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


@routes.get("/v1/meetings/{meeting_id}/speaking", ANYONE, {
    "summary": "Speaking at a meeting: its committee's rules, when registration closes (in words too), places "
               "left at the meeting and on each item the public may speak on; never who registered",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("Speaking")), **errors(400, **NO_MEETING)}})
def meeting_speaking(meeting_id):
    from .speaking import meeting_or_404
    from .views import speaking
    deps = http.deps()
    return http.ok(speaking(deps, meeting_or_404(deps, meeting_id)), headers={"Cache-Control": "no-cache"})


@routes.post("/v1/meetings/{meeting_id}/items/{item_id}/speakers", SIGNED_IN, {
    "summary": "Register to speak on an item that allows it, before its committee's deadline: first come first "
               "served, one place taken by one transaction, one person once per item; confirmed by e-mail and text "
               "with a withdraw link (idempotent with Idempotency-Key)",
    "parameters": [MEETING_ID, ITEM_ID, IDEMPOTENCY], "requestBody": _body("SpeakerNew"),
    "responses": {"201": json_response(ref("SpeakerRegistration")), **errors(400, **NO_MEETING, **{
        "409": "Full (meeting_full, item_full), already registered on this item (already_registered), or the "
               "meeting cancelled (meeting_cancelled)",
        "422": "Closed, with the deadline in words (registration_closed), or no public speaking on this item "
               "(speaking_not_allowed)"})}})
def register_to_speak(meeting_id, item_id):
    from .speaking import register
    from .views import mine
    deps = http.deps()
    made, created = register(deps, meeting_id, item_id, http.body(), http.header("idempotency-key"))
    return http.created(mine(made), created)


@routes.post("/v1/speaking/withdraw", ANYONE, {
    "summary": "Withdraw a registration to speak by the link in its messages (a single-purpose token that ends "
               "with the meeting's day): its place is freed for another",
    "requestBody": _body("SpeakingLink"),
    "responses": {"200": json_response(ref("SpeakerRegistration")), **errors(400, **{
        "403": "The meeting is over (link_expired)", "404": "Not a valid link (link_not_valid)",
        "409": "Withdrawn or declined already (not_holding_a_place)"})}})
def withdraw_from_speaking():
    from ...validation import Problems, text
    from .speaking import withdraw
    from .views import mine
    problems = Problems()
    body = http.body()
    token = text(body.get("token"), "token", problems, min_len=1, max_len=limits.TOKEN_MAX, required=True)
    for key in body:
        if key != "token":
            problems.add(key, "Is not a field here.")
    problems.raise_if_any()
    return http.ok(mine(withdraw(http.deps(), token)), headers=http.NO_STORE)
