"""`doorstep councils`: the councils one deployment serves (docs/decisions/councils.md).

    doorstep councils add --file york.json       a new council from its settings document
    doorstep councils change --file york.json    its settings replaced by the file's (audited)
    doorstep councils list                       every council with its addresses
    doorstep councils show --id york             one council's settings as JSON
    doorstep councils migrate --into york        a deployment from before councils: every record
                                                 and file made the council's (--dry-run: say what)

A settings file is checked whole against the schema (chalicelib/councils/schema.py)
before anything is written: a refusal names each field's path and reason.
"""
import json


def add_parser(commands):
    councils = commands.add_parser("councils", help="add, change, list and show the councils the deployment serves")
    sub = councils.add_subparsers(dest="councils_command", required=True)
    for name, words in (("add", "a new council from its settings file (JSON)"),
                        ("change", "replace a council's settings with a file's (the change audited)")):
        command = sub.add_parser(name, help=words)
        command.add_argument("--file", required=True)
    sub.add_parser("list", help="every council, with its web addresses")
    show = sub.add_parser("show", help="one council's settings as JSON")
    show.add_argument("--id", required=True)
    migrate = sub.add_parser("migrate", help="make every record and file written before councils were kept apart "
                                             "this council's (safe to run again)")
    migrate.add_argument("--into", required=True, help="the council (its settings added first)")
    migrate.add_argument("--dry-run", action="store_true", help="say what would be done, and do nothing")


def run(args, deps, by="command line"):
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store, command = CouncilStore(), args.councils_command
    if command == "migrate":
        from doorstep_cli.council_migration import migrate
        return migrate(store, args.into, deps.clock(), args.dry_run)
    if command in ("add", "change"):
        document = read(args.file)
        current = store.get(document.get("id") or "", consistent=True) if isinstance(document, dict) else None
        if command == "add" and current is not None:
            print(f"council {document['id']} exists already (version {current[1]}): use change")
            return 2
        version = settings.write(store, document, current[1] if current else 0, deps.clock(), by)
        print(f"council {document['id']} ({document['name']}) {'added' if command == 'add' else 'changed'}, "
              f"version {version}, at {', '.join(document['hosts'])}")
    elif command == "list":
        addresses = store.addresses()
        for council_id in store.ids():
            hosts = sorted(h for h, c in addresses.items() if c == council_id)
            print(f"{council_id}\t{', '.join(hosts)}")
    else:
        found = store.get(args.id)
        if found is None:
            print(f"no council {args.id}")
            return 2
        print(json.dumps(found[0], indent=2, ensure_ascii=False))
    return 0


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def demo_councils(deps):
    """The demo councils' settings (doorstep_cli/demo/councils/*.json), each added once: a
    council's later changes on its admin screen survive a restart. How many were added."""
    from pathlib import Path
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store, added = CouncilStore(), 0
    for path in sorted((Path(__file__).parent / "demo" / "councils").glob("*.json")):
        document = read(path)
        if store.get(document["id"], consistent=True) is None:
            settings.write(store, document, 0, deps.clock(), "demo data")
            added += 1
    return added


def migrate_local(deps):
    """`make run` on a data folder from before councils: the demo councils' settings added and
    every record moved into the first council, before anything is seeded (a demo category
    seeded first would take the key of the one it replaces, and the older one be refused)."""
    from chalicelib import tenancy
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_migration import migrate
    demo_councils(deps)
    return migrate(CouncilStore(), tenancy.default(), deps.clock())
