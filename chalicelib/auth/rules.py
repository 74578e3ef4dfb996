"""The access rules a route may declare. Kept apart from the policy itself
(policy.py) because every route table names one at import time, on every
cold start, and these names need nothing else loaded."""

ANYONE = "anyone"  # anonymous or signed in; views decide what each may see
SIGNED_IN = "signed_in"
STAFF = "staff"  # staff or admin; object rules narrow it to their scope
ADMIN = "admin"
CREW = "crew"  # a street-crew member with a team; object rules narrow it to the team's jobs
RULES = (ANYONE, SIGNED_IN, STAFF, ADMIN, CREW)

# A staff desk: a route open to the staff whose roles include the desk (auth/desks.py reads which
# roles open which desk from the council's file). Declared beside each staff route as `desk("halls")`.
DESK_PREFIX = "desk:"


def desk(name):
    return DESK_PREFIX + name


def is_desk(rule):
    return isinstance(rule, str) and rule.startswith(DESK_PREFIX)


def desk_of(rule):
    return rule[len(DESK_PREFIX):] if is_desk(rule) else None
