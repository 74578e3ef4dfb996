from support.revenues_support import civica, revenues  # noqa: F401
