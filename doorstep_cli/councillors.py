"""`doorstep import councillors FILE.csv`: who represents each ward.

The CSV has a header naming its columns: ward_id, name, party, email and
(optional) phone, surgery. A ward's rows in the file become its whole list
of councillors, in file order (so after an election the file replaces the
old members); wards the file does not mention keep theirs. Each ward_id
must name a ward already imported (`doorstep import wards`). Strict by
default: one bad row stops the import before anything is written, and every
bad row is listed with its line; --skip-invalid writes the good rows (a
ward then gets its good rows only) and lists the bad.
"""
import csv

from chalicelib.handlers.places.councillors import MAX_COUNCILLORS, check_councillor

from .importing import ImportRefused, add_command, run_csv

REQUIRED = ("ward_id", "name", "party", "email")


def add_parser(imports):
    add_command(imports, "councillors", "load councillors from a CSV (replaces each named ward's list)",
                "CSV with ward_id, name, party, email, phone, surgery", "row")


def run(args, deps, say=print):
    return run_csv(args, lambda: import_file(deps, args.file, skip_invalid=args.skip_invalid),
                   say, "councillors")


def import_file(deps, path, skip_invalid=False):
    """(councillors written, [(line, reason)])."""
    rows, problems = read_rows(path)
    known = deps.wards.exists({ward_id for _, ward_id, _ in rows})
    by_ward = {}
    for line, ward_id, councillor in rows:
        if ward_id not in known:
            problems.append((line, f"ward {ward_id!r} is not known (import the wards first)"))
        elif len(by_ward.get(ward_id, [])) >= MAX_COUNCILLORS:
            problems.append((line, f"ward {ward_id!r} has more than {MAX_COUNCILLORS} councillors"))
        else:
            by_ward.setdefault(ward_id, []).append(councillor)
    problems.sort()
    if problems and not skip_invalid:
        return 0, problems
    for ward_id, councillors in by_ward.items():
        deps.wards.set_councillors(ward_id, councillors)
    return sum(len(c) for c in by_ward.values()), problems


def read_rows(path):
    """([(line, ward_id, councillor)], [(line, reason)]) for the data rows."""
    rows, problems = [], []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        columns = {c.strip().lower() for c in reader.fieldnames or []}
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise ImportRefused(f"{path}: the header lacks {', '.join(missing)}")
        for raw in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
            councillor, reason = check_councillor(row)
            ward_id = row.get("ward_id", "")
            if not ward_id:
                reason = "; ".join(filter(None, ["ward_id is missing", reason]))
            if reason:
                problems.append((reader.line_num, reason))
            else:
                rows.append((reader.line_num, ward_id, councillor))
    return rows, problems
