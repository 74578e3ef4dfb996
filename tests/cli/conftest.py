"""The `doorstep` command against moto, for the import tests."""
import pytest


@pytest.fixture
def doorstep(storage, monkeypatch):
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")  # moto in-process, not a local stack
    return lambda *args: main(["--stage", "test", *args])
