"""Civica OpenRevenues' XML answers read into the port's plain values.

Element and attribute names are those Stockport's adapter reads
(smbc-digital/civica-service, src/Services/Models and the shared
StockportGovUK models): Login/Result/ErrorCode, SetPerson, CtaxSelectDoc,
CtaxDetails, IRInstalments, TranList, Documents, CtaxPropDetails,
HBSelectDoc, HBClaimDetails, HBPaymentDetails. Money is decimal pounds in
Civica (instalments and payments negative); the port's is integer pence.
"""
from datetime import datetime
from decimal import Decimal, InvalidOperation

from ..port import (AccountForChecks, BackOfficeError, BenefitClaim, BenefitPayment, Document, Instalment,
                   LiablePerson, Property, Summary, Transaction)

MAX_ANSWER_BYTES = 2_000_000


def parse(raw):
    """The answer's root element. No DTDs at all: Civica sends none, and a
    DOCTYPE is how entity expansion ("billion laughs") and external entities
    get in, so one is refused before the parser sees it."""
    from xml.etree import ElementTree
    data = raw if isinstance(raw, bytes) else raw.encode()
    if len(data) > MAX_ANSWER_BYTES:
        raise BackOfficeError("malformed", "answer too large")
    if b"\x00" in data:  # UTF-16 or worse: the DTD check below reads bytes, so only UTF-8 is taken
        raise BackOfficeError("malformed", "not UTF-8")
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise BackOfficeError("malformed", "a DTD in the answer")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        raise BackOfficeError("malformed", f"not XML ({e})") from None


def error_code(root):
    """(code, description) of the answer's ErrorCode, or (None, None)."""
    node = root.find(".//ErrorCode")
    if node is None:
        return None, None
    return (node.text or "").strip(), node.get("Description", "")


def expect(root, name):
    """The element `name` (the root or below it), else the back office's
    error code as a refusal, else malformed."""
    node = root if root.tag == name else root.find(f".//{name}")
    if node is not None:
        return node
    code, description = error_code(root)
    if code is not None:
        raise BackOfficeError("refused", description, code)
    raise BackOfficeError("malformed", f"no {name} in a {root.tag} answer")


def text(node, path, default=""):
    found = node.find(path) if node is not None else None
    return (found.text or "").strip() if found is not None and found.text else default


def pence(value, negate=False):
    """Civica's decimal pounds ("1,234.50", "-98.00") in integer pence."""
    if value is None or not str(value).strip():
        return 0
    try:
        amount = Decimal(str(value).replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        raise BackOfficeError("malformed", f"not an amount: {value!r}") from None
    result = int((amount * 100).to_integral_value())
    return -result if negate else result


def day(value):
    """Civica's dates (01-Apr-2026, 01/04/2026, 2026-04-01, 20260401) as YYYY-MM-DD."""
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%d-%b-%Y", "%d/%m/%Y", "%Y-%m-%d", "%Y%m%d", "%d %b %Y"):
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    raise BackOfficeError("malformed", f"not a date: {value!r}")


def session_id(root):
    """crmlogin's answer: ErrorCode "5" is success (as Stockport checks)."""
    result = expect(root, "Login")
    code, description = error_code(result)
    sid = text(result, ".//SessionID")
    if code != "5":
        raise BackOfficeError("refused", f"login: {description}", code)
    if not sid:
        raise BackOfficeError("malformed", "no session id")
    return sid


PERSON_SET = ("Person Reference Set", "Person CouncilTaxReference Set")


def person_set(root):
    node = expect(root, "SetPerson")
    code, description = error_code(node)
    if description not in PERSON_SET:
        raise BackOfficeError("refused", description or "person not set", code)


def _phone(node):
    phones = node.findall("PersonalDetails/TelephoneNumber") + node.findall("PersonalDetails/MobileNumber")
    return next((p.text.strip() for p in phones if p.text and p.text.strip()), "")


def _person(node, phone=""):
    name = node.find("PersonName")
    words = [text(name, "PersonTitle"), text(name, "Forenames"), text(name, "Surname")]
    return LiablePerson(person_ref=text(name, "PersonReference"), name_on_bill=" ".join(w for w in words if w),
                        phone=phone or _phone(node))


def liable(details, places=None):
    """The account's liable people: first the one ctxdet names where Stockport
    reads the name on the bill (CtaxDetails/PersonName: the session's person,
    the lead liable person for a session set by ctaxref), with the phone held
    from ctxprop's PersonalDetails; then any other jointly liable person a
    council's ctxdet lists under LiableParties (each links alone)."""
    node = expect(details, "CtaxDetails")
    first = []
    if node.find("PersonName") is not None:
        prop = places if places is None or places.tag == "CtaxPropDetails" else places.find(".//CtaxPropDetails")
        first = [_person(node, _phone(prop) if prop is not None else "")]
    others = [_person(p) for p in node.findall(".//LiableParties/LiableParty")]
    named = {p.person_ref for p in first}
    joint = [p for p in others if p.person_ref not in named]
    if first and not first[0].phone:  # the phone held, where the parties list carries it
        first = [next((p for p in others if p.person_ref == first[0].person_ref), first[0])]
    return tuple(first + joint)


def checks(details, places):
    """Linking's facts from ctxdet (the account, its liable people, bank
    details, online key) and ctxprop (the property's postcode, the phone held)."""
    node = expect(details, "CtaxDetails")
    people = liable(details, places)
    bank = node.find(".//AccountDetails/BankDetails")
    place = properties(places)
    return AccountForChecks(reference=text(node, "CtxActRef"), people=people,
                            online_key=text(node, ".//AccountDetails/OnlineKey"),
                            postcode=place[0].postcode if place else "",
                            dd_account=bank.get("BankActNumber", "") if bank is not None else "")


def summary(root, year):
    node = expect(root, "CtaxDetails")
    group = node.find(".//AccountDetails/ActPayGrp")
    totals = next((t for t in node.findall(".//FinancialDetails/RecYrTotals") if t.get("Year") == str(year)), None)
    nxt = totals.find(".//RecYrSummary/NextPayment") if totals is not None else None
    stage = totals.find(".//RecYrSummary/Stage") if totals is not None else None
    return Summary(
        reference=text(node, "CtxActRef"), balance=pence(text(node, "CtxActBalance")),
        closed=text(node, "CtxActClosed").upper() in ("Y", "YES", "TRUE"),
        payment_method=(group.text or "").strip() if group is not None else "",
        direct_debit=group is not None and (group.get("DirectDebit") or "").lower() == "yes", year=year,
        year_charge=pence(text(totals, "TotalCharge")), year_paid=pence(text(totals, "TotalPayments"), negate=True),
        year_benefits=pence(text(totals, "TotalBenefits"), negate=True),
        year_outstanding=pence(text(totals, "BalanceOutstanding")), arrears=pence(text(totals, "InstArrears")),
        next_due=day(nxt.get("DateDue")) if nxt is not None else None,
        next_amount=pence(nxt.get("AmountDue"), negate=True) if nxt is not None else None,
        stage=stage.get("StageCode") if stage is not None else None,
        discounts=tuple((d.text or "").strip() for d in node.findall(".//Discounts/Discount")))


def instalments(root):
    node = expect(root, "IRInstalments")
    found = [Instalment(due=day(i.get("DateDue")), amount=pence(i.get("AmountDue"), negate=True),
                        direct_debit=(i.get("DDInd") or "").upper() in ("Y", "YES"))
             for i in node.iter("Instalment")]
    if any(i.due is None for i in found):
        raise BackOfficeError("malformed", "an instalment without its date")
    return found


def transactions(root, name="TranList"):
    node = expect(root, name)
    found = []
    for t in node.iter("Transaction"):
        when = t.find("Date")
        numeric = when.get("NumericEquiv") if when is not None else None
        found.append(Transaction(date=day(numeric or (when.text if when is not None else "")),
                                 amount=pence(text(t, "Amount")), kind=t.get("TranType", ""),
                                 method=text(t, "SubCode"), reference=text(t, "PayRef"),
                                 charge_type=text(t, "ChargeType")))
    return found


def documents(root):
    node = expect(root, "Documents")
    return [Document(id=d.get("id", ""), name=text(d, "DocumentName"), kind=d.get("type", ""),
                     created=day(d.get("datecreated")) or "", account_ref=text(d, "Ref1"), module=text(d, "Module"))
            for d in node.iter("Document")]


def properties(root):
    node = expect(root, "CtaxPropDetails")
    found = []
    for p in node.iter("Places"):
        band = p.find("Band")
        lines = [text(p, f"Address{i}") for i in range(1, 6)]
        found.append(Property(place_ref=text(p, "PlaceRef"), address=", ".join(x for x in lines if x),
                              postcode=text(p, "PostCode"), status=text(p, "PropertyStatus"),
                              band=(band.text or "").strip() or None if band is not None else None))
    return found


def claims(root):
    node = expect(root, "HBSelectDoc")
    return [BenefitClaim(number=c.get("ClaimNumber", ""), place_ref=c.get("ClaimPlaceRef", ""),
                         status=c.get("ClaimStatus", ""), address=text(c, "HBClaimAddress"))
            for c in node.iter("HBClaimDetails")]


def claim(root):
    node = expect(root, "HBClaimDetails")
    if text(node, "Error"):
        raise BackOfficeError("refused", text(node, "Error"))
    nxt = node.find("NextPayment")
    weekly = {}
    for tag, key in (("CTX", "council_tax"), ("PrivateRent", "rent"), ("CouncilRent", "rent")):
        entitlement = node.find(f"BenefitEntitlement/{tag}")
        if entitlement is not None and entitlement.get("WeeklyBenefit"):
            weekly[key] = pence(entitlement.get("WeeklyBenefit"))
    lines = [text(node, f"ClaimAddress{i}") for i in range(1, 5)] + [text(node, "ClaimPostcode")]
    return BenefitClaim(number=text(node, "HBClaimRef"), place_ref=text(node, "HBPlaceRef"),
                        status=text(node, "HBClaimStatus"), kind=text(node, "HBClaimType"),
                        address=", ".join(x for x in lines if x),
                        next_payment_date=day(text(nxt, "Date")) if nxt is not None else None,
                        next_payment_amount=pence(text(nxt, "Amount")) if nxt is not None else None,
                        weekly=weekly)


def benefit_payments(root, kind):
    node = expect(root, "HBPaymentDetails")
    return [BenefitPayment(paid=day(p.get("DatePaid")), amount=pence(p.get("PayAmount")),
                           period_start=day(p.get("PeriodStart")), period_end=day(p.get("PeriodEnd")),
                           payee=p.get("Payee", ""), kind=kind)
            for p in node.iter("PaymentDetails")]
