"""The access rules a route may declare. Kept apart from the policy itself
(policy.py) because every route table names one at import time, on every
cold start, and these names need nothing else loaded."""

ANYONE = "anyone"  # anonymous or signed in; views decide what each may see
SIGNED_IN = "signed_in"
STAFF = "staff"  # staff or admin; object rules narrow it to their scope
ADMIN = "admin"
CREW = "crew"  # a street-crew member with a team; object rules narrow it to the team's jobs
RULES = (ANYONE, SIGNED_IN, STAFF, ADMIN, CREW)
