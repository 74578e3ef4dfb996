"""Capabilities form a directed graph with a stated order: each may import
those below it, never one above, counting the imports inside functions too.
Where a lower capability must call a higher one it does so through a hook the
higher one registers (reports/hooks.py), and the events stream's router
(handlers/stream.py) stands above them all. shared/ is beneath everything.
api/ (the HTTP layer) imports nothing from handlers/ but the Deps it builds,
which live at chalicelib/deps.py."""
from test_layers import _cycles, graph

# Bottom first. A new capability takes the place its imports allow.
ORDER = ["shared", "feedback", "payments", "places", "bodies", "alerts", "reports", "crews", "staff", "questionnaires", "stats",
         "open311", "forwarding", "opendata", "moderation", "waste", "conversations", "petitions", "democracy", "participation", "revenues", "landlords", "bills", "appointments", "containers", "hire", "repairs", "accounts", "officers", "scim", "operator", "forms", "consultations", "planning", "licensing", "moving", "schools", "business", "council", "privacy", "retention", "system", "stream"]
HANDLERS = "chalicelib.handlers."


def capability(module):
    return module[len(HANDLERS):].split(".")[0] if module.startswith(HANDLERS) else None


def capability_edges(modules=None):
    """{capability: {capabilities it imports}} from the module graph."""
    edges = {}
    for module, targets in (modules or graph()).items():
        source = capability(module)
        if source is None:
            continue
        edges.setdefault(source, set()).update(
            t for t in map(capability, targets) if t is not None and t != source)
    return edges


def upward(edges):
    """The edges that point up the stated order (or touch a capability it does not name)."""
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted((s, t) for s, targets in edges.items() for t in targets
                  if s not in rank or t not in rank or rank[t] >= rank[s])


def test_no_capability_imports_another_that_imports_it_back():
    assert _cycles(capability_edges()) == []


def test_every_capability_imports_only_those_below_it_in_the_stated_order():
    assert upward(capability_edges()) == []


def test_every_capability_package_has_its_place_in_the_order():
    assert set(capability_edges()) <= set(ORDER)


def test_a_loop_between_two_capabilities_is_caught_even_inside_a_function():
    # The checker itself, on the loop that once ran crews -> reports -> crews.
    modules = {"chalicelib.handlers.crews.field_updates": {"chalicelib.handlers.reports.uploads"},
               "chalicelib.handlers.reports.create": {"chalicelib.handlers.crews.raised"}}
    edges = capability_edges(modules)
    assert _cycles(edges) == [["crews", "reports"]]
    assert upward(edges) == [("reports", "crews")]


def test_the_api_layer_imports_nothing_from_the_handlers():
    found = {m: sorted(t for t in targets if t.startswith("chalicelib.handlers"))
             for m, targets in graph().items() if m.startswith("chalicelib.api")}
    assert {m: t for m, t in found.items() if t} == {}
