"""Response templates: a title and a text with placeholders, tied to a state
(written for staff when they set that state, if marked auto, unless they
write their own), active or not. Staff read them; admins manage them."""
from ... import states, validation
from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import EditConflict
from ...storage.records import ResponseTemplate
from ..reports.wording import PLACEHOLDER, PLACEHOLDERS, automatic, render  # noqa: F401  (staff use them as templates.*)
from ..reports.form_cases import is_form_case
from .limits import TEMPLATE_TEXT_MAX, TEMPLATE_TITLE_MAX
from .wording import (AUTOMATIC_WITHOUT_STATE, NO_TEMPLATE, NOT_A_CATEGORY_LIST, NOT_A_TEMPLATE_FIELD,
                      NOT_AN_ACTIVE_TEMPLATE, NOT_THIS_FORMS_TEMPLATE, ONE_OF, TEMPLATE_ALREADY_AUTOMATIC,
                      TEMPLATE_CHANGED, TRUE_OR_FALSE, UNKNOWN_PLACEHOLDER)

FIELDS = {"title", "text", "state", "auto", "active", "service_codes"}


def usable(deps, template_id, report=None):
    """The template named, for `report`: a form's case is answered with its own form's templates only
    (GET /v1/staff/reports/{id}/form), never a street report's."""
    if report is not None and is_form_case(report):
        found = {t.id: t for t in form_templates(deps, report)}
        if template_id not in found:
            raise ValidationFailed([("template", NOT_THIS_FORMS_TEMPLATE)])
        return found[template_id]
    template = deps.templates.get(template_id) if isinstance(template_id, str) and template_id else None
    if template is None or not template.active:
        raise ValidationFailed([("template", NOT_AN_ACTIVE_TEMPLATE)])
    return template


def automatic_for(deps, report):
    """The template written for the state `report` was just set to: its form's own, for a form's case."""
    if is_form_case(report):
        return next((t for t in form_templates(deps, report) if t.auto and t.state == report.state), None)
    return automatic(deps, report.state, report.service_code)


def form_templates(deps, report):
    from ..reports import hooks
    forms = hooks.form_cases()
    return forms.templates(deps, report) if forms else []


def list_templates(deps, params):
    state = params.get("state")
    found = [t for t in deps.templates.all() if state is None or t.state == state]
    return {"templates": [view(t) for t in sorted(found, key=lambda t: (t.title.lower(), t.id))],
            "placeholders": PLACEHOLDERS}


def create_template(deps, body):
    values = _checked(deps, body, required=True)
    now = deps.clock()
    template = ResponseTemplate(id="tpl_" + deps.new_opaque_id()[:16], created_at=now, updated_at=now, **values)
    _refuse_a_second_auto(deps, template)
    deps.templates.save(template, new=True)
    return view(template)


def update_template(deps, template_id, body, expected_version):
    template = _existing(deps, template_id, expected_version)
    for name, value in _checked(deps, body, required=False).items():
        setattr(template, name, value)
    template.updated_at = deps.clock()
    _refuse_a_second_auto(deps, template)
    try:
        deps.templates.save(template)
    except EditConflict:
        raise Conflict(TEMPLATE_CHANGED, code="edit_conflict")
    return view(template)


def delete_template(deps, template_id, expected_version):
    template = _existing(deps, template_id, expected_version)
    try:
        deps.templates.delete(template)
    except EditConflict:
        raise Conflict(TEMPLATE_CHANGED, code="edit_conflict")


def view(template):
    return {"id": template.id, "title": template.title, "text": template.text, "state": template.state,
            "auto": bool(template.auto), "active": bool(template.active),
            "service_codes": list(template.service_codes or []), "version": int(template.version or 0),
            "updated_at": stamp(template.updated_at)}


def _existing(deps, template_id, expected_version):
    template = deps.templates.get(template_id)
    if template is None:
        raise NotFound(NO_TEMPLATE.format(template_id=template_id), code="template_not_found")
    if int(template.version or 0) != expected_version:
        raise Conflict(TEMPLATE_CHANGED, code="edit_conflict", headers={"ETag": f'"{int(template.version or 0)}"'})
    return template


def _checked(deps, body, required):
    problems = validation.Problems()
    for name in sorted(set(body) - FIELDS):
        problems.add(name, NOT_A_TEMPLATE_FIELD)
    values = {}
    if required or "title" in body:
        values["title"] = validation.text(body.get("title"), "title", problems, 1, TEMPLATE_TITLE_MAX)
    if required or "text" in body:
        values["text"] = validation.text(body.get("text"), "text", problems, 1, TEMPLATE_TEXT_MAX)
        unknown = sorted(set(PLACEHOLDER.findall(values["text"] or "")) - set(PLACEHOLDERS))
        if unknown:
            problems.add("text", UNKNOWN_PLACEHOLDER.format(
                name=unknown[0], placeholders=", ".join(f"{{{p}}}" for p in PLACEHOLDERS)))
    if "state" in body:
        values["state"] = body["state"]
        if body["state"] is not None and body["state"] not in states.LABELS:
            problems.add("state", ONE_OF.format(choices=", ".join(states.LABELS)))
    for flag in ("auto", "active"):
        if flag in body:
            values[flag] = body[flag]
            if not isinstance(body[flag], bool):
                problems.add(flag, TRUE_OR_FALSE)
    if "service_codes" in body:
        codes = body["service_codes"]
        known = set(deps.services.by_code())
        if not isinstance(codes, list) or not all(isinstance(c, str) and c in known for c in codes):
            problems.add("service_codes", NOT_A_CATEGORY_LIST)
        values["service_codes"] = sorted(set(codes)) if isinstance(codes, list) else []
    problems.raise_if_any()
    return values


def _refuse_a_second_auto(deps, template):
    """Two active auto templates for the same state and category would make
    the choice arbitrary: the second is refused."""
    if not (template.auto and template.active):
        return
    if template.state is None:
        raise ValidationFailed([("auto", AUTOMATIC_WITHOUT_STATE)])
    mine = set(template.service_codes or [])
    for other in deps.templates.all():
        theirs = set(other.service_codes or [])
        if (other.id != template.id and other.auto and other.active and other.state == template.state
                and (mine & theirs or not mine and not theirs)):
            raise Conflict(TEMPLATE_ALREADY_AUTOMATIC.format(title=other.title), code="template_conflict")

