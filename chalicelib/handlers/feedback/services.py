"""The services a transaction belongs to, each named by the desk whose officers deal with it: they
read its comments (auth/desks.py opens a desk to its roles), so feedback has no roles of its own."""
SERVICES = ("reports", "bills", "halls", "bulky", "containers", "garden", "forms", "moving", "repairs",
            "appointments", "landlords", "consultations", "council_tax", "payments")
CHANNELS = ("online", "assisted")  # self-service, or an officer on the resident's behalf


def desk_of(service):
    """The desk whose officers read `service`'s feedback (moving has none of its own: the council tax
    desk deals with a move's change of address)."""
    return {"moving": "council_tax"}.get(service, service)
