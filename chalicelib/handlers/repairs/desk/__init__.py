"""The repairs desk, the operatives' side in the crew app, and what follows a
repair (issue 58, items 5 and 6): routes in routes.py, wired with the
tenant's (../routes.py)."""

# What the desk's routes and their checks share with /openapi.json (the route table imports this alone).
PRIORITIES = ("emergency", "urgent", "routine")
TEAM_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"
FOLLOW_ON_KEY_MAX = 200  # the follow-on's key names its repair (staffing.follow_on): any non-empty key
