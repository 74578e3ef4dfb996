"""The local back office's XML answers, element for element as Civica's
(the names Stockport's adapter reads; see chalicelib/handlers/revenues/civica/answers.py).
Civica writes money as decimal pounds, instalments and payments negative,
and dates as 01-Apr-2026; `data` is civica_data's demo council."""
from xml.etree.ElementTree import Element, SubElement, tostring

from doorstep_cli.local import civica_data as data


def pounds(pence):
    sign = "-" if pence < 0 else ""
    return f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}"


def civica_day(when):
    return when.strftime("%d-%b-%Y")


def day_of(civica_written):
    """05-Jan-2026 -> date(2026, 1, 5)."""
    from datetime import datetime
    return datetime.strptime(civica_written, "%d-%b-%Y").date()


def xml(root):
    return b'<?xml version="1.0" encoding="utf-8"?>' + tostring(root)


def _add(parent, tag, text=None, **attributes):
    node = SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    if text is not None:
        node.text = str(text)
    return node


def error(description, code="1", root="ErrorDoc"):
    node = Element(root)
    _add(node, "ErrorCode", code, Description=description)
    return xml(node)


def login(session_id):
    node = Element("Login")
    result = _add(node, "Result")
    _add(result, "ErrorCode", "5", Description="Login Successful")
    _add(result, "SessionID", session_id)
    return xml(node)


def login_refused():
    node = Element("Login")
    result = _add(node, "Result")
    _add(result, "ErrorCode", "4", Description="Invalid User Id or Password")
    _add(result, "SessionID", "")
    return xml(node)


def anonymous_login(session_id):
    """`docid=login`, no user: Stockport's anonymous availability probe reads StandardInfo/SessionID."""
    node = Element("Login")
    info = _add(node, "StandardInfo")
    _add(info, "SessionID", session_id)
    _add(info, "LoggedIn", "N")
    return xml(node)


def person_set(description, code="0"):
    node = Element("SetPerson")
    _add(node, "ErrorCode", code, Description=description)
    return xml(node)


def no_records():
    """An unknown reference as some Civica versions answer it: no SetPerson, no ErrorCode."""
    node = Element("Results")
    _add(node, "Message", "No records found")
    return xml(node)


def _person_name(parent, ref, details=True):
    """PersonName as Stockport's model binds it (and PersonalDetails beside it where Civica sends one)."""
    person = data.PEOPLE[ref]
    name = _add(parent, "PersonName")
    _add(name, "PersonReference", ref)
    _add(name, "PersonTitle", person["title"])
    _add(name, "Initials", person["forenames"][0])
    _add(name, "Forenames", person["forenames"])
    _add(name, "Surname", person["surname"])
    _add(name, "NINo", data.nino(ref))
    if details:
        _add(_add(parent, "PersonalDetails"), "TelephoneNumber", person["phone"], Priority="1")


def _lines(parent, prefix, lines, count):
    """Address lines 1..count, empty where the address has fewer (as Civica sends them)."""
    for i in range(1, count + 1):
        _add(parent, f"{prefix}{i}", lines[i - 1] if i <= len(lines) else "")


def balance(account, year, today, posted=()):
    """posted: [(day, pence, payref)], card payments posted to the account (civica_payments.on_account)."""
    paid = sum(p for _, p in data.payments(account, year, today)) + sum(p for _, p, _ in posted)
    return (account.get("brought_forward", 0) + data.net_charge(account) - paid
            - data.benefit_credits(account, year, today))


def ahead_of_plan(upcoming, posted):
    """The instalments still to pay once card payments posted cover the next ones first."""
    credit, left = sum(p for _, p, _ in posted), []
    for when, amount in upcoming:
        covered = min(max(credit, 0), amount)
        credit -= covered
        if amount - covered > 0:
            left.append((when, amount - covered))
    return left


def accounts_list(person_ref, refs, year, today, posted_of=lambda ref: ()):
    node = Element("CtaxSelectDoc", Method="GET")
    _person_name(node, person_ref)
    listed = _add(node, "CtaxActList")
    for ref in refs:
        account = data.ACCOUNTS[ref]
        row = _add(listed, "CtaxActDetails", AccountStatus="Closed" if account.get("closed") else "Live",
                   CtaxActRef=ref, CtaxBalance=pounds(balance(account, year, today, posted_of(ref))))
        _add(row, "CtaxActAddress", ", ".join(account["lines"] + [account["postcode"]]))
    return xml(node)


def details(ref, year, today, posted=(), person=None):
    """ctxdet: the session's person's name where Stockport reads it (PersonName),
    and every liable person under LiableParties (how a joint payer links alone)."""
    account = data.ACCOUNTS[ref]
    node = Element("CtaxDetails")
    _person_name(node, person or account["people"][0], details=False)
    _add(node, "CtxActRef", ref)
    _add(node, "CtxActBalance", pounds(balance(account, year, today, posted)))
    _add(node, "CtxActClosed", "Y" if account.get("closed") else "N")
    acct = _add(node, "AccountDetails")
    dd = account["method"] == "Direct Debit"
    _add(acct, "ActPayGrp", account["method"], DirectDebit="Yes" if dd else "No")
    if dd:
        _add(acct, "BankDetails", BankActName=data.PEOPLE[account["people"][0]]["surname"].upper(),
             BankActSortNumber="40-11-62", BankActNumber=account["dd_account"])
    _add(acct, "OnlineKey", account["online_key"])  # printed on the bill: what linking asks for
    parties = _add(node, "LiableParties")
    for person in account["people"]:
        _person_name(_add(parties, "LiableParty"), person)
    discounts = _add(node, "Discounts")
    for code, name, _ in account["discounts"]:
        _add(discounts, "Discount", name, Code=code)
    totals = _add(_add(node, "FinancialDetails"), "RecYrTotals", Year=year)
    plan = data.instalments(account, year)
    paid = data.payments(account, year, today)
    due_by_now = sum(a for when, a in plan if when <= today)
    _add(totals, "TotalCharge", pounds(data.net_charge(account)))
    _add(totals, "TotalPayments", pounds(-sum(a for _, a in paid) - sum(p for _, p, _ in posted)))
    _add(totals, "TotalBenefits", pounds(-data.benefit_credits(account, year, today)))
    _add(totals, "BalanceOutstanding", pounds(balance(account, year, today, posted)))
    _add(totals, "InstArrears", pounds(max(0, due_by_now - sum(a for _, a in paid))))
    for nothing in ("TotalCosts", "TotalRefunds", "TotalWriteoffs", "TotalTransfers", "TotalPenalties"):
        _add(totals, nothing, "0.00")  # the demo council charges no costs or penalties
    upcoming = ahead_of_plan([(when, a) for when, a in plan if when > today], posted)
    summary = _add(totals, "RecYrSummary")
    if account["missed"]:
        _add(summary, "Stage", StageCode="Reminder", StageDate=civica_day(today))
    if upcoming:
        _add(summary, "NextPayment", DateDue=civica_day(upcoming[0][0]), AmountDue=pounds(-upcoming[0][1]))
    return xml(node)


def instalments(ref, year):
    account = data.ACCOUNTS[ref]
    node = Element("IRInstalments")
    listed = _add(node, "InstalmentList")
    dd = account["method"] == "Direct Debit"
    for when, amount in data.instalments(account, year):
        _add(listed, "Instalment", DateDue=civica_day(when), AmountDue=pounds(-amount), DDInd="Y" if dd else "N")
    _add(node, "PaymentMethod", account["method"])
    return xml(node)


def transactions(ref, year, today, posted=()):
    account = data.ACCOUNTS[ref]
    node = Element("TranList")
    number = 1

    claim = next((c["number"] for c in data.CLAIMS.get(account["people"][0], []) if c["account"] == ref), "")

    def add(kind, when, amount, **extra):
        nonlocal number
        row = _add(node, "Transaction", Number=number, TranType=kind, Year=year)
        _add(row, "Date", civica_day(when), NumericEquiv=when.strftime("%Y%m%d"))
        _add(row, "Amount", pounds(amount))
        _add(row, "Claim", claim if kind == "Benefit" else "")
        _add(row, "Period", Start=civica_day(data.date(year, 4, 1)), End=civica_day(data.date(year + 1, 3, 31)))
        place = _add(row, "PlaceDetail")
        _add(place, "Valid", "Y")
        _add(place, "PlaceRef", account["place_ref"])
        _lines(place, "Address", account["lines"], 5)
        _add(place, "PostCode", account["postcode"])
        for tag, value in extra.items():
            _add(row, tag, value)
        number += 1

    start = data.date(year, 4, 1)
    for charge_type, amount in data.charge_lines(account):  # Scotland's water and waste water: lines of their own
        add("Charge", start, amount, ChargeType=charge_type)
    for code, name, percent in account["discounts"]:
        add("Discount", start, -(account["charge"] * percent // 100), ChargeType=name)
    for when, amount in data.payments(account, year, today):
        add("Payments", when, -amount, SubCode="DD" if account["method"] == "Direct Debit" else "CARD")
    for when, amount, payref in posted:
        add("Payments", when, -amount, SubCode="CARD", PayRef=payref)
    credit = data.benefit_credits(account, year, today)
    if credit:
        add("Benefit", today, -credit, ChargeType="Council Tax Reduction")
    return xml(node)


def documents(person_ref, refs, year):
    node = Element("Documents")
    listed = _add(node, "DocumentList")
    for ref in refs:
        for doc in data.documents(ref, data.ACCOUNTS[ref]):
            row = _add(listed, "Document", id=doc["id"], type=doc["type"], downloaded="N",
                       datecreated=civica_day(data.date(year, 3, 10)))
            _add(row, "DocumentName", doc["name"])
            _add(row, "Ref1", ref)
            _add(row, "Module", doc["module"])
    for claim in data.CLAIMS.get(person_ref, []):
        for doc in data.claim_documents(claim):
            row = _add(listed, "Document", id=doc["id"], type=doc["type"], downloaded="N",
                       datecreated=civica_day(data.date(year, 4, 20)))
            _add(row, "DocumentName", doc["name"])
            _add(row, "Ref1", claim["number"])
            _add(row, "Module", doc["module"])
    return xml(node)


def properties(ref, person=None):
    """ctxprop: the session's person (PersonName, PersonalDetails: the phone held) and the place."""
    account = data.ACCOUNTS[ref]
    node = Element("CtaxPropDetails")
    _add(node, "CtxActRef", ref)
    _person_name(node, person or account["people"][0])
    place = _add(_add(node, "PropertyList"), "Places")
    _add(place, "PlaceRef", account["place_ref"])
    _lines(place, "Address", account["lines"], 5)
    _add(place, "PostCode", account["postcode"])
    _add(place, "Band", account["band"] or "", BandType="Valuation" if account["band"] else "Pending")
    _add(place, "FullYearCharge", pounds(account["charge"]))
    _add(place, "CurrentYrFullYearCharge", pounds(data.net_charge(account)))
    _add(place, "PropertyStatus", "Previous" if account.get("closed") else "Current")
    return xml(node)


def claims(person_ref):
    node = Element("HBSelectDoc")
    _person_name(node, person_ref, details=False)
    listed = _add(node, "HBClaimList")
    for claim in data.CLAIMS.get(person_ref, []):
        row = _add(listed, "HBClaimDetails", ClaimNumber=claim["number"], ClaimPlaceRef=claim["place_ref"],
                   ClaimStatus=claim["status"], PersonType="Claimant")
        _person_name(row, person_ref, details=False)
        _add(row, "HBClaimAddress", ", ".join(data.ACCOUNTS[claim["account"]]["lines"]))
    return xml(node)


def claim(c, today, person_ref):
    node = Element("HBClaimDetails")
    account = data.ACCOUNTS[c["account"]]
    _person_name(node, person_ref, details=False)
    for tag, value in (("HBClaimRef", c["number"]), ("HBPlaceRef", c["place_ref"]), ("HBClaimStatus", c["status"]),
                       ("HBPersonType", "Claimant"), ("HBClaimType", c["type"])):
        _add(node, tag, value)
    nxt = _add(node, "NextPayment")
    monday = data.date.fromordinal(today.toordinal() + 7 - today.weekday())
    for tag, value in (("Date", civica_day(monday)), ("Amount", pounds(c["weekly_rent"] * 2)),
                       ("Payee", "Landlord"), ("PaidUpToAmount", pounds(c["weekly_rent"] * 2)),
                       ("PaymentSchedule", "Fortnightly"), ("PaymentMethod", "BACS"), ("Status", "Scheduled")):
        _add(nxt, tag, value)
    entitlement = _add(node, "BenefitEntitlement")
    year = data.financial_year(today)
    _add(entitlement, "CTX", CtxActRef=c["account"], PeriodStart=civica_day(data.date(year, 4, 1)),
         PeriodEnd="", WeeklyBenefit=pounds(c["weekly_ctax"]))
    _add(entitlement, "PrivateRent", PeriodStart=civica_day(data.date(year, 4, 1)), PeriodEnd="",
         WeeklyBenefit=pounds(c["weekly_rent"]))
    _lines(node, "ClaimAddress", account["lines"], 4)
    _add(node, "ClaimPostcode", account["postcode"])
    return xml(node)


def benefit_payments(claims_of_person, kind, today):
    node = Element("HBPaymentDetails")
    listed = _add(node, "PaymentList")
    year = data.financial_year(today)
    for c in claims_of_person:
        weekly = c["weekly_rent"] if kind == "prp" else c["weekly_ctax"]
        start = data.date(year, 4, 6)
        while start.toordinal() + 13 <= today.toordinal():
            end = data.date.fromordinal(start.toordinal() + 13)
            _add(listed, "PaymentDetails", DatePaid=civica_day(end), PayAmount=pounds(weekly * 2),
                 PeriodStart=civica_day(start), PeriodEnd=civica_day(end), Type=kind.upper(),
                 Payee="Landlord" if kind == "prp" else "Council Tax account", OnAct="Y" if kind == "ctp" else "N",
                 CTXActRef=c["account"])
            start = data.date.fromordinal(end.toordinal() + 1)
    return xml(node)
