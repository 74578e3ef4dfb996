"""A second Doorstep acting as another body (the demo's county), for
`make run` and the tests: Doorstep is itself an Open311 server, so a report
forwarded over Open311 travels over real HTTP to a real one and back.

It runs in its own process (settings are per process): its own tables
(prefix doorstep-county-) on the DynamoDB Local it is given, or on a moto
server of its own in memory; the demo categories; an Open311 key for the
district (given, so both sides know it); and an administrator the tests and
a developer sign in as to move the county's reports along.

    python -m doorstep_cli.local.county --port 8010 --key KEY [--dynamodb URL]
        [--staff-email E --staff-password P] [--data DIR]

It prints one JSON line ({"url": ...}) once it answers.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME = "North Yorkshire Council"
DISTRICT = "City of York Council"


def county_area(data_dir: Path) -> Path:
    """The county's boundary file: the demo boundary under the county's name."""
    from chalicelib.config import DEFAULT_SERVICE_AREA
    doc = json.loads(Path(DEFAULT_SERVICE_AREA).read_text())
    features = doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
    geometry = features[0]["geometry"]
    path = data_dir / "county-area.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {"name": NAME}, "geometry": geometry}))
    return path


def configure(args: argparse.Namespace) -> None:
    data = Path(args.data).resolve()
    data.mkdir(parents=True, exist_ok=True)
    env = os.environ
    endpoint = args.dynamodb
    if endpoint is None:  # storage of its own, in memory, for the life of the process
        from moto.server import ThreadedMotoServer
        server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
        server.start()
        endpoint = "http://%s:%d" % server.get_host_and_port()
    env.update({"DOORSTEP_STAGE": "local", "DOORSTEP_TABLE_PREFIX": "doorstep-county-",
                "DOORSTEP_PHOTO_BUCKET": "doorstep-county-photos", "DOORSTEP_DYNAMODB_ENDPOINT": endpoint,
                "DOORSTEP_AWS_ENDPOINT": args.emulator or endpoint, "DOORSTEP_DATA_DIR": str(data),
                "DOORSTEP_PUBLIC_URL": f"http://localhost:{args.port}", "AWS_ACCESS_KEY_ID": "local",
                "AWS_SECRET_ACCESS_KEY": "local", "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
                "DOORSTEP_SERVICE_AREA": str(county_area(data))})
    env.setdefault("AWS_DEFAULT_REGION", "eu-west-2")
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN"):
        env.pop(name, None)


def prepare(args: argparse.Namespace) -> None:
    from chalicelib import ids
    from chalicelib.deps import default_deps
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.staff.open311_keys import Open311KeyStore
    from chalicelib.storage.records import Open311Key
    from chalicelib.storage.tables import ensure_tables
    from doorstep_cli.seed import load_services
    ensure_tables(wait=False)
    BlobStore().ensure_bucket()
    deps = default_deps()
    if not deps.services.all():
        load_services(deps.services)
    keys = Open311KeyStore()
    if keys.by_hash(ids.digest(args.key)) is None:
        keys.add(Open311Key(key_hash=ids.digest(args.key), name=DISTRICT, created_at=deps.clock()))
    if args.staff_email:
        from chalicelib.errors import Conflict
        from chalicelib.handlers.accounts import users
        try:
            users.create_user(deps, args.staff_email, "admin", name="County officer", password=args.staff_password)
        except Conflict:
            pass  # made on an earlier start


def command(port: int, key: str, data: Path | str, email: str, password: str, dynamodb: str | None = None,
            emulator: str | None = None, fd: int | None = None) -> list[str]:
    """The command that starts the county. Each value is joined to its option
    with "=": a random password or key may begin with "-", which argparse
    would otherwise take for an option and refuse (the county would not start)."""
    given = {"port": port, "key": key, "dynamodb": dynamodb, "emulator": emulator, "data": data,
             "staff-email": email, "staff-password": password, "fd": fd}
    return [sys.executable, "-m", "doorstep_cli.local.county",
            *(f"--{name}={value}" for name, value in given.items() if value is not None)]


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--fd", type=int, help="a socket listening on --port, bound and handed over by the parent")
    parser.add_argument("--key", required=True, help="the district's Open311 api key here")
    parser.add_argument("--dynamodb", help="DynamoDB Local's URL (default: a moto server in memory)")
    parser.add_argument("--emulator", help="the S3 emulator's URL (default: as --dynamodb)")
    parser.add_argument("--data", default=".data/county", help="its secrets and boundary file")
    parser.add_argument("--staff-email")
    parser.add_argument("--staff-password")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    configure(args)
    from chalicelib import tenancy
    tenancy.use(tenancy.default())  # the county is a deployment of its own, its one council
    sys.path.insert(0, str(ROOT))
    prepare(args)
    from app import app
    from doorstep_cli.local.devserver import DoorstepRequestHandler, make_server
    DoorstepRequestHandler.log_message = lambda *a: None
    import socket
    held = socket.socket(fileno=args.fd) if args.fd is not None else None  # the port never let go
    server = make_server(app, "127.0.0.1", args.port, ROOT / "web", sock=held)
    # stdout is the starter's pipe, read for one line, the address, and never again: from before that
    # line is sent, what the county writes to stdout (the app logs there, as Chalice does in Lambda)
    # goes to its log file, so a pipe nobody reads never fills and stops it.
    pipe = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with pipe:
        pipe.write(json.dumps({"url": f"http://127.0.0.1:{server.port}"}) + "\n")
    stop = threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
