"""What several capabilities use: the dependencies a handler runs with, Idempotency-Key
handling, and event rows."""
