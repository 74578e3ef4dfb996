"""The retention sweep's own records: its runs' reports."""
