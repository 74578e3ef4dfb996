"""An effect given up after its tries is run once more by the operator, once its cause is mended:
`doorstep effects again`, named as the alarm's log line names it, and only once."""
from support.effects_support import dies_after_commit, given_up, run_stream  # noqa: F401 (a fixture)
from support.moving_support import signed_in_again, told_and_left_to_the_stream
from support.revenues_support import council_morning  # noqa: F401 (a fixture)


def test_a_moves_changes_given_up_are_made_by_the_operator_once_its_cause_is_mended(
        client, deps, people, council_morning, dies_after_commit, monkeypatch, capsys, caplog):
    from chalicelib.handlers.moving import following
    from chalicelib.handlers.moving.limits import FOLLOW, event_id
    from chalicelib.handlers.shared import effects
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")  # moto in-process, not a local stack
    resident, made = told_and_left_to_the_stream(client, deps, people, dies_after_commit)
    mended = following.on_move
    given_up(monkeypatch, "chalicelib.handlers.moving.following", "on_move")
    run_stream(deps, "move_made")
    # The alarm's line names what to run again.
    line = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("effect given up"))
    assert f"{FOLLOW} of move_made event {event_id(made['id'])}" in line
    page = f"/v1/me/moves/{made['id']}"
    assert client.get(page, signed_in_again(deps, resident)).json_body["held_up"] is True

    # The operator's list names it as `again` takes it, with why; the other councils' lists do not.
    listed = ["--stage", "test", "effects", "given-up"]
    assert main(listed) == 0
    shown = capsys.readouterr().out
    assert f"--event {event_id(made['id'])} --effect {FOLLOW}  tries: 1  why: RuntimeError(" in shown, shown
    assert main(["--council", "northlanarkshire", *listed]) == 0
    assert capsys.readouterr().out == "no effect is given up at this council (claims are kept 30 days)\n"
    again = ["--stage", "test", "effects", "again", "--event", event_id(made["id"]), "--effect", FOLLOW]
    elsewhere = ["--council", "northlanarkshire", *again]
    assert main(elsewhere) == 1  # York's event, asked for at another council: as if never made
    assert f"no event {event_id(made['id'])} is kept at this council" in capsys.readouterr().err
    monkeypatch.setattr(effects, "ATTEMPTS", 5)  # tries counted afresh: one failure is not the fifth
    assert main(again) == 1  # the cause not yet mended: failed again, and said so
    assert "failed again" in capsys.readouterr().err
    assert main(listed) == 0 and f"--event {event_id(made['id'])}" in capsys.readouterr().out  # still listed
    assert client.get(page, signed_in_again(deps, resident)).json_body["held_up"] is True  # not "under way"
    monkeypatch.setattr(following, "on_move", mended)  # the back office is back
    assert main(again) == 0
    assert "is carried out" in capsys.readouterr().out
    shown = client.get(page, signed_in_again(deps, resident)).json_body
    assert (shown["held_up"], shown["under_way"]) == (False, False)
    assert {p["name"] for p in shown["parts"]} >= {"address", "bin_days", "council_tax"}
    assert main(listed) == 0 and capsys.readouterr().out.startswith("no effect is given up")  # made: off the list
    assert main(again) == 1  # done: nothing to run again, nothing made twice
    assert "was not given up" in capsys.readouterr().err
    assert main(elsewhere) == 1 and "no event" in capsys.readouterr().err  # nor there, done or not
    assert main(["--stage", "test", "effects", "again", "--event", "move.MV-NOSUCHMOVE", "--effect", FOLLOW]) == 1
    assert "no event move.MV-NOSUCHMOVE" in capsys.readouterr().err


def test_the_given_up_list_is_last_tried_first_and_says_when_there_are_more(deps, monkeypatch, capsys):
    from datetime import datetime, timedelta, timezone
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")
    first = datetime(2026, 11, 27, 17, 0, tzinfo=timezone.utc)
    for n, effect in enumerate(("moving.follow", "business.follow", "schools.awards")):
        tried = first + timedelta(minutes=n)
        deps.effects.claim(f"kind.EV-{n}", effect, tried, tried, tried + timedelta(days=30))
        deps.effects.settle(f"kind.EV-{n}", effect, "failed", 5, "TimeoutError()")
    deps.effects.claim("kind.EV-9", "moving.follow", first, first, first + timedelta(days=30))
    deps.effects.settle("kind.EV-9", "moving.follow", "retry", 2, "TimeoutError()")  # tries left: not given up
    assert main(["--stage", "test", "effects", "given-up", "--limit", "2"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2026-11-27 17:02Z  --event kind.EV-2 --effect schools.awards  tries: 5  why: TimeoutError()",
        "2026-11-27 17:01Z  --event kind.EV-1 --effect business.follow  tries: 5  why: TimeoutError()",
        "and more: the 2 last tried are listed (--limit)"]
    assert main(["--stage", "test", "effects", "given-up"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3  # all three, and no line more


def test_a_claim_left_by_a_runner_that_died_is_run_again_once_stale_and_never_while_it_may_be_running(
        client, deps, people, council_morning, dies_after_commit, monkeypatch, capsys):
    from datetime import timedelta
    from chalicelib.handlers.moving.limits import FOLLOW, event_id
    from chalicelib.handlers.shared.effects import STALE_CLAIM
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")
    resident, made = told_and_left_to_the_stream(client, deps, people, dies_after_commit)
    now, event = deps.clock(), event_id(made["id"])
    deps.effects.claim(event, FOLLOW, now, now, now + timedelta(days=30))  # a runner took it, and died
    again = ["--stage", "test", "effects", "again", "--event", event, "--effect", FOLLOW]
    assert main(again) == 1 and "was not given up" in capsys.readouterr().err  # it may still be running
    council_morning.shift(STALE_CLAIM + timedelta(seconds=1))  # its job gone to the dead letters meanwhile
    assert main(again) == 0 and "is carried out" in capsys.readouterr().out
    shown = client.get(f"/v1/me/moves/{made['id']}", signed_in_again(deps, resident)).json_body
    assert {p["name"] for p in shown["parts"]} >= {"address", "bin_days", "council_tax"}


def test_a_runner_that_lost_its_claim_cannot_undo_what_another_carried_out_nor_leave_it_listed(deps):
    from datetime import datetime, timedelta, timezone
    at = datetime(2026, 11, 27, 17, 0, tzinfo=timezone.utc)
    for n, order in enumerate((("failed", "done"), ("done", "failed"))):
        deps.effects.claim(f"kind.EV-{n}", "moving.follow", at, at, at + timedelta(days=30))
        for status in order:  # the stale runner's and the one that took it over, in either order
            deps.effects.settle(f"kind.EV-{n}", "moving.follow", status, 1, "TimeoutError()")
        assert deps.effects.status(f"kind.EV-{n}", "moving.follow")[0] == "done"
    assert deps.effects.given_up(5) == []
