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
# Who is told of an application and for how long, by the council's jurisdiction (notification.py).
NOTIFIED_WITHIN = "Neighbours within {metres} m are notified and have {days} days to comment, under {title}."
NOTIFIED_ADJOINING = "Neighbours are told by letter or a site notice and have at least {days} days to comment, under " \
                     "{title}."
COMMENT_WHERE = "Comment on the council's planning register (you need an account there; comments are public)"
# Staff: the sync's health.
NOT_CONFIGURED = "No planning register is configured."
# Told of an application (notices.py): what a push notification, an e-mail or an SMS shows.
TOLD_NEW_TITLE = "Planning application {distance}: {reference}"
TOLD_DECIDED_TITLE = "Planning decision {distance}: {reference}"
TOLD_WITHDRAWN_TITLE = "Planning application withdrawn {distance}: {reference}"
TOLD_APPEALED_TITLE = "Planning appeal {distance}: {reference}"
TOLD_BODY = "{proposal} at {address}. {next}"
TOLD_HERE = "at your alert's centre"  # an application within 10 m of it
TOLD_FOLLOWED = "(you follow it)"  # an application's follower: no centre to measure from
TOLD_METRES = "{metres} m {direction}"
TOLD_KM = "{km} km {direction}"
DIRECTIONS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")
# The committee that decides it (committee.py).
COMMITTEE_AHEAD = "To be decided at {committee} on {day} at {time}, {where}"
COMMITTEE_HELD = "On the agenda of {committee} on {day} at {time}, {where}"
COMMITTEE_NO_PLACE = "place to be confirmed"
SPEAK_OPEN = "You can ask to speak on it at the meeting until {moment}."
SPEAK_CLOSED = "Registration to speak closed at {moment}."
# The constraints at a place (constraints.py), from Planning Data's datasets.
CONSTRAINTS = {"conservation-area": "Conservation area", "listed-building-outline": "Listed building",
               "tree-preservation-zone": "Tree preservation order", "flood-risk-zone": "Flood risk zone"}
FLOOD_ZONE = "Flood zone {level}"
LISTED_GRADE = "Listed building, grade {grade}"
CONSTRAINT_WORDS = "{kind}: {name}"
CONSTRAINTS_SOURCE = "From Planning Data (planning.data.gov.uk), Open Government Licence v3.0"
