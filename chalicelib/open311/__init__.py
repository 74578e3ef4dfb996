"""Open311 GeoReport v2: wire formats and parameters (views are in handlers/open311)."""
