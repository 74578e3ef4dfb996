"""Words the shared helpers say on every capability's behalf: a change sent
without If-Match, an Idempotency-Key or If-Match header that is not what it
must be, and a key sent again with another request."""

# Headers' own words, beside each header (422).
KEY_LENGTH = "Must be {least} to 255 characters (a UUID is ideal)."
IF_MATCH_NOT_ETAG = 'Must be the ETag {read_from} gave, e.g. "3".'

# Refusals: a change sent without If-Match.
IF_MATCH_NEEDED = ("Send If-Match with the ETag (or version) of the item as you read it ({read_from}), so no one "
                   "else's change is lost.")

# Refusals: what was asked cannot be done as asked (a key sent again with another request).
KEY_REUSED = "That Idempotency-Key was used for {what}."

# An officer opening a person's data says why (handlers/shared/reading.py): the Access-Reason header's words.
SAY_WHY = "Say why you are opening it, in {low} characters or more: it is kept in the audit."
READ_TOO_OFTEN = "This was read very often since its last change: add a note to it, then read it again."
READ_AT_ONCE = "Many officers read this at the same moment. Try again."
