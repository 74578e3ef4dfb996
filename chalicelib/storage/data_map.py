"""The data map that is the code's own (issue 80; docs/decisions/retention.md): each model says,
beside its attributes, what personal data it holds, whose, why, on what lawful basis, who it goes
to and how long it is kept by default, as `personal = Holds(...)`, or that it holds none
(`personal = NONE`). The council's record of processing (UK GDPR Article 30) and its privacy notice
(Articles 13 and 14) are drawn from these (handlers/privacy/), never written apart from the code,
and tests/architecture/test_data_map.py fails when a model forgets.

Imported by every storage module on every cold start: plain values, nothing else loaded.
"""
# What kind of personal data an attribute holds; the notice says each in words (handlers/privacy/wording.py).
KINDS = (
    "contact",      # an email address or phone number
    "name",
    "address",      # a postal address, a postcode, a property's UPRN
    "location",     # a point on the map
    "free_text",    # words a person wrote: they may say anything about anyone
    "photo",
    "identifier",   # an account's id, or a digest that leads to a person
    "credentials",  # a password's or a token's digest
    "device",       # a push subscription, a connection, a browser
    "payment",      # what was paid, for what, and the provider's reference (never a card number)
    "financial",    # a council tax account, a benefit claim, a landlord's payments
    "needs",        # access or health needs a person tells (special category: Article 9)
    "activity",     # when a person signed in, answered, was told
    "work",         # an officer's roles and desks at the council
)
WHOSE = ("resident", "officer", "tenant", "landlord", "signer", "speaker", "hirer", "councillor", "partner", "licensee",
         "objector")
# UK GDPR Article 6(1): (e), (b), (c), (a), (f).
BASES = ("public_task", "contract", "legal_obligation", "consent", "legitimate_interests")
# Who the data goes to beyond the council's own staff; the notice names each (handlers/privacy/wording.py).
RECIPIENTS = (
    "bodies",          # another body that acts on a report (a county's highways), by Open311 or email
    "public",          # published: a report's public page, a petition's signers' count by ward, a speaker's name
    "open311_partners",  # the council's Open311 partners (its CRM), by their key
    "mailer",          # the email sender (Amazon SES)
    "sms",             # the text message sender (Amazon SNS)
    "push",            # the browser's web push service
    "payments",        # the payment provider (GOV.UK Pay)
    "revenues",        # the council's revenues and benefits back office (Civica)
    "repairs",         # the repairs contractor's scheduler (DRS)
    "democracy",       # the committee system (Modern.gov)
    "planning",        # the planning register (Idox)
    "back_office",     # a form's or booking's own back office, by the council's webhook
    "landlord",        # the landlord a claim is paid to
    "crews",           # the council's street crews and contractors in the field
)
# The event a retention period runs from; each names a moment the code already records.
EVENTS = ("created", "closed", "last_activity", "paid", "decided", "ended", "sent", "replaced")
THEN = ("delete", "anonymise")
# Where a default period comes from.
SOURCES = (
    "lga",      # the Local Government Association's retention classification
    "ttl",      # the item's own time to live: DynamoDB deletes it
    "council",  # a council's own setting already (a form's retention_days)
    "project",  # Doorstep's own default, until the council sets its schedule
)


class Retention:
    """Kept `months` (or `days`) after `after`, then deleted or anonymised, by default. `note` says
    where the period comes from in a few words ("LGA: payments, 6 years plus the current year")."""
    __slots__ = ("after", "months", "days", "then", "source", "note")

    def __init__(self, after, months=0, days=0, then="delete", source="project", note=""):
        self.after, self.months, self.days, self.then, self.source, self.note = after, months, days, then, source, note

    def __repr__(self):
        return f"Retention({self.after!r}, months={self.months}, days={self.days}, then={self.then!r})"


class Holds:
    """Personal data a model holds: {attribute: kind}, and why, for whom, how long.

    `part` is the privacy notice's section it belongs to: a switchable service's name
    (councils/services.py: a council that switches the service off has no such section) or one of
    every council's parts (handlers/privacy/wording.PARTS). `not_personal` names attributes whose
    names look personal but are not, with the reason. `copy_of` says the table it copies from (an
    event, an index, a cache), whose rules it follows for as long as it is kept.

    Plain classes, not dataclasses: made on the first request that loads a store, where building a
    dataclass's methods would cost more than all the declarations."""
    __slots__ = ("fields", "whose", "purpose", "basis", "retention", "part", "recipients", "not_personal", "copy_of")

    def __init__(self, *, fields, whose, purpose, basis, retention, part, recipients=(), not_personal=None,
                 copy_of=""):
        self.fields, self.whose, self.purpose, self.basis = fields, whose, purpose, basis
        self.retention, self.part, self.recipients = retention, part, tuple(recipients)
        self.not_personal, self.copy_of = dict(not_personal or {}), copy_of


class Nothing:
    """A model that holds no personal data; `not_personal` explains attributes whose names look
    personal (a ward's `name`, a facility's public `phone`)."""
    __slots__ = ("not_personal",)

    def __init__(self, not_personal=None):
        self.not_personal = dict(not_personal or {})


NONE = Nothing()


def holds_nothing(**not_personal):
    """NONE, with the reasons its personal-looking attributes are not: holds_nothing(name="a ward's name")."""
    return Nothing(not_personal=not_personal)


def declared(model):
    """The model's declaration (Holds or Nothing), or None: it has not said."""
    found = vars(model).get("personal")
    return found if isinstance(found, (Holds, Nothing)) else None


# Defaults several kinds share, said once. The project's own choice (source "project") until a
# council sets its schedule; the LGA's where its classification fits.
KEPT_AS_A_REPORT = Retention(after="closed", months=72, then="anonymise", source="project",
                             note="as the LGA keeps complaints, 6 years after closure, so a claim about "
                                  "the defect can be answered")
KEPT_AS_A_CHAT = Retention(after="closed", months=24, then="delete", source="project",
                           note="two years, for a complaint about what was said")
KEPT_AS_A_PAYMENT = Retention(after="paid", months=84, then="anonymise", source="lga",
                              note="LGA: payments, 6 years plus the current year")
KEPT_AS_A_REPAIR = Retention(after="closed", months=72, then="anonymise", source="lga",
                             note="LGA: housing repairs, 6 years after completion")

