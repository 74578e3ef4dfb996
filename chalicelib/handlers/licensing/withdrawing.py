"""An applicant withdraws an application before it is decided, and its fee is refunded or kept by its type's rule
(catalogue.py `refund_on_withdrawal`):
  "none" (the default)                    kept: the fees regulations pay for the work begun on receiving it;
  "full"                                  refunded in full;
  {"full_within_working_days": n}         refunded in full when withdrawn within n working days after the day it
                                          was received (the council's calendar), kept after.
The rule is applied as the case is withdrawn and written on it ({refund: full | none, rule}), so the words the
applicant reads and the refund made never disagree. The refund and the mails are the `licence_withdrawn` event's
effect (shared/effects.py): written with the case in one transaction, done once however often the stream or a
crash repeats it (payments/in_full.refund_in_full finds nothing left the second time; each mail kept in the outbox
under the case's and the person's id).

A temporary event notice is withdrawn by its premises user no later than 24 hours before its event begins (Licensing
Act 2003 s.103; later, 422 saying when the last moment was), and a notice withdrawn no longer counts toward s.107's
limits: its place is given back in the premises' and the user's tallies for every calendar year its event touches,
in the same transaction as the case (notices.py). Its fee follows the type's rule as an application's does; York's
notice has none, so it is kept (docs/decisions/licensing.md)."""
from ... import validation
from ...errors import Conflict
from ...stamps import london_today, stamp
from . import catalogue, wording
from .refund_rule import refund_due, rule_words

WITHDRAWABLE = ("received", "hearing")
WHY_MAX = 2000


def withdraw(deps, case_id, body):
    """POST .../withdraw by the applicant: the case withdrawn (once; again, it is answered as it is)."""
    from .applying import own_case
    from .desk import save_change
    from .views import applicant_view
    body = body if isinstance(body, dict) else {}
    problems = validation.Problems()
    why = validation.text(body.get("why"), "why", problems, max_len=WHY_MAX)
    problems.raise_if_any()
    for _ in range(3):
        case = own_case(deps, case_id)
        if case.state == "withdrawn":
            return applicant_view(deps, case)
        if case.kind == "notice":
            from .notices import withdraw_notice
            return withdraw_notice(deps, case, why)
        if case.state not in WITHDRAWABLE:
            raise Conflict(wording.NOT_WITHDRAWABLE.format(state=wording.state_words(case.state)), code="not_withdrawable")
        licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
        today = london_today(deps.clock())
        refund = refund_due(licence_type, case, today, deps.calendar) if case.fee else "none"
        case.state = "withdrawn"
        case.decision = {**(case.decision or {}), "outcome": "withdrawn", "why": why, "by": deps.principal.user_id,
                         "at": stamp(deps.clock()), "refund": refund,
                         "rule": rule_words(licence_type, case, deps.calendar)}
        try:
            save_change(deps, case, case.seq, "licence_withdrawn", refund=refund)
        except Conflict:
            continue  # the desk changed it meanwhile: read it again and decide again
        return applicant_view(deps, case)
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")


def on_withdrawn(deps, event, key):
    settle(deps, (event.payload or {}).get("case_id"))


def settle(deps, case_id):
    """The fee refunded when the rule says so, then the applicant and each person who made a representation told
    (once each). Returns how many were told."""
    from ...notify.email import queue_email
    from ..payments.core import pounds
    from ..payments.in_full import refund_in_full
    case = deps.licensing.get(case_id)
    if case is None or case.state != "withdrawn":
        return 0
    decision = case.decision or {}
    if decision.get("refund") == "full" and case.payment_id:
        refund_in_full(deps, case.payment_id, by=f"licence {case.id} withdrawn")
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    words = {"type": licence_type["name"], "premises": case.premises.get("name") or case.premises.get("address"),
             "reference": case.id, "amount": pounds(case.fee or 0), "rule": decision.get("rule") or ""}
    subject, now, told = wording.WITHDRAWN_SUBJECT.format(**words), deps.clock(), 0
    if case.applicant.get("email"):
        body = wording.WITHDRAWN_APPLICANT[decision.get("refund", "none")].format(**words)
        told += queue_email(case.applicant["email"], subject, body, now, f"licence-withdrawn:{case.id}:applicant") \
            is not None
    for rep in deps.licensing.representations(case.id):
        email = (rep.contact or {}).get("email")
        if email:
            told += queue_email(email, subject, wording.WITHDRAWN_OBJECTOR.format(**words), now,
                                f"licence-withdrawn:{case.id}:{rep.id}") is not None
    return told
