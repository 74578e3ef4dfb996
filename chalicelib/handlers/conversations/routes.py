"""Live chat's routes: the resident's conversation ("Ask us") and the staff desk."""
from ...api import http
from ...api.openapi import errors, identifier, json_response, path_param, q, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, CONVERSATION, SIGNED_IN, desk
from ...validation import trimmed_text
from ..shared import effects
from . import limits

routes = Routes("conversations", schemas="chalicelib.handlers.conversations.schemas")
# Every message is posted to the screens open on it, from its message's event; an officer's
# answer (or the close) is also told to a resident not looking.
for _kind in ("chat_message", "chat_notice"):
    effects.register(_kind, "conversations.frame", "chalicelib.handlers.conversations.live:on_message")
effects.register("chat_notice", "conversations.notice", "chalicelib.handlers.conversations.notices:on_notice")
ID = path_param("conversation_id", {"type": "string", "pattern": limits.CONVERSATION_ID_PATTERN,
                                    "example": "CV-0123456789abcdef"})
TOKEN = q("token", "the conversation token given when it was started (anonymous residents)",
          schema=identifier(max_length=100))


SAME = "the same key and body answer what the first request made (sent twice: stored once)"
KEY = idempotency_key(SAME)  # a message's key is scoped to its conversation
START_KEY = idempotency_key(SAME, anonymous=True)  # anonymous callers share one key space
NOT_FOUND = {"404": "No such conversation, or not yours (code conversation_not_found)"}
FORBIDDEN = {"403": "A wrong token (code invalid_token), or a blocked resident (code blocked)"}


def _json(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


@routes.post("/v1/conversations", ANYONE, {
    "summary": "Start a conversation with council staff from any screen, with where the resident was; "
               "anonymous: name and e-mail or phone, and the answer carries a token (once) that opens it",
    "parameters": [START_KEY], "requestBody": _json("ConversationNew"),
    "responses": {"201": json_response(ref("Conversation")), **errors(400, 422, 429, **FORBIDDEN)}})
def start_conversation():
    from .resident import start
    view, created = start(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/conversations/{view['id']}"})


@routes.get("/v1/conversations/{conversation_id}", ANYONE, holds=CONVERSATION, doc={
    "summary": "One conversation: its account, its token's holder, or staff",
    "parameters": [ID, TOKEN],
    "responses": {"200": json_response(ref("Conversation")), **errors(**NOT_FOUND, **FORBIDDEN)}})
def conversation(conversation_id):
    from .resident import read
    return http.ok(read(http.deps(), conversation_id, http.query().get("token")), headers=http.NO_STORE)


@routes.get("/v1/conversations/{conversation_id}/messages", ANYONE, holds=CONVERSATION, doc={
    "summary": "The messages after a cursor (the last seq the client has), oldest first: poll with the "
               "cursor each answer gives",
    "parameters": [ID, TOKEN, q("after", "the cursor: the last message number already shown (0: from the start)",
                                schema={"type": "integer", "minimum": 0, "maximum": 999_999_999})],
    "responses": {"200": json_response(ref("ChatMessages")), **errors(400, **NOT_FOUND, **FORBIDDEN)}})
def conversation_messages(conversation_id):
    from .resident import messages
    params = http.query()
    return http.ok(messages(http.deps(), conversation_id, params.get("after"), params.get("token")),
                   headers=http.NO_STORE)


@routes.post("/v1/conversations/{conversation_id}/messages", ANYONE, holds=CONVERSATION, doc={
    "summary": "The resident writes (text up to 2,000 characters, up to 3 photos by upload id); "
               "with Idempotency-Key a message sent twice appears once",
    "parameters": [ID, TOKEN, KEY], "requestBody": _json("ChatMessageNew"),
    "responses": {"201": json_response(ref("ChatMessage")),
                  **errors(400, 422, 429, **NOT_FOUND, **FORBIDDEN,
                           **{"409": "Closed (code conversation_closed)"})}})
def write_message(conversation_id):
    from .resident import write
    view, created = write(http.deps(), conversation_id, http.body(), http.header("idempotency-key"),
                          http.query().get("token"))
    return http.created(view, created)


@routes.post("/v1/conversations/{conversation_id}/rating", ANYONE, holds=CONVERSATION, doc={
    "summary": "The one question at the end: how did we do, 1 to 5 (once, after it is closed)",
    "parameters": [ID, TOKEN], "requestBody": _json("ChatRating"),
    "responses": {"200": json_response(ref("Conversation")),
                  **errors(400, **NOT_FOUND, **FORBIDDEN, **{"409": "Not closed yet, or rated already"})}})
def rate_conversation(conversation_id):
    from .resident import rate
    return http.ok(rate(http.deps(), conversation_id, http.body(), http.query().get("token")),
                   headers=http.NO_STORE)


@routes.post("/v1/conversations/{conversation_id}/choice", ANYONE, holds=CONVERSATION, doc={
    "summary": "A waiting resident's other way: answer by e-mail (to the address given or known), "
               "they will phone, or end the chat; said in the conversation, shown to the desk",
    "parameters": [ID, TOKEN], "requestBody": _json("ChatChoice"),
    "responses": {"200": json_response(ref("Conversation")),
                  **errors(400, **NOT_FOUND, **FORBIDDEN, **{"409": "Closed (code conversation_closed)"})}})
def choose_another_way(conversation_id):
    from .waiting import choose
    return http.ok(choose(http.deps(), conversation_id, http.body(), http.query().get("token")),
                   headers=http.NO_STORE)


@routes.get("/v1/staff/conversations", desk("chat"), {
    "summary": "The desk: waiting conversations, longest first, with how long each has waited and its "
               "context, and the caller's own",
    "responses": {"200": json_response(ref("ChatQueue"))}})
def chat_queue():
    from .desk import queue
    return http.ok(queue(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/staff/conversations/search", desk("chat"), {
    "summary": "Find conversations by their reference (CV-...), a linked report's reference, or the resident's "
               "e-mail or phone (exact, normalised), newest first; one lookup: it reads what it returns",
    "parameters": [q("q", "a conversation or report reference, an e-mail address or a phone number", required=True,
                     schema=trimmed_text(1, 254))],
    "responses": {"200": json_response(ref("ChatSearch")), **errors(400, **{
        "422": "Text that is no reference, e-mail address or phone number, said in words"})}})
def search_conversations():
    from .desk import search
    return http.ok(search(http.deps(), http.query().get("q")), headers=http.NO_STORE)


def _staff_action(summary, body=None, result="Conversation", conflicts="", extra_errors=()):
    doc = {"summary": summary, "parameters": [ID],
           "responses": {"200": json_response(ref(result)),
                         **errors(*extra_errors, **NOT_FOUND, **({"409": conflicts} if conflicts else {}))}}
    if body:
        doc["requestBody"] = _json(body)
    return doc


@routes.post("/v1/staff/conversations/{conversation_id}/take", desk("chat"), _staff_action(
    "Take a waiting conversation (a conditional write: of two officers at once, one gets it)",
    conflicts="Taken by someone else (code already_taken), or the officer has the most at once "
              "(code too_many_conversations)"))
def take_conversation(conversation_id):
    from .desk import take
    return http.ok(take(http.deps(), conversation_id), headers=http.NO_STORE)


@routes.post("/v1/staff/conversations/{conversation_id}/hand-over", desk("chat"), _staff_action(
    "Hand a conversation one has over to a colleague", "ChatHandOver",
    conflicts="Not yours (code not_yours), or the colleague has the most at once", extra_errors=(400,)))
def hand_over_conversation(conversation_id):
    from .desk import hand_over
    return http.ok(hand_over(http.deps(), conversation_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/conversations/{conversation_id}/answer", desk("chat"), {
    "summary": "Answer the resident (text, or a response template's text); told by push or e-mail when "
               "their app is closed",
    "parameters": [ID, KEY], "requestBody": _json("ChatAnswer"),
    "responses": {"201": json_response(ref("ChatMessage")),
                  **errors(400, 422, **NOT_FOUND, **{"409": "Not yours (code not_yours), or closed"})}})
def answer_conversation(conversation_id):
    from .desk import answer
    view, created = answer(http.deps(), conversation_id, http.body(), http.header("idempotency-key"))
    return http.created(view, created)


@routes.post("/v1/staff/conversations/{conversation_id}/report", desk("chat"), {
    "summary": "Make a report from the conversation (reports' own create; the resident its reporter); "
               "category and place given by the officer",
    "parameters": [ID, KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("NewReport")}}}},
    "responses": {"201": json_response(ref("ChatReportMade")),
                  **errors(400, 422, **NOT_FOUND, **{"409": "Not yours (code not_yours)"})}})
def report_from_conversation(conversation_id):
    from .desk import to_report
    view, created = to_report(http.deps(), conversation_id, http.body(), http.header("idempotency-key"))
    return http.created(view, created)


@routes.get("/v1/staff/conversations/{conversation_id}/report-draft", desk("chat"), _staff_action(
    "A report drafted from what was said, for the officer to check before POST .../report: the category "
    "whose words the resident used most, the place they asked from (the property's address point, else the "
    "report they asked about), their words, and the answers those give to the category's questions",
    result="ChatReportDraft"))
def conversation_report_draft(conversation_id):
    from .draft import report_draft
    return http.ok(report_draft(http.deps(), conversation_id), headers=http.NO_STORE)


@routes.post("/v1/staff/conversations/{conversation_id}/link", desk("chat"), _staff_action(
    "Link the conversation to an existing report", "ChatReportLink", conflicts="Not yours (code not_yours)",
    extra_errors=(400,)))
def link_conversation(conversation_id):
    from .desk import link
    return http.ok(link(http.deps(), conversation_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/conversations/{conversation_id}/close", desk("chat"), _staff_action(
    "Close the conversation; the resident is asked to rate it", conflicts="Another officer has it"))
def close_conversation(conversation_id):
    from .desk import close
    return http.ok(close(http.deps(), conversation_id), headers=http.NO_STORE)


@routes.post("/v1/staff/conversations/{conversation_id}/block", desk("chat"), _staff_action(
    "Block the resident, with a reason (audited); the conversation is closed", "ChatBlock",
    extra_errors=(400,)))
def block_resident(conversation_id):
    from .desk import block
    return http.ok(block(http.deps(), conversation_id, http.body()), headers=http.NO_STORE)


@routes.get("/v1/staff/conversations/{conversation_id}/audit", desk("chat"), _staff_action(
    "Who blocked the resident, when and why", result="ChatAudit"))
def conversation_audit(conversation_id):
    from .desk import audit
    return http.ok(audit(http.deps(), conversation_id), headers=http.NO_STORE)


@routes.get("/v1/me/conversations", SIGNED_IN, {
    "summary": "My conversations with the council, newest first (the transcripts are in /v1/me/export)",
    "responses": {"200": json_response(ref("MyConversations"))}})
def my_conversations():
    from .resident import mine
    return http.ok(mine(http.deps()), headers=http.NO_STORE)
