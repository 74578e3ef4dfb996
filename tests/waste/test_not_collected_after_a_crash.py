"""A crew's bulky `unable` is the event written with their update: if the
process dies after the update and before the waste capability is told, the
stream tells it, and the resident hears once however often it runs."""
from datetime import timedelta

from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import pay  # noqa: F401
from tests.waste.test_bulky_crew_jobs import at, collection_day, waste_crew  # noqa: F401
from tests.waste.test_bulky_not_collected import REASON, mail, unable


def test_a_crew_s_unable_reaches_the_resident_once_when_the_process_dies_after_the_update(
        client, deps, people, pay, waste_crew, dies_after_commit):
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    dies_after_commit()
    unable(crew, made)
    assert deps.bulky.get(made["id"]).missed is None and mail(deps, resident, "could not be made") == []
    [ended] = events_of_kind("job_ended")
    assert (ended.payload["job_id"], ended.payload["status"]) == (made["id"], "unable")
    assert run_stream(deps, "job_ended") == []
    told = mail(deps, resident, "could not be made")
    assert len(told) == 1 and REASON in told[0]["body"]
    assert deps.bulky.get(made["id"]).missed["remedy"] == "rebook"
    run_stream(deps, "job_ended")  # the stream hands the batch again
    assert len(mail(deps, resident, "could not be made")) == 1


def test_an_effect_that_failed_part_way_is_finished_by_the_stream_and_its_e_mail_goes_once(
        client, deps, people, pay, waste_crew, monkeypatch):
    from chalicelib.notify import email
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    real = email.queue_email

    def down(*args, **kwargs):
        raise ConnectionError("the outbox's table is away")
    monkeypatch.setattr(email, "queue_email", down)
    unable(crew, made)  # the crew's update stands whatever its effects do
    assert deps.bulky.get(made["id"]).missed is not None  # the remedy was kept before the e-mail failed
    assert mail(deps, resident, "could not be made") == []
    [ended] = events_of_kind("job_ended")
    assert deps.effects.status(ended.id, "waste.not_collected") == ("retry", 1)
    monkeypatch.setattr(email, "queue_email", real)
    run_stream(deps, "job_ended")
    run_stream(deps, "job_ended")
    assert len(mail(deps, resident, "could not be made")) == 1
    assert deps.effects.status(ended.id, "waste.not_collected") == ("done", 2)


def test_a_claim_left_by_a_process_that_died_holding_it_is_taken_again_once_stale(
        client, deps, people, pay, waste_crew, dies_after_commit):
    from chalicelib.handlers.shared.effects import KEEP, STALE_CLAIM
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    dies_after_commit()
    unable(crew, made)
    [ended] = events_of_kind("job_ended")
    then = deps.clock()
    # The dead process had claimed the effect and stopped inside it.
    assert deps.effects.claim(ended.id, "waste.not_collected", then, then - STALE_CLAIM, then + KEEP) == 0
    # Maybe still running: the job goes back to the queue.
    [back] = run_stream(at(deps, then + STALE_CLAIM - timedelta(seconds=1)), "job_ended")
    assert (back["effect"], back["event"]["id"]) == ("waste.not_collected", ended.id)
    assert mail(deps, resident, "could not be made") == []
    assert run_stream(at(deps, then + STALE_CLAIM + timedelta(seconds=1)), "job_ended") == []
    assert run_stream(at(deps, then + STALE_CLAIM + timedelta(seconds=2)), "job_ended") == []
    assert len(mail(deps, resident, "could not be made")) == 1


def test_an_effect_that_keeps_failing_is_given_up_after_five_tries_with_its_error_kept_and_logged(
        client, deps, people, pay, waste_crew, monkeypatch, caplog):
    import logging
    from chalicelib.handlers.shared.effects import ATTEMPTS
    from chalicelib.notify import email
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)

    def down(*args, **kwargs):
        raise ConnectionError("the outbox's table is away")
    monkeypatch.setattr(email, "queue_email", down)
    unable(crew, made)  # try 1, in the request
    [ended] = events_of_kind("job_ended")
    back = [run_stream(deps, "job_ended") for _ in range(ATTEMPTS - 1)]  # tries 2 to 5
    assert [len(b) for b in back] == [1] * (ATTEMPTS - 2) + [0]  # handed back, until given up
    assert deps.effects.status(ended.id, "waste.not_collected") == ("failed", ATTEMPTS)
    given_up = [r for r in caplog.records if r.name == "doorstep.effects" and r.levelno == logging.ERROR]
    assert len(given_up) == 1 and ended.id in given_up[0].getMessage()
    assert run_stream(deps, "job_ended") == [] and mail(deps, resident, "could not be made") == []
