"""PlanIt's JSON API (planit.org.uk), for a council that prefers it to its own register."""
