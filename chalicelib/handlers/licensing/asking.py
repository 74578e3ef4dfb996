"""A licensing officer asks the applicant for something (more detail, a better plan, the supervisor's consent),
with a day to answer by if they give one, and the applicant answers on their case: in words, and with the document
asked for sent through the documents' own route (documents.py).

Each request is the case's own (`requests`: [{id, words, document, reply_by, asked_at, by, answer}]), made under
the version the officer read (If-Match) with its event, `licence_information_requested`, whose effect mails the
applicant once with a link to their case at the council's own address. The applicant's answer is written on the
case as it is now (read again when the desk changed it meanwhile); answered again, it replaces the last answer,
until the case is decided. The law's clocks do not stop for a request: none of the regimes here says they do."""
from datetime import date

from ... import validation
from ...errors import Conflict, NotFound
from ...stamps import london_today, stamp
from . import catalogue, wording

WORDS_MAX = 4000
MOST = 30  # requests on one case
OPEN = ("received", "hearing")


def ask(deps, case_id, body, expected):
    """The desk's request (If-Match: the case's version)."""
    from .desk import case_or_404, save_change
    case = case_or_404(deps, case_id)
    problems = validation.Problems({"words": {"missing": wording.REQUEST_WORDS}})
    words = validation.text(body.get("words"), "words", problems, min_len=1, max_len=WORDS_MAX)
    document = body.get("document")
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    if document is not None and (not isinstance(document, str)
                                 or document not in {d["id"] for d in licence_type.get("documents") or []}):
        problems.add("document", wording.NO_SUCH_DOCUMENT.format(document=document if isinstance(document, str) else ""))
    reply_by = validation.iso_date(body.get("reply_by"), "reply_by", problems) if body.get("reply_by") else None
    problems.raise_if_any()
    if reply_by and date.fromisoformat(reply_by) <= london_today(deps.clock()):
        raise validation.broken_rules([("reply_by", wording.REPLY_BY_AHEAD)])
    if case.state not in OPEN:
        raise Conflict(wording.NOT_DECIDABLE.format(state=wording.state_words(case.state)), code="not_decidable")
    asked = list(case.requests or [])
    if len(asked) >= MOST:
        raise Conflict(wording.TOO_MANY_REQUESTS.format(most=MOST), code="too_many_requests")
    number = len(asked) + 1
    asked.append({"id": number, "words": words, "document": document, "reply_by": reply_by,
                  "asked_at": stamp(deps.clock()), "by": deps.principal.user_id, "answer": None})
    case.requests = asked
    return save_change(deps, case, expected, "licence_information_requested", request=number)


def answer(deps, case_id, number, body):
    """The applicant's answer to request `number` of their own case."""
    from ...storage.errors import EditConflict
    from .applying import own_case
    from .views import applicant_view
    body = body if isinstance(body, dict) else {}
    own_case(deps, case_id)  # someone else's, or none: 404 whatever they sent
    problems = validation.Problems({"words": {"missing": wording.ANSWER_WORDS}})
    words = validation.text(body.get("words"), "words", problems, min_len=1, max_len=WORDS_MAX)
    problems.raise_if_any()
    for _ in range(3):
        case = own_case(deps, case_id)
        request = next((r for r in case.requests or [] if str(r["id"]) == str(number)), None)
        if request is None:
            raise NotFound(wording.NO_SUCH_REQUEST, code="request_not_found")
        if case.state not in OPEN:
            raise Conflict(wording.DOCUMENTS_CLOSED.format(state=wording.state_words(case.state)), code="not_answerable")
        expected = case.seq
        request["answer"] = {"words": words, "at": stamp(deps.clock())}
        case.updated_at = deps.clock()
        try:
            deps.licensing.save(case, expected, listed=True)
        except EditConflict:
            continue  # the desk changed it meanwhile: answered on the case as it is now
        return applicant_view(deps, case)
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")


def on_requested(deps, event, key):
    tell(deps, event)


def tell(deps, event):
    """The request mailed to the applicant once (the outbox's id: the case's and the request's)."""
    from ...notify.email import queue_email
    from ..alerts.delivery import links_base
    from ..shared.clock import date_words
    payload = event.payload or {}
    case = deps.licensing.get(payload.get("case_id"))
    request = next((r for r in (case.requests if case else None) or [] if r["id"] == payload.get("request")), None)
    if request is None or not (case.applicant or {}).get("email"):
        return False
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    words = {"type": licence_type["name"], "premises": case.premises.get("name") or case.premises.get("address"),
             "reference": case.id, "words": request["words"], "link": f"{links_base(deps)}/licensing/cases/{case.id}",
             "by": wording.REPLY_BY.format(day=date_words(request["reply_by"])) if request.get("reply_by") else ""}
    return queue_email(case.applicant["email"], wording.REQUESTED_SUBJECT.format(**words),
                       wording.REQUESTED_BODY.format(**words), deps.clock(),
                       f"licence-request:{case.id}:{request['id']}") is not None
