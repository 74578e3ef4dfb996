"""Civica's business rates (NNDR, module N): non-domestic premises and a new
ratepayer's occupation from a day. Stockport's adapter reads council tax only
and no public fixture of Civica's NNDR answers exists, so these `docid`s are
ours in Civica's style, as the council tax requests' are, to confirm against
a council's Civica documentation (docs/decisions/starting-a-business.md). On a
service session (crmlogin alone: the new ratepayer is nobody yet):

    nndrprop  ?uprn=   <NndrProperty><ErrorCode Description="Property Found">0</ErrorCode>
                         <PropertyRef>N0001234</PropertyRef><RateableValue>13500</RateableValue>
                         <Description>Cafe and premises</Description><Occupied>N</Occupied></NndrProperty>
    nndrocc   (POST)   propref, occdate (05-Jan-2026), ratepayer, ratepayerkind (person, company),
                       companyno, tradingname, reqkey (ours) ->
                       <NndrRequest><ErrorCode Description="Request Received">0</ErrorCode>
                         <RequestReference>NR0000001</RequestReference></NndrRequest>

RateableValue is whole pounds, as the rating list has it. A resend with the
same reqkey answers the same reference ("Request Already Received"). Only this
module and doorstep_cli/local/civica_nndr.py know these names."""
from . import answers as xml
from .requests import RECEIVED, civica_date
from ..port import BackOfficeError, Premises


def premises(civica, uprn):
    """The premises at `uprn`, or None when the back office holds none there (raises BackOfficeError)."""
    sid = civica.login()
    root = civica.answer([("sessionId", sid), ("docid", "nndrprop"), ("uprn", uprn)])
    node = xml.expect(root, "NndrProperty")
    code, description = xml.error_code(node)
    if description == "Property Not Found":
        return None
    reference, value = xml.text(node, "PropertyRef"), xml.text(node, "RateableValue")
    if not reference or not value.isdigit():
        raise BackOfficeError("malformed", "no PropertyRef or RateableValue", code)
    return Premises(place_ref=reference, rateable_value=int(value), description=xml.text(node, "Description"),
                    occupied=xml.text(node, "Occupied") == "Y")


def occupation(civica, details, key):
    """The back office's reference for a new ratepayer's occupation of premises from a day: `details`
    {place_ref, starts (ISO), ratepayer: {name, kind, company_number}, trading_name}."""
    payer = details["ratepayer"]
    form = {"propref": details["place_ref"], "occdate": civica_date(details["starts"]), "ratepayer": payer["name"],
            "ratepayerkind": payer["kind"], "companyno": payer.get("company_number") or "",
            "tradingname": details.get("trading_name") or "", "reqkey": key}
    sid = civica.login()
    node = xml.expect(civica.answer([("sessionId", sid), ("docid", "nndrocc")], form), "NndrRequest")
    code, description = xml.error_code(node)
    reference = xml.text(node, "RequestReference")
    if description not in RECEIVED or not reference:
        raise BackOfficeError("refused", description or "request not received", code)
    return reference
