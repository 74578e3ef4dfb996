"""What residents read from council tax linking and the view (server side)."""
REFERENCE = "Check the account reference: it is 9 digits starting with 5, as printed on your bill."
NAME = "Give your name as it is printed on the bill."
CHECKS = "Give at least two of: the online key on your bill, the postcode, the last 3 digits of your phone " \
         "number, the last 3 digits of the bank account you pay by Direct Debit from."
NOT_MATCHED = "We could not match those details to a council tax account. Check them against your latest bill " \
              "and try again."
TOO_MANY = "Too many attempts to link a council tax account. Try again later, or call us."


def locked(until):
    return (f"This account is locked for now after too many wrong tries to link it. You can try again from "
            f"{opens_at(until)}, or call us and we can let you try now.")


def opens_at(until):
    """When a lock opens, as its refusal says it ("11:00"): the council account's and a landlord's."""
    return f"{until:%H:%M}"


TOO_MANY_LINKS = "You have linked as many accounts as you can. Unlink one first."
UNAVAILABLE = "Council tax accounts cannot be reached just now. Try again in a few minutes."


def closed_for_the_night(back):
    # The time as every message and screen writes it ("4:15am", "midday"), not strftime's "12pm".
    from ..shared.clock import clock
    return f"Council tax accounts are closed overnight while the council's system is updated. They are back at " \
           f"{clock(back)}."
NOT_LINKED = "No linked council tax account has that id."
NO_DOCUMENT = "That account has no such bill or letter."
SECTIONS = "Ask for sections among plan, payments, documents, benefits and rent, separated by commas, or none."
NOT_CONFIGURED = "Council tax accounts are not available here."

# Requests
REQUEST_KIND = "Choose what to ask for: paperless, move, single_person_discount or instalment_day."
NOT_ASKED = "This is not part of that request."
PAPERLESS = "Say true to have your bills by email only, or false to have them on paper again."
MOVE = "Say whether you are moving in, out or within the area."
ADDRESS = "Give the address you are moving to (at most 200 characters)."
PEOPLE = "Name everyone on the bill (1 to {most} people, each name at most 100 characters)."
FURNISHED = "Say true if you are leaving the old home furnished, or false."
TENURE = "Say whether the old home was sold or rented."
CONTACT = ("Give who to contact, with their name: the buyer or solicitor when the home was sold, the landlord or "
           "agent when it was rented.")
DISCOUNT_ACTION = "Say whether you are applying for the single person discount or ending it."
INSTALMENT_DAY = "Choose a day of the month from 1 to 28."
DATE = "Give a real date as YYYY-MM-DD."
NO_REQUEST = "You have no council tax request with that id."
STAFF_REQUEST_STATE = "Ask for state=failed: the requests the council tax system never took."


def date_window(first, last):
    return f"The council can take a date from {first:%-d %B %Y} to {last:%-d %B %Y}."


NO_ACCOUNT = "No council tax account has that reference."
NO_LONGER_HERE = "(no longer a Doorstep account)"
TAKEN_SUBJECT = "The council has your council tax request"
KINDS = {"paperless": "paperless billing", "move": "your move", "single_person_discount": "the single person discount",
         "instalment_day": "your instalment day"}


def taken_body(kind, ours, theirs):
    # Never the details asked (a move's address, a date): an inbox is not the account.
    return (f"The council's council tax office has taken your request about {KINDS[kind]}.\n\n"
            f"Your reference: {ours}\nThe council tax office's reference: {theirs}\n\n"
            "You can see your requests in My Account.")


# Fields: what a field's check says beside it, in the API's short words.
LAST_3_DIGITS = "Give the last 3 digits."
NOT_A_LINKING_FIELD = "Is not part of linking an account."
REASON_LENGTH = "Say why, in {low} to {high} characters."  # an officer's reason

# An Idempotency-Key sent again with another body: what it was used for ends the refusal
# (shared/idempotency.py: "That Idempotency-Key was used for {what}.").
KEY_USED_FOR_REQUEST = "another council tax request"
