"""tests/stats/test_performance_figures.py again, on DynamoDB Local instead of
moto: its transactions, ADD and condition on the real engine, its stream read
as Lambda reads it. The stream delivered twice carries those; the year of
reports (40 s here) adds arithmetic moto already checks, so it runs once, on moto."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("stats/test_performance_figures.py", globals(), only=("delivers_every_event_again", "no_figures_yet"))
