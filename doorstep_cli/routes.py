"""`doorstep routes`: the whole API on one screen, read from the route registry
(every route with its access rule and what it does, by capability), as MapIt's
urls.py shows its own. docs/routes.md is the same table; a test fails when it is stale."""
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "routes.md"
HEAD = ("# Routes\n\nEvery route of the API, by capability, with its access rule (chalicelib/auth/rules.py).\n"
        "A residents' route that opens a resident's thing to one desk's officers as well names the desk and\n"
        "the kind it holds (`signed_in + desk:containers (container_request)`): an officer of any other desk\n"
        "is any other resident there, and an officer of that desk reading it says why (Access-Reason).\n"
        "Written by `doorstep routes --write` from the route registry; tests/architecture/test_route_index.py\n"
        "fails when this page and the code disagree. /openapi.json describes each in full.\n")


def add_parser(commands):
    routes = commands.add_parser("routes", help="list every route of the API with its access rule")
    routes.add_argument("--write", action="store_true", help=f"write the table to docs/{DOC.name} as well")


def run(args):
    text = index()
    print(text, end="")
    if args.write:
        DOC.write_text(text)
    return 0


def index():
    """The route table as Markdown: one section per capability, in the order app.py wires them."""
    import app  # noqa: F401  (wires every capability into the registry)
    from chalicelib.api.registry import REGISTRY
    out = [HEAD]
    for table in REGISTRY.tables:
        if not table.declared:
            continue
        out.append(f"\n## {table.capability}\n\n| method | path | access | what |\n|---|---|---|---|\n")
        for route in table.declared:
            what = (route.doc.get("summary") or "").replace("|", "\\|")
            out.append(f"| {route.method} | `{route.path}` | {access_text(route)} | {what} |\n")
    return "".join(out)


def access_text(route):
    """The route's rule, and the desk (and kind) it opens a resident's thing to besides."""
    from chalicelib.auth.rules import DESK_OF_KIND, desk
    return f"{route.access} + {desk(DESK_OF_KIND[route.holds])} ({route.holds})" if route.holds else route.access
