"""The local back office's side of a resident's requests (the `docid`s are
ours, in Civica's style: chalicelib/handlers/revenues/civica/requests.py).

One request is kept per request key, whatever number of times it is sent:
a resend answers the same reference ("Request Already Received"), which is
how a try after a crash is recognised. Dates outside what the office
accepts (WINDOW around today) are refused with ErrorCode 10; paperless
consent is each person's own, kept per (account, person)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from xml.etree.ElementTree import Element

from doorstep_cli.local import civica_answers as answers, civica_data as data

DOCIDS = {"ctxebill": "paperless", "ctxmove": "move", "ctxspd": "single_person_discount",
          "ctxinstday": "instalment_day"}
WINDOW = (timedelta(days=365), timedelta(days=183))  # a move or discount dated a year back to six months ahead


class Requests:
    def __init__(self):
        self.kept = {}  # request key -> {"reference", "kind", "account", "person", "form"}
        self.paperless = {}  # (account, person) -> True/False

    def handles(self, docid):
        return docid in DOCIDS

    def state(self):
        return {"kept": self.kept, "paperless": [[a, p, v] for (a, p), v in self.paperless.items()]}

    def restore(self, state):
        self.kept = dict(state.get("kept", {}))
        self.paperless = {(a, p): v for a, p, v in state.get("paperless", [])}

    def take(self, docid, person, form, today, now=None):
        """The XML answer to one request. Called under the office's lock, so
        two sends of one key at once keep one request."""
        key, account = form.get("reqkey", ""), form.get("actref", "")
        if not key:
            return answers.error("Request Key Required", "11", root="CtaxRequest")
        if account not in data.ACCOUNTS or person not in data.ACCOUNTS[account]["people"]:
            return answers.error("Account Not Found For Person", "6", root="CtaxRequest")
        earlier = self.kept.get(key)
        if earlier is not None:
            return _receipt(earlier["reference"], "Request Already Received")
        refused = _refusal(DOCIDS[docid], form, today)
        if refused:
            return answers.error(refused, "10", root="CtaxRequest")
        reference = f"CR{len(self.kept) + 1:07d}"
        self.kept[key] = {"reference": reference, "kind": DOCIDS[docid], "account": account, "person": person,
                          "form": dict(form), "received": now.isoformat() if now else None}
        if docid == "ctxebill":
            self.paperless[(account, person)] = form.get("ebill") == "Y"
        return _receipt(reference, "Request Received")

    def count(self, kind=None):
        return sum(1 for r in self.kept.values() if kind is None or r["kind"] == kind)


def _refusal(kind, form, today):
    field = {"move": "movedate", "single_person_discount": "effdate"}.get(kind)
    if field:
        try:
            when = datetime.strptime(form.get(field, ""), "%d-%b-%Y").date()
        except ValueError:
            return "Invalid Date"
        if not today - WINDOW[0] <= when <= today + WINDOW[1]:
            return "Date Outside Accepted Range"
        if kind == "move" and form.get("movetype") not in ("in", "out", "within"):
            return "Invalid Move Type"
    if kind == "single_person_discount" and form.get("action") not in ("apply", "end"):
        return "Invalid Action"
    if kind == "instalment_day" and form.get("instday") not in {str(d) for d in range(1, 29)}:
        return "Invalid Instalment Day"
    if kind == "paperless" and form.get("ebill") not in ("Y", "N"):
        return "Invalid Ebill Flag"
    return None


def _receipt(reference, description):
    node = Element("CtaxRequest")
    answers._add(node, "ErrorCode", "0", Description=description)
    answers._add(node, "RequestReference", reference)
    return answers.xml(node)


def window(today: date):
    return today - WINDOW[0], today + WINDOW[1]
