"""pytest imports a test module outside a package by its file name alone, so
two such modules with one name stop the whole run at collection."""
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_every_test_module_outside_a_package_has_a_name_of_its_own():
    loose = [p for p in TESTS.rglob("test_*.py")
             if "__pycache__" not in p.parts and not (p.parent / "__init__.py").exists()]
    shared = [name for name, count in Counter(p.name for p in loose).items() if count > 1]
    assert shared == [], [str(p.relative_to(TESTS)) for p in loose if p.name in shared]
