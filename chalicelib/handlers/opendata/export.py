"""The daily open data export: every report the public may see, as CSV and
GeoJSON, with the council's licence in each file's metadata, written over
the files in the photo bucket's public-data/ prefix; index.json, written
last, says when and what.

A row is the report's public view (reports/views.py) and nothing else, so
the export can show no more than GET /v1/reports/{id} shows anyone: no
contact details, account, tracking token, priority or private field, and
no report in a private category. Reports are read through the month index,
month by month, so the cost is the reports exported (plus those of private
categories, dropped), never a Scan of the table.
"""
import csv
import hashlib
import io
import json
from datetime import datetime, timezone

from ... import visibility
from ...stamps import stamp
from ...storage.blobs import PUBLIC_DATA_PREFIX, BlobMissing
from ..reports.views import public_view
from . import licence

COLUMNS = ["id", "url", "service_code", "category", "group", "status", "status_label", "open", "created_at",
           "updated_at", "lat", "lon", "address", "summary", "description", "latest_update", "fields", "photos",
           "media_urls"]
FREE_TEXT = {"address", "summary", "description", "latest_update", "fields"}  # what residents typed
TYPES = {"open": "boolean", "lat": "number", "lon": "number", "created_at": "datetime", "updated_at": "datetime"}
INDEX = "index.json"
FILES = {"reports.csv": "text/csv; charset=utf-8", "reports.geojson": "application/geo+json",
         "reports.csv-metadata.json": "application/csvm+json"}
CACHE_CONTROL = "public, max-age=3600"  # rewritten daily


def publish(deps, since=None):
    """Write the files and the index; returns the index."""
    about = licence.metadata(deps)  # first: no licence, nothing written
    now = deps.clock().astimezone(timezone.utc)
    first = first_month(deps, since, now)
    rows = sorted(public_rows(deps, first, now), key=lambda r: (r["created_at"], r["id"]))
    return _write(deps, rows, {**about, "generated_at": stamp(now), "from_month": first})


def rewrite_report(deps, report):
    """After a report's public words or photos were taken away (moderation):
    its row in the published files becomes what its public view shows now
    (gone, if the public may no longer see it), without waiting for the
    night's export. The files are rewritten from the GeoJSON, which holds
    every column; other rows and the export's date stay as they were.
    Returns whether a row changed."""
    try:
        written = json.loads(deps.blobs.read(PUBLIC_DATA_PREFIX + "reports.geojson"))
    except BlobMissing:
        return False  # nothing published yet: the first export reads the report as it is
    rows = [_row_of_feature(f) for f in written.get("features", [])]
    if not any(r["id"] == report.id for r in rows):
        return False
    service = deps.services.get(report.service_code)
    fresh = row_of(public_view(deps, report, service), report) \
        if visibility.details_are_public(report, service) else None
    rows = [(fresh if r["id"] == report.id else r) for r in rows]
    _write(deps, [r for r in rows if r is not None], written["metadata"])
    return True


def _row_of_feature(feature):
    point = (feature.get("geometry") or {}).get("coordinates") or [None, None]
    return {**feature["properties"], "lon": point[0], "lat": point[1]}


def _write(deps, rows, about):
    bodies = {"reports.csv": to_csv(rows), "reports.geojson": to_geojson(rows, about),
              "reports.csv-metadata.json": csv_metadata(about)}
    files = []
    for name, body in bodies.items():
        deps.blobs.write(PUBLIC_DATA_PREFIX + name, body, FILES[name], cache_control=CACHE_CONTROL)
        files.append({"name": name, "media_type": FILES[name], "bytes": len(body),
                      "sha256": hashlib.sha256(body).hexdigest()})
    index = {**about, "reports": len(rows), "files": files}
    deps.blobs.write(PUBLIC_DATA_PREFIX + INDEX, _json(index), "application/json", cache_control="no-cache")
    return index


def published(deps):
    """The index of the files last written, or None before the first export."""
    try:
        return json.loads(deps.blobs.read(PUBLIC_DATA_PREFIX + INDEX))
    except BlobMissing:
        return None


def first_month(deps, since, now):
    """The month partition to start from ("YYYY-MM"): the earliest of the
    months the figures have counted (a month early: the figures' months are
    London's, the index's UTC), the last export's, `since`, and this month.
    Once an export has gone back to a month, later ones keep to it."""
    counted = sorted(row.key.removeprefix("month#") for row in deps.stats.rows() if row.key.startswith("month#"))
    candidates = [f"{now:%Y-%m}", since, (published(deps) or {}).get("from_month")]
    if counted:
        year, month = map(int, counted[0].split("-"))
        candidates.append(f"{year - (month == 1):04d}-{(month - 2) % 12 + 1:02d}")
    return min(c for c in candidates if c)


def public_rows(deps, first, now):
    services = deps.services.by_code()
    start = datetime(int(first[:4]), int(first[5:7]), 1, tzinfo=timezone.utc)
    for report in deps.reports.created_between(start, now, page_size=1000):
        if visibility.report_is_public(report, services):
            yield row_of(public_view(deps, report, services.get(report.service_code)), report)


def row_of(view, report):
    where = view.get("location") or {}
    return {"id": view["id"], "url": view["url"], "service_code": view["service_code"],
            "category": view["service_name"], "group": view["group"], "status": view["status"],
            "status_label": view["status_label"], "open": view["open"], "created_at": view["created_at"],
            "updated_at": view["updated_at"], "lat": where.get("lat"), "lon": where.get("lon"),
            "address": view.get("address"), "summary": report.summary, "description": view.get("description"),
            "latest_update": report.status_notes, "fields": view.get("fields") or {},
            "photos": view.get("photos") or [], "media_urls": view.get("media_urls") or []}


def to_csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: CRLF, quoted as needed
    writer.writerow(COLUMNS)
    writer.writerows([_cell(name, r[name]) for name in COLUMNS] for r in rows)
    return out.getvalue().encode("utf-8")


def _cell(name, value):
    if value is None or value == {} or value == []:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)
    text = _json_text(value) if isinstance(value, dict) else str(value)
    # A spreadsheet runs a cell that starts like a formula (OWASP's CSV injection): typed text never does.
    return "'" + text if name in FREE_TEXT and text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_geojson(rows, about):
    features = [{"type": "Feature", "id": r["id"],
                 "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]} if r["lon"] is not None else None,
                 "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}} for r in rows]
    return _json({"type": "FeatureCollection", "metadata": about, "features": features})


def csv_metadata(about):
    """W3C CSV on the Web metadata for reports.csv: its licence, publisher and columns."""
    return _json({
        "@context": "http://www.w3.org/ns/csvw", "url": "reports.csv", "dc:title": about["title"],
        "dc:publisher": about["publisher"], "dc:license": {"@id": about["licence"]["url"]},
        "dc:rights": about["attribution"], "dc:modified": about["generated_at"],
        "tableSchema": {"primaryKey": "id", "columns": [
            {"name": c, "titles": c, "datatype": TYPES.get(c, "string"), "null": ""} for c in COLUMNS]}})


def _json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json_text(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
