"""On DynamoDB Local with `make run`'s stream reader and queue worker
(support/dispatcher.py): a crew's bulky `unable` whose process died after
the update reaches the resident from the events table's own stream, once."""
import time

from contract.dynamodb_local_backend import aws, dispatcher, dynamodb_local_tables, storage  # noqa: F401
from support.effects_support import dies_after_commit  # noqa: F401
from support.pay_support import pay  # noqa: F401
from tests.waste.test_bulky_crew_jobs import collection_day, waste_crew  # noqa: F401
from tests.waste.test_bulky_not_collected import REASON, mail, unable


def test_the_local_stream_carries_out_a_crew_s_unable_once_after_the_process_died(
        client, deps, people, pay, waste_crew, dispatcher, dies_after_commit):
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    dies_after_commit()
    unable(crew, made)
    deadline = time.monotonic() + 60
    while not mail(deps, resident, "could not be made") and time.monotonic() < deadline:
        time.sleep(0.1)  # polling the outbox for the e-mail the stream sends
    told = mail(deps, resident, "could not be made")
    assert len(told) == 1 and REASON in told[0]["body"]
    jobs = [j for j in deps.jobs.get(made["id"]).updates if j["status"] == "unable"]
    assert len(jobs) == 1 and deps.bulky.get(made["id"]).missed["job_id"] == made["id"]
