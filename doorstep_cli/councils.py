"""`doorstep councils`: the councils one deployment serves (docs/decisions/councils.md).

    doorstep councils add --file york.json       a new council from its settings document
    doorstep councils add --dir newcastle/       a new council and its data (council_pack.py)
    doorstep councils change --file york.json    its settings replaced by the file's (audited)
    doorstep councils list                       every council with its addresses
    doorstep councils show --id york             one council's settings as JSON
    doorstep councils migrate --into york        a deployment from before councils: every record
                                                 and file made the council's (--dry-run: say what)
    doorstep councils offboard <id> --stop       a council leaving: stopped, then --export DIR, then
                                                 --delete --confirm <id> (offboarding.py)

A settings file is checked whole against the schema (chalicelib/councils/schema.py)
before anything is written: a refusal names each field's path and reason.
"""
import json

from doorstep_cli.council_pack import read


def add_parser(commands):
    councils = commands.add_parser("councils", help="add, change, list and show the councils the deployment serves")
    sub = councils.add_subparsers(dest="councils_command", required=True)
    add = sub.add_parser("add", help="a new council from its settings file (JSON), or a folder of its settings "
                                     "and data (council_pack.py), all checked before anything is written")
    given = add.add_mutually_exclusive_group(required=True)
    given.add_argument("--file", help="its settings (JSON)")
    given.add_argument("--dir", help="council.json, and any of categories.json, wards.geojson, addresses.csv, "
                                     "bin_rounds.json, facilities.geojson")
    change = sub.add_parser("change", help="replace a council's settings with a file's (the change audited)")
    change.add_argument("--file", required=True)
    sub.add_parser("list", help="every council, with its web addresses")
    show = sub.add_parser("show", help="one council's settings as JSON")
    show.add_argument("--id", required=True)
    migrate = sub.add_parser("migrate", help="make every record and file written before councils were kept apart "
                                             "this council's (safe to run again)")
    migrate.add_argument("--into", required=True, help="the council (its settings added first)")
    migrate.add_argument("--dry-run", action="store_true", help="say what would be done, and do nothing")
    from doorstep_cli.offboarding import add_parser as offboard_parser
    offboard_parser(sub)


def run(args, deps, by="command line"):
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store, command = CouncilStore(), args.councils_command
    if command == "migrate":
        from doorstep_cli.council_migration import migrate
        return migrate(store, args.into, deps.clock(), args.dry_run)
    if command == "offboard":
        from doorstep_cli.offboarding import offboard
        return offboard(args, deps)
    if command == "add" and args.dir:
        from doorstep_cli.council_pack import add
        return add(args.dir, store, deps, by=by)
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


def demo_councils(deps):
    """The demo councils (doorstep_cli/demo/councils/): York's settings file (its data is the
    demo's own, seed.py), and a folder for each other council with its settings and data
    (council_pack.py), the county before the district whose roads it takes. Each is added once:
    a council's later changes on its admin screen survive a restart, and one that has left the
    stage (doorstep councils offboard) is never added or given data again. How many were added."""
    from pathlib import Path
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_pack import SETTINGS, add
    from doorstep_cli.local.directory_stack import make_secrets
    store, added, demo = CouncilStore(), 0, Path(__file__).parent / "demo" / "councils"
    gone = store.address_book()[1]
    for path in sorted(demo.glob("*.json")):
        document = read(path)
        make_secrets(document)  # its local directory's client secret and SCIM token (local and test stages)
        if store.get(document["id"], consistent=True) is None:
            settings.write(store, document, 0, deps.clock(), "demo data")
            added += 1
    from doorstep_cli.local.council_offices import put_demo_secrets
    for folder in sorted(demo.glob(f"*/{SETTINGS}"), key=lambda p: (p.parent.name in DISTRICTS, p.parent.name)):
        if read(folder)["id"] in gone:
            continue
        make_secrets(read(folder))
        if store.get(read(folder)["id"], consistent=True) is None:
            put_demo_secrets(read(folder))  # its local back offices' logins (local and test stages)
            if add(folder.parent, store, deps, say=lambda line: None, by="demo data") != 0:
                raise RuntimeError(f"the demo council in {folder.parent} was refused: run doorstep councils add "
                                   f"--dir {folder.parent} to see why")
            added += 1
    _demo_officers(deps, demo, gone)
    return added


def demo_ids():
    """The demo councils' ids (doorstep_cli/demo/councils/: York's file and each folder's), in id order:
    what `make run` loads demo data for, whatever other councils the stage has."""
    from pathlib import Path
    demo = Path(__file__).parent / "demo" / "councils"
    return sorted(read(path)["id"] for path in [*demo.glob("*.json"), *demo.glob("*/council.json")])


def reload_demo_categories(deps):
    """`doorstep seed`: each demo council's categories as its folder has them now (York's are the
    demo's own, seed.py), so a stage added before a category setting (a complaint's `kind` and
    `contact`) gets it; how many were written. A council added since from its own folder is not a
    demo council and is left as it is."""
    from pathlib import Path
    from chalicelib import tenancy
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_pack import load_categories
    written, gone = 0, CouncilStore().address_book()[1]
    for path in sorted((Path(__file__).parent / "demo" / "councils").glob("*/categories.json")):
        if read(path.parent / "council.json")["id"] in gone:
            continue  # a council that has left the stage gets nothing written again
        with tenancy.acting_for(read(path.parent / "council.json")["id"]):
            count, problems = load_categories(deps.for_council(), path)
        if problems:  # refused whole, as demo_councils refuses a folder: said, never a silent nought
            raise RuntimeError(f"the demo categories in {path} were refused: {problems}")
        written += count
    return written


def _demo_officers(deps, demo, gone=frozenset()):
    """Each demo council's own officers (its folder's officers.json), granted there (not where it has left)."""
    from chalicelib import tenancy
    from doorstep_cli.demo_staff import demo_officers
    for path in sorted(demo.glob("*/officers.json")):
        if read(path.parent / "council.json")["id"] in gone:
            continue
        with tenancy.acting_for(read(path.parent / "council.json")["id"]):
            demo_officers(deps.for_council(), path)


DISTRICTS = {"newcastle-under-lyme"}  # loaded after the councils their bodies send to


def migrate_local(deps):
    """`make run` on a data folder from before councils: the demo councils' settings added and
    every record moved into the first council, before anything is seeded (a demo category
    seeded first would take the key of the one it replaces, and the older one be refused)."""
    from chalicelib import tenancy
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_migration import migrate
    demo_councils(deps)
    return migrate(CouncilStore(), tenancy.default(), deps.clock())
