"""The performance figures worked out again from the reports and their
timelines alone (no counter, no event), by the definitions GET /v1/stats
documents; and the events stream read to its end."""
import math

from chalicelib import states, visibility
from chalicelib.stamps import london_today


def recompute(deps, report_ids, now):
    """GET /v1/stats's answer, from the reports and their timelines."""
    rows = {}

    def add(keys, counter, n=1):
        for key in keys:
            rows.setdefault(key, {}).setdefault(counter, 0)
            rows[key][counter] += n

    fixes = {}  # row -> [days]
    for report_id in report_ids:
        report = deps.reports.get(report_id)
        ward = deps.wards.at_point(report.lon, report.lat) if report.lon is not None else None
        where = ["total", report.service_code] + ([("ward", ward.id, ward.name)] if ward else [])
        add(where + [("month", month(report.created_at))], "received")
        add(["total"], f"channel:{report.source}")
        for entry in deps.reports.updates(report_id):
            if entry.kind != "state_changed":
                continue
            when = where + [("month", month(entry.created_at))]
            before, after = entry.previous_state, entry.state
            if states.is_open(before) and not states.is_open(after):
                add(when, "closed")
            if not states.is_open(before) and states.is_open(after):
                add(when, "reopened")
            if after == "fixed" and before != "fixed":
                add(when, "fixed")
                days = math.ceil((entry.created_at - report.created_at).total_seconds() / 86400)
                for key in where[:2]:
                    fixes.setdefault(key, []).append(days)
    total = rows.get("total", {})
    channels = {k.split(":")[1]: n for k, n in total.items() if k.startswith("channel:")}
    months = sorted(k[1] for k in rows if isinstance(k, tuple) and k[0] == "month")
    return {
        "totals": {**flows(total), "open": total.get("received", 0) - total.get("closed", 0)
                   + total.get("reopened", 0), "days_to_fix": days_to_fix(fixes.get("total", []))},
        "categories": [category(s, rows.get(s["service_code"], {}), fixes.get(s["service_code"], []))
                       for s in deps.services.all()
                       if visibility.category_is_public(s) and s.get("active", True)],
        "wards": [{"id": k[1], "name": k[2], **flows(c), "open": c.get("received", 0) - c.get("closed", 0)
                   + c.get("reopened", 0)}
                  for k, c in sorted(((k, c) for k, c in rows.items() if isinstance(k, tuple) and k[0] == "ward"),
                                     key=lambda kc: (kc[0][2], kc[0][1]))],
        "months": [{"month": m, **{f: rows.get(("month", m), {}).get(f, 0) for f in ("received", "closed", "fixed")}}
                   for m in every_month(months[0], month(now))] if months else [],
        "channels": [{"channel": c, "received": n, "share": round(n / sum(channels.values()), 3)}
                     for c, n in sorted(channels.items(), key=lambda cn: (-cn[1], cn[0]))],
        "satisfaction": None,
        "chat": None,  # no live chat was rated (tests/conversations)
    }


def flows(counts):
    return {f: counts.get(f, 0) for f in ("received", "closed", "fixed", "reopened")}


def category(service, counts, days):
    target = service.get("target_days")
    within = sum(1 for d in days if d <= target) if target is not None else 0
    return {"service_code": service["service_code"], "name": service["name"], "group": service.get("group"),
            **flows(counts), "days_to_fix": days_to_fix(days), "target_days": target,
            "within_target": {"fixes": len(days), "within": within, "share": round(within / len(days), 3)}
            if target is not None and days else None, "satisfaction": None}


def days_to_fix(days):
    ordered = sorted(days)

    def rank(percent):  # nearest rank: the ceil(n * percent / 100)-th smallest
        return ordered[math.ceil(len(ordered) * percent / 100) - 1] if ordered else None
    return {"fixes": len(ordered), "median": rank(50), "p90": rank(90)}


def month(moment):
    return london_today(moment).strftime("%Y-%m")


def every_month(first, last):
    year, m = map(int, first.split("-"))
    while f"{year:04d}-{m:02d}" <= last:
        yield f"{year:04d}-{m:02d}"
        year, m = (year, m + 1) if m < 12 else (year + 1, 1)


def read_stream(position_file, deps_factory, handler=None):
    """Hand every record of the events stream after `position_file`'s
    position to `handler` (by default the stream Lambda's own, its alert jobs
    kept in memory), batch by batch as Lambda would, until none is left;
    returns how many records. A new file reads the whole stream again: what
    a stream does when it redelivers."""
    import botocore.session
    from chalicelib.config import settings
    from chalicelib.storage.reports.reports import EventModel
    from doorstep_cli.local.stream_reader import StreamReader, lambda_handler
    from chalicelib.handlers.alerts.worker import InlineQueue
    stream_handler = lambda_handler()
    handler = handler or (lambda batch, factory: stream_handler(batch, factory, InlineQueue()))
    s, session = settings(), botocore.session.get_session()
    dynamodb, streams = (session.create_client(name, region_name=s.region, endpoint_url=s.dynamodb_endpoint)
                         for name in ("dynamodb", "dynamodbstreams"))
    reader = StreamReader(dynamodb, streams, EventModel.Meta.table_name, position_file,
                          lambda batch: handler(batch, deps_factory))
    handled = 0
    while True:
        read = reader.poll()
        if not read:
            return handled
        handled += read
