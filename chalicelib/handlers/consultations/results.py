"""Staff close the loop: "We asked, you said, we did". Once a consultation
has closed, staff publish a summary, what people said, what the council did
(what changed), figures, and the decision it fed (a meeting item's id, or a
web address while meetings are being built). The responses by ward are taken
from the live counters at that moment, and a ward with fewer than 10 is
withheld in everything published: the page, the API, the feed.

The first publication writes its event in the same transaction; respondents
are told from it (notices.py). Publishing again (a correction) needs the
ETag and tells no one again."""
import re

from ...errors import Conflict, ValidationFailed
from ...stamps import stamp
from . import wording
from .managing import areas, get_or_404, public_results, staff_view, summary
from .timing import status

SMALLEST_SHOWN = 10  # a ward's count below this could point at a household: withheld
KIND = "consultation_results_published"
URL = re.compile(r"^https?://\S+$")
TEXT_MAX, FIGURES_MAX = 10_000, 30


def publish(deps, consultation_id, body, if_match):
    from ...storage.forms.consultations import EditConflict
    from ..shared import events
    from ..shared.versions import expected_version
    consultation = get_or_404(deps, consultation_id)
    expected = expected_version(if_match, "GET /v1/staff/consultations/{id}")
    now = deps.clock()
    if status(consultation, now) != "closed":
        raise Conflict(wording.RESULTS_BEFORE_CLOSE, code="consultation_not_closed")
    given = _checked(body)
    by_ward, total = deps.consultations.counts(consultation_id)
    first = consultation.results is None
    consultation.results = {
        **given, "total": total, "wards": ward_figures(by_ward),
        "published_at": (consultation.results or {}).get("published_at") or stamp(now),
        "updated_at": stamp(now), "published_by": deps.principal.user_id}
    event = events.new_event(deps, KIND, now, consultation_id=consultation_id) if first else None
    rows = summary(consultation.doc, consultation.results)
    try:
        deps.consultations.save_head(consultation, expected, event, ["any", *areas(consultation.doc)], rows)
    except EditConflict:
        from .managing import _stale
        raise _stale(deps, consultation_id)
    return staff_view(deps, consultation)


def ward_figures(by_ward):
    """Each ward's responses, those under SMALLEST_SHOWN withheld (null, with the words)."""
    return [{"ward": ward, "responses": n if n >= SMALLEST_SHOWN else None,
             **({} if n >= SMALLEST_SHOWN else {"withheld": wording.WITHHELD})}
            for ward, n in sorted(by_ward.items()) if n > 0]


def _checked(body):
    problems = []
    if not isinstance(body, dict):
        raise ValidationFailed([("body", wording.NOT_AN_OBJECT)])
    out = {}
    for name in ("summary", "you_said", "we_did"):
        value = body.get(name)
        if not isinstance(value, str) or not value.strip() or len(value) > TEXT_MAX:
            problems.append((name, wording.RESULT_TEXT.format(name=name.replace("_", " "), most=TEXT_MAX)))
        else:
            out[name] = value.strip()
    figures = body.get("figures", [])
    if not isinstance(figures, list) or len(figures) > FIGURES_MAX:
        problems.append(("figures", wording.FIGURES_AT_MOST.format(most=FIGURES_MAX)))
        figures = []
    out["figures"] = []
    for n, f in enumerate(figures):
        ok = isinstance(f, dict) and isinstance(f.get("label"), str) and f["label"].strip() and \
            isinstance(f.get("value"), (int, float)) and not isinstance(f.get("value"), bool)
        if not ok:
            problems.append((f"figures[{n}]", wording.FIGURE))
        else:
            out["figures"].append({"label": f["label"].strip(), "value": f["value"],
                                   **({"unit": str(f["unit"])} if f.get("unit") else {})})
    out["decision"] = _decision(body.get("decision"), problems)
    if problems:
        raise ValidationFailed(problems)
    return out


def _decision(decision, problems):
    """The decision it fed: a meeting item's id (the meetings capability), or a web address."""
    if decision is None:
        return None
    if not isinstance(decision, dict) or not (decision.get("item_id") or decision.get("url")):
        problems.append(("decision", wording.DECISION))
        return None
    if decision.get("url") and not (isinstance(decision["url"], str) and URL.match(decision["url"])):
        problems.append(("decision.url", wording.NOT_HTTPS))
    if decision.get("item_id") and not (isinstance(decision["item_id"], str) and len(decision["item_id"]) <= 100):
        problems.append(("decision.item_id", wording.NOT_AN_ITEM_ID))
    return {k: decision[k] for k in ("item_id", "url", "title") if isinstance(decision.get(k), str)}


def results_view(deps, consultation_id):
    from ...errors import NotFound
    consultation = get_or_404(deps, consultation_id)
    found = public_results(consultation)
    if found is None:
        raise NotFound(wording.NO_RESULTS_YET, code="results_not_found")
    return {"id": consultation.id, "title": consultation.doc.get("title"), **found}
