"""GET /v1/stats: the performance figures, from the counter rows alone.

One Query reads every row (the total, each category, ward and month), so
the cost follows how many categories, wards and months there are, never
how many reports. Days to fix are read from each row's histogram of whole
days: the median and 90th percentile are exact, by nearest rank (the
smallest number of days within which at least half, or 90%, of fixes
came), and a category's share fixed within its target (`target_days` in
its definition) is the fixes at or under the target over all its fixes.
"""
from ... import visibility
from ...stamps import london_today
from ..questionnaires.limits import RATING_MAX, RATING_MIN

FIX_DAYS = "fix_days_"
CHANNEL = "channel_"
FLOWS = ("received", "closed", "fixed", "reopened")


def figures(deps):
    rows = {row.key: row for row in deps.stats.rows()}
    total = _counts(rows, "total")
    return {
        "totals": {**_flows(total), "open": _open(total), "days_to_fix": days_to_fix(total)},
        "categories": [_category(service, _counts(rows, f"category#{service['service_code']}"))
                       for service in deps.services.all() if _shown(service, rows)],
        "wards": sorted((_ward(row) for key, row in rows.items() if key.startswith("ward#")),
                        key=lambda w: (w["name"], w["id"])),
        "months": _months(rows, deps.clock()),
        "channels": _channels(total),
        "satisfaction": satisfaction(total),
        "chat": chat_satisfaction(_counts(rows, "chat")),
    }


def chat_satisfaction(counts):
    """Residents' 1-5 answers at the end of a live chat (conversations/resident.rate): null until one."""
    answers = counts.get("answers", 0)
    if not answers:
        return None
    by_rating = {str(n): counts.get(f"rating_{n}", 0) for n in range(RATING_MIN, RATING_MAX + 1)}
    return {"responses": answers, "average": round(sum(int(n) * k for n, k in by_rating.items()) / answers, 2),
            "by_rating": by_rating}


def _shown(service, rows):
    """Public categories: every active one, and a retired one while it has figures."""
    counted = f"category#{service['service_code']}" in rows
    return visibility.category_is_public(service) and (service.get("active", True) or counted)


def _counts(rows, key):
    row = rows.get(key)
    return row.counts if row else {}


def _flows(counts):
    return {name: counts.get(name, 0) for name in FLOWS}


def _open(counts):
    return counts.get("received", 0) - counts.get("closed", 0) + counts.get("reopened", 0)


def _category(service, counts):
    target = service.get("target_days")
    return {"service_code": service["service_code"], "name": service.get("name", service["service_code"]),
            "group": service.get("group"), **_flows(counts), "days_to_fix": days_to_fix(counts),
            "target_days": target, "within_target": within_target(counts, target), "satisfaction": satisfaction(counts)}


def _ward(row):
    return {"id": row.key.removeprefix("ward#"), "name": row.label or row.key.removeprefix("ward#"),
            **_flows(row.counts), "open": _open(row.counts)}


def _months(rows, now):
    """Every month from the first counted to this one, empty ones included (a chart's gaps are real)."""
    counted = {key.removeprefix("month#"): row.counts for key, row in rows.items() if key.startswith("month#")}
    if not counted:
        return []
    year, month = map(int, min(counted).split("-"))
    last = max(max(counted), f"{london_today(now):%Y-%m}")
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append({"month": key, **{name: counted.get(key, {}).get(name, 0) for name in ("received", "closed", "fixed")}})
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return out


def _channels(counts):
    made = {k.removeprefix(CHANNEL): n for k, n in counts.items() if k.startswith(CHANNEL) and n}
    whole = sum(made.values())
    return [{"channel": name, "received": n, "share": round(n / whole, 3)}
            for name, n in sorted(made.items(), key=lambda item: (-item[1], item[0]))]


def histogram(counts):
    """{whole days: fixes} from a row's fix_days_<n> counters."""
    return {int(k.removeprefix(FIX_DAYS)): n for k, n in counts.items() if k.startswith(FIX_DAYS) and n}


def days_to_fix(counts):
    days = histogram(counts)
    return {"fixes": sum(days.values()), "median": percentile(days, 50), "p90": percentile(days, 90)}


def percentile(days, percent):
    """The smallest number of days within which at least `percent`% of the fixes came (nearest rank)."""
    fixes = sum(days.values())
    if not fixes:
        return None
    rank, seen = max(1, -(-fixes * percent // 100)), 0  # ceil, in integers
    for day in sorted(days):
        seen += days[day]
        if seen >= rank:
            return day


def satisfaction(counts):
    """What reporters answered "has it been fixed?": null until someone has
    (no figure, not a zero); the average of the 1-5 ratings to two places."""
    answers = counts.get("answers", 0)
    if not answers:
        return None
    by_rating = {str(n): counts.get(f"rating_{n}", 0) for n in range(RATING_MIN, RATING_MAX + 1)}
    average = sum(int(n) * k for n, k in by_rating.items()) / answers
    return {"responses": answers, "average": round(average, 2), "by_rating": by_rating,
            "not_fixed": counts.get("not_fixed", 0)}


def within_target(counts, target):
    days = histogram(counts)
    fixes = sum(days.values())
    if target is None or not fixes:
        return None
    within = sum(n for day, n in days.items() if day <= target)
    return {"fixes": fixes, "within": within, "share": round(within / fixes, 3)}
