"""`doorstep councils migrate --into <council>`: a deployment made before councils were kept
apart keeps every record and file, all of it becoming that council's (docs/decisions/councils.md).
Progress goes to stderr, the report, table by table, to stdout; the exit code is 1 when
anything was refused (each refusal is listed with its reason), 2 when the council has no
settings stored."""
import sys

from chalicelib.councils import wording


def migrate(store, into, now, dry_run=False):
    from chalicelib.storage.migration import migrate_tables
    from chalicelib.storage.migration_files import migrate_files
    if store.get(into, consistent=True) is None:
        print(wording.NO_SETTINGS.format(council=into))
        return 2
    councils = set(store.ids())
    tallies = migrate_tables(into, councils, now, dry_run, progress=_progress)
    tallies += migrate_files(into, councils, dry_run, progress=_progress)
    line = wording.WOULD_MIGRATE if dry_run else wording.MIGRATED
    for tally in tallies:
        if tally.read:
            print(line.format(**vars(tally)))
            for key, reason, detail in tally.refusals:
                print(wording.refused(key, reason, detail))
            if tally.refused > len(tally.refusals):
                print(wording.REFUSED_MORE.format(count=tally.refused - len(tally.refusals)))
    print(line.format(name=wording.IN_ALL, **{what: sum(getattr(t, what) for t in tallies)
                                               for what in ("moved", "mended", "already", "expired", "refused")}))
    return 1 if any(t.refused for t in tallies) else 0


def _progress(tally):
    print(wording.MIGRATION_PROGRESS.format(name=tally.name, read=f"{tally.read:,}"), file=sys.stderr, flush=True)


def made_before_councils(states):
    """Whether the stage `doorstep tables` just prepared was made before councils were kept
    apart: its councils table new, its council tables there already ({table: what was done})."""
    from chalicelib.storage.councils import CouncilModel
    councils = CouncilModel.Meta.table_name
    return states.get(councils) == "created" and any(
        state.startswith("exists") for name, state in states.items() if name != councils)
