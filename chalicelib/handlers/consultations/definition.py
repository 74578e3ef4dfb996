"""A consultation as data, checked on load: every error at once with its JSON
path, as a form definition's are (its `form` is one, checked by the forms
engine itself, its paths under "$.form").

    {"id": "bishopthorpe-parking", "title": ..., "overview": ...,
     "department": "Transport", "type": "Consultation",
     "opens": "2026-06-01T09:00:00", "closes": "2026-06-14T23:59:59",   # London time
     "areas": ["Bishopthorpe"] or "council", "topics": ["parking"],
     "why": ..., "what_happens_next": ..., "results_due": "2026-09-01",
     "supporting_documents": [{"title": ..., "url": "https://..."}],
     "contact": {"name": ..., "email": ...},      # the council's team, public
     "form": {a forms-engine definition: pages, questions, retention_days}}

The form's `retention_days` is how long responses are kept after the close.
A consultation's form takes no file questions, fee or hand-on: a response is
counted, not handled as a case."""
import re

from ...errors import ValidationFailed
from . import wording
from .timing import day, parse

ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")
TOPIC = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
URL = re.compile(r"^https?://\S+$")
COUNCIL = "council"  # areas: the whole council
TEXTS = {"title": (True, 250), "overview": (True, 2000), "why": (True, 5000), "what_happens_next": (True, 5000),
         "department": (True, 120), "type": (False, 60)}
KNOWN = {*TEXTS, "id", "opens", "closes", "areas", "topics", "results_due", "supporting_documents", "contact",
         "form"}
NOT_IN_A_CONSULTATION = ("fee", "hand_on", "link_out")
TOPICS_MAX, DOCUMENTS_MAX = 10, 30


def check(deps, data, consultation_id):
    """The consultation's data with its moments: ({...}, opens_at, closes_at), or
    ValidationFailed naming each error's path."""
    found, moments = errors(deps, data, consultation_id)
    if found:
        raise refused(found, not isinstance(data, dict))
    return moments


def refused(found, malformed=False):
    """The errors of a consultation's data, each with its JSON path: 400 when the body is not even the object
    /openapi.json declares, 422 when it is one but breaks the rules the checker states in words."""
    if malformed:
        return ValidationFailed(found, message=wording.REFUSED)
    from ...errors import Unacceptable
    return Unacceptable(wording.REFUSED, code="validation_failed",
                        fields=[{"field": path, "message": message} for path, message in found])


def errors(deps, data, consultation_id):
    if not isinstance(data, dict):
        return [("$", wording.NOT_AN_OBJECT)], None
    found = [(f"$.{k}", wording.NOT_A_PROPERTY) for k in data if k not in KNOWN]
    if data.get("id") != consultation_id:
        found.append(("$.id", wording.NOT_THE_ADDRESS_ID.format(consultation_id=consultation_id)))
    for name, (needed, most) in TEXTS.items():
        found += _text(data, name, needed, most)
    opens, problem = parse(data.get("opens"))
    found += [("$.opens", wording.MOMENT_PROBLEMS[problem])] if problem else []
    closes, problem = parse(data.get("closes"))
    found += [("$.closes", wording.MOMENT_PROBLEMS[problem])] if problem else []
    if opens and closes and closes <= opens:
        found.append(("$.closes", wording.CLOSES_BEFORE_OPENING))
    if "results_due" in data:
        due, problem = day(data["results_due"])
        found += [("$.results_due", wording.MOMENT_PROBLEMS[problem])] if problem else []
    found += _areas(deps, data.get("areas"))
    found += _topics(data.get("topics", []))
    found += _documents(data.get("supporting_documents", []))
    found += _contact(data.get("contact"))
    found += _form(data)
    return found, (opens, closes)


def _text(data, name, needed, most):
    value = data.get(name)
    if value is None:
        return [(f"$.{name}", wording.REQUIRED)] if needed else []
    if not isinstance(value, str) or not value.strip() or len(value) > most:
        return [(f"$.{name}", wording.WORDS_AT_MOST.format(most=most))]
    return []


def _areas(deps, areas):
    if areas == COUNCIL:
        return []
    if not isinstance(areas, list) or not areas or not all(isinstance(a, str) and a.strip() for a in areas):
        return [("$.areas", wording.AREAS)]
    known = {w.name for w in deps.wards.all()} if deps.wards is not None else set()  # tens of wards, on load
    return [(f"$.areas[{n}]", wording.NOT_A_WARD.format(area=area))
            for n, area in enumerate(areas) if area not in known]


def _topics(topics):
    if not isinstance(topics, list) or len(topics) > TOPICS_MAX:
        return [("$.topics", wording.TOPICS_AT_MOST.format(most=TOPICS_MAX))]
    return [(f"$.topics[{n}]", wording.NOT_A_TOPIC)
            for n, t in enumerate(topics) if not isinstance(t, str) or not TOPIC.match(t)]


def _documents(documents):
    if not isinstance(documents, list) or len(documents) > DOCUMENTS_MAX:
        return [("$.supporting_documents", wording.DOCUMENTS_AT_MOST.format(most=DOCUMENTS_MAX))]
    found = []
    for n, d in enumerate(documents):
        if not isinstance(d, dict) or not isinstance(d.get("title"), str) or not d["title"].strip():
            found.append((f"$.supporting_documents[{n}].title", wording.REQUIRED))
        if not isinstance(d, dict) or not isinstance(d.get("url"), str) or not URL.match(d["url"]):
            found.append((f"$.supporting_documents[{n}].url", wording.NOT_HTTPS))
    return found


def _contact(contact):
    if contact is None:
        return []
    if not isinstance(contact, dict) or not all(isinstance(v, str) and len(v) <= 250 for v in contact.values()) \
            or set(contact) - {"name", "email", "phone", "address"}:
        return [("$.contact", wording.CONTACT)]
    return []


def form_of(data):
    """The consultation's form as the forms engine checks it: its id, kind and
    receiving team filled in where the consultation leaves them out."""
    form = dict(data.get("form") or {})
    form.setdefault("id", data.get("id"))
    form.setdefault("title", data.get("title"))
    form.setdefault("kind", "form")
    form.setdefault("what_happens_next", data.get("what_happens_next"))
    form.setdefault("receiving", {"team": "consultations", "working_days": 20})
    return form


def _form(data):
    from ..forms.definition import errors as form_errors
    form = data.get("form")
    if not isinstance(form, dict):
        return [("$.form", wording.FORM)]
    found = [(f"$.form.{k}", wording.NOT_IN_A_CONSULTATION_FORM) for k in NOT_IN_A_CONSULTATION
             if k in form]
    for n, page in enumerate(form.get("pages") or []):
        for m, question in enumerate((page or {}).get("questions") or [] if isinstance(page, dict) else []):
            if isinstance(question, dict) and question.get("type") == "file":
                found.append((f"$.form.pages[{n}].questions[{m}].type", wording.NO_FILES))
    whole = form_of(data)
    found += [("$.form" + path[1:], message) for path, message in form_errors(whole)]
    return found
