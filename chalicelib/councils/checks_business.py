"""A council's `business.activities` name licence types: each must be one of
the council's licensing types (handlers/licensing/catalogue.py), the one
source of a licence's words, its application and its state. The schema
cannot know the types (they are the council's data, not its settings), so the
check is made where both are known: a council's folder (its licence_types.json
beside its council.json), its administrators' and the operator's changes (its
stored types), and its types changed (load_licence_types: a type still named
cannot go)."""
from . import wording as words


def _activities(document):
    business = document.get("business") if isinstance(document, dict) else None
    activities = business.get("activities") if isinstance(business, dict) else None
    return activities if isinstance(activities, dict) else {}


def licence_problems(document, types, before=None):
    """[(path, reason)] naming each activity's licence type id that is not one of `types`. A change
    (`before`: the settings it replaces) is refused only for the ids it adds: one that changes the
    colour is not refused for an id already held (a type still named cannot be removed meanwhile)."""
    known = [t.get("id") for t in types or [] if isinstance(t, dict)]
    held = {i for ids in _activities(before).values() if isinstance(ids, list) for i in ids}
    found = []
    for activity, ids in sorted(_activities(document).items()):
        for n, type_id in enumerate(ids if isinstance(ids, list) else []):
            if type_id not in known and type_id not in held:
                found.append((f"$.business.activities.{activity}[{n}]", words.not_a_licence_type(type_id, known)))
    return found


def stored_types(council_id):
    """The council's licence types as stored ([] when it has none)."""
    from .. import tenancy
    from ..storage.licensing.licensing import LicensingStore
    with tenancy.acting_for(council_id):
        return LicensingStore().types()[0]
