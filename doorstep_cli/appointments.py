"""`doorstep appointments`: load and list the council's appointment services
and calendars, so a council sets up its own without the seed.

    doorstep appointments load setup.json --if-match 3   # checked; services and calendars added or replaced
    doorstep appointments list                           # the version, each service and calendar

The setup has one version, raised by each load: --if-match N refuses the load
if someone else loaded since N was read (as `doorstep forms` and the API's
If-Match do); without it the command reads the version first and loads over
that. The demo's (demo/appointments.json) is loaded by `make run`'s seed only
when none are stored, so a council's own setup survives a restart."""
import json
from pathlib import Path

DEMO = Path(__file__).resolve().parent / "demo" / "appointments.json"


def add_parser(commands):
    appointments = commands.add_parser("appointments", help="load and list the appointment services and calendars")
    sub = appointments.add_subparsers(dest="appointments_command", required=True)
    load = sub.add_parser("load", help="check a setup file (JSON: services and calendars) and load it")
    load.add_argument("file", help="the setup's JSON file")
    load.add_argument("--if-match", help="the setup's version as you read it (doorstep appointments list)")
    sub.add_parser("list", help="the setup's version, its services and calendars")


def run(args, deps):
    from chalicelib.handlers.appointments.setup import load
    if args.appointments_command == "list":
        services, calendars = deps.appointments.setup()
        print(f"version {deps.appointments.setup_version()}")
        for s in services.values():
            print(f"service  {s['id']:32} {s['minutes']:>3} min  {s['mode']:9} {', '.join(s.get('calendars', []))}")
        for c in calendars.values():
            print(f"calendar {c['id']:32} capacity {c['capacity']}  {c.get('name', '')}")
        return 0
    try:
        document = json.loads(Path(args.file).read_text())
    except (OSError, ValueError) as e:
        from chalicelib.errors import ValidationFailed
        raise ValidationFailed([("file", f"Not a JSON file we can read: {e}")]) from None
    services, calendars, version = load(deps, document, args.if_match)
    print(f"loaded {services} services and {calendars} calendars: version {version}")
    return 0


def demo_document():
    return json.loads(DEMO.read_text())


def demo_appointments(deps):
    """Loads the demo setup into an empty store; returns how many services."""
    from chalicelib.handlers.appointments.setup import load
    services, _ = deps.appointments.setup()
    if services:
        return 0
    return load(deps, demo_document())[0]
