import pytest

from support.participation_support import WEEK_BEFORE, meetings


@pytest.fixture
def council(deps):
    """The two meetings in our copy, and the clock a week before the planning meeting."""
    import time_machine
    meetings(deps)
    with time_machine.travel(WEEK_BEFORE, tick=False) as traveller:
        yield traveller
