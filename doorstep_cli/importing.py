"""What every `doorstep import` command shares: its arguments, its refusal,
its report, and reading CSV files and GeoJSON feature collections."""
import csv
import json
import math


class ImportRefused(Exception):
    """The file cannot be imported as it is; the message says why."""


def add_command(imports, name, help, file_help, unit):
    """`doorstep import <name> FILE [--skip-invalid]`."""
    parser = imports.add_parser(name, help=help)
    parser.add_argument("file", help=file_help)
    parser.add_argument("--skip-invalid", action="store_true",
                        help=f"load the good {unit}s and list the bad ones (default: refuse the whole file)")
    return parser


def run_csv(args, load, say, things):
    """Run a CSV import (`load()` -> (written, [(line, reason)])) and report it."""
    try:
        written, problems = load()
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ImportRefused(f"cannot read {args.file}: {e}") from e
    return report(say, written, [(f"line {line}", reason) for line, reason in problems],
                  args.skip_invalid, things, "row")


def report(say, written, problems, skip_invalid, things, unit):
    """List the bad `unit`s and sum up; the command's exit code.

    Strict mode (the default) wrote nothing when anything was bad."""
    for where, reason in problems:
        say(f"{where}: {reason}")
    if problems and not skip_invalid:
        say(f"{len(problems)} bad {unit}(s): nothing imported (fix them, or use --skip-invalid)")
        return 1
    say(f"{written} {things} imported" + (f"; {len(problems)} bad {unit}(s) skipped" if problems else ""))
    return 0


def read_features(path):
    """The features of a GeoJSON FeatureCollection file; ImportRefused when
    the file is unreadable or no FeatureCollection."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ImportRefused(f"cannot read {path}: {e}") from e
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        raise ImportRefused(f"{path}: not a GeoJSON FeatureCollection")
    return data["features"]


def feature_id(value):
    """(id as text, None) or (None, why) for a feature's id: a string or a
    number, at most 100 characters, no '#' (index keys use it)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip() or len(str(value)) > 100:
        return None, "id is missing (a string or number is needed)"
    if "#" in str(value):
        return None, f"id {value!r} may not contain '#'"
    return str(value).strip(), None


def where(n, feature):
    """How a report names feature number n."""
    fid = feature.get("id") if isinstance(feature, dict) else None
    return f"feature {n}" + (f" (id {fid!r})" if fid is not None else "")


def json_number(value):
    """A finite float from a JSON number, else None (booleans are no numbers)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def text_number(text):
    """A finite float from a CSV cell, else None ("", "north", "nan")."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
