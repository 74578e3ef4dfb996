"""Words the shared helpers say on every capability's behalf: a change sent
without If-Match."""

# Refusals: a change sent without If-Match.
IF_MATCH_NEEDED = ("Send If-Match with the ETag (or version) of the item as you read it ({read_from}), so no one "
                   "else's change is lost.")
