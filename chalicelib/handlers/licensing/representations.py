"""Representations: made by anyone while the case's representation clock is
open (its last day counted to the end of that day in London), checked by an
officer as relevant or not, and shared with the applicant in the officer's
words: who made one never reaches the applicant or the register."""
from ... import validation
from ...errors import Conflict, NotFound, Unacceptable
from ...stamps import london_today
from . import wording
from ..shared.clock import date_words
from .clocks import last_day_of
from .ids import REPRESENTATION, is_case, new_id

GROUNDS_MAX = 5000
OBJECTIVES = ("crime_and_disorder", "public_safety", "public_nuisance", "children", "public_health")
STANCES = ("objection", "support")
OPEN_STATES = ("received",)


def window(case):
    """The last day for representations (a date), or None when the case takes none."""
    return last_day_of(case.clocks, "representations") if case.state in OPEN_STATES else None


def make(deps, case_id, body):
    """A representation kept: (its id, the last day it could be made)."""
    from ...storage.errors import EditConflict
    from ...storage.records import Representation
    case = deps.licensing.get(case_id) if is_case(case_id) else None
    if case is None or case.state == "draft" or case.state == "paying":
        raise NotFound(wording.NO_SUCH_CASE.format(reference=case_id), code="licence_case_not_found")
    last = window(case)
    if last is None:
        raise Conflict(wording.REPRESENTATIONS_NOT_OPEN.format(reference=case.id), code="representations_not_open")
    now = deps.clock()
    if london_today(now) > last:
        rule = next(c["words"] for c in case.clocks if c["name"] == "representations")
        raise Unacceptable(wording.REPRESENTATIONS_CLOSED.format(reference=case.id, last_day=date_words(last),
                                                                 rule=rule),
                           code="representations_closed")
    problems = validation.Problems({"grounds": {"missing": wording.GROUNDS_REQUIRED,
                                                "length": wording.GROUNDS_TOO_LONG.format(most=GROUNDS_MAX)},
                                    "name": {"missing": wording.NAME_REQUIRED},
                                    "email": {"missing": wording.EMAIL_REQUIRED, "invalid": wording.EMAIL_REQUIRED},
                                    "address": {"missing": wording.ADDRESS_REQUIRED}})
    body = body if isinstance(body, dict) else {}
    grounds = validation.text(body.get("grounds"), "grounds", problems, min_len=1, max_len=GROUNDS_MAX)
    name = validation.text(body.get("name"), "name", problems, min_len=1, max_len=120)
    email = validation.email(body.get("email"), "email", problems) if body.get("email") else problems.missing("email")
    address = validation.text(body.get("address"), "address", problems, min_len=1, max_len=300)
    objectives = body.get("objectives") or []
    if not isinstance(objectives, list) or not all(isinstance(o, str) and o in OBJECTIVES for o in objectives):
        problems.add("objectives", wording.OBJECTIVE_UNKNOWN)
    stance = body.get("stance", "objection")
    if stance not in STANCES:
        problems.add("stance", wording.OBJECTIVE_UNKNOWN)
    problems.raise_if_any()
    rep = Representation(case_id=case.id, id=new_id(deps, REPRESENTATION), grounds=grounds, made_at=now,
                         contact={"name": name, "email": email, "address": address}, objectives=objectives,
                         stance=stance)
    for _ in range(3):
        try:
            deps.licensing.add_representation(rep, case.id, case.seq)
            return rep.id, last
        except EditConflict:
            case = deps.licensing.get(case.id)  # the case changed meanwhile (another representation): counted again
    raise Conflict(wording.REPRESENTATIONS_NOT_OPEN.format(reference=case.id), code="edit_conflict")


def check(deps, case_id, rep_id, relevant, shared, why):
    """An officer's check of a representation: relevant (with the words the applicant reads) or not."""
    from ...storage.errors import AlreadyExists
    found = deps.licensing.representation(case_id, rep_id)
    if found is None:
        raise NotFound(wording.NO_SUCH_CASE.format(reference=case_id), code="representation_not_found")
    problems = validation.Problems()
    if relevant is not None and not isinstance(relevant, bool):  # "yes" was taken as not relevant, once for all
        problems.add("relevant", wording.RELEVANT_OR_NOT)
    shared = validation.text(shared, "shared", problems, max_len=GROUNDS_MAX)
    why = validation.text(why, "why", problems, max_len=GROUNDS_MAX)
    problems.raise_if_any()
    try:
        deps.licensing.check_representation(case_id, rep_id, "relevant" if relevant else "not_relevant",
                                            shared if relevant else None, deps.principal.user_id, why)
    except AlreadyExists:
        raise Conflict(wording.ALREADY_CHECKED, code="already_checked") from None
