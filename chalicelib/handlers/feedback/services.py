"""The services a transaction belongs to, each named by the desk whose officers deal with it: they
read its comments (auth/desks.py opens a desk to its roles), so feedback has no roles of its own."""
SERVICES = ("reports", "bills", "halls", "bulky", "containers", "garden", "forms", "moving", "repairs",
            "appointments", "landlords", "consultations", "council_tax", "payments")
CHANNELS = ("online", "assisted")  # self-service, or an officer on the resident's behalf


def desk_of(service):
    """The desk whose officers read `service`'s feedback (moving has none of its own: the council tax
    desk deals with a move's change of address)."""
    return {"moving": "council_tax"}.get(service, service)


# The feedback services a council may switch off, by the switch's own name (councils/services.py).
SWITCHED_AS = {"halls": "hire", "bills": "pay", "payments": "pay", "bulky": "bulky", "garden": "garden",
               "containers": "containers", "forms": "forms", "moving": "moving", "repairs": "repairs",
               "appointments": "appointments", "landlords": "landlords", "consultations": "consultations",
               "council_tax": "council_tax"}


def offered_here(council):
    """The services `council` offers (those it switched off left out), in SERVICES' order: its settings
    are kept in the process (councils/registry.py), so this reads nothing on a warm function."""
    from ...councils.registry import settings_of
    from ...councils.services import offered
    found = settings_of(council)
    on = offered(found[0] if found else None)
    return [s for s in SERVICES if on.get(SWITCHED_AS.get(s), True)]
