"""A landlord's payment runs, a run's lines and its CSV.

The back office's answer is kept as it gave it, per landlord: the list of
runs ("runs", refreshed when older than fresh_s) and each run's lines in
chunks (storage/revenues/landlords.py), which never change once paid, so a 2,000-line
run is read from the back office once and then from four items in one
Query, for the screen and the CSV alike. A back office that is away: the
last copy, with its age (`fetched_at`); none yet: a 503 with Retry-After."""
import csv
import io

from ...config import landlords as settings
from ...errors import NotFound
from ...stamps import stamp
from ..revenues import backoffice
from ..revenues.port import BackOfficeError
from . import wording


def _run_view(run):
    return {"run_ref": run["run_ref"], "paid_on": run["paid_on"], "total": run["total"], "lines": run["line_count"]}


def period(query):
    """(from, to) ISO dates a landlord searches runs by (either may be None); 400 for a date unread."""
    from datetime import date
    from ...errors import ValidationFailed
    bounds = []
    for name in ("from", "to"):
        value = query.get(name)
        try:
            bounds.append(date.fromisoformat(value).isoformat() if value else None)
        except ValueError:
            raise ValidationFailed([(name, wording.PERIOD)]) from None
    return tuple(bounds)


def in_period(listed, start, end):
    listed["runs"] = [r for r in listed["runs"] if (start is None or r["paid_on"] >= start) and
                      (end is None or r["paid_on"] <= end)]
    return listed


def runs(deps, org):
    """{"runs": [...], "fetched_at", "stale"}."""
    creditor, now = org["creditor_ref"], deps.clock()
    kept = deps.landlords.copy(creditor, "runs")
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return _listed(kept, stale=False)
    try:
        with backoffice.configured(deps).landlord_session(creditor) as session:
            body = [{"run_ref": r.run_ref, "paid_on": r.paid_on, "total": r.total, "line_count": r.line_count}
                    for r in session.runs()]
    except BackOfficeError as e:
        if kept is None:
            raise backoffice.unavailable(now, wording, e) from None
        return _listed(kept, stale=True)
    deps.landlords.keep(creditor, "runs", body, now)
    return _listed((body, now), stale=False)


def _listed(kept, stale):
    body, fetched_at = kept
    return {"runs": [_run_view(r) for r in body], "fetched_at": stamp(fetched_at), "stale": stale}


def run(deps, org, run_ref):
    """(header, lines, fetched_at) of one of the landlord's runs."""
    listed = runs(deps, org)
    header = next((r for r in listed["runs"] if r["run_ref"] == run_ref), None)
    if header is None:
        raise NotFound(wording.NO_RUN, code="run_not_found")
    creditor = org["creditor_ref"]
    kept = deps.landlords.run_lines(creditor, run_ref)
    if kept is not None:
        return header, kept[0], kept[1]
    now = deps.clock()
    try:
        with backoffice.configured(deps).landlord_session(creditor) as session:
            found = session.run(run_ref)
    except BackOfficeError as e:
        if e.kind == "refused":
            raise NotFound(wording.NO_RUN, code="run_not_found") from None
        raise backoffice.unavailable(now, wording, e) from None
    lines = [[line.claim_ref, line.tenant, line.address, line.postcode, line.period_start, line.period_end,
              line.amount, line.recovered] for line in found.lines]
    deps.landlords.keep_run(creditor, run_ref, lines, now)
    return header, lines, now


def run_view(deps, org, run_ref):
    header, lines, fetched_at = run(deps, org, run_ref)
    names = ("claim_ref", "tenant", "address", "postcode", "period_start", "period_end", "amount", "recovered")
    return {**header, "fetched_at": stamp(fetched_at), "items": [dict(zip(names, line)) for line in lines]}


def run_csv(deps, org, run_ref):
    """The whole schedule as CSV for a finance system: pounds with pence, ISO dates."""
    header, lines, _ = run(deps, org, run_ref)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(wording.CSV_HEADER)
    for claim_ref, tenant, address, postcode, start, end, amount, recovered in lines:
        writer.writerow([header["paid_on"], claim_ref, _safe(tenant), _safe(address), postcode, start, end,
                         _pounds(amount), _pounds(recovered)])
    return out.getvalue()


def _pounds(pence):
    return f"{pence // 100}.{pence % 100:02d}"


def _safe(text):
    """A cell a spreadsheet would run as a formula (=, +, -, @) is quoted with an apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
