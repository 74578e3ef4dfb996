"""Civica's writes: a resident's requests sent to the back office.

Stockport's adapter has no `docid`s for these, so the calls are ours, in
Civica's style, to be confirmed against a council's Civica documentation
(docs/decisions/, "Council tax requests"): one `docid` per kind, a form
POST on the person's session (crmlogin, cocrmper by personref) carrying the
account (`actref`) and a request key (`reqkey`, our request's id) the back
office keeps one request per, and an answer

    <CtaxRequest><ErrorCode Description="Request Received">0</ErrorCode>
      <RequestReference>CR0000123</RequestReference></CtaxRequest>

whose RequestReference is the back office's own; a resend with the same key
answers the same reference ("Request Already Received"), so a try after a
crash is recognised rather than kept twice. Only this module and the local
back office's doorstep_cli/local/civica_requests.py know these names."""
from . import answers as xml
from ..port import BackOfficeError

DOCIDS = {"paperless": "ctxebill", "move": "ctxmove", "single_person_discount": "ctxspd",
          "instalment_day": "ctxinstday"}
RECEIVED = {"Request Received", "Request Already Received"}


def civica_date(iso):
    """2026-01-05 -> 05-Jan-2026, as Civica writes dates."""
    from datetime import date
    return date.fromisoformat(iso).strftime("%d-%b-%Y")


def form_of(kind, account_ref, details, key):
    form = {"actref": account_ref, "reqkey": key}
    if kind == "paperless":
        form.update(ebill="Y" if details["paperless"] else "N", email=details.get("email") or "")
    elif kind == "move":
        form.update(movetype=details["move"], movedate=civica_date(details["date"]),
                    address=details.get("address") or "", postcode=details.get("postcode") or "")
        form.update(_move_more(details))
    elif kind == "single_person_discount":
        form.update(action=details["action"], effdate=civica_date(details["date"]))
    elif kind == "instalment_day":
        form.update(instday=str(details["day"]))
    return form


def _move_more(details):
    """A move's further details, as IEG4's change of address form hands them
    on: the people on the bill, the old home furnished, sold or rented and who
    to contact, the forwarding address, and our move's reference."""
    contact = details.get("contact") or {}
    more = {"occupants": "; ".join(details.get("people") or []), "tenure": details.get("tenure") or "",
            "contactrole": contact.get("role", ""), "contactname": contact.get("name", ""),
            "contactphone": contact.get("phone", ""), "contactemail": contact.get("email", ""),
            "fwdaddress": details.get("forwarding") or "", "newuprn": details.get("uprn") or "",
            "moveref": details.get("move_ref") or ""}
    if details.get("furnished") is not None:
        more["furnished"] = "Y" if details["furnished"] else "N"
    if details.get("tenancy_end"):
        more["tenancyend"] = civica_date(details["tenancy_end"])
    return {k: v for k, v in more.items() if v}


def send(civica, person_ref, account_ref, kind, details, key):
    """The back office's reference for the request (raises BackOfficeError)."""
    sid = civica.login()
    xml.person_set(civica.answer([("SessionId", sid), ("docid", "cocrmper"), ("personref", person_ref)]))
    root = civica.answer([("sessionId", sid), ("docid", DOCIDS[kind])], form_of(kind, account_ref, details, key))
    node = xml.expect(root, "CtaxRequest")
    code, description = xml.error_code(node)
    reference = (node.findtext("RequestReference") or "").strip()
    if description not in RECEIVED or not reference:
        raise BackOfficeError("refused", description or "request not received", code)
    return reference


def move_answer(civica, person_ref, account_ref, key):
    """`ctxmovestat` (ours, in Civica's style, as the request docids are): the
    move request kept under `key`, the old account's closing date and the new
    home's account once opened:

        <CtaxMoveStatus><ErrorCode Description="Request Found">0</ErrorCode>
          <RequestReference>CR0000001</RequestReference><ClosingDate>04-Dec-2026</ClosingDate>
          <NewAccount><CtaxActRef>500777016</CtaxActRef></NewAccount></CtaxMoveStatus>"""
    from ..port import MoveAnswer
    sid = civica.login()
    xml.person_set(civica.answer([("SessionId", sid), ("docid", "cocrmper"), ("personref", person_ref)]))
    root = civica.answer([("sessionId", sid), ("docid", "ctxmovestat")], {"actref": account_ref, "reqkey": key})
    node = xml.expect(root, "CtaxMoveStatus")
    reference = xml.text(node, "RequestReference")
    if not reference:
        raise BackOfficeError("malformed", "no RequestReference")
    return MoveAnswer(reference=reference, closing_from=xml.day(xml.text(node, "ClosingDate")),
                      new_account_ref=xml.text(node, "NewAccount/CtaxActRef") or None)
