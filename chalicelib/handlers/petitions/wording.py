"""What a petition's checks say, in each field's own words as GOV.UK writes
errors ("Enter your full name"), so the app and any other client show the
same sentences: one catalogue for the petition and one for a signature."""
from .limits import ACTION_MAX, BACKGROUND_MAX, DETAILS_MAX, NAME_MAX

PETITION = {
    "action": {"missing": "Enter what you want the council to do",
               "length": f"What you want the council to do must be between 10 and {ACTION_MAX} characters"},
    "background": {"missing": "Enter why you want it",
                   "length": f"Why you want it must be between 10 and {BACKGROUND_MAX} characters"},
    "details": {"length": f"More details must be {DETAILS_MAX} characters or fewer"},
}

SIGNATURE = {
    "name": {"missing": "Enter your full name", "length": f"Full name must be {NAME_MAX} characters or fewer"},
    "email": {"missing": "Enter your email address",
              "invalid": "Enter an email address in the correct format, like name@example.com",
              "length": "Enter an email address in the correct format, like name@example.com"},
    "postcode": {"missing": "Enter your postcode", "invalid": "Enter a real postcode, like YO1 7HH"},
    "in_area": {"missing": "Confirm that you live, work or study in the council's area"},
}
