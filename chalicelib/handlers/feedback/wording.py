"""What feedback says to the people who give it and read it: the question, each field's check,
and its refusals."""

# Refusals: what was asked for is not there, or not this council's.
TOKEN_NOT_VALID = "That link does not ask about anything of this council's. Use the link you were given."
NOT_A_SERVICE = "Must be one of this council's services: {services}."

NOT_YOUR_SERVICE = "Only officers of the {desk} desk read this service's feedback."
UNKNOWN_ANSWER = "No answer of this service has that id."

# Refusals: its state does not allow it.
CLOSED = ("Your answer was given on {answered} and can no longer be changed. To tell us more, "
          "use Comments, compliments and complaints.")
CHANGED_AT_ONCE = ("Your answer was being changed somewhere else at the same moment, so this change was not "
                   "made. Please send it again.")

# Fields: what a field's check says beside it, in the API's short words.
NOT_AN_OBJECT = "Must be a JSON object."
TOKEN_REQUIRED = "Is required: the token given with your confirmation."
RATING_RANGE = "Must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)."
NOT_AN_ANSWER_FIELD = "Is not part of an answer."
NOT_A_CHANGE_FIELD = "Is not part of \"you said, we did\": you_said and we_did."
TAGS = "Must be a list of at most {most} tags, each a word or two of at most {longest} characters."
NOT_A_CONTACTS_FIELD = "Is not a channel of the contacts entered: phone and face_to_face."
COUNT_RANGE = "Must be a whole number of contacts, from 0 to {most}."
NOT_A_MONTH = "Must be a month written like 2026-10."
MONTH_TO_COME = "Must be a month begun already: a month is counted, and its contacts entered, once it has begun."
NOT_A_TIME = "Must be the last page's `next`, as it gave it."
NOT_A_KIND = "Must be comment or compliment."
COMPLAINT_ELSEWHERE = ("A complaint is made as a report: POST /v1/reports with service_code complaint, so it is "
                       "answered by the council's complaints procedure and its deadlines.")
NOT_A_COMMENT_FIELD = "Is not part of a comment: kind, service, words, rating and reply_email."

# A compliment, told to the officers of the team it names (compliments.py).
COMPLIMENT_SUBJECT = "A compliment for {team}"
COMPLIMENT_BODY = ("A resident sent a compliment for {team} through the council's website:\n\n{words}\n\n"
                   "Read it with the service's other feedback: {link}\n\n"
                   "You are told because your role opens the {team} desk.")

# The figures' definitions, published beside them (the page, the JSON, the CSV's metadata).
# Each definition's name, as the committee report heads it (report.py).
DEFINITION_NAMES = {"transactions": "Transactions", "digital_take_up": "Digital take-up",
                    "completion_rate": "Completion", "satisfaction": "Satisfaction",
                    "cost_per_transaction_pence": "Cost per transaction", "saving_pence": "Saving",
                    "withheld": "Withheld", "compliments": "Compliments", "year_so_far": "The year so far"}
DEFINITIONS = {
    "transactions": "Transactions finished: online, done by staff on a resident's behalf (assisted), and the "
                    "contacts by phone and face to face the council entered.",
    "digital_take_up": "Transactions finished online, as a share of all transactions (online, assisted, "
                       "phone and face to face).",
    "completion_rate": "Transactions finished online, as a share of those started online. Starts and finishes "
                       "are counted as visits, never by person: nobody who starts is recorded.",
    "satisfaction": "Answers 'satisfied' or 'very satisfied', as a share of all answers to 'Overall, how did you "
                    "feel about the service you received today?' (GOV.UK's five-point scale) in the month.",
    "cost_per_transaction_pence": "What the month's transactions cost at the council's cost per channel, "
                                  "divided by their number (in pence in the open data).",
    "saving_pence": "What the month's online transactions saved (in pence in the open data) against the cost "
                    "of doing each as the council's assisted contacts are done.",
    "compliments": "Compliments residents sent for the service's team through Complaints, comments and "
                   "compliments, in the month.",
    "year_so_far": "Every service's months of the year so far added together, and each month's services added "
                   "the same way for the year month by month. Completion adds the months that counted starts; "
                   "satisfaction adds the months whose own satisfaction is published, so a withheld one cannot be "
                   "worked out from it, and is withheld where every service's was.",
    "withheld": "Satisfaction from fewer than 10 answers is withheld (null): with so few, it could tell what one "
                "person answered. Counts of transactions, contacts and starts identify nobody, so every count is "
                "published, however small, with the figures made from it.",
}
# The rule for small numbers and whose guidance it follows, published beside the figures (the JSON's
# `small_numbers`, the CSV's notes, the page and the committee report). Named, not quoted.
SMALL_NUMBERS = {
    "rule": "What people said is withheld where fewer than 10 said it (satisfaction from fewer than 10 answers; "
            "comments are never published), so that no one can be identified from it. Counts of what the "
            "council did (transactions, contacts, starts) identify nobody and are published in full.",
    "sources": [
        {"name": "Office for National Statistics: Statistical disclosure control policy",
         "url": "https://www.ons.gov.uk/aboutus/transparencyandgovernance/datastrategy/datapolicies/"
                "statisticaldisclosurecontrol"},
        {"name": "Information Commissioner's Office: Anonymisation: managing data protection risk code of practice",
         "url": "https://ico.org.uk/media/1061/anonymisation-code.pdf"},
    ],
}
# A CSV row's notes where one of its figures is withheld.
WITHHELD_NOTE = "Satisfaction withheld: {answers} answers, fewer than 10 (small numbers, as advised by {sources})."
SOURCES_JOINED = "; ".join(source["name"] for source in SMALL_NUMBERS["sources"])

# The committee report (report.py): a month's figures as a document for a meeting's papers.
REPORT = {
    "title": "{council}: channel shift figures for {month}",
    "lead": "Transactions, digital take-up, completion, satisfaction, cost per transaction and the saving, service "
            "by service, for {month}, from the counts kept as transactions happen. Made on {made}.",
    "costs": "Costs per transaction counted: online {online}, online by an officer for a resident {assisted}, "
             "by phone {phone}, face to face {face_to_face}.",
    "none": "No transactions were counted in {month}.",
    "definitions": "What the figures mean",
    "small_numbers": "Small numbers, and whose guidance the rule follows",
    "withheld": "withheld",
    "nothing": "-",
    "columns": ("Service", "Transactions", "Online", "Assisted", "Phone", "Face to face", "Take-up", "Completion",
                "Satisfaction (answers)", "Cost each", "Saving"),
    "page": "Page {page}",
}
SERVICE_NAMES = {"reports": "Reporting a problem", "bills": "Paying a bill", "halls": "Hiring a hall",
                 "bulky": "Bulky waste", "containers": "Bins and boxes", "garden": "Garden waste", "forms": "Forms",
                 "moving": "Moving home", "repairs": "Home repairs", "appointments": "Appointments",
                 "landlords": "Landlords", "consultations": "Consultations", "council_tax": "Council Tax",
                 "payments": "Payments"}
