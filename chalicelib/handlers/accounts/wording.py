"""What the account's checks say, in each field's own words as GOV.UK writes
errors, so every client shows the same sentence."""

from .limits import NAME_MAX

PROFILE = {
    "name": {"missing": "Enter your full name", "length": f"Full name must be {NAME_MAX} characters or fewer"},
}
