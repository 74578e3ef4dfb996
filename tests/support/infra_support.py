"""The package and template `make package` builds, built once per test
process (every test that needs them is in one xdist group, so one worker)."""
import functools
import json
import tempfile
import zipfile
from pathlib import Path

import pytest


@functools.cache
def built():
    """(zip path, template dict, directory the zip is unpacked in)."""
    from infra.package import build
    where = Path(tempfile.mkdtemp(prefix="doorstep-package-"))
    zip_path, template_path = build(dist=where / "dist")
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(where / "unzipped")
    return zip_path, template_path, json.loads(template_path.read_text()), where / "unzipped"


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
