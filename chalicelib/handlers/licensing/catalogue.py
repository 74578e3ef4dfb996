"""A council's licence types as data, checked against the law of its
jurisdiction (law.py) before they are stored, and the questions asked of
them: which types an activity needs, a type's fee for a band.

A type (licence_types.json in a council's folder; York's is the demo's own):
  id, name, regime          the regime must be one the council's jurisdiction has
  purposes                  new, variation, minor_variation, renewal (default: new); a purpose the law's data
                            gives its own procedure (a minor variation) only where the regime has it
  purpose_fees              {purpose: {amount, source}}: a purpose's own flat fee (a minor variation's £89)
  checks                    [{id, before_decision, within_months, every_months}]: the checks of the person the
                            regime's law names (a taxi driver's DBS, NR3S), which are needed before a decision
                            (and how recent), and how often during the licence (checks.py)
  form                      the forms engine's form holding its questions and files
  fee                       {amount} or {by_band: {band: pence}}, with its source; `set_by` council or law
  documents                 [{id, name, required}]: sent as files (documents.py); `required` ones before the fee
  consultees                [{id, name, until: a clock's name | working_days: n, email}]: `email`, where the
                            consultee is asked by e-mail and answers through its link (consulting.py)
  term_months               up to the regime's maximum (null: no end, as a premises licence)
  renewal_reminders         days before the licence ends that its holder is reminded (renewing.py)
  annual_fee                a licence with no end that pays a fee each year (a premises licence): {amount} or
                            {by_band}, due as the regime's `annual_fee.due` says (the anniversary of grant)
  annual_fee_reminders      days before each annual fee's day that its holder is reminded
  register                  the public register's fields, from REGISTER_FIELDS only
  activities                what it licenses, from ACTIVITIES: what `needs` answers by
  public_notice             neighbours told and representations taken (default false)
  refund_on_withdrawal      "none" (default), "full", or {"full_within_working_days": n} (withdrawing.py)
"""
import re

from . import law

ACTIVITIES = ("sell_alcohol", "regulated_entertainment", "late_night_food", "one_off_event", "taxi_driving",
              "taxi_vehicle", "private_hire_operating", "street_trading", "short_term_let")
# What the register may show: the premises, the licence and its conditions; never a person's contact details.
REGISTER_FIELDS = ("premises.name", "premises.address", "type", "state", "licence.number", "licence.from",
                   "licence.to", "conditions", "event.first_day", "event.last_day", "received_at",
                   "representations_until", "decision.outcome", "decision.at")
PURPOSES = ("new", "variation", "minor_variation", "renewal")
TYPE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
PENCE_MAX = 10_000_000
KEYS = {"id", "name", "regime", "purposes", "form", "fee", "documents", "consultees", "term_months",
        "renewal_reminders", "register", "activities", "public_notice", "annual_fee", "annual_fee_reminders", "about",
        "refund_on_withdrawal", "purpose_fees", "checks"}


def needs(types, activity):
    """The licence types (dicts, in the council's order) that `activity` needs: what "starting a
    business" asks. [] when none of the council's does (a county: its routes say who does)."""
    return [t for t in types if activity in (t.get("activities") or ())]


def of_council(deps):
    """The council's licence types (one read)."""
    return deps.licensing.types()[0]


def find(types, type_id):
    return next((t for t in types if t["id"] == type_id), None)


def fee_for(licence_type, band=None, purpose=None):
    """The fee in pence for `band` (a type banded by the law), or its one amount, or the purpose's own (a minor
    variation's flat fee); None: no such band."""
    fee = (licence_type.get("purpose_fees") or {}).get(purpose) or licence_type.get("fee") or {}
    if "by_band" in fee:
        return fee["by_band"].get(band)
    return fee.get("amount", 0)


def problems(types, jurisdiction, today):
    """[(where, reason)] with everything wrong in a council's licence types, at once."""
    if not isinstance(types, list):
        return [("", "must be a list of licence types")]
    found, seen = [], set()
    available = law.regimes(jurisdiction)
    for n, t in enumerate(types, 1):
        where = f"type {n}"
        if not isinstance(t, dict):
            found.append((where, "is not an object"))
            continue
        where = f"type {t.get('id') or n}"
        found += [(where, reason) for reason in _type_problems(t, available, jurisdiction, today, seen)]
    return found


def _type_problems(t, available, jurisdiction, today, seen):
    out = []
    if set(t) - KEYS:
        out.append(f"unknown keys: {', '.join(sorted(set(t) - KEYS))}")
    if not isinstance(t.get("id"), str) or not TYPE_ID.match(t["id"]):
        out.append("id must be lower-case letters, digits or - (at most 48)")
    elif t["id"] in seen:
        out.append(f"id {t['id']!r} repeats an earlier one")
    else:
        seen.add(t["id"])
    if not isinstance(t.get("name"), str) or not t["name"].strip():
        out.append("name is missing")
    if t.get("regime") not in available:
        return out + [f"regime {t.get('regime')!r} is not one of {jurisdiction}'s: {', '.join(sorted(available))}"]
    version = law.version(jurisdiction, t["regime"], today)
    if version is None:
        return out + [f"regime {t['regime']} is not yet law on {today.isoformat()}"]
    out += _fee_problems(t.get("fee"), version, "fee")
    if t.get("annual_fee") is not None:
        out += _fee_problems(t["annual_fee"], version, "annual_fee")
    if not set(t.get("purposes") or ["new"]) <= set(PURPOSES):
        out.append(f"purposes must be some of {', '.join(PURPOSES)}")
    own = version.get("purposes") or {}
    if "minor_variation" in (t.get("purposes") or ()) and "minor_variation" not in own:
        out.append(f"purposes: the law of {jurisdiction} gives {t['regime']} no minor variation")
    for purpose, fee in (t.get("purpose_fees") or {}).items():
        if purpose not in (t.get("purposes") or ()) or (fee or {}).get("by_band") is not None:
            out.append(f"purpose_fees: {purpose} is one of the type's purposes, with one amount")
        else:
            out += _fee_problems(fee, version, f"purpose_fees.{purpose}")
    out += _checks_problems(t.get("checks"), version)
    if not isinstance(t.get("form"), str) or not t["form"]:
        out.append("form must name the form holding the type's questions")
    term, most = t.get("term_months"), version.get("term_max_months")
    if term is not None and (not isinstance(term, int) or term < 1 or (most is not None and term > most)):
        out.append(f"term_months must be whole months from 1 to {most} ({version['source']})" if most
                   else "term_months must be whole months")
    if term is None and most is not None:
        out.append(f"term_months is required: the law sets at most {most} ({version['source']})")
    for name, ends in (("renewal_reminders", "the licence ends"), ("annual_fee_reminders", "each annual fee is due")):
        reminders = t.get(name) or []
        if not isinstance(reminders, list) or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 365
                                                      for d in reminders):
            out.append(f"{name} are days before {ends}, 1 to 365")
    if t.get("renewal_reminders") and term is None:
        out.append("renewal_reminders need a term: a licence with no end is not renewed")
    if t.get("annual_fee_reminders") and not (t.get("annual_fee") and (version.get("annual_fee") or {}).get("due")):
        out.append("annual_fee_reminders need an annual_fee, and a regime whose law sets the day it is due")
    if not set(t.get("register") or []) <= set(REGISTER_FIELDS):
        out.append(f"register fields must be some of {', '.join(REGISTER_FIELDS)}")
    if not t.get("activities") or not set(t["activities"]) <= set(ACTIVITIES):
        out.append(f"activities must be some of {', '.join(ACTIVITIES)}")
    clocks = set(version.get("clocks") or {})
    for c in t.get("consultees") or []:
        if not isinstance(c, dict) or not c.get("id") or not c.get("name"):
            out.append("each consultee needs an id and a name")
        elif c.get("until") is not None and c["until"] not in clocks:
            out.append(f"consultee {c['id']}: until must name one of the regime's clocks ({', '.join(sorted(clocks))})")
        elif c.get("until") is None and not (isinstance(c.get("working_days"), int) and 1 <= c["working_days"] <= 90):
            out.append(f"consultee {c['id']}: answers until a clock (until) or within working_days (1 to 90)")
        elif c.get("email") is not None and not _is_email(c["email"]):
            out.append(f"consultee {c['id']}: email must be one email address")
    refund = t.get("refund_on_withdrawal", "none")
    if refund not in ("none", "full") and not (
            isinstance(refund, dict) and set(refund) == {"full_within_working_days"}
            and isinstance(refund["full_within_working_days"], int) and 1 <= refund["full_within_working_days"] <= 60):
        out.append('refund_on_withdrawal is "none", "full" or {"full_within_working_days": 1 to 60}')
    for d in t.get("documents") or []:
        if not isinstance(d, dict) or not d.get("id") or not d.get("name"):
            out.append("each document needs an id and a name")
        elif not isinstance(d.get("required", False), bool):
            out.append(f"document {d['id']}: required is true or false")
    return out


def _checks_problems(checks, version):
    """[reason] with a type's `checks` against its regime's law: only the checks the law names; every check the
    law asks for before a grant asked for before the decision; none less often than the law's most."""
    named = version.get("checks") or {}
    if checks is None:
        checks = [] if any(rule.get("before_grant") for rule in named.values()) else None
    if checks is None:
        return []
    if not isinstance(checks, list) or not all(isinstance(c, dict) and c.get("id") in named for c in checks):
        return [f"checks: a list of the regime's checks ({', '.join(named) or 'it names none'})"]
    out, by_id = [], {c["id"]: c for c in checks}
    for name, rule in named.items():
        if rule.get("before_grant") and not (by_id.get(name) or {}).get("before_decision"):
            out.append(f"checks: {name} is needed before a decision ({rule['source']})")
        most, every = rule.get("every_months_max"), (by_id.get(name) or {}).get("every_months")
        if most and name in by_id and not (isinstance(every, int) and 1 <= every <= most):
            out.append(f"checks: {name} every_months from 1 to {most} ({rule['source']})")
    for c in checks:
        within = c.get("within_months")
        if within is not None and not (isinstance(within, int) and 1 <= within <= 36):
            out.append(f"checks: {c['id']} within_months from 1 to 36")
    return out


def _fee_problems(fee, version, name):
    if not isinstance(fee, dict) or not fee.get("source"):
        return [f"{name} must be an object with its source"]
    if "by_band" in fee:
        bands = version.get("fee_bands") or {}
        amounts = fee["by_band"]
        if not bands:
            return [f"{name}: the law does not band this regime's fee: give one amount"]
        if not isinstance(amounts, dict) or set(amounts) != set(bands):
            return [f"{name}: by_band gives every band the law names: {', '.join(bands)}"]
        return [] if all(_pence(a) for a in amounts.values()) else [f"{name}: amounts are whole pence"]
    return [] if _pence(fee.get("amount")) else [f"{name}: amount is whole pence (0 for none)"]


def _pence(value):
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= PENCE_MAX


def _is_email(value):
    from ...validation import EMAIL
    return isinstance(value, str) and len(value) <= 254 and bool(EMAIL.match(value))


def documents_missing(licence_type, case):
    """The names of the type's required documents the case does not have (documents.py keeps them)."""
    return [d["name"] for d in (licence_type or {}).get("documents") or []
            if d.get("required") and d["id"] not in (case.documents or {})]


def documents_listed(licence_type, case):
    """Each document the type asks for, with the one sent (never where it is stored)."""
    sent = case.documents or {}
    return [{"id": d["id"], "name": d["name"], "required": bool(d.get("required")),
             "sent": {k: sent[d["id"]].get(k) for k in ("upload_id", "name", "content_type", "size", "at")}
             if d["id"] in sent else None}
            for d in (licence_type or {}).get("documents") or []]
