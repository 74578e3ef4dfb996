"""Licensing: licence types as each council's data, applications and notices
paid for and followed, representations, the public register as a list and as
open data, and the licensing desk (docs/decisions/licensing.md)."""
from ...api import http
from ...api.openapi import access_reason, errors, idempotency_key, if_match, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ..alerts.audience import register
from ..payments import hooks
from ..shared import effects

routes = Routes("licensing", schemas="chalicelib.handlers.licensing.schemas")
# A licence fee's payment finished: the case received, or the notice given or refused (applying.on_payment).
hooks.register("licence_fee", "chalicelib.handlers.licensing.applying")
# A premises licence's annual fee paid: recorded for its day, a suspension for it lifted (annual_fee.on_payment).
hooks.register("licence_annual_fee", "chalicelib.handlers.licensing.annual_fee")
# An unpaid annual fee's notice of suspension, and a fee's receipt, mailed to the holder once (annual_fee.py).
for _kind in ("licence_fee_notice", "licence_annual_fee_paid"):
    effects.register(_kind, "licensing.fee_told", "chalicelib.handlers.licensing.annual_fee:on_event")
# An application received near a home reaches the area alerts that hold it (neighbours.py).
register("licence_application_received", "chalicelib.handlers.licensing.neighbours")
# A decision told to the applicant and to each person who made a representation, once each (telling.py).
effects.register("licence_decided", "licensing.told", "chalicelib.handlers.licensing.telling:on_decided")
# A minor variation treated as refused when undecided in time: its fee returned in full, once (deeming.py).
effects.register("licence_decided", "licensing.fee_returned", "chalicelib.handlers.licensing.deeming:on_decided")
# A hearing set, a licence suspended, revoked or reinstated: told to the applicant alone, once (telling.py).
for _kind in ("licence_hearing_set", "licence_suspended", "licence_revoked", "licence_current"):
    effects.register(_kind, "licensing.applicant_told", "chalicelib.handlers.licensing.telling:on_changed")
# Consultees with an address asked by e-mail, once each, with their own link (consulting.py).
for _kind in ("licence_application_received", "licence_notice_given"):
    effects.register(_kind, "licensing.consultees_asked", "chalicelib.handlers.licensing.consulting:on_received")
# An application withdrawn: its fee refunded by the type's rule, the applicant and objectors told, once (withdrawing.py).
effects.register("licence_withdrawn", "licensing.withdrawn", "chalicelib.handlers.licensing.withdrawing:on_withdrawn")
# An officer's request mailed to the applicant once, with a link to their case (asking.py).
effects.register("licence_information_requested", "licensing.applicant_asked",
                 "chalicelib.handlers.licensing.asking:on_requested")
# A licence's renewal or annual fee reminder, written by the five-minute job, mailed once (renewing.py).
effects.register("licence_reminder_due", "licensing.reminded", "chalicelib.handlers.licensing.renewing:on_reminder")
CASE_ID = path_param("case_id", {"type": "string", "pattern": "^LC-[0-9A-Z]{4,16}$", "example": "LC-7K3F9Q"})
REP_ID = path_param("rep_id", {"type": "string", "pattern": "^LR-[0-9A-Z]{4,16}$", "example": "LR-7K3F9Q"})
CONSULTEE = path_param("consultee_id", {"type": "string", "pattern": "^[a-z][a-z_]{0,39}$", "example": "police"})
NO_CASE = {"404": "No such case, or not yours (code licence_case_not_found)"}
IF_MATCH = if_match("case", stale="changed meanwhile: 409 edit_conflict, read it again")
REQUEST = path_param("request_id", {"type": "integer", "minimum": 1, "maximum": 30, "example": 1})
DOCUMENT = path_param("document_id", {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,39}$", "example": "plan"})
TOKEN = path_param("token", {"type": "string", "maxLength": 300, "example": "eW9yay...c2ln"})
BODY = {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}
# A case at the desk holds the applicant's and objectors' details: read with a reason, audited (reading.desk_one).
PERSONAL = "the case's applicant and objectors"
WHY_CHANGED = access_reason(PERSONAL, required=False, without="the answer withholds them (personal_withheld true)")


def _etag(case_view_seq):
    return {"ETag": f'"{case_view_seq}"', **http.NO_STORE}


@routes.get("/v1/licensing/types", ANYONE, {
    "summary": "The council's licence types as its data: each one's fee (by band where the law bands it), the "
               "documents asked for, its term, and the law's clocks in words with their sources; `activity` "
               "answers which types an activity needs (sell_alcohol, street_trading, short_term_let ...)",
    "parameters": [q("activity", "an activity: only the types it needs", schema={"type": "string", "maxLength": 40})],
    "responses": {"200": json_response(ref("LicenceTypes")), **errors(400, **{"422": "Not an activity"})}})
def licence_types():
    from .reading import types_view
    return http.ok(types_view(http.deps(), http.query()))


@routes.post("/v1/licensing/cases", SIGNED_IN, {
    "summary": "Start an application, or a temporary event notice: a draft with its fee worked out from the type "
               "and band, made before any money moves (idempotent with Idempotency-Key). A notice the law's "
               "limits or its timing refuse already is refused here, 422 in the words it would get when given "
               "(ten_premises_limit, ten_days_limit, ten_user_limit, ten_late_limit, ten_too_late), nothing charged. "
               "`answers` (question id -> answer) answers the type's form, checked by the forms engine: each "
               "problem 422 at answers.<question>",
    "parameters": [idempotency_key()], "requestBody": BODY,
    "responses": {"201": json_response(ref("LicenceCase")),
                  **errors(400, 422, **{"404": "No such licence type (code licence_type_not_found)"})}})
def start_case():
    from .applying import start
    view, made = start(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, made, headers={"Location": f"/v1/licensing/cases/{view['id']}"})


@routes.get("/v1/licensing/cases/{case_id}", SIGNED_IN, {
    "summary": "One of my cases: its state, each clock with its last day, the rule and its source, the "
               "representations as the officer shared them (never who made them), conditions and decision. A case "
               "paying is checked with the provider first",
    "parameters": [CASE_ID], "responses": {"200": json_response(ref("LicenceCase")), **errors(**NO_CASE)}})
def read_case(case_id):
    from .reading import mine
    return http.ok(mine(http.deps(), case_id), headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/pay", SIGNED_IN, {
    "summary": "Pay a draft's fee: the payment named on the case first (one per press, however often pressed), "
               "then made with the provider; the case moves only on the provider's word",
    "parameters": [CASE_ID], "requestBody": {"required": False, "content": {"application/json": {
        "schema": {"type": "object"}}}},
    "responses": {"200": json_response(ref("LicenceCase")),
                  **errors(503, **NO_CASE, **{"409": "A payment is being started (payment_starting)",
                                              "422": "A notice the law's limits or timing now refuse: nothing charged"})}})
def pay_case(case_id):
    from .applying import pay
    view, _ = pay(http.deps(), case_id)
    return http.ok(view, headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/annual-fee/pay", SIGNED_IN, {
    "summary": "Pay my premises licence's annual fee (from its reminder's day, or while the licence is suspended for "
               "it): the payment named on the case first, one per fee however often pressed; the provider's word "
               "records it paid and lifts a suspension for it (Licensing Act 2003 s.55A)",
    "parameters": [CASE_ID], "requestBody": {"required": False, "content": {"application/json": {
        "schema": {"type": "object"}}}},
    "responses": {"200": json_response(ref("LicenceCase")),
                  **errors(503, **NO_CASE, **{"409": "No fee to pay yet (annual_fee_not_payable), paid already "
                                                     "(annual_fee_paid), or a payment starting (payment_starting)"})}})
def pay_annual_fee(case_id):
    from .annual_fee import pay
    view, _ = pay(http.deps(), case_id)
    return http.ok(view, headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/annual-fee/dispute", SIGNED_IN, {
    "summary": "Dispute my premises licence's annual fee (liability or amount) in writing, on or before the day it "
               "is due: the licence is then not suspended before the grace period ends (s.55A(2), 21 days)",
    "parameters": [CASE_ID], "requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["why"], "properties": {
            "why": {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": "\\S"}}}}}},
    "responses": {"200": json_response(ref("LicenceCase")),
                  **errors(400, **NO_CASE, **{"409": "No fee to dispute yet (annual_fee_not_payable)",
                                              "422": "After the day it was due (dispute_too_late)"})}})
def dispute_annual_fee(case_id):
    from .annual_fee import dispute
    return http.ok(dispute(http.deps(), case_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/renew", SIGNED_IN, {
    "summary": "Renew my licence: a new application (draft) for the same type with what I gave last time filled "
               "in, naming the licence it renews; granted, it runs on from the old licence's last day. One per "
               "licence and term however often pressed (the renewal's id is made from the licence)",
    "parameters": [CASE_ID], "requestBody": {"required": False, "content": {"application/json": {
        "schema": {"type": "object"}}}},
    "responses": {"201": json_response(ref("LicenceCase")),
                  **errors(**NO_CASE, **{"409": "Not a current licence (licence_not_current), not one that is "
                                                "renewed (not_renewable), or ended already (licence_expired)"})}})
def renew_case(case_id):
    from .renewing import renew
    view, made = renew(http.deps(), case_id)
    return http.created(view, made, headers={"Location": f"/v1/licensing/cases/{view['id']}"})


@routes.get("/v1/me/licences", SIGNED_IN, {
    "summary": "My applications, notices and licences, newest first (one Query of the cases' user index)",
    "responses": {"200": json_response(ref("LicenceCases"))}})
def my_licences():
    from .reading import all_mine
    return http.ok(all_mine(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/representations", ANYONE, {
    "summary": "Make a representation about an application while its period is open (to the end of its last day, "
               "London time). Your name, email and address go to the licensing officers only",
    "parameters": [CASE_ID], "requestBody": BODY,
    "responses": {"201": json_response(ref("LicenceRepresentationMade")),
                  **errors(400, 422, **NO_CASE, **{"409": "Not open for representations (representations_not_open)"})}})
def make_representation(case_id):
    from .representations import make
    rep_id, last = make(http.deps(), case_id, http.body())
    return http.created({"id": rep_id, "case": case_id, "last_day": last.isoformat()}, True)


@routes.get("/v1/licensing/register", ANYONE, {
    "summary": "The public register: licences and applications, each type's public fields only (never a person's "
               "contact details), by type and state, 50 a page (one Query of the register's index per page)",
    "parameters": [q("type", "a licence type's id", schema={"type": "string", "maxLength": 48}),
                   q("state", "received, hearing, granted, refused, given ...", schema={"type": "string",
                                                                                         "maxLength": 20}),
                   q("q", "words of the premises' name or address", schema={"type": "string", "maxLength": 100}),
                   q("cursor", "the previous page's next", schema={"type": "string", "maxLength": 400})],
    "responses": {"200": json_response(ref("LicenceRegister")),
                  **errors(400, **{"422": "A type the council has not, a state without its type, or a cursor that "
                                          "is no page of the register"})}})
def register_page():
    from .reading import register_view
    return http.ok(register_view(http.deps(), http.query()), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/licensing/register/{case_id}", ANYONE, {
    "summary": "One case on the public register: its type's public fields, and whether representations are open "
               "and until when (the end of that day, London time)",
    "parameters": [CASE_ID],
    "responses": {"200": json_response(ref("LicenceRegisterCase")),
                  **errors(**{"404": "Not on the register (code licence_case_not_found)"})}})
def register_case(case_id):
    from .reading import register_one
    return http.ok(register_one(http.deps(), case_id), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/licensing/register.csv", ANYONE, {
    "summary": "The register as open data (CSV, one row per case on the register, the public fields only)",
    "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}}})
def register_csv():
    from chalice import Response
    from .reading import register_csv_text
    return Response(body=register_csv_text(http.deps()), status_code=200,
                    headers={"Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-cache"})


@routes.get("/v1/staff/licensing/cases", desk("licensing"), {
    "summary": "The licensing desk's cases, each with its next clock and whether it is at risk or late",
    "parameters": [q("type", "a licence type's id", schema={"type": "string", "maxLength": 48})],
    "responses": {"200": json_response(ref("LicenceDeskCases")),
                  **errors(400, **{"422": "A type the council has not"})}})
def desk_cases():
    from .reading import desk_list
    return http.ok(desk_list(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/staff/licensing/cases/{case_id}", desk("licensing"), {
    "summary": "A case at the desk: the applicant, each clock, consultees, representations with who made them "
               "(for the hearing's notice), conditions, decision and licence; its ETag for changes. Read with "
               "Access-Reason, the reading audited under the case",
    "parameters": [CASE_ID, access_reason(PERSONAL)],
    "responses": {"200": json_response(ref("LicenceDeskCase")), **errors(400, **NO_CASE)}})
def desk_case(case_id):
    from .reading import desk_one, said_why
    deps = http.deps()
    view, seq = desk_one(deps, case_id, said_why(deps))
    return http.ok(view, headers=_etag(seq))


def _change(case_id, change, *args):
    from ..shared.versions import expected_version
    from .reading import desk_one, said_why
    deps = http.deps()
    expected = expected_version(http.header("if-match"), "GET /v1/staff/licensing/cases/{case_id}")
    said = said_why(deps, required=False)
    change(deps, case_id, *args, http.body(), expected)
    view, seq = desk_one(deps, case_id, said)
    return http.ok(view, headers=_etag(seq))


CHANGE = {"200": json_response(ref("LicenceDeskCase")),
          **errors(400, 422, 428, **NO_CASE, **{"409": "Changed meanwhile (edit_conflict), or not in a state "
                                                         "that allows it"})}


@routes.post("/v1/staff/licensing/cases/{case_id}/consultees/{consultee_id}", desk("licensing"), {
    "summary": "A consultee's answer (no objection, objection, conditions), marked late after its deadline",
    "parameters": [CASE_ID, CONSULTEE, IF_MATCH, WHY_CHANGED], "requestBody": BODY, "responses": CHANGE})
def answer_consultee(case_id, consultee_id):
    from .desk import answer_consultee as answer
    return _change(case_id, answer, consultee_id)


@routes.post("/v1/staff/licensing/cases/{case_id}/representations/{rep_id}/check", desk("licensing"), {
    "summary": "Mark a representation relevant (with the words the applicant reads) or not (with why); once",
    "parameters": [CASE_ID, REP_ID, WHY_CHANGED], "requestBody": BODY,
    "responses": {"200": json_response(ref("LicenceDeskCase")),
                  **errors(400, 422, **NO_CASE, **{"409": "Checked already (already_checked)"})}})
def check_representation(case_id, rep_id):
    from .reading import desk_one, said_why
    from .representations import check
    deps, body = http.deps(), http.body()
    said = said_why(deps, required=False)
    check(deps, case_id, rep_id, body.get("relevant"), body.get("shared"), body.get("why"))
    view, seq = desk_one(deps, case_id, said)
    return http.ok(view, headers=_etag(seq))


@routes.post("/v1/staff/licensing/cases/{case_id}/requests", desk("licensing"), {
    "summary": "Ask the applicant for something (words, and the document asked for if one), with a day to answer "
               "by if given: mailed to them once with a link to their case", "parameters": [CASE_ID, IF_MATCH,
                                                                                            WHY_CHANGED],
    "requestBody": BODY, "responses": CHANGE})
def ask_applicant(case_id):
    from .asking import ask
    return _change(case_id, ask)


@routes.post("/v1/staff/licensing/cases/{case_id}/hearing", desk("licensing"), {
    "summary": "Set the hearing's day, by the law's last day unless why says otherwise; the decision's clock "
               "then runs from it", "parameters": [CASE_ID, IF_MATCH, WHY_CHANGED], "requestBody": BODY,
    "responses": CHANGE})
def set_hearing(case_id):
    from .desk import set_hearing as hearing
    return _change(case_id, hearing)


@routes.post("/v1/staff/licensing/cases/{case_id}/conditions", desk("licensing"), {
    "summary": "Replace the case's conditions (a list of words)", "parameters": [CASE_ID, IF_MATCH, WHY_CHANGED],
    "requestBody": BODY, "responses": CHANGE})
def set_conditions(case_id):
    from .desk import set_conditions as conditions
    return _change(case_id, conditions)


@routes.post("/v1/staff/licensing/cases/{case_id}/decision", desk("licensing"), {
    "summary": "Decide with reasons: granted (the licence numbered, its term from today) or refused; every "
               "representation must have been checked first", "parameters": [CASE_ID, IF_MATCH, WHY_CHANGED],
    "requestBody": BODY, "responses": CHANGE})
def decide(case_id):
    from .desk import decide as decision
    return _change(case_id, decision)


@routes.post("/v1/staff/licensing/cases/{case_id}/licence", desk("licensing"), {
    "summary": "Suspend, reinstate, revoke or record the surrender of a licence, with reasons",
    "parameters": [CASE_ID, IF_MATCH, WHY_CHANGED], "requestBody": BODY, "responses": CHANGE})
def change_licence(case_id):
    from .desk import change_licence as change
    return _change(case_id, change)


@routes.post("/v1/staff/licensing/cases/{case_id}/checks", desk("licensing"), {
    "summary": "Record a check of the licence holder its type asks for (a taxi driver's enhanced DBS, the DBS update "
               "service, NR3S): which, the day, what it found, a DBS certificate's number; a grant is refused (422) "
               "while a check needed before the decision is missing or older than the type allows",
    "parameters": [CASE_ID, IF_MATCH, WHY_CHANGED], "requestBody": BODY, "responses": CHANGE})
def record_check(case_id):
    from .desk import record_check as record
    return _change(case_id, record)


@routes.get("/v1/staff/licensing/checks-due", desk("licensing"), {
    "summary": "Licences whose check during the licence (the DBS update service, every six months) falls due by "
               "`by` (default today), overdue once its day has passed: one Query of a sparse index",
    "parameters": [q("by", "a day, today to three months ahead", schema={"type": "string", "maxLength": 10})],
    "responses": {"200": json_response(ref("LicenceChecksDue")), **errors(400, **{"422": "Not a day in range"})}})
def checks_due():
    from .checks import due_list
    return http.ok(due_list(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/licensing/consultations/{token}", ANYONE, {
    "summary": "A consultee (police, environmental health ...) opens the signed link from its e-mail: the case as its "
               "applicant reads it, their own last day and answer, and whether it takes one (no account)",
    "parameters": [TOKEN],
    "responses": {"200": json_response(ref("LicenceConsultation")),
                  **errors(**{"403": "The link has expired (code link_expired)",
                              "404": "Not a link to a case here (code link_not_valid)"})}})
def consultation(token):
    from .consulting import show
    return http.ok(show(http.deps(), token), headers=http.NO_STORE)


@routes.post("/v1/licensing/consultations/{token}", ANYONE, {
    "summary": "The consultee's answer through its link (no objection, objection, conditions, with words): "
               "marked late after their day; a notice's objection only within the law's window; answering "
               "again replaces it until the case is decided",
    "parameters": [TOKEN], "requestBody": BODY,
    "responses": {"200": json_response(ref("LicenceConsultation")),
                  **errors(400, 422, **{"403": "The link has expired (code link_expired)",
                                        "404": "Not a link to a case here (code link_not_valid)",
                                        "409": "Decided, or too late to object (not_decidable, "
                                               "objection_window_passed)"})}})
def consultation_answer(token):
    from .consulting import answer
    return http.ok(answer(http.deps(), token, http.body()), headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/documents/{document_id}", SIGNED_IN, {
    "summary": "Send one of the documents the licence type asks for (an upload's id, and the file's name to show): "
               "checked by its real bytes (PDF, JPG, PNG, DOCX, ODT; 10 MB), a photo's EXIF gone; sent again, it "
               "replaces the one before (the same upload again changes nothing); taken until the case is decided",
    "parameters": [CASE_ID, DOCUMENT], "requestBody": BODY,
    "responses": {"200": json_response(ref("LicenceCase")),
                  **errors(400, 422, **{"404": "No such case of yours, or no such document for its type (codes "
                                               "licence_case_not_found, document_not_found)",
                                        "409": "Paying or decided (documents_closed), or changed meanwhile"})}})
def send_document(case_id, document_id):
    from .documents import send
    return http.ok(send(http.deps(), case_id, document_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/licensing/cases/{case_id}/documents/{document_id}", desk("licensing"), {
    "summary": "Open a document an applicant sent: the opening is written to the case's audit with its reason, and "
               "the answer is a link to the file made for this officer, working for a minute",
    "parameters": [CASE_ID, DOCUMENT, access_reason("the document")],
    "responses": {"200": json_response(ref("LicenceDocumentLink")),
                  **errors(400, **{"404": "No such case or document, or none sent (codes licence_case_not_found, "
                                          "document_not_found, file_not_found)"})}})
def open_document(case_id, document_id):
    from .documents import open_for_officer
    return http.ok(open_for_officer(http.deps(), case_id, document_id), headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/withdraw", SIGNED_IN, {
    "summary": "The applicant withdraws an application before it is decided: its fee refunded or kept by the type's "
               "rule (refund_on_withdrawal), said on the case and in the mail; those who made representations told; "
               "withdrawn again, it is answered as it is. A temporary event notice is withdrawn no later than 24 "
               "hours before its event begins (s.103), its places in the premises' and the user's yearly limits "
               "given back",
    "parameters": [CASE_ID], "requestBody": BODY,
    "responses": {"200": json_response(ref("LicenceCase")),
                  **errors(400, **{"404": "No such case of yours (code licence_case_not_found)",
                                   "409": "Decided, paying, or a notice counter-noticed (not_withdrawable)",
                                   "422": "A notice within 24 hours of its event (ten_withdrawal_too_late)"})}})
def withdraw_case(case_id):
    from .withdrawing import withdraw
    return http.ok(withdraw(http.deps(), case_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/licensing/cases/{case_id}/requests/{request_id}/answer", SIGNED_IN, {
    "summary": "The applicant answers an officer's request in words (a document asked for is sent through "
               "documents); answered again, it replaces the last answer until the case is decided",
    "parameters": [CASE_ID, REQUEST], "requestBody": BODY,
    "responses": {"200": json_response(ref("LicenceCase")),
                  **errors(400, **{"404": "No such case of yours, or no such request (codes licence_case_not_found, "
                                          "request_not_found)",
                                   "409": "Decided (not_answerable), or changed meanwhile"})}})
def answer_request(case_id, request_id):
    from .asking import answer
    return http.ok(answer(http.deps(), case_id, request_id, http.body()), headers=http.NO_STORE)
