"""The consultations desk, for a consultations officer: the desk's list (forthcoming, open and recently
closed, newest close first), the council's templates (a form with its questions, and the words most
consultations of that kind start from) and a consultation made from one. Made once: an Idempotency-Key
answers a retry with what the first made, and the id (from the title) is the consultation's own.

An officer changes a consultation (PUT, managing.load) until it opens: residents answer what it said
when they read it. An administrator, who loads consultations as data, may still mend an open one."""
import json
import re
from functools import lru_cache
from pathlib import Path

from ...errors import Conflict, ValidationFailed
from . import wording
from .definition import ID
from .timing import moment_words, status

DESK_LIMIT = 50  # the desk's list: one Query of this many search rows at most
KEY_HOURS = 24
CHOSEN = ("title", "overview", "department", "areas", "topics", "opens", "closes", "why", "what_happens_next",
          "results_due", "supporting_documents", "contact")


@lru_cache(maxsize=1)
def _templates():
    return json.loads((Path(__file__).with_name("templates.json")).read_text())


def templates(deps):
    """GET /v1/staff/consultation-templates: each with the questions its form asks, in order, and the
    council's wards a consultation may concern (tens, read whole as the checker reads them)."""
    return {"templates": [{"id": key, **{k: v for k, v in t.items() if k != "form"},
                           "questions": [q["label"] for p in t["form"]["pages"] for q in p["questions"]]}
                          for key, t in _templates().items()],
            "wards": sorted(w.name for w in deps.wards.all())}


def desk_list(deps):
    """GET /v1/staff/consultations: one Query of the "any" search rows, latest close first."""
    now = deps.clock()
    rows = deps.consultations.closing("any", None, None, DESK_LIMIT, newest_first=True)
    return {"consultations": [{"id": r.id, "title": r.doc.get("title"), "status": status(r, now),
                               "areas": r.doc.get("areas"), "opens_words": moment_words(r.opens_at),
                               "closes_words": moment_words(r.closes_at),
                               "results_published": bool(r.doc.get("results_published_at"))} for r in rows]}


def slug(title):
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") if isinstance(title, str) else ""
    return words[:60].rstrip("-")


def create(deps, body, idempotency_key):
    """(staff view, created): the consultation made from its template and the officer's words."""
    from ...storage.forms.consultations import AlreadyExists, Consultation
    from ..shared import idempotency
    from .definition import errors, refused
    from .managing import areas, get_or_404, staff_view, summary
    if not isinstance(body, dict):
        raise ValidationFailed([("$", wording.NOT_AN_OBJECT)], message=wording.REFUSED)
    template = _templates().get(body.get("template")) if isinstance(body.get("template"), str) else None
    consultation_id = slug(body.get("title"))
    consultation_id = consultation_id if ID.match(consultation_id) else "untitled"  # the title's own error says why
    data = {k: (template or {})[k] for k in ("department", "type", "topics", "why", "what_happens_next")
            if k in (template or {})}
    data.update({k: body[k] for k in CHOSEN if k in body and body[k] not in (None, "")})
    data.update(id=consultation_id, form=(template or {}).get("form", {}))
    p = deps.principal
    claim = idempotency.Claim(deps, idempotency_key, f"{p.user_id}#consultation", body,
                              lambda record: staff_view(deps, get_or_404(deps, record.resource_id)),
                              wording.ANOTHER_CONSULTATION)
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    # Every error at once, named as the form names its fields: the template's form is the council's, not the
    # officer's, so without a template only the template is named for it.
    found, (opens, closes) = errors(deps, data, consultation_id)
    found = [("template", wording.TEMPLATE_UNKNOWN)] * (template is None) + \
        [(path, message) for path, message in found if path != "$.id" and not (template is None and
                                                                               path.startswith("$.form"))]
    # What is not given is asked for as the desk asks it, not as a loader of data is told its shape.
    missing = {f"$.{k}": m for k, m in (("opens", wording.REQUIRED), ("closes", wording.REQUIRED),
                                        ("areas", wording.CHOOSE_AREAS)) if body.get(k) in (None, "", [])}
    found = [(path, missing.get(path, message)) for path, message in found]
    if opens is not None and opens <= deps.clock():
        found.append(("$.opens", wording.OPENS_IN_THE_PAST))
    if found:
        raise refused(found)
    now = deps.clock()
    made = Consultation(id=consultation_id, doc=data, opens_at=opens, closes_at=closes, updated_at=now,
                        updated_by=p.user_id)
    try:
        deps.consultations.put(made, areas(data), summary(data), None,
                               idempotency=claim.record(consultation_id, now, KEY_HOURS))
    except AlreadyExists as e:
        if e.part == "idempotency":
            return claim.twin(), False
        # the consultation at the title's address may be the twin's: its head fails before its key
        return claim.refused(Conflict(wording.TITLE_TAKEN, code="consultation_exists",
                                      fields=[{"field": "$.title", "message": wording.TITLE_TAKEN}])), False
    return staff_view(deps, made), True
