"""The councils one deployment serves (docs/decisions/councils.md): which
council a web address is (registry.py), each council's settings as data
checked against their schema (schema.py), and the record domain code reads
them through (council.py)."""
