"""The planning register the sync talks to (residents' reads never do): the one the council's
settings name (councils/backoffices.py), its options filled in from the defaults settings.py says."""

DEFAULTS = {"vendor": "idox", "authority": "", "wards": [], "backoff_s": 60, "tries": 3, "quiet": "00:30-06:30",
            "budget": 60, "weeks": 4, "timeout_s": 20}


def options(deps):
    """The council's register's options, each filled in; None when it has none."""
    from ...councils.backoffices import named
    found = named(deps.council, "planning")
    if found is None:
        return None
    full = {**DEFAULTS, **found}
    full.setdefault("gap_s", 60 if full["vendor"] == "planit" else 10)
    return full


def configured(deps, clock=None, sleep=None):
    """deps.planning_register, else the adapter the council's settings name, else None.
    Adapters are imported only here: the app's import pays nothing for them."""
    if deps.planning_register is not None:
        return deps.planning_register
    found = options(deps)
    if found is None:
        return None
    if found["vendor"] == "planit":
        from .planit.client import from_settings
    else:
        from .idox.client import from_settings
    return from_settings(found, clock=clock, sleep=sleep)
