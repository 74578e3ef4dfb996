"""The numbers the meetings routes share with their OpenAPI."""
ID_PATTERN = "^[0-9]{1,12}$"  # Modern.gov's ids: meetings, committees, attachments
WARD_MAX = 60
QUERY_MIN, QUERY_MAX = 2, 100
LIMIT_DEFAULT, LIMIT_MAX = 20, 50
SPAN_DAYS = 366  # the widest from-to a listing or search may ask for
AHEAD_DAYS = 365  # "ahead": from today this far
PAST_DAYS = 365  # "past": back this far, to yesterday
WARD_READS = 200  # meetings read at most to find those naming a ward (their summaries, one Query)
STALE_AFTER_S = 2 * 3600  # the committee system unanswered this long: the copy is marked as old
PAPER_MAX_AGE_S = 86400  # a paper is the same PDF for its id: browsers keep it a day
