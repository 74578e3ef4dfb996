"""Staff's view of the sync's health: each source's last answer and how the
last failure failed (unreachable, blocked, malformed, changed), rows a list
page held that could not be read, and the last run's cost."""
from . import backoffice


def health(deps):
    kept = deps.democracy.document("health")
    body = kept[0] if kept else {}
    sources = {name: {"ok_at": entry.get("ok_at"), "failed_at": entry.get("failed_at"),
                      "failure": entry.get("kind"), "detail": entry.get("detail"),
                      "rows_skipped": entry.get("skipped") or 0}
               for name, entry in body.items() if name != "last_run"}
    warnings = sorted(name for name, s in sources.items() if s["failure"] or s["rows_skipped"])
    return {"configured": backoffice.configured(deps) is not None, "last_run": body.get("last_run"),
            "sources": sources, "warnings": warnings}
