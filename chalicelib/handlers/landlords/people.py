"""A landlord organisation's people as its lead (GET /v1/me/landlord) and the landlords desk (staff.py) list
them: each member with their role and e-mail, and everyone named by name, in one BatchGetItem of the few named.
An account's e-mail is read from the account, as it is now: a member's row keeps only an invitation's address
(the lead's, and those of colleagues added by account, keep none)."""
from ...stamps import stamp
from ..revenues import wording as revenues_words
from . import wording


def listed(deps, members, audit=()):
    """([each member as listed], {id: name} of every person named, the audit's too): an account by its name
    (else e-mail), an invitation by the address it was sent to while it is kept, else in words."""
    invited = {m["user_id"]: m["email"] for m in members if m["user_id"].startswith("invite:")}
    named = [m["user_id"] for m in members] + [a[k] for a in audit for k in ("user_id", "by_user_id") if a[k]]
    found = deps.accounts.contacts([u for u in named if not u.startswith("invite:")])
    names = {u: invited.get(u, wording.AN_INVITATION) if u.startswith("invite:")
             else found[u][0] if u in found else revenues_words.NO_LONGER_HERE for u in named}
    return [{"user_id": m["user_id"], "role": m["role"],
             "email": found.get(m["user_id"], ("", None))[1] or m["email"],
             "invited": m["user_id"].startswith("invite:"), "added_at": stamp(m["added_at"])}
            for m in members], names
