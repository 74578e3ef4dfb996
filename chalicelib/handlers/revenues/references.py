"""Council tax account references: 9 digits starting 5 (as councils publish
them, e.g. Conwy), the last a check digit, so a mistyped reference is caught
at once without asking the back office.

The check digit is modulus 11 with weights 9..2 over the first eight digits:
(11 - sum % 11) % 11; a remainder leaving 10 is never issued. It catches
every single wrong digit and every swap of two neighbours. A council whose
references use another scheme changes this module alone (docs/decisions/).
"""
import re

from .wording import REFERENCE

PATTERN = "^5[0-9]{8}$"
# As a person types it (spaces and dashes, which normalised() takes out), for /openapi.json: a reference
# of another shape is refused as the document's (400), a wrong check digit as a rule it states in words (422).
AS_TYPED = r"^[ -]*5(?:[ -]*[0-9]){8}[ -]*$"
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(first_eight):
    """The check digit of eight digits, or None when none can be issued."""
    digit = (11 - sum(int(d) * w for d, w in zip(first_eight, WEIGHTS)) % 11) % 11
    return None if digit == 10 else digit


def normalised(reference):
    """The reference as typed, without spaces or dashes ("5001 2345 4")."""
    return re.sub(r"[\s-]", "", str(reference or ""))


def shaped(reference):
    """Nine digits starting 5 (normalised)."""
    return bool(re.match(PATTERN, reference))


def valid(reference):
    """Nine digits starting 5 whose last is the check digit of the rest."""
    if not shaped(reference):
        return False
    return check_digit(reference[:8]) == int(reference[8])


def check(reference, problems, field="reference"):
    """The reference as typed, normalised; its shape a problem (400), its check digit a rule (422)."""
    reference = normalised(reference)
    if not shaped(reference):
        problems.add(field, REFERENCE)
    elif not valid(reference):
        problems.rule(field, REFERENCE)
    return reference
