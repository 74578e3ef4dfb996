"""What residents and officers read about a business starting up (server side)."""
NOT_ASKED = "This is not part of telling us about a new business."
NOT_A_UPRN = "Choose the premises from the address list."
NOT_HERE = "Those premises are not in our address list. Choose premises in the area."
ACTIVITY = "Choose what the business will do: {known}."
LAST_USE = "Choose what the premises were last used for: {known}, or leave it out."
DATE = "Give the day the business starts as YYYY-MM-DD."
RATEPAYER = "Say who pays the business rates: a name (1 to 100 characters), and whether a person or a company."
COMPANY_NUMBER = "A company's number is the 8 characters on its Companies House record, like 01234567 or SC123456."
COMPANY_NEEDS_NUMBER = "A company pays the rates: give its Companies House number."
TRADING_NAME = "The trading name is at most 100 characters."
OTHERS = "Give the rateable value of each of the business's other premises, in whole pounds (at most 20 premises)."
KEY_USED = "another business"
NO_START = "You have no business with that id."
NO_PART = "That business has no such part to choose for."
CHOSEN_ALREADY = "You have already asked for this."
NOT_OFFERED = "This council does not collect trade waste here."
BINS = "Choose at least one bin from the price list, and at most {most} in all."


def too_far_ahead(last):
    return f"You can tell us about a business up to 6 months before it starts: for this one, on or after {last:%-d %B %Y}."


def too_long_ago(first):
    return f"We can only take a business that started in the last 12 months here, on or after {first:%-d %B %Y}."


# What each part says (the page, after the part's own name: "Trade waste: Choose bins..."), by (part, state).
PARTS = {
    ("business_rates", "sent"): "The business rates office has your business as the ratepayer at these premises from "
                                "{starts} (reference {reference}). Rateable value: £{rateable_value_text}.",
    ("business_rates", "waiting"): "The business rates office is not answering just now: we will tell it when it is "
                                   "back.",
    ("business_rates", "not_rated"): "The business rates office has no rateable value for these premises yet: it asks "
                                     "the valuation office to value them, and will write to you.",
    ("business_rates", "no_back_office"): "Tell the business rates office yourself: it is not linked to this app yet.",
    ("trade_waste", "offered"): "Choose bins for the business from the price list.{days}",
    ("trade_waste", "requested"): "You asked for {bins_text}, £{weekly_text} a week. The council will "
                                  "contact you to start the contract.",
    ("trade_waste", "elsewhere"): "Trade waste is collected by {name}, not by this council.",
    ("trade_waste", "not_offered"): "This council does not collect trade waste here: use a licensed waste carrier.",
    ("licence", "not_applied"): "You may need a {licence_name}, depending on what you sell and when you open. You "
                                "have not applied for one for these premises.",
    ("licence", "applied"): "{licence_name}: you applied (reference {reference}): {case_state}.",
    ("licence", "granted"): "{licence_name}: granted (reference {reference}).",
    ("licence", "suspended"): "{licence_name}: suspended (reference {reference}). The licensing team's letter says "
                              "why and until when.",
    ("licence", "ended"): "{licence_name}: {case_state} (reference {reference}). You can apply again for these "
                          "premises.",
    ("planning", "no_permission"): "From {from_use} ({from_class}) to {to_use} ({to_class}) is a change "
                                   "within one use class, so it needs no planning permission.",
    ("planning", "permitted_if"): "From {from_use} ({from_class}) to {to_use} ({to_class}) is a permitted "
                                  "change, if the premises are {limits}. Otherwise ask planning.",
    ("planning", "permission_needed"): "From {from_use} ({from_class}) to {to_use} ({to_class}) is a change "
                                       "of use that needs planning permission. Ask planning before you start.",
    ("planning", "unknown"): "Tell us what the premises were last used for, or ask planning whether your "
                             "use needs permission.",
}
RELIEF = {
    "single": "You may get {scheme}: {percent}% off. A year's rates at £{rates_text} would be £{to_pay_text} after "
              "£{relief_text} relief (an estimate: the office decides).",
    "combined": "You may get {scheme} on the rateable value of all your premises together: {percent}% off. A year's "
                "rates at £{rates_text} would be £{to_pay_text} (an estimate: the office decides).",
    "over": "These premises are above the limit for {scheme}: a year's rates would be about £{rates_text}.",
    "others_too_big": "With your other premises, these are not eligible for {scheme}: a year's rates would be about "
                      "£{rates_text}.",
    "no_rule": "Ask the business rates office what relief these premises may get.",
}
USES = {"shop": "a shop", "cafe": "a café", "restaurant": "a restaurant", "takeaway": "a hot food takeaway",
        "pub": "a pub", "office": "an office"}
# A licence case's state as the business's page says it (licensing's own states).
CASE_STATES = {"draft": "not paid yet", "paying": "payment being checked", "received": "received, being considered",
               "hearing": "a hearing is arranged", "granted": "granted", "deemed_granted": "granted by law",
               "refused": "refused", "withdrawn": "withdrawn", "suspended": "suspended", "revoked": "revoked",
               "surrendered": "surrendered", "expired": "expired"}
