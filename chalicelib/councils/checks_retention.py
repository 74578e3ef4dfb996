"""What a council's retention schedule must be that its schema (schema_retention.py) cannot say: the
warning of an unused account comes after the account was last used, so `warn_days` must be shorter
than `unused_account_months` (either as set, or the data map's default the other falls back to)."""
from . import wording as words

DAYS_IN_A_MONTH = 28  # the shortest month: a warning due before the last use never is


def problems(document):
    section = document.get("retention") if isinstance(document, dict) else None
    if not isinstance(section, dict):
        return []
    from .retention import DEFAULT_WARN_DAYS, default_unused_months
    months, days = section.get("unused_account_months"), section.get("warn_days")
    if not isinstance(months, int) and not isinstance(days, int):
        return []
    months = months if isinstance(months, int) and not isinstance(months, bool) else default_unused_months()
    days = days if isinstance(days, int) and not isinstance(days, bool) else DEFAULT_WARN_DAYS
    if days >= months * DAYS_IN_A_MONTH:
        return [("$.retention.warn_days", words.warned_too_early(days, months))]
    return []
