"""What the open data files say when there is nothing to give: a file that
is not one of them, or none published yet."""

# Refusals: what was asked for is not there.
NO_FILE = "No open data file {name!s:.60}; see /v1/open-data."
NOTHING_PUBLISHED = "No open data has been published yet; it is written daily."

# The files' metadata, read by whoever downloads them. The licences' own names
# (licence.py) are standard titles, said as their publishers write them.
TITLE = "Street problems reported to {publisher}"
ATTRIBUTION = "Contains information from {publisher} licensed under the {licence}."
PUBLISHER_UNNAMED = "the council"  # {publisher} when neither the settings nor the area name one
