"""A model's class body names each attribute once: a second `due = ...` further down (the retention index's
key, once) silently replaces the first (a report's working-day due date), and every write after loses it."""
import ast
from pathlib import Path

STORAGE = Path(__file__).resolve().parents[2] / "chalicelib" / "storage"


def twice(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            seen = set()
            for statement in node.body:
                targets = statement.targets if isinstance(statement, ast.Assign) else \
                    [statement.target] if isinstance(statement, ast.AnnAssign) else []
                for target in targets:
                    if isinstance(target, ast.Name):
                        if target.id in seen:
                            yield f"{node.name}.{target.id}"
                        seen.add(target.id)


def test_no_stored_class_names_an_attribute_twice():
    found = {str(path.relative_to(STORAGE)): list(twice(ast.parse(path.read_text())))
             for path in STORAGE.rglob("*.py")}
    assert {path: names for path, names in found.items() if names} == {}


def test_the_check_finds_a_name_given_twice():
    assert list(twice(ast.parse("class ReportModel:\n    due = 1\n    other = 2\n    due = 3\n"))) == ["ReportModel.due"]
