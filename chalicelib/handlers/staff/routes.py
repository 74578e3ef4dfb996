"""Staff routes: the inbox, one report with its audit, the inspect form,
reports taken for callers, response templates and the crews' teams."""
from ...api import http
from ...api.openapi import access_reason, if_match, operation, path_param, q, ref, with_etag, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ADMIN, STAFF, desk
from . import limits

routes = Routes("staff", schemas="chalicelib.handlers.staff.schemas")
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})
TEMPLATE_ID = path_param("template_id")
TEMPLATES_READ = "GET /v1/staff/templates"  # where a template's version is read
IF_MATCH = if_match()
CODES = {"type": "string", "pattern": limits.CODES_PATTERN}
YES_NO = {"type": "string", "enum": list(limits.YES_NO)}
INBOX_FILTERS = [
    q("status", "open (default), closed, all, or a comma list of states",
      schema={"type": "string", "pattern": limits.STATUS_PATTERN}),
    q("service_code", "a category, or a comma list (one the council does not have: 422)", schema=CODES),
    q("ward", "a ward id, or a comma list (one the council does not have: 422)", schema=CODES),
    q("priority", "low, normal, high, urgent, or a comma list",
      schema={"type": "string", "pattern": limits.PRIORITY_PATTERN}),
    q("team", "a team id, or a comma list (one the council does not have: 422)", schema=CODES),
    q("assigned", "yes or no (no with team: 422)", schema=YES_NO),
    q("overdue", "yes or no: lists in due order (with another sort: 422)", schema=YES_NO),
    q("since", "created on or after (date or date-time; no such day, or with sort=due: 422)",
      schema={"type": "string", "pattern": limits.SINCE_PATTERN}),
    q("q", f"a report reference, or up to {limits.SEARCH_WORDS_MAX} words of the description or address "
           "(no words, more words, or words with a sort other than by date: 422)",
      schema={"type": "string", "maxLength": limits.SEARCH_MAX}),
    q("sort", " | ".join(limits.SORTS) + " (supporters with priority or since: 422)",
      schema={"type": "string", "enum": list(limits.SORTS)}),
    q("limit", f"1-{limits.INBOX_LIMIT_MAX}, default {limits.INBOX_LIMIT_DEFAULT}",
      schema={"type": "integer", "minimum": 1, "maximum": limits.INBOX_LIMIT_MAX}),
    q("cursor", "next_cursor of the page before, with the same filters (another value: 422)")]


@routes.get("/v1/staff/reports", desk("reports"), {**operation(
    "The staff inbox: reports in your scope, private categories included, filtered and ordered; "
    "its cost follows the page, not the table (Server-Timing)", None, "200", ref("Inbox"), (400, 422)),
    "parameters": INBOX_FILTERS})
def staff_inbox():
    from . import inbox
    return http.ok(inbox.list_inbox(http.deps(), http.query()), headers=http.NO_STORE)


@routes.post("/v1/staff/reports", desk("reports"), with_etag({**operation(
    "Take a report for a caller (phone, face to face, letter, e-mail): the caller follows it and is sent the "
    "reference (idempotent with Idempotency-Key)", "AssistedReport", "201", ref("StaffReport"), (400, 409, 422)),
    "parameters": [idempotency_key("same key and body: the same report again")]}, "201"))
def staff_take_report():
    from . import assisted
    view, created, etag = assisted.take_for_caller(http.deps(), http.body(), http.header("Idempotency-Key"))
    return http.created(view, created, headers={"Location": view["url"], "ETag": etag})


@routes.get("/v1/staff/reports/{report_id}", desk("reports"), with_etag({**operation(
    "One report for staff: the private view with internal notes, assignment, due date and its ETag; the "
    "reporter's contact details only with Access-Reason, the reading audited",
    None, "200", ref("StaffReport"), (400, 404)),
    "parameters": [REPORT_ID, access_reason("the reporter's contact details", required=False, without="they are withheld (null)")]}))
def staff_report(report_id):
    from . import view
    body, etag = view.get_staff_report(http.deps(), report_id)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.patch("/v1/staff/reports/{report_id}", desk("reports"), with_etag({**operation(
    "Inspect: change state, priority, category, place, privacy, duplicate, team, due date; add an internal "
    "note or a public update (own text or a template). Only a new state or a public update reaches the "
    "timeline and the reporter", "Inspect", "200", ref("StaffReport"), (400, 404, 409, 422, 428)),
    "parameters": [REPORT_ID, IF_MATCH]}))
def staff_inspect_report(report_id):
    from . import inspect
    body, etag = inspect.inspect(http.deps(), report_id, http.body(), http.header("If-Match"))
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.get("/v1/staff/reports/{report_id}/audit", desk("reports"), {**operation(
    "Every staff change to the report: who, when, each field before and after (read only)", None, "200",
    ref("Audit"), (404,)), "parameters": [REPORT_ID]})
def staff_report_audit(report_id):
    from . import audit
    return http.ok(audit.report_audit(http.deps(), report_id), headers=http.NO_STORE)


@routes.post("/v1/staff/reports/{report_id}/pass", desk("reports"), {**operation(
    "Pass the report to another council of this service (back to the one it was made with, or on), with a "
    "reason, once: that council holds it from then on (its inbox, its audit). The reason is said to the resident "
    "in the public timeline; this council keeps an audit line and a link to where it went",
    "PassReport", "200", ref("PassedReport"), (400, 404, 409, 422, 428)), "parameters": [REPORT_ID, IF_MATCH]})
def staff_pass_report(report_id):
    from . import passing
    from ..shared.versions import expected_version
    version = expected_version(http.header("If-Match"))
    return http.ok(passing.pass_report(http.deps(), report_id, http.body(), version), headers=http.NO_STORE)


@routes.get("/v1/staff/templates", STAFF, {**operation(
    "Response templates and the placeholders their text may use", None, "200", ref("TemplateList")),
    "parameters": [q("state", "only those tied to this state")]})
def staff_templates():
    from . import templates
    return http.ok(templates.list_templates(http.deps(), http.query()), headers=http.NO_STORE)


@routes.post("/v1/staff/templates", ADMIN, operation(
    "Add a response template (administrators)", "NewTemplate", "201", ref("Template"), (400, 409)))
def staff_add_template():
    from . import templates
    return http.ok(templates.create_template(http.deps(), http.body()), status=201)


@routes.patch("/v1/staff/templates/{template_id}", ADMIN, {**operation(
    "Change a response template (administrators)", "TemplateChange", "200", ref("Template"),
    (400, 404, 409, 428)), "parameters": [TEMPLATE_ID, IF_MATCH]})
def staff_change_template(template_id):
    from . import templates
    from ..shared.versions import expected_version
    version = expected_version(http.header("If-Match"), TEMPLATES_READ)
    return http.ok(templates.update_template(http.deps(), template_id, http.body(), version))


@routes.delete("/v1/staff/templates/{template_id}", ADMIN, {**operation(
    "Delete a response template (administrators)", None, "204", "Deleted", (404, 409, 428)),
    "parameters": [TEMPLATE_ID, IF_MATCH]})
def staff_delete_template(template_id):
    from . import templates
    from ..shared.versions import expected_version
    templates.delete_template(http.deps(), template_id, expected_version(http.header("If-Match"), TEMPLATES_READ))
    return http.empty()


@routes.get("/v1/staff/teams", STAFF, operation(
    "Street-crew teams, to assign work to (retired ones too, marked)", None, "200", ref("TeamList")))
def staff_teams():
    from . import teams
    return http.ok(teams.list_teams(http.deps()), headers=http.NO_STORE)
