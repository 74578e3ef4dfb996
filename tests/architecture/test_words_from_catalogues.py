"""Every word a person reads comes from a catalogue, so a council can add Welsh
by translating files: in the server, the refusals raised, the messages put
on a field, and `message` keys and arguments are taken from a wording module
(chalicelib/wording.py, auth/wording.py, notify/wording.py and each
capability's handlers/<capability>/wording.py), never written where they are
used. What counts as words: a string literal or f-string with a space and a
letter in it (an error code such as "edit_conflict" is not words)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFUSALS = {"ApiError", "ValidationFailed", "Unacceptable", "OutsideServiceArea", "NotFound", "Conflict", "Stale",
            "PreconditionRequired", "PayloadTooLarge", "ServiceUnavailable", "Unauthorized", "Forbidden",
            "TooManyRequests", "EndpointRefused", "TokenRejected"}
FIELD_MESSAGES = {"add", "rule", "say", "validation_error"}  # validation.Problems and its kin
PAIRS = {"ValidationFailed", "broken_rules"}  # each given [(field, message)]


def _words(node):
    if isinstance(node, ast.IfExp):  # `wording.A if … else "…"`: either may be said
        return _words(node.body) or _words(node.orelse)
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return False
    return " " in text.strip() and any(c.isalpha() for c in text)


def _inline(tree):
    # A data map's reasons an attribute is not personal (storage/data_map.py: not_personal={"message": "why"})
    # are the code's words for its readers, as docstrings are: no person is shown them.
    reasons = {id(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call)
               for k in node.keywords if k.arg == "not_personal"}
    for node in ast.walk(tree):
        if id(node) in reasons:
            continue
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in REFUSALS and any(_words(a) for a in node.args):
                yield node.lineno, name
            if name in FIELD_MESSAGES and any(_words(a) for a in node.args):
                yield node.lineno, name
            if name in PAIRS and node.args and isinstance(node.args[0], (ast.List, ast.Tuple)):
                if any(isinstance(e, ast.Tuple) and len(e.elts) == 2 and _words(e.elts[1]) for e in node.args[0].elts):
                    yield node.lineno, f"{name}'s field"
            if any(k.arg in ("message", "noun") and _words(k.value) for k in node.keywords):
                yield node.lineno, f"{name}(message=)"
        elif isinstance(node, ast.Dict):
            if any(isinstance(k, ast.Constant) and k.value == "message" and _words(v)
                   for k, v in zip(node.keys, node.values)):
                yield node.lineno, "{'message': ...}"


def test_no_refusal_or_field_message_in_the_server_is_written_inline():
    found = [f"{path.relative_to(ROOT)}:{line}: {what}"
             for path in sorted((ROOT / "chalicelib").rglob("*.py")) if path.name != "wording.py"
             for line, what in sorted(set(_inline(ast.parse(path.read_text()))))]
    assert found == []


def test_the_check_finds_words_written_inline_and_lets_a_catalogues_pass():
    caught = ast.parse('raise Conflict("That petition is closed.", code="closed")\n'
                       'problems.add("when", f"Must be within {DAYS} days.")\n'
                       'raise ValidationFailed([("body", "Must be an object.")])\n'
                       'spend(store, rule, message="Too many attempts; try later.")\n'
                       'x = {"message": "Outside the service area."}\n'
                       'raise Stale(now, etag, wording.CHANGED if open else "That job is closed now.")\n'
                       'raise broken_rules([("date", "Must be after the start.")])\n')
    assert [what for _, what in sorted(_inline(caught))] == [
        "Conflict", "add", "ValidationFailed's field", "spend(message=)", "{'message': ...}", "Stale", "broken_rules's field"]
    passed = ast.parse('raise Conflict(wording.CLOSED, code="petition_closed")\n'
                       'problems.add("when", wording.WITHIN.format(days=DAYS))\n'
                       'x = {"message": words.OUTSIDE, "code": "outside_service_area"}\n')
    assert list(_inline(passed)) == []


def test_no_wording_module_names_two_sentences_alike():
    """A name given twice in one module keeps the second sentence only: the first one's
    refusals would say the other's words."""
    twice = []
    for path in sorted((ROOT / "chalicelib").rglob("wording.py")):
        seen = set()
        for node in ast.parse(path.read_text()).body:
            for target in node.targets if isinstance(node, ast.Assign) else []:
                if isinstance(target, ast.Name):
                    if target.id in seen:
                        twice.append(f"{path.relative_to(ROOT)}: {target.id}")
                    seen.add(target.id)
    assert twice == []
