"""A withdrawn case's fee refunded or kept by its type's rule (`refund_on_withdrawal`, catalogue.py), and the rule in
words: one place for an application withdrawn (withdrawing.py) and a notice (notices.py)."""
from ...stamps import london_today
from ..shared.clock import date_words
from . import wording


def refund_due(licence_type, case, today, calendar):
    """"full" or "none" for a case withdrawn `today`, by its type's rule."""
    rule = (licence_type or {}).get("refund_on_withdrawal") or "none"
    if rule in ("full", "none"):
        return rule
    received = london_today(case.received_at)
    last = calendar.add_working_days(received, rule["full_within_working_days"])
    return "full" if today <= last else "none"


def rule_words(licence_type, case, calendar):
    rule = (licence_type or {}).get("refund_on_withdrawal") or "none"
    if rule in ("full", "none"):
        return wording.REFUND_RULES[rule]
    last = calendar.add_working_days(london_today(case.received_at), rule["full_within_working_days"])
    return wording.REFUND_RULES["within"].format(days=rule["full_within_working_days"], last=date_words(last))
