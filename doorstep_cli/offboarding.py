"""`doorstep councils offboard <id>`: a council leaving the deployment (docs/decisions/offboarding.md),
one step at a time, each after the one before:

    --stop                      its addresses answer that its service has ended; nothing more is done for it
    --export DIR                everything of it written into DIR (docs/offboarding-format.md); run again
                                after an interruption, it goes on from where it got to
    --delete --confirm <id>     once the council has its export: every item and file of it deleted and read
                                back as none, the other councils' counts compared (--report FILE: the report)
    --status                    where its leaving has got to

A refusal (out of order, the wrong confirmation) is said on stderr with exit code 1 (main.py)."""
import json
import sys

from chalicelib.councils.offboarding import wording


def add_parser(sub):
    offboard = sub.add_parser("offboard", help="a council leaving: --stop, then --export DIR, then --delete "
                                               "--confirm <its id> once it has its export")
    offboard.add_argument("id", help="the council's id")
    step = offboard.add_mutually_exclusive_group(required=True)
    step.add_argument("--stop", action="store_true", help="end its service: its addresses answer 410")
    step.add_argument("--export", metavar="DIR", help="write everything of it into DIR (resumable)")
    step.add_argument("--delete", action="store_true", help="delete everything of it (after --export)")
    step.add_argument("--status", action="store_true", help="where its leaving has got to")
    offboard.add_argument("--confirm", metavar="ID", help="with --delete: the council's id again")
    offboard.add_argument("--report", metavar="FILE", help="with --delete: write the deletion's report (JSON) here")


def offboard(args, deps, by="command line"):
    from chalicelib.councils.offboarding import steps
    from chalicelib.storage.councils import CouncilStore
    from chalicelib.storage.offboarding.paging import Budget
    from chalicelib.storage.offboarding.records import OffboardStore
    store, council, now = OffboardStore(), args.id, deps.clock()
    if args.status:
        print(json.dumps(steps.record_of(store, council)[0], indent=1, ensure_ascii=False, sort_keys=True))
        return 0
    if args.stop:
        record, made = steps.stop(store, CouncilStore(), council, now, by)
        line = wording.STOPPED if made else wording.STOPPED_ALREADY
        print(line.format(council=council, name=record["name"], hosts=", ".join(record["hosts"]),
                          at=record["stopped_at"], by=record["stopped_by"], state=record["state"]))
        return 0
    if args.export:
        from chalicelib.storage.offboarding.sinks import FolderSink
        record, _ = steps.export(store, council, FolderSink(args.export), now, by, Budget(), tell=_tell)
        done = record["export"]
        print(wording.EXPORTED.format(council=council, to=done["to"], items=done["totals"]["items"],
                                      kinds=sum(1 for k in done["counts"] if not k.startswith("files:")),
                                      files=done["totals"]["files"], bytes=done["totals"]["file_bytes"],
                                      sha256=done["manifest_sha256"]))
        return 0
    record, _ = steps.delete(store, council, args.confirm, now, by, Budget(), tell=_tell)
    report = record["deletion"]["report"]
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(record, f, indent=1, ensure_ascii=False, sort_keys=True)
        print(wording.REPORT_WRITTEN.format(path=args.report))
    backups, others = report["backups"], report["others"]
    print(wording.DELETED.format(
        council=council, deleted=sum(k["deleted"] for k in report["kinds"].values()),
        files=sum(f["deleted"] for f in report["files"].values()),
        others=wording.OTHERS_UNCHANGED if others["unchanged"] else
        wording.OTHERS_CHANGED.format(count=others["changed_count"]),
        leaves=backups["leaves_backups_on"], tables=backups["tables_until"],
        files_until=backups["file_versions_until"]))
    if report["deleted_not_exported"]:
        print(wording.NOT_EXPORTED_FIRST.format(council=council, kinds=", ".join(
            f"{kind} {n}" for kind, n in sorted(report["deleted_not_exported"].items()))), file=sys.stderr)
    if not report["zero_read_back"]:
        print(wording.NOT_ZERO.format(council=council), file=sys.stderr)
        return 1
    return 0


def _tell(kind, count):
    if count:
        print(wording.EXPORTING.format(kind=kind, count=count), file=sys.stderr, flush=True)
