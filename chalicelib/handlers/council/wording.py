"""What the council's own routes say."""

MANIFEST_DESCRIPTION = "Report street problems, track them, find your nearest services and get alerts."
NOT_SET_UP = "This council's settings are not stored yet: the deployment's operator adds them first."
SET_BY_OPERATOR = "Is set by the deployment's operator (doorstep councils change), not on this screen."
NOT_THIS_COUNCIL = "Must be this council's own id, {council}."

NOT_A_CURSOR = "Is not a page of this audit: give the `next` of the page before."
