"""The licences a business's activity needs at the council: one source of
truth, the council's licensing types (handlers/licensing/catalogue.py). Its
settings' `business.activities` name licence type ids for each activity; each
id must be one of the council's types (councils/checks_business.py refuses
another), and its words, its application and its state come from licensing.

Each licence is offered with a link to apply for that type at this council:
the council's own address (its configuration, never a request's headers),
carrying the business's trading name, premises address and UPRN, so the
application does not ask them again."""
from urllib.parse import urlencode


def licences_for(deps, activity, types=None):
    """[{id, licence_name}] in the settings' order, each one of the council's licence types."""
    from ..licensing import catalogue
    types = catalogue.of_council(deps) if types is None else types
    named = ((deps.council.document or {}).get("business") or {}).get("activities") or {}
    return [{"id": t["id"], "licence_name": t["name"]}
            for t in (catalogue.find(types, i) for i in named.get(activity, [])) if t is not None]


def apply_link(deps, start, type_id):
    """Where the resident applies for `type_id` with the business's details filled in."""
    from ..alerts.delivery import links_base
    address, postcode = start["address"], start.get("postcode") or ""
    if postcode and postcode not in address:
        address = f"{address}, {postcode}"  # the address base keeps the postcode apart: the licence's address has it
    details = {"name": start.get("trading_name") or "", "address": address, "uprn": start["uprn"]}
    return f"{links_base(deps)}/licensing/apply/{type_id}?{urlencode(details)}"


# A case's state as the business's page counts it: not applied, applied (with the case), granted, suspended,
# or ended (refused, withdrawn, or a licence revoked, surrendered or expired: the business may apply again).
GRANTED = ("granted", "deemed_granted")
ENDED = ("refused", "withdrawn")
LICENCE_ENDED = ("revoked", "surrendered", "expired")


def cases_by_type(deps, start):
    """{type id: the newest of the resident's own cases for these premises}: one Query of licensing's
    `user` index (the applicant's own cases, newest first), matched by the premises' UPRN."""
    found = {}
    for case in deps.licensing.of_user(start["user_id"], limit=50):
        if (case.premises or {}).get("uprn") == start["uprn"] and case.type_id not in found:
            found[case.type_id] = case
    return found


def stage(case):
    """(stage, the words' state): a granted case is its licence's state now (the desk suspends, revokes and
    takes surrenders on the licence, the case stays granted)."""
    if case is None:
        return "not_applied", None
    if case.state in GRANTED:
        licence = (case.licence or {}).get("state") or "current"
        if licence == "suspended":
            return "suspended", licence
        return ("ended", licence) if licence in LICENCE_ENDED else ("granted", case.state)
    return ("ended" if case.state in ENDED else "applied"), case.state
