"""Responding: the consultation's questions answered, checked by the forms
engine question by question along the path its routes take, and sent whole.

Signed in, a resident has one response (its key is their account) and may
change it until the close: PUT replaces it, and If-Match with the ETag read
refuses a change made meanwhile in another tab. Anonymous, each POST is a
response (Idempotency-Key answers a retry with the same one); a client is
limited to a few an hour, and one with exactly the answers of an earlier
response is kept and flagged `likely_duplicate` for the analyst.

Open or not is decided in the response's own transaction (a condition on the
consultation's close), never by a read followed by a write: a response at
23:59:59.9 is taken and one at 00:00:00 refused, with the close in words.
The same for a page filled in before the close and sent after it."""
from datetime import timedelta

from ... import ids
from ...errors import Conflict, ValidationFailed
from ...stamps import stamp
from . import wording
from .definition import form_of
from .managing import get_or_404
from .timing import ONE_SECOND, moment_words, status

NO_WARD = "(no ward)"
ANONYMOUS_LIMITS = [(3, timedelta(minutes=1)), (10, timedelta(hours=1))]
SERVICE = "consultations"  # the service a response counts in (feedback/services.py)
ID_PREFIX = "CN-"  # CR- is a container request's: each kind of reference its own prefix
# Answers that say who someone is or where they live: the personal file of the export, never the analysis file.
PERSONAL_TYPES = ("name", "email", "phone", "address", "property", "national_insurance_number", "map_point")


def refuse_unless_open(consultation, now):
    state = status(consultation, now)
    if state == "forthcoming":
        raise Conflict(wording.not_open_yet(consultation.opens_at), code="consultation_not_open")
    if state == "closed":
        raise Conflict(wording.closed(consultation.closes_at), code="consultation_closed")


def checked(deps, consultation, body):
    """(answers kept, pages taken, postcode, ward): every page on the path checked at once."""
    from ..forms.routing import check_path
    if not isinstance(body, dict) or not isinstance(body.get("answers"), dict):
        raise ValidationFailed([("answers", wording.ANSWERS_NOT_AN_OBJECT)])
    kept, taken, problems = check_path(deps, form_of(consultation.doc), body["answers"])
    postcode, ward = _place(deps, body.get("postcode"), problems)
    if problems:
        raise ValidationFailed(problems, message=wording.ANSWERS_INVALID)
    return kept, taken, postcode, ward


def _place(deps, given, problems):
    from ..places.postcodes import postcode_or_none
    if given is None or given == "":
        return None, NO_WARD
    postcode = postcode_or_none(given)
    if postcode is None:
        problems.append(("postcode", wording.POSTCODE))
        return None, NO_WARD
    wards = [a.ward for a in deps.addresses.by_postcode(postcode) if a.ward]
    return postcode, max(set(wards), key=wards.count) if wards else NO_WARD


def respond_signed_in(deps, consultation_id, body, if_match):
    """PUT: (view, created, etag) of the resident's one response, made or replaced."""
    from ...storage.forms.consultation_responses import AlreadyExists, ConsultationResponse, EditConflict
    from ..shared.versions import expected_version
    consultation = get_or_404(deps, consultation_id)
    now = deps.clock()
    refuse_unless_open(consultation, now)
    answers, taken, postcode, ward = checked(deps, consultation, body)
    key = f"u#{deps.principal.user_id}"
    before = deps.consultation_responses.get(consultation_id, key)
    if if_match and before is not None and expected_version(if_match, "GET /v1/consultations/{id}/response") != before.seq:
        raise Conflict(wording.EDITED_ELSEWHERE, code="edit_conflict")
    response = ConsultationResponse(
        consultation_id=consultation_id, key=key, id=before.id if before else _new_id(), answers=answers,
        taken=taken, postcode=postcode, ward=ward, user_id=deps.principal.user_id, follow_email=_verified(deps),
        created_at=before.created_at if before else now, updated_at=now, delete_at=_delete_at(consultation))
    try:
        deps.consultation_responses.write(response, now - ONE_SECOND, before, finished=finished(now))
    except (AlreadyExists, EditConflict) as e:
        _refused(deps, consultation_id, e)
    return view(consultation, response), before is None, f'"{response.seq}"'


def respond_anonymously(deps, consultation_id, body, idempotency_key):
    """POST: (view, created) of a new anonymous response."""
    from ...auth import throttle
    from ...storage.forms.consultation_responses import AlreadyExists, ConsultationResponse, EditConflict
    from ..shared.idempotency import Claim
    consultation = get_or_404(deps, consultation_id)
    now = deps.clock()
    refuse_unless_open(consultation, now)
    answers, taken, postcode, ward = checked(deps, consultation, body)
    claim = Claim(deps, idempotency_key, None, {"consultation": consultation_id, **body},
                  lambda record: _replayed(deps, consultation, record), wording.KEY_USED_FOR_RESPONSE)
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    if deps.client is not None:
        for rule in ANONYMOUS_LIMITS:
            throttle.spend(deps.counters, "consultation-response", f"address:{deps.client}", rule, now,
                           message=wording.TOO_MANY_RESPONSES)
    response = ConsultationResponse(
        consultation_id=consultation_id, key="", id=_new_id(), answers=answers, taken=taken, postcode=postcode,
        ward=ward, created_at=now, updated_at=now, delete_at=_delete_at(consultation))
    response.key = f"a#{response.id}"
    digest = ids.digest(f"{consultation_id}\n{_canonical(answers)}")[:40]
    record = claim.record(f"{consultation_id}|{response.key}", now, 24)
    for _ in range(2):
        try:
            deps.consultation_responses.write(response, now - ONE_SECOND, fingerprint=digest, idempotency=record,
                                              finished=finished(now))
            break
        except AlreadyExists as e:
            if e.args and e.args[0] == "idempotency":
                return claim.twin(), False
            if not (e.args and e.args[0] == "fingerprint"):
                raise
            response.flags, digest = ["likely_duplicate"], None  # kept for the analyst, never dropped
        except EditConflict as e:
            _refused(deps, consultation_id, e)
    return view(consultation, response), True


def _verified(deps):
    """The account's address, if proven: where the results are told (the worker reads no accounts)."""
    p = deps.principal
    return p.email if p.email and p.email_verified else None


def _replayed(deps, consultation, record):
    cid, _, key = record.resource_id.partition("|")
    found = deps.consultation_responses.get(cid, key)
    return view(consultation, found) if found else None


def _refused(deps, consultation_id, error):
    """A write refused: closed meanwhile (its close in words), or changed elsewhere."""
    if error.args and error.args[0] == "open":
        consultation = get_or_404(deps, consultation_id)
        raise Conflict(wording.closed(consultation.closes_at), code="consultation_closed")
    raise Conflict(wording.EDITED_ELSEWHERE, code="edit_conflict")


def _canonical(answers):
    import json

    def plain(value):
        return " ".join(value.lower().split()) if isinstance(value, str) else value
    return json.dumps({k: plain(v) for k, v in answers.items()}, sort_keys=True, default=str)


def _new_id():
    return ids.new_reference(ID_PREFIX, 8)


def _delete_at(consultation):
    """Kept for the form's retention_days counted from the close (the analysis follows the close)."""
    return consultation.closes_at + timedelta(days=int(form_of(consultation.doc).get("retention_days") or 365))


def mine(deps, consultation_id):
    """GET: (view, etag) of the signed-in resident's response, or (None, None) when they have not responded."""
    consultation = get_or_404(deps, consultation_id)
    found = deps.consultation_responses.get(consultation_id, f"u#{deps.principal.user_id}")
    if found is None:
        return None, None
    return view(consultation, found), f'"{found.seq}"'


def of_mine(deps, user_id):
    """GET /v1/me/consultation-responses: the resident's responses, newest first, each with its consultation,
    whether it is open (and so can be changed, until when) and whether its results are out. One Query of the
    responses' user index, one BatchGetItem of their consultations."""
    responses = deps.consultation_responses.of_user(user_id)
    consultations = deps.consultations.get_many([r.consultation_id for r in responses])
    now = deps.clock()
    out = []
    for response in sorted(responses, key=lambda r: r.updated_at, reverse=True):
        consultation = consultations.get(response.consultation_id)
        if consultation is None:
            continue  # withdrawn by the council since: nothing to link to
        state = status(consultation, now)
        out.append({"id": response.id, "consultation_id": consultation.id, "title": consultation.doc.get("title"),
                    "status": state, "sent_at": stamp(response.created_at), "changed_at": stamp(response.updated_at),
                    "closes_at": stamp(consultation.closes_at), "closes_words": moment_words(consultation.closes_at),
                    "can_change": state == "open", "results_published": bool(consultation.results)})
    return out


def view(consultation, response):
    from ..feedback.counting import question
    return {"id": response.id, "consultation_id": consultation.id, "title": consultation.doc.get("title"),
            "answers": response.answers, "taken": response.taken, "postcode": response.postcode,
            "sent_at": stamp(response.created_at), "changed_at": stamp(response.updated_at),
            "version": response.seq, "closes_at": stamp(consultation.closes_at),
            "can_change_until": moment_words(consultation.closes_at) if response.user_id else None,
            # How did responding go? Counted in the response's own write (`finished`), once.
            "feedback": question(SERVICE, response.id, "online", response.created_at)}


def finished(now):
    """(month, service) a new response is counted in, written with it (storage/forms/consultation_responses.py)."""
    from ..feedback.counting import month_of
    return month_of(now), SERVICE

