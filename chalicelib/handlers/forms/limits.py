"""The numbers and names a form definition may use, shared by its schema,
its checks, the runner and the OpenAPI document."""

FORM_ID = r"^[a-z0-9][a-z0-9-]{1,59}$"  # a slug: it is in the form's address
PAGE_ID = r"^[a-z0-9][a-z0-9-]{0,59}$"
QUESTION_ID = r"^[a-z][a-z0-9_]{0,39}$"
END = "end"  # a route's goto (or a page's next) that leads to check your answers

# The question types: GOV.UK Forms' own, plus a property from the council's
# addresses (a UPRN), a point on the map and "add another" (a repeating group).
SIMPLE_TYPES = ("text", "name", "email", "phone", "national_insurance_number", "number", "date", "address",
                "selection", "organisation_name", "property", "map_point")
TYPES = (*SIMPLE_TYPES, "file", "add_another")
ROUTABLE = ("selection",)  # a route asks a selection's answer, as GOV.UK Forms' conditions do

LABEL_MAX, HINT_MAX, WORDS_MAX = 250, 500, 5000
PAGES_MAX, QUESTIONS_PER_PAGE_MAX, OPTIONS_MAX, ROUTES_MAX = 100, 10, 200, 30
TEXT_SHORT_MAX, TEXT_LONG_MAX = 500, 5000
ADD_ANOTHER_MAX = 50
WORKING_DAYS_MAX = 90
RETENTION_DAYS_MAX = 3650

# A file question names what it takes; each is checked by type and size, per question.
FILE_TYPES = {
    "application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG", "image/heic": "HEIC",
    "text/csv": "CSV", "text/plain": "TXT",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.oasis.opendocument.text": "ODT",
}
FILE_BYTES_MAX = 20 * 1024 * 1024
FILES_MAX = 10

# Where an answer may be prefilled from: named here, read later (the revenues
# account's details, or the signed-in account's own).
PREFILL = ("account.name", "account.email", "account.phone",
           "council_tax.account_number", "council_tax.name", "council_tax.address", "council_tax.liable_from")

# A form handed on to the revenues queue: the answers each council tax request is made from, by name.
HAND_ON_ANSWERS = {"single_person_discount": ("account", "date"),
                   "move": ("account", "date", "within", "address", "forwarding")}

# Save and come back: a link's token (ids.new_token() gives 32 characters) and the code shown (6 digits, with
# room for the spaces a person types around them).
RESUME_TOKEN_MAX, RESUME_CODE_MAX = 200, 20
