"""Council meetings and decisions: anyone reads our copy of the committee
system (never the system itself: the sync, sync.py, reads that); staff see
the sync's health."""
from chalice import Response

from ...api import http
from ...api.openapi import errors, if_match, json_response, path_param, q, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ..alerts.audience import register
from . import limits

routes = Routes("democracy", schemas="chalicelib.handlers.democracy.schemas")
# An agenda's publication tells residents of the items that concern them (notices.py).
register("meeting_", "chalicelib.handlers.democracy.notices")
ID = {"type": "string", "pattern": limits.ID_PATTERN}
MEETING_ID, PAPER_ID, COMMITTEE_ID, ITEM_ID = (path_param(n, ID) for n in ("meeting_id", "paper_id", "committee_id",
                                                                            "item_id"))
DAY = {"type": "string", "format": "date"}
SPAN = [q("from", "the first day (YYYY-MM-DD)", schema=DAY), q("to", "the last day, at most a year on", schema=DAY)]
LIMIT = q("limit", "1 to 50 (default 20)", schema={"type": "integer", "minimum": 1, "maximum": 50})
WARD = q("ward", "a ward's name", schema={"type": "string", "maxLength": limits.WARD_MAX})
SPAN_422 = {"422": "from after to, or more than a year apart (code validation_failed)"}
NO_MEETING = {"404": "No such meeting in our copy (code meeting_not_found)"}
BRIEF = {"Cache-Control": "no-cache"}  # our copy changes with each sync: asked again, cheaply


@routes.get("/v1/committees", ANYONE, {
    "summary": "The council's committees and decision makers (current ones), from our copy of its committee system",
    "responses": {"200": json_response(ref("Committees"))}})
def committees():
    kept = http.deps().democracy.document("committees")
    found = [{"id": c["id"], "title": c["title"], "category": c["category"]}
             for c in (kept[0] if kept else []) if c["current"]]
    return http.ok({"committees": found}, headers=BRIEF)


@routes.get("/v1/meetings", ANYONE, {
    "summary": "Meetings ahead (soonest first) or past (latest first), by committee, by a ward their items name "
               "and by date; a cancelled one says so. Our copy: it answers the same, with its age, while the "
               "committee system is down",
    "parameters": [q("when", "ahead (default) or past", schema={"type": "string", "enum": ["ahead", "past"]}),
                   q("committee", "a committee's id", schema=ID), WARD, *SPAN, LIMIT],
    "responses": {"200": json_response(ref("Meetings")), **errors(400, **SPAN_422)}})
def meetings():
    from .meetings import listing
    return http.ok(listing(http.deps(), http.query()), headers=BRIEF)


@routes.get("/v1/meetings/{meeting_id}", ANYONE, {
    "summary": "One meeting's agenda: each item with its papers (their size), the petitions it debates and, once "
               "published, its decision and minutes; never a restricted item or paper. A GetItem and a "
               "BatchGetItem whatever the agenda's size",
    "parameters": [MEETING_ID], "responses": {"200": json_response(ref("Meeting")), **errors(400, **NO_MEETING)}})
def meeting(meeting_id):
    from .meetings import one
    return http.ok(one(http.deps(), meeting_id), headers=BRIEF)


@routes.get("/v1/meetings/{meeting_id}/papers/{paper_id}", ANYONE, {
    "summary": "A paper of the meeting's agenda as PDF, from our copy (kept once when the agenda was read); a "
               "paper not on the agenda as we hold it (a restricted one never is) is not found, whatever its id",
    "parameters": [MEETING_ID, PAPER_ID],
    "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {
        "schema": {"type": "string", "format": "binary"}}}},
        **errors(400, **{"404": "No such meeting or paper (meeting_not_found, paper_not_found)",
                         "503": "Listed but not fetched yet (paper_not_yet_available, Retry-After)"})}})
def meeting_paper(meeting_id, paper_id):
    from .meetings import paper
    pdf, _ = paper(http.deps(), meeting_id, paper_id)
    return Response(body=pdf, status_code=200, headers={
        "Content-Type": "application/pdf", "Content-Disposition": f'inline; filename="paper-{paper_id}.pdf"',
        "Cache-Control": f"public, max-age={limits.PAPER_MAX_AGE_S}"})


@routes.get("/v1/decisions/forthcoming", ANYONE, {
    "summary": "Decisions to come (the forward plan): key or not, when, who decides, the wards affected",
    "parameters": [q("key", "true: key decisions only; false: the others", schema={"type": "string",
                                                                                      "enum": ["true", "false"]}),
                   WARD],
    "responses": {"200": json_response(ref("ForthcomingDecisions")), **errors(400)}})
def forthcoming_decisions():
    from .decisions import forthcoming
    return http.ok(forthcoming(http.deps(), http.query()), headers=BRIEF)


@routes.get("/v1/decisions", ANYONE, {
    "summary": "Decisions made, latest first (the last year by default): those the decisions list page published "
               "and those taken at meetings (from their agendas), each once",
    "parameters": [*SPAN, LIMIT], "responses": {"200": json_response(ref("DecisionsMade")), **errors(400, **SPAN_422)}})
def decisions_made():
    from .decisions import made
    return http.ok(made(http.deps(), http.query()), headers=BRIEF)


@routes.get("/v1/agenda-items", ANYONE, {
    "summary": "Search agenda items' titles and decisions (every word, as a word's start), latest meeting first",
    "parameters": [q("q", "the words", required=True, schema={"type": "string", "minLength": limits.QUERY_MIN,
                                                               "maxLength": limits.QUERY_MAX}), *SPAN, LIMIT],
    "responses": {"200": json_response(ref("AgendaItemsFound")), **errors(400, **{
        "422": "Dates out of order or over a year apart, or only spaces to look for (validation_failed)"})}})
def agenda_items():
    from .decisions import found
    return http.ok(found(http.deps(), http.query()), headers=BRIEF)


@routes.get("/v1/feeds/committees/{committee_id}/meetings.ics", ANYONE, {
    "summary": "A committee's meetings (90 days back, a year ahead) as an iCalendar feed to subscribe to; a "
               "cancelled meeting is STATUS:CANCELLED; honours If-None-Match (304)",
    "parameters": [COMMITTEE_ID],
    "responses": {"200": {"description": "text/calendar", "content": {"text/calendar": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified"},
                  **errors(400, **{"404": "No such committee (code committee_not_found)"})}})
def committee_calendar(committee_id):
    from .feeds import CALENDAR_TYPE, committee_calendar as calendar
    return http.cacheable(http.request(), calendar(http.deps(), committee_id), CALENDAR_TYPE, 3600)


@routes.get("/v1/feeds/decisions.atom", ANYONE, {
    "summary": "Decisions made, latest 50 (the list page's and those taken at meetings), as an Atom feed; honours "
               "If-None-Match (304)",
    "responses": {"200": {"description": "Atom", "content": {"application/atom+xml": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified"}}})
def decisions_feed():
    from .feeds import ATOM_TYPE, decisions_atom
    return http.cacheable(http.request(), decisions_atom(http.deps()), ATOM_TYPE, 600)


@routes.get("/v1/staff/meetings/health", desk("meetings"), {
    "summary": "The meetings sync's health: each source's last answer and its age, how its last failure failed "
               "(unreachable, blocked, malformed, changed) and what the committee system answered then (timed out, "
               "an HTML page...), failures in a row, list-page rows it could not read, the last run's calls and "
               "when the next asks again",
    "responses": {"200": json_response(ref("MeetingsHealth"))}})
def meetings_health():
    from .staff import health
    return http.ok(health(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/staff/meetings/topics", desk("meetings"), with_etag({
    "summary": "The mapping of topics to words that places agenda items and forthcoming decisions (the default "
               "until staff edit it); its ETag is for the change",
    "responses": {"200": json_response(ref("MeetingTopics"))}}, thing="mapping"))
def meeting_topics():
    from .topics import view
    body, etag = view(http.deps().democracy)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.patch("/v1/staff/meetings/topics", desk("meetings"), with_etag({
    "summary": "Replace the mapping of topics to words (If-Match: the version read); items are tagged by it as "
               "the sync next copies them",
    "parameters": [if_match("mapping", "stale: 409 edit_conflict with the mapping as it is now")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("MeetingTopics")}}}},
    "responses": {"200": json_response(ref("MeetingTopics")), **errors(400, 409, 428, **{
        "422": "A topic's name or words that can place nothing (validation_failed)"})}}, thing="mapping"))
def change_meeting_topics():
    from ..shared.versions import expected_version
    from .topics import change
    version = expected_version(http.header("If-Match"), "GET /v1/staff/meetings/topics")
    body, etag = change(http.deps(), http.body(), version)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.get("/v1/staff/meetings/{meeting_id}/tags", desk("meetings"), with_etag({
    "summary": "A meeting's agenda items with the wards and topics each is placed by (from its words, or as staff "
               "set them), and every ward and topic to choose from; its ETag is for a change",
    "parameters": [MEETING_ID],
    "responses": {"200": json_response(ref("MeetingTags")), **errors(400, **NO_MEETING)}}, thing="tags"))
def meeting_tags(meeting_id):
    from .staff import view
    body, etag = view(http.deps(), meeting_id)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.patch("/v1/staff/meetings/{meeting_id}/items/{item_id}/tags", desk("meetings"), with_etag({
    "summary": "An agenda item's wards and topics as staff correct them (If-Match: the meeting's tags' version "
               "read), kept across the sync's later copies; from_words gives it back to its own words",
    "parameters": [MEETING_ID, ITEM_ID, if_match("tags", "stale: 409 edit_conflict with the tags as they are now")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("ItemTags")}}}},
    "responses": {"200": json_response(ref("MeetingTags")), **errors(400, 409, 428, **{
        "404": "No such meeting or agenda item (meeting_not_found, agenda_item_not_found)",
        "422": "A ward or topic that does not exist (validation_failed)"})}}, thing="tags"))
def change_item_tags(meeting_id, item_id):
    from ..shared.versions import expected_version
    from .staff import change
    version = expected_version(http.header("If-Match"), "GET /v1/staff/meetings/{id}/tags")
    body, etag = change(http.deps(), meeting_id, item_id, http.body(), version)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.get("/v1/staff/decisions/forthcoming/tags", desk("meetings"), with_etag({
    "summary": "Forthcoming decisions with the wards and topics each is listed by (the plan's and its title's, or "
               "as staff corrected them), every ward and topic to choose from, and the audit of corrections",
    "responses": {"200": json_response(ref("ForthcomingTags"))}}, thing="forthcoming tags"))
def forthcoming_tags():
    from .forthcoming_tags import view
    body, etag = view(http.deps())
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.patch("/v1/staff/decisions/forthcoming/{decision_id}/tags", desk("meetings"), with_etag({
    "summary": "A forthcoming decision's wards and topics as staff correct them (If-Match: the corrections' version "
               "read), audited and kept across the sync's later copies; from_words gives it back to its own",
    "parameters": [path_param("decision_id", ID),
                   if_match("forthcoming tags", "stale: 409 edit_conflict with the tags as they are now")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("ItemTags")}}}},
    "responses": {"200": json_response(ref("ForthcomingTags")), **errors(400, 409, 428, **{
        "404": "No such decision still to come in the forward plan (decision_not_found)",
        "422": "A ward or topic that does not exist (validation_failed)"})}}, thing="forthcoming tags"))
def change_forthcoming_tags(decision_id):
    from ..shared.versions import expected_version
    from .forthcoming_tags import change
    version = expected_version(http.header("If-Match"), "GET /v1/staff/decisions/forthcoming/tags")
    body, etag = change(http.deps(), decision_id, http.body(), version)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.post("/v1/staff/meetings/{meeting_id}/items/{item_id}/petitions/{petition_id}", desk("meetings"), with_etag({
    "summary": "Staff: a published petition is debated at this agenda item (If-Match: the petition's version). "
               "Its page and the meeting's say so; its signers and followers are told the date (again only if it "
               "moves to another meeting), of the item when the agenda is published, and the decision",
    "parameters": [MEETING_ID, path_param("item_id", ID), path_param("petition_id", {"type": "string"}),
                   if_match("petition", "stale: 409 edit_conflict with the petition as it is now")],
    "responses": {"200": json_response("#/components/schemas/Petition"), **errors(400, 428, **{
        "404": "No such meeting, item or petition (meeting_not_found, item_not_found, petition_not_found)",
        "409": "The meeting was cancelled, the petition is not published, or someone changed it first"})}},
    thing="petition"))
def link_petition(meeting_id, item_id, petition_id):
    from ..shared.versions import expected_version
    from .petition_links import link
    version = expected_version(http.header("If-Match"), "GET /v1/staff/petitions/{id}")
    view = link(http.deps(), meeting_id, item_id, petition_id, version)
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/me/meetings", SIGNED_IN, {
    "summary": "The council meetings you were told of, each item with why it concerned you (a report you made, "
               "supported or follow, a petition you signed, a follow), and whether your calendar link is live. "
               "Only you see this",
    "responses": {"200": json_response(ref("MyMeetings"))}})
def my_meetings():
    from .told import mine
    return http.ok(mine(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/me/meetings/calendar", SIGNED_IN, {
    "summary": "A private link to your meetings as an iCalendar feed, shown this once; asking again makes a new "
               "link and the old one stops at once (404)",
    "responses": {"201": json_response(ref("MyMeetingsCalendar"))}})
def new_my_meetings_calendar():
    from .told import new_calendar
    return http.ok(new_calendar(http.deps()), status=201, headers=http.NO_STORE)


@routes.delete("/v1/me/meetings/calendar", SIGNED_IN, {
    "summary": "Stop your calendar link: it answers 404 from now on",
    "responses": {"204": {"description": "Stopped (or there was none)"}}})
def revoke_my_meetings_calendar():
    from .told import revoke_calendar
    revoke_calendar(http.deps())
    return Response(body="", status_code=204, headers=http.NO_STORE)


@routes.get("/v1/feeds/my-meetings/{token}/meetings.ics", ANYONE, {
    "summary": "Your meetings (those you were told of) as an iCalendar feed, from your private link alone; never "
               "why. A link stopped or replaced answers 404, as one never made",
    "parameters": [path_param("token", {"type": "string", "maxLength": 200})],
    "responses": {"200": {"description": "text/calendar", "content": {"text/calendar": {"schema": {"type": "string"}}}},
                  **errors(**{"404": "No calendar at this link (calendar_not_found)"})}})
def my_meetings_calendar(token):
    from .feeds import CALENDAR_TYPE
    from .told import calendar
    return Response(body=calendar(http.deps(), token), status_code=200, headers={
        "Content-Type": CALENDAR_TYPE, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"})
