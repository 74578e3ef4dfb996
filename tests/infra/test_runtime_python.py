"""The Lambda runtime's Python (3.13) on the build machine: without it the zip
ships with no bytecode and its run-as-the-runtime test cannot run. Outside CI
that is said loudly (a warning in the summary, WARNING from `make package`);
under CI=true, whose new machine has it, it is a failure, never a quiet skip."""
import zipfile

import pytest
from support.infra_support import MissingRuntimePython, runtime_python

from infra import package


@pytest.fixture
def no_runtime_python(monkeypatch, tmp_path):
    """A machine with no python3.13 on PATH and no pyenv versions."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))


def test_under_ci_a_machine_without_the_runtimes_python_fails_the_zip_test_rather_than_skipping_it(
        no_runtime_python, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="No Python 3.13"):
        runtime_python()


def test_outside_ci_the_skip_comes_with_a_warning_saying_how_to_get_it(no_runtime_python, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.warns(MissingRuntimePython, match="pyenv"), pytest.raises(pytest.skip.Exception):
        runtime_python()


def test_under_ci_the_package_is_refused_rather_than_shipped_without_bytecode(no_runtime_python, monkeypatch,
                                                                              tmp_path):
    monkeypatch.setenv("CI", "true")
    zip_path = tmp_path / "deployment.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        z.writestr("app.py", "print('hello')\n")
    with pytest.raises(package.PackageRefused, match="No Python 3.13"):
        package._add_bytecode(zip_path)


def test_outside_ci_the_package_goes_without_bytecode_and_says_so(no_runtime_python, monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("CI", raising=False)
    zip_path = tmp_path / "deployment.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        z.writestr("app.py", "print('hello')\n")
    package._add_bytecode(zip_path)
    assert capsys.readouterr().err.startswith("WARNING: No Python 3.13")
    assert zipfile.ZipFile(zip_path).namelist() == ["app.py"]
