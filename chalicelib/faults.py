"""Named step boundaries where a process may die (the kill -9 matrix,
tests/contract/test_dynamodb_local_kill_matrix.py). A boundary is a place
between two durable steps (a transaction committed, an outside system
called): `boundary("send.delivered")` kills this process with SIGKILL when
DOORSTEP_DIE_AT names it, and does nothing otherwise.

The variable is read once, at import: in production a boundary costs one
string comparison against None. A test that forks a child to die names the
boundary with `arm`, as a process started with the variable would have it.
"""
import os

_DIE_AT = os.environ.get("DOORSTEP_DIE_AT") or None


def arm(name):
    """This process dies at boundary `name` (None: at none)."""
    global _DIE_AT
    _DIE_AT = name or None


def boundary(name):
    if _DIE_AT is not None and _DIE_AT == name:
        import signal
        os.kill(os.getpid(), signal.SIGKILL)
