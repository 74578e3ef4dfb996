"""Liveness plus whether storage answers."""


def check():
    from ...storage.reports.services import ServiceStore
    try:
        ServiceStore().describe()
        storage = "ok"
    except Exception as e:  # any storage failure is what this endpoint reports
        storage = f"unreachable: {type(e).__name__}"
    healthy = storage == "ok"
    return {"status": "ok" if healthy else "degraded", "storage": storage}, 200 if healthy else 503
