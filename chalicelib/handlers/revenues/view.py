"""What a resident sees of a linked account: one back-office session, kept
per link for minutes (a second look asks nothing), and the last copy with
its age while the back office is down, slow, confused or refusing.

A cold view of an account is crmlogin, cocrmper, ctxdet, irins, ctxtrn,
ctxprop, viewdoc, hbsel and rntsel (plus hbdet for each claim and hbpaydet
twice when there are claims, and rnttrn for each rent account): 9 calls, 12
with one claim, 13 with a claim and a tenancy. Its DynamoDB cost: the
link and the cached copy read (2 GetItems), the copy written (1 PutItem).
"""
from dataclasses import asdict
from datetime import timedelta

from ...config import revenues as revenue_settings
from ...errors import NotFound
from ...stamps import stamp
from . import backoffice, wording
from .linking import owned
from .port import BackOfficeError


def fetch(revenues, link, year):
    """The account as the back office has it now (raises BackOfficeError)."""
    with revenues.session(link.person_ref) as session:
        return read(session, link.account_ref, year)


def read(session, account_ref, year):
    """One account's view on an open session: its person's claims and rent too."""
    summary = session.summary(account_ref, year)
    plan = session.instalments(account_ref, year)
    payments = session.transactions(account_ref, year)
    places = session.properties(account_ref, year)
    documents = [d for d in session.documents() if d.account_ref == account_ref or d.module == "H"]
    claims = [asdict(session.benefit_claim(c.number, c.place_ref)) for c in session.benefit_claims()]
    benefit_payments = []
    if claims:
        benefit_payments = [asdict(p) for kind in ("housing", "council_tax") for p in session.benefit_payments(kind)]
    rents = [{**asdict(rent), "payments": _paid(session.rent_transactions(rent.reference, year))}
             for rent in session.rent_accounts()]
    upcoming = [i for i in plan if summary.next_due and i.due and i.due >= summary.next_due]
    return {
        "reference": account_ref, "year": year, "summary": asdict(summary),
        "property": asdict(places[0]) if places else None,
        "next_instalment": asdict(upcoming[0]) if upcoming else None,
        "instalments": [asdict(i) for i in plan],
        "payments": _paid(payments),
        "documents": [{"id": d.id, "name": d.name, "kind": d.kind, "created": d.created,
                       "about": "benefits" if d.module == "H" else "council_tax"} for d in documents],
        "benefit_claims": claims, "benefit_payments": benefit_payments, "rent_accounts": rents,
    }


def _paid(transactions):
    """Money in (payments, benefit credited) in the back office's order, as positive pence;
    a payment's reference where the back office keeps one (a payment posted from here: its id)."""
    return [{"date": t.date, "amount": -t.amount, "kind": t.kind, "method": t.method,
             **({"reference": t.reference} if t.reference else {})}
            for t in transactions if t.amount < 0]


def account(deps, link_id):
    return _account(deps, owned(deps, link_id))


def _account(deps, link):
    now = deps.clock()
    settings = revenue_settings()
    kept = deps.revenue_links.cached(link.id)
    if kept is not None and (now - kept[1]).total_seconds() < settings["fresh_s"]:
        return _shown(link, kept[0], kept[1], now, stale=False)
    try:
        body = fetch(backoffice.configured(deps), link, backoffice.financial_year(now))
    except BackOfficeError:
        if kept is None:
            raise backoffice.unavailable(now) from None
        return {**_shown(link, kept[0], kept[1], now, stale=True), "back_at": stamp(backoffice.back_at(now))}
    deps.revenue_links.keep(link.user_id, link.id, body, now, now + timedelta(days=settings["keep_days"]))
    return _shown(link, body, now, now, stale=False)


def my_copies(deps):
    """What Doorstep keeps of each of the person's accounts (for their export):
    the last copy of each link's view, council tax, benefits and rent as the
    back office said them, and when. One GetItem a link (ten at most)."""
    found = []
    for link in deps.revenue_links.links(deps.principal.user_id):
        kept = deps.revenue_links.cached(link.id)
        if kept is not None:
            found.append({"link_id": link.id, "fetched_at": stamp(kept[1]), "account": kept[0]})
    return found


def _shown(link, body, fetched_at, now, stale):
    return {**body, "id": link.id, "fetched_at": stamp(fetched_at),
            "age_s": max(0, int((now - fetched_at).total_seconds())), "stale": stale}


def document(deps, link_id, document_id):
    """A bill or letter's PDF, asked of the back office for this resident now:
    only a document listed on their account's view, never stored anywhere."""
    link = owned(deps, link_id)
    listed = _account(deps, link)
    if document_id not in {d["id"] for d in listed["documents"]}:
        raise NotFound(wording.NO_DOCUMENT, code="document_not_found")
    try:
        with backoffice.configured(deps).session(link.person_ref) as session:
            return session.document_pdf(link.account_ref, document_id, backoffice.financial_year(deps.clock()))
    except BackOfficeError:
        raise backoffice.unavailable() from None
