"""What the API itself says: a path and method no route answers."""

# Refusals: what was asked for is not there.
NO_ROUTE = "No route for {method} {path}."
