"""`doorstep import facilities FILE` and `doorstep facilities delete ID...`.

A facility (library, recycling centre...) has an id (the council's own, kept
as text), a lower-case type, a name, a position and optionally address,
opening_hours, phone, url and accessibility. FILE is a GeoJSON
FeatureCollection of Points or a CSV (facility_files.py says which columns).
As with addresses: strict by default (one bad record stops the import before
anything is written, and every bad record is listed); --skip-invalid loads
the good ones. Records are upserts by id, so importing again is safe, and the
facility-type counts follow. Types are data: any name matching TYPE is a type.

Deleting is by id and strict too: if any id is unknown, nothing is deleted.
"""
from chalicelib.handlers.places.facilities import TYPE
from chalicelib.storage.places.facilities import OPTIONAL

from . import facility_files
from .importing import add_command, feature_id, report
from .progress import progress

MAX_TEXT = 500


def add_parser(imports):
    add_command(imports, "facilities", "load facilities from GeoJSON or CSV (upsert by id)",
                "GeoJSON FeatureCollection of Points, or CSV with id, type, name and lat/lon or easting/northing",
                "record")


def add_commands(commands):
    parser = commands.add_parser("facilities", help="manage facilities").add_subparsers(
        dest="facilities_command", required=True)
    delete = parser.add_parser("delete", help="delete facilities by id (nothing is deleted if any id is unknown)")
    delete.add_argument("ids", nargs="+", metavar="ID")


def run(args, deps, say=print):
    unit, (written, problems) = import_file(deps, args.file, skip_invalid=args.skip_invalid)
    return report(say, written, problems, args.skip_invalid, "facilities", unit)


def import_file(deps, path, skip_invalid=False):
    """("feature" or "row", (facilities written, [(where, reason)]))."""
    from chalicelib.storage.places.facilities import facility
    unit, records = facility_files.read(path)
    rows, problems, seen = [], [], {}
    for record in records:
        fields, reason = check(record, deps.area)
        if fields and fields["id"] in seen:
            fields, reason = None, f"id {fields['id']!r} repeats {seen[fields['id']]}"
        if reason:
            problems.append((record.where + (f" (id {record.id!r})" if record.id is not None else ""), reason))
            continue
        seen[fields["id"]] = record.where
        rows.append(facility(**fields))
    if problems and not skip_invalid:
        return unit, (0, problems)
    return unit, (deps.facilities.put_many(progress(rows, "facilities", total=len(rows))), problems)


def check(record, area):
    """(facility fields, None) for a good record, else (None, every reason joined)."""
    if record.refusal:
        return None, record.refusal
    reasons = []
    fid, props = record.id, record.props
    fid, reason = feature_id(fid)
    if reason:
        reasons.append(reason)
    type_ = props.get("type")
    if not isinstance(type_, str) or not TYPE.match(type_):
        reasons.append(f"type {type_!r} is not a lower-case type such as library")
    name = props.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_TEXT:
        reasons.append("name is missing")
    optional = {}
    for key in OPTIONAL:
        value = props.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            reasons.append(f"{key} must be text of at most {MAX_TEXT} characters")
        else:
            optional[key] = value.strip()
    if record.why_no_point:
        reasons.append(record.why_no_point)
    elif not area.contains(*record.point):
        reasons.append(f"{record.point[0]}, {record.point[1]} (lon, lat){record.note} is outside the service area")
    if reasons:
        return None, "; ".join(reasons)
    lon, lat = record.point
    return {"id": fid, "type": type_, "name": name.strip(), "lon": lon, "lat": lat, **optional}, None


def delete(args, deps, say=print):
    """`doorstep facilities delete ID...`: the type counts follow."""
    ids = list(dict.fromkeys(args.ids))
    known = deps.facilities.types_of(ids)
    unknown = [fid for fid in ids if fid not in known]
    for fid in unknown:
        say(f"{fid}: no such facility")
    if unknown:
        say(f"{len(unknown)} unknown id(s): nothing deleted")
        return 1
    say(f"{deps.facilities.delete_many(ids)} facilities deleted")
    return 0
