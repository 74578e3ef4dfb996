"""Public performance: counters kept from the events stream as reports change
(counting.py), read whole as GET /v1/stats (figures.py)."""
