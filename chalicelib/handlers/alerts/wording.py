"""Words of the alerts people read that are not a report's own facts."""

# A form's case, told to the resident who sent the form (dispatch.form_case_words).
FORM_CASE_TITLE = "{form} {reference}: {label}"
FORM_CASE_MOVED = "Your form \"{form}\" (reference {reference}) is now {label}."
FORM_CASE_UPDATED = "An update on your form \"{form}\" (reference {reference})."
