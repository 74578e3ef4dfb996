"""The local back office answers as Stockport's adapter reads a Civica: its
calls replayed in its order and with its parameters (smbc-digital/civica-service,
src/Services/CivicaService.cs and SessionProvider.cs), and every element path its
models bind (that service's src/Services/Models and the StockportGovUK.NetStandard.Models
package: Civica/CouncilTax and RevsAndBens) found in the answers. The paths are
data, copied from those models: relative to the element Stockport deserialises,
`@name` an attribute. A model's element missing from every answer would be a
field Stockport reads as empty, and an adapter reading where the local office
writes would misread a real Civica."""
from chalicelib.handlers.revenues.civica import answers as civica_xml
from support.revenues_support import ANN, ARREARS, DEV, JOINT, YEAR
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)

PERSON_NAME = [f"PersonName/{n}" for n in ("PersonReference", "PersonTitle", "Initials", "Forenames", "Surname",
                                            "NINo")]
ADDRESS = [f"Address{i}" for i in range(1, 6)]
# docid: (the element Stockport deserialises, the paths its model binds under it)
BOUND = {
    "login": ("StandardInfo", ["SessionID"]),  # AnonymousSessionIdModel: the anonymous availability probe
    "crmlogin": ("Login", ["Result/SessionID", "Result/ErrorCode", "Result/ErrorCode/@Description"]),
    "cocrmper": ("SetPerson", ["ErrorCode", "ErrorCode/@Description"]),
    "ctxsel": ("CtaxSelectDoc", [*PERSON_NAME, "CtaxActList/CtaxActDetails/CtaxActAddress",
                                 *(f"CtaxActList/CtaxActDetails/@{a}" for a in ("AccountStatus", "CtaxActRef",
                                                                                 "CtaxBalance"))]),
    # CouncilTaxAccountResponse (SparNo, int?, is absent without a single person allowance number)
    "ctxdet": ("CtaxDetails", [
        *PERSON_NAME, "AccountDetails/ActPayGrp", "AccountDetails/ActPayGrp/@DirectDebit",
        *(f"AccountDetails/BankDetails/@{a}" for a in ("BankActName", "BankActSortNumber", "BankActNumber")),
        "FinancialDetails/RecYrTotals/@Year",
        "FinancialDetails/RecYrTotals/RecYrSummary/Stage/@StageCode",
        "FinancialDetails/RecYrTotals/RecYrSummary/Stage/@StageDate",
        "FinancialDetails/RecYrTotals/RecYrSummary/NextPayment/@DateDue",
        "FinancialDetails/RecYrTotals/RecYrSummary/NextPayment/@AmountDue",
        *(f"FinancialDetails/RecYrTotals/{t}" for t in (
            "InstArrears", "BalanceOutstanding", "TotalCharge", "TotalPayments", "TotalBenefits", "TotalCosts",
            "TotalRefunds", "TotalWriteoffs", "TotalTransfers", "TotalPenalties")),
        "CtxActRef", "CtxActBalance", "CtxActClosed"]),
    "irins": ("IRInstalments", [f"InstalmentList/Instalment/@{a}" for a in ("DateDue", "AmountDue", "DDInd")]),
    "ctxtrn": ("TranList", [f"Transaction/{p}" for p in (
        "Date", "Date/@NumericEquiv", "Amount", "Claim", "Period/@Start", "Period/@End",
        *(f"PlaceDetail/{e}" for e in ("Valid", "PlaceRef", *ADDRESS, "PostCode")),
        "@Number", "@TranType", "@Year", "ChargeType", "SubCode")]),
    "ctxprop": ("CtaxPropDetails", [f"PropertyList/Places/{e}" for e in (
        "PlaceRef", *ADDRESS, "PostCode", "Band", "Band/@BandType", "FullYearCharge", "CurrentYrFullYearCharge",
        "PropertyStatus")]),
    "viewdoc": ("Documents", [f"DocumentList/Document/{p}" for p in (
        "DocumentName", "@datecreated", "@downloaded", "@id", "@type", "Ref1", "Module")]),
    "hbsel": ("HBSelectDoc", [*PERSON_NAME, *(f"HBClaimList/HBClaimDetails/{p}" for p in (
        *PERSON_NAME, "@ClaimNumber", "@ClaimPlaceRef", "@ClaimStatus", "@PersonType", "HBClaimAddress"))]),
    # BenefitsClaim (Error only on a refusal; CouncilRent is a council tenant's, as PrivateRent)
    "hbdet": ("HBClaimDetails", [
        *PERSON_NAME, "HBClaimRef", "HBPlaceRef", "HBClaimStatus", "HBPersonType", "HBClaimType",
        *(f"NextPayment/{e}" for e in ("Date", "Amount", "Payee", "PaidUpToAmount", "PaymentSchedule",
                                        "PaymentMethod", "Status")),
        *(f"BenefitEntitlement/CTX/@{a}" for a in ("CtxActRef", "PeriodStart", "PeriodEnd", "WeeklyBenefit")),
        *(f"BenefitEntitlement/PrivateRent/@{a}" for a in ("PeriodStart", "PeriodEnd", "WeeklyBenefit")),
        *(f"ClaimAddress{i}" for i in range(1, 5)), "ClaimPostcode"]),
    "hbpaydet": ("HBPaymentDetails", [f"PaymentList/PaymentDetails/@{a}" for a in (
        "DatePaid", "PayAmount", "PeriodStart", "PeriodEnd", "Type", "Payee", "OnAct", "CTXActRef")]),
}


def replay(revenues, person, account):
    """Stockport's calls for one person's pages, in its order and with its parameters:
    [(docid, answer root)]."""
    answers = [("login", revenues.answer([("docid", "login")]))]
    sid_answer = revenues.answer([("docid", "crmlogin"), ("userid", revenues.user), ("password", revenues.password)])
    sid = civica_xml.session_id(sid_answer)
    answers.append(("crmlogin", sid_answer))

    def call(docid, *params, form=None):
        answers.append((docid, revenues.answer([("sessionId", sid), ("docid", docid), *params], form)))

    answers.append(("cocrmper", revenues.answer([("SessionId", sid), ("docid", "cocrmper"), ("personref", person)])))
    call("ctxsel")
    call("ctxdet", ("actref", account))  # GetCouncilTaxDetails
    call("ctxdet", ("actref", account), ("year", str(YEAR)))  # GetCouncilTaxDetailsForYear
    call("irins", ("recno", "1"), ("module", "C"), ("recyear", str(YEAR)))
    call("ctxdet", ("actref", account))  # SetAccountRefererance, before what depends on the current account
    call("ctxtrn", ("recyear", str(YEAR)), ("trantype", "All"))
    call("ctxdet", ("actref", account))
    call("ctxprop", ("proplist", "y"))
    call("viewdoc", ("type", "all"))
    call("hbsel", form={"claimsts": "All"})
    for claim in answers[-1][1].iter("HBClaimDetails"):
        call("hbdet", ("claimref", claim.get("ClaimNumber")), ("placeref", claim.get("ClaimPlaceRef")))
    call("hbpaydet", ("type", "prp"))
    call("hbpaydet", ("type", "ctp"))
    return answers


def found(root, path):
    element, _, attribute = path.partition("@")
    element = element.rstrip("/")
    nodes = root.findall(element) if element else [root]
    return any(n.get(attribute) is not None for n in nodes) if attribute else bool(nodes)


def test_every_path_stockports_models_bind_is_in_the_local_offices_answers(revenues, civica):
    answers = replay(revenues, DEV, ARREARS) + replay(revenues, ANN, JOINT)  # arrears and claims; Direct Debit
    assert {docid for docid, _ in answers} == set(BOUND)
    missing = []
    for docid, (name, paths) in BOUND.items():
        roots = [r if r.tag == name else r.find(f".//{name}") for d, r in answers if d == docid]
        assert all(r is not None for r in roots), docid
        missing += [f"{docid}: {name}/{p}" for p in paths if not any(found(r, p) for r in roots)]
    assert missing == []


def test_linking_reads_the_name_on_the_bill_where_stockport_reads_it_and_the_phone_from_ctxprop():
    """A Civica answering only what Stockport's models bind: no LiableParties."""
    person = ("<PersonName><PersonReference>P1</PersonReference><PersonTitle>Ms</PersonTitle><Initials>J</Initials>"
              "<Forenames>Jo</Forenames><Surname>Baker</Surname><NINo>QQ000001C</NINo></PersonName>")
    details = civica_xml.parse(f"<CtaxDetails>{person}<CtxActRef>500567816</CtxActRef><CtxActBalance>10.00"
                               "</CtxActBalance><AccountDetails><OnlineKey>K</OnlineKey></AccountDetails></CtaxDetails>")
    places = civica_xml.parse(f"<CtaxPropDetails>{person}<PersonalDetails><TelephoneNumber Priority=\"1\">"
                              "07700 900207</TelephoneNumber></PersonalDetails><PropertyList><Places><PlaceRef>1"
                              "</PlaceRef><PostCode>YO1 6NE</PostCode></Places></PropertyList></CtaxPropDetails>")
    account = civica_xml.checks(details, places)
    assert [(p.person_ref, p.name_on_bill, p.phone) for p in account.people] == [("P1", "Ms Jo Baker", "07700 900207")]
    assert account.postcode == "YO1 6NE"
