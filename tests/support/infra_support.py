"""The package and template `make package` builds, built once per test
process (every test that needs them is in one xdist group, so one worker)."""
import atexit
import functools
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest


@functools.cache
def built():
    """(zip path, template dict, directory the zip is unpacked in)."""
    from infra.package import build
    where = Path(tempfile.mkdtemp(prefix="doorstep-package-"))
    atexit.register(shutil.rmtree, where, ignore_errors=True)  # kept for the process, as the cache is
    zip_path, template_path = build(dist=where / "dist")
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(where / "unzipped")
    return zip_path, template_path, json.loads(template_path.read_text()), where / "unzipped"


def runtime_python():
    """The runtime's CPython for a test to run the zip with. Without one the
    test is skipped with a warning in the run's summary, and under CI=true it
    fails: CI's new machine has one, so its absence is a broken machine."""
    import warnings
    from infra import runtime
    found = runtime.interpreter()
    if found is None:
        if runtime.required():
            pytest.fail(f"CI=true: {runtime.missing()}")
        warnings.warn(runtime.missing(), MissingRuntimePython, stacklevel=2)
        pytest.skip(f"no Python {runtime.PYTHON_VERSION} on this machine to run the zip with (see the warning)")
    return found


class MissingRuntimePython(UserWarning):
    pass


def of_type(template, kind):
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


# Fixtures for the test modules to import (conftest.py stays the suite's one).
@pytest.fixture
def package():
    zip_path, template_path, _, _ = built()
    return zip_path, template_path


@pytest.fixture
def template():
    return built()[2]


@pytest.fixture
def unzipped():
    return built()[3]
