"""Taking part in council meetings: registering to speak on an item (by its
committee's rules), withdrawing by the link in the messages; democratic
services see, decide and print each meeting's speakers."""
from ...api import http
from ...api.openapi import errors, if_match, json_response, path_param, q, ref, with_etag, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ...validation import trimmed_text
from ..conversations import socket_topics
from ..shared import effects
from . import limits
from .wording import NOT_A_FIELD_HERE

routes = Routes("participation", schemas="chalicelib.handlers.participation.schemas")
# A registration made, accepted or declined: its speaker told by e-mail and by text, from its event.
for _kind in ("speaker_registered", "speaker_accepted", "speaker_declined"):
    effects.register(_kind, "participation.email", "chalicelib.handlers.participation.messages:by_email")
    effects.register(_kind, "participation.text", "chalicelib.handlers.participation.messages:by_text")
# A live question moderated: its frame to every screen watching the meeting, and a nudge to the desk.
effects.register("live_question_decided", "participation.live_frame", "chalicelib.handlers.participation.live:on_decided")
# A meeting's screens follow it over live chat's WebSocket API (?meeting=<id>).
socket_topics.register("meeting", "meeting-", "chalicelib.handlers.participation.live")
ID = {"type": "string", "pattern": limits.ID_PATTERN}
MEETING_ID, ITEM_ID = path_param("meeting_id", ID), path_param("item_id", ID)
REGISTRATION_ID = path_param("registration_id", {"type": "string", "pattern": limits.REGISTRATION_PATTERN})
IDEMPOTENCY = idempotency_key("the same key and body answer the same request")
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


@routes.get("/v1/speaking/withdraw", ANYONE, {
    "summary": "What a withdraw link is for, before it is used, changing nothing: the meeting and agenda item it "
               "withdraws from and whether the registration still holds a place; never who. A GetItem of the "
               "registration and one of the meeting",
    "parameters": [q("token", "the link's token", required=True,
                     schema=trimmed_text(1, limits.TOKEN_MAX))],
    "responses": {"200": json_response(ref("SpeakingLinkFor")), **errors(400, **{
        "403": "The meeting is over (link_expired)", "404": "Not a valid link (link_not_valid)"})}})
def speaking_link():
    from ...storage import metering
    from ...validation import Problems, text
    from .speaking import linked
    metering.expose()  # Server-Timing: its DynamoDB calls and items read
    problems = Problems()
    token = text(http.query().get("token"), "token", problems, min_len=1, max_len=limits.TOKEN_MAX, required=True)
    problems.raise_if_any()
    return http.ok(linked(http.deps(), token), headers=http.NO_STORE)


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
            problems.add(key, NOT_A_FIELD_HERE)
    problems.raise_if_any()
    return http.ok(mine(withdraw(http.deps(), token)), headers=http.NO_STORE)


@routes.get("/v1/staff/meetings/{meeting_id}/speakers", desk("meetings"), {
    "summary": "Democratic services: a meeting's registrations to speak, first come first, each with its speaker's "
               "contact details, status and version (the ETag to decide with); one Query of the meeting's own",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("SpeakersList")), **errors(400, **NO_MEETING)}})
def meeting_speakers(meeting_id):
    from .desk import listing
    return http.ok(listing(http.deps(), meeting_id), headers=http.NO_STORE)


@routes.get("/v1/staff/meetings/{meeting_id}/speakers.csv", desk("meetings"), {
    "summary": "The speakers' list for the chair, to print or download: those holding a place, in agenda order, "
               "first come first within an item; no contact details",
    "parameters": [MEETING_ID],
    "responses": {"200": {"description": "text/csv", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  **errors(400, **NO_MEETING)}})
def meeting_speakers_csv(meeting_id):
    from chalice import Response
    from .desk import speakers_csv
    name, body = speakers_csv(http.deps(), meeting_id)
    return Response(body=body, status_code=200, headers={
        "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": f'attachment; filename="{name}"',
        **http.NO_STORE})


@routes.post("/v1/staff/meetings/{meeting_id}/speakers", desk("meetings"), {
    "summary": "Add a speaker at the chair's discretion (past the deadline or the caps), accepted at once with the "
               "reason; told by e-mail or text when given",
    "parameters": [MEETING_ID], "requestBody": _body("LateSpeakerNew"),
    "responses": {"201": json_response(ref("SpeakerForStaff")), **errors(400, **NO_MEETING, **{
        "409": "Already registered on this item (already_registered)",
        "422": "No public speaking on this item (speaking_not_allowed)"})}})
def add_late_speaker(meeting_id):
    from .desk import add_late
    from .views import for_staff
    return http.created(for_staff(add_late(http.deps(), meeting_id, http.body())), True)


@routes.post("/v1/staff/meetings/{meeting_id}/speakers/{registration_id}/decision", desk("meetings"), {
    "summary": "Accept a registration, or decline it with a reason (the speaker is told it; the place is freed); "
               "If-Match with its version as listed",
    "parameters": [MEETING_ID, REGISTRATION_ID, if_match("registration", "stale: 409")],
    "requestBody": _body("SpeakerDecision"),
    "responses": {"200": json_response(ref("SpeakerForStaff")), **errors(400, 428, **{
        "404": "No such meeting or registration (meeting_not_found, registration_not_found)",
        "409": "It changed meanwhile, or holds no place to decide on (edit_conflict)"})}})
def decide_speaker(meeting_id, registration_id):
    from .desk import decide
    from .views import for_staff
    found = for_staff(decide(http.deps(), meeting_id, registration_id, http.body(), http.header("if-match")))
    return http.ok(found, headers={**http.NO_STORE, "ETag": f'"{found["version"]}"'})


@routes.post("/v1/meetings/{meeting_id}/items/{item_id}/questions", SIGNED_IN, {
    "summary": "Put a written question to a member on an item, by the committee's deadline and within its word "
               "limit (rules as data); published with its answer after the meeting, with the asker's name only if "
               "name_public (idempotent with Idempotency-Key)",
    "parameters": [MEETING_ID, ITEM_ID, IDEMPOTENCY], "requestBody": _body("QuestionNew"),
    "responses": {"201": json_response(ref("MyQuestion")), **errors(400, **NO_MEETING, **{
        "409": "The meeting is cancelled (meeting_cancelled)",
        "422": "Over the word limit (too_many_words) or past the deadline, in words (questions_closed)"})}})
def ask_question(meeting_id, item_id):
    from .questions import ask, mine
    deps = http.deps()
    made, created = ask(deps, meeting_id, item_id, http.body(), http.header("idempotency-key"))
    return http.created(mine(made), created)


@routes.get("/v1/meetings/{meeting_id}/questions", ANYONE, {
    "summary": "A meeting's written questions with their answers, once the meeting has begun; the asker's name "
               "only where they consented, never their contact details",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("PublishedQuestions")),
                                              **errors(400, **NO_MEETING)}})
def meeting_questions(meeting_id):
    from .questions import published
    return http.ok(published(http.deps(), meeting_id), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/staff/meetings/{meeting_id}/questions", desk("meetings"), {
    "summary": "Democratic services: a meeting's written questions, first asked first, with who asked (one Query)",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("StaffQuestions")),
                                              **errors(400, **NO_MEETING)}})
def staff_meeting_questions(meeting_id):
    from .questions import staff_list
    return http.ok(staff_list(http.deps(), meeting_id), headers=http.NO_STORE)


@routes.post("/v1/staff/meetings/{meeting_id}/questions/{question_id}/answer", desk("meetings"), {
    "summary": "Record the member's answer to a written question (If-Match with its version as listed); published "
               "with the question once the meeting has begun",
    "parameters": [MEETING_ID, path_param("question_id", {"type": "string", "pattern": limits.REGISTRATION_PATTERN}),
                   if_match("question", "stale: 409")],
    "requestBody": _body("QuestionAnswer"),
    "responses": {"200": json_response(ref("StaffQuestion")), **errors(400, 428, **{
        "404": "No such meeting or question (meeting_not_found, question_not_found)",
        "409": "It changed meanwhile (edit_conflict)"})}})
def answer_question(meeting_id, question_id):
    from .questions import answer, for_staff
    found = for_staff(answer(http.deps(), meeting_id, question_id, http.body(), http.header("if-match")))
    return http.ok(found, headers={**http.NO_STORE, "ETag": f'"{found["version"]}"'})


@routes.get("/v1/meetings/{meeting_id}/webcast", ANYONE, {
    "summary": "A meeting's webcast (the provider's address, live or recorded) and its chapters: each item's "
               "start in the recording with the address of that minute; the item now on while live; its version "
               "(the ETag to set chapters with). One GetItem beside the meeting's",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("Webcast")), **errors(400, **NO_MEETING)}})
def meeting_webcast(meeting_id):
    from .webcasts import view
    found = view(http.deps(), meeting_id)
    return http.ok(found, headers={"Cache-Control": "no-cache", "ETag": f'"{found["version"]}"'})


@routes.post("/v1/staff/meetings/{meeting_id}/webcast/now", desk("meetings"), {
    "summary": "Live: \"now on item N\", a chapter at the seconds since the meeting was first marked live; only "
               "on the meeting's day, from an hour before its start (the webcast's live.says)",
    "parameters": [MEETING_ID], "requestBody": _body("WebcastNow"),
    "responses": {"200": json_response(ref("Webcast")), **errors(400, **NO_MEETING, **{
        "422": "Not while the meeting is on, with its times in words (not_meeting_time)"})}})
def webcast_now_on(meeting_id):
    from .webcasts import now_on
    return http.ok(now_on(http.deps(), meeting_id, http.body()), headers=http.NO_STORE)


@routes.route("PUT", "/v1/staff/meetings/{meeting_id}/webcast/chapters", desk("meetings"), {
    "summary": "Afterwards: set the recording's chapters (each item's start in seconds) in the recording's order, "
               "kept as given (never sorted), If-Match with the version read (\"0\" before any)",
    "parameters": [MEETING_ID, if_match("webcast", "stale: 409")],
    "requestBody": _body("WebcastChapters"),
    "responses": {"200": json_response(ref("Webcast")), **errors(400, 428, **NO_MEETING, **{
        "409": "Another officer changed them first (edit_conflict)",
        "422": "A chapter out of order or at the same second as the one before ($.chapters[n].at_s), or naming an "
               "item not on the agenda ($.chapters[n].item_id): each named (validation_failed); nothing saved. "
               "YouTube's 0:00 first and 10 s apart are the export's rules"})}})
def webcast_chapters(meeting_id):
    from .webcasts import set_chapters
    return http.ok(set_chapters(http.deps(), meeting_id, http.body(), http.header("if-match")), headers=http.NO_STORE)


@routes.post("/v1/staff/meetings/{meeting_id}/webcast/chapters/import", desk("meetings"), {
    "summary": "Import the chapters from the webcast provider's index of item times (a WebVTT chapters track at "
               "DOORSTEP_WEBCAST_CHAPTERS_URL): each cue matched to an item by its printed number or exact title "
               "and saved as a set of chapters is, If-Match with the version read; cues matching no item are listed "
               "in `unmatched`. The provider's page or a file that is not WebVTT changes nothing",
    "parameters": [MEETING_ID, if_match("webcast", "stale: 409")],
    "responses": {"200": json_response(ref("WebcastImported")), **errors(400, 428, **NO_MEETING, **{
        "409": "Another officer changed them first (edit_conflict)",
        "422": "No cue names an item on the agenda (chapters_not_matched), or two start in one second, named by "
               "their cue ($.cues[n].at_s, validation_failed); nothing changed",
        "502": "The provider did not answer in time or with an error (webcast_provider_unavailable), or answered "
               "a web page or a file that is not WebVTT (webcast_index_malformed); nothing changed",
        "503": "No provider's index is configured (webcast_index_not_configured)"})}})
def webcast_chapters_import(meeting_id):
    from .webcasts import import_chapters
    return http.ok(import_chapters(http.deps(), meeting_id, http.header("if-match")), headers=http.NO_STORE)


@routes.get("/v1/staff/meetings/{meeting_id}/webcast/youtube.txt", desk("meetings"), {
    "summary": "The chapters as YouTube description text (0:00 first, ascending, at least 3, each at least 10 s "
               "apart), or 422 naming what YouTube would refuse",
    "parameters": [MEETING_ID],
    "responses": {"200": {"description": "text/plain", "content": {"text/plain": {"schema": {"type": "string"}}}},
                  **errors(400, **NO_MEETING, **{"422": "Chapters YouTube would refuse (chapters_not_accepted)"})}})
def webcast_youtube(meeting_id):
    from chalice import Response
    from .webcasts import youtube
    return Response(body=youtube(http.deps(), meeting_id), status_code=200,
                    headers={"Content-Type": "text/plain; charset=utf-8", **http.NO_STORE})


LIVE_QUESTION_ID = path_param("question_id", {"type": "string", "pattern": limits.REGISTRATION_PATTERN})


@routes.post("/v1/meetings/{meeting_id}/live-questions", SIGNED_IN, {
    "summary": "While the meeting is webcast, send a question about the item now being discussed, for democratic "
               "services to moderate; shown with a first name and ward only if name_public. Chat's refusals: "
               "blocked (403), too many (429), too long (400), too many words (422). Idempotent with "
               "Idempotency-Key",
    "parameters": [MEETING_ID, IDEMPOTENCY], "requestBody": _body("LiveQuestionNew"),
    "responses": {"201": json_response(ref("MyLiveQuestion")), **errors(400, 429, **NO_MEETING, **{
        "403": "The council has stopped taking messages from you (blocked)",
        "409": "Not live (not_live), the meeting has moved on from the item named (item_moved_on), or cancelled "
               "(meeting_cancelled)",
        "422": "Over the committee's word limit (too_many_words), or no such ward"})}})
def send_live_question(meeting_id):
    from .live import mine, send
    made, created = send(http.deps(), meeting_id, http.body(), http.header("idempotency-key"))
    return http.created(mine(made), created)


@routes.get("/v1/meetings/{meeting_id}/live-questions", ANYONE, {
    "summary": "The chair's screen and anyone watching: the approved and answered live questions, the item now on, "
               "and the socket that pushes each as it is approved (?meeting=<id>); a first name and ward only by "
               "consent. One Query of the meeting's partition",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("LiveQuestions")),
                                              **errors(400, **NO_MEETING)}})
def live_questions(meeting_id):
    from .live import shown
    return http.ok(shown(http.deps(), meeting_id), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/staff/meetings/{meeting_id}/live-questions", desk("meetings"), {
    "summary": "Democratic services: every live question of the meeting, first sent first, with its status and "
               "version (the ETag to decide with); the desk's socket (?meeting=<id>&desk=live) says when to read "
               "it again",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("StaffLiveQuestions")),
                                              **errors(400, **NO_MEETING)}})
def staff_live_questions(meeting_id):
    from .live import staff_list
    return http.ok(staff_list(http.deps(), meeting_id), headers=http.NO_STORE)


@routes.post("/v1/staff/meetings/{meeting_id}/live-questions/{question_id}/decision", desk("meetings"), {
    "summary": "Moderate a live question: approve (shown on the chair's screen and every watching screen at once), "
               "reject (a shown one is taken off them) or mark an approved one answered; If-Match with its version",
    "parameters": [MEETING_ID, LIVE_QUESTION_ID, if_match("question", "stale: 409")],
    "requestBody": _body("LiveQuestionDecision"),
    "responses": {"200": json_response(ref("StaffLiveQuestion")), **errors(400, 428, **{
        "404": "No such meeting or question (meeting_not_found, question_not_found)",
        "409": "It changed meanwhile, or that decision does not follow its state (edit_conflict)"})}})
def decide_live_question(meeting_id, question_id):
    from .live import decide, for_staff
    found = for_staff(decide(http.deps(), meeting_id, question_id, http.body(), http.header("if-match")))
    return http.ok(found, headers={**http.NO_STORE, "ETag": f'"{found["version"]}"'})


@routes.get("/v1/me/taking-part", SIGNED_IN, {
    "summary": "My registrations to speak (each with its withdraw link while it holds a place), my written "
               "questions with their answers and my live questions, latest first, each naming its meeting's "
               "committee, date and time and its item (three Queries of my own, one BatchGetItem of the meetings)",
    "responses": {"200": json_response(ref("MyTakingPart"))}})
def my_taking_part():
    from .mine import mine
    deps = http.deps()
    return http.ok(mine(deps, deps.principal.user_id), headers=http.NO_STORE)


@routes.get("/v1/staff/meetings/speaking-rules", desk("meetings"), with_etag({
    "summary": "Democratic services: each current committee with the rules for taking part it follows (null: the "
               "default set), whether its meetings ahead have items the public may speak on, the sets to choose "
               "from and the audit of changes; its ETag is for a change",
    "responses": {"200": json_response(ref("SpeakingRules"))}}, thing="choice"))
def speaking_rules():
    from ...storage import metering
    from .speaking_rules import view
    metering.expose()
    body, etag = view(http.deps())
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.patch("/v1/staff/meetings/speaking-rules", desk("meetings"), with_etag({
    "summary": "Democratic services choose one committee's rules for taking part (If-Match: the version read); "
               "audited with who, when, and from what to what",
    "parameters": [if_match("choice", "stale: 409 edit_conflict with the choice as it is now")],
    "requestBody": _body("SpeakingRulesChoice"),
    "responses": {"200": json_response(ref("SpeakingRules")), **errors(400, 409, 428, **{
        "422": "A committee we do not know or a set that does not exist (validation_failed)"})}}, thing="choice"))
def choose_speaking_rules():
    from ...storage import metering
    from ..shared.versions import expected_version
    from .speaking_rules import choose
    metering.expose()
    version = expected_version(http.header("If-Match"), "GET /v1/staff/meetings/speaking-rules")
    body, etag = choose(http.deps(), http.body(), version)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})
