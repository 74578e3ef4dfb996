"""School places: the council's schools and a round's dates (public); a parent's applications, the
released offer, the answer and appeals (their own); the admissions desk's runs, the one release and
reading an application with a reason (audited). The release's e-mails, texts and pushes follow from
its event (messages.py)."""
from ...api import http
from ...api.openapi import errors, idempotency_key, if_match, json_response, path_param, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ..shared import effects
from . import limits

routes = Routes("schools", schemas="chalicelib.handlers.schools.schemas")
effects.register("school_offers_released", "schools.offer_pages", "chalicelib.handlers.schools.messages:on_released")
for _kind, _what in (("school_offers_page", "offer"), ("school_place_offered", "waiting_place")):
    for _name, _function in (("email", "by_email"), ("text", "by_text"), ("push", "by_push")):
        effects.register(_kind, f"schools.{_what}_{_name}", f"chalicelib.handlers.schools.messages:{_function}")
effects.register("school_place_lapsed", "schools.offer_on", "chalicelib.handlers.schools.waiting:on_lapsed")
effects.register("school_start_told", limits.AWARDS_EFFECT, "chalicelib.handlers.schools.awards:on_told")
START_ID = path_param("start_id", {"type": "string", "pattern": limits.START_ID_PATTERN, "example": "ST-7K3F9Q2M4N"})
APP_ID = path_param("application_id", {"type": "string", "pattern": limits.APPLICATION_ID_PATTERN,
                                       "example": "SA-7K3F9Q2M4N"})
ROUND = path_param("round", {"type": "string", "pattern": limits.ROUND_PATTERN, "example": "2027-primary"})
RUN_ID = path_param("run_id", {"type": "string", "pattern": limits.RUN_ID_PATTERN, "example": "RUN-7K3F9Q2M4N"})
NO_APP = {"404": "Not one of my applications (code application_not_found)"}
DESK = desk("admissions")


def _body(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


def _etag(view, status=200):
    return http.ok(view, status=status, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/school-rounds/{round}", ANYONE, {
    "summary": "A round of school admissions (entry year and phase): each date with the rule that sets it (England: "
               "closing date, offer day or the next working day, acceptance, appeals in school days; Scotland: "
               "placing requests' dates and the council's enrolment), and the council's schools of that phase",
    "parameters": [ROUND], "responses": {"200": json_response(ref("SchoolRound")), **errors(422)}})
def school_round(round):
    from .public import round_view
    return http.ok(round_view(http.deps(), round), headers={"Cache-Control": "public, max-age=300"})


@routes.get("/v1/school-rounds", ANYONE, {
    "summary": "The rounds of school admissions of this offer year and the next (each phase), by the council's rules "
               "and London's day, each open while applications (England: until the closing date) or placing requests "
               "(Scotland) are taken, with its dates and the rule that sets each",
    "responses": {"200": json_response(ref("SchoolRounds"))}})
def school_rounds():
    from .public import rounds_view
    return http.ok(rounds_view(http.deps()), headers={"Cache-Control": "public, max-age=300"})


@routes.post("/v1/me/school-applications", SIGNED_IN, {
    "summary": "Apply for a school place for my child: the round, the child, the home (my saved address when not "
               "given), the schools in the order I prefer them with any sibling there, and whether the child is "
               "looked after. Until the closing date; after it 422 closed with the date in words",
    "parameters": [idempotency_key("the same key and body answer the same application")],
    "requestBody": _body("SchoolApplicationNew"),
    "responses": {"201": json_response(ref("SchoolApplication"), "Made"),
                  "200": json_response(ref("SchoolApplication"), "Made already (the same Idempotency-Key)"),
                  **errors(400, 422)}})
def make_application():
    from .applying import make
    view, made = make(http.deps(), http.body(), http.header("idempotency-key"))
    return _etag(view, 201 if made else 200)


@routes.get("/v1/me/school-applications", SIGNED_IN, {
    "summary": "My applications for school places, newest first",
    "responses": {"200": json_response(ref("SchoolApplications"))}})
def my_applications():
    from .view import PRIVATE, mine
    return http.ok(mine(http.deps()), headers=PRIVATE)


@routes.get("/v1/me/school-applications/{application_id}", SIGNED_IN, with_etag({
    "summary": "One of my applications: the child, the preferences, the round's dates with their rules and, once "
               "the round's offers are released (never before, by any route), the offer, the waiting lists with "
               "my child's place on each, my answer and my appeals",
    "parameters": [APP_ID], "responses": {"200": json_response(ref("SchoolApplication")), **errors(**NO_APP)}}))
def my_application(application_id):
    from .view import one
    return _etag(one(http.deps(), application_id))


@routes.route("PUT", "/v1/me/school-applications/{application_id}", SIGNED_IN, with_etag({
    "summary": "Change my application (the whole of it, as read) until the closing date: If-Match names the version "
               "read (428 without, 409 edit_conflict when it changed since)",
    "parameters": [APP_ID, if_match("application", "changed since: 409 edit_conflict")],
    "requestBody": _body("SchoolApplicationNew"),
    "responses": {"200": json_response(ref("SchoolApplication")), **errors(400, 409, 422, 428, **NO_APP)}}))
def change_application(application_id):
    from .applying import change
    return _etag(change(http.deps(), application_id, http.body(), http.header("if-match")))


@routes.post("/v1/me/school-applications/{application_id}/answer", SIGNED_IN, {
    "summary": "Accept or decline the place offered, once (the same answer again is no change; another is 409); with "
               "school_id, a place offered from that school's waiting list, by its own date (after it 422 "
               "offer_expired). A place declined or given up is offered to the next child on its list",
    "parameters": [APP_ID], "requestBody": _body("SchoolAnswer"),
    "responses": {"200": json_response(ref("SchoolApplication")), **errors(400, 409, 422, **NO_APP)}})
def answer_offer(application_id):
    from .answering import answer
    return _etag(answer(http.deps(), application_id, http.body()))


@routes.post("/v1/me/school-applications/{application_id}/appeals", SIGNED_IN, {
    "summary": "Appeal for a school I preferred and was not offered, with my grounds; the deadline is the round's "
               "(at least 20 school days from the offer in England): after it the appeal is taken, marked late",
    "parameters": [APP_ID], "requestBody": _body("SchoolAppeal"),
    "responses": {"200": json_response(ref("SchoolApplication")), **errors(400, 409, 422, **NO_APP)}})
def appeal_offer(application_id):
    from .answering import appeal
    return _etag(appeal(http.deps(), application_id, http.body()))


@routes.post("/v1/me/starting-school", SIGNED_IN, {
    "summary": "Tell the council my child is starting school, once: the child, the date of birth (checked against "
               "the school year's age group), the home (my saved address when not given) and the school year. It "
               "offers each service that applies, with what the council knows filled in: the school place "
               "(England) or the catchment school and a placing request (Scotland), free school meals and the "
               "clothing grant (awarded without a form where the benefits back office shows entitlement), school "
               "transport where the distance rule makes the child eligible",
    "parameters": [idempotency_key("the same key and body answer the same telling")],
    "requestBody": _body("StartingSchoolNew"),
    "responses": {"201": json_response(ref("StartingSchool"), "Told"),
                  "200": json_response(ref("StartingSchool"), "Told already (the same Idempotency-Key)"),
                  **errors(400, 422)}})
def tell_starting_school():
    from .starting import make
    view, made = make(http.deps(), http.body(), http.header("idempotency-key"))
    return http.ok(view, status=201 if made else 200, headers={**http.NO_STORE})


@routes.get("/v1/me/starting-school", SIGNED_IN, {
    "summary": "My tellings of a child starting school, newest first",
    "responses": {"200": json_response(ref("StartingSchoolList"))}})
def my_tellings():
    from .starting import mine
    from .view import PRIVATE
    return http.ok(mine(http.deps()), headers=PRIVATE)


@routes.get("/v1/me/starting-school/{start_id}", SIGNED_IN, {
    "summary": "One telling of a child starting school: every part's state in one place (the school place or the "
               "catchment school and placing request, free school meals, the clothing grant, school transport with "
               "its distance)",
    "parameters": [START_ID], "responses": {"200": json_response(ref("StartingSchool")), **errors(**{
        "404": "Not one of my tellings (code start_not_found)"})}})
def my_telling(start_id):
    from .starting import one
    from .view import PRIVATE
    return http.ok(one(http.deps(), start_id), headers=PRIVATE)


@routes.post("/v1/staff/school-rounds/{round}/runs", DESK, {
    "summary": "Run the allocation for the round: every application read once, equal preference, each school's "
               "criteria, distance, and a recorded draw for ties; {seed_of} runs again with an earlier run's draw "
               "(the same inputs give the same offers). Until the round's offers are released (then 409)",
    "parameters": [ROUND], "requestBody": _body("SchoolRunNew"),
    "responses": {"200": json_response(ref("SchoolRun")), **errors(400, 409, 422, **{
        "404": "No such earlier run (code run_not_found)"})}})
def make_run(round):
    from .allocating import run
    return http.ok(run(http.deps(), round, http.body()), headers=http.NO_STORE)


@routes.get("/v1/staff/school-rounds/{round}/runs", DESK, {
    "summary": "The round's allocation runs, newest first (counts and schools, no child named), and its release",
    "parameters": [ROUND], "responses": {"200": json_response(ref("SchoolRuns")), **errors(422)}})
def list_runs(round):
    from .allocating import runs
    return http.ok(runs(http.deps(), round), headers=http.NO_STORE)


@routes.get("/v1/staff/school-rounds/{round}/runs/{run_id}", DESK, {
    "summary": "One allocation run: its draw, what it read (a digest), its counts and each school's places, "
               "offers and waiting list length (no child named)",
    "parameters": [ROUND, RUN_ID], "responses": {"200": json_response(ref("SchoolRun")), **errors(422, **{
        "404": "No such run (code run_not_found)"})}})
def one_run(round, run_id):
    from .allocating import one_run as found
    return http.ok(found(http.deps(), round, run_id), headers=http.NO_STORE)


@routes.post("/v1/staff/school-rounds/{round}/release", DESK, {
    "summary": "Release the round's offers from one run, to every parent at once, on or after offer day (before "
               "it 422 release_too_soon, or with on_offer_day the run is chosen for the schedule to release on offer "
               "day). Once, whoever releases: the same run again answers the release there is; another run is "
               "409 released_already. The e-mails, texts and pushes follow, one each per application",
    "parameters": [ROUND], "requestBody": _body("SchoolRelease"),
    "responses": {"201": json_response(ref("SchoolReleased"), "Released now"),
                  "200": json_response(ref("SchoolReleased"), "Released already, from this run; or chosen for offer day"),
                  **errors(400, 409, 422, **{"404": "No such run (code run_not_found)"})}})
def release_offers(round):
    from .releasing import release
    view, made = release(http.deps(), round, http.body())
    return http.ok(view, status=201 if made else 200, headers=http.NO_STORE)


@routes.post("/v1/staff/school-applications/{application_id}/lookup", DESK, {
    "summary": "An application with the child's details and evidence, for an admissions officer: with a reason in "
               "the body (never the path), the read audited",
    "parameters": [APP_ID], "requestBody": _body("StaffReason"),
    "responses": {"200": json_response(ref("StaffSchoolApplication")), **errors(400, **{
        "404": "No such application (code application_not_found)"})}})
def staff_application(application_id):
    from .desk import lookup
    return http.ok(lookup(http.deps(), application_id, http.body()), headers=http.NO_STORE)
