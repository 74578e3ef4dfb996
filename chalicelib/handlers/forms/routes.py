"""Forms' routes: administrators load, preview, publish and retire forms;
residents start one, answer it a page at a time, save and come back, check
their answers and send it."""
from ...api import http
from ...api.openapi import access_reason, errors, if_match, json_response, path_param, q, ref, with_etag, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ADMIN, ANYONE, DRAFT_FORM, SIGNED_IN, desk
from ..payments import hooks
from ..reports import hooks as report_hooks
from ..shared import effects

routes = Routes("forms", schemas="chalicelib.handlers.forms.schemas")
# A form's fee: its payment's finish (its event's effect) sends the form, or reopens it to pay again.
hooks.register("form_fee", "chalicelib.handlers.forms.fees")
# A form's case is answered with its own form's templates (staff's inspect asks through reports' hook).
report_hooks.register("form_cases", "chalicelib.handlers.forms.case_templates")
# ... and the fee is posted to finance (a refund reversed there) by bills' posting effect, through `fees.ledger`.
# A form sent becomes a case in the staff inbox, and its copy of the answers goes, from its event.
effects.register("form_submitted", "forms.case", "chalicelib.handlers.forms.cases:on_submitted")
effects.register("form_submitted", "forms.copy", "chalicelib.handlers.forms.copies:on_submitted")
# ... and the files its answers no longer name deleted: only what was sent is kept.
effects.register("form_submitted", "forms.files", "chalicelib.handlers.forms.files:on_submitted")
# ... and, where the form says so, handed on: to the revenues queue, or to its team's address.
effects.register("form_submitted", "forms.hand_on", "chalicelib.handlers.forms.handing_on:on_submitted")
FORM_ID = path_param("form_id", {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{1,59}$",
                                 "example": "grant-enquiry"})
SUBMISSION_ID = path_param("submission_id", {"type": "string", "example": "FM-7K3F9QRT"})
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})
PAGE_ID = path_param("page_id", {"type": "string", "example": "applicant-type"})
TOKEN = {"name": "Form-Token", "in": "header", "required": False, "schema": {"type": "string"},
         "description": "the submission's token (anonymous residents: given by the start and by a resume link)"}
# Anonymous residents start forms: their keys share one space, so are longer.
IDEMPOTENCY = idempotency_key("the same key answers the same submission", anonymous=True)
NO_FORM = {"404": "No such form, or not open (code form_not_found)"}
NO_SUBMISSION = {"404": "No such submission, or not the caller's (code submission_not_found)"}
STALE = {"409": "Stale If-Match: the form as it is now, with its ETag (code edit_conflict)"}


def _body(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


def _token():
    return http.header("form-token")


@routes.get("/v1/staff/forms", desk("forms"), {
    "summary": "Every form (live, draft, retired) with its versions' numbers",
    "responses": {"200": json_response(ref("FormHeadList"))}})
def staff_forms():
    from .managing import staff_list
    return http.ok(staff_list(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/staff/forms/{form_id}", desk("forms"), with_etag({
    "summary": "One form: its draft's and published version's definitions (a preview); ?version=N one version's",
    "parameters": [FORM_ID, q("version", "a version number", schema={"type": "string", "pattern": r"^\d{1,6}$"})],
    "responses": {"200": json_response(ref("FormHead")), **errors(**NO_FORM)}}))
def staff_form(form_id):
    from .managing import etag, staff_read
    view = staff_read(http.deps(), form_id, http.query().get("version"))
    return http.ok(view, headers={**http.NO_STORE, "ETag": etag(view)})


@routes.get("/v1/staff/forms/{form_id}/submissions.csv", desk("forms"), {
    "summary": "A form's submissions sent, as CSV (oldest first; a column per question of every version sent); "
               "staff whose scope names categories need the form's",
    "parameters": [FORM_ID],
    "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  **errors(403, **NO_FORM)}})
def form_submissions_csv(form_id):
    from chalice import Response
    from .export import submissions_csv
    return Response(body=submissions_csv(http.deps(), form_id), status_code=200,
                    headers={**http.NO_STORE, "Content-Type": "text/csv; charset=utf-8",
                             "Content-Disposition": f'attachment; filename="{form_id}-submissions.csv"'})


@routes.route("PUT", "/v1/staff/forms/{form_id}", ADMIN, with_etag({
    "summary": "Load a form definition as the form's new draft (checked first: each error with its JSON path); "
               "a form that exists needs If-Match",
    "parameters": [FORM_ID, {**if_match("form"), "required": False}], "requestBody": _body("FormDefinition"),
    "responses": {"200": json_response(ref("FormHead")), "201": json_response(ref("FormHead")),
                  **errors(400, 413, **STALE, **{"428": "The form exists: send If-Match"})}}))
def load_form(form_id):
    from .managing import etag, load
    view, created = load(http.deps(), form_id, http.body(), http.header("if-match"))
    return http.ok(view, status=201 if created else 200, headers={**http.NO_STORE, "ETag": etag(view)})


@routes.post("/v1/staff/forms/{form_id}/publish", ADMIN, with_etag({
    "summary": "Publish the draft: residents start it from now; those part-way keep the version they started",
    "parameters": [FORM_ID, if_match("form")],
    "responses": {"200": json_response(ref("FormHead")), **errors(400, 428, **NO_FORM, **STALE)}}))
def publish_form(form_id):
    from .managing import etag, publish
    view = publish(http.deps(), form_id, http.header("if-match"))
    return http.ok(view, headers={**http.NO_STORE, "ETag": etag(view)})


@routes.post("/v1/staff/forms/{form_id}/retire", ADMIN, with_etag({
    "summary": "Retire a form: no one starts it any more; those part-way may still send theirs",
    "parameters": [FORM_ID, if_match("form")],
    "responses": {"200": json_response(ref("FormHead")), **errors(400, 428, **NO_FORM, **STALE)}}))
def retire_form(form_id):
    from .managing import etag, retire
    view = retire(http.deps(), form_id, http.header("if-match"))
    return http.ok(view, headers={**http.NO_STORE, "ETag": etag(view)})


@routes.get("/v1/forms", ANYONE, {
    "summary": "The council's forms open now (a link-out form with its own words and address)",
    "responses": {"200": json_response(ref("FormList"))}})
def list_forms():
    from .managing import published_list
    return http.ok(published_list(http.deps()), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/forms/{form_id}", ANYONE, {
    "summary": "A form's published definition: what a browser needs to show it, offline too",
    "parameters": [FORM_ID], "responses": {"200": json_response(ref("FormDefinition")), **errors(**NO_FORM)}})
def read_form(form_id):
    from .managing import public_view
    return http.ok(public_view(http.deps(), form_id), headers={"Cache-Control": "no-cache"})


@routes.post("/v1/forms/{form_id}/submissions", ANYONE, holds=DRAFT_FORM, doc={
    "summary": "Start the form (its published version, kept to the end; staff with preview: the draft); an "
               "anonymous caller gets the submission's token (idempotent with Idempotency-Key)",
    "parameters": [FORM_ID, IDEMPOTENCY], "requestBody": _body("SubmissionNew"),
    "responses": {"201": json_response(ref("Submission")), **errors(400, 403, 422, 429, **NO_FORM, **{
        "409": "A link-out form (code form_links_out)"})}})
def start_submission(form_id):
    from .completing import start
    view, created = start(http.deps(), form_id, http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/form-submissions/{view['id']}"})


@routes.get("/v1/form-submissions/{submission_id}", ANYONE, {
    "summary": "A submission: the pages taken so far, the page to answer next (or check), its reference once "
               "sent; one paying its fee is checked with the payment provider first",
    "parameters": [SUBMISSION_ID, TOKEN], "responses": {"200": json_response(ref("Submission")),
                                                        **errors(**NO_SUBMISSION)}})
def read_submission(submission_id):
    from .fees import read
    return http.ok(read(http.deps(), submission_id, _token()), headers=http.NO_STORE)


@routes.get("/v1/form-submissions/{submission_id}/pages/{page_id}", ANYONE, {
    "summary": "One page: its questions, the answers given, where back goes, and answers offered (prefill)",
    "parameters": [SUBMISSION_ID, PAGE_ID, TOKEN],
    "responses": {"200": json_response(ref("SubmissionPage")), **errors(**NO_SUBMISSION, **{
        "409": "A page the answers do not lead to (code page_not_reached; `next` names the page to answer, "
                 "or check)"})}})
def read_page(submission_id, page_id):
    from .completing import page
    return http.ok(page(http.deps(), submission_id, page_id, _token()), headers=http.NO_STORE)


@routes.route("PUT", "/v1/form-submissions/{submission_id}/pages/{page_id}", ANYONE, {
    "summary": "Answer a page: checked with each question's own words (the error summary's fields), saved, and "
               "the next page by the form's routes",
    "parameters": [SUBMISSION_ID, PAGE_ID, TOKEN], "requestBody": _body("PageAnswers"),
    "responses": {"200": json_response(ref("PageSaved")), **errors(400, **NO_SUBMISSION, **{
        "409": "Not reached (page_not_reached, `next` the page to answer), sent already, or saved elsewhere at "
                 "the same moment"})}})
def answer_page(submission_id, page_id):
    from .completing import answer
    return http.ok(answer(http.deps(), submission_id, page_id, http.body(), _token()), headers=http.NO_STORE)


@routes.get("/v1/form-submissions/{submission_id}/check", ANYONE, {
    "summary": "Check your answers: the pages taken only, the declaration and any fee",
    "parameters": [SUBMISSION_ID, TOKEN],
    "responses": {"200": json_response(ref("CheckAnswers")), **errors(**NO_SUBMISSION)}})
def check_answers(submission_id):
    from .sending import check_answers
    return http.ok(check_answers(http.deps(), submission_id, _token()), headers=http.NO_STORE)


@routes.post("/v1/form-submissions/{submission_id}/submit", ANYONE, {
    "summary": "Send the form: its reference at once (sending again answers the same)",
    "parameters": [SUBMISSION_ID, TOKEN], "requestBody": _body("SubmitForm"),
    "responses": {"200": json_response(ref("Submission")), **errors(400, **NO_SUBMISSION, **{
        "409": "Pages not answered yet (code form_incomplete), or a fee to pay first (code fee_unpaid)"})}})
def submit_form(submission_id):
    from .sending import submit
    return http.ok(submit(http.deps(), submission_id, http.body(), _token()), headers=http.NO_STORE)


@routes.post("/v1/form-submissions/{submission_id}/pay", ANYONE, {
    "summary": "Pay a form's fee and send it: the answers checked as by submit, then a payment made for the "
               "submission's reference (pay at payment.next_url); the form is sent once the provider says it "
               "succeeded. Asked again while that payment is live, the same payment",
    "parameters": [SUBMISSION_ID, TOKEN], "requestBody": _body("SubmitForm"),
    "responses": {"201": json_response(ref("Submission")), **errors(400, **NO_SUBMISSION, **{
        "409": "No fee (code form_has_no_fee), pages not answered (form_incomplete), or the payment being "
               "set up by another press (payment_starting)",
        "503": "Card payments cannot be taken now (code payments_unavailable)"})}})
def pay_form(submission_id):
    from .fees import pay
    view, made = pay(http.deps(), submission_id, http.body(), _token())
    return http.created(view, made)


@routes.post("/v1/form-submissions/{submission_id}/save", ANYONE, {
    "summary": "Save and come back: anonymous, a link by e-mail and a code shown now (both needed); signed in, "
               "kept against the account already",
    "parameters": [SUBMISSION_ID, TOKEN], "requestBody": _body("SaveForm"),
    "responses": {"200": json_response(ref("Saved")), **errors(400, 429, **NO_SUBMISSION, **{
        "409": "Sent already (code submission_sent)"})}})
def save_form(submission_id):
    from .resuming import save
    return http.ok(save(http.deps(), submission_id, http.body(), _token()), headers=http.NO_STORE)


@routes.post("/v1/form-submissions/resume", ANYONE, {
    "summary": "Come back through a saved form's link: its token and the code give this browser a new token",
    "requestBody": _body("ResumeForm"),
    "responses": {"200": json_response(ref("Submission")), **errors(400, **{
        "404": "Expired, used, or not a link we sent (code resume_link_not_found)"})}})
def resume_form():
    from .resuming import resume
    return http.ok(resume(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/me/form-submissions", SIGNED_IN, {
    "summary": "The signed-in resident's forms, in progress and sent, latest first",
    "responses": {"200": json_response(ref("SubmissionList"))}})
def my_forms():
    from .resuming import mine
    return http.ok(mine(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/form-cases/{token}", ANYONE, {
    "summary": "A form's case from the signed link in a message about it: the form, its reference, its state "
               "and the council's latest words (never the answers)",
    "parameters": [path_param("token", {"type": "string", "maxLength": 300})],
    "responses": {"200": json_response(ref("FormCase")), **errors(**{
        "404": "Not a link we sent (code link_not_valid)"})}})
def form_case(token):
    from .case_status import show
    return http.ok(show(http.deps(), token), headers=http.NO_STORE)


@routes.get("/v1/staff/reports/{report_id}/form", desk("forms"), {
    "summary": "A form's case at the desk: the answers sent question by question (each file named, to open), "
               "the fee paid, the form's team and its own response templates; staff whose scope covers the case, "
               "saying why (the reading in the case's audit)",
    "parameters": [REPORT_ID, access_reason("the form's answers")],
    "responses": {"200": json_response(ref("FormCaseDesk")), **errors(400, 403, **{
        "404": "No such case, or not a form's (code not_a_form_case)"})}})
def staff_form_case(report_id):
    from .case_desk import case_view
    return http.ok(case_view(http.deps(), report_id), headers=http.NO_STORE)


@routes.post("/v1/staff/reports/{report_id}/form-files/{file_id}", desk("forms"), {
    "summary": "Open a file a resident sent with a form: the opening is written to the case's audit with its "
               "reason, and the answer is a link to the file made for this officer, working for a minute (saved, "
               "not shown)",
    "parameters": [REPORT_ID, path_param("file_id", {"type": "string", "maxLength": 64}), access_reason("the file")],
    "responses": {"200": json_response(ref("FormFileLink")), **errors(400, 403, **{
        "404": "No such case or file (codes not_a_form_case, file_not_found)"})}})
def staff_open_form_file(report_id, file_id):
    from .case_files import open_file
    return http.ok(open_file(http.deps(), report_id, file_id), headers=http.NO_STORE)


@routes.get("/v1/staff/form-hand-ons", desk("forms"), {
    "summary": "Forms' webhook posts given up after days of tries: each form's reference, the system's host, "
               "how often it was tried, the last failure and when",
    "responses": {"200": json_response(ref("FormHandOns"))}})
def staff_form_hand_ons():
    from .webhook_queue import given_up
    return http.ok(given_up(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/staff/form-hand-ons/{reference}/send-again", desk("forms"), {
    "summary": "A given-up webhook post queued again at once, its tries counted afresh",
    "parameters": [path_param("reference", {"type": "string", "example": "FM-7K3F9QRT"})],
    "responses": {"200": json_response(ref("FormHandOnAgain")), **errors(**{
        "409": "Not given up: sent already, or waiting for its next try (code not_given_up)"})}})
def staff_form_hand_on_again(reference):
    from .webhook_queue import send_again
    return http.ok(send_again(http.deps(), reference), headers=http.NO_STORE)
