"""What a resident sees of a linked account: one back-office session, kept
per link for minutes (a second look asks nothing), and the last copy with
its age while the back office is down, slow, confused or refusing.

The first screen is the balance and the next instalment, the address and band,
and the year's charges line by line (a Scottish bill's council tax, water and
waste water, each with the rule that made it: charges.py): crmlogin, cocrmper,
ctxdet, ctxprop and ctxtrn, 5 calls in a row where the whole account took 9 to
13. ctxtrn holds the year's payments too, so the payments section comes with
the first screen. The rest is in sections, each asked for when the resident
opens it (`?sections=plan,documents`): plan (irins), documents (viewdoc), benefits (hbsel, hbdet per claim, hbpaydet
twice) and rent (rntsel, rnttrn per tenancy). Each is kept in the same copy
with the time it was read, so one opened within minutes asks nothing; without
`sections` every section is given, as before (staff's lookup, payments'
offers, the export). `warm` reads the first screen of each link whose copy is
not fresh, so the app calls it when a linked resident opens it and a tap on
the account answers from the copy. Its DynamoDB cost: the link and the copy
read (2 GetItems), the copy written when anything was read (1 PutItem).
"""
from dataclasses import asdict
from datetime import timedelta

from ...config import revenues as revenue_settings
from ...errors import NotFound, ValidationFailed
from ...stamps import stamp
from . import backoffice, charges, limits, wording
from .linking import owned
from .port import BackOfficeError

SECTIONS = limits.SECTIONS
WITH_FIRST_SCREEN = ("payments",)  # read in the first screen's ctxtrn


def fetch(revenues, link, year, sections=SECTIONS, council=None):
    """The account as the back office has it now (raises BackOfficeError)."""
    with revenues.session(link.person_ref) as session:
        return read(session, link.account_ref, year, sections, council)


def first_screen(session, account_ref, year, council=None):
    """The balance and next instalment (ctxdet), the address and band (ctxprop), and the year's
    charges and payments (ctxtrn), the charges explained by `council`'s rules (charges.py)."""
    summary = session.summary(account_ref, year)
    places = session.properties(account_ref, year)
    transactions = session.transactions(account_ref, year)
    upcoming = {"due": summary.next_due, "amount": summary.next_amount, "direct_debit": summary.direct_debit} \
        if summary.next_due and summary.next_amount else None
    band = places[0].band if places else None
    return {"reference": account_ref, "year": year, "summary": asdict(summary),
            "property": asdict(places[0]) if places else None, "next_instalment": upcoming,
            "charges": charges.lines(transactions, band, council, year), "payments": _paid(transactions)}


def section(session, account_ref, year, name):
    """One section's part of the view, read on an open session."""
    if name == "plan":
        return {"instalments": [asdict(i) for i in session.instalments(account_ref, year)]}
    if name == "payments":
        return {"payments": _paid(session.transactions(account_ref, year))}
    if name == "documents":
        documents = [d for d in session.documents() if d.account_ref == account_ref or d.module == "H"]
        return {"documents": [{"id": d.id, "name": d.name, "kind": d.kind, "created": d.created,
                               "about": "benefits" if d.module == "H" else "council_tax"} for d in documents]}
    if name == "benefits":
        claims = [asdict(session.benefit_claim(c.number, c.place_ref)) for c in session.benefit_claims()]
        paid = [asdict(p) for kind in ("housing", "council_tax") for p in session.benefit_payments(kind)] \
            if claims else []
        return {"benefit_claims": claims, "benefit_payments": paid}
    return {"rent_accounts": [{**asdict(rent), "payments": _paid(session.rent_transactions(rent.reference, year))}
                              for rent in session.rent_accounts()]}


def read(session, account_ref, year, sections=SECTIONS, council=None):
    """One account's view on an open session: the first screen and `sections`."""
    body = first_screen(session, account_ref, year, council)
    for name in sections:
        if name not in WITH_FIRST_SCREEN:
            body.update(section(session, account_ref, year, name))
    return body


def _paid(transactions):
    """Money in (payments, benefit credited) in the back office's order, as positive pence;
    a payment's reference where the back office keeps one (a payment posted from here: its id)."""
    return [{"date": t.date, "amount": -t.amount, "kind": t.kind, "method": t.method,
             **({"reference": t.reference} if t.reference else {})}
            for t in transactions if t.amount < 0]


def wanted(query):
    """`sections` of the query: None for all (no parameter), else the names given ("" for none)."""
    if query is None or "sections" not in query:
        return SECTIONS
    names = [n for n in (query.get("sections") or "").split(",") if n and n != "none"]
    if any(n not in SECTIONS for n in names):
        raise ValidationFailed([("sections", wording.SECTIONS)])
    return tuple(dict.fromkeys(names))


def account(deps, link_id, sections=SECTIONS):
    return _account(deps, owned(deps, link_id), sections)


def _account(deps, link, sections=SECTIONS):
    """The first screen and `sections`, from the kept copy where each part is
    fresh, else asked of the back office for what is not (one session), and
    the last copy with its age when it cannot be asked."""
    now = deps.clock()
    settings = revenue_settings()
    kept = deps.revenue_links.cached(link.id)
    body, fetched_at = (kept[0], kept[1]) if kept is not None else ({}, None)
    read_at = dict(body.get("sections_at") or {})
    fresh = fetched_at is not None and (now - fetched_at).total_seconds() < settings["fresh_s"]
    stale_parts = [n for n in sections if not fresh or n not in read_at or
                   (now - _moment(read_at[n])).total_seconds() >= settings["fresh_s"]]
    if fresh and not stale_parts:
        return _shown(link, body, fetched_at, now, stale=False)
    try:
        with backoffice.configured(deps).session(link.person_ref) as session:
            year = backoffice.financial_year(now)
            new = first_screen(session, link.account_ref, year, deps.council) if not fresh else {}
            if not fresh:  # what came with the first screen is as fresh as it
                stale_parts = list(dict.fromkeys([*stale_parts, *WITH_FIRST_SCREEN]))
            for name in stale_parts:
                if fresh or name not in WITH_FIRST_SCREEN:
                    new.update(section(session, link.account_ref, year, name))
    except BackOfficeError as e:
        if kept is None or any(n not in read_at for n in sections):
            raise backoffice.unavailable(now, failure=e) from None
        return {**_shown(link, body, fetched_at, now, stale=True), "back_at": stamp(backoffice.back_at(now))}
    read_at.update({n: stamp(now) for n in stale_parts})
    if not fresh and body.get("year") not in (None, new["year"]):  # a new financial year: last year's parts go
        body, read_at = {}, {n: stamp(now) for n in stale_parts}
    body = {**body, **new, "sections_at": read_at}
    fetched_at = now if not fresh else fetched_at
    deps.revenue_links.keep(link.user_id, link.id, body, fetched_at, now + timedelta(days=settings["keep_days"]))
    return _shown(link, body, fetched_at, now, stale=False)


def _moment(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def warm(deps):
    """The first screen of each of my links whose copy is not fresh, read now
    and kept (the app asks when a linked resident opens it, without waiting).
    A back office that cannot be asked is no error here: the copy stays."""
    warmed = 0
    for link in deps.revenue_links.links(deps.principal.user_id):
        kept = deps.revenue_links.cached(link.id)
        if kept is not None and (deps.clock() - kept[1]).total_seconds() < revenue_settings()["fresh_s"]:
            continue
        try:
            _account(deps, link, sections=())
            warmed += 1
        except Exception:  # noqa: BLE001 (down, or not configured: the tap will say so)
            continue
    return {"warmed": warmed}


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
    listed = _account(deps, link, ("documents",))
    if document_id not in {d["id"] for d in listed["documents"]}:
        raise NotFound(wording.NO_DOCUMENT, code="document_not_found")
    try:
        with backoffice.configured(deps).session(link.person_ref) as session:
            return session.document_pdf(link.account_ref, document_id, backoffice.financial_year(deps.clock()))
    except BackOfficeError as e:
        raise backoffice.unavailable(failure=e) from None
