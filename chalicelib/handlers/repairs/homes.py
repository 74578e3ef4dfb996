"""A tenant's home: the council tenancy whose rent account the back office
lists for a person the tenant's council tax link names (handlers/revenues).
A repair names one of these and no other home; the home's id is its rent
account's reference, which is also its location at the contractor's
scheduler (a council whose scheduler numbers homes otherwise maps them there)."""
from ...errors import ApiError, NotFound
from . import wording

CURRENT = ("Current", "")  # the back office's word for a tenancy held now ("" where it says none)


def homes(deps):
    """[{id, address, block}] of the caller's current tenancies (block: {id, name}, or None): one Query of their
    links and one back-office session per person linked (one, nearly always)."""
    from ..revenues import backoffice
    from ..revenues.port import BackOfficeError
    found, people = {}, []
    for link in deps.revenue_links.links(deps.principal.user_id):
        if link.person_ref not in people:
            people.append(link.person_ref)
    try:
        for person in people:
            with backoffice.configured(deps).session(person) as session:
                for rent in session.rent_accounts():
                    if rent.status in CURRENT:
                        found[rent.reference] = {"id": rent.reference, "address": rent.address,
                                                 "block": _block(rent.reference)}
    except BackOfficeError:
        raise ApiError(wording.HOMES_UNAVAILABLE, status=503, code="tenancy_unavailable",
                       headers={"Retry-After": "300"}) from None
    return list(found.values())


def _block(home_id):
    from .blocks import block_of
    found = block_of(home_id)
    return {"id": found["id"], "name": found["name"]} if found else None


def home_of(deps, home_id):
    """The caller's home with that id; 404 for any other, theirs or not."""
    for home in homes(deps):
        if home["id"] == home_id:
            return home
    raise NotFound(wording.NO_SUCH_HOME, code="home_not_found")
