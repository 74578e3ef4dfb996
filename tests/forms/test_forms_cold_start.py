"""A resident's request never pays for checking definitions: jsonschema (with
referencing and rpds-py, 65-90 ms to import) loads only when one is loaded."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(code):
    found = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(sorted(sys.modules))"],
                           cwd=ROOT, capture_output=True, text=True, check=True,
                           env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return found.stdout


def test_the_app_and_the_forms_runner_import_no_schema_checker():
    runner = loaded_after("import app\nfrom chalicelib.handlers.forms import completing, sending, resuming, answers")
    assert "'jsonschema'" not in runner and "'chalicelib.handlers.forms.definition'" not in runner
    assert "'chalicelib.handlers.forms.completing'" in runner  # the check itself can see a module load


def test_loading_a_definition_imports_it():
    loaded = loaded_after("from chalicelib.handlers.forms.definition import errors\nerrors({})")
    assert "'jsonschema'" in loaded
