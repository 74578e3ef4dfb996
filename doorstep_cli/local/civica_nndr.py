"""The local back office's business rates (the `docid`s are ours, in Civica's
style: chalicelib/handlers/revenues/civica/nndr.py): demo non-domestic
premises per council by UPRN (FICTIONAL rateable values, each chosen for a
rule's edge: docs/decisions/starting-a-business.md), and new ratepayers'
occupations, one kept per request key, whatever number of times it is sent."""
from __future__ import annotations

from datetime import datetime, timedelta
from xml.etree.ElementTree import Element

from doorstep_cli.local import civica_answers as answers

DOCIDS = ("nndrprop", "nndrocc")
WINDOW = (timedelta(days=365), timedelta(days=183))  # an occupation a year back to six months ahead
# By council: UPRN -> the premises (its reference, rateable value in whole pounds, the list's words).
PREMISES = {
    "york": {
        "990000000103": {"ref": "N0009001", "rv": 13500, "description": "Shop and premises"},
    },
    "newcastle-under-lyme": {
        "990100000901": {"ref": "N0012001", "rv": 13500, "description": "Shop and premises"},  # 50% in England
        "990100000902": {"ref": "N0012002", "rv": 12000, "description": "Cafe and premises"},  # 100%: the edge
        "990100000903": {"ref": "N0012003", "rv": 16000, "description": "Shop and premises"},  # none in England
    },
    "north-lanarkshire": {
        "990200000901": {"ref": "N0021001", "rv": 16000, "description": "Shop and premises"},  # 20% in Scotland
    },
}


class Rates:
    def __init__(self, council):
        self.premises = PREMISES.get(council, {})
        self.kept = {}  # reqkey -> {"reference", "form", "received"}

    def handles(self, docid):
        return docid in DOCIDS

    def state(self):
        return dict(self.kept)

    def restore(self, kept):
        self.kept = dict(kept or {})

    def answer(self, docid, params, form, today, now):
        """The XML answer to one call; called under the office's lock."""
        if docid == "nndrprop":
            found = self.premises.get(params.get("uprn", ""))
            if found is None:
                return answers.error("Property Not Found", "6", root="NndrProperty")
            node = Element("NndrProperty")
            answers._add(node, "ErrorCode", "0", Description="Property Found")
            answers._add(node, "PropertyRef", found["ref"])
            answers._add(node, "RateableValue", str(found["rv"]))
            answers._add(node, "Description", found["description"])
            answers._add(node, "Occupied", "Y" if self._occupied(found["ref"]) else "N")
            return answers.xml(node)
        return self._occupation(form or {}, today, now)

    def _occupied(self, ref):
        return any(k["form"].get("propref") == ref for k in self.kept.values())

    def _occupation(self, form, today, now):
        key = form.get("reqkey", "")
        if not key:
            return answers.error("Request Key Required", "11", root="NndrRequest")
        earlier = self.kept.get(key)
        if earlier is not None:
            return _receipt(earlier["reference"], "Request Already Received")
        if form.get("propref") not in {p["ref"] for p in self.premises.values()}:
            return answers.error("Property Not Found", "6", root="NndrRequest")
        try:
            when = datetime.strptime(form.get("occdate", ""), "%d-%b-%Y").date()
        except ValueError:
            return answers.error("Invalid Date", "10", root="NndrRequest")
        if not today - WINDOW[0] <= when <= today + WINDOW[1]:
            return answers.error("Date Outside Accepted Range", "10", root="NndrRequest")
        if not form.get("ratepayer") or form.get("ratepayerkind") not in ("person", "company"):
            return answers.error("Ratepayer Required", "10", root="NndrRequest")
        reference = f"NR{len(self.kept) + 1:07d}"
        self.kept[key] = {"reference": reference, "form": dict(form), "received": now.isoformat()}
        return _receipt(reference, "Request Received")


def _receipt(reference, description):
    node = Element("NndrRequest")
    answers._add(node, "ErrorCode", "0", Description=description)
    answers._add(node, "RequestReference", reference)
    return answers.xml(node)
