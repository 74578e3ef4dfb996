"""The local back office's side of a move it has taken (`ctxmovestat`, ours,
in Civica's style: chalicelib/handlers/revenues/civica/requests.py): the old
account closing from the move date, and the new home's account, which the
office opens as its officers would once they have worked the request.

An account is opened for a move within or into the area, OPEN_AFTER after the
request was received by the office's clock (tests, whose office clock stands
still, open it by `open_all`), for the person who sent it, at the address the
request gives, carrying the old account's way of paying (IEG4's change of
address carries Direct Debit over). Opened accounts join the demo accounts
(civica_data.ACCOUNTS) while the office runs, so linking's check finds them,
and leave them when it stops; their references are kept in the state file."""
from __future__ import annotations

from datetime import datetime, timedelta
from xml.etree.ElementTree import Element

from doorstep_cli.local import civica_answers as answers, civica_data as data

OPEN_AFTER = timedelta(minutes=2)
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)  # the council's check digit (revenues/references.py)


def _reference(n):
    """The n-th opened account's reference: 50077..., skipping numbers with no check digit."""
    while True:
        # eight digits whatever n: "50077" and n's three, the next block's "50078" ("50077" and four made
        # a ten-digit reference, refused by the rule linking checks)
        first = f"{50077000 + n:08d}"
        digit = (11 - sum(int(d) * w for d, w in zip(first, WEIGHTS)) % 11) % 11
        if digit != 10:
            return first + str(digit)
        n += 1000  # never issued: the next block


class Moves:
    def __init__(self, requests):
        self.requests = requests  # civica_requests.Requests: what was taken, by request key
        self.opened = {}  # request key -> the new account's reference

    def state(self):
        return dict(self.opened)

    def restore(self, opened):
        for key, reference in (opened or {}).items():
            if key in self.requests.kept:
                self._open(key, reference)

    def answer(self, person, form, now):
        key = form.get("reqkey", "")
        kept = self.requests.kept.get(key)
        if kept is None or kept["kind"] != "move" or kept["person"] != person or kept["account"] != form.get("actref"):
            return answers.error("Request Not Found", "12", root="CtaxMoveStatus")
        received = kept.get("received")
        if received and now - datetime.fromisoformat(received) >= OPEN_AFTER:
            self.open(key)
        node = Element("CtaxMoveStatus")
        answers._add(node, "ErrorCode", "0", Description="Request Found")
        answers._add(node, "RequestReference", kept["reference"])
        if kept["form"].get("movetype") in ("out", "within"):
            answers._add(node, "ClosingDate", kept["form"].get("movedate", ""))
        if key in self.opened:
            answers._add(answers._add(node, "NewAccount"), "CtaxActRef", self.opened[key])
        return answers.xml(node)

    def open_all(self):
        for key in list(self.requests.kept):
            self.open(key)

    def open(self, key):
        kept = self.requests.kept[key]
        if key in self.opened or kept["kind"] != "move" or kept["form"].get("movetype") not in ("in", "within"):
            return
        self._open(key, _reference(len(self.opened) + 1))

    def _open(self, key, reference):
        kept = self.requests.kept[key]
        old, form = data.ACCOUNTS[kept["account"]], kept["form"]
        data.ACCOUNTS[reference] = {
            **old, "people": [kept["person"]], "place_ref": form.get("newuprn", ""),
            "lines": [line.strip() for line in form.get("address", "").split(",") if line.strip()],
            "postcode": form.get("postcode", ""), "online_key": f"NEW{reference[-4:]}-{reference[5:8]}",
            "missed": 0, "discounts": [], "closed": False, "brought_forward": 0, "ctr_weekly": 0}
        self.opened[key] = reference

    def forget(self):
        """The opened accounts leave the demo data (the office stops)."""
        for reference in self.opened.values():
            data.ACCOUNTS.pop(reference, None)
