"""docs/routes.md is the API on one screen: it must say what the registry holds."""
from doorstep_cli import routes


def test_the_route_index_in_the_docs_lists_every_route_the_app_wires():
    assert routes.DOC.read_text() == routes.index(), \
        "docs/routes.md is stale: run `.venv/bin/doorstep routes --write` and commit it"


def test_the_route_index_names_each_route_once_with_its_access_rule_and_the_desk_its_thing_opens_to():
    from chalicelib.api.registry import REGISTRY
    rows = [line for line in routes.index().splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(REGISTRY.routes)
    for (method, path), route in REGISTRY.routes.items():
        assert f"| {method} | `{path}` | {routes.access_text(route)} |" in routes.index()
