"""Personal details in free text, found before anyone but the service's officers reads it: e-mail
addresses, phone numbers, postcodes, National Insurance numbers and long numbers (an account's, a
card's). Each is masked in the text others read; the kinds found are kept so officers check it."""
import re

PATTERNS = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")),
    ("national_insurance", re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)),
    ("phone", re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){8,9}\d(?!\d)")),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.I)),
    ("number", re.compile(r"(?<!\d)\d(?:[\s-]?\d){7,}(?!\d)")),  # an account's, a card's, a reference's
)
MASK = "[removed]"


def found(text):
    """(the text with each personal detail masked, [the kinds found, in PATTERNS' order])."""
    kinds = []
    for kind, pattern in PATTERNS:
        text, n = pattern.subn(MASK, text)
        if n:
            kinds.append(kind)
    return text, kinds
