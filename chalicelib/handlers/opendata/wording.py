"""What the open data files say when there is nothing to give: a file that
is not one of them, or none published yet."""

# Refusals: what was asked for is not there.
NO_FILE = "No open data file {name!s:.60}; see /v1/open-data."
NOTHING_PUBLISHED = "No open data has been published yet; it is written daily."
