"""Consultees (police, environmental health, fire ...) asked by e-mail and answering through the signed link in
it, with no account: the link is the right, for that case and that consultee at the council that holds the case.

When an application is received or a notice given, each of its type's consultees with an address in the council's
licence types (catalogue.py: `email`) is mailed once (the outbox's id is the case's and the consultee's) with the
case, its own last day and a link to /licensing/consult#<token>: in the fragment, out of servers' logs. The token
names the council, the case, the consultee and when it stops working (LIFETIME after the mail). The answer is the
desk's own (desk.record_answer): marked late after the consultee's day; a notice's objection after the law's three
working days is not one. Once the case is decided the link shows it and takes no answer."""
from datetime import datetime, timedelta, timezone

from ...errors import ApiError, NotFound
from ..shared.clock import date_words
from ..shared.signed_links import seal, unseal
from ...validation import digits
from . import catalogue, wording

LABEL = b"licence-consultee"
LIFETIME = timedelta(days=90)  # past any consultee's day: a late answer is still recorded, marked late
TOKEN_MAX = 300
ANSWERABLE = ("received", "hearing", "given")


def token_for(council_id, case_id, consultee_id, sent):
    until = int((sent + LIFETIME).timestamp())
    return seal(LABEL, [council_id, case_id, consultee_id, str(until)])


def link(base, council_id, case_id, consultee_id, sent):
    return f"{base}/licensing/consult#{token_for(council_id, case_id, consultee_id, sent)}"


def on_received(deps, event, key):
    ask(deps, (event.payload or {}).get("case_id"))


def ask(deps, case_id):
    """How many consultees were asked now (one asked already for this case counts once)."""
    from ...notify.email import queue_email
    from ..alerts.delivery import links_base
    case = deps.licensing.get(case_id)
    if case is None or case.state not in ANSWERABLE:
        return 0
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    addresses = {c["id"]: c.get("email") for c in licence_type.get("consultees") or []}
    base, now, asked = links_base(deps), deps.clock(), 0
    from .desk import consultee_due
    for consultee in case.consultees or []:
        email = addresses.get(consultee["id"])
        if not email:
            continue  # asked by the officers their own way: the desk records the answer
        due = consultee_due(deps, case, licence_type, consultee["id"])
        words = {"name": consultee["name"], "type": licence_type.get("name", case.type_id),
                 "premises": _premises(case), "reference": case.id,
                 "until": wording.CONSULTEE_UNTIL.format(day=date_words(due)) if due else "",
                 "link": link(base, deps.council.id, case.id, consultee["id"], now)}
        made = queue_email(email, wording.CONSULTEE_SUBJECT.format(**words), wording.CONSULTEE_BODY.format(**words),
                           now, f"licence-consult:{case.id}:{consultee['id']}")
        asked += made is not None
    return asked


def _premises(case):
    premises = case.premises or {}
    return ", ".join(p for p in (premises.get("name"), premises.get("address")) if p)


def _opened(deps, token):
    """(case, consultee) a genuine, current token names at this council; 404 for anything else (no hint whether
    a case exists), 403 once it has expired."""
    refused = NotFound(wording.CONSULT_LINK_NOT_VALID, code="link_not_valid")
    parts = unseal(token, LABEL, TOKEN_MAX)
    if parts is None or len(parts) != 4 or not digits(parts[3]) or parts[0] != deps.council.id:
        raise refused
    _, case_id, consultee_id, until = parts
    expires = datetime.fromtimestamp(int(until), timezone.utc)
    if deps.clock() >= expires:
        raise ApiError(wording.CONSULT_LINK_EXPIRED.format(day=date_words(expires.date())), status=403,
                       code="link_expired")
    case = deps.licensing.get(case_id)
    consultee = next((c for c in (case.consultees if case else None) or [] if c["id"] == consultee_id), None)
    if case is None or consultee is None or case.state in ("draft", "paying"):
        raise refused
    return case, consultee, expires


def show(deps, token):
    """What the consultee reads: the case as its applicant does (never an objector's contact), their own day and
    answer, and whether it still takes one."""
    from .views import applicant_view
    case, consultee, expires = _opened(deps, token)
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    from .desk import consultee_due
    due = consultee_due(deps, case, licence_type, consultee["id"])
    view = applicant_view(deps, case, representations=deps.licensing.representations(case.id))
    for private in ("payment_status", "refused", "fee", "band", "documents", "requests"):
        view.pop(private, None)
    from .answers import in_words_of
    return {"case": {**view, "type_name": licence_type.get("name", case.type_id),
                     "answers": in_words_of(deps, case, public_only=True),
                     "applicant": {"name": (case.applicant or {}).get("name")}},
            "consultee": {"id": consultee["id"], "name": consultee["name"], "due": due.isoformat() if due else None,
                          "answer": consultee.get("answer"), "words": consultee.get("words"),
                          "late": consultee.get("late", False)},
            "answers": list(wording.CONSULTEE_ANSWERS), "open": case.state in ANSWERABLE,
            "expires_at": expires.isoformat().replace("+00:00", "Z")}


def answer(deps, token, body):
    """The consultee's answer, on the case as it is now (read again if the desk changed it meanwhile)."""
    from ...errors import Conflict
    from .desk import record_answer, save_change
    body = body if isinstance(body, dict) else {}
    for _ in range(3):
        case, consultee, _ = _opened(deps, token)
        if case.state not in ANSWERABLE:
            raise ApiError(wording.CONSULT_DECIDED.format(state=wording.state_words(case.state)), status=409, code="not_decidable")
        expected = case.seq
        record_answer(deps, case, consultee["id"], body, by=f"consultee:{consultee['id']}")
        try:
            save_change(deps, case, expected, "licence_consultee_answered", consultee=consultee["id"])
        except Conflict:
            continue
        return show(deps, token)
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")
