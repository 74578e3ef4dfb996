"""Planning applications: anyone reads our copy of the council's planning
register (never the register itself: the sync, sync.py, reads that); staff
see the sync's health. Doorstep takes no planning comments: an open
application links to its comment tab on the council's own register."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, desk
from ..alerts.audience import register
from ..shared import effects
from . import limits

routes = Routes("planning", schemas="chalicelib.handlers.planning.schemas")
# A new application, a decision, a withdrawal or an appeal tells the area alerts that hold it (notices.py).
register("planning_", "chalicelib.handlers.planning.notices")
# An agenda naming applications (democracy/planning_refs.py): each application's committee kept (committee.py).
effects.register("meeting_planning_items", "planning.committee", "chalicelib.handlers.planning.committee:on_agenda")
APPLICATION_ID = path_param("application_id", {"type": "string", "pattern": limits.ID_PATTERN})
BRIEF = {"Cache-Control": "no-cache"}  # our copy changes with each sync: asked again, cheaply


@routes.get("/v1/planning/applications", ANYONE, {
    "summary": "Planning applications within a radius of a point (an address or the map), nearest first, by phase: "
               "open for comments, awaiting a decision, decided. Our copy of the register: it answers the same, "
               "with its age, while the register is away. One Query per range of cells the circle covers, and "
               "the sync's health (Server-Timing says so)",
    "parameters": [q("lat", "latitude", required=True, schema={"type": "number", "minimum": -90, "maximum": 90}),
                   q("lon", "longitude", required=True, schema={"type": "number", "minimum": -180, "maximum": 180}),
                   q("radius", f"metres, 50 to {limits.RADIUS_MAX_M} (default {limits.RADIUS_DEFAULT_M})",
                     schema={"type": "number", "minimum": 50, "maximum": limits.RADIUS_MAX_M}),
                   q("status", "open, awaiting or decided (default: all)",
                     schema={"type": "string", "enum": list(limits.PHASES)})],
    "responses": {"200": json_response(ref("PlanningApplications")),
                  **errors(400, **{"422": "A point outside the council's area (code outside_service_area)"})}})
def applications_near():
    from .reads import near
    return http.ok(near(http.deps(), http.query()), headers=BRIEF)


@routes.get("/v1/planning/applications/{application_id}", ANYONE, {
    "summary": "One planning application by its reference as a path segment (24/01234/FUL is 24-01234-ful): "
               "its proposal, address, validated date, when comments close in words, its decision with its date, "
               "and while comments are open, the link to comment on the council's own register",
    "parameters": [APPLICATION_ID],
    "responses": {"200": json_response(ref("PlanningApplication")),
                  **errors(400, **{"404": "No such application in our copy (code application_not_found)"})}})
def application(application_id):
    from .reads import one
    return http.ok(one(http.deps(), application_id), headers=BRIEF)


@routes.get("/v1/staff/planning/health", desk("planning"), {
    "summary": "The planning sync's health: its last run (requests made, lists read, applications new and "
               "changed, unplaced, why it stopped), when the register last answered completely, and its "
               "warnings (pages of a shape it does not read, applications without a value every application has, "
               "error pages, the register away)",
    "responses": {"200": json_response(ref("PlanningHealth")), **errors(401, 403)}})
def planning_health():
    from .reads import freshness
    deps = http.deps()
    health, _ = deps.planning.state("health")
    return http.ok({"configured": _configured(deps), "last_run": (health or {}).get("last_run"),
                    "warnings": (health or {}).get("warnings", []), **freshness(deps)}, headers=BRIEF)


def _configured(deps):
    from .backoffice import options
    return options(deps) is not None
