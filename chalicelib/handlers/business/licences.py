"""The licence types an activity may need at the council.

Until licensing (issue 81) is merged, the council's own list in its settings
(`business.activities`, with `business.licence_names`). The wiring once it is
(docs/decisions/starting-a-business.md): this function asks
`licensing.catalogue.needs(catalogue.of_council(deps), a)` for each licensing
activity in LICENSING_ACTIVITIES[activity], names from the types, and the
settings' lists leave."""
# The licensing activities (handlers/licensing/catalogue.ACTIVITIES on its branch) each business activity implies.
LICENSING_ACTIVITIES = {"cafe": ("late_night_food", "sell_alcohol"), "restaurant": ("late_night_food", "sell_alcohol"),
                        "takeaway": ("late_night_food",), "pub": ("sell_alcohol", "regulated_entertainment"),
                        "shop": ("sell_alcohol",), "office": ()}


def licences_for(deps, activity):
    """[{id, name}] in the council's order."""
    business = (deps.council.document or {}).get("business") or {}
    names = business.get("licence_names") or {}
    return [{"id": licence_id, "licence_name": names.get(licence_id, licence_id)}
            for licence_id in (business.get("activities") or {}).get(activity, [])]
