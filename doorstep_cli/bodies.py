"""`doorstep bodies`: the bodies reports are sent to (the same definitions
as the admin routes under /v1/staff/bodies take, as JSON files).

    doorstep bodies create --file county.json
    doorstep bodies list
    doorstep bodies show --id north-yorkshire
    doorstep bodies update --id north-yorkshire --file change.json
    doorstep bodies retire --id north-yorkshire

A body file: {"id", "name", "area": {"kind": "council" | "polygons" (with
"geometry") | "wards" (with "wards") | "line" (with "geometry" and
"within_m")}, "categories", "contact_text", "send_method": "inbox" |
"open311" (with "endpoint", "api_key") | "email" (with "email"), ...}.
"""
import json


def add_parser(commands):
    bodies = commands.add_parser("bodies", help="create, list, show, update and retire the bodies reports go to")
    sub = bodies.add_subparsers(dest="bodies_command", required=True)
    create = sub.add_parser("create", help="a new body from a JSON file")
    create.add_argument("--file", required=True)
    sub.add_parser("list", help="every body, retired ones marked")
    show = sub.add_parser("show", help="one body as JSON (its api key never shown)")
    show.add_argument("--id", required=True)
    update = sub.add_parser("update", help="change a body with the fields of a JSON file")
    update.add_argument("--id", required=True)
    update.add_argument("--file", required=True)
    retire = sub.add_parser("retire", help="route no more reports to a body (those sent keep its name)")
    retire.add_argument("--id", required=True)


def run(args, deps):
    from chalicelib.handlers.bodies import admin
    command = args.bodies_command
    if command == "create":
        made = admin.create_body(deps, _read(args.file))
        print(f"created body {made['id']} ({made['name']}), sent by {made['send_method']}")
    elif command == "list":
        found = admin.list_bodies(deps)["bodies"]
        for body in found:
            print(f"{body['id']}\t{body['name']}\t{body['send_method']}\t{body['area']['kind']}\t"
                  f"{','.join(body['categories'])}" + ("\tretired" if body["retired"] else ""))
        if not found:
            print("no bodies stored: every report goes to the council's own inbox")
    elif command == "show":
        print(json.dumps(admin.show_body(deps, args.id), indent=2))
    elif command == "update":
        current = admin.show_body(deps, args.id)
        changed = admin.update_body(deps, args.id, _read(args.file), current["version"])
        print(f"body {changed['id']} changed (version {changed['version']})")
    else:
        current = admin.show_body(deps, args.id)
        admin.retire_body(deps, args.id, current["version"])
        print(f"body {args.id} is retired: no new report is routed to it")
    return 0


def _read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
