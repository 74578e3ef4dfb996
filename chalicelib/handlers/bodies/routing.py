"""Which body a report goes to: decided from its category and point when it
is made, and again when staff move its pin or change its category.

Where several bodies hold the point and take the category, the highest
precedence wins (a road's strip over a county's polygon over the council's
whole area, as FixMyStreet keeps National Highways only within 15 m of its
road); bodies of equal precedence all get it. Until an administrator stores
the council's own body, the council is one implicitly: its whole area, every
category, its own inbox (what Doorstep did before bodies were data).
"""
from ...councils.elsewhere import refusal
from ...errors import Unacceptable
from ...storage.bodies.bodies import Body
from .wording import CONTACT_THE_COUNCIL, COUNCIL_NAME, NOBODY_TAKES_THIS, NOT_TAKEN_HERE

COUNCIL = "council"  # the id of this council's own body


class NobodyTakesThis(Unacceptable):
    """422 category_not_taken_here: the category belongs to no body at that point."""
    code = "category_not_taken_here"

    def __init__(self, service_name, contacts):
        who = " ".join(contacts) if contacts else CONTACT_THE_COUNCIL
        super().__init__(NOBODY_TAKES_THIS.format(service=service_name, who=who),
                         fields=[{"field": "service_code", "message": NOT_TAKEN_HERE}])


def implicit_council(deps):
    return Body(id=COUNCIL, name=deps.area.name or COUNCIL_NAME,
                area={"kind": "council", "geometry": deps.area.geometry},
                contact_text=CONTACT_THE_COUNCIL)


def bodies_here(deps, lon, lat):
    """Every body holding the point, highest precedence first: one Query and
    one BatchGet, and one GetItem when the council's own body is not among
    them (stored elsewhere, or not stored: the implicit one)."""
    found = deps.bodies.at_point(lon, lat)
    if not any(b.id == COUNCIL for b in found) and deps.area.contains(lon, lat) \
            and deps.bodies.get(COUNCIL) is None:
        found.append(implicit_council(deps))
    return found


def council_body(deps):
    stored = deps.bodies.get(COUNCIL)
    return stored if stored is not None and not stored.retired else implicit_council(deps)


def route(deps, service, lon=None, lat=None):
    """The bodies a report of `service` at (lon, lat) goes to. A report
    with no point (a category that needs none) goes to the council's body.
    Raises where no body holds the point (councils/elsewhere.py: another council's,
    or no council's of the deployment), NobodyTakesThis
    where none of those there takes the category."""
    here = [council_body(deps)] if lon is None else bodies_here(deps, lon, lat)
    if not here:
        raise refusal(deps, lon, lat)
    return choose(here, service)


def choose(here, service):
    code = service["service_code"]
    taking = [b for b in here if b.takes(code) and not _left(b)]
    if not taking:
        raise NobodyTakesThis(service.get("name") or code, [b.contact_text for b in here if b.contact_text][:2])
    top = max(b.precedence for b in taking)
    return [b for b in taking if b.precedence == top]


def _left(body):
    """A body that is another council of the deployment which has left it: it takes nothing more (the
    next body down does, as where the body was never added)."""
    if body.send_method != "council" or not body.council:
        return False
    from ...councils.registry import ended
    return ended(body.council)


def initial_sends(report, bodies, now):
    """A new report's Sends: the council's inbox has it the moment it is
    stored; the others wait for the send worker."""
    from ...storage.bodies.sends import Send
    return [Send(report_id=report.id, body_id=b.id, body_name=b.name, method=b.send_method,
                 state="sent" if b.send_method == "inbox" else "waiting", created_at=now,
                 sent_at=now if b.send_method == "inbox" else None,
                 next_try_at=None if b.send_method == "inbox" else now)
            for b in bodies]


def services_at(deps, services, lon, lat):
    """{service_code: [bodies]} for the categories on offer at the point:
    the same routing a report made there gets (bodies read once for all)."""
    here = bodies_here(deps, lon, lat)
    if not here:
        raise refusal(deps, lon, lat)
    offered = {}
    for service in services:
        try:
            offered[service["service_code"]] = choose(here, service)
        except NobodyTakesThis:
            continue
    return offered
