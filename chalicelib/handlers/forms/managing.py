"""Administrators load, preview, publish and retire forms; anyone lists and
reads the published ones. The head's version is the ETag: loading a new
draft of a form that exists, publishing and retiring each name it (If-Match),
so two administrators never overwrite each other's change unseen."""
import json

from ...errors import Conflict, NotFound, PayloadTooLarge, Stale, ValidationFailed
from ..shared.versions import expected_version
from . import wording

DEFINITION_BYTES_MAX = 200_000  # well inside DynamoDB's 400 KB item
READ_FROM = "GET /v1/staff/forms/{form_id}"


def load(deps, form_id, definition, if_match):
    """(view, created): a new draft version of the form; created when the form is new."""
    from ...storage.errors import AlreadyExists, EditConflict
    from .definition import check
    if len(json.dumps(definition)) > DEFINITION_BYTES_MAX:
        raise PayloadTooLarge(wording.DEFINITION_TOO_LARGE.format(most=DEFINITION_BYTES_MAX))
    check(definition)
    if definition["id"] != form_id:
        raise ValidationFailed([("$.id", wording.NOT_THE_ADDRESS_ID.format(form_id=form_id))])
    _check_receiving(deps, definition.get("receiving") or {})
    expected = expected_version(if_match, READ_FROM) if if_match else None
    try:
        head = deps.forms.load(definition, deps.principal.user_id, deps.clock(), expected)
    except AlreadyExists:
        from ...errors import PreconditionRequired
        raise PreconditionRequired(wording.FORM_EXISTS_SEND_IF_MATCH.format(form_id=form_id, read_from=READ_FROM))
    except EditConflict:
        raise _stale(deps, form_id)
    return staff_view(deps, head), expected is None


def _check_receiving(deps, receiving):
    """The category and the team a form's cases go to must be the council's own: a case filed with
    a team no one is in would sit "not assigned" (both errors at once)."""
    problems = []
    category, team_id = receiving.get("category"), receiving.get("team")
    if category and deps.services.get(category) is None:
        problems.append(("$.receiving.category", wording.no_such_category(category)))
    team = deps.teams.get(team_id) if team_id else None
    if team_id and (team is None or team.retired):
        problems.append(("$.receiving.team", wording.no_such_team(team_id)))
    if problems:
        raise ValidationFailed(problems)


def publish(deps, form_id, if_match):
    """The draft becomes the version residents start; those part-way keep theirs."""
    head, expected = _current(deps, form_id, if_match)
    if head.draft is None:
        raise Conflict(wording.NO_DRAFT_TO_PUBLISH, code="no_draft")
    return _move(deps, head, expected, published=head.draft, draft=None, state="live")


def retire(deps, form_id, if_match):
    """No one starts it any more; those part-way may still send theirs (their version is kept)."""
    head, expected = _current(deps, form_id, if_match)
    if head.state == "retired":
        raise Conflict(wording.RETIRED_ALREADY, code="retired")
    return _move(deps, head, expected, state="retired")


def staff_list(deps):
    heads = [h for state in ("live", "draft", "retired") for h in deps.forms.heads(state)]
    return {"forms": [{**_summary(h), **_receiving(deps, h)} for h in sorted(heads, key=lambda h: h.form_id)]}


def _receiving(deps, head):
    """Where the latest version's cases go (the staff forms screen links to them): its category and team."""
    receiving = deps.forms.definition(head.form_id, head.latest).get("receiving") or {}
    return {"category": receiving.get("category"), "team": receiving.get("team")}


def staff_read(deps, form_id, version=None):
    """The form's head with its draft's and published version's definitions
    (or `version`'s): a preview of what residents will see."""
    head = _head(deps, form_id)
    view = staff_view(deps, head)
    if version is not None:
        if not str(version).isdigit() or not 1 <= int(version) <= head.latest:
            raise NotFound(wording.NO_SUCH_VERSION.format(latest=head.latest), code="form_version_not_found")
        view["definition"] = deps.forms.definition(form_id, int(version))
    return view


def staff_view(deps, head):
    view = _summary(head)
    for name in ("draft", "published"):
        number = getattr(head, name)
        view[f"{name}_definition"] = deps.forms.definition(head.form_id, number) if number else None
    return view


def published_list(deps):
    return {"forms": [_public_summary(deps, h) for h in deps.forms.heads("live") if h.kind != "licence"]}


def published(deps, form_id):
    """(head, definition) of the version residents start now; 404 when none."""
    head = deps.forms.head(form_id)
    if head is None or head.state != "live" or not head.published:
        raise NotFound(wording.FORM_NOT_OPEN, code="form_not_found")
    return head, deps.forms.definition(form_id, head.published)


def public_view(deps, form_id):
    head, definition = published(deps, form_id)
    return {"version": head.published, **public_definition(definition)}


def public_definition(definition):
    """What a resident's browser needs: not the team's own e-mail address."""
    shown = dict(definition)
    if "receiving" in shown:
        shown["receiving"] = {"working_days": shown["receiving"]["working_days"]}
    return shown


def _public_summary(deps, head):
    summary = {"id": head.form_id, "title": head.title, "kind": head.kind, "version": head.published}
    if head.kind == "link_out":
        summary["link_out"] = deps.forms.definition(head.form_id, head.published)["link_out"]
    return summary


def _summary(head):
    return {"id": head.form_id, "title": head.title, "kind": head.kind, "state": head.state,
            "latest": head.latest, "draft": head.draft, "published": head.published, "version": head.version,
            "updated_at": head.updated_at.isoformat() if head.updated_at else None, "updated_by": head.updated_by}


def _head(deps, form_id):
    head = deps.forms.head(form_id)
    if head is None:
        raise NotFound(wording.NO_SUCH_FORM, code="form_not_found")
    return head


def _current(deps, form_id, if_match):
    expected = expected_version(if_match, READ_FROM)
    head = _head(deps, form_id)
    if head.version != expected:
        raise Stale(staff_view(deps, head), f'"{head.version}"')
    return head, expected


def _move(deps, head, expected, **changes):
    from ...storage.errors import EditConflict
    try:
        after = deps.forms.move(head, expected, deps.clock(), deps.principal.user_id, **changes)
    except EditConflict:
        raise _stale(deps, head.form_id)
    return staff_view(deps, after)


def _stale(deps, form_id):
    head = _head(deps, form_id)
    return Stale(staff_view(deps, head), f'"{head.version}"')


def etag(view):
    return f'"{view["version"]}"'
