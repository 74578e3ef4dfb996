"""The council's record of processing activities (UK GDPR Article 30): one activity per kind of
record that holds personal data, with its data, purpose, lawful basis, recipients and retention,
and whether the council offers the service it belongs to; the kinds that hold none are listed too,
so the record accounts for every table. Drawn anew from the declarations each time (an
administrator's read, rare), never kept apart from them."""
import csv
import io

from ...config import settings
from ...councils.retention import retention_of_table
from ...councils.services import offered
from ...storage.data_map import Holds
from ...storage.declarations import every_declaration
from . import wording as words

COLUMNS = ("table", "part", "title", "offered", "whose", "data", "purpose", "basis", "recipients",
           "retention_after", "retention_months", "retention_days", "retention_then", "retention_source",
           "retention_note", "kept", "copy_of")


def controller(council):
    branding = (council.document or {}).get("branding") or {}
    return {"name": council.name, "email": branding.get("email"), "phone": branding.get("phone"),
            "website": branding.get("website")}


def data_protection_officer(council):
    """{name, email, postal_address, said}: the officer the council names in its settings, or, where it names
    none, Nones and words that say so (Article 13(1)(b) asks for their contact "where applicable")."""
    officer = (council.document or {}).get("data_protection_officer") or {}
    if not officer:
        return {"name": None, "email": None, "postal_address": None, "said": words.NO_DPO}
    found = {"name": officer["name"], "email": officer["email"], "postal_address": officer.get("postal_address")}
    return {**found, "said": words.dpo(**found)}


def is_offered(part, services):
    """Every council's parts are always on; a service's part is on as its settings say."""
    return services.get(part, True)


def record(council):
    services = offered(council.document)
    activities, none = [], []
    for table, declaration in every_declaration():
        if not isinstance(declaration, Holds):
            none.append(table)
            continue
        r = retention_of_table(council, table, declaration.retention)  # the council's schedule, else the default
        activities.append({
            "table": table, "part": declaration.part, "title": words.PARTS[declaration.part],
            "offered": is_offered(declaration.part, services), "whose": declaration.whose,
            "data": dict(declaration.fields), "purpose": declaration.purpose, "basis": declaration.basis,
            "recipients": list(declaration.recipients), "copy_of": declaration.copy_of or None,
            "retention": {"after": r.after, "months": r.months, "days": r.days, "then": r.then,
                          "source": r.source, "note": r.note or None, "words": words.kept(r)}})
    return {"council": {"id": council.id, "settings_version": council.version}, "controller": controller(council),
            "data_protection_officer": data_protection_officer(council),
            "processor": words.CONTROLLER, "hosted": words.HOSTED.format(region=settings().region),
            "security": words.SECURITY, "drawn_from": words.DRAWN_FROM,
            "activities": activities, "holding_none": none}


def as_csv(made):
    """The record's activities, one row each, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for a in made["activities"]:
        r = a["retention"]
        writer.writerow([a["table"], a["part"], a["title"], "yes" if a["offered"] else "no", a["whose"],
                         "; ".join(f"{name}: {kind}" for name, kind in a["data"].items()), a["purpose"], a["basis"],
                         "; ".join(a["recipients"]), r["after"], r["months"], r["days"], r["then"], r["source"],
                         r["note"] or "", r["words"], a["copy_of"] or ""])
    return out.getvalue()
