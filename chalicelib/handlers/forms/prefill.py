"""Answers offered before a resident types them, from what the council knows.

A question names its source (`prefill`, limits.PREFILL). The signed-in
account's own e-mail, name and phone are offered. The council tax ones come from the
resident's linked council tax account (handlers/revenues): its reference,
and its property as one of the council's addresses, read from the account's
view as the council tax screen shows it (the copy kept for minutes, so a
resident who has just looked asks the back office nothing; one session
otherwise). With no link, several links (which account is the form about?
the resident says) or the back office unreachable, nothing is offered and
the resident types it. Offered answers go only to the resident themselves
(the page's answer is no-store) and are never stored until they save the
page. `council_tax.name` offers nothing: the account's view does not carry
the name on the bill, and asking the back office for it is a lookup of its
own."""
import re

COUNCIL_TAX = "council_tax."


def prefilled(deps, page):
    """{question id: suggested answer} for the questions of `page` the caller's
    details can fill."""
    principal = deps.principal
    sources = {q["id"]: q.get("prefill") for q in page["questions"] if q.get("prefill")}
    if principal is None or not sources:
        return {}
    known = {"account.email": principal.email}
    if {"account.name", "account.phone"} & set(sources.values()):  # one read of the account, only when asked for
        user = deps.accounts.user(principal.user_id) if deps.accounts else None
        known.update({"account.name": getattr(user, "name", None), "account.phone": getattr(user, "phone", None)})
    if any(s.startswith(COUNCIL_TAX) for s in sources.values()):
        known.update(council_tax(deps, principal.user_id))
    offered = {}
    for question in page["questions"]:
        value = known.get(sources.get(question["id"]))
        if value and question["type"] == "property" and not isinstance(value, dict):
            continue
        if value and question["type"] == "address" and isinstance(value, dict):
            value = address_parts(value)
        if value and question["type"] == "name" and isinstance(value, str):
            value = name_parts(value, question.get("parts", "full"))
        if value:
            offered[question["id"]] = value
    return offered


def council_tax(deps, user_id):
    """{"council_tax.account_number": ..., "council_tax.address": {uprn, text, postcode}} of the
    resident's one linked account; {} without exactly one."""
    links = deps.revenue_links.links(user_id)
    if len(links) != 1:
        return {}
    link = links[0]
    known = {"council_tax.account_number": link.account_ref}
    place = _property(deps, link)
    if place is not None:
        known["council_tax.address"] = place
    return known


def _property(deps, link):
    from ...errors import ApiError
    from ..revenues.view import account
    try:
        view = account(deps, link.id)
    except ApiError:
        return None  # the back office is down and nothing is kept: the resident types it
    shown = view.get("property") or {}
    address = deps.addresses.get(shown.get("place_ref")) if str(shown.get("place_ref", "")).isdigit() else None
    if address is None and shown.get("postcode"):
        first = _plain(shown.get("address", "").split(",")[0])
        address = next((a for a in deps.addresses.by_postcode(shown["postcode"])
                        if _plain(a.text.split(",")[0]) == first), None)
    if address is None:
        return None
    return {"uprn": address.uprn, "text": address.text, "postcode": address.postcode}


def _plain(text):
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def name_parts(name, parts):
    """An account's name as a name question's parts: whole, or the last word as the last name."""
    if parts == "full":
        return {"full": name}
    first, _, last = name.strip().rpartition(" ")
    return {"first": first or last, "last": last if first else "", **({"middle": ""} if "middle" in parts else {})}


def address_parts(place):
    """A property as an address question's parts (its lines as the gazetteer has them)."""
    lines = [p.strip() for p in place.get("text", "").split(",") if p.strip()]
    postcode = place.get("postcode", "")
    lines = [line for line in lines if line.replace(" ", "") != postcode.replace(" ", "")]
    return {"line1": lines[0] if lines else "", "line2": ", ".join(lines[1:-1]) if len(lines) > 2 else "",
            "town": lines[-1] if len(lines) > 1 else "", "postcode": postcode}
