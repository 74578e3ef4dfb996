"""Posting one frame to many screens (a meeting's watchers): each screen's
answer in the order asked, a post that failed made once more, a gone screen
not posted to again."""
from types import SimpleNamespace


def test_a_post_that_failed_is_made_once_more_and_a_gone_screen_is_not(monkeypatch):
    from chalicelib.notify import sockets
    answers = {"slow": [sockets.FAILED, sockets.SENT], "lost": [sockets.FAILED, sockets.FAILED],
               "gone": [sockets.GONE], **{f"ok{n}": [sockets.SENT] for n in range(sockets.SERIAL_UP_TO)}}
    asked = []

    def post(self, connection_id, data):
        asked.append(connection_id)
        assert data == b'{"type": "live_question"}'
        return answers[connection_id].pop(0)
    monkeypatch.setattr(sockets._Poster, "__init__", lambda self, s: None)
    monkeypatch.setattr(sockets._Poster, "close", lambda self: None)
    monkeypatch.setattr(sockets._Poster, "post", post)
    ids = list(answers)
    outcomes = sockets.post_all(SimpleNamespace(), ids, {"type": "live_question"})
    assert outcomes == [sockets.SENT, sockets.FAILED, sockets.GONE, *[sockets.SENT] * sockets.SERIAL_UP_TO]
    assert sorted(asked) == sorted([*ids, "slow", "lost"])  # each once, the failed ones twice
