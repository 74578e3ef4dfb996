"""The local back office's side of payment postings (the `docid`s are ours,
in Civica's style: chalicelib/handlers/revenues/civica/payments.py).

One posting is kept per key (`payref`), whatever number of times it is sent:
a resend answers the same reference ("Payment Already Posted"). A reference
the office does not hold is posted to suspense, as cash receipting does; a
posting without a key, with an amount that is not money, or a reversal of a
payment never posted, is refused.

A payment taken shows on its account at once (`on_account`): in the account's
transactions with its key (`<PayRef>`, as cash receipting keeps the payer's
reference), in its balance, and ahead of plan (it covers the next instalments
first: civica_answers.details). A reversal takes its payment back out."""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from doorstep_cli.local import civica_answers as answers, civica_data as data

DOCIDS = ("ctxpay", "ctxrev")


class Payments:
    def __init__(self):
        self.kept = {}  # payref -> {"reference", "docid", "form"}
        self.calls = 0  # postings received, resends included

    def handles(self, docid):
        return docid in DOCIDS

    def state(self):
        return {"kept": self.kept}

    def restore(self, state):
        self.kept = dict(state.get("kept", {}))

    def take(self, docid, form):
        """The XML answer to one posting; called under the office's lock."""
        self.calls += 1
        key = form.get("payref", "")
        if not key or not re.fullmatch(r"[0-9]+\.[0-9]{2}", form.get("amount", "")):
            return answers.error("Payment Key And Amount Required", "11", root="PaymentPosting")
        reversal = docid == "ctxrev"
        earlier = self.kept.get(key)
        if earlier is not None:
            return _posted(earlier["reference"], "Reversal Already Posted" if reversal else "Payment Already Posted")
        if reversal and form.get("origref") not in self.kept:
            return answers.error("Original Payment Not Found", "12", root="PaymentPosting")
        reference = f"CP{len(self.kept) + 1:07d}"
        self.kept[key] = {"reference": reference, "docid": docid, "form": dict(form)}
        if reversal:
            return _posted(reference, "Reversal Posted")
        known = form.get("actref") in data.ACCOUNTS or form.get("module") != "C"
        return _posted(reference, "Payment Posted" if known else "Payment Posted To Suspense")

    def on_account(self, ref):
        """[(day paid, pence, payref)] of the card payments posted to account `ref`,
        less reversals (negative); called under the office's lock."""
        found = []
        for key, p in self.kept.items():
            form = p["form"]
            original = self.kept.get(form.get("origref", "")) if p["docid"] == "ctxrev" else p
            if original is None or original["form"].get("actref") != ref or original["form"].get("module") != "C":
                continue
            pence = int(form["amount"].replace(".", ""))
            found.append((answers.day_of(form.get("paydate", "")), -pence if p["docid"] == "ctxrev" else pence, key))
        return found

    def posted(self, docid="ctxpay"):
        return [p for p in self.kept.values() if p["docid"] == docid]


def _posted(reference, description):
    node = Element("PaymentPosting")
    answers._add(node, "ErrorCode", "0", Description=description)
    answers._add(node, "PostingReference", reference)
    return answers.xml(node)
