"""What residents and staff read from the planning routes (server side)."""
NO_APPLICATION = "There is no planning application with that reference in our copy of the register."
RADIUS = "Give a radius in metres from 50 to 2000."
STATUS = "Choose open, awaiting or decided."
# One application's consultation, in words (reads.py).
COMMENTS_CLOSE = "Comments close on {day}"
COMMENTS_CLOSE_TODAY = "Comments close today, {day}"
COMMENTS_CLOSED = "Comments closed on {day}"
COMMENTS_DECIDED = "Decided: comments are no longer taken"
DECIDED = "{decision} on {day}"
AWAITING = "Awaiting a decision"
COMMENT_WHERE = "Comment on the council's planning register (you need an account there; comments are public)"
# Staff: the sync's health.
NOT_CONFIGURED = "No planning register is configured."
