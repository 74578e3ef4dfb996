"""The appointments tests' shared fixture: the demo services and calendars loaded."""
import pytest

from support.appointments_support import load_demo


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps
