"""What each reader sees of a case: its applicant, the public register, the
officer's desk. Built from the case and the officer's shared words of each
representation only: an objector's name, e-mail and address are in none but
the desk's."""
from ...stamps import stamp
from . import catalogue, wording


def clocks_view(case, desk=False):
    """Each clock with its name in words, its last day, the rule and source, and whether it was checked: the
    desk is told a period not checked against the legislation; an applicant or neighbour, that the team
    will confirm its date (what they can do about it)."""
    unchecked = wording.NOT_CHECKED if desk else wording.CONFIRMED_IF_ASKED
    return [{"name": c["name"], "label": wording.CLOCK_NAMES.get(c["name"], c["name"]), "last_day": c["last_day"],
             "rule": c["words"], "source": c["source"],
             "note": " ".join(w for w, on in ((wording.IF_REPRESENTATIONS, c.get("conditional")),
                                              (unchecked, not c.get("checked"))) if on) or None}
            for c in case.clocks or []]


def _common(case, desk=False):
    return {"id": case.id, "type": case.type_id, "kind": case.kind, "state": case.state,
            "premises": {k: v for k, v in (case.premises or {}).items() if k in ("name", "address")},
            "received_at": stamp(case.received_at), "clocks": clocks_view(case, desk), "law": case.law or None,
            "event": {k: v for k, v in (case.event or {}).items() if k != "days"} or None,
            "conditions": case.conditions or [], "decision": _decision(case), "licence": case.licence,
            "renews": case.renews, "purpose": purpose_of(case), "varies": case.varies, "changes": case.changes or [],
            "requests": [{k: r.get(k) for k in ("id", "words", "document", "reply_by", "asked_at", "answer")}
                         for r in case.requests or []]}


def _decision(case):
    """The decision as the applicant and a consultee read it: who made it is the desk's and its audit's."""
    return {k: v for k, v in case.decision.items() if k != "by"} if case.decision else case.decision


def purpose_of(case):
    return case.purpose or ("renewal" if case.renews else "new")


def applicant_view(deps, case, payment=None, representations=None):
    out = {**_common(case), "fee": case.fee, "band": case.band, "refused": case.refused,
           "payment_status": case.payment_status,
           "documents": catalogue.documents_listed(catalogue.find(catalogue.of_council(deps), case.type_id), case),
           "representations": [shared(r) for r in representations or () if r.state == "relevant"],
           "annual_fee": fee_view(case)}
    if payment is not None:
        out["payment"] = {"id": payment.id, "status": payment.status, "amount": payment.amount,
                          "next_url": None if payment.finished else payment.next_url}
    return out


def fee_view(case):
    """A licence's annual fees as its holder reads them: the days paid, a notice of suspension, a fee owed."""
    fee = case.annual_fee or {}
    if not fee:
        return None
    return {"paid": sorted(fee.get("paid") or {}), "notice": fee.get("notice"), "owed": fee.get("owed"),
            "paying": (fee.get("paying") or {}).get("due"),
            "grace": {due: g["until"] for due, g in (fee.get("grace") or {}).items()}}


def shared(representation):
    """A representation as the applicant and a hearing's papers read it: the officer's words, its stance."""
    return {"id": representation.id, "stance": representation.stance, "objectives": representation.objectives or [],
            "made_at": stamp(representation.made_at), "words": representation.shared or ""}


def register_row(case, licence_type):
    """A case on the public register: only its type's register fields, never a person's contact details."""
    allowed = set((licence_type or {}).get("register") or ())
    whole = {"premises.name": (case.premises or {}).get("name"), "premises.address": (case.premises or {}).get("address"),
             "type": case.type_id, "state": case.state, "licence.number": (case.licence or {}).get("number"),
             "licence.from": (case.licence or {}).get("from"), "licence.to": (case.licence or {}).get("to"),
             "conditions": case.conditions or [], "event.first_day": (case.event or {}).get("first_day"),
             "event.last_day": (case.event or {}).get("last_day"), "received_at": stamp(case.received_at),
             "representations_until": next((c["last_day"] for c in case.clocks or []
                                            if c["name"] == "representations"), None),
             "decision.outcome": (case.decision or {}).get("outcome"), "decision.at": (case.decision or {}).get("at")}
    assert allowed <= set(catalogue.REGISTER_FIELDS)
    # A licence suspended or revoked is the public's to know (s.8's register): its state beside the case's.
    return {"id": case.id, "purpose": purpose_of(case), "licence_state": (case.licence or {}).get("state"),
            **{k: v for k, v in whole.items() if k in allowed or k in ("type", "state")}}


def desk_view(case, representations, licence_type=None, nr3s=()):
    """The officer's: everything, each representation with who made it (for the hearing's notice), each
    document asked for with the one sent (opened through its own audited link: documents.py), the checks
    recorded with a DBS certificate's number (this audited read only) and the outgoing NR3S entries."""
    return {**_common(case, desk=True), "decision": case.decision, "version": case.seq, "applicant": case.applicant,
            "fee": case.fee, "band": case.band,
            "documents": catalogue.documents_listed(licence_type, case),
            "payment_id": case.payment_id, "consultees": case.consultees, "refused": case.refused,
            "checks": case.checks or [], "check_due": case.check_due,
            "checks_asked": [c["id"] for c in (licence_type or {}).get("checks") or []],
            "nr3s": [{k: e.get(k) for k in ("decision", "decided_on", "effective_on", "licence", "state")}
                     for e in nr3s],
            "representations": [{**shared(r), "grounds": r.grounds, "contact": r.contact, "state": r.state,
                                 "why": r.why} for r in representations]}


def withheld_view(case):
    """A change's answer to an officer who gave no reason: nothing of a person (the data map holds the applicant,
    premises, event, conditions and decision personal), only what the desk needs to read the case again."""
    return {"id": case.id, "type": case.type_id, "kind": case.kind, "state": case.state, "purpose": purpose_of(case),
            "received_at": stamp(case.received_at), "clocks": clocks_view(case, desk=True), "version": case.seq,
            "personal_withheld": True}
