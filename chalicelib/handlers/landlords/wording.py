"""What landlords read from the landlords' portal (server side)."""
CREDITOR = "Give your creditor reference as it is printed on your remittance advice: CR and 6 digits."
CLAIM_REF = "Give a tenant's claim reference as it is printed on your schedule: HB and 5 digits."
SURNAME = "Give that tenant's surname."
BANK_LAST4 = "Give the last 4 digits of the bank account we pay housing benefit into."
NOT_A_FIELD = "This is not something registering asks for."
NOT_MATCHED = "We could not match those details to a landlord we pay. Check them against your latest remittance " \
              "advice and try again."
TOO_MANY = "Too many attempts to register a landlord. Try again later, or call us."


def locked(until):
    from ..revenues.wording import opens_at
    return (f"This landlord is locked for now after too many wrong tries to register it. You can try again from "
            f"{opens_at(until)}, or call us.")


TAKEN = "This landlord is registered already. Ask its lead user to add you."
MEMBER_ALREADY = "You belong to a landlord already."
NOT_A_MEMBER = "You are not registered with a landlord we pay."
AWAITING_APPROVAL = "Your landlord registration is waiting for the council to approve it."
LEAD_ONLY = "Only the lead user can add and remove colleagues."
CANNOT_REPORT = "Your role lets you view, not report changes. Ask your lead user."
ROLE = "Give a role: view, or report (view and report changes)."
USER = "Give the colleague's Doorstep account: the user id they see under My account."
NO_USER = "No Doorstep account has that user id. Ask your colleague to sign up first."
NOT_COLLEAGUE = "That person is not one of your colleagues."
LEAD_STAYS = "The lead user cannot be removed."
PERIOD = "Give the period's dates as YYYY-MM-DD."
NO_RUN = "You have no payment run with that reference."
NO_CHANGE = "Your landlord has reported no change with that reference."
KEY_USED = "another change"  # ends "That Idempotency-Key was used for ..."
NO_CLAIM = "You are not paid for a claim with that reference."
SEARCH = "Search by the tenant's name, the address or part of it, the postcode or the claim reference " \
         "(2 to 120 characters)."
CURSOR = "This page of results belongs to another search. Search again."
CHANGE = "Say what changed: tenant_left, tenant_away or new_occupiers."
DATE = "Give the date as YYYY-MM-DD, within the last year or the next six months."
FORWARDING = "Give the tenant's forwarding address (up to 200 characters), if you know it."
NO_SUCH_LANDLORD = "No landlord has registered with that creditor reference."
# The landlords desk's read of a landlord (staff.py).
STAFF_CREDITOR = "Give the landlord's creditor reference: CR and 6 digits."
NOT_A_LOOKUP_FIELD = "Looking up a landlord asks for its creditor reference and why, nothing else."
AN_INVITATION = "(an invitation by email, since removed)"
CSV_HEADER = ("Payment date", "Claim reference", "Tenant", "Address", "Postcode", "Period from", "Period to",
              "Amount", "Overpayment recovered")
EMAIL = "Give your colleague's email address, like name@example.org."
DECIDED = "This landlord has been approved or refused already."
REASON = "Say why the landlord is refused (up to 300 characters)."
# The invitation e-mailed to a colleague the lead added by address (inviting.py).
INVITE_SUBJECT = "{landlord} has added you to the council's landlords' portal"
INVITE_BODY = ("{landlord} has added you as a colleague on the council's landlords' portal, where you can {can}.\n\n"
               "To join, sign in with this email address, or create an account with it, then open\n{url}\n\n"
               "If you do not work with {landlord}, you can ignore this email: nothing happens unless you sign "
               "in with this address.\n")
INVITE_CAN = {"view": "see the housing benefit paid to them and the claims it is for",
              "report": "see the housing benefit paid to them and report a tenant's change"}
UNAVAILABLE = "Housing benefit records cannot be reached just now. Try again in a few minutes."


def closed_for_the_night(back):
    from ..shared.clock import clock
    return f"Housing benefit records are closed overnight while the council's system is updated. They are back " \
           f"at {clock(back)}."
