"""The local back office's landlord calls (the `docid`s are this project's
own, in Civica's style: chalicelib/handlers/revenues/civica/LANDLORDS.md).

`cocrmcred` puts a landlord (creditor reference) on the session as
`cocrmper` puts a person; `llruns`, `llrun`, `llclaims` and `llchange` then
answer for that landlord's claims only. `llcheck` (a service session's)
answers what registering compares. A reported change is kept once per
request key (a resend answers the same reference)."""
from __future__ import annotations

from datetime import datetime, timedelta
from xml.etree.ElementTree import Element

from doorstep_cli.local import civica_landlord_data as data
from doorstep_cli.local.civica_answers import _add, civica_day, error, pounds, xml

ON_SESSION = ("llruns", "llrun", "llclaims", "llchange")
DOCIDS = ("cocrmcred", "llcheck", *ON_SESSION)
CHANGES = ("tenant_left", "tenant_away", "new_occupiers")


class LandlordCalls:
    def __init__(self):
        self.changes = {}  # request key -> {"reference", "creditor", "claim", "form"}

    def handles(self, docid):
        return docid in DOCIDS

    def state(self):
        return self.changes

    def restore(self, state):
        self.changes = dict(state or {})

    def answer(self, docid, session, params, form, today):
        """Called under the office's lock (a change is kept once)."""
        if docid == "cocrmcred":
            if params.get("credref") not in data.LANDLORDS:
                return error("Creditor Not Found", "1", root="SetCreditor")
            session.update(landlord=params["credref"], person=None, current=None)
            return _set("Creditor Reference Set")
        if docid == "llcheck":
            return details(params.get("credref", ""), params.get("claimref", ""))
        creditor = session.get("landlord")
        if creditor is None:
            return error("No Creditor Set On Session", "3")
        if docid == "llruns":
            return runs(creditor, today)
        if docid == "llrun":
            return run(creditor, params.get("runref", ""), today)
        if docid == "llclaims":
            return claims(creditor, today)
        return self.take(creditor, form or {}, today)

    def take(self, creditor, form, today):
        key, claim_ref = form.get("reqkey", ""), form.get("claimref", "")
        if not key:
            return error("Request Key Required", "11", root="LandlordChange")
        if data.claim_of(creditor, claim_ref) is None:
            return error("Claim Not Paid To Creditor", "8", root="LandlordChange")
        earlier = self.changes.get(key)
        if earlier is not None:
            return _receipt(earlier["reference"], "Change Already Received")
        if form.get("change") not in CHANGES:
            return error("Invalid Change Type", "10", root="LandlordChange")
        try:
            when = datetime.strptime(form.get("chgdate", ""), "%d-%b-%Y").date()
        except ValueError:
            return error("Invalid Date", "10", root="LandlordChange")
        if not today - timedelta(days=365) <= when <= today + timedelta(days=183):
            return error("Date Outside Accepted Range", "10", root="LandlordChange")
        reference = f"LC{len(self.changes) + 1:07d}"
        self.changes[key] = {"reference": reference, "creditor": creditor, "claim": claim_ref, "form": dict(form)}
        return _receipt(reference, "Change Received")

    def count(self, claim_ref=None):
        return sum(1 for c in self.changes.values() if claim_ref is None or c["claim"] == claim_ref)


def _set(description):
    node = Element("SetCreditor")
    _add(node, "ErrorCode", "0", Description=description)
    return xml(node)


def _receipt(reference, description):
    node = Element("LandlordChange")
    _add(node, "ErrorCode", "0", Description=description)
    _add(node, "ChangeReference", reference)
    return xml(node)


def details(creditor, claim_ref):
    landlord = data.LANDLORDS.get(creditor)
    if landlord is None:
        return error("Creditor Not Found", "1", root="LandlordDetails")
    node = Element("LandlordDetails")
    _add(node, "CreditorRef", creditor)
    _add(node, "Name", landlord["name"])
    _add(node, "BankLast4", landlord["bank_last4"])
    claim = data.claim_of(creditor, claim_ref) if claim_ref else None
    if claim is not None:
        found = _add(node, "Claim")
        _add(found, "ClaimRef", claim["claim_ref"])
        _add(found, "Surname", claim["tenant"].split()[-1])
    return xml(node)


def runs(creditor, today):
    dates, _ = data.run_dates(today)
    node = Element("PaymentRuns")
    for n, paid_on in enumerate(dates):
        lines = data.lines_of(creditor, paid_on, latest=n == 0)
        run_node = _add(node, "Run")
        _add(run_node, "RunRef", data.run_ref(creditor, paid_on))
        _add(run_node, "PayDate", civica_day(paid_on))
        _add(run_node, "Total", pounds(sum(line["amount"] - line["taken"] for line in lines)))
        _add(run_node, "Lines", len(lines))
    return xml(node)


def run(creditor, run_ref, today):
    dates, _ = data.run_dates(today)
    for n, paid_on in enumerate(dates):
        if data.run_ref(creditor, paid_on) == run_ref:
            lines = data.lines_of(creditor, paid_on, latest=n == 0)
            node = Element("PaymentRun")
            _add(node, "RunRef", run_ref)
            _add(node, "PayDate", civica_day(paid_on))
            _add(node, "Total", pounds(sum(line["amount"] - line["taken"] for line in lines)))
            for line in lines:
                item = _add(node, "Line")
                for tag, value in (("ClaimRef", line["claim_ref"]), ("Tenant", line["tenant"]),
                                   ("Address", line["address"]), ("Postcode", line["postcode"]),
                                   ("From", civica_day(line["from"])), ("To", civica_day(line["to"])),
                                   ("Amount", pounds(line["amount"])), ("Recovered", pounds(line["taken"]))):
                    _add(item, tag, value)
            return xml(node)
    return error("Payment Run Not Found", "8", root="PaymentRun")


def claims(creditor, today):
    dates, next_run = data.run_dates(today)
    node = Element("LandlordClaims")
    for claim in data.claims_of(creditor):
        item = _add(node, "Claim")
        for tag, value in (("ClaimRef", claim["claim_ref"]), ("Tenant", claim["tenant"]),
                           ("Address", claim["address"]), ("Postcode", claim["postcode"]),
                           ("Status", "Suspended" if claim["suspended"] else "Live"),
                           ("Reason", claim["suspended"]), ("Weekly", pounds(claim["weekly"]))):
            _add(item, tag, value)
        if not claim["suspended"]:
            _add(item, "NextDate", civica_day(next_run))
            _add(item, "NextAmount", pounds(claim["weekly"] * 4))
        if claim["recovered"] and dates:
            over = _add(item, "Overpayment")
            _add(over, "Amount", pounds(claim["recovered"]))
            _add(over, "Recovered", civica_day(dates[0]))
    return xml(node)
