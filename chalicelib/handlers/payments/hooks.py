"""Who is told when a payment finishes. Payments sit below every capability
that charges (tests/architecture); each registers, by purpose, a module that
payments imports on first need, as reports/hooks.py does for the crews:

- `on_payment(deps, payment)`: the payment finished (any status); idempotent,
  since it may be told more than once (a return, webhooks, the job).
- `page(deps, payment)`: where the payer lands after paying (an app path).
"""
import importlib

_REGISTERED = {}


def register(purpose, module):
    _REGISTERED[purpose] = module


def purpose(name):
    """The module told of `name`'s payments, or None when none registered."""
    module = _REGISTERED.get(name)
    return importlib.import_module(module) if module else None
