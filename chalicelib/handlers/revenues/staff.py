"""Staff and council tax: an officer helping a caller looks an account up
with a reason, sees who has linked it, and can revoke a link; each is in the
account's audit with who and why. Bodies, not paths, carry the reference and
the reason, so neither reaches an access log."""
from ...errors import NotFound
from ... import validation
from . import backoffice, references, wording
from .limits import REASON_MAX, REASON_MIN
from .linking import audit_key, lift_lock, link_view, lock_of
from .port import BackOfficeError
from .view import read


def _read(body, *names):
    problems = validation.Problems()
    reference = references.check(body.get("reference"), problems)
    reason = body.get("reason")
    if not isinstance(reason, str) or not REASON_MIN <= len(reason.strip()) <= REASON_MAX:
        problems.add("reason", wording.REASON_LENGTH.format(low=REASON_MIN, high=REASON_MAX))
    for name in names:
        if not isinstance(body.get(name), str) or not body[name]:
            problems.add(name, "Required.")
    problems.raise_if_any()
    return reference, reason.strip()


def lookup(deps, body):
    """The account as the back office has it now, with its links; audited
    before the back office is asked, so a lookup that fails is still known."""
    reference, reason = _read(body)
    officer, now = deps.principal.user_id, deps.clock()
    deps.revenue_links.record(reference, audit_key(deps, now), "staff_lookup", officer, reason=reason)
    revenues, year = backoffice.configured(deps), backoffice.financial_year(now)
    # One session on the account's lead person; its ctxdet serves the summary and the liable people.
    session = revenues.account_session(reference)
    try:
        session.__enter__()
    except BackOfficeError as e:
        if e.kind == "unreachable":
            raise backoffice.unavailable(failure=e) from None
        raise NotFound(wording.NO_ACCOUNT, code="account_not_found") from None  # as linking reads it
    try:
        people = session.liable(reference, year)
        view = read(session, reference, year, council=deps.council)
    except BackOfficeError as e:
        raise backoffice.unavailable(failure=e) from None
    finally:
        session.__exit__(None, None, None)
    return {**view, "liable": [p.name_on_bill for p in people], **_links_and_audit(deps, reference),
            "lock": lock_of(deps, reference, now)}


def _links_and_audit(deps, reference):
    """Who has linked the account and its audit, each person by name (one BatchGetItem
    for the few people named), as the screen's hint promises."""
    links = deps.revenue_links.links_of_account(reference)
    audit = deps.revenue_links.audit(reference)
    names = deps.accounts.names([k.user_id for k in links] + [a[w] for a in audit for w in ("user_id", "by_user_id")])
    gone = wording.NO_LONGER_HERE
    return {"links": [{**link_view(k), "user_id": k.user_id, "person_ref": k.person_ref,
                       "user_name": names.get(k.user_id, gone)} for k in links],
            "audit": [{**a, "user_name": names.get(a["user_id"], gone), "by_name": names.get(a["by_user_id"], gone)}
                      for a in audit]}


def revoke(deps, body):
    reference, reason = _read(body, "link_id")
    found = [k for k in deps.revenue_links.links_of_account(reference) if k.id == body["link_id"]]
    if not found:
        raise NotFound(wording.NOT_LINKED, code="link_not_found")
    deps.revenue_links.remove_link(found[0], audit_key(deps, deps.clock()), deps.principal.user_id, reason=reason)
    return {"revoked": body["link_id"], **_links_and_audit(deps, reference)}  # the screen redrawn with both


def document(deps, body):
    """A bill or letter of the account as PDF, opened for a caller: audited
    (with the document and why) before the back office is asked, and only
    one the account's lead person's documents list for this account or their
    benefits; never stored."""
    reference, reason = _read(body, "document_id")
    now = deps.clock()
    deps.revenue_links.record(reference, audit_key(deps, now), "staff_document", deps.principal.user_id,
                              reason=reason, document_id=body["document_id"])
    try:
        with backoffice.configured(deps).account_session(reference) as session:
            listed = {d.id for d in session.documents() if d.account_ref == reference or d.module == "H"}
            if body["document_id"] not in listed:
                raise NotFound(wording.NO_DOCUMENT, code="document_not_found")
            return session.document_pdf(reference, body["document_id"], backoffice.financial_year(now))
    except BackOfficeError as e:
        if e.kind == "unreachable":
            raise backoffice.unavailable(failure=e) from None
        raise NotFound(wording.NO_ACCOUNT, code="account_not_found") from None


def unlock(deps, body):
    """Linking opened again for a caller whose account others' wrong tries
    locked (linking.py): the hour's wrong tries forgotten, audited with who
    and why. The caller's next five tries are theirs; guessing stays as hard."""
    reference, reason = _read(body)
    now = deps.clock()
    deps.revenue_links.record(reference, audit_key(deps, now), "lock_lifted", deps.principal.user_id, reason=reason)
    return {"wrong_tries_forgotten": lift_lock(deps, reference, now), "lock": lock_of(deps, reference, now)}


def health(deps):
    """Whether the back office answers a login now, and how fast (as Stockport's
    availability check asks it): for staff, never cached."""
    import time
    from ...errors import ApiError
    try:
        revenues = backoffice.configured(deps)
    except ApiError:  # none configured: an answer here, not an error
        return {"configured": False, "reachable": False}
    started = time.perf_counter()
    try:
        revenues.available()
    except BackOfficeError as e:
        return {"configured": True, "reachable": False, "failure": e.kind,
                "seconds": round(time.perf_counter() - started, 3)}
    return {"configured": True, "reachable": True, "seconds": round(time.perf_counter() - started, 3)}


def given_up(deps, query):
    """Staff's dead letter: requests the back office never took in two days
    (sending.GIVE_UP), newest first, for an officer to key by hand. Our own
    rows, so not audited per read as a lookup is (which asks the back office
    for a chosen account's money); what a request asked and the account and
    person it is for, never the resident's e-mail or any account data."""
    from ...errors import ValidationFailed
    if query.get("state") != "failed":
        raise ValidationFailed([("state", wording.STAFF_REQUEST_STATE)])
    rows = sorted(deps.revenue_requests.given_up(), key=lambda r: r["created_at"], reverse=True)
    return {"requests": [{"id": r["id"], "kind": r["kind"], "details": r["details"], "state": r["state"],
                          "account_ref": r["account_ref"], "person_ref": r["person_ref"], "user_id": r["user_id"],
                          "created_at": r["created_at"].isoformat(), "tries": int(r.get("tries") or 0),
                          "last_error": r.get("last_error")} for r in rows]}
