"""E-mail addresses compared as one person's: "one per person" (a petition's
signature, a report's "me too") is one per canonical address.

As the UK Parliament's petitions service compares them: lower case, the
local part without dots and without a "+tag", and googlemail.com as
gmail.com, so "Ada.Lovelace+x@GoogleMail.com" and "adalovelace@gmail.com"
are one address. Messages still go to the address as it was typed."""

DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def canonical(value):
    local, _, domain = value.strip().lower().rpartition("@")
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0].replace(".", "")
    return f"{local}@{domain}"
