"""`doorstep import schools FILE`, a council folder's `schools.json`, and York's demo schools: the
council's schools and their settings (school holidays, its own dates), checked whole first
(handlers/schools/catalogue.py), nothing written when one is refused; importing again replaces each
school by its id."""
import json
from pathlib import Path

DEMO = Path(__file__).resolve().parent / "demo" / "schools.json"


def add_parser(imports):
    from .importing import add_command
    add_command(imports, "schools", "load the council's schools (upsert by id)",
                "JSON: {settings, schools: [{id, name, phase, lat, lon, area, places, criteria}]}", "school")


def import_file(deps, path):
    """(schools written, [(where, reason)]): all of them, or none when one is refused."""
    from chalicelib.handlers.schools.catalogue import problems
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    jurisdiction = getattr(deps, "jurisdiction", None) or deps.council.jurisdiction  # a folder checked: its own
    found = problems(document, getattr(deps, "area", None), jurisdiction)
    if found:
        return 0, found
    return deps.schools.put_all(document["schools"], document.get("settings") or {}), []


def run(args, deps):
    from .importing import report
    written, found = import_file(deps, args.file)
    return report(print, written, found, False, "schools", "school")


def demo_schools(deps):
    """York's demo schools, once (the file's schools are there already: nothing written)."""
    schools, _ = deps.schools.all()
    if schools:
        return 0
    written, found = import_file(deps, DEMO)
    if found:  # the file ships with the code: a bad school is a bug here
        raise RuntimeError(f"demo schools: {found[0][0]}: {found[0][1]}")
    return written
