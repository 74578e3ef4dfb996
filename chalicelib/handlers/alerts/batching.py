"""How big each piece of an event's fan-out is, so no one invocation grows
with the audience. Read by the stream handler (sources.py), the page jobs
(fanout.py, worker.py), delivery (delivery.py), the local queue worker and
the template (infra/), which takes its batch sizes, timeouts and visibility
timeout from here.

The reasons for each number are in docs/decisions/ ("Alert fan-out") and
the figures behind them in docs/benchmarks.md.
"""

# A page job: one Query of at most PAGE_ROWS index rows under one key, and
# the deliveries to the alerts that pass the exact check (at most PAGE_ROWS
# alerts, three channels each). A job body is ~0.5 KB: SQS takes 256 KB.
PAGE_ROWS = 100
SEND_BATCH = 10  # messages per SendMessageBatch, SQS's maximum
# A job whose page came back full splits the rest of its range of alert ids
# into at most FANOUT jobs (one SendMessageBatch), each expected to hold
# about SPLIT_ROWS rows (a little under a page, so few spill into a second
# page): a tree of jobs, about log10(rows / 100) levels deep, so the pages of
# one key run side by side (ranges.py).
FANOUT = 10
SPLIT_ROWS = 75

# The events stream's batches (the event source mapping's BatchSize): a
# batch of 50 events sends at most 50 x ~60 page jobs (a city-wide broadcast
# reads ~60 keys; a new report 13).
STREAM_BATCH = 50
STREAM_TIMEOUT_S = 60

# The worker: page jobs per invocation (the queue's event source mapping),
# its timeout, and how many run at once. One job per invocation: the jobs of
# a batch run one after another, so a batch of 4 held three of one key's
# ranges back behind the first (issue 30). 200 at once: a 100,000-follower
# key (125,000 messages, 1,600 in flight) is told within 60 s even at the
# page costs measured on DynamoDB Local (docs/benchmarks.md, "time to the
# last message"); e-mail and SMS at that rate need SES and SNS quotas to
# match (docs/decisions/, "Alert fan-out as a tree").
WORKER_BATCH = 1
WORKER_TIMEOUT_S = 120
WORKER_CONCURRENCY = 200
# One delivery takes at most ATTEMPTS x (connect + read timeouts) plus
# backoff (3 x 10 s + 1.5 s); a worker starts none with less time than this
# left, and the page job comes back for what it did not start.
SEND_MARGIN_S = 35

# Lambda's advice: a queue's visibility timeout at least six times its
# function's timeout. It is also longer than a stale claim
# (delivery.STALE_CLAIM), so a job redelivered after a crash finds the
# crashed claims stale and takes them again.
VISIBILITY_S = 6 * WORKER_TIMEOUT_S
# A job (a page of an alert's audience, or an event's effect) is kept hidden only this
# long at a time, renewed while its worker runs it (chalicelib/leases.py, every RENEW_S):
# a worker that died mid-job leaves a job that comes back within a minute and finds its
# claims stale (STALE_CLAIM, shorter), not after VISIBILITY_S. A failed try (a send to be
# tried again, an effect's retry) or a job short of time waits VISIBILITY_S as before.
JOB_VISIBILITY_S = 60
EFFECT_VISIBILITY_S = JOB_VISIBILITY_S
MAX_RECEIVES = 5  # then the job goes to the dead-letter queue (alarmed)
RETENTION_S = 4 * 24 * 3600  # SQS's default: longer than any outage we would not notice
DEAD_RETENTION_S = 14 * 24 * 3600  # the most SQS keeps: time to fix the cause and redrive
OLDEST_JOB_ALARM_S = 15 * 60  # a page job waiting this long: fan-out has fallen behind

QUEUE = "alert-pages"  # a stage's queue is <table prefix>alert-pages, its dead letters ...-dead
