"""Licensing's reads: the council's types, an applicant's own cases, the
public register (a page of the sparse register index, and the same as CSV
open data), and the desk's list and case."""
import json

from ... import validation
from ...errors import NotFound
from ...stamps import london_today
from . import catalogue, law, wording
from .applying import own_case
from .clocks import last_day_of
from .checks import due_row
from .answers import in_words_of
from .views import applicant_view, clocks_view, desk_view, register_row, withheld_view

PAGE = 50
CSV_MAX = 10_000
AT_RISK_DAYS = 5


def types_view(deps, params):
    types = catalogue.of_council(deps)
    activity = params.get("activity")
    if activity is not None and activity not in catalogue.ACTIVITIES:
        raise validation.broken_rules([("activity", wording.ACTIVITY_UNKNOWN.format(
            known=", ".join(catalogue.ACTIVITIES)))])
    if activity is not None:
        types = catalogue.needs(types, activity)
    today = london_today(deps.clock())
    out = []
    for t in types:
        version = law.version(deps.council.jurisdiction, t["regime"], today) or {}
        out.append({**{k: t.get(k) for k in ("id", "name", "regime", "purposes", "fee", "annual_fee", "documents",
                                             "term_months", "renewal_reminders", "activities", "public_notice", "form",
                                             "refund_on_withdrawal")},
                    "law": {"source": version.get("source"), "missed": version.get("missed"),
                            "missed_words": version.get("missed_words"), "checked": version.get("checked"),
                            "clocks": [{"name": n, "words": c["words"], "source": c["source"], "checked": c["checked"]}
                                       for n, c in (version.get("clocks") or {}).items()],
                            "fee_bands": version.get("fee_bands")},
                    "changes": _changes_offered(version, t)})
    return {"council": deps.council.id, "types": out}


def _changes_offered(version, licence_type):
    """The kinds of change a purpose of the type may make (a minor variation's, s.41A), each in words, by purpose."""
    purposes = version.get("purposes") or {}
    return {p: [{"id": c, "label": wording.MINOR_CHANGES[c]} for c in purposes[p].get("changes") or ()]
            for p in licence_type.get("purposes") or () if p in purposes} or None


def mine(deps, case_id):
    """One of the caller's cases; a case paying is checked with the provider first (its return may be lost)."""
    case = own_case(deps, case_id)
    payment = None
    if case.state == "paying" and case.payment_id:
        from ..payments import core as payments
        from ..payments.provider import ProviderError
        payment = deps.payments.get(case.payment_id)
        try:
            if payment is not None:
                payment = payments.check(deps, payment)
                if payment.finished and payment.settled_status != payment.status:
                    payments.settle(deps, payment)
        except ProviderError:
            pass  # the job checks it again
        case = deps.licensing.get(case.id)
    return {**applicant_view(deps, case, payment, deps.licensing.representations(case.id)),
            "answers": in_words_of(deps, case, public_only=False)}


def all_mine(deps):
    return {"cases": [applicant_view(deps, c) for c in deps.licensing.of_user(deps.principal.user_id)]}


def register_view(deps, params):
    types = {t["id"]: t for t in catalogue.of_council(deps)}
    prefix = _prefix(params, types)
    words = (params.get("q") or "").strip().lower()
    rows, cursor = deps.licensing.register_page(prefix, PAGE, _cursor(params.get("cursor")))
    found = [{**register_row(c, types.get(c.type_id)), "type_name": _type_name(types, c.type_id)}
             for c in rows if _matches(c, words)]
    return {"cases": found, "next": json.dumps(cursor, separators=(",", ":")) if cursor else None}


def _type_name(types, type_id):
    return (types.get(type_id) or {}).get("name", type_id)


def register_one(deps, case_id):
    """A case the register lists, with its representation window (open while its last day has not passed)."""
    from .ids import is_case
    from .representations import window
    case = deps.licensing.get(case_id) if is_case(case_id) else None
    if case is None or case.state in ("draft", "paying", "refused") and not case.decision:
        raise NotFound(wording.NO_SUCH_CASE.format(reference=case_id), code="licence_case_not_found")
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id)
    last = window(case)
    today = london_today(deps.clock())
    return {**register_row(case, licence_type), "type_name": _type_name({case.type_id: licence_type}, case.type_id),
            "representations": {"open": bool(last and today <= last), "last_day": last.isoformat() if last else None},
            "answers": in_words_of(deps, case, public_only=True)}


def _prefix(params, types):
    kind, state = params.get("type"), params.get("state")
    if kind is not None and kind not in types:
        raise validation.broken_rules([("type", wording.TYPE_UNKNOWN)])
    if state is not None and (kind is None or not state.replace("_", "").isalpha()):
        raise validation.broken_rules([("state", wording.STATE_NEEDS_TYPE)])
    return f"{kind}#{state}#" if state else (f"{kind}#" if kind else "")


def _cursor(value):
    if not value:
        return None
    try:
        found = json.loads(value)
    except ValueError:
        found = None
    if not isinstance(found, dict) or not all(isinstance(v, dict) for v in found.values()):
        raise validation.broken_rules([("cursor", wording.CURSOR_INVALID)])
    return found


def _matches(case, words):
    if not words:
        return True
    premises = case.premises or {}
    return words in f"{premises.get('name', '')} {premises.get('address', '')}".lower()


def register_csv_text(deps):
    """Every case on the register, a page of the index at a time, as CSV: the public fields only."""
    from ..shared.csv_pages import paged
    types = {t["id"]: t for t in catalogue.of_council(deps)}
    columns = ["id", *catalogue.REGISTER_FIELDS]

    def row_of(case):
        row = register_row(case, types.get(case.type_id))
        return [_cell(row.get(c)) for c in columns]
    return paged(columns, lambda cursor: deps.licensing.register_page("", 200, cursor), row_of, CSV_MAX)


def _cell(value):
    from ..shared.csv_pages import safe
    if value is None:
        return ""
    return safe("; ".join(value) if isinstance(value, list) else str(value))


def desk_list(deps, params):
    types = {t["id"]: t for t in catalogue.of_council(deps)}
    prefix = _prefix({"type": params.get("type")}, types) if params.get("type") else ""
    today = london_today(deps.clock())
    rows, _ = deps.licensing.register_page(prefix, 200, None)
    out = []
    for case in rows:
        upcoming = sorted((c for c in clocks_view(case, desk=True) if c["last_day"] >= today.isoformat()),
                          key=lambda c: c["last_day"])
        nxt = upcoming[0] if upcoming else None
        out.append({"id": case.id, "type": case.type_id, "type_name": _type_name(types, case.type_id),
                    "state": case.state, "premises": _public(case, types),
                    "representations": case.representations, "next_clock": nxt,
                    "at_risk": bool(nxt and _working_days(deps, today, nxt["last_day"]) <= AT_RISK_DAYS),
                    "late": _late(case, today), "check_due": case.check_due and due_row(case, today)})
    out.sort(key=lambda c: (c["next_clock"] or {}).get("last_day") or "9999")
    return {"cases": out}


def _public(case, types):
    """The premises as the register shows them, no more: a list read without a reason holds no person's data (a
    cab driver's premises are their home, which their type's register leaves out)."""
    shown = set((types.get(case.type_id) or {}).get("register") or ())
    return {k: v for k, v in (case.premises or {}).items() if f"premises.{k}" in shown}


def _working_days(deps, today, iso):
    from datetime import date
    return deps.calendar.working_days_between(today, date.fromisoformat(iso))


def _late(case, today):
    """The decision clock passed with the case undecided."""
    due = last_day_of(case.clocks, "decision")
    return bool(due and today > due and case.state in ("received", "hearing"))


def said_why(deps, required=True):
    """Whether the officer said why (Access-Reason): checked before the case is read or changed, so a bad
    reason is a 400 naming the header with nothing read or changed. The case's GET needs one; a change's
    answer without one withholds the case's personal parts."""
    from ..shared.reading import reason
    if required or deps.reason is not None:
        reason(deps)
        return True
    return False


def desk_one(deps, case_id, said=True):
    """(the case as the desk reads it, its version). Said why: everything, the reading audited under the case
    before the answer leaves, numbered by the clock (its changes are versions and events, not audit lines, and
    a licence is read for years: no 999 readings a version), the version read named in the line. Not said (a
    change's answer): the case's state, clocks and version only (views.withheld_view)."""
    from ..shared.reading import audited
    from .desk import case_or_404
    case = case_or_404(deps, case_id)
    if not said:
        return withheld_view(case), case.seq
    audited(deps, case.id, wording.READ_CASE.format(version=case.seq))
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id)
    return {**desk_view(case, deps.licensing.representations(case.id), licence_type, deps.licensing.nr3s(case.id)),
            "personal_withheld": False, "answers": in_words_of(deps, case, public_only=False),
            "type_name": _type_name({case.type_id: licence_type}, case.type_id)}, case.seq
