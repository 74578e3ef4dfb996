"""Waste services residents book and pay for: bulky collections first."""
