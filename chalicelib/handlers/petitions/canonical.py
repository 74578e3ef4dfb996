"""How signers are compared: one signature per person and e-mail per petition.

E-mail addresses are compared as shared/emails.py says. Names are compared in lower case
with single spaces. A household sharing an e-mail signs under different names.
The address a message goes to stays as the signer typed it."""
import re

from ... import ids
from ...validation import WHITESPACE
from ..shared.emails import canonical as email  # noqa: F401  (signers' and followers' keys use it)

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")
BLANKS = re.compile(f"[{WHITESPACE}]")  # the blanks /openapi.json's pattern allows around and inside


def domain(value):
    return email(value).rpartition("@")[2]


def name(value):
    return " ".join(value.split()).lower()


def signer_key(email_address, person):
    """The signature's sort key: one per canonical e-mail and name."""
    return ids.digest(f"{email(email_address)}\n{name(person)}")[:40]


def postcode(value):
    """"YO1 7HH" from any spacing or case; None when it is not a UK postcode."""
    key = BLANKS.sub("", value or "").upper()
    return f"{key[:-3]} {key[-3:]}" if POSTCODE.match(key) else None
