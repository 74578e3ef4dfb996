"""Report creation: DynamoDB calls per create_report, from the meter."""
import os
import secrets

YORK_MINSTER = (53.9623, -1.0819)  # lat, lon


def _body(n):
    return {"service_code": "pothole", "lat": YORK_MINSTER[0], "lon": YORK_MINSTER[1],
            "description": f"Deep pothole outside the Minster's west door (bench {n}).",
            "fields": {"size": "large"},
            "contact": {"name": "Ada Resident", "email": "ada@example.org", "phone": "07700 900123"}}


def _table(kwargs):
    """The table a call went to, without the stage's prefix (a transaction: its tables)."""
    names = [kwargs.get("TableName")] if "TableName" in kwargs else sorted(
        {next(iter(item.values()))["TableName"] for item in kwargs.get("TransactItems", [])})
    prefix = os.environ.get("DOORSTEP_TABLE_PREFIX", "")
    return ", ".join(n[len(prefix):] if n.startswith(prefix) else n for n in names)


def _metered(label, fn):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        tables, record = [], meter.record

        def recording(operation, kwargs, result, seconds):
            tables.append(_table(kwargs))
            record(operation, kwargs, result, seconds)
        meter.record = recording  # the meter counts; this remembers which table each call went to
        view, created = fn()
    return {"label": label, "calls": meter.calls, "operations": list(meter.operations), "tables": tables,
            "writes": meter.writes, "items": meter.items, "created": created, "id": view["id"]}


def run(deps, progress):
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.storage.reports.services import clear_cache
    rows = []
    deps.services.all()  # warm cache, as in every request after a process's first minute
    rows.append(_metered("create, no Idempotency-Key", lambda: create_report(deps, _body(1))))
    key = f"bench-{secrets.token_hex(8)}"
    first = _metered("create, with Idempotency-Key", lambda: create_report(deps, _body(2), key))
    rows.append(first)
    replay = _metered("idempotent replay (same key, same body)", lambda: create_report(deps, _body(2), key))
    replay["same_report"] = replay["id"] == first["id"]
    rows.append(replay)
    clear_cache()  # a process's first request (or first after CACHE_SECONDS) also loads categories
    rows.append(_metered("create, no key, category cache cold", lambda: create_report(deps, _body(3))))
    for row in rows:
        progress(f"  {row['label']:<42} calls={row['calls']} ops={'+'.join(row['operations'])} "
                 f"created={row['created']}")
    return rows
