"""What the account's checks say, in each field's own words as GOV.UK writes
errors, so every client shows the same sentence."""

from .limits import NAME_MAX, PASSWORD_MAX, PASSWORD_MIN

PROFILE = {
    "name": {"missing": "Enter your full name", "length": f"Full name must be {NAME_MAX} characters or fewer"},
}

# Creating an account: every empty or wrong field said at once, each in its own words.
_EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
REGISTRATION = {
    **PROFILE,
    "email": {"missing": "Enter your email address", "invalid": _EMAIL_FORMAT, "length": _EMAIL_FORMAT},
    "password": {"missing": "Create a password",
                 "short": f"Password must be at least {PASSWORD_MIN} characters. "
                          "A few unrelated words make a good one.",
                 "long": f"Password must be {PASSWORD_MAX} characters or fewer"},
}
