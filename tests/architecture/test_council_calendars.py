"""Every clock counts its own council's working days (docs/decisions/rules.md): the module-level
working-day functions of chalicelib/workdays.py are England's, and only repairs (handlers/repairs,
moving to deps.calendar on their own) may still use them. Anything else asks deps.calendar, or is
handed a workdays.Calendar."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENGLAND_ONLY = {"add_working_days", "is_working_day", "bank_holiday", "years", "working_days_before", "england"}
LAST_USER = "chalicelib/handlers/repairs/"


def _sources(root):
    for folder in ("chalicelib", "doorstep_cli", "bench"):
        yield from sorted((root / folder).rglob("*.py"))
    yield root / "app.py"


def _module_of(path, root):
    parts = path.relative_to(root).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts[:-1]


def england_uses(path, root=ROOT):
    """The England-only names `path` takes from chalicelib.workdays: imported by name, or read
    off the module (`workdays.add_working_days`)."""
    found = set()
    package = _module_of(path, root)
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if module == "chalicelib.workdays":
                found |= {alias.name for alias in node.names} & ENGLAND_ONLY
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "workdays":
            if node.attr in ENGLAND_ONLY:
                found.add(node.attr)
    return found


def users_outside_repairs(root=ROOT):
    return {str(path.relative_to(root)): sorted(used) for path in _sources(root)
            if not str(path.relative_to(root)).startswith(LAST_USER) and (used := england_uses(path, root))}


def test_only_repairs_still_count_england_s_working_days_whatever_the_council():
    assert users_outside_repairs() == {}


def test_the_check_sees_each_way_of_reaching_england_s_calendar(tmp_path):
    (tmp_path / "chalicelib" / "handlers" / "waste").mkdir(parents=True)
    (tmp_path / "bench").mkdir()
    (tmp_path / "doorstep_cli").mkdir()
    (tmp_path / "app.py").write_text("")
    (tmp_path / "chalicelib" / "handlers" / "waste" / "dates.py").write_text(
        "def f():\n    from ...workdays import is_working_day, Calendar\n")
    (tmp_path / "bench" / "load.py").write_text(
        "from chalicelib import workdays\nworkdays.add_working_days(None, 2)\nworkdays.Calendar('scotland')\n")
    (tmp_path / "doorstep_cli" / "drs.py").write_text("from chalicelib.workdays import years\n")
    assert users_outside_repairs(tmp_path) == {
        "bench/load.py": ["add_working_days"], "chalicelib/handlers/waste/dates.py": ["is_working_day"],
        "doorstep_cli/drs.py": ["years"]}
