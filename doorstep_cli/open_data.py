"""`doorstep export`: write the open data files now, as the nightly function does."""
import re
import time


class ExportRefused(Exception):
    pass


def add_parser(commands):
    export = commands.add_parser("export", help="write the open data files (public reports as CSV and "
                                                "GeoJSON) now, as the nightly export does")
    export.add_argument("--since", help="YYYY-MM: go back to this month at least (later exports keep to it)")


def run(args, deps):
    from chalicelib.handlers.opendata.export import publish
    from chalicelib.handlers.opendata.licence import LicenceUnclear
    if args.since and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.since):
        raise ExportRefused(f"--since must be a month like 2024-04, not {args.since!r}.")
    started = time.perf_counter()
    try:
        index = publish(deps, since=args.since)
    except LicenceUnclear as e:
        raise ExportRefused(str(e))
    print(f"{index['reports']} public reports from {index['from_month']}, under the {index['licence']['name']}, "
          f"in {time.perf_counter() - started:.1f} s:")
    for f in index["files"]:
        print(f"  {f['name']}: {f['bytes']:,} bytes")
    print(f"served at {deps.base_url}/v1/open-data")
    return 0
