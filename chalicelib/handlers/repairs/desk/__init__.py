"""The repairs desk, the operatives' side in the crew app, and what follows a
repair (issue 58, items 5 and 6): routes in routes.py, wired with the
tenant's (../routes.py)."""
