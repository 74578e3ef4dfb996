"""What the record of processing and the privacy notice say in words: every word of them but each
declaration's own purpose (storage/data_map.py, beside its model) is here, so a council can have
them in Welsh by translating this file."""

# The notice's sections: every council's parts, then the switchable services' (councils/services.py).
PARTS = {
    "account": "Your account",
    "reports": "Reporting a problem",
    "alerts": "Alerts you ask for",
    "feedback": "Telling us how we did",
    "payments": "Paying online",
    "staff": "If you work for the council",
    "running": "Keeping the service running and secure",
    "bin_days": "Bin days",
    "bulky": "Bulky waste collections",
    "garden": "Garden waste subscriptions",
    "missed_bin": "Missed bins",
    "containers": "Bins and boxes",
    "repairs": "Repairs to your council home",
    "pay": "Paying a bill",
    "council_tax": "Your council tax",
    "landlords": "Landlords: housing benefit paid to you",
    "petitions": "Petitions",
    "meetings": "Council meetings",
    "consultations": "Consultations",
    "chat": "Live chat",
    "forms": "Forms",
    "appointments": "Appointments",
    "hire": "Hiring a hall or room",
    "planning": "Planning applications",
    "moving": "Moving home",
    "schools": "School places",
    "business": "Starting a business",
    "trade_waste": "Trade waste collections",
    "licensing": "Licences, notices and representations",
}
EVERY_COUNCILS = ("account", "reports", "alerts", "feedback", "payments", "staff", "running")

KINDS = {
    "contact": "your email address or phone number",
    "name": "your name",
    "address": "your address or postcode",
    "location": "where you are or where the problem is (a point on the map)",
    "free_text": "what you write to us, in your own words",
    "photo": "photos you send",
    "identifier": "your account's reference, or a code that leads to it",
    "credentials": "codes that prove it is you (never your password itself)",
    "device": "your browser's or phone's address for notifications and live connections",
    "payment": "what you paid, for what, and the payment's reference (never your card number)",
    "financial": "your council tax or housing benefit account, as the council's records hold it",
    "needs": "access or health needs you tell us",
    "activity": "when you signed in, answered or were told",
    "work": "your roles and the desks you work at",
}
WHOSE = {
    "resident": "residents", "officer": "the council's officers", "tenant": "council tenants",
    "landlord": "landlords", "signer": "petitioners and signers", "speaker": "people speaking at meetings",
    "hirer": "people hiring a hall or room", "councillor": "councillors", "partner": "partner organisations",
    "licensee": "people applying for or holding a licence, or giving a notice",
    "objector": "people making a representation about a licence",
}
BASES = {
    "public_task": "Public task: the council needs it to carry out its functions (UK GDPR Article 6(1)(e))",
    "contract": "Contract: to provide a service you asked for (UK GDPR Article 6(1)(b))",
    "legal_obligation": "Legal obligation: the law requires the council to keep it (UK GDPR Article 6(1)(c))",
    "consent": "Consent: you asked for it and can stop it at any time (UK GDPR Article 6(1)(a))",
    "legitimate_interests": "Legitimate interests: to keep the service safe from misuse (UK GDPR Article 6(1)(f))",
}
RECIPIENTS = {
    "bodies": "the organisation responsible for fixing it, when that is not the council (sent by Open311 or email)",
    "public": "the public, on the council's website, without your name or contact details",
    "open311_partners": "the council's own case management systems, through Open311",
    "mailer": "our email service (Amazon SES), to send you messages",
    "sms": "our text message service (Amazon SNS), to send you texts",
    "push": "your browser's notification service, to send you notifications",
    "payments": "the payment provider (GOV.UK Pay), to take your payment",
    "revenues": "the council's revenues and benefits system",
    "repairs": "the council's repairs contractor's scheduling system",
    "democracy": "the council's committee system",
    "planning": "the council's planning register",
    "back_office": "the council's own system for that service",
    "landlord": "the landlord the benefit is paid to",
    "crews": "the council's street crews and contractors doing the work",
}
AFTER = {
    "created": "after it is made", "closed": "after it is closed", "last_activity": "after you last use it",
    "paid": "after it is paid", "decided": "after the decision", "ended": "after it ends",
    "sent": "after it is sent", "replaced": "until a newer copy replaces it",
}
UNTIL = {"ended": "Kept until it ends", "closed": "Kept until it is closed", "replaced": "Kept until a newer copy "
         "replaces it", "sent": "Kept for as long as the council sets for it"}
THEN = {"delete": "then deleted", "anonymise": "then anonymised: the figures and the public record stay, "
                                               "who it was goes"}
SOURCES = {
    "lga": "as the Local Government Association's retention guidance advises",
    "ttl": "automatically, as it expires",
    "council": "as the council sets it",
    "project": "Doorstep's default until the council sets its own schedule",
}
YEARS = {1: "1 year"}
MONTHS = {1: "1 month"}
DAYS = {1: "1 day"}


def period(months, days):
    """"6 years", "18 months", "30 days"."""
    if months and months % 12 == 0:
        return YEARS.get(months // 12) or f"{months // 12} years"
    if months:
        return MONTHS.get(months) or f"{months} months"
    return DAYS.get(days) or f"{days} days"


def kept(retention):
    """A retention rule in words: "Kept 6 years after it is closed, then anonymised (...)"."""
    if not retention.months and not retention.days:
        first = UNTIL.get(retention.after) or f"Kept until {AFTER[retention.after]}"
    else:
        first = f"Kept {period(retention.months, retention.days)} {AFTER[retention.after]}"
    return f"{first}, {THEN[retention.then]} ({SOURCES[retention.source]})"


CONTROLLER = "The council is the controller of this information; Doorstep runs the service for it as its processor."
NO_DPO = ("The council has not named a data protection officer on this site: to ask about your information, "
          "contact the council as above.")


def dpo(name, email, postal_address=None):
    """The council's data protection officer and how to reach them, in a sentence."""
    post = f", or by post to {postal_address}" if postal_address else ""
    return f"The council's data protection officer is {name}: email {email}{post}."


CONTACT_WEBSITE = "Ask the council through its website"
HOSTED = "Stored in Amazon Web Services' region {region}, encrypted at rest and in transit"
SECURITY = ("Encrypted at rest and in transit; every council's records kept apart by the storage layer; "
            "officers see personal data only at the desks their roles open, and their readings are audited")
RIGHTS = (
    "You can ask for a copy of the information the council holds about you (your account's export gives it at once).",
    "You can ask for it to be corrected, or deleted where the council has no need to keep it "
    "(your account can be deleted from its own page).",
    "You can object to, or ask the council to restrict, how it uses your information.",
    "Where you gave your consent (alerts), you can withdraw it at any time, from the alert's own link.",
)
COMPLAIN = ("If you are unhappy with how the council uses your information, tell it first; you can also complain "
            "to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).")
DRAWN_FROM = "Drawn from the data map declared beside each kind of record in Doorstep's code and the council's settings"
NOT_A_FORMAT = "Must be json or csv."
