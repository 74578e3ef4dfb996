"""Civica's landlord calls: the Revenues port's second kind of party
(../landlord_port.py). No public Civica schema for landlords exists
(Stockport's adapter reads only the claimant's side), so these `docid`s and
elements are this project's own, written down in LANDLORDS.md beside this
module for a council's real integration to replace. Only this module and
doorstep_cli/local/civica_landlords.py know these names."""
from . import answers as xml
from .requests import civica_date
from ..landlord_port import LandlordForChecks, Overpayment, PaidClaim, PaymentLine, PaymentRun, dispute_by
from ..port import BackOfficeError

RECEIVED = {"Change Received", "Change Already Received"}


def check(civica, creditor_ref, claim_ref=""):
    """crmlogin and llcheck: two calls whether or not the creditor exists; any
    answer that is not a usable one is "no such landlord"."""
    sid = civica.login()
    try:
        node = xml.expect(civica.answer([("sessionId", sid), ("docid", "llcheck"), ("credref", creditor_ref),
                                         ("claimref", claim_ref)]), "LandlordDetails")
    except BackOfficeError as e:
        if e.kind == "unreachable":
            raise
        return None
    if xml.error_code(node)[0] not in (None, "0") or not xml.text(node, "CreditorRef"):
        return None
    claim = node.find("Claim")
    surname = xml.text(claim, "Surname") if claim is not None and xml.text(claim, "ClaimRef") == claim_ref else ""
    return LandlordForChecks(creditor_ref=xml.text(node, "CreditorRef"), name=xml.text(node, "Name"),
                             bank_last4=xml.text(node, "BankLast4"), tenant_surname=surname)


class CivicaLandlordSession:
    """One Civica session with a creditor on it (`cocrmcred`), as a person's has `cocrmper`."""

    def __init__(self, civica, creditor_ref):
        self.civica, self.creditor_ref, self.sid = civica, creditor_ref, None

    def __enter__(self):
        self.sid = self.civica.login()
        node = xml.expect(self._call("cocrmcred", ("credref", self.creditor_ref)), "SetCreditor")
        code, description = xml.error_code(node)
        if description != "Creditor Reference Set":
            raise BackOfficeError("refused", description or "creditor not set", code)
        return self

    def __exit__(self, *exc):
        self.sid = None

    def _call(self, docid, *params, form=None):
        return self.civica.answer([("sessionId", self.sid), ("docid", docid), *params], form)

    def runs(self):
        root = xml.expect(self._call("llruns"), "PaymentRuns")
        return [_run(node, ()) for node in root.findall("Run")]

    def run(self, run_ref):
        node = xml.expect(self._call("llrun", ("runref", run_ref)), "PaymentRun")
        code, description = xml.error_code(node)
        if code not in (None, "0"):  # another creditor's run, or none: answered in the run's own element
            raise BackOfficeError("refused", description, code)
        return _run(node, tuple(_line(line) for line in node.findall("Line")))

    def claims(self):
        root = xml.expect(self._call("llclaims"), "LandlordClaims")
        return [_claim(node) for node in root.findall("Claim")]

    def report_change(self, claim_ref, change, details, key):
        form = {"claimref": claim_ref, "change": change, "chgdate": civica_date(details["date"]),
                "fwdaddr": details.get("forwarding_address") or "", "reqkey": key}
        node = xml.expect(self._call("llchange", form=form), "LandlordChange")
        code, description = xml.error_code(node)
        reference = xml.text(node, "ChangeReference")
        if description not in RECEIVED or not reference:
            raise BackOfficeError("refused", description or "change not received", code)
        return reference


def _run(node, lines):
    count = len(lines) if lines else int(xml.text(node, "Lines", "0") or 0)
    return PaymentRun(run_ref=xml.text(node, "RunRef"), paid_on=xml.day(xml.text(node, "PayDate")),
                      total=xml.pence(xml.text(node, "Total")), line_count=count, lines=lines)


def _line(node):
    return PaymentLine(claim_ref=xml.text(node, "ClaimRef"), tenant=xml.text(node, "Tenant"),
                       address=xml.text(node, "Address"), postcode=xml.text(node, "Postcode"),
                       period_start=xml.day(xml.text(node, "From")), period_end=xml.day(xml.text(node, "To")),
                       amount=xml.pence(xml.text(node, "Amount")), recovered=xml.pence(xml.text(node, "Recovered")))


def _claim(node):
    overpayments = []
    for over in node.findall("Overpayment"):
        recovered_on = xml.day(xml.text(over, "Recovered"))
        overpayments.append(Overpayment(amount=xml.pence(xml.text(over, "Amount")), recovered_on=recovered_on,
                                        dispute_by=dispute_by(recovered_on)))
    status = xml.text(node, "Status").lower()
    next_amount = xml.text(node, "NextAmount")
    return PaidClaim(claim_ref=xml.text(node, "ClaimRef"), tenant=xml.text(node, "Tenant"),
                     address=xml.text(node, "Address"), postcode=xml.text(node, "Postcode"),
                     status="suspended" if status == "suspended" else "live",
                     suspended_reason=xml.text(node, "Reason") if status == "suspended" else "",
                     weekly=xml.pence(xml.text(node, "Weekly")), next_payment_date=xml.day(xml.text(node, "NextDate")),
                     next_payment_amount=xml.pence(next_amount) if next_amount else None,
                     overpayments=tuple(overpayments))
