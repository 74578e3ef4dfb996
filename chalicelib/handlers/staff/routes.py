"""Staff routes: council staff acting on reports."""
from ...api import http
from ...api.openapi import operation, path_param, ref
from ...api.registry import Routes
from ...auth.rules import STAFF

routes = Routes("staff", schemas="chalicelib.handlers.staff.schemas")
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})


@routes.patch("/v1/staff/reports/{report_id}", STAFF, {**operation(
    "Staff: set state, priority or add a public update (written to the timeline)", "StaffUpdate", "200",
    ref("Report"), (400, 404, 409)), "parameters": [REPORT_ID]})
def staff_update_report(report_id):
    from . import triage
    return http.ok(triage.update_report(http.deps(), report_id, http.body()))
