"""Moving home, told once: the move and everything that follows it (issue 61)."""
