"""The committee system the sync talks to (residents' reads never do)."""


def configured(deps):
    """deps.committee_system, else the one the council's settings name, else None
    (imported only here, so the app's import pays nothing for the adapter).
    Another vendor (CMIS: port.py says how) is picked here by its `vendor`."""
    if deps.committee_system is not None:
        return deps.committee_system
    from ...councils.backoffices import adapter
    return adapter(deps, "committee", _moderngov)


def _moderngov(options):
    from .moderngov.client import from_options
    return from_options(options)
