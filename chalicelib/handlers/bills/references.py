"""A reference as typed, checked against its fund's format and check digit
before anything else is asked (issue 38: a mistyped reference is refused at
once, with the rule it broke)."""
import re

from ...errors import Unacceptable
from . import wording
from .schemes import passes


def normalised(typed):
    """Capitals, without the spaces and dashes people type ("cq 1234-5679")."""
    return re.sub(r"[\s-]", "", str(typed or "")).upper()


def well_formed(fund, reference):
    return bool(re.fullmatch(fund.pattern, reference)) and passes(fund.check, reference)


def checked(fund, typed):
    """The reference, normalised; Unacceptable (422) naming the rule broken:
    the format's own words, or the check digit's."""
    reference = normalised(typed)
    if not re.fullmatch(fund.pattern, reference):
        raise Unacceptable(wording.REFERENCE_RULE.format(rule=fund.rule), code="reference_invalid",
                           fields=[{"field": "reference", "message": wording.REFERENCE_RULE.format(rule=fund.rule)}])
    if not passes(fund.check, reference):
        message = wording.CHECK_DIGIT.format(label=in_sentence(fund.label))
        raise Unacceptable(message, code="reference_invalid", fields=[{"field": "reference", "message": message}])
    return reference


def in_sentence(label):
    """"Council tax account number" as the middle of a sentence; "PCN number" as it is."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label
