"""`python -m bench.offboardcost`: a council of 100,000 reports leaving (issue 80, item 5): its export and
its deletion on DynamoDB Local (the real engine's Scan pages; S3 in moto), beside York with 20,000
reports of its own, whose counts must not move. For each step: seconds, Scan pages, items read,
items written (the council's deleted, and the cursor's saves), and the files.

Reports are bulk-written in the store's own form (bench/data.py), with their six indexes' keys; the
leaving council has BENCH_OFFBOARD_FILES photos. The steps are the command's (doorstep councils
offboard): stopped, exported into a folder, deleted with the report read back.
"""
import os
import tempfile
import time

from . import data, env, report

N = int(os.environ.get("BENCH_OFFBOARD_N", "100000"))
OTHERS = int(os.environ.get("BENCH_OFFBOARD_OTHERS", "20000"))
FILES = int(os.environ.get("BENCH_OFFBOARD_FILES", "1000"))
COUNCIL = "leaving"
BEGIN, END = "<!-- offboarding: written by bench.offboardcost -->", "<!-- /offboarding -->"


def leaving():
    return {"id": COUNCIL, "name": "Leaving Council", "short_name": "Leaving", "hosts": ["leaving.localhost"],
            "jurisdiction": "england"}


def _load(progress):
    from chalicelib import tenancy
    from chalicelib.councils import settings
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.seed import load_services
    from chalicelib.storage.reports.services import ServiceStore
    import json
    york = json.loads((env.ROOT / "doorstep_cli" / "demo" / "councils" / "york.json").read_text())
    store, now = CouncilStore(), data.Generator().now
    for document in (york, leaving()):
        settings.write(store, document, 0, now, "bench")
    with tenancy.acting_for("york"):
        data.load(data.Generator(seed=11), OTHERS, progress)
    with tenancy.acting_for(COUNCIL):
        load_services(ServiceStore())
        data.load(data.Generator(seed=12), N, progress)
        blobs = BlobStore()
        for i in range(FILES):
            blobs.write(f"photos/bench-{i:05d}.jpg", b"\xff\xd8" + os.urandom(2000), "image/jpeg")


def _step(run):
    from chalicelib.storage import metering
    started = time.perf_counter()
    with metering.metered() as meter:
        record = run()
    return {"seconds": time.perf_counter() - started, "pages": meter.operations.count("Scan"), "items": meter.items,
            "writes": meter.writes, "calls": meter.calls, "dynamodb": meter.seconds}, record


def measured_run(progress):
    from moto import mock_aws
    from chalicelib import tenancy
    from chalicelib.councils.offboarding import steps
    from chalicelib.storage.councils import CouncilStore
    from chalicelib.storage.offboarding.paging import Budget
    from chalicelib.storage.offboarding.records import OffboardStore
    from chalicelib.storage.offboarding.sinks import FolderSink
    from doorstep_cli.local.dynamodb_local import start_on_a_free_port
    engine = start_on_a_free_port()
    os.environ["DOORSTEP_DYNAMODB_ENDPOINT"] = engine.url
    os.environ["DOORSTEP_OFFBOARD_SETTLE_S"] = "0"  # no run of this process began before the stop: export at once
    try:
        with mock_aws(), tempfile.TemporaryDirectory() as folder, tenancy.acting_for("york"):  # the command's
            env.fresh_storage()
            t0 = time.perf_counter()
            _load(progress)
            progress(f"  loaded {N:,} + {OTHERS:,} reports and {FILES:,} files in {time.perf_counter() - t0:.0f} s")
            store, now = OffboardStore(), data.Generator().now
            steps.stop(store, CouncilStore(), COUNCIL, now, "bench")
            export, record = _step(lambda: steps.export(store, COUNCIL, FolderSink(folder), now, "bench", Budget())[0])
            progress(f"  exported in {export['seconds']:.0f} s")
            deletion, record = _step(lambda: steps.delete(store, COUNCIL, COUNCIL, now, "bench", Budget())[0])
            progress(f"  deleted in {deletion['seconds']:.0f} s")
            exported = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
    finally:
        os.environ.pop("DOORSTEP_DYNAMODB_ENDPOINT", None)
        engine.stop()
    found = record["deletion"]["report"]
    return {"export": export, "delete": deletion, "exported_reports": record["export"]["counts"]["reports"],
            "deleted_reports": found["kinds"]["reports"]["deleted"], "files": found["files"]["photos"]["deleted"],
            "zero": found["zero_read_back"], "unchanged": found["others"]["unchanged"],
            "york_after": found["others"]["after"].get("york", 0), "bytes": exported}


def section(r, elapsed):
    rows = [[name, f"{s['seconds']:.0f}", f"{s['dynamodb']:.0f}", f"{s['pages']:,}", f"{s['items']:,}",
             f"{s['writes']:,}", f"{s['items'] / N:.1f}"] for name, s in (("export", r["export"]),
                                                                          ("delete", r["delete"]))]
    ok = r["exported_reports"] == r["deleted_reports"] == N and r["files"] == FILES and r["zero"] and r["unchanged"]
    return "\n".join([
        BEGIN, "## A council leaving (`doorstep councils offboard`)", "",
        f"A council of {N:,} reports (and {FILES:,} photos) exported and deleted, beside York with {OTHERS:,} "
        "reports of its own, on DynamoDB Local (S3 in moto), through the command's steps: every table Scanned "
        "in pages of 500 from its cursor (the council's items are those whose key begins `leaving|`), the "
        "export written in parts of 5,000 to a folder, the deletion saving each page's keys before deleting "
        f"them, then every table and index read again for a count. Ran in {elapsed:.0f} s.", "",
        report.table(["Step", "Seconds", "s in DynamoDB", "Scan pages", "Items read", "Items written",
                      "Items read per report"], rows), "",
        f"Exported {r['exported_reports']:,} reports ({r['bytes'] / 1e6:.0f} MB with the files and manifest); "
        f"deleted {r['deleted_reports']:,} and {r['files']:,} files; read back: "
        f"{'none' if r['zero'] else 'SOME LEFT'} of the council in any table or index; York's "
        f"{r['york_after']:,} items {'unchanged' if r['unchanged'] else 'CHANGED'}: {report.verdict(ok)}.", "",
        "Items read are every council's: a Scan reads the whole table to find one council's items, so the "
        "export reads each table once, and the deletion twice (its pass, and the count after) and each index "
        "once more (the read-back of every index: the reports' six are most of it). Items written by the export "
        "are its cursor's saves; by the deletion, the council's items and the cursor's. Paid once, at the end "
        "of a council's service: the schedules and requests never Scan.", END, ""])


def measure_and_write(progress=print):
    started = time.perf_counter()
    results = measured_run(progress)
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(results, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    from . import env as _env
    _env.apply()
    raise SystemExit(measure_and_write())
