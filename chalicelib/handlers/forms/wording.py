"""The forms' words on the server: a definition's errors for whoever wrote it,
and a resident's answer errors, GOV.UK style, built from the question's own
label ("Enter your date of birth", "Date of birth must be a real date"),
the copies and cases they lead to, and what the forms' routes say when
they refuse."""
import re

# A definition's errors.
REQUIRED = "Required."
BAD_ID = "Must be lower-case letters, digits and '-' (a question's id: '_'), starting with a letter or digit."
END_IS_RESERVED = "'end' is not a page id: routes use it to mean the end of the form."
MIN_OVER_MAX = "The smallest number allowed is more than the largest."
NOT_ROUTABLE = "A route can only ask a selection question's answer."
EQUALS_OR_ANY_OF = "Give either equals (one answer) or any_of (a list of answers), not both or neither."
BACKWARDS = "A route goes forward only: to a later page or to 'end'."
UNREACHABLE = "No route from the first page reaches this page."
EMPTY_WORDS_OPTIONAL = "An optional question is never said to be left empty: drop error_if_empty, or optional."
EMPTY_WORDS_ASKED = ("Say what to do, not the question again, like \"Select yes if you support the plan\" "
                     "(error_if_empty is shown when the question is left empty).")


def definition_refused(count):
    return f"The form definition has {count} error{'s' if count != 1 else ''}: each field names where."


def not_a_property(name):
    return f"'{name}' is not something this part of a form definition takes."


def unknown_type(name, known):
    return f"Unknown question type '{name}'. Use one of: {', '.join(known)}."


def one_of(values):
    return f"Must be one of: {', '.join(str(v) for v in values)}."


def duplicate_page(page_id, first):
    return f"Page id '{page_id}' is used already by $.pages[{first}]."


def duplicate_template(template_id):
    return f"Template id '{template_id}' is used already in this form."


def duplicate_question(qid):
    return f"Question id '{qid}' is used already in this form."


def duplicate_option(value):
    return f"Option value '{value}' is used already in this question."


def no_such_question(qid):
    return f"No question has the id '{qid}'."


def condition_on_later_page(qid):
    return (f"The question '{qid}' is on a later page: a route can only ask a question on its own page "
            f"or an earlier one.")


def not_an_option(value, qid):
    return f"'{value}' is not one of the options of '{qid}'."


WEBHOOK_HTTPS = "A webhook's address must begin https:// (the answers travel encrypted)"


def hand_on_needs(name):
    return f"Name the question whose answer is the request's {name}"


def no_such_page(page_id):
    return f"No page has the id '{page_id}'."


# A resident's answers (GOV.UK Forms' patterns, with the question's own words).

def _said(label):
    """A question as words in a sentence: "What needs treating?" -> "What needs treating"."""
    return label.rstrip().rstrip("?").rstrip()


def _lower(label):
    label = _said(label)
    # "A phone number" -> "a phone number"; an acronym ("NHS number") stays as it is
    return label[:1].lower() + label[1:] if label[1:2].islower() or label[1:2] == " " or len(label) == 1 else label


# A question asked the way people ask ("Do you support it?", "When did it happen?") cannot follow "Enter" or
# "Select" ("Select do you support it"): its verb comes before its subject. Told apart by its words (the same
# lists are web/js/forms/questions.js's): an auxiliary first, or an auxiliary then a subject. "What needs
# treating?" and "Who is asking for the grant?" read well after "Select", so they keep the short words.
AUXILIARIES = frozenset("am is are was were do does did have has had can could will would shall should may might "
                        "must".split())
SUBJECTS = frozenset("i you your it its they their we our he his she her the this that these those a an there my "
                     "someone anyone".split())


def asked(label):
    """Whether a label is a question whose words are inverted, so no sentence can take it in."""
    words = re.findall(r"[a-z']+", label.lower())
    if not label.rstrip().endswith("?") or not words:
        return False
    return words[0] in AUXILIARIES or any(a in AUXILIARIES and b in SUBJECTS for a, b in zip(words, words[1:]))


def _quoted(label):
    return f"\u201c{label.strip()}\u201d"


def _named(label):
    """The question as the object of "Enter …": its words, or for a question asked, an answer to it quoted."""
    return f"an answer to {_quoted(label)}" if asked(label) else _lower(label)


def _subject(label):
    """The question as a sentence's subject: "Date of birth", or "The answer to “When did it happen?”"."""
    return f"The answer to {_quoted(label)}" if asked(label) else _said(label)


CHOSEN = ("selection", "property", "file")  # chosen, not typed: "Select …"


def required(question):
    """A required question left empty: its own words when the form gives them (`error_if_empty`), else "Select
    …" for a choice, "Enter …" otherwise, and for a question asked, "Select an answer to “…”" or "Answer “…”"."""
    if question.get("error_if_empty"):
        return question["error_if_empty"]
    label, kind = question["label"], question["type"]
    if asked(label):
        return (f"Select a file for {_quoted(label)}" if kind == "file"
                else f"Select an answer to {_quoted(label)}" if kind in CHOSEN else f"Answer {_quoted(label)}")
    return f"Select {_lower(label)}" if kind in CHOSEN else f"Enter {_lower(label)}"


NOT_A_FORM_CASE = "This case did not come from a form."
# Which rule made a form's case due: the form's own target, beside the date on the desk and in messages.
FORM_TARGET = "{days} working days, the target of the form {title}"
NO_SUCH_FILE = "The form sent with this case has no such file (or it has been deleted at the end of its retention)."


def unnamed_file(reference, content_type):
    """A file its resident's phone gave no name: named by its form's reference and type."""
    from .limits import FILE_TYPES
    return f"{reference} file.{FILE_TYPES.get(content_type, 'file').lower()}"


def no_such_category(code):
    return f"The council has no category {code!r}."


def no_such_team(team_id):
    return f"The council has no active team {team_id!r} (doorstep teams list; GET /v1/staff/teams)."


def answer_first(page_name):
    """409 page_not_reached: the page the resident's answers lead to, by name (None: check your answers)."""
    if page_name is None:
        return "Your answers do not lead to this page: check your answers."
    return f"Your answers do not lead to this page yet: answer \u201c{page_name}\u201d first."




def too_long(label, most):
    return f"{_subject(label)} must be {most} characters or fewer"


def real_date(label):
    return f"{_subject(label)} must be a real date"


def date_in_past(label):
    return f"{_subject(label)} must be in the past"


def date_in_future(label):
    return f"{_subject(label)} must be in the future"


def date_part_missing(label, parts):
    return f"{_subject(label)} must include a {' and '.join(parts)}"


def a_number(label):
    return f"{_subject(label)} must be a number"


def a_whole_number(label):
    return f"{_subject(label)} must be a whole number"


def at_least(label, low):
    return f"{_subject(label)} must be {low:g} or more"


def at_most(label, high):
    return f"{_subject(label)} must be {high:g} or less"


def email_format(label):
    return f"Enter {_named(label)} in the correct format, like name@example.com"


def phone_format(label):
    return f"Enter {_named(label)}, like 01632 960 001, 07700 900 982 or +44 808 157 0192"


def nino_format(label):
    return f"Enter {_named(label)} in the correct format, like QQ 12 34 56 C"


# An address question's parts left empty, in the order they are checked.
ENTER_ADDRESS_PART = "Enter {part}"
ADDRESS_PARTS = {"line1": "address line 1", "town": "the town or city", "postcode": "the postcode"}


def postcode_format():
    return "Enter a real postcode, like SW1A 2AA"


def not_an_option_answer(label):
    return f"Select {_named(label)} from the list"


def no_such_property(label):
    return f"Select {_named(label)} from the council's addresses"


def outside_area(label):
    return f"{_subject(label)} must be in the council's area"


def file_type(label, names):
    return f"{_subject(label)} must be a {', '.join(names[:-1]) + ' or ' + names[-1] if len(names) > 1 else names[0]}"


def file_size(label, most_bytes):
    return f"{_subject(label)} must be smaller than {most_bytes // (1024 * 1024) or 1}MB"


def too_many_files(label, most):
    return f"{_subject(label)}: select {most} file{'s' if most != 1 else ''} or fewer"


def too_many_items(item_name, most):
    return f"You can add {most} {item_name}{'s' if most != 1 else ''} or fewer"


DECLARATION = "Confirm the declaration to send your form"
ANSWERS_INVALID = "There is a problem: check the answers on this page."


# The copy of the answers by e-mail.

def team_subject(title, reference):
    return f"{title}: a form sent (reference {reference})"


def copy_subject(title, reference):
    return f"{title}: your answers (reference {reference})"


def copy_of_answers(title, reference, answers, what_happens_next, feedback):
    after = f"\n\nWhat happens next\n{what_happens_next}" if what_happens_next else ""
    return (f"We have received your form \"{title}\". Your reference is {reference}: quote it if you contact us "
            f"about it.{after}\n\nYour answers\n{answers}\n\n"
            f"How was filling in this form? Tell us in a minute, without giving your name: {feedback}\n")


# A form's fee (fees.py).
NO_FEE = "This form has no fee to pay: send it."
FEE_UNPAID = "This form has a fee: pay it, and the form is sent once the payment is taken."
PAYMENT_STARTING = "The payment is being set up: try again in a moment."
PAYING = "You are paying for this form: finish or cancel the payment before changing your answers."


def fee_paid(amount, description, payment_id):
    return f"Fee paid: {amount} ({description}), payment {payment_id}"


def case_redacted(reference, when):
    """A form's case once its form's retention ended (forms/case_retention.py)."""
    return (f"The answers sent with form {reference} were removed on {when.day} {when:%B %Y}, "
            "when the form's retention ended.")


CASE_LINK_NOT_VALID = "This link is not valid. Check it was copied whole from the email."
HAND_ON_NOT_GIVEN_UP = "This form's hand-on is not given up: it was sent, or is waiting to be tried again."

# Refusals: what the API answers when it will not do what was asked.
# Nothing (or nothing open to you) by that name.
NO_SUCH_FORM = "No such form."
FORM_NOT_OPEN = "No such form, or it is not open."
NO_SUCH_VERSION = "The form has versions 1 to {latest}."
NO_SUCH_FORM_PAGE = "The form has no such page."
NO_SUCH_SUBMISSION = "No such form in progress, or not yours."
PREVIEW_STAFF_ONLY = "Only staff preview a form's draft."
SUBMISSIONS_OUTSIDE_SCOPE = "This form's submissions are outside your area of responsibility."
# Managing a form's definition (managing.py).
DEFINITION_TOO_LARGE = "A form definition may be at most {most} bytes."
FORM_EXISTS_SEND_IF_MATCH = "The form {form_id!r} exists: send If-Match with its ETag ({read_from}) to load a new version."
NO_DRAFT_TO_PUBLISH = "There is no draft to publish: load one first."
RETIRED_ALREADY = "It is retired already."
NOT_THE_ADDRESS_ID = "Must be the form's id in the address, {form_id!r}."  # the $.id field's words
# Completing and sending a form.
FORM_LINKS_OUT = "This form is completed on another service: follow its link."
LICENCE_ANSWERS_AT_THE_DESK = "A licence's answers are read one case at a time at the licensing desk, saying why."
FORM_IS_A_LICENCE = "This form is a licence's questions: apply for the licence from the licensing pages."
FORM_SENT = "This form has been sent."
UNANSWERED_PAGES = "Answer every page before sending."
ANSWERS_NOT_AN_OBJECT = "Must be an object of answers by question id."  # the answers field's words
# Answers changed by another request at the same moment.
ANSWERS_CHANGED_RELOAD = "These answers changed elsewhere at the same moment: reload the page."
ANSWERS_CHANGED_CHECK = "These answers changed elsewhere at the same moment: check them again."
SAVED_AT_THE_SAME_MOMENT = "It changed at the same moment: try again."
CHANGED_AS_PAYMENT_ENDED = "The form changed while its payment ended; it is tried again."
# Save and come back (resuming.py).
RESUME_EMAIL = "Enter an email address in the correct format, like name@example.com"
RESUME_CODE = "Enter the code you were shown when you saved your form"
CODE_NOT_RIGHT = "The code is not right."
# The e-mail with a saved form's link ({day} {expires:%B %Y}: "3 March 2027").
SAVED_SUBJECT = "Your saved form: {title}"
SAVED_BODY = ("You saved your answers to \"{title}\".\n\nTo carry on, open this link and enter the code you were "
              "shown when you saved:\n{link}\n\nThe link works once, until {day} {expires:%B %Y}.\n"
              "If you did not ask for this, ignore this email: no one can open your answers without the code.")
RESUME_LINK_GONE = "That link has expired or has been used. Start the form again, or sign in to see forms you saved."

# What an officer read, in the audit's line of the reading (shared/reading.py).
READ_ANSWERS = "The form's answers"
