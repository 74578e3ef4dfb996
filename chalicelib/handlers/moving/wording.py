"""What residents and officers read about a move (server side). {area} is the council's place, as sentences
name it (its settings' short name: "York", "North Lanarkshire")."""
KIND = "Say whether you are moving in to {area}, out of {area}, or within {area}."
DATE = "Give the date you move as YYYY-MM-DD."
PEOPLE = "Name everyone moving who is on the council tax bill (1 to 10 people, each at most 100 characters)."
TENURE = "Say whether your old home was sold or rented."
FORWARDING = "Give the address you are moving to outside {area}, so post can follow you (at most 200 characters)."
NOT_ASKED = "This is not part of telling us about a move."
NOT_A_UPRN = "Choose the address from the list."


def too_far_ahead(last):
    return (f"You can tell us about a move up to 14 days before it. For this move, come back on or after "
            f"{last:%-d %B %Y}.")


def too_long_ago(first):
    return f"We can only take a move from the last 12 months here, on or after {first:%-d %B %Y}. Please call us."


LATE_NOTE = "Told more than 21 days after the move: the council tax office may ask why."
CONTACT_FOR_TENURE = ("Who to contact goes with how the old home was left: the buyer or solicitor when it was sold, "
                      "the landlord or agent when it was rented.")
NOT_IN_AREA = "That address is not in our address list. If you are moving out of {area}, choose moving out."
MOVING_OUT_TO_AREA = "You chose moving out of {area}, but this address is in {area}. Choose moving within {area}."
NO_OLD_HOME = "Choose the address you are moving from."
SAME_HOME = "The new address is the one you are moving from."
IN_HAS_NO_OLD = "Moving in to {area}: leave out the address you are moving from in {area}."
KEY_USED_FOR_MOVE = "another move"
NO_MOVE = "You have no move with that id."
NO_PART = "That move has no such part to choose for."
CHOICE = "Choose {choices}."
CHOSEN_ALREADY = "You have already chosen for this one."
NO_NEW_WARD = "Your new home is in none of our wards, so this alert cannot follow it. Keep it where it is."
REASON = "Say why, in 5 to 300 characters."
NOT_UNDONE = "This part cannot be undone here."
PART_CHANGED = "This part has changed since you looked the move up. Look it up again before undoing it."

# What each part says to the resident (the page and the e-mail), by (part, state).
PARTS = {
    ("council_tax", "sent"): "Your council tax move has gone to the council tax office (reference {request_id}).",
    ("council_tax", "no_account"): "You have no council tax account linked, so tell the council tax office "
                                   "yourself, or link your account and tell us again.",
    ("council_tax_new", "offered"): "The council tax office has opened your account for your new home "
                                    "({reference}). Link it to see it here.",
    ("council_tax_new", "linked"): "Your council tax account for your new home ({reference}) is linked.",
    ("council_tax_new", "declined"): "You chose not to link your account for your new home ({reference}). You can "
                                     "link it yourself from council tax in My Account.",
    ("bin_days", "moved"): "Your bin days are the new street's from {date}: {days}.",
    ("bin_days", "stopped"): "Bin day reminders and the bin calendar for your old home stop on {date}.",
    ("address", "moved"): "Your saved address and your street become {address} from {date}.",
    ("address", "stopped"): "Your saved address is cleared from {date}.",
    ("garden", "moved"): "Your garden waste subscription moves to the new home from {date}, on round {round}, "
                         "until {end}.",
    ("garden", "refunding"): "Your garden waste subscription ends on {last_day}; £{amount} for the {months} "
                             "months left is being refunded.",
    ("garden", "refunded"): "Your garden waste subscription ends on {last_day}; £{amount} for the {months} "
                            "months left has been refunded.",
    ("garden", "ended"): "Your garden waste subscription ends on {last_day}; no whole months are left to refund.",
    ("bulky", "offered"): "Your bulky collection on {date} at your old home: keep it or cancel it.",
    ("bulky", "kept"): "Your bulky collection on {date} at your old home is kept.",
    ("bulky", "cancelled"): "Your bulky collection on {date} at your old home is cancelled; any payment is "
                            "refunded by its terms.",
    ("container", "offered"): "Your {container} order for your old home: keep it or cancel it.",
    ("container", "kept"): "Your {container} order for your old home is kept.",
    ("container", "cancelled"): "Your {container} order for your old home is cancelled; any payment is refunded "
                                "by its terms.",
    ("alert", "offered"): "Your alert \u201c{about}\u201d is for your old home: move it or keep it there.",
    ("alert", "moved"): "Your alert \u201c{about}\u201d now follows your new home.",
    ("alert", "stayed"): "Your alert \u201c{about}\u201d stays on your old home.",
    ("alert", "stopped"): "Your alert \u201c{about}\u201d is stopped.",
}
ALERT_OFFERED_LEAVING = "Your alert \u201c{about}\u201d is for your old home: stop it or keep it."
CLOSING = " Your account for your old home closes from {closing_from}: you pay there up to the day before."
OLD_LINK_GONE = "Your old council tax account is no longer linked, so link your new one yourself."
NOT_ON_NEW_ACCOUNT = ("The council tax office has not put you on the new account, so link it yourself with the "
                      "details on its bill.")
UNDONE = "Undone by the council: {reason}"
EMAIL_SUBJECT = "Your move: what we changed"
EMAIL_TOP = "You told us you are moving on {date}. This is what we changed, and what is left for you to do."
EMAIL_ELSEWHERE = "Elsewhere:"
EMAIL_REFERENCE = "Your move's reference is {id}. Give it if you call us about your move."
EMAIL_END = "You can see all of this, and choose what to keep, in My Account."
EMAIL_FEEDBACK = "How was telling us about your move? Tell us in a minute, without giving your name: {link}"
