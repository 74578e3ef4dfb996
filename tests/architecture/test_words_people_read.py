"""One spelling in what people read: "email", as GOV.UK writes it, in the
screens' catalogues and in every string the server says (its errors, its
mails' subjects and bodies, its wording modules); never "e-mail" beside it.
Docstrings and comments are the code's own business, and so are the API's
descriptions (routes.py, schemas.py), read by developers in docs/routes.md.
And a sentence with a count has its plural forms, for tCount to choose."""
import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HYPHENATED = re.compile(r"e-mail", re.IGNORECASE)
API_DESCRIPTIONS = {"routes.py", "schemas.py"}


def catalogues():
    return {path.name: json.loads(path.read_text()) for path in (ROOT / "web" / "messages").glob("*.json")}


def said_by_the_server():
    """(where, text) of every string constant in chalicelib but docstrings and API descriptions."""
    for path in sorted((ROOT / "chalicelib").rglob("*.py")):
        if path.name in API_DESCRIPTIONS:
            continue
        tree = ast.parse(path.read_text())
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def test_every_screen_catalogue_writes_email_as_one_word():
    hyphenated = [f"{name}: {key}" for name, messages in catalogues().items()
                  for key, text in messages.items() if HYPHENATED.search(text)]
    assert hyphenated == []


def test_every_string_the_server_says_writes_email_as_one_word():
    assert [where for where, text in said_by_the_server() if HYPHENATED.search(text)] == []


def test_a_message_counting_things_has_its_one_and_other_forms():
    """"{count} places left" once read "1 places left": a count before its noun is said through
    tCount's `.one` and `.other` forms, and the second never stands without the first. ("Total: {total}
    (items: {count})" and "({count} found)" put no noun after the count, and need none.)"""
    for name, messages in catalogues().items():
        plain = [key for key, text in messages.items()
                 if re.search(r"\{count\} ([a-z]+s|people)\b", text) and not re.search(r"\.(one|other)$", key)]
        counted = [key[:-len(".other")] for key, text in messages.items() if key.endswith(".other") and "{count}" in text]
        halves = [key for key in counted if f"{key}.one" not in messages]
        assert (name, plain, halves) == (name, [], [])
