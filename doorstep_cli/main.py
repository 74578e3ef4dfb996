"""`doorstep`: manage a Doorstep stage, local or deployed.

Against the local stack (the default) it finds the DynamoDB Local and S3
emulator that `make run` started through DOORSTEP_DATA_DIR; with --stage NAME it uses real AWS with the
usual credentials and tables named doorstep-NAME-*.
"""
import argparse
import os
import sys
from pathlib import Path

from doorstep_cli import (addresses, bin_rounds, bodies, councillors, councils, facilities, importing, open311_keys,
                          schools, teams, wards)
from doorstep_cli import appointments, directory, effects, forms, open_data, pay, petition_signers, routes
from doorstep_cli.stage import StackNotRunning, connect

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(prog="doorstep", description=__doc__.splitlines()[0])
    parser.add_argument("--stage", default=os.environ.get("DOORSTEP_STAGE", "local"),
                        help="stage to act on (default: local, the stack `make run` started)")
    parser.add_argument("--council", default=None,
                        help="the council a command acts for (default: the deployment's first, "
                             "DOORSTEP_DEFAULT_COUNCIL, york)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the whole app locally (what `make run` calls)")
    commands.add_parser("tables", help="create missing tables and the photo bucket, and list them")
    seed = commands.add_parser("seed", help="load categories and demo reports (adds nothing twice)")
    seed.add_argument("--reports", type=int, default=40, help="demo reports to create (default 40)")
    seed.add_argument("--no-reports", action="store_true", help="categories only")
    users = commands.add_parser("users", help="manage accounts, and their roles at a council (--council)").add_subparsers(
        dest="users_command", required=True)
    create = users.add_parser("create", help="create an account; its owner gets a link to set a password")
    create.add_argument("--email", required=True)
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("--name")
    create.add_argument("--team", help="crew team (required for --role crew)")
    create.add_argument("--categories", help="staff: comma list of service codes they handle")
    create.add_argument("--wards", help="staff: comma list of ward ids they handle")
    create.add_argument("--roles", help="staff: comma list of the council's roles (chalicelib/data/staff_roles.json), "
                                        "which open their desks")
    operator = users.add_parser("operator", help="make a person the deployment's operator (adds councils, changes "
                                                 "their settings, nothing else), or take it away")
    operator.add_argument("--email", required=True)
    given = operator.add_mutually_exclusive_group(required=True)
    given.add_argument("--grant", action="store_true")
    given.add_argument("--revoke", action="store_true")
    glass = users.add_parser("break-glass", help="let an administrator sign in with a password where the council's "
                                                  "officers sign in with its directory (audited, announced), or stop it")
    glass.add_argument("--email", required=True)
    allowed = glass.add_mutually_exclusive_group(required=True)
    allowed.add_argument("--grant", action="store_true")
    allowed.add_argument("--revoke", action="store_true")
    set_role = users.add_parser("set-role", help="change an account's role (ends its sessions)")
    set_role.add_argument("--email", required=True)
    set_role.add_argument("--role", required=True, choices=ROLES)
    set_role.add_argument("--team")
    set_role.add_argument("--categories")
    set_role.add_argument("--wards")
    set_role.add_argument("--roles", help="staff: comma list of roles, replacing theirs (\"\" for none; "
                                          "left out: kept)")
    open311_keys.add_parser(commands)
    teams.add_parser(commands)
    forms.add_parser(commands)
    appointments.add_parser(commands)
    pay.add_parser(commands)
    bodies.add_parser(commands)
    councils.add_parser(commands)
    imports = addresses.add_parser(commands)
    for kind in (facilities, wards, councillors, bin_rounds, schools):
        kind.add_parser(imports)
    facilities.add_commands(commands)
    open_data.add_parser(commands)
    routes.add_parser(commands)
    petition_signers.add_parser(commands)
    directory.add_parser(commands)
    effects.add_parser(commands)
    outbox = commands.add_parser("outbox", help="show the e-mail and SMS Doorstep sent (newest last)")
    outbox.add_argument("--to", help="only messages to this address")
    outbox.add_argument("--last", type=int, default=10, help="how many (default 10)")
    outbox.add_argument("--html", action="store_true", help="also print the HTML part of e-mail")
    outbox.add_argument("--save", metavar="DIR", help="write each message's attachments (an invite) to files in DIR")
    args = parser.parse_args(argv)
    from chalicelib import tenancy
    council = tenancy.use(args.council or tenancy.default())  # every command works for one council
    try:
        handler = {"serve": serve, "tables": tables, "seed": seed_command, "users": users_command,
                   "outbox": outbox_command, "open311-keys": open311_keys_command,
                   "import": import_command, "facilities": facilities_command,
                   "export": export_command, "teams": teams_command, "forms": forms_command, "appointments": appointments_command, "pay": pay_command, "bodies": bodies_command, "councils": councils_command, "routes": routes.run,
                   "sign-petition": petition_signers.run, "directory": directory.run,
                   "effects": effects_command}[args.command]
        return handler(args)
    except (StackNotRunning, RuntimeError) as e:
        # RuntimeError: the local stack's own start-up refusals (port taken,
        # already running, no Java, unreadable data), each with a readable message.
        print(f"doorstep: {e}", file=sys.stderr)
        return 2
    except (ApiErrorExit, open311_keys.KeyCommandError, importing.ImportRefused, open_data.ExportRefused,
            directory.DirectoryError) as e:
        print(f"doorstep: {e}", file=sys.stderr)
        return 1
    finally:
        tenancy.reset(council)  # run in a process that goes on (a test's), the command's council ends with it


class ApiErrorExit(Exception):
    pass


ROLES = ("resident", "crew", "staff", "admin")


def _deps():
    """Links in what the command sends point where the stage serves: the
    running local stack's address (connect() takes it from the stack), or a
    deployed stage's DOORSTEP_PUBLIC_URL, which must then be set."""
    from chalicelib.config import MissingPublicUrl, settings
    from chalicelib.deps import default_deps
    from chalicelib.notify import LOCAL_STAGES
    s = settings()
    if s.stage not in LOCAL_STAGES and not s.aws_endpoint and not s.public_url:
        raise MissingPublicUrl("set DOORSTEP_PUBLIC_URL to the stage's address (https://host): "
                               "e-mails this command sends link to it.")
    return default_deps()


def users_command(args):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.accounts import auth, users
    connect(args.stage)
    deps = _deps()
    if args.users_command == "operator":
        return _operator(deps, args)
    if args.users_command == "break-glass":
        return _break_glass(deps, args)
    categories = [c.strip() for c in (args.categories or "").split(",") if c.strip()] or None
    wards = [w.strip() for w in (args.wards or "").split(",") if w.strip()] or None
    roles = None if args.roles is None else [r.strip() for r in args.roles.split(",") if r.strip()]
    try:
        if args.users_command == "create":
            user = users.create_user(deps, args.email, args.role, name=args.name, team=args.team,
                                     categories=categories, wards=wards, roles=roles)
            auth.send_password_setup(deps, user)
            print(f"created {user.email} ({_holding(deps, args.role, roles)}); a link to set the password was "
                  "e-mailed" + (" (see `doorstep outbox`)" if args.stage == "local" else ""))
        else:
            grant = users.set_role(deps, args.email, args.role, team=args.team, categories=categories, wards=wards,
                                   roles=roles)
            print(f"{args.email} is now {_holding(deps, args.role, grant.roles if grant else [])}; "
                  f"their sessions at {deps.council.short_name} have ended")
    except ApiError as e:
        raise ApiErrorExit(e.message)
    return 0


def _operator(deps, args):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.accounts import users
    try:
        user = users.set_operator(deps, args.email, args.grant)
    except ApiError as e:
        raise ApiErrorExit(e.message)
    print(f"{user.email} is now the deployment's operator" if user.operator
          else f"{user.email} is no longer the deployment's operator")
    return 0


def _break_glass(deps, args):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.accounts import users
    try:
        users.set_break_glass(deps, args.email, args.grant)
    except ApiError as e:
        raise ApiErrorExit(e.message)
    print(f"{args.email} {'may now' if args.grant else 'may no longer'} sign in with a password at "
          f"{deps.council.short_name} when its officers sign in with its directory")
    return 0


def _holding(deps, role, roles):
    """"staff at York, roles: halls": what the council the command was for granted."""
    held = f"{role} at {deps.council.short_name}"
    if role == "staff" and not roles:
        return held + ", no roles yet: no desk opens to them until they hold one (--roles)"
    return held + (f", roles: {', '.join(roles)}" if roles else "")


def effects_command(args):
    connect(args.stage)
    return effects.run(args, _deps())


def teams_command(args):
    from chalicelib.errors import ApiError
    connect(args.stage)
    try:
        return teams.run(args, _deps())
    except ApiError as e:
        raise ApiErrorExit(e.message)


def appointments_command(args):
    return _run_with_paths(appointments, args)


def forms_command(args):
    return _run_with_paths(forms, args)


def pay_command(args):
    return _run_with_paths(pay, args)


def _run_with_paths(command, args):
    """A loading command: a refusal printed with each problem's path."""
    from chalicelib.errors import ApiError
    connect(args.stage)
    try:
        return command.run(args, _deps())
    except ApiError as e:
        problems = "".join(f"\n  {f['field']}: {f['message']}" for f in getattr(e, "fields", []))
        raise ApiErrorExit(e.message + problems)


def bodies_command(args):
    return _run_with_paths(bodies, args)


def councils_command(args):
    return _run_with_paths(councils, args)


def open311_keys_command(args):
    connect(args.stage)
    return open311_keys.run(args, _deps())


def import_command(args):
    connect(args.stage)
    kind = {"addresses": addresses, "facilities": facilities, "wards": wards,
            "councillors": councillors, "bin-rounds": bin_rounds, "schools": schools}[args.import_kind]
    return kind.run(args, _deps())


def facilities_command(args):
    connect(args.stage)
    return facilities.delete(args, _deps())


def export_command(args):
    connect(args.stage)
    return open_data.run(args, _deps())


def outbox_command(args):
    from chalicelib.storage.outbox import OutboxStore
    from doorstep_cli.outbox import show
    connect(args.stage)
    show(OutboxStore().newest(args.last, to=args.to), html=args.html, save=args.save)
    return 0


def tables(args):
    from doorstep_cli.council_migration import made_before_councils
    connect(args.stage)
    states = prepare_storage()
    for name, state in states.items():
        print(f"{name}: {state}")
    if made_before_councils(states):
        from chalicelib.councils.wording import MADE_BEFORE_COUNCILS
        print(MADE_BEFORE_COUNCILS)
    return 0


def prepare_storage():
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.tables import ensure_tables
    result = ensure_tables()
    from chalicelib.storage.reports.supporters import SupporterModel
    if "added index by_person" in result.get(SupporterModel.Meta.table_name, ""):
        # This release's upgrade (its new index says a stage has not had it): photo links now
        # find their report through the photo's upload row, which used to expire after a day.
        from chalicelib.storage.reports.report_store import ReportStore
        result[SupporterModel.Meta.table_name] += f"; {ReportStore().keep_photo_rows()} photos' rows kept"
    from chalicelib.storage.accounts.grants import GrantStore, StaffGrantModel
    if "added index roster" in result.get(StaffGrantModel.Meta.table_name, ""):
        # Grants written before the roster index: compliments reach their officers once they are on it.
        result[StaffGrantModel.Meta.table_name] += f"; {GrantStore.enrol_roster()} officers on their rosters"
    from chalicelib.storage.staff.inbox import InboxModel
    if result.get(InboxModel.Meta.table_name) == "created":  # a stage from before the staff inbox
        from chalicelib.storage.reports.report_store import ReportStore
        result[InboxModel.Meta.table_name] += f"; {ReportStore().reindex_inbox()} reports indexed"
    store = BlobStore()
    result[f"s3://{store.bucket}"] = store.ensure_bucket() if args_local() else "not managed here"
    # Chats from before chat-photos/ and before open chats were swept: each run finds only what is left.
    from chalicelib.storage.conversations.conversations import ConversationModel
    from chalicelib.storage.conversations.upgrade import upgrade_chats
    put, moved = upgrade_chats()
    result[ConversationModel.Meta.table_name] += f"; {put} chats put on the due index" if put else ""
    result[f"s3://{store.bucket}"] += f"; {moved.words()}" if moved.moved or moved.shared else ""
    return result


def args_local():
    return os.environ.get("DOORSTEP_STAGE", "local") == "local" or bool(os.environ.get("DOORSTEP_AWS_ENDPOINT"))


def seed_command(args):
    connect(args.stage)
    print(_loaded(seed_all(0 if args.no_reports else args.reports)) or "nothing loaded")
    return 0


def seed_all(report_count, categories_only_if_empty=False):
    """{what: how many loaded}. `doorstep seed` reloads the categories; `make
    run` only fills an empty table, so a council's edits survive a restart."""
    from doorstep_cli import seed
    deps = _deps()
    return seed.demo_council(deps, report_count, reload_categories=not categories_only_if_empty)


def _loaded(counts):
    """"40 demo reports, 21 demo wards loaded", or "" when nothing was."""
    done = [f"{n} {what}" for what, n in counts.items() if n]
    return ", ".join(done) + " loaded" if done else ""


def serve(args):
    from chalicelib.config import data_dir, local_port
    from doorstep_cli.local.stack import run_stack

    def prepare():
        from doorstep_cli.local.tables_ready import all_tables_ready
        if all_tables_ready():  # a warm start: only the bucket's settings to re-apply
            from chalicelib.storage.blobs import BlobStore
            BlobStore().ensure_bucket()
        else:
            states = prepare_storage()
            for name, state in states.items():
                if state == "created":
                    print(f"created {name}")
            from doorstep_cli.council_migration import made_before_councils
            from doorstep_cli.councils import migrate_local
            if made_before_councils(states):  # a data folder from before councils: York's, before seeding
                migrate_local(_deps())
        counts = seed_all(40, categories_only_if_empty=True)
        from doorstep_cli.demo_bodies import load_demo_bodies
        from doorstep_cli.local.forwarding import demo_county_endpoint
        counts["demo bodies"] = load_demo_bodies(_deps(), **demo_county_endpoint(local_port()))
        from doorstep_cli.local.council_offices import point_settings
        point_settings(_deps().clock())  # the demo councils' own back offices, where they run
        loaded = _loaded(counts)
        if loaded:
            print(loaded)

    def load_app():
        sys.path.insert(0, str(ROOT))
        import app
        return app.app

    def dispatcher(siblings):
        # The work queues, the events table's stream, the alert queue's worker, forwarding and the schedules,
        # as the Lambdas and SQS in AWS: in a process of their own, beside the API's. Their port follows
        # `siblings` as the stack's other servers' do (PORT 0: one of their own, never the bound port's
        # neighbour, which any program may hold: a test's stack once lost PORT+4 so).
        from doorstep_cli.local import background
        return background.start(data_dir(), background.queue_port(siblings), local_port())

    return run_stack(data_dir(), local_port(), ROOT / "web", load_app, prepare, background=dispatcher) or 0


if __name__ == "__main__":
    sys.exit(main())
