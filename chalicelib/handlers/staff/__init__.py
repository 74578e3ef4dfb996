"""Council staff acting on reports."""
