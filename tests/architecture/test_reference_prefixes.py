"""Each kind of reference a resident is given has its own prefix, so a reference read out on the phone
("CR-7K3F9Q") says what it is: a container request, never also a consultation response. Every prefix
written in the server (a literal "XX-" or an f-string starting "XX-{") is found by reading each module's
syntax, and each belongs to one kind, in one place."""
import ast
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFIX = re.compile(r"^[A-Z]{2,4}-")
KINDS = {  # every kind of reference in the product, by its prefix
    "DS-": "a street report (and a form's case, filed as a report)",
    "FM-": "a form's submission",
    "CR-": "a container request",
    "CN-": "a consultation response",
    "BK-": "a bulky waste booking",
    "GW-": "a garden waste subscription",
    "HB-": "a hall booking",
    "AP-": "an appointment",
    "PY-": "a bill's payment",
    "PT-": "a petition",
    "CV-": "a live chat conversation",
    "CTR-": "a council tax request",
    "RP-": "a repair to a council home",
    "LLC-": "a change a landlord reported",
    "MV-": "a move home told",
    "SA-": "a parent's application for a school place",
    "RUN-": "an allocation run of a round of school admissions",
    "ST-": "a parent's telling that their child is starting school",
    "BZ-": "a business starting up, told",
    "LC-": "a licence application or a notice given",
    "LR-": "a representation about a licence application",
    "LN-": "a licence granted",
}


def _prefixes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and PREFIX.fullmatch(node.value):
            yield node.value, node.lineno
        if isinstance(node, ast.JoinedStr) and len(node.values) > 1 and isinstance(node.values[0], ast.Constant) \
                and isinstance(node.values[0].value, str) and PREFIX.fullmatch(node.values[0].value):
            yield node.values[0].value, node.lineno  # f"GW-{uprn}-..."


def found():
    where = defaultdict(set)
    for path in sorted((ROOT / "chalicelib").rglob("*.py")):
        for prefix, line in _prefixes(ast.parse(path.read_text(), str(path))):
            where[prefix].add(f"{path.relative_to(ROOT)}:{line}")
    return where


def test_every_kind_of_reference_has_a_prefix_of_its_own():
    where = found()
    shared = {prefix: sorted(places) for prefix, places in where.items() if len(places) > 1}
    assert not shared, f"one prefix made in more than one place (two kinds?): {shared}"
    assert set(where) == set(KINDS), ("a prefix no kind is listed for, or a kind gone: "
                                      f"{sorted(set(where) ^ set(KINDS))}")
    assert len(set(KINDS.values())) == len(KINDS)


def test_a_consultation_response_and_a_container_request_are_told_apart_by_their_reference(deps):
    from chalicelib.handlers.consultations.responding import _new_id
    assert _new_id().startswith("CN-")
    assert any("containers/requesting.py" in place for place in found()["CR-"])
