from support.revenues_support import civica, council_morning, revenues  # noqa: F401
