"""`doorstep import bin-rounds FILE.json`: load bin collection rounds.

The file is JSON: {"rounds": [...]} (or the bare list), each round
    {"id": "refuse-fri-a", "stream": "refuse", "weekday": "friday",
     "every_weeks": 2, "start": "2026-01-09", "end": null,
     "exceptions": {"2026-12-25": "2026-12-27", "2027-01-01": "cancelled"}}
where start is the first collection (on that weekday), and each exception
names a scheduled date and moves it (within 14 days) or cancels it. JSON
rather than CSV because exceptions nest. As with addresses: strict by
default (one bad round stops the import before anything is written, and
every bad round is listed); --skip-invalid loads the good ones. Rounds are
upserts by id. Addresses name their rounds in their own import
(refuse_round, recycling_round, garden_round, food_round columns).
"""
import json

from .importing import ImportRefused, add_command, report


def add_parser(imports):
    add_command(imports, "bin-rounds", "load bin collection rounds from JSON (upsert by id)",
                     'JSON {"rounds": [{id, stream, weekday, every_weeks, start, end, exceptions}]}', "round")


def run(args, deps, say=print):
    written, problems = import_file(deps, args.file, skip_invalid=args.skip_invalid)
    return report(say, written, problems, args.skip_invalid, "bin rounds", "round")


def import_file(deps, path, skip_invalid=False, now=None):
    """(rounds written, [(where, reason)])."""
    from chalicelib.storage.places.bins import round_record
    rounds, problems = read_rounds(path)
    if problems and not skip_invalid:
        return 0, problems
    now = now or deps.clock()
    return deps.bin_rounds.put_many(round_record(r, now) for r in rounds), problems


def read_rounds(path):
    """([bindays.Round], [(where, reason)])."""
    from chalicelib.bindays import check_round
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ImportRefused(f"cannot read {path}: {e}") from e
    items = data.get("rounds") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ImportRefused(f'{path}: expected {{"rounds": [...]}} or a list of rounds')
    rounds, problems, seen = [], [], {}
    for n, item in enumerate(items, 1):
        round_, reason = check_round(item)
        if round_ and round_.id in seen:
            round_, reason = None, f"id {round_.id!r} repeats round {seen[round_.id]}"
        if reason:
            rid = item.get("id") if isinstance(item, dict) else None
            problems.append((f"round {n}" + (f" (id {rid!r})" if isinstance(rid, str) else ""), reason))
            continue
        seen[round_.id] = n
        rounds.append(round_)
    return rounds, problems
