"""The numbers a business's checks and its OpenAPI fragments share."""
AHEAD_DAYS = 183  # the back office takes an occupation up to six months ahead (as its own window)
BACK_DAYS = 365  # and a year back
NAME_MAX = 100
COMPANY_NUMBER = "^(SC|NI|OC|SO|NC|[0-9]{2})[0-9]{6}$"  # Companies House: 8 characters
START_ID_PATTERN = "^BZ-[A-Z0-9]{10}$"
PART_PATTERN = "^[a-z_]{1,20}(:[a-z0-9-]{1,48})?$"
UPRN_PATTERN = "^[0-9]{1,12}$"
OTHERS_MAX = 20  # other premises the business occupies
RV_MAX = 100_000_000  # whole pounds
IDEMPOTENCY_HOURS = 24
RETRY_AFTER_S = 300  # a waiting business rates part is sent again when its page is read this long after
ORDER = ("business_rates", "trade_waste", "licence", "planning")
# The effect of a `business_started` event that makes its parts (following.py): the page reads
# again while it is under way.
FOLLOW = "business.follow"


def event_id(start_id):
    """The start's own `business_started` event: one per start, whatever is retried."""
    return f"business.{start_id}"
