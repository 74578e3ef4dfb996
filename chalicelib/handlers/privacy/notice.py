"""The council's privacy notice (UK GDPR Articles 13 and 14), one section per part of the service:
every council's own parts, then each service it offers; a service it has switched off has no
section. Each section's `id` is its anchor (/privacy#reports), which a screen that collects the
data links to. Said in the catalogue's words (wording.py) but each declaration's purpose."""
from ...councils.retention import retention_of_table
from ...councils.services import offered
from ...storage.data_map import Holds
from ...storage.declarations import every_declaration
from . import wording as words
from .record import controller, data_protection_officer, is_offered


def _once(values):
    return list(dict.fromkeys(values))


def sections(council):
    services = offered(council.document)
    parts = {}
    for table, declaration in every_declaration():
        if isinstance(declaration, Holds) and is_offered(declaration.part, services):
            parts.setdefault(declaration.part, []).append((declaration, retention_of_table(
                council, table, declaration.retention)))  # the council's schedule, else the data map's default
    order = list(words.PARTS)
    return [_section(part, parts[part]) for part in sorted(parts, key=order.index)]


def _section(part, kept):
    declarations = [d for d, _ in kept]
    return {
        "id": part, "link": f"/privacy#{part}", "title": words.PARTS[part],
        "about": _once(words.WHOSE[d.whose] for d in declarations),
        "what": _once(words.KINDS[kind] for d in declarations for kind in d.fields.values()),
        "why": _once(d.purpose for d in declarations if not d.copy_of),
        "basis": _once(words.BASES[d.basis] for d in declarations),
        "shared_with": _once(words.RECIPIENTS[r] for d in declarations for r in d.recipients),
        "kept": _once(words.kept(retention) for d, retention in kept if not d.copy_of),
    }


def notice(council):
    who = controller(council)
    return {"council": {"id": council.id, "name": council.name, "settings_version": council.version},
            "controller": {**who, "said": words.CONTROLLER,
                           "contact": who["email"] or who["phone"] or who["website"] or words.CONTACT_WEBSITE},
            "data_protection_officer": data_protection_officer(council),
            "sections": sections(council), "rights": list(words.RIGHTS), "complain": words.COMPLAIN}
