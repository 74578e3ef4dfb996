"""What the account's checks say, in each field's own words as GOV.UK writes
errors, so every client shows the same sentence."""

MISSING = {
    "name": "Enter your full name",
}
