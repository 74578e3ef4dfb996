"""What the tables hold, kept once to be put back for each later test that
reads the same data: moto's tables, or DynamoDB Local's in the contract
tests' runs (tests/contract), whichever the test stores in. Kept per table
prefix, so one backend's data is never put back into the other's."""
import os

_KEPT = {}


def kept(name, make):
    """make()'s answer, made once per backend: the first test that asks makes it and keeps the tables as
    they are then; a later one has them put back (its own storage fixture has just emptied them)."""
    key = (name, os.environ["DOORSTEP_TABLE_PREFIX"])
    if key in _KEPT:
        answer, tables = _KEPT[key]
        _restore(tables)
        return answer
    answer = make()
    _KEPT[key] = answer, _taken()
    return answer


def _on_the_engine():
    return bool(os.environ.get("DOORSTEP_DYNAMODB_ENDPOINT"))


def _taken():
    if _on_the_engine():
        from contract.dynamodb_local_backend import written_items
        return written_items()
    from support import moto_snapshot
    return moto_snapshot.taken()


def _restore(tables):
    if _on_the_engine():
        from contract.dynamodb_local_backend import put_items
        return put_items(tables)
    from chalicelib.storage.reports.services import clear_cache
    from support import moto_snapshot
    moto_snapshot.restore(tables)
    clear_cache()
