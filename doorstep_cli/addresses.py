"""`doorstep import addresses FILE`: load a gazetteer extract (CSV) into the
address table.

The CSV has a header naming its columns: uprn, the address as address_1..
address_3 or one `address` column, postcode, lat, lon and, optionally, ward,
the bin round ids refuse_round, recycling_round, garden_round, food_round
(see `doorstep import bin-rounds`; either may be imported first) and
council_tax_band (A to H).
Strict by default: one bad row stops the import before anything is written,
and every bad row is listed, so a council fixes the file once rather than
finding a half-loaded gazetteer. --skip-invalid loads the good rows and lists
the bad ones. Rows are upserts by UPRN, so importing the same file twice, or a
newer extract, is safe.
"""
import csv

from .importing import ImportRefused, add_command, run_csv, text_number
from .progress import progress

LINE_COLUMNS = ("address_1", "address_2", "address_3")
REQUIRED = ("uprn", "postcode", "lat", "lon")
ROUND_COLUMNS = {"refuse_round": "refuse", "recycling_round": "recycling", "garden_round": "garden",
                 "food_round": "food"}
BANDS = "ABCDEFGH"  # England's council tax bands


def add_parser(commands):
    parser = commands.add_parser(
        "import", help="load data files (addresses, facilities, wards, councillors, bin rounds)").add_subparsers(
        dest="import_kind", required=True)
    add_command(parser, "addresses", "load addresses from a CSV (upsert by UPRN)",
                "CSV with uprn, address_1..address_3 (or address), postcode, lat, lon, and optionally ward, "
                "refuse_round .. food_round, council_tax_band", "row")
    return parser


def run(args, deps, say=print):
    return run_csv(args, lambda: import_file(deps, args.file, skip_invalid=args.skip_invalid), say, "addresses")


def import_file(deps, path, skip_invalid=False, stream=None):
    """(rows written, [(line, reason)]). Strict mode reads the file twice,
    checking first, so a large file never has to sit in memory; progress
    (progress.py) goes to `stream`, stderr by default."""
    total = None
    if not skip_invalid:
        total, problems = 0, []
        for line, _, reason in read_rows(path, deps.area):
            total += 1
            if reason:
                problems.append((line, reason))
        if problems:
            return 0, problems
    problems = []

    def good_rows():
        for line, row, reason in read_rows(path, deps.area):
            if reason:
                problems.append((line, reason))
                continue
            yield row

    return deps.addresses.put_many(progress(good_rows(), "addresses", total=total, stream=stream)), problems


def read_rows(path, area):
    """(line number, Address or None, reason or None) for each data row."""
    from chalicelib.storage.records import Address
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        columns = {c.strip().lower() for c in reader.fieldnames or []}
        missing = [c for c in REQUIRED if c not in columns]
        if not ({"address", "address_1"} & columns):
            missing.append("address (or address_1)")
        if missing:
            raise ImportRefused(f"{path}: the header lacks {', '.join(missing)}")
        for raw in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
            fields, reason = check_row(row, area)
            yield reader.line_num, (Address(**fields) if fields else None), reason


def check_row(row, area):
    """(address fields, None) for a good row, else (None, every reason joined)."""
    from chalicelib.bindays import ROUND_ID
    from chalicelib.handlers.places import postcodes as places
    reasons = []
    uprn = row.get("uprn", "")
    if not places.UPRN.match(uprn):
        reasons.append(f"uprn {uprn!r} is not 1 to 12 digits")
    lines = [row["address"]] if row.get("address") else [row.get(c, "") for c in LINE_COLUMNS]
    lines = [line for line in lines if line]
    if not lines:
        reasons.append("no address")
    postcode = places.postcode_or_none(row.get("postcode"))
    if postcode is None:
        reasons.append(f"postcode {row.get('postcode', '')!r} is not a UK postcode")
    lat, lon = text_number(row.get("lat")), text_number(row.get("lon"))
    if lat is None or lon is None:
        reasons.append("lat and lon must be numbers")
    elif not area.contains(lon, lat):
        reasons.append(f"{lat}, {lon} is outside the service area")
    rounds = {stream: row[column] for column, stream in ROUND_COLUMNS.items() if row.get(column)}
    reasons += [f"{column} {row[column]!r} is not a round id" for column in ROUND_COLUMNS
                if row.get(column) and not ROUND_ID.match(row[column])]
    band = row.get("council_tax_band", "").upper() or None
    if band is not None and (len(band) != 1 or band not in BANDS):
        reasons.append(f"council_tax_band {row['council_tax_band']!r} is not a band A to H")
    if reasons:
        return None, "; ".join(reasons)
    return {"uprn": uprn, "lines": lines, "postcode": postcode,
            "lat": lat, "lon": lon, "ward": row.get("ward") or None, "bin_rounds": rounds or None,
            "council_tax_band": band}, None
