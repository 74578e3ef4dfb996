"""Moving home, told once: the resident tells us of a move, sees what it
changed and chooses for what it offered; staff see a move and undo a part.
Everything the move changes follows from its `move_made` event (following.py)."""
from ...api import http
from ...api.openapi import errors, if_match, json_response, path_param, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import SIGNED_IN, desk
from ..shared import effects
from . import limits

routes = Routes("moving", schemas="chalicelib.handlers.moving.schemas")
effects.register("move_made", limits.FOLLOW, "chalicelib.handlers.moving.following:on_move")
MOVE_ID = path_param("move_id", {"type": "string", "pattern": limits.MOVE_ID_PATTERN, "example": "MV-7K3F9Q2M4N"})
PART = path_param("part", {"type": "string", "pattern": limits.PART_PATTERN, "example": "bulky:BK-7K3F9Q"})
KEY = idempotency_key("the same key and body answer the same move")
PRIVATE = {"Cache-Control": "private, no-store"}
NO_MOVE = {"404": "Not one of my moves (code move_not_found)"}


@routes.post("/v1/me/moves", SIGNED_IN, {
    "summary": "Tell the council I am moving in to, out of or within the area: the date (no more than 14 days "
               "ahead: later is 422 move_too_far_ahead with the rule in words; more than 21 days ago is taken with "
               "a note for staff), the new address by UPRN from the address list (in, within), the people on the "
               "bill, sold or rented with who to contact, the forwarding address (out). Everything tied to the "
               "address follows from the move once: council tax, bin days, garden waste, saved address; "
               "bookings at the old home and alerts there are offered to keep or cancel (move or stay)",
    "parameters": [KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("MoveNew")}}}},
    "responses": {"201": json_response(ref("Move"), "Told"),
                  "200": json_response(ref("Move"), "Told already (the same Idempotency-Key)"),
                  **errors(400, **{"422": "A rule in words: the date too far ahead (move_too_far_ahead) or "
                                          "too long ago, an address not in the area, the same home"})}})
def make_move():
    from .making import make
    view, made = make(http.deps(), http.body(), http.header("idempotency-key"))
    return http.ok(view, status=201 if made else 200, headers=PRIVATE)


@routes.get("/v1/me/moves", SIGNED_IN, {
    "summary": "My moves, newest first", "responses": {"200": json_response(ref("Moves"))}})
def my_moves():
    from .view import mine
    return http.ok(mine(http.deps()), headers=PRIVATE)


@routes.get("/v1/me/moves/{move_id}", SIGNED_IN, {
    "summary": "One of my moves: each thing it changed with its state in words (moved, stopped, refunded, "
               "offered to keep or cancel), the old council tax account closing from the move date as the back "
               "office says (its last copy with its age while it is away), and what is left to do elsewhere, by link",
    "parameters": [MOVE_ID], "responses": {"200": json_response(ref("Move")), **errors(**NO_MOVE)}})
def my_move(move_id):
    from .view import one
    return http.ok(one(http.deps(), move_id), headers=PRIVATE)


@routes.post("/v1/me/moves/{move_id}/parts/{part}/choice", SIGNED_IN, {
    "summary": "Choose for something the move offered: keep or cancel a bulky collection or container request "
               "at the old home (cancelling refunds by its own terms), move or keep an alert (leaving the area: "
               "stop or keep it), link the new "
               "home's council tax account once the back office has opened it (one tap) or not. Choosing again "
               "the same is no change; another choice once made is 409 chosen_already",
    "parameters": [MOVE_ID, PART],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("MoveChoice")}}}},
    "responses": {"200": json_response(ref("Move")),
                  **errors(400, 409, 422, **{"404": "Not my move, or no such offer (code part_not_found)"})}})
def choose_for_move(move_id, part):
    from .choices import choose
    return http.ok(choose(http.deps(), move_id, part, http.body()), headers=PRIVATE)


@routes.post("/v1/staff/moves/{move_id}/lookup", desk("council_tax"), {
    "summary": "A resident's move and everything it set off, each part with its state, and the move's audit. "
               "Personal data: read with a reason in the body (never the path, so never an access log), and "
               "the read itself audited",
    "parameters": [MOVE_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("MoveUndo")}}}},
    "responses": {"200": json_response(ref("StaffMove")), **errors(400, **NO_MOVE)}})
def staff_move(move_id):
    from .staff import read
    return http.ok(read(http.deps(), move_id, http.body()), headers=PRIVATE)


@routes.post("/v1/staff/moves/{move_id}/parts/{part}/undo", desk("council_tax"), {
    "summary": "Undo one part of a move with a reason (audited): the saved address put back, a moved garden "
               "term put back at the old home. A council tax request is the back office's to reverse. If-Match "
               "names the part's version from the lookup: 428 without, 409 edit_conflict when it changed since",
    "parameters": [MOVE_ID, PART, if_match("part (its version in the lookup)", "changed since: 409 edit_conflict")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("MoveUndo")}}}},
    "responses": {"200": json_response(ref("StaffMove")),
                  **errors(400, 409, 422, 428, **{"404": "No such move or part (code part_not_found)"})}})
def undo_move_part(move_id, part):
    from .staff import undo
    return http.ok(undo(http.deps(), move_id, part, http.body(), http.header("if-match")), headers=PRIVATE)
