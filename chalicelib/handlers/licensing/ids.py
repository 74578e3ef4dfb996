"""Licensing's references, each kind with its prefix (tests/architecture/test_reference_prefixes.py)."""
CASE = "LC-"  # an application or a notice
REPRESENTATION = "LR-"  # a representation about an application
LICENCE = "LN-"  # a licence granted: its number, from its case's


def new_id(deps, prefix):
    return prefix + deps.new_report_id().split("-", 1)[1]


def is_case(value):
    return isinstance(value, str) and value.startswith(CASE) and 4 <= len(value) <= 20


def licence_number(case_id):
    return LICENCE + case_id.split("-", 1)[1]
