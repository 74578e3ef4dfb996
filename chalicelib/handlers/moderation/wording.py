"""What moderating a report says when it refuses: to an officer (a photo that
is not the report's, a change that changes nothing) and to a reporter (whose
photos only they may withdraw)."""

# Fields' own words, beside each field (422).
BODY_NOT_OBJECT = "Must be a JSON object."
NOT_MODERATION_FIELD = "Is not something moderation changes."
HIDE_PHOTOS_NOT_NAMES = "Must be a list of the report's photo names (at most 20)."

# Refusals: who is asking (not signed in, or not the one who may).
ONLY_REPORTER_WITHDRAWS = ("Only the person who reported it can withdraw its photos: open it with its tracking "
                           "link, or sign in.")

# Refusals: what was asked for is not there.
NOT_A_PHOTO = "That is not a photo of this report."

# Refusals: its state does not allow it, or it changed meanwhile.
REPORT_CHANGED = "The report changed while you were changing it; try again."

# Refusals: what was asked cannot be done as asked.
NOT_A_PHOTO_NAMED = "Not a photo of this report: {photo!s:.60}."
NOT_A_PHOTO_FIELD = "Not a photo of this report."  # the field's own words, beside NOT_A_PHOTO_NAMED
NOTHING_TO_CHANGE = "Give a title, a description or hide_photos to change."
GIVE_WHAT_TO_CHANGE = "Give what to change."  # the title field's own words, beside NOTHING_TO_CHANGE
