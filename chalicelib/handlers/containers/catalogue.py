"""Which containers a property can ask for, at what price, and whether its
depot has one: all from data (the council's list and the property's rounds),
never from a screen's say-so."""
from datetime import timedelta

from ... import bindays
from ...stamps import london_today
from ..places.bins import address_or_404, rounds_for
from .limits import DEFAULT_SETTINGS, GARDEN_SUBSCRIPTION
from .wording import REASON_NAMES


def current(deps):
    """The council's container list and rules (its saved copy, else the defaults)."""
    saved, _ = deps.bulky.settings("containers")
    return saved or DEFAULT_SETTINGS


def depot_of(settings, round_id):
    return (settings.get("depots") or {}).get(round_id) or settings["depot"]


def price(settings, container, reason):
    return 0 if settings["reasons"].get(reason) == "free" else int(container["price"])


def has_garden_subscription(deps, uprn):
    today = london_today(deps.clock()).isoformat()
    return any(s.status == "active" and s.start <= today <= s.end for s in deps.garden.of_property(uprn))


def allowed(deps, uprn, settings=None):
    """(address, settings, {container id: (container, round)}) for the
    containers the property's rounds take; a container needing a garden
    subscription only while the property has an active one."""
    settings = settings or current(deps)
    address = address_or_404(deps, uprn)
    rounds = dict(rounds_for(deps, address))
    garden = None
    out = {}
    for container in settings["containers"]:
        found = rounds.get(container["stream"])
        if found is None:
            continue
        if container.get("needs") == GARDEN_SUBSCRIPTION:
            garden = has_garden_subscription(deps, address.uprn) if garden is None else garden
            if not garden:
                continue
        out[container["id"]] = (container, found)
    return address, settings, out


def own_reference(caller, opened):
    """An open request's reference, for its own resident (or the containers desk's officers) alone: anyone
    may type an address, and another household's reference is theirs. None for anyone else, or when none is
    open. The reference opens nothing by itself: the request is read with a reason (shared/reading.py)."""
    from ...auth.policy import who_opens
    from ...auth.rules import CONTAINER_REQUEST
    if opened is None or caller is None:
        return None
    request_id, user_id = opened
    return request_id if who_opens(caller, CONTAINER_REQUEST, user_id) else None


def delivery_day(deps, settings, round_model):
    """The round's first collection day at least `lead_days` after today (London)."""
    first = london_today(deps.clock()) + timedelta(days=settings["lead_days"])
    return bindays.collections(round_model.to_round(), first, count=1)[0].date


def offered(deps, uprn):
    """GET /v1/places/{uprn}/containers: each container the property may ask
    for, its price by reason, whether its depot has one, and any request open."""
    address, settings, found = allowed(deps, uprn)
    by_depot = {}
    for container, round_model in found.values():
        by_depot.setdefault(depot_of(settings, round_model.id), []).append(container["id"])
    stock = {}
    for depot, ids in by_depot.items():
        stock.update({c: (depot, n) for c, n in deps.containers.stock(depot, ids).items()})
    opened = deps.containers.open_of(address.uprn, list(found))
    caller = deps.principal
    return {"uprn": address.uprn, "address": ", ".join(address.lines or []),
            "reasons": [{"id": r, "name": REASON_NAMES.get(r, r), "charged": rule != "free"}
                        for r, rule in settings["reasons"].items()],
            "containers": [{"id": c["id"], "name": c["name"], "stream": c["stream"],
                            "prices": {r: price(settings, c, r) for r in settings["reasons"]},
                            "in_stock": stock[c["id"]][1] > 0,
                            "request_open": c["id"] in opened,
                            "open_request": own_reference(caller, opened.get(c["id"]))}
                           for c, _ in found.values()]}
