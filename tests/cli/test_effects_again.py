"""An effect given up after its tries is run once more by the operator, once its cause is mended:
`doorstep effects again`, named as the alarm's log line names it, and only once."""
from support.effects_support import dies_after_commit, given_up, run_stream  # noqa: F401 (a fixture)
from support.moving_support import signed_in_again, told_and_left_to_the_stream
from support.revenues_support import council_morning  # noqa: F401 (a fixture)


def test_a_moves_changes_given_up_are_made_by_the_operator_once_its_cause_is_mended(
        client, deps, people, council_morning, dies_after_commit, monkeypatch, capsys, caplog):
    from chalicelib.handlers.moving import following
    from chalicelib.handlers.moving.limits import FOLLOW, event_id
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

    again = ["--stage", "test", "effects", "again", "--event", event_id(made["id"]), "--effect", FOLLOW]
    assert main(again) == 1  # the cause not yet mended: failed again, and said so
    assert "failed again" in capsys.readouterr().err
    monkeypatch.setattr(following, "on_move", mended)  # the back office is back
    assert main(again) == 0
    assert "is carried out" in capsys.readouterr().out
    shown = client.get(page, signed_in_again(deps, resident)).json_body
    assert (shown["held_up"], shown["under_way"]) == (False, False)
    assert {p["name"] for p in shown["parts"]} >= {"address", "bin_days", "council_tax"}
    assert main(again) == 1  # done: nothing to run again, nothing made twice
    assert "was not given up" in capsys.readouterr().err
    assert main(["--stage", "test", "effects", "again", "--event", "move.MV-NOSUCHMOVE", "--effect", FOLLOW]) == 1
    assert "no event move.MV-NOSUCHMOVE" in capsys.readouterr().err
