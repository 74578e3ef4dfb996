"""The services a council may switch off, and the routes that are each one's.

A council that does not offer a service online (North Lanarkshire books no
bulky collections here, say) says so in its settings (`services`); the app's
home hides it, and every route of it answers 404 at that council's address,
whoever asks, before anything is read for it: the service is not there, as a
page a site never had is not. The names are the home screen's
(web/js/services.js). The rest of the API (reports, places, accounts, alerts,
Open311, the staff's triage) is every council's. A council that does not
provide a service at all may name who does (`instead`: Newcastle-under-Lyme's
homes are Aspire Housing's): its routes then answer 404 `provided_elsewhere`
with that name, phone and web address, and the app shows them where it would
have offered the service.

A service is its capabilities' routes; waste's three services share one
capability and are told apart by path, as bin days are (a place's calendar and a
resident's own: a county whose districts collect bins offers neither)."""
from ..errors import NotFound
from . import wording as words

# By capability (chalicelib/handlers/<capability>/): every route of it is the service's.
BY_CAPABILITY = {
    "containers": "containers", "repairs": "repairs", "bills": "pay", "revenues": "council_tax",
    "landlords": "landlords", "petitions": "petitions", "democracy": "meetings", "participation": "meetings",
    "consultations": "consultations", "conversations": "chat", "forms": "forms", "appointments": "appointments",
    "hire": "hire", "planning": "planning", "moving": "moving", "schools": "schools", "business": "business",
    "licensing": "licensing",
}
# Routes told apart by the start of their path (waste's, and bin days in places and accounts).
BY_PATH = {
    "bin_days": ("/v1/places/{uprn}/bins.ics", "/v1/feeds/my-bins/"),
    "bulky": ("/v1/waste/bulky/", "/v1/places/{uprn}/bulky/", "/v1/me/bulky-bookings", "/v1/staff/waste/bulky/"),
    "garden": ("/v1/waste/garden", "/v1/places/{uprn}/garden", "/v1/me/garden-subscriptions",
               "/v1/staff/waste/garden/", "/v1/crew/garden/"),
    "missed_bin": ("/v1/places/{uprn}/missed-bins",),
    "trade_waste": ("/v1/waste/trade", "/v1/staff/waste/trade"),
}
SWITCHABLE = ("bin_days", "bulky", "garden", "missed_bin", "containers", "repairs", "pay", "council_tax", "landlords",
              "petitions", "meetings", "consultations", "chat", "forms", "appointments", "hire", "planning", "moving",
              "schools", "business", "trade_waste", "licensing")


def service_of(route):
    """The switchable service a route (api/registry.Route) is part of, or None: every council's."""
    by_path = next((name for name, starts in BY_PATH.items() if route.path.startswith(starts)), None)
    return by_path or BY_CAPABILITY.get(route.capability)


def offered(document):
    """{service: on} for every switchable service, by a council's settings document (None: none stored)."""
    off = {name for name, on in ((document or {}).get("services") or {}).items() if on is False}
    return {name: name not in off for name in SWITCHABLE}


class NotOffered(NotFound):
    code = "not_offered"


class ProvidedElsewhere(NotFound):
    """A service the council does not provide, with where its residents go for it (its settings' `instead`)."""
    code = "provided_elsewhere"

    def __init__(self, council_name, where):
        super().__init__(words.provided_elsewhere(council_name, where))
        self.instead = {key: where[key] for key in ("name", "phone", "website") if where.get(key)}

    def body(self):
        body = super().body()
        body["error"]["instead"] = self.instead
        return body


def refuse_if_off(route, council_id):
    """404 for a route of a service the council has switched off. Reads the council's settings
    only for a switchable service's route, and those from the process's copy (councils/registry.py)."""
    name = service_of(route) if route is not None else None
    if name is None:
        return
    from .registry import settings_of
    found = settings_of(council_id)
    if not offered(found[0] if found else None)[name]:
        where = (found[0].get("instead") or {}).get(name)
        if where:
            raise ProvidedElsewhere(found[0]["name"], where)
        raise NotOffered(words.NOT_OFFERED.format(council=found[0]["short_name"]))
