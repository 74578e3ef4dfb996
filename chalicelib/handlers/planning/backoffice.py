"""The planning register the sync talks to (residents' reads never do)."""


def configured(deps, clock=None, sleep=None):
    """deps.planning_register, else the adapter configuration names (settings.py), else None.
    Adapters are imported only here: the app's import pays nothing for them."""
    if deps.planning_register is not None:
        return deps.planning_register
    from .settings import planning
    found = planning()
    if not found["url"]:
        return None
    if found["vendor"] == "planit":
        from .planit.client import from_settings
    else:
        from .idox.client import from_settings
    return from_settings(found, clock=clock, sleep=sleep)
