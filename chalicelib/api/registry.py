"""The route registry: every route is declared once, by its capability, with
its access rule and its OpenAPI operation beside it.

Each capability keeps a `Routes` table (a Chalice Blueprint underneath) in
its `routes.py`; `wire` registers the tables on the app and records every
(method, path) here. The access policy (auth/policy.py) and /openapi.json are
built from this record, so a route cannot exist without a rule, and a
(method, path) the record does not hold is refused rather than let through.
"""
from dataclasses import dataclass, field

from chalice import Blueprint

from ..auth.rules import ANYONE, DESK_OF_KIND, RULES, SIGNED_IN, is_desk


class RouteError(ValueError):
    """A route declared without what every route needs, or declared twice."""


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    access: str  # one of auth.rules.RULES
    doc: dict  # the OpenAPI operation
    capability: str
    holds: str | None = None  # a residents' route: the kind of thing it opens to its desk's officers too


@dataclass
class Routes:
    """One capability's route table.

    `schemas` names the module whose SCHEMAS dict holds the OpenAPI components
    its operations refer to; it is imported only to build /openapi.json.
    `council_from` ("module:function") lets a capability name the council its
    request is for, where its protocol says so (Open311's jurisdiction_id): the
    middleware asks it before anything is read (council_chooser), and imports
    it then, so api/ names no handler.
    """
    capability: str
    schemas: str | None = None
    council_from: str | None = None
    declared: list = field(default_factory=list)

    def __post_init__(self):
        self.blueprint = Blueprint(f"chalicelib.handlers.{self.capability}")

    def route(self, method, path, access, doc, holds=None, **options):
        """`holds`: on a residents' route, the kind of thing it opens (auth/rules.py DESK_OF_KIND) to the
        officers of that kind's desk as well as to its resident; without it, staff get what anyone does."""
        if access not in RULES and not is_desk(access):
            raise RouteError(f"{method} {path}: access must be one of {', '.join(RULES)}, not {access!r}.")
        if not isinstance(doc, dict) or "responses" not in doc:
            raise RouteError(f"{method} {path}: an OpenAPI operation with its responses is required.")
        if holds is not None and (holds not in DESK_OF_KIND or access not in (ANYONE, SIGNED_IN)):
            raise RouteError(f"{method} {path}: holds names a kind of auth.rules.DESK_OF_KIND, on a residents' "
                             f"route (a desk's own route opens to its desk), not {holds!r} on {access!r}.")

        def register(view):
            route = Route(method, path, access, doc, self.capability, holds)
            self.blueprint.route(path, methods=[method], **options)(_answering_store_errors(view, route))
            self.declared.append(route)
            return view
        return register

    def get(self, path, access, doc, **options):
        return self.route("GET", path, access, doc, **options)

    def post(self, path, access, doc, **options):
        return self.route("POST", path, access, doc, **options)

    def patch(self, path, access, doc, **options):
        return self.route("PATCH", path, access, doc, **options)

    def delete(self, path, access, doc, **options):
        return self.route("DELETE", path, access, doc, **options)


def _answering_store_errors(view, route):
    """The view behind the edge's checks (api/edge.py), its store errors as answers."""
    from functools import wraps

    from .edge import serving
    from .http import request, store_errors_as_api_errors

    @wraps(view)
    def answered(*args, **kwargs):
        with serving(route, kwargs, getattr(request(), "raw_body", None)), store_errors_as_api_errors():
            return view(*args, **kwargs)
    return answered


class Registry:
    """Every wired route, by (method, path)."""

    def __init__(self):
        self.routes = {}
        self.tables = []
        self.choosers = {}  # capability -> its council_from

    def wire(self, app, *tables):
        for table in tables:
            for route in table.declared:
                key = (route.method, route.path)
                if key in self.routes:
                    raise RouteError(f"{route.method} {route.path} is declared by both "
                                     f"{self.routes[key].capability} and {route.capability}.")
                self.routes[key] = route
            app.register_blueprint(table.blueprint)
            self.tables.append(table)
            if table.council_from:
                self.choosers[table.capability] = table.council_from
            if table.schemas:
                from .edge import SCHEMA_MODULES
                SCHEMA_MODULES[table.capability] = table.schemas

    def council_chooser(self, method, path):
        """The function the capability of (method, path) names to choose its request's
        council from the request (None: the address's council); None when it names none."""
        route = self.routes.get((method, path))
        named = self.choosers.get(route.capability) if route else None
        if named is None:
            return None
        from importlib import import_module
        module, _, name = named.partition(":")
        return getattr(import_module(module), name)

    def rule_for(self, method, path):
        """The access rule of (method, path), or None for a route nobody declared."""
        route = self.routes.get((method, path))
        return route.access if route else None


REGISTRY = Registry()  # the app's; app.py wires the capabilities into it


def api_path_patterns(paths):
    """The path patterns, from their first segment, that reach the API and not the web app's files:
    /api/*, /open311/*, /openapi.json, /v1/*. CloudFront's behaviours (infra/template/site.py) and the
    local server of `make run` (doorstep_cli/local/devserver.py) both route by these, so a route added
    anywhere is served alike by both. The catch-all JSON 404 route is left out: other paths are the
    web app's."""
    patterns = set()
    for path in paths:
        first = path.split("/")[1]
        if first.startswith("{"):
            continue
        patterns.add(f"/{first}/*" if "/" in path[1:] else f"/{first}")
    return sorted(patterns)
