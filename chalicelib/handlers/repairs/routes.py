"""Repairs' routes: the questions a tenant is asked, their homes, a repair
reported, read, its slots, booked, moved and cancelled."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import SIGNED_IN, desk
from ..shared import effects

routes = Routes("repairs", schemas="chalicelib.handlers.repairs.schemas")
effects.register("repair_reported", "repairs.order",  # the order placed at the contractor's scheduler, once
                 "chalicelib.handlers.repairs.ordering:on_reported")
effects.register("repair_reported", "repairs.finished",  # counted once for the council's figures (feedback/)
                 "chalicelib.handlers.repairs.reporting:on_reported")
effects.register("repair_inspected", "repairs.summary_text",  # the tenant told the written summary is ready
                 "chalicelib.handlers.repairs.telling:on_inspected")
effects.register("repair_ordered", "repairs.choose_text",  # ordered late: the tenant told by text to choose a time
                 "chalicelib.handlers.repairs.telling:on_ordered")
REPAIR_ID = path_param("repair_id", {"type": "string", "pattern": "^RP-[0-9A-Z]{6}$", "example": "RP-7K3F9Q"})
KEY = idempotency_key("the same key and body answer the same repair")
MISSING = {"404": "No such repair, or not yours (code repair_not_found)"}
CLOSED = "Closed (code repair_closed), an emergency (code no_choice), or changed at the same moment (code repair_changed)"
DOWN = {"503": "The contractor's scheduler cannot be reached (code scheduler_unavailable), or has not taken the "
               "repair's order yet (code not_ordered); Retry-After"}
SLOT = {"content": {"application/json": {"schema": {"$ref": ref("RepairSlotChoice")}}}, "required": True}


@routes.get("/v1/repairs/questions", SIGNED_IN, {
    "summary": "What a tenant is asked, in order: the emergencies (each to the phone, with what to do now), then "
               "location, problem and issue (no repair codes)",
    "responses": {"200": json_response(ref("RepairQuestions"))}})
def repair_questions():
    from .tree import phone_of, questions
    return http.ok(questions(phone_of(http.deps().council)))


@routes.get("/v1/me/homes", SIGNED_IN, {
    "summary": "The council homes I rent now, from the rent accounts of the council tax accounts I have linked "
               "(one back-office session; none linked: none, and no back office asked)",
    "responses": {"200": json_response(ref("MyHomes")),
                  **errors(**{"503": "The tenancy cannot be checked now (code tenancy_unavailable)"})}})
def my_homes():
    from .homes import homes
    return http.ok({"homes": homes(http.deps())}, headers=http.NO_STORE)


@routes.post("/v1/repairs", SIGNED_IN, {
    "summary": "Report a repair to the home I rent: answers from the questions, a description, access notes and a "
               "number to text. Taken even when the contractor's scheduler is down: its order follows the report",
    "parameters": [KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("RepairNew")}}}},
    "responses": {"201": json_response(ref("Repair")), **errors(400, 422, **{
        "404": "Not a home I rent (code home_not_found)",
        "422": "An emergency: call (code emergency_phone), answers the questions do not lead to "
               "(code validation_failed), or a photo not uploaded or not a photo (code upload_not_found...)",
        "409": "A photo used already (code photo_already_used)",
        "503": "The tenancy cannot be checked now (code tenancy_unavailable)"})}})
def report_repair():
    from ...storage.metering import expose
    from .reporting import report
    expose()
    view, created = report(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/repairs/{view['id']}"})


@routes.get("/v1/me/repairs", SIGNED_IN, {
    "summary": "The repairs I reported, newest first, each with its dates in words (one Query of my repairs)",
    "responses": {"200": json_response(ref("MyRepairs"))}})
def my_repairs():
    from ...storage.metering import expose
    from .reporting import view
    from .rules import of
    expose()
    deps = http.deps()
    now = deps.clock()
    return http.ok({"repairs": [view(r, now, of(deps)) for r in deps.repairs.of_user(deps.principal.user_id)]},
                   headers=http.NO_STORE)


@routes.get("/v1/repairs/{repair_id}", SIGNED_IN, {
    "summary": "One of my repairs with each date that concerns me, in words",
    "parameters": [REPAIR_ID], "responses": {"200": json_response(ref("Repair")), **errors(**MISSING)}})
def repair(repair_id):
    from ...storage.metering import expose
    from .reporting import mine_or_404, view, with_photos
    from .rules import of
    expose()
    deps = http.deps()
    found = mine_or_404(deps, repair_id)
    return http.ok(with_photos(deps, view(found, deps.clock(), of(deps)), found), headers=http.NO_STORE)


@routes.get("/v1/repairs/{repair_id}/slots", SIGNED_IN, {
    "summary": "The AM and PM times the contractor offers for the repair, from tomorrow (one checkAvailability "
               "a week searched, as DRS answers 7 days at most; scheduler_calls says what it cost)",
    "parameters": [REPAIR_ID],
    "responses": {"200": json_response(ref("RepairSlots")), **errors(**MISSING, **DOWN, **{"409": CLOSED})}})
def repair_slots(repair_id):
    from ...storage.metering import expose
    from .appointments import slots
    expose()
    return http.ok(slots(http.deps(), repair_id), headers=http.NO_STORE)


@routes.post("/v1/repairs/{repair_id}/appointment", SIGNED_IN, {
    "summary": "Book one of the times offered now, once: pressed twice or raced, one booking stands (the time "
               "checked with the scheduler first: one checkAvailability of its day)",
    "parameters": [REPAIR_ID], "requestBody": SLOT,
    "responses": {"200": json_response(ref("Repair")), **errors(400, **MISSING, **DOWN, **{
        "409": "Booked already (code already_booked), the time just taken (code slot_taken), a time not offered "
               "now (code slot_not_offered: past, today, beyond the days searched, or not the scheduler's), or "
               + CLOSED})}})
def book_repair(repair_id):
    from .appointments import book
    return http.ok(book(http.deps(), repair_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/repairs/{repair_id}/appointment/move", SIGNED_IN, {
    "summary": "Move the appointment to another time offered; the old one is given back",
    "parameters": [REPAIR_ID], "requestBody": SLOT,
    "responses": {"200": json_response(ref("Repair")), **errors(400, **MISSING, **DOWN, **{
        "409": "No appointment (code not_booked), the time just taken (code slot_taken), a time not offered now "
               "(code slot_not_offered), or " + CLOSED})}})
def move_repair(repair_id):
    from .appointments import book
    return http.ok(book(http.deps(), repair_id, http.body(), moving=True), headers=http.NO_STORE)


@routes.post("/v1/repairs/{repair_id}/cancel", SIGNED_IN, {
    "summary": "Cancel the repair: its order withdrawn from the contractor and its time given back",
    "parameters": [REPAIR_ID],
    "responses": {"200": json_response(ref("Repair")), **errors(**MISSING, **DOWN, **{"409": CLOSED})}})
def cancel_repair(repair_id):
    from .appointments import cancel
    return http.ok(cancel(http.deps(), repair_id), headers=http.NO_STORE)


@routes.get("/v1/staff/repairs/board", desk("repairs"), {
    "summary": "The repairs board: open repairs late, due today and at risk, each with its clocks' states (one "
               "Query of the open repairs at risk or past it: it reads what it shows, not every open repair)",
    "responses": {"200": json_response(ref("RepairsBoard"))}})
def repairs_board():
    from ...storage.metering import expose
    from .board import board
    expose()
    return http.ok(board(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/staff/repairs/{repair_id}/inspection", desk("repairs"), {
    "summary": "Record a repair's inspection and its written summary for the tenant, once: Awaab's Law's "
               "investigation is met and its summary, safety work and further work run from it; the tenant is told",
    "parameters": [REPAIR_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("RepairInspection")}}}},
    "responses": {"200": json_response(ref("Repair")), **errors(400, **{
        "404": "No such repair (code repair_not_found)",
        "409": "Inspected already (code already_inspected), closed (code repair_closed), or changed at the same "
               "moment (code repair_changed)"})}})
def record_inspection(repair_id):
    from .inspecting import record
    return http.ok(record(http.deps(), repair_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/repairs/{repair_id}/second-contractor", desk("repairs"), {
    "summary": "Send a qualifying repair to a second contractor once the first's Right to Repair period has run "
               "out (the board proposes it): its second period starts now",
    "parameters": [REPAIR_ID],
    "responses": {"200": json_response(ref("Repair")), **errors(**{
        "404": "No such repair (code repair_not_found)",
        "409": "Not a qualifying repair (code not_qualifying), the first period still running (code "
               "first_period_running), one sent already (code second_contractor_sent), or " + CLOSED})}})
def send_second_contractor(repair_id):
    from .closing import second_contractor
    return http.ok(second_contractor(http.deps(), repair_id), headers=http.NO_STORE)


@routes.post("/v1/staff/repairs/{repair_id}/done", desk("repairs"), {
    "summary": "Close a repair with what was done, once; after a second contractor's missed period, the Right to "
               "Repair's compensation (pence) is fixed then",
    "parameters": [REPAIR_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("RepairDone")}}}},
    "responses": {"200": json_response(ref("Repair")), **errors(400, **{
        "404": "No such repair (code repair_not_found)", "409": CLOSED})}})
def repair_done(repair_id):
    from .closing import done
    return http.ok(done(http.deps(), repair_id, http.body()), headers=http.NO_STORE)


@routes.get("/v1/me/block-repairs", SIGNED_IN, {
    "summary": "The open repairs to shared parts of each block I rent a home in (not mine: those are in my repairs), "
               "with how many neighbours said \"me too\" and whether I did; no one's name, contact or notes "
               "(one Query a block)",
    "responses": {"200": json_response(ref("BlockRepairs")),
                  **errors(**{"503": "The tenancy cannot be checked now (code tenancy_unavailable)"})}})
def block_repairs():
    from .communal import in_my_blocks
    return http.ok(in_my_blocks(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/repairs/{repair_id}/me-too", SIGNED_IN, {
    "summary": "Say a shared part's repair in my block affects me too: counted once however often it is sent "
               "(201; again: 201 with Idempotent-Replayed, nothing counted)",
    "parameters": [REPAIR_ID],
    "responses": {"201": json_response(ref("BlockRepair")), **errors(**{
        "404": "No open repair with that reference in my block (code repair_not_found)",
        "409": "My own repair (code your_own_repair), or closed (code repair_closed)",
        "503": "The tenancy cannot be checked now (code tenancy_unavailable)"})}})
def repair_me_too(repair_id):
    from .communal import me_too
    body, added = me_too(http.deps(), repair_id)
    return http.created(body, added)
