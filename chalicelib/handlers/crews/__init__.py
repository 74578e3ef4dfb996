"""Street crews: their jobs near them, one job, and field updates from a phone."""
