"""A body that is another council of this deployment (send_method "council"):
its reports go into that council's own inbox and are held there, in its
partitions, so its staff, crews and desks work them as their own
(docs/decisions/bodies.md). Checked when an administrator names one: a
council of the deployment other than this one, which has each of the body's
categories (its staff file the reports by them)."""
from ... import tenancy
from ...storage.bodies.bodies import EVERY_CATEGORY
from .wording import COUNCIL_NEEDS_METHOD, NOT_A_COUNCIL_HERE, RECEIVER_LACKS


def checked_council(council_id, method, categories, problems):
    """The receiving council's id, or None with the problems added."""
    from ...councils.council import council
    if method != "council":
        if council_id is not None:
            problems.rule("council", COUNCIL_NEEDS_METHOD)
        return None
    if not isinstance(council_id, str) or not tenancy.ID.match(council_id) or council_id == tenancy.current() \
            or council(council_id).version == 0:
        problems.rule("council", NOT_A_COUNCIL_HERE)
        return None
    if categories and categories != [EVERY_CATEGORY]:
        missing = sorted(set(categories) - set(_categories_of(council_id)))
        if missing:
            problems.rule("categories", RECEIVER_LACKS.format(name=council(council_id).name, codes=", ".join(missing)))
    return council_id


def _categories_of(council_id):
    """The active categories of another council: read as that council (the one place bodies cross)."""
    from ...storage.reports.services import ServiceStore
    with tenancy.acting_for(council_id):
        return [code for code, service in ServiceStore().by_code().items() if service.get("active", True)]
