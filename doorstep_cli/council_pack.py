"""`doorstep councils add --dir FOLDER`: a council and its data from one folder, every file
checked before anything is written (issue 70, item 7; docs/decisions/councils.md).

    council.json         its settings (required): the document `councils add --file` takes
    categories.json      its categories, as /v1/services lists them (a list, in display order);
                         `location` required, optional or none, `kind` report or complaint (worded
                         as a complaint in the app), `contact` optional or required (a report with
                         no email or phone to answer it at is refused: docs/decisions/feedback.md)
    wards.geojson        its wards (doorstep import wards)
    addresses.csv        its addresses (doorstep import addresses)
    bin_rounds.json      its bin rounds (doorstep import bin-rounds)
    facilities.geojson   its facilities (doorstep import facilities)
    bodies.json          the bodies its reports go to, as /v1/staff/bodies takes them (a list):
                         another council of the deployment by send_method council
    schools.json         its schools and their settings (doorstep import schools): admission or
                         catchment areas, places per year group, criteria as ordered rules
    due_rules.json       its categories' due-date rules (a list, as demo/staff.json's): working
                         days, the words that say which rule made a date (basis) and its source
    licence_types.json   its licence types (a list; handlers/licensing/catalogue.py): each checked
                         against the licensing law of the council's jurisdiction

Each data file is checked by its own import's code against the council's own area (from
council.json, not the deployment's file) with nothing stored: a refusal names the file, the
row or feature and the reason, and then nothing at all is written. A folder that passes is
written settings first, then each file for the new council.
"""
import json
import re
from pathlib import Path

SETTINGS = "council.json"
CATEGORY_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
LOCATIONS = {"required", "optional", "none"}
# A category's other settings, each default first: a complaint is worded as one, and needs a way to answer it.
CATEGORY_SETTINGS = {"kind": ("report", "complaint"), "contact": ("optional", "required")}
FIELD_TYPES = {"text", "number", "date", "single_choice", "multi_choice"}


def add(folder, store, deps, say=print, by="command line"):
    """The command's exit code: 0 loaded, 1 refused (nothing written), 2 the council exists."""
    from chalicelib import tenancy
    from chalicelib.councils import settings
    from chalicelib.errors import ValidationFailed
    from doorstep_cli.importing import ImportRefused
    folder = Path(folder)
    document = read(folder / SETTINGS)
    refusals = [(f"{SETTINGS} {where}", reason) for where, reason in settings.problems(document)]
    if not refusals:  # its activities' licences are its own licence types (the folder's, else none)
        from chalicelib.councils.checks_business import licence_problems
        types = read(folder / "licence_types.json") if (folder / "licence_types.json").exists() else []
        refusals = [(f"{SETTINGS} {where}", reason) for where, reason in licence_problems(document, types)]
    if isinstance(document, dict) and store.get(document.get("id") or "", consistent=True) is not None:
        say(f"council {document['id']} exists already: use change")
        return 2
    counts = {}
    if not refusals:
        try:
            counts, refusals = _check(folder, document, deps)
        except ImportRefused as e:
            refusals = [(str(e), "")]
    if refusals:
        for where, reason in refusals:
            say(f"{where}: {reason}" if reason else where)
        say(f"{len(refusals)} problem(s): nothing written")
        return 1
    try:
        settings.write(store, document, 0, deps.clock(), by)
    except ValidationFailed as e:  # an address or jurisdiction another council took meanwhile
        say(f"{SETTINGS}: {e.message}")
        return 1
    say(f"council {document['id']} ({document['name']}) added at {', '.join(document['hosts'])}")
    with tenancy.acting_for(document["id"]):
        written = _load(folder, deps.for_council())
    for name, count in written.items():
        say(f"{name}: {count} loaded")
    return 0


def _check(folder, document, deps):
    """({file: how many it holds}, [(where, reason)]): every file run through its import
    with the council's own area and stores that keep nothing."""
    from chalicelib.geo.polygon import Area
    checking = _Checking(deps, Area(document["area"], document["name"], document.get("postcode_districts")),
                         document.get("jurisdiction"))
    counts, refusals = {}, []
    for name, load in _files(folder):
        count, problems = load(checking)
        counts[name] = count
        refusals += [(f"{name} {'line ' if isinstance(where, int) else ''}{where}", reason) for where, reason in problems]
    return counts, refusals


def _load(folder, deps):
    written = {}
    for name, load in _files(folder):
        written[name], _ = load(deps)
    return written


def _files(folder):
    """(file name, load(deps) -> (written, problems)) for each data file the folder has."""
    from doorstep_cli import addresses, bin_rounds, facilities, schools, wards
    loads = {
        "categories.json": lambda deps, path: load_categories(deps, path),
        "wards.geojson": lambda deps, path: wards.import_file(deps, path),
        "addresses.csv": lambda deps, path: addresses.import_file(deps, path, stream=_Quiet()),
        "bin_rounds.json": lambda deps, path: bin_rounds.import_file(deps, path),
        "facilities.geojson": lambda deps, path: facilities.import_file(deps, path)[1],
        "bodies.json": lambda deps, path: load_bodies(deps, path),
        "due_rules.json": lambda deps, path: load_due_rules(deps, path),
        "schools.json": lambda deps, path: schools.import_file(deps, path),
        "licence_types.json": lambda deps, path: load_licence_types(deps, path),
    }
    return [(name, lambda deps, load=load, path=folder / name: load(deps, path))
            for name, load in loads.items() if (folder / name).exists()]


def load_categories(deps, path):
    """(categories written, [(where, reason)]): all of them, or none when one is refused."""
    from doorstep_cli.importing import ImportRefused
    try:
        categories = read(path)
    except (OSError, ValueError) as e:
        raise ImportRefused(f"cannot read {path}: {e}") from e
    if not isinstance(categories, list):
        return 0, [("", "must be a list of categories")]
    problems, seen = [], set()
    for n, category in enumerate(categories, 1):
        reason = check_category(category, seen)
        if reason:
            problems.append((f"category {n}", reason))
    if problems:
        return 0, problems
    for order, category in enumerate(categories):
        deps.services.put(category, sort=order)
    return len(categories), []


def load_due_rules(deps, path):
    """(rules written, [(where, reason)]): all of them, or none when one is refused. A rule is
    for one of the council's categories (categories.json, or those it has) and says why."""
    from chalicelib.storage.records import DueRule
    rules = read(path)
    if not isinstance(rules, list):
        return 0, [("", "must be a list of due-date rules")]
    pack = path.parent / "categories.json"
    codes = {c.get("service_code") for c in read(pack)} if pack.exists() else set(deps.services.by_code())
    problems = [(f"rule {n}", reason) for n, rule in enumerate(rules, 1) if (reason := check_due_rule(rule, codes))]
    if problems:
        return 0, problems
    for rule in rules:
        deps.due_rules.put(DueRule(**rule))
    return len(rules), []


def load_licence_types(deps, path, jurisdiction=None):
    """(types written, [(where, reason)]): all of them, or none when one is refused. Checked against the
    law of the council's jurisdiction (its council.json beside the file, else the council's own)."""
    from chalicelib.handlers.licensing.catalogue import problems
    from chalicelib.stamps import london_today
    types = read(path)
    if jurisdiction is None:
        pack = path.parent / SETTINGS
        jurisdiction = read(pack).get("jurisdiction", "england") if pack.exists() else deps.council.jurisdiction
    found = problems(types, jurisdiction, london_today(deps.clock()))
    if not found and not isinstance(deps, _Checking):  # a type its settings' activities still name cannot go
        from chalicelib.councils.checks_business import licence_problems
        found = [(f"{SETTINGS} {where}", reason) for where, reason in licence_problems(deps.council.document, types)]
    if found or isinstance(deps, _Checking):
        return (0 if found else len(types)), found
    deps.licensing.save_types(types, deps.licensing.types()[1])
    return len(types), []


DUE_RULE_KEYS = {"service_code", "working_days", "by_priority", "basis", "source", "counts_local_holidays"}


def check_due_rule(rule, codes):
    """Why a due-date rule is refused, or None."""
    if not isinstance(rule, dict) or set(rule) - DUE_RULE_KEYS:
        return f"must be an object of {', '.join(sorted(DUE_RULE_KEYS))}"
    if rule.get("service_code") not in codes:
        return f"service_code {rule.get('service_code')!r} is not one of the council's categories"
    days = [rule.get("working_days"), *(rule.get("by_priority") or {}).values()]
    if not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 365 for d in days):
        return "working days must be whole numbers from 1 to 365"
    if not isinstance(rule.get("counts_local_holidays", True), bool):
        return "counts_local_holidays must be true or false"
    if not all(isinstance(rule.get(k), str) and 0 < len(rule[k]) <= 300 for k in ("basis", "source")):
        return "basis and source must each say, in up to 300 characters, which rule this is and where it is written"
    return None


def load_bodies(deps, path):
    """(bodies written, [(where, reason)]), checked as the admin route checks them, against the
    folder's categories (read before them) and the council's area."""
    from chalicelib.handlers.bodies import admin
    bodies = read(path)
    if not isinstance(bodies, list):
        return 0, [("", "must be a list of bodies")]
    problems = [(f"body {n} {field}", reason) for n, body in enumerate(bodies, 1)
                for field, reason in admin.check_body(deps, body)]
    if problems or isinstance(deps, _Checking):
        return (0 if problems else len(bodies)), problems
    for body in bodies:
        admin.create_body(deps, body)
    return len(bodies), []


def check_category(category, seen):
    """Why a category cannot be offered, or None."""
    if not isinstance(category, dict):
        return "is not an object"
    code = category.get("service_code")
    if not isinstance(code, str) or not CATEGORY_CODE.match(code):
        return "service_code must be lower-case letters, digits, - or _ (at most 40)"
    if code in seen:
        return f"service_code {code!r} repeats an earlier one"
    seen.add(code)
    for key in ("name", "group"):
        if not isinstance(category.get(key), str) or not category[key].strip():
            return f"{key} is missing"
    if category.get("location", "required") not in LOCATIONS:
        return f"location must be one of {', '.join(sorted(LOCATIONS))}"
    for key, allowed in CATEGORY_SETTINGS.items():
        if category.get(key, allowed[0]) not in allowed:
            return f"{key} must be one of {', '.join(allowed)}"
    for field in category.get("fields") or []:
        if not isinstance(field, dict) or not isinstance(field.get("code"), str) or not field.get("label"):
            return "each field needs a code and a label"
        if field.get("type") not in FIELD_TYPES:
            return f"field {field.get('code')!r}: type must be one of {', '.join(sorted(FIELD_TYPES))}"
        if field["type"].endswith("_choice") and not field.get("options"):
            return f"field {field['code']!r}: a choice needs options"
    return None


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class _Checking:
    """The deps an import is checked with: the council's own area, and stores whose
    writes count what they are given and keep nothing."""

    def __init__(self, deps, area, jurisdiction=None):
        self.area, self.clock, self.services, self.jurisdiction = area, deps.clock, _Counting(), jurisdiction

    def __getattr__(self, name):
        return _Counting()


class _Counting:
    def __init__(self):
        self.kept = {}  # categories checked so far, by code: what a body's categories are checked against

    def put_many(self, items):
        return sum(1 for _ in items)

    def put_all(self, items, settings):
        return len(items)

    def put(self, item, **kwargs):
        if isinstance(item, dict) and "service_code" in item:
            self.kept[item["service_code"]] = item

    def by_code(self):
        return self.kept


class _Quiet:
    """Progress written nowhere: the check and the load each say their figures once."""

    def write(self, text):
        return len(text)

    def flush(self):
        return None
