"""Being an officer opens nothing by itself: a desk does. No handler lets "staff" into anything by asking
whether the caller is staff (`is_staff`, or their account's kind compared with "staff"): a resident's
thing opens to an officer through auth/policy.who_opens, by the desk its kind belongs to and the route
that holds it; a desk's own route through the rule beside it. Asking "staff?" is how a revenues officer
came to cancel a container request (issue 73)."""
import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[2] / "chalicelib" / "handlers"
# Where an account's kind is what is asked about, not what a caller may open.
ACCOUNT_KINDS = {"accounts/users.py": "an administrator setting an account's kind keeps a staff account's roles",
                 "officers/roles.py": "roles are given to staff accounts only"}


def _asks_staff(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "is_staff":
            yield node.lineno
        elif isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Attribute) and side.attr == "role" for side in (node.left, *node.comparators)):
            said = [c for side in (node.left, *node.comparators)
                    for c in ([side] if isinstance(side, ast.Constant) else getattr(side, "elts", []))
                    if isinstance(c, ast.Constant)]
            if any(c.value == "staff" for c in said):
                yield node.lineno


def test_no_handler_opens_anything_to_an_officer_for_being_staff():
    found = {}
    for path in sorted(HANDLERS.rglob("*.py")):
        name = path.relative_to(HANDLERS).as_posix()
        lines = list(_asks_staff(ast.parse(path.read_text())))
        if lines and name not in ACCOUNT_KINDS:
            found[name] = lines
    assert found == {}


def test_the_check_finds_both_ways_of_asking():
    asked = ast.parse("if caller.is_staff or user.role in ('staff', 'admin') or p.role == 'staff': pass")
    assert len(list(_asks_staff(asked))) == 3
