"""Forthcoming decisions' wards and topics as the meetings desk corrects them.

The forward plan is copied whole by each sync (sync.py, `forward_plan`),
each decision placed by its plan's wards and the wards and topics its title
names (tagging.py). A decision placed wrongly (a ward named like a street,
a plan that forgot one) is corrected on the desk: the correction is kept
apart from the copy, in one versioned document (`forward_plan_tags`: the
corrections by decision id, and the audit of every change with who, when,
and from what to what), so the sync's next copy never undoes it, and two
officers naming the version they read (If-Match) never overwrite each other
unseen. The residents' list (decisions.py) reads both in one BatchGetItem
and shows the corrected tags; `from_words` gives a decision back to the
plan's and its title's own.

Nobody is told of a forthcoming decision, published or corrected (see
docs/decisions/democracy.md): a correction changes where it is listed."""
from ...errors import NotFound, Stale
from ...stamps import stamp
from ...storage.errors import EditConflict
from . import queries, wording
from .staff import _checked
from .topics import current

EDITS = "forward_plan_tags"  # {"edits": {decision id: {wards, topics, at, by}}, "audit": [...]}
AUDIT_KEPT = 200  # the newest changes kept with the corrections; older ones fall off


def corrected(rows, edits):
    """The plan's rows with staff's corrections over their own tags, each saying when it was corrected."""
    return [{**d, "wards": edits[d["id"]]["wards"], "topics": edits[d["id"]]["topics"],
             "edited_at": edits[d["id"]]["at"]} if d["id"] in edits else d for d in rows]


def _ahead(deps, rows):
    today = queries.today(deps).isoformat()
    return sorted((d for d in rows if not d["due"] or d["due"] >= today), key=lambda d: (d["due"] or "9999", d["id"]))


def _read(deps):
    """(the plan's rows, the corrections' body, their version): two GetItems (the edits consistently)."""
    kept = deps.democracy.document("forward_plan")
    body, version = deps.democracy.versioned(EDITS)
    return (kept[0] if kept else []), (body or {"edits": {}, "audit": []}), version


def _view(deps, rows, body, version):
    from .staff import _ward_names
    decisions = [{"id": d["id"], "title": d["title"], "decision_maker": d["decision_maker"] or None,
                  "due": d["due"] or None, "key": d["key"], "wards": list(d["wards"]),
                  "topics": list(d.get("topics") or []), "edited_at": d.get("edited_at")}
                 for d in corrected(_ahead(deps, rows), body["edits"])]
    view = {"decisions": decisions, "wards": _ward_names(deps), "topics": sorted(current(deps.democracy)[0]),
            "audit": list(body["audit"])[::-1], "version": version}
    return view, f'"{version}"'


def view(deps):
    """GET /v1/staff/decisions/forthcoming/tags: (body, etag)."""
    return _view(deps, *_read(deps))


def change(deps, decision_id, asked_body, version):
    """One forthcoming decision's wards and topics as staff set them (or its own again), audited."""
    queries.ids(decision_id=decision_id)
    asked = _checked(deps, asked_body)
    rows, body, current_version = _read(deps)
    if current_version != version:
        raise Stale(*_view(deps, rows, body, current_version))
    decision = next((d for d in _ahead(deps, rows) if d["id"] == decision_id), None)
    if decision is None:
        raise NotFound(wording.NO_FORTHCOMING, code="decision_not_found")
    edits = dict(body["edits"])
    before = edits.get(decision_id) or {"wards": list(decision["wards"]), "topics": list(decision.get("topics") or [])}
    officer, now = deps.principal, deps.clock()
    if asked is None:
        edits.pop(decision_id, None)
        after = {"wards": list(decision["wards"]), "topics": list(decision.get("topics") or [])}
    else:
        after = {"wards": asked["wards"], "topics": asked["topics"]}
        edits[decision_id] = {**after, "at": stamp(now), "by": officer.email or officer.user_id}
    entry = {"at": stamp(now), "by": officer.email or officer.user_id, "by_user_id": officer.user_id,
             "decision_id": decision_id, "title": decision["title"], "from": {k: before[k] for k in ("wards", "topics")},
             "to": after, "from_words": asked is None}
    try:
        deps.democracy.replace_versioned(EDITS, {"edits": edits, "audit": (list(body["audit"]) + [entry])[-AUDIT_KEPT:]},
                                         version, now)
    except EditConflict:
        raise Stale(*view(deps)) from None
    return view(deps)
