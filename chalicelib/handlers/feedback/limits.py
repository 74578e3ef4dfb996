"""Feedback's limits."""
from datetime import timedelta

IMPROVE_MAX = 1200  # "How could we improve this service?": a paragraph or two
CHANGEABLE_FOR = timedelta(hours=24)  # an answer may be changed (a slip of the thumb) for a day
WORDS_MAX = 2000  # a comment or a compliment: a few paragraphs
