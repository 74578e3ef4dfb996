import pytest

from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.pay_support import pay  # noqa: F401


@pytest.fixture
def york_types(deps):
    from support.licensing_support import store_types
    return store_types(deps)
