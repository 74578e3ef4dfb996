"""Repairs to council homes (issue 58): the contractor's scheduler (a port,
scheduler.py, and its DRS adapter, drs/), the clocks the law sets (clocks.py,
from data/repair_clocks.json) and the triage and repair tree (tree.py, from
data/repair_tree.json)."""
