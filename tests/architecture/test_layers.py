"""The layers docs/architecture.md draws, checked: only storage/ knows PynamoDB, and no
module of chalicelib or doorstep_cli imports itself back through another (no import
cycle), counting the imports inside functions too."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "chalicelib"


def modules(package=PACKAGE):
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path, path.name == "__init__.py"


# (file, its modification time, name, package or not): what it imports. Parsed once per test process, not once
# per test: this file's tests and test_capabilities' walk the same 700 files, seven times in all.
_IMPORTS = {}


def imports(name, path, is_package):
    """Every module `name` imports, resolved to absolute names, at any depth of the file."""
    key = (path, path.stat().st_mtime_ns, name, is_package)
    if key not in _IMPORTS:
        _IMPORTS[key] = tuple(_imports(name, path, is_package))
    return iter(_IMPORTS[key])


def _imports(name, path, is_package):
    base = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = ".".join(base[:len(base) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def graph(package=PACKAGE):
    known = {name for name, _, _ in modules(package)}
    return {name: {m for m in imports(name, path, pkg) if m in known and m != name}
            for name, path, pkg in modules(package)}


def test_only_storage_imports_pynamodb():
    outside = {name: sorted(m for m in imports(name, path, pkg) if m.split(".")[0] == "pynamodb")
               for name, path, pkg in modules() if not name.startswith("chalicelib.storage")}
    assert {name: found for name, found in outside.items() if found} == {}


def test_no_handler_reaches_for_a_model_or_a_storage_module_other_than_stores_and_records():
    allowed = {"chalicelib.storage", "chalicelib.storage.records", "chalicelib.storage.errors",
               "chalicelib.storage.metering"}
    found = {}
    for name, path, pkg in modules():
        if name.startswith("chalicelib.handlers"):
            wrong = sorted(m for m in imports(name, path, pkg) if m.startswith("chalicelib.storage")
                           and m not in allowed and not m.endswith(("Store", "store")) and "Model" in m)
            if wrong:
                found[name] = wrong
    assert found == {}


def _cycles(edges):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    return out


def test_no_module_imports_itself_back_through_others():
    edges = graph()
    # A package's __init__ is not an edge to its submodules' dependencies:
    # importing chalicelib.handlers.reports.create imports the package first.
    assert _cycles(edges) == []


def test_no_module_of_the_command_line_imports_itself_back_through_others():
    assert _cycles(graph(ROOT / "doorstep_cli")) == []
