"""A council's `business.activities` name licence types: each must be one of
the council's licensing types (handlers/licensing/catalogue.py), the one
source of a licence's words, its application and its state. The schema
cannot know the types (they are the council's data, not its settings), so the
check is made where both are known: a council's folder (its licence_types.json
beside its council.json), its administrators' and the operator's changes (its
stored types), and its types changed (load_licence_types: a type still named
cannot go)."""
from . import wording as words


def licence_problems(document, types):
    """[(path, reason)] naming each activity's licence type id that is not one of `types`."""
    business = document.get("business") if isinstance(document, dict) else None
    activities = business.get("activities") if isinstance(business, dict) else None
    if not isinstance(activities, dict):
        return []
    known = [t.get("id") for t in types or [] if isinstance(t, dict)]
    found = []
    for activity, ids in sorted(activities.items()):
        for n, type_id in enumerate(ids if isinstance(ids, list) else []):
            if type_id not in known:
                found.append((f"$.business.activities.{activity}[{n}]", words.not_a_licence_type(type_id, known)))
    return found


def stored_types(council_id):
    """The council's licence types as stored ([] when it has none)."""
    from .. import tenancy
    from ..storage.licensing.licensing import LicensingStore
    with tenancy.acting_for(council_id):
        return LicensingStore().types()[0]
