"""The access rules a route may declare. Kept apart from the policy itself
(policy.py) because every route table names one at import time, on every
cold start, and these names need nothing else loaded."""

ANYONE = "anyone"  # anonymous or signed in; views decide what each may see
SIGNED_IN = "signed_in"
STAFF = "staff"  # staff or admin; object rules narrow it to their scope
ADMIN = "admin"
CREW = "crew"  # a street-crew member with a team; object rules narrow it to the team's jobs
OPERATOR = "operator"  # the deployment's operator (users.operator): adds councils and changes their settings
RULES = (ANYONE, SIGNED_IN, STAFF, ADMIN, CREW, OPERATOR)

# A staff desk: a route open to the staff whose roles include the desk (auth/desks.py reads which
# roles open which desk from the council's file). Declared beside each staff route as `desk("halls")`.
DESK_PREFIX = "desk:"


def desk(name):
    return DESK_PREFIX + name


def is_desk(rule):
    return isinstance(rule, str) and rule.startswith(DESK_PREFIX)


def desk_of(rule):
    return rule[len(DESK_PREFIX):] if is_desk(rule) else None


# What a residents' route holds besides its resident's own: the kind of thing it opens, declared beside
# the route (`holds=CONTAINER_REQUEST`), and here the one desk whose officers' roles open that kind
# (policy.who_opens). An officer of any other desk is, on that route, any other resident. A kind not
# here (a repair, a move, a council tax link, a form in progress) is its resident's alone on their routes;
# staff read it at their own desk's routes.
REPORT = "report"
CONVERSATION = "conversation"
CONTAINER_REQUEST = "container_request"
HIRE_BOOKING = "hire_booking"
BULKY_BOOKING = "bulky_booking"
GARDEN_SUBSCRIPTION = "garden_subscription"
APPOINTMENT = "appointment"
PETITION = "petition"  # pending or sponsored: its creator's
BROADCAST = "broadcast"  # its audit entry: who sent it, to where
DRAFT_FORM = "draft_form"  # a form previewed before it is published
DESK_OF_KIND = {REPORT: "reports", CONVERSATION: "chat", CONTAINER_REQUEST: "containers", HIRE_BOOKING: "halls",
                BULKY_BOOKING: "bulky", GARDEN_SUBSCRIPTION: "garden", APPOINTMENT: "appointments",
                PETITION: "petitions", BROADCAST: "broadcasts", DRAFT_FORM: "forms"}
REPORTS_DESK = DESK_OF_KIND[REPORT]  # its officers see reports' private views and take callers' reports
