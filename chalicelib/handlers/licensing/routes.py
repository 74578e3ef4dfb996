"""Licensing: licence types as each council's data, applications and notices
paid for and followed, representations, the public register, and the
licensing desk (docs/decisions/licensing.md)."""
from ..payments import hooks

# A licence fee's payment finished: the case received, or the notice given or refused (applying.on_payment).
hooks.register("licence_fee", "chalicelib.handlers.licensing.applying")
