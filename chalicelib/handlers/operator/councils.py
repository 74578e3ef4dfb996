"""The deployment's operator adding councils and changing their settings
(docs/decisions/councils.md, "The deployment's operator"). Every change goes
through councils/settings.py: checked whole against the schema, written with
its addresses and its audit (naming the operator) in one transaction."""
from ...councils import settings
from ...errors import Conflict, NotFound, Stale, ValidationFailed
from ...storage.errors import AlreadyExists, EditConflict
from .wording import COUNCIL_EXISTS, NO_COUNCIL, NOT_SETTINGS, NOT_THIS_COUNCIL


def listed(store):
    """Every council the deployment serves, with its addresses and version: one Query."""
    return {"councils": [{"id": d["id"], "name": d["name"], "short_name": d["short_name"],
                          "hosts": list(d.get("hosts") or []), "jurisdiction": d.get("jurisdiction"),
                          "version": version} for d, version in store.documents()]}


def view(document, version):
    return {"id": document["id"], "version": version, "settings": document}


def add(deps, store, document):
    """(view, made): a new council, or, when one of that id holds exactly this document already, it (a retry)."""
    _settings(document)
    found = settings.problems(document)  # checked before any read: an id the schema refuses is no key
    if found:
        raise settings.refused(found)
    current = store.get(document["id"], consistent=True)
    if current is not None:
        return _same_or_refused(document, current)
    try:
        version = settings.write(store, document, 0, deps.clock(), _by(deps))
    except (AlreadyExists, EditConflict):  # added meanwhile: the same add retried, or another's
        return _same_or_refused(document, store.get(document["id"], consistent=True))
    return view(document, version), True


def show(store, council_id):
    found = store.get(council_id, consistent=True)
    if found is None:
        raise NotFound(NO_COUNCIL.format(council=council_id), code="council_not_found")
    return view(*found)


def change(deps, store, council_id, document, version):
    """The council's settings replaced by `document`, made to `version` (If-Match): its view."""
    _settings(document)
    current = show(store, council_id)
    if document.get("id") != council_id:
        raise ValidationFailed([("$.id", NOT_THIS_COUNCIL.format(council=council_id))])
    if current["version"] != version:
        raise Stale(current, f'"{current["version"]}"')
    from ...councils.checks_business import licence_problems, stored_types
    found = licence_problems(document, stored_types(council_id), before=current["settings"])
    if found:
        raise settings.refused(found)
    try:
        written = settings.write(store, document, version, deps.clock(), _by(deps))
    except EditConflict:  # changed between the read and the write
        now = show(store, council_id)
        raise Stale(now, f'"{now["version"]}"') from None
    return view(document, written)


def _same_or_refused(document, current):
    if current[0] != document:
        raise Conflict(COUNCIL_EXISTS.format(council=document["id"]), code="council_exists")
    return view(*current), False


def _settings(document):
    if not isinstance(document, dict):
        raise ValidationFailed([("$", NOT_SETTINGS)])


def _by(deps):
    return f"operator {deps.principal.email or deps.principal.user_id}"
