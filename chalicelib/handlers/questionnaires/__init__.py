"""Questionnaires: some days after a report is fixed or closed its reporter is
asked "has it been fixed?" (scheduling.py, sending.py); "no" reopens it
(answering.py); the answers make the satisfaction figures (handlers/stats)."""
