"""Limits and words of the petition routes, read by the validators and the OpenAPI document alike."""

PETITION_ID_PATTERN = r"^PT-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$"
ACTION_MAX, BACKGROUND_MAX, DETAILS_MAX = 80, 300, 800  # as the UK Parliament's petitions
NAME_MAX, NOTE_MAX, RESPONSE_MAX = 100, 2000, 10000
STATES = ("pending", "sponsored", "open", "rejected", "closed")
PUBLIC_STATES = ("open", "closed")  # and "responded": open or closed, answered
# Why staff reject a petition (the UK service's standard reasons, at council scale).
REJECTIONS = {
    "duplicate": "There's already a petition about this issue.",
    "not_council": "It's about something the council is not responsible for.",
    "no_action": "It did not ask for a clear action from the council.",
    "offensive": "It included language that was offensive, abusive or defamatory.",
    "irrelevant": "It was nonsense, a joke or an advert.",
    "personal": "It included confidential or personal information, or named people.",
    "legal": "It was about a matter that is before the courts or otherwise could not be discussed.",
}
NOTICES = ("response", "debate", "closed")  # what signers are told, once each
INVALIDATE_BY = ("domain", "postcode", "client", "since", "until")
