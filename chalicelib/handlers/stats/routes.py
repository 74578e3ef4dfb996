"""Public performance: GET /v1/stats, the figures a resident can check the
council by, kept as reports change (counting.py) and read in one Query."""
from ...api import http
from ...api.openapi import json_response, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE

routes = Routes("stats", schemas="chalicelib.handlers.stats.schemas")
MAX_AGE_SECONDS = 300  # figures move with each report; five minutes old is still the council's record


@routes.get("/v1/stats", ANYONE, {
    "summary": "Public performance: reports by category, ward, month and channel; days to fix; "
               "share fixed within each category's target",
    "responses": {"200": {**json_response(ref("Stats")),
                          "headers": {"ETag": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified (If-None-Match)"}}})
def get_stats():
    import json
    from ...storage import metering
    from .figures import figures
    metering.expose()  # its cost is public: what it reads does not grow with reports
    return http.cacheable(http.request(), json.dumps(figures(http.deps())), http.JSON, MAX_AGE_SECONDS)
