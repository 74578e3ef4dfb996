"""Report states as councils use them, modelled on FixMyStreet's set.

Each state is open or closed; the map index keeps the two apart so the
default "open reports" map reads only open reports.
"""
OPEN_STATES = {
    "open": "Open",
    "investigating": "Investigating",
    "action_scheduled": "Action scheduled",
    "in_progress": "In progress",
}
CLOSED_STATES = {
    "fixed": "Fixed",
    "closed": "Closed",
    "duplicate": "Duplicate",
    "not_responsible": "Not the council's responsibility",
    "unable_to_fix": "Unable to fix",
    "no_further_action": "No further action",
}
LABELS = {**OPEN_STATES, **CLOSED_STATES}
INITIAL = "open"
PRIORITIES = ("low", "normal", "high", "urgent")  # council-internal: never shown to the public


def is_open(state):
    return state in OPEN_STATES


def bucket(state):
    """The map index partition suffix: 'o' for open states, 'c' for closed."""
    return "o" if is_open(state) else "c"


def states_for_filter(value):
    """Parse a `status` filter: open, closed, all, or a comma list of states.

    Returns the set of states, or None when the value names an unknown state.
    """
    value = (value or "open").strip().lower()
    if value == "open":
        return set(OPEN_STATES)
    if value == "closed":
        return set(CLOSED_STATES)
    if value == "all":
        return set(LABELS)
    wanted = {v.strip() for v in value.split(",") if v.strip()}
    return wanted if wanted and wanted <= set(LABELS) else None
