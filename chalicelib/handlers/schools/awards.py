"""Free school meals and the clothing grant from one telling: awarded without a form where the council's
benefits back office (the revenues port: Civica's, handlers/revenues) shows the parent entitled, asked
for otherwise. The effect of the telling's event: the parent's council tax link names their person in
the back office; their benefit claims are read in one session, and a claim whose status the council's
rule names (its schools settings' `awards.qualifying`, with its source) shows entitlement. No link, no
back office, or no such claim: asked for, with the council's form. The back office away: the effect
fails and is tried again (the page says it is still checking), never a guess.

What is written back is the outcome and the rule, never the claim's figures: the page needs no more."""
from ...errors import ApiError
from ...stamps import stamp
from ..revenues.port import BackOfficeError


def on_told(deps, event, key):
    from ...storage.errors import EditConflict
    payload = event.payload or {}
    told = deps.school_applications.start(payload.get("user_id"), payload.get("start_id"))
    if told is None or told.get("awards"):
        return
    _, settings = deps.schools.all()
    awards = {k: v for k, v in (settings.get("awards") or {}).items() if k != "qualifying"}
    if not awards:
        return
    shown = entitled(deps, told["user_id"], (settings["awards"].get("qualifying") or {}).get("claim_status") or ())
    now = deps.clock()
    state = "awarded" if shown else "ask"
    told["awards"] = {name: {"state": state, "at": stamp(now)} for name in awards}
    try:
        deps.school_applications.replace_start(told, told["version"], now)
    except EditConflict:
        pass  # a twin run wrote the same outcome first


def entitled(deps, user_id, statuses):
    """True when one of the parent's linked back-office persons has a claim of a qualifying status;
    raises BackOfficeError while the back office is away (the effect is tried again)."""
    links = deps.revenue_links.links(user_id)
    if not links or not statuses:
        return False
    from ..revenues import backoffice
    try:
        office = backoffice.configured(deps)
    except ApiError:
        return False  # the council has no back office: nothing shows entitlement, so it is asked for
    for person in sorted({link.person_ref for link in links}):
        with office.session(person) as session:
            if any(claim.status in statuses for claim in session.benefit_claims()):
                return True
    return False


__all__ = ["BackOfficeError", "entitled", "on_told"]
