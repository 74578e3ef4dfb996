"""Rent accounts in Civica's style: the `docid`s are OUR ASSUMPTION.

Stockport's adapter (smbc-digital/civica-service) has no rent call: its
history's docids are crmlogin, cocrmper, ctxsel, ctxdet, irins, ctxtrn,
ctxprop, viewdoc, docdl, hbsel, hbdet and hbpaydet, nothing for housing
rents. So these follow its council tax calls' shape, to confirm against a
council's Civica (Housing or OpenRevenues' rents) documentation:

- `rntsel`: the person on the session's rent accounts, each with its balance
  and weekly charge (as `ctxsel` lists council tax accounts with balances):
  `<RentSelectDoc><RentActList><RentActDetails RentActRef= PlaceRef=
  RentBalance= WeeklyRent= TenancyStatus=><RentActAddress>`.
- `rnttrn&rentref=&recyear=`: one rent account's transactions that year,
  rows as `ctxtrn`'s (`<RentTranList><Transaction TranType=><Date
  NumericEquiv=><Amount><SubCode>`): rent positive, payments and housing
  benefit negative. It names its account, so no "current account" to keep;
  were a council's to answer for a current account as `ctxdet` sets it, the
  session would mirror it as it does for council tax.

Only this module and doorstep_cli/local/civica_rents.py know these names.
A person with no tenancy answers an empty list (one call, `rntsel`).
"""
from . import answers as xml
from ..port import RentAccount


def accounts(root):
    node = xml.expect(root, "RentSelectDoc")
    return [RentAccount(reference=row.get("RentActRef", ""), address=xml.text(row, "RentActAddress"),
                        balance=xml.pence(row.get("RentBalance")), weekly_charge=xml.pence(row.get("WeeklyRent")),
                        status=row.get("TenancyStatus", ""))
            for row in node.iter("RentActDetails")]


def transactions(root):
    return xml.transactions(root, "RentTranList")
