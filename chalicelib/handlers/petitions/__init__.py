"""E-petitions: residents start, sponsor, sign and follow; staff moderate, respond and invalidate."""
