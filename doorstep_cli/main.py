"""`doorstep`: manage a Doorstep stage, local or deployed.

Against the local stack (the default) it finds the emulator that `make run`
started through DOORSTEP_DATA_DIR; with --stage NAME it uses real AWS with the
usual credentials and tables named doorstep-NAME-*.
"""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(prog="doorstep", description=__doc__.splitlines()[0])
    parser.add_argument("--stage", default=os.environ.get("DOORSTEP_STAGE", "local"),
                        help="stage to act on (default: local, the stack `make run` started)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the whole app locally (what `make run` calls)")
    commands.add_parser("tables", help="create missing tables and the photo bucket, and list them")
    seed = commands.add_parser("seed", help="load categories and demo reports (adds nothing twice)")
    seed.add_argument("--reports", type=int, default=40, help="demo reports to create (default 40)")
    seed.add_argument("--no-reports", action="store_true", help="categories only")
    args = parser.parse_args(argv)
    try:
        return {"serve": serve, "tables": tables, "seed": seed_command}[args.command](args)
    except (StackNotRunning, RuntimeError) as e:
        # RuntimeError: the local stack's own start-up refusals (port taken,
        # already running, unreadable snapshot), each with a readable message.
        print(f"doorstep: {e}", file=sys.stderr)
        return 2


class StackNotRunning(Exception):
    pass


def connect(stage):
    """Point this process at the stage's storage."""
    os.environ["DOORSTEP_STAGE"] = stage
    if stage != "local":
        return
    if os.environ.get("DOORSTEP_AWS_ENDPOINT"):
        return
    from chalicelib.config import data_dir
    from doorstep_cli.local.stack import read_stack
    stack = read_stack(data_dir())
    if not stack:
        raise StackNotRunning(f"no local stack is running for {data_dir()}; start it with `make run`.")
    os.environ.update({"DOORSTEP_AWS_ENDPOINT": stack["emulator_url"], "AWS_ACCESS_KEY_ID": "local",
                       "AWS_SECRET_ACCESS_KEY": "local"})
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-2")


def tables(args):
    connect(args.stage)
    for name, state in prepare_storage().items():
        print(f"{name}: {state}")
    return 0


def prepare_storage():
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.tables import ensure_tables
    result = ensure_tables()
    store = BlobStore()
    result[f"s3://{store.bucket}"] = store.ensure_bucket() if args_local() else "not managed here"
    return result


def args_local():
    return os.environ.get("DOORSTEP_STAGE", "local") == "local" or bool(os.environ.get("DOORSTEP_AWS_ENDPOINT"))


def seed_command(args):
    connect(args.stage)
    services, reports = seed_all(0 if args.no_reports else args.reports)
    print(f"{services} categories loaded; {reports} demo reports created")
    return 0


def seed_all(report_count, categories_only_if_empty=False):
    """`doorstep seed` reloads the categories; `make run` only fills an empty
    table, so a council's edits survive a restart."""
    from chalicelib.config import local_port, settings
    from chalicelib.handlers.deps import default_deps
    from doorstep_cli import seed
    deps = default_deps(base_url=settings().public_url or f"http://localhost:{local_port()}")
    services = 0
    if not (categories_only_if_empty and deps.services.all()):
        services = seed.load_services(deps.services)
    return services, seed.demo_reports(deps, report_count) if report_count else 0


def serve(args):
    from chalicelib.config import data_dir, local_port
    from doorstep_cli.local.stack import run_stack

    def prepare():
        for name, state in prepare_storage().items():
            if state == "created":
                print(f"created {name}")
        services, reports = seed_all(40, categories_only_if_empty=True)
        if services or reports:
            print(f"loaded {services} categories and {reports} demo reports")

    def load_app():
        sys.path.insert(0, str(ROOT))
        import app
        return app.app

    return run_stack(data_dir(), local_port(), ROOT / "web", load_app, prepare) or 0


if __name__ == "__main__":
    sys.exit(main())
