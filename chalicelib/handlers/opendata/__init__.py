"""Open data: every public report as CSV and GeoJSON, written daily to the
photo bucket's public-data/ prefix under the council's licence (export.py),
found at GET /v1/open-data (routes.py)."""
