"""How it went, at the end of a transaction (issue 72, item 1): one answer per transaction on GOV.UK's
five points, changeable for a day, counted with it, anonymous, and refused for anything not a real
transaction of this council's."""
from datetime import datetime, timedelta, timezone

import pytest
import time_machine

from chalicelib import tenancy
from support.racing import Rounds, at_once

PAID = datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)  # 23:30 on 30 November: still November in London


def _asked(deps, service="bills", reference="PY-ABCDEFGH", channel="online", moment=PAID):
    from chalicelib.handlers.feedback import counting
    return counting.finished(deps.replace(clock=lambda: moment), service, reference, channel)


def _counts(deps, month="2026-11", service="bills"):
    return deps.feedback.year(month, month).get((month, service), {})


def test_a_paid_bill_asks_once_and_its_answer_is_counted_in_the_month_it_was_paid(client, deps):
    asked = _asked(deps)
    assert asked["token"] == _asked(deps)["token"]  # the same question every time: one answer per transaction
    with time_machine.travel(PAID + timedelta(minutes=5), tick=False):
        r = client.post("/v1/feedback", {"token": asked["token"], "rating": 2, "improve": "The card page timed out."})
    assert r.status_code == 201, r.json_body
    assert r.json_body == {"service": "bills", "rating": 2, "improve": "The card page timed out.",
                           "reply_asked": False, "changeable_until": "2026-12-01T23:35:00Z"}
    counts = _counts(deps)
    assert (counts["finished_online"], counts["answers_online_2"]) == (1, 1)  # asked twice, finished once


def test_the_same_answer_again_is_a_safe_retry_and_another_within_a_day_replaces_it(client, deps):
    token = _asked(deps, reference="PY-RETRYRET")["token"]
    with time_machine.travel(PAID, tick=False):
        first = client.post("/v1/feedback", {"token": token, "rating": 1})
        again = client.post("/v1/feedback", {"token": token, "rating": 1})
        assert (first.status_code, again.status_code) == (201, 201)
        assert again.headers.get("Idempotent-Replayed") == "true"
    with time_machine.travel(PAID + timedelta(hours=23), tick=False):
        changed = client.post("/v1/feedback", {"token": token, "rating": 4})
    assert changed.status_code == 201 and changed.json_body["rating"] == 4
    counts = _counts(deps)
    assert (counts["answers_online_1"], counts["answers_online_4"]) == (0, 1)
    with time_machine.travel(PAID + timedelta(hours=24, seconds=1), tick=False):
        late = client.post("/v1/feedback", {"token": token, "rating": 5})
    assert late.status_code == 409 and late.json_body["error"]["code"] == "feedback_closed"
    assert _counts(deps)["answers_online_4"] == 1


def test_answers_to_one_transaction_at_once_count_once(client, deps):
    token = _asked(deps, reference="PY-RACERSRA")["token"]
    with time_machine.travel(PAID, tick=False):
        answers = at_once(lambda rating: client.post("/v1/feedback", {"token": token, "rating": rating}), [3, 3, 3, 3])
    assert {a.status_code for a in answers} == {201}
    counts = _counts(deps)
    assert sum(counts[f"answers_online_{r}"] for r in range(1, 6)) == 1


def test_twenty_changes_to_one_answer_at_once_are_never_told_it_is_closed(client, deps, monkeypatch):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.feedback.answering import answer
    from chalicelib.storage.feedback.feedback import FigureStore
    token = _asked(deps, reference="PY-CHANGERS")["token"]
    now = deps.replace(clock=lambda: PAID)  # the handler itself: twenty phones, not one client's rate limit
    answer(now, {"token": token, "rating": 3})
    # Each round, every racer still racing reads the answer before any writes: one change wins a round.
    rounds = Rounds(monkeypatch, FigureStore, "answer", 20)

    def change(n):
        try:
            return 201 if answer(now, {"token": token, "rating": 1 + n % 5, "improve": f"Change {n}"})[1] else 200
        except ApiError as e:
            return e.status, e.code, str(e)
        finally:
            rounds.leave()
    answers = at_once(change, range(20))
    told = [a for a in answers if isinstance(a, tuple)]
    print(f"\n20 changes to one answer at once: {answers.count(201)} made, {answers.count(200)} the same again, "
          f"{len(told)} told {sorted({a[:2] for a in told})}")
    assert {a[:2] for a in told} == {(409, "feedback_changed")}
    assert all("at the same moment" in words and "again" in words for _, _, words in told)
    counts = _counts(deps)
    assert sum(counts[f"answers_online_{r}"] for r in range(1, 6)) == 1  # one answer, counted once


@pytest.mark.parametrize("body,field", [
    ({"rating": 3}, "token"),
    ({"token": "x", "rating": 0}, "rating"),
    ({"token": "x", "rating": 6}, "rating"),
    ({"token": "x", "rating": True}, "rating"),
    ({"token": "x", "rating": "5"}, "rating"),
    ({"token": "x", "rating": 3, "improve": "x" * 1201}, "improve"),
    ({"token": "x", "rating": 3, "reply_email": "not an address"}, "reply_email"),
    ({"token": "x", "rating": 3, "name": "Ada"}, "name"),
])
def test_bad_answers_are_refused_with_the_field_and_nothing_is_counted(client, deps, body, field):
    r = client.post("/v1/feedback", body)
    assert r.status_code == 400, r.json_body
    assert field in [f["field"] for f in r.json_body["error"]["fields"]]
    assert deps.feedback.year("2026-01", "2027-12") == {}


def test_a_token_of_another_council_or_forged_opens_nothing(client, deps):
    from support.councils_support import NL_HOST, add, at, north_lanarkshire, york
    add(deps, york(), north_lanarkshire())
    token = _asked(deps, reference="PY-YORKYORK")["token"]
    there = client.post("/v1/feedback", {"token": token, "rating": 5}, at(NL_HOST))
    assert there.status_code == 404
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.post("/v1/feedback", {"token": forged, "rating": 5}).status_code == 404
    with tenancy.acting_for("north-lanarkshire"):
        assert deps.replace().feedback.year("2026-01", "2027-12") == {}


def test_an_answer_keeps_nothing_of_who_gave_it_unless_a_reply_is_asked_for(client, deps, people):
    from chalicelib.handlers.feedback import tokens
    token = _asked(deps, reference="PY-ANONANON")["token"]
    ada = people("resident")
    assert client.post("/v1/feedback", {"token": token, "rating": 5}, ada.auth).status_code == 201
    kept = deps.feedback.answer(tokens.hashed(token))
    stored = str(kept.attribute_values)
    assert ada.user.email not in stored and ada.user.id not in stored and "PY-ANONANON" not in stored
    assert kept.reply is None
    other = _asked(deps, reference="PY-REPLYREP")["token"]
    client.post("/v1/feedback", {"token": other, "rating": 1, "reply_email": "Ada@Example.org"})
    assert deps.feedback.answer(tokens.hashed(other)).reply == {"email": "ada@example.org"}


def test_personal_details_in_the_words_are_marked_for_the_services_officers_to_check(client, deps):
    from chalicelib.handlers.feedback import privacy, tokens
    token = _asked(deps, reference="PY-PRIVATEP")["token"]
    words = "Call me on 07700 900123 or ada@example.org, I live at YO1 7HH, card 4929 1234 5678 9012."
    with time_machine.travel(PAID, tick=False):
        client.post("/v1/feedback", {"token": token, "rating": 2, "improve": words})
    kept = deps.feedback.answer(tokens.hashed(token))
    assert kept.improve == words  # as written, for the service's officers
    assert kept.flagged == ["email", "phone", "postcode", "number"]
    assert privacy.found(words)[0] == ("Call me on [removed] or [removed], I live at [removed], card [removed].")


def test_a_start_is_counted_with_nothing_kept_of_who_started(client, deps):
    with time_machine.travel(PAID, tick=False):
        for _ in range(3):
            assert client.post("/v1/feedback/starts", {"service": "halls"}).status_code == 204
        assert client.post("/v1/feedback/starts", {"service": "parking"}).status_code == 400
    assert _counts(deps, service="halls") == {**{k: 0 for k in _counts(deps, service="halls")}, "started_online": 3}


def _throttled():
    """Every row of the throttle table, as text: its key and its count."""
    from chalicelib.storage.counters import CounterModel
    return [f"{row.key} {row.count}" for row in CounterModel.scan()]


def test_a_starts_rate_limit_holds_with_nothing_kept_of_who_started(client, deps, people):
    """The limit stored the account id or the address in the throttle table for up to an hour: it keeps a
    keyed hash of them now, its key drawn for the hour, so a row says nothing of who once the hour is gone."""
    with time_machine.travel(PAID, tick=False):
        resident = people()
        sent = [client.post("/v1/feedback/starts", {"service": "halls"}).status_code for _ in range(31)]
        theirs = [client.post("/v1/feedback/starts", {"service": "halls"}, resident.auth).status_code
                  for _ in range(31)]
    assert sent == theirs == [204] * 30 + [429]  # the minute's 30, for an address and for an account apart
    rows = _throttled()
    assert any(row.startswith("create-start#") for row in rows)
    assert not [row for row in rows if "127.0.0.1" in row or resident.user.id in row or "address:" in row
                or "user:" in row]
    with time_machine.travel(PAID + timedelta(hours=1), tick=False):
        assert client.post("/v1/feedback/starts", {"service": "halls"}).status_code == 204
    subjects = {}
    for row in _throttled():
        name, subject, window, start = row.split(" ")[0].split("#")
        subjects.setdefault(int(start) // 3600, set()).add(subject)
    earlier, later = sorted(subjects)[0], sorted(subjects)[-1]
    assert earlier != later and not subjects[earlier] & subjects[later]  # another hour, another key
