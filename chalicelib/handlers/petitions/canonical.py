"""How signers are compared: one signature per person and e-mail per petition.

E-mail addresses are compared as the UK Parliament's petitions service does:
lower case, the local part without dots and without a "+tag", and
googlemail.com as gmail.com, so "Ada.Lovelace+x@GoogleMail.com" and
"adalovelace@gmail.com" are one address. Names are compared in lower case
with single spaces. A household sharing an e-mail signs under different names.
The address a message goes to stays as the signer typed it."""
import re

from ... import ids
from ...validation import WHITESPACE

DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")
BLANKS = re.compile(f"[{WHITESPACE}]")  # the blanks /openapi.json's pattern allows around and inside


def email(value):
    local, _, domain = value.strip().lower().rpartition("@")
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0].replace(".", "")
    return f"{local}@{domain}"


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
