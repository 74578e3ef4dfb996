"""`doorstep forms`: load, publish, retire and list the council's forms.

    doorstep forms load grant-enquiry.json      # checked; a new draft version
    doorstep forms publish --id grant-enquiry   # the draft becomes what residents start
    doorstep forms retire --id grant-enquiry
    doorstep forms list

Each change names the version it was made to, as the API's If-Match does:
--if-match N refuses the change if someone else moved the form since N was
read; without it the command reads the form first and changes that version.
A definition with errors is refused with each error's JSON path.
"""
import json
from pathlib import Path

DEMO_FORMS = Path(__file__).resolve().parent / "demo" / "forms"
# The licence types' questions (forms of kind licence), for every demo council whose types name them.
LICENCE_FORMS = DEMO_FORMS / "licences"


def add_parser(commands):
    forms = commands.add_parser("forms", help="load, publish, retire and list the council's forms")
    sub = forms.add_subparsers(dest="forms_command", required=True)
    load = sub.add_parser("load", help="check a form definition (JSON) and load it as the form's new draft")
    load.add_argument("file", help="the definition's JSON file")
    load.add_argument("--publish", action="store_true", help="publish it at once")
    load.add_argument("--if-match", help="the form's version as you read it (doorstep forms list)")
    for name, text in (("publish", "publish a form's draft"), ("retire", "stop residents starting a form")):
        change = sub.add_parser(name, help=text)
        change.add_argument("--id", required=True, help="the form's id, e.g. grant-enquiry")
        change.add_argument("--if-match", help="the form's version as you read it (doorstep forms list)")
    sub.add_parser("list", help="every form, its state and versions")


def operator(deps):
    """The command acts as an administrator of its own (audited as 'doorstep')."""
    from chalicelib.auth.principal import Principal
    return deps.replace(principal=Principal(user_id="doorstep", role="admin"))


def run(args, deps):
    from chalicelib.handlers.forms import managing
    deps = operator(deps)
    if args.forms_command == "list":
        for form in managing.staff_list(deps)["forms"]:
            print(f"{form['id']:40} {form['state']:8} published v{form['published'] or '-'}, "
                  f"draft v{form['draft'] or '-'}, version {form['version']}  {form['title']}")
        return 0
    if args.forms_command == "load":
        definition = json.loads(Path(args.file).read_text())
        view = load_definition(deps, definition, args.if_match, publish=args.publish)
    else:
        form_id = args.id
        change = managing.publish if args.forms_command == "publish" else managing.retire
        view = change(deps, form_id, args.if_match or _read_version(deps, form_id))
    print(f"{view['id']}: {view['state']}, published v{view['published'] or '-'}, draft v{view['draft'] or '-'} "
          f"(version {view['version']})")
    return 0


def load_definition(deps, definition, if_match=None, publish=False):
    from chalicelib.handlers.forms import managing
    form_id = definition.get("id") if isinstance(definition, dict) else None
    if if_match is None and isinstance(form_id, str) and deps.forms.head(form_id) is not None:
        if_match = _read_version(deps, form_id)
    view, _ = managing.load(deps, str(form_id), definition, if_match)
    if publish:
        view = managing.publish(deps, view["id"], str(view["version"]))
    return view


def demo_forms(deps):
    """The demo council's forms, each loaded and published once (a council's
    own later versions survive `make run`). Returns how many were loaded."""
    deps = operator(deps)
    _demo_categories(deps)
    definitions = [json.loads(path.read_text()) for path in sorted(DEMO_FORMS.glob("*.json"))]
    _demo_teams(deps, {(d.get("receiving") or {}).get("team") for d in definitions})
    loaded = 0
    for definition in definitions:
        if deps.forms.head(definition["id"]) is None:
            load_definition(deps, definition, publish=True)
            loaded += 1
    return loaded


def demo_licence_forms(deps):
    """Each demo council's licence forms (licence_forms), as the demo forms are loaded: how many, over them all."""
    from chalicelib import tenancy
    from chalicelib.councils.registry import settings_of
    from doorstep_cli.councils import demo_ids
    loaded = 0
    for council in demo_ids():
        if settings_of(council) is not None:
            with tenancy.acting_for(council):
                loaded += licence_forms(deps.for_council())
    return loaded


def licence_forms(deps):
    """The council's licence forms: those its stored licence types name that the demo has
    (demo/forms/licences/) and the council has not, each loaded and published once (load_definition)."""
    deps, loaded = operator(deps), 0
    for form_id in sorted({t.get("form") for t in deps.licensing.types()[0] if t.get("form")}):
        path = LICENCE_FORMS / f"{form_id}.json"
        if path.exists() and deps.forms.head(form_id) is None:
            load_definition(deps, json.loads(path.read_text()), publish=True)
            loaded += 1
    return loaded


def _demo_categories(deps):
    """The demo forms' categories added where missing: `make run` loads the
    categories only into an empty table, and a stack made before the forms
    lacks theirs (each a form's case is filed in)."""
    from doorstep_cli.demo_files import DEMO_DIR
    known = deps.services.by_code()
    services = json.loads((DEMO_DIR / "services.json").read_text())
    for order, service in enumerate(services):
        if service.get("group") == "Forms" and service["service_code"] not in known:
            deps.services.put(service, sort=order)


def _demo_teams(deps, named):
    """The demo teams the demo forms name, added where missing (a stack made before the forms named
    real teams lacks them): a form naming a team the council does not have is refused."""
    from datetime import datetime, timezone
    from chalicelib.storage.records import Team
    from doorstep_cli.demo_files import DEMO_DIR
    for team in json.loads((DEMO_DIR / "staff.json").read_text())["teams"]:
        if team["id"] in named and deps.teams.get(team["id"]) is None:
            deps.teams.create(Team(created_at=datetime.now(timezone.utc), **team))


def _read_version(deps, form_id):
    head = deps.forms.head(form_id)
    return str(head.version) if head else "0"
