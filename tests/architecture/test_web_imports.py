"""The web app's modules are no circle: the router imports every screen (each on first visit),
so no screen imports the router. Screens navigate and redraw through js/navigation.js, which
imports no screen; only main.js starts the router. The router and 58 screens were one circle
(each screen imported navigate from the router)."""
import re
from pathlib import Path

JS = Path(__file__).resolve().parents[2] / "web" / "js"
IMPORTS = re.compile(r"""(?:^|\n)\s*import\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)""")


def imports_of(module: Path) -> set[Path]:
    found = set()
    for static, dynamic in IMPORTS.findall(module.read_text()):
        name = static or dynamic
        if name.startswith("."):
            found.add((module.parent / name).resolve())
    return found


def test_no_module_but_main_imports_the_router():
    router = (JS / "router.js").resolve()
    importers = sorted(str(m.relative_to(JS)) for m in JS.rglob("*.js") if router in imports_of(m))
    assert importers == ["main.js"]


def test_navigation_imports_no_screen_and_nothing_that_does():
    navigation = (JS / "navigation.js").resolve()
    reached, todo = set(), [navigation]
    while todo:
        module = todo.pop()
        for target in imports_of(module) - reached:
            reached.add(target)
            todo.append(target)
    screens = {p for p in reached if p.parent.name in ("screens", "report", "staff", "crew", "forms")}
    assert (JS / "router.js").resolve() not in reached and screens == set()
