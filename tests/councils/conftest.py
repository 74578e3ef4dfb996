"""Fixtures of the councils' tests: a two-tier pair (a district inside its county) beside York."""
import pytest

from support.councils_support import two_tier_councils


@pytest.fixture
def two_tier(client, deps):
    return two_tier_councils(client, deps)
