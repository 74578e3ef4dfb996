"""What licensing says: to an applicant, to someone giving a notice, to a
neighbour making a representation, and to an officer. Every refusal says why
in words a person can act on, naming the law where the law is the reason."""

# Giving a temporary event notice (a counter notice would follow one over the limits: refused before it is taken).
TEN_PREMISES_LIMIT = ("{premises} has had {count} temporary event notices for {year} already, the most the law allows "
                      "for one premises in a calendar year ({limit}, {source}). The council would have to give a "
                      "counter notice, so this notice cannot be given.")
TEN_DAYS_LIMIT = ("Temporary events at {premises} already cover {used} days of {year}; this one would make {total}, "
                  "more than the {limit} days the law allows for one premises in a calendar year ({source}).")
TEN_USER_LIMIT = ("You have given {count} temporary event notices for {year} already, the most the law allows for "
                  "{who} ({limit}, {source}).")
TEN_LATE_USER_LIMIT = ("You have given {count} late temporary event notices for {year} already, the most the law "
                       "allows for {who} ({limit}, {source}). Give a standard notice, at least 10 working days before "
                       "the event, instead.")
# After each refusal's words: a notice refused when given, its fee paid (and refunded), or one refused
# before any fee is asked, when the limits were already reached (giving.refusal).
FEE_REFUNDED = "Your fee is refunded in full."
NOTHING_CHARGED = "No fee has been taken."
WHO_PERSONAL = "a personal licence holder"
WHO_NOT_PERSONAL = "someone without a personal licence"
TEN_TOO_LATE = ("The event starts on {first_day}: there are {working_days} working days between today and then, not "
                "counting today or the first day of the event. A temporary event notice must be given at least 5 "
                "working days before (a late notice; 10 for a standard one): Licensing Act 2003, s.100A. The last day "
                "to give one for this event was {last_day}.")
TEN_TOO_LONG = "An event may last at most {hours} hours (Licensing Act 2003, s.100(1)). This one lasts {asked}."
TEN_TOO_MANY_PEOPLE = "At most {most} people may be on the premises at any one time (fewer than 500: s.100(5)(d))."
TEN_STANDARD = "a standard notice: given at least 10 working days before the event"
TEN_LATE = ("a late notice: given 5 to 9 working days before the event. If the police or environmental health "
            "object, the event cannot go ahead (s.104A)")

# Representations.
REPRESENTATIONS_CLOSED = ("Representations about {reference} could be made until the end of {last_day} ({rule}). "
                          "That day has passed.")
REPRESENTATIONS_NOT_OPEN = "{reference} is not open for representations."
GROUNDS_REQUIRED = "Enter your representation: what you think of the application, and why"
GROUNDS_TOO_LONG = "Your representation must be {most} characters or fewer"
NAME_REQUIRED = "Enter your full name"
EMAIL_REQUIRED = "Enter your email address, in the correct format, like name@example.com"
ADDRESS_REQUIRED = "Enter your address: the council needs it to know whether you are affected"
OBJECTIVE_UNKNOWN = "Choose the licensing objectives your representation is about"
ALREADY_CHECKED = "This representation has been checked already."
RELEVANT_OR_NOT = "Mark the representation relevant or not relevant"

# Cases.
NO_SUCH_CASE = "There is no licence application {reference}."
NO_SUCH_TYPE = "{council} has no licence type {type}."
BAND_REQUIRED = "Choose the premises' rateable value band"
BAND_UNKNOWN = "Choose one of the bands listed"
NOT_PAYING = "This application is not waiting for a payment."
CHANGED_AS_PAYMENT_ENDED = "The application changed while its payment ended; it is tried again."
EVENT_FIRST_DAY = "Enter the first day of the event"
EVENT_HOURS = "Enter how many hours the event lasts, from 1 to {most}"
EVENT_PEOPLE = "Enter the most people on the premises at any one time, from 1 to {most}"
PREMISES_REQUIRED = "Enter the premises' name and address"
PURPOSE_UNKNOWN = "Choose what you are applying for: {choices}"
VARIES_SHAPE = "Enter the number of the licence you want to vary, as it is on the licence (up to 40 characters)"

# Reading the types and the register.
ACTIVITY_UNKNOWN = "Choose one of these activities: {known}"
TYPE_UNKNOWN = "Choose one of the council's licence types"
STATE_NEEDS_TYPE = "Choose a licence type as well as a state"
CURSOR_INVALID = "This is not a page of the register: start again from the first page"

# The desk.
CHANGED_MEANWHILE = "Someone changed this case after you opened it. Open it again to see what changed."
# The audit's line for a case read at the desk (its applicant's and objectors' details), naming the version read.
READ_CASE = "The applicant's and objectors' details, version {version}"
ANSWER_UNKNOWN = "Choose the consultee's answer: no objection, an objection, or conditions"
NO_SUCH_CONSULTEE = "This case has no consultee {consultee}."
NOT_DECIDABLE = "This case cannot be decided now: it is {state}."
# A case's state as the words above read it ("it is {state}"): the slug never reaches a person.
STATES = {"draft": "not paid for yet", "paying": "being paid for", "received": "received",
          "hearing": "waiting for its hearing", "granted": "granted", "refused": "refused",
          "deemed_granted": "granted by law", "withdrawn": "withdrawn", "given": "a notice given",
          "objected": "objected to", "counter_notice": "under a counter notice"}


def state_words(state):
    return STATES.get(state, "closed")
OBJECTION_TOO_LATE = ("The police and environmental health could object until the end of {last_day} (3 working days "
                      "after they were given the notice, Licensing Act 2003 s.104(2)). An objection now is not one "
                      "the law takes.")
HEARING_DAY = "Choose a working day after today for the hearing"
HEARING_TOO_LATE = ("The law's last day for the hearing is {latest}. Choose that day or earlier, or say why it is "
                    "later (the parties agreed to adjourn it)")
CONDITIONS_SHAPE = "Give the conditions as a list of up to {most}, each in words of up to 1,000 characters"
REASONS_REQUIRED = "Enter the reasons: they are sent to the applicant and to those who made representations"
OUTCOME_UNKNOWN = "Choose whether the licence is granted or refused"
REPRESENTATIONS_UNCHECKED = ("{count} representations have not been checked yet. Mark each relevant or not before "
                             "the decision.")
ACTION_UNKNOWN = "Choose suspend, reinstate, revoke or surrender"
LICENCE_NOT = "The licence is not {state}."

# Consultees asked by email and answering through its link (consulting.py).
CONSULTEE_ANSWERS = ("no_objection", "objection", "conditions")
CONSULTEE_SUBJECT = "{type} for {premises}: your answer as {name} ({reference})"
CONSULTEE_BODY = ("{type} has been received for {premises} ({reference}). You are asked as {name}.{until}\n\n"
                  "Read it and answer (no objection, an objection, or conditions) here:\n{link}\n\n"
                  "The link is for your organisation alone: it answers for {name} on this case.\n")
CONSULTEE_UNTIL = " Answer by the end of {day}."
CONSULT_LINK_NOT_VALID = "This link does not open a licensing case. Check that it is the whole link from the email."
CONSULT_LINK_EXPIRED = ("This link stopped working on {day}. Ask the council's licensing team for the case, or for a "
                        "new link.")
CONSULT_DECIDED = "This case is {state} now, so it takes no more answers. The licensing team has what you said before."

# Documents (documents.py).
NO_SUCH_DOCUMENT = "This licence does not ask for a document called {document}."
DOCUMENTS_CLOSED = "Documents cannot be sent now: the case is {state}."
DOCUMENT_NOT_SENT = "The applicant has not sent {document} yet."
DOCUMENTS_MISSING = "Send {documents} before you pay: the council needs them to take the application."

# Withdrawing (withdrawing.py).
NOT_WITHDRAWABLE = "This application cannot be withdrawn now: it is {state}."
REFUND_RULES = {"full": "The fee is refunded in full when an application is withdrawn before it is decided.",
                "none": "The fee is not refunded: it pays for the work the council began when it received the "
                        "application.",
                "within": "The fee is refunded in full when an application is withdrawn within {days} working days "
                          "of being received (by the end of {last}); after that it is kept."}
WITHDRAWN_SUBJECT = "{type} for {premises}: withdrawn ({reference})"
WITHDRAWN_APPLICANT = {
    "full": "You have withdrawn your application {reference}. Your fee of {amount} is being refunded to the card you "
            "paid with: it takes up to 10 working days to reach your account.\n\n{rule}\n",
    "none": "You have withdrawn your application {reference}. Your fee of {amount} is not refunded.\n\n{rule}\n"}
WITHDRAWN_OBJECTOR = ("The application {reference} for {premises}, about which you made a representation, has been "
                      "withdrawn by the applicant. It will not be decided, and there will be no hearing.\n")

# An officer's requests and the applicant's answers (asking.py).
REQUEST_WORDS = "Say what the applicant is asked for"
ANSWER_WORDS = "Enter your answer"
REPLY_BY_AHEAD = "The day to answer by must be after today"
TOO_MANY_REQUESTS = "This case has {most} requests already. Answer or close some first."
NO_SUCH_REQUEST = "This case has no such request."
REPLY_BY = "Please answer by the end of {day}.\n\n"
REQUESTED_SUBJECT = "{type} for {premises}: the licensing team asks you something ({reference})"
REQUESTED_BODY = ("The licensing team asks about your application {reference}:\n\n{words}\n\n{by}"
                  "Answer on your application's page, where you can also send documents:\n{link}\n")

# Clocks, said beside their dates.
CLOCK_NAMES = {"notice": "Notice on the premises until", "representations": "Last day for representations",
               "consultation": "Consultees answer by", "hearing": "Hearing by", "decision": "Decision by",
               "objections": "Police and environmental health may object until"}
NOT_CHECKED = "not checked against the legislation"
CONFIRMED_IF_ASKED = "The licensing team will confirm this date if you ask."
IF_REPRESENTATIONS = "only if there are relevant representations"

# Neighbours told of an application near them (neighbours.py).
TOLD_TITLE = "{type} applied for, {distance}"
TOLD_NEAR = "near your alert's area"
TOLD_BODY = ("{premises}, {address} ({reference}). You can make a representation until the end of {last_day}: "
             "your name and contact details are not shown to the applicant.")

# The decision told (telling.py).
OUTCOMES = {"granted": "granted", "refused": "refused",
            "deemed_granted": "granted by law, as it was not decided within the period the law sets",
            "deemed_refused": "treated as refused by law, as it was not decided within the period the law sets, "
                              "and your fee is returned in full"}
DECIDED_SUBJECT = "{type} for {premises}: {outcome}"
DECIDED_APPLICANT = ("Your application {reference} has been {outcome}.\n\nThe reasons:\n{reasons}\n\n"
                     "Conditions:\n{conditions}")
DECIDED_OBJECTOR = ("The application {reference} for {premises}, about which you made a representation, has been "
                    "{outcome}.\n\nThe reasons:\n{reasons}\n\nConditions:\n{conditions}\n"
                    "The applicant was not told your name or contact details.\n")
NO_CONDITIONS = "none beyond those the law sets\n"
APPEAL = ("\nYou may appeal against this decision to {to} within {days} days of being told of it ({source}). The "
          "court can tell you how.\n")
APPEAL_NOT_CHECKED = "The council's licensing team will confirm the period if you ask.\n"

# A county that licenses nothing: its services' settings name who does (councils/services.py).
NO_LICENCES = "{council} does not issue licences."

# Renewing (renewing.py).
NOT_RENEWABLE = "This licence is not one that is renewed: it has no end, or the council takes no renewals of its type."
RENEWAL_TOO_LATE = ("This licence ended on {to}, so it can no longer be renewed. Apply for a new licence of the same "
                    "type instead.")

# Reminders, e-mailed to the licence holder (renewing.py).
RENEWAL_SUBJECT = "Your {type} {number} ends on {day}"
RENEWAL_BODY = ("Your {type} {number} for {premises} ends on {day}.\n\n"
                "Renew it here, with what you told us last time filled in for you to check:\n{link}\n\n"
                "A renewal granted runs on from {day}, whenever it is decided, so apply in good time.\n")
ANNUAL_FEE_SUBJECT = "The annual fee for {type} {number} is due on {day}"
ANNUAL_FEE_BODY = ("The annual fee of {amount} for {type} {number} at {premises} is due on {day}, the anniversary "
                   "of the licence's grant (Licensing Act 2003, s.55). If it is not paid, the council must suspend "
                   "the licence (s.55A).\n\nYour licence:\n{link}\n")

# The desk's changes told to the applicant (telling.py): never who made a representation.
HEARING_SET_SUBJECT = "A hearing about {type} for {premises}: {day}"
HEARING_SET_BODY = ("The licensing authority will hold a hearing about your application {reference} on {day}, because "
                    "relevant representations were made about it. The council will send you the hearing's notice and "
                    "papers. The decision follows the hearing.\n")
LICENCE_CHANGED_SUBJECT = "Your {type} {number}: {changed}"
LICENCE_CHANGED_BODY = "Your {type} {number} for {premises} has been {changed}.\n\nThe reasons:\n{reasons}\n"
CHANGED = {"suspended": "suspended", "revoked": "revoked", "current": "reinstated"}

# A minor variation (Licensing Act 2003 ss.41A-41B): the changes it may make, and those it may not.
CHANGES_REQUIRED = "Choose what the minor variation changes: {choices}"  # each change in MINOR_CHANGES' words
CHANGES_NOT_MINOR = ("A minor variation cannot {what} ({source}): apply for a full variation instead.")
NOT_MINOR = {"extend_period": "extend the period the licence has effect",
             "vary_substantially": "vary the premises substantially",
             "premises_supervisor": "name a premises supervisor",
             "add_alcohol": "add the sale or supply of alcohol",
             "alcohol_23_to_07": "allow alcohol to be sold or supplied between 11pm and 7am",
             "alcohol_time_increased": "increase the time on any day when alcohol may be sold or supplied"}
MINOR_CHANGES = {"layout": "a change to the premises' layout",
                 "hours": "a change to the hours of a licensable activity other than alcohol",
                 "conditions_removed": "removing a condition that is out of date or cannot be met",
                 "conditions_volunteered": "adding a condition you offer",
                 "activity_added": "adding a licensable activity other than alcohol",
                 "activity_removed": "removing a licensable activity"}
NO_HEARING = "A minor variation is decided without a hearing (Licensing Act 2003 s.41B): there is no hearing to set."
DECIDE_AFTER_REPRESENTATIONS = ("Representations may be made until the end of {last_day}: the application can be "
                                "decided from the next day ({rule}).")

# A taxi or private hire driver's checks (checks.py), recorded at the desk.
CHECK_UNKNOWN = "Choose a check this licence needs: {choices}"
CHECK_OUTCOMES = {"clear": "nothing found", "found": "information found, to be weighed"}
CHECK_OUTCOME_UNKNOWN = "Choose what the check found: clear or found"
CHECK_DAY = "Enter the day the check was made: today or before, within the last year"
CERTIFICATE_SHAPE = "Enter the DBS certificate's number: 12 digits"
CHECKS_MISSING = "Before this licence is granted the desk must record {missing}."
CHECK_NONE = "{words} (none recorded)"
CHECK_TOO_OLD = "{words} (the last on {on}, more than {months} months before today)"
CHECKS_TOO_MANY = "A case keeps at most {most} checks."
CHECK_BY = "Enter a day from today to three months ahead, like 2027-05-28"

# The annual fee paid online, and the licence suspended when it is not (annual_fee.py, Licensing Act 2003 s.55A).
NO_ANNUAL_FEE = "This licence has no annual fee to pay online."
ANNUAL_FEE_NOT_YET = ("The next annual fee is due on {day}. It can be paid here from {opens}, when we send you its "
                      "reminder.")
ANNUAL_FEE_PAID = "The annual fee due on {day} has been paid already."
ANNUAL_FEE_PAYMENT = "Annual fee, licence {number}, {premises}, due {day}"
FEE_UNPAID_SUSPENDS = ("The annual fee of {amount} due on {day} was not paid, so the council must suspend the licence "
                       "(Licensing Act 2003, s.55A). The suspension ends when the fee is paid.")
FEE_PAID_LIFTS = ("The annual fee was received on {day}, so the suspension ended that day (Licensing Act 2003, "
                  "s.55A). This is your acknowledgement of the fee's receipt.")
FEE_NOTICE_SUBJECT = "Your {type} {number} will be suspended on {suspends}: its annual fee is unpaid"
FEE_NOTICE_BODY = ("The annual fee of {amount} for {type} {number} at {premises} was due on {day} and has not been "
                   "paid.\n\nThe law says the council must suspend the licence (Licensing Act 2003, s.55A). It will be "
                   "suspended from {suspends}, and while it is suspended no licensable activity may take place "
                   "under it. If you pay before then it will not be suspended; if you pay later, the suspension ends "
                   "on the day we receive the fee.\n\nPay the fee here:\n{link}\n")
FEE_RECEIPT_SUBJECT = "We received the annual fee for {type} {number}"
FEE_RECEIPT_BODY = ("We received the annual fee of {amount} for {type} {number} at {premises}, due on {day}, on "
                    "{received}. Thank you. This is your acknowledgement of its receipt (Licensing Act 2003, "
                    "s.55A(5)).\n\nYour licence:\n{link}\n")
ANNUAL_FEE_STARTING = "A payment of this fee is being started or has just ended. Open your licence again in a minute."

# A temporary event notice withdrawn (notices.py, Licensing Act 2003 s.103).
TEN_WITHDRAWAL_TOO_LATE = ("A temporary event notice can be withdrawn no later than 24 hours before its event begins "
                           "(Licensing Act 2003, s.103). This event begins at {begins}, so the last moment to "
                           "withdraw it was {last}. Ask the council's licensing team if the event will not go ahead.")
DISPUTE_WHY = "Say why you dispute the fee, or its amount."
DISPUTE_TOO_LATE = ("A dispute of the annual fee had to reach the council by the day it was due, {day} (Licensing Act "
                    "2003, s.55A(2)). Pay the fee to avoid the suspension, and ask the licensing team about it.")
