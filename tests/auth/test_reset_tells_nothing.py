"""Asking to reset a password tells a stranger nothing about whether the
address has an account: the same answer, and the same work behind it (a
link row written, one e-mail sent), so the answer's timing is the same too."""
from support.accounts_support import register


def work_done(client, email, monkeypatch):
    from chalicelib.notify import email as mail
    from chalicelib.storage.accounts.account_store import AccountStore
    done = []
    save, send = AccountStore.save_one_time, mail.send_email
    monkeypatch.setattr(AccountStore, "save_one_time", lambda self, row: (done.append("link row"), save(self, row)))
    monkeypatch.setattr(mail, "send_email", lambda *args, **kw: (done.append("e-mail"), send(*args, **kw))[1])
    answer = client.post("/v1/auth/password-reset", {"email": email})
    monkeypatch.undo()
    return answer.status_code, answer.json_body, done


def test_a_reset_for_an_address_with_no_account_does_the_same_work_and_answers_the_same(client, monkeypatch):
    register(client, "ada@example.org")
    known = work_done(client, "ada@example.org", monkeypatch)
    unknown = work_done(client, "nobody@example.org", monkeypatch)
    assert known == unknown and known[0] == 202 and known[2] == ["link row", "e-mail"]


def test_the_person_with_no_account_is_told_so_and_their_row_opens_nothing(client):
    from chalicelib.storage.outbox import OutboxModel
    client.post("/v1/auth/password-reset", {"email": "nobody@example.org"})
    [mail] = list(OutboxModel.recipient_index.query("nobody@example.org"))
    assert "no account uses it" in mail.body and "reset-password?token=" not in mail.body
