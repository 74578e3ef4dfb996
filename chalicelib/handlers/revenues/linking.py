"""Linking a person to a council tax account, and unlinking.

The reference's check digit is checked at once (no back-office call for a
typo). Every attempt then counts against the client, the user and the
reference before the back office is asked, and a missing account and a
wrong detail get the same answer after the same work (matching.py). The
reference's count is given back when the attempt matched (or the back
office could not be asked), so it counts wrong tries only: five by anyone
lock the reference until the hour's end, and the answer says when (in
words and Retry-After); staff can lift the lock for a caller (staff.py). A link
and its audit entry are one transaction; each jointly liable person links
alone, as the person whose name they gave.
"""
from ...auth import throttle
from ...errors import ApiError, NotFound
from ...stamps import stamp
from ...storage.errors import AlreadyExists
from ... import ids, validation
from . import backoffice, limits, matching, references, wording
from .port import BackOfficeError


def link_view(link):
    return {"id": link.id, "reference": link.account_ref, "linked_at": stamp(link.linked_at)}


def my_links(deps):
    return {"links": [link_view(link) for link in deps.revenue_links.links(deps.principal.user_id)]}


def _read(body):
    problems = validation.Problems()
    reference = references.check(body.get("reference"), problems)
    name = body.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > limits.NAME_MAX:
        problems.add("name", wording.NAME)
    checks = {}
    for check in limits.CHECKS:
        value = body.get(check)
        if value in (None, ""):
            continue
        if not isinstance(value, str) or len(value) > limits.CHECK_MAX:
            problems.add(check, wording.CHECKS)
        elif check in ("phone_last3", "dd_last3") and not (len(value) == 3 and value.isdigit()):
            problems.add(check, wording.LAST_3_DIGITS)
        else:
            checks[check] = value.strip()
    for key in body:
        if key not in ("reference", "name", *limits.CHECKS):
            problems.add(key, wording.NOT_A_LINKING_FIELD)
    if len(checks) < limits.CHECKS_NEEDED:
        problems.rule("checks", wording.CHECKS)
    problems.raise_if_any()
    return reference, name.strip(), checks


def link(deps, body):
    reference, name, checks = _read(body)
    user_id, now = deps.principal.user_id, deps.clock()
    revenues = backoffice.configured(deps)  # none configured: nothing to count an attempt against
    throttle.spend(deps.counters, "ctax-link-client", deps.client or "unknown", limits.PER_CLIENT, now,
                   wording.TOO_MANY)
    throttle.spend(deps.counters, "ctax-link-user", user_id, limits.PER_USER, now, wording.TOO_MANY)
    # Counted first, atomically, so racing guesses cannot all pass a count none has made yet.
    if throttle.record(deps.counters, REFERENCE_COUNT, reference_subject(reference), limits.PER_REFERENCE,
                       now) > limits.PER_REFERENCE[0]:
        not_a_wrong_try(deps, reference, now)  # refused unasked: the count stays the wrong tries'
        raise locked(now)
    try:
        account = revenues.check_account(reference)
    except BackOfficeError as e:
        not_a_wrong_try(deps, reference, now)
        raise backoffice.unavailable(failure=e) from None
    person = matching.matched_person(account, name, checks)
    if person is None:
        raise ApiError(wording.NOT_MATCHED, status=422, code="not_matched")
    not_a_wrong_try(deps, reference, now)
    return made_link(deps, user_id, reference, person, now)


def made_link(deps, user_id, reference, person, now):
    """The link and its audit entry, once: (view, created). Also a move's
    one-tap link of the new home's account (handlers/moving/council_tax.py)."""
    # One link per person, account and liable person: its id follows from them, so of two
    # presses at once the conditional write lets one in and the other finds it.
    link_id = ids.digest(f"{user_id}#{reference}#{person.person_ref}")[:32]
    existing = deps.revenue_links.link(user_id, link_id)
    if existing is not None:
        return link_view(existing), False
    if len(deps.revenue_links.links(user_id)) >= limits.LINKS_PER_USER:
        raise ApiError(wording.TOO_MANY_LINKS, status=409, code="too_many_links")
    from ...storage.records import RevenueLink
    made = RevenueLink(user_id=user_id, id=link_id, account_ref=reference, person_ref=person.person_ref,
                       linked_at=now)
    try:
        deps.revenue_links.add_link(made, audit_key(deps, now), user_id)
    except AlreadyExists:
        return link_view(deps.revenue_links.link(user_id, link_id)), False
    return link_view(made), True


REFERENCE_COUNT = "ctax-link-ref"


def reference_subject(reference):
    """By digest: the throttle table's keys need not hold the reference itself."""
    return ids.digest(reference)[:24]


def not_a_wrong_try(deps, reference, now):
    throttle.give_back(deps.counters, REFERENCE_COUNT, reference_subject(reference), limits.PER_REFERENCE, now)


def locked(now):
    """429 account_locked, saying when the reference opens again (London time)."""
    return lock_refusal(limits.PER_REFERENCE, now, wording.locked, "account_locked")


def lock_refusal(rule, now, say, code):
    """429 `code` for a lock by `rule` (throttle's fixed window): when it opens in words, `say(until)` on the
    council's clock, and in Retry-After. A landlord's registering is locked the same way (landlords/registering.py)."""
    from datetime import timedelta
    from ..shared.clock import local
    wait = throttle.retry_after(rule, now)
    return ApiError(say(local(now + timedelta(seconds=wait))), status=429, code=code,
                    headers={"Retry-After": str(wait)})


def lock_of(deps, reference, now):
    """The reference's wrong tries this hour, and until when it is locked (None: open)."""
    from datetime import timedelta
    tries = max(0, throttle.count(deps.counters, REFERENCE_COUNT, reference_subject(reference),
                                  limits.PER_REFERENCE, now))
    until = now + timedelta(seconds=throttle.retry_after(limits.PER_REFERENCE, now)) \
        if tries >= limits.PER_REFERENCE[0] else None
    return {"wrong_tries": tries, "locked_until": stamp(until) if until else None}


def lift_lock(deps, reference, now):
    """The hour's wrong tries forgotten: the next five are the caller's."""
    tries = throttle.count(deps.counters, REFERENCE_COUNT, reference_subject(reference), limits.PER_REFERENCE, now)
    if tries > 0:
        throttle.record(deps.counters, REFERENCE_COUNT, reference_subject(reference), limits.PER_REFERENCE, now,
                        amount=-tries)
    return max(0, tries)


def owned(deps, link_id):
    found = deps.revenue_links.link(deps.principal.user_id, link_id)
    if found is None:
        raise NotFound(wording.NOT_LINKED, code="link_not_found")
    return found


def unlink(deps, link_id):
    found = owned(deps, link_id)
    deps.revenue_links.remove_link(found, audit_key(deps, deps.clock()), deps.principal.user_id)


def unlink_all(deps, user_id, reason="account erased"):
    """Every link of a person erased from Doorstep, each with its cached copy, audited."""
    for found in deps.revenue_links.links(user_id):
        deps.revenue_links.remove_link(found, audit_key(deps, deps.clock()), user_id, reason=reason)


def audit_key(deps, now):
    """In time order to the microsecond, never the same twice."""
    return f"{now:%Y-%m-%dT%H:%M:%S.%fZ}#{deps.new_opaque_id()}"

