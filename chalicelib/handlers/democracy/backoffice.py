"""The committee system the sync talks to (residents' reads never do)."""


def configured(deps):
    """deps.committee_system, else the one configuration names, else None
    (imported only here, so the app's import pays nothing for the adapter).
    Another vendor (CMIS: port.py says how) is picked here by a setting."""
    if deps.committee_system is None:
        from .moderngov.client import from_configuration
        deps.committee_system = from_configuration()
    return deps.committee_system
