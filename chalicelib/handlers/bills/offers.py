"""What a bill's own systems can say before the card page: the amount a PCN's
issuer says is due now, or, for a council tax account linked to the
signed-in resident, "pay the balance" and "pay the next instalment" with
their amounts (the linked view, revenues/view.py, cached per link).

An anonymous payer, or a resident whose links do not hold the reference,
gets the same answer for every well-formed reference (no offers): nothing
says whether an account exists or whose it is."""
from . import wording
from .issuer import amount_due


def for_reference(deps, fund, reference):
    """(fixed amount or None, {issuer's details}, [offers])."""
    if fund.fixed_by:
        due = amount_due(fund, reference)
        return due["amount_due"], due, []
    if fund.linked == "council_tax" and deps.principal is not None and deps.revenue_links is not None:
        return None, {}, _council_tax(deps, fund, reference)
    return None, {}, []


def _council_tax(deps, fund, reference):
    link = next((l for l in deps.revenue_links.links(deps.principal.user_id) if l.account_ref == reference), None)
    if link is None:
        return []
    from ..revenues.view import _account
    try:
        seen = _account(deps, link)
    except Exception:  # noqa: BLE001 (the back office down with no copy: the payer types the amount)
        return []
    paid, paid_on = _not_shown(deps, fund, reference, seen)
    offers, balance = [], ((seen.get("summary") or {}).get("balance") or 0) - paid
    if balance > 0:
        offers.append({"kind": "balance", "amount": balance, "label": wording.OFFER_BALANCE})
    nxt = seen.get("next_instalment")
    if nxt and nxt.get("amount", 0) > 0 and paid >= nxt["amount"]:
        offers.append({"kind": "next_instalment", "amount": nxt["amount"], "due": nxt.get("due"), "paid_on": paid_on,
                       "label": wording.OFFER_INSTALMENT_PAID.format(date=paid_on)})
    elif nxt and nxt.get("amount", 0) > 0:
        offers.append({"kind": "next_instalment", "amount": nxt["amount"], "due": nxt.get("due"),
                       "label": wording.OFFER_INSTALMENT.format(due=nxt.get("due"))})
    return offers


def _not_shown(deps, fund, reference, seen):
    """(pence, London day of the last) paid through Doorstep to this account,
    by anyone, that the council's copy does not show yet (unseen.py): the
    posting is queued, or the copy was read before it. Reads the account's
    newest bills of the copy's year, one Query."""
    from .unseen import RECENT_BILLS, not_shown, paid_on, since_year_start
    year = seen.get("year")
    if not year:
        return 0, None
    bills = deps.bills.of_account(fund.id, reference, since_year_start(year), RECENT_BILLS)
    left = not_shown(bills, seen.get("payments") or [])
    return sum(b["amount"] for b in left), (paid_on(left[-1]) if left else None)
