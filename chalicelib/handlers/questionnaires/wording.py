"""What a questionnaire says to a resident when it refuses: a report it was
not sent about, a link that does not open it, or a report that changed while
the answer was saved."""

# Refusals: who is asking (not signed in, or not the one who may).
TOKEN_NOT_THIS_QUESTIONNAIRE = "That link's token does not open this questionnaire."

# Refusals: what was asked for is not there.
NONE_SENT = "No questionnaire was sent about {report_id}."

# Refusals: its state does not allow it, or it changed meanwhile.
REPORT_CHANGED = "The report changed while your answer was saved; try again."
