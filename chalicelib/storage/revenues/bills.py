"""Bills paid by reference (handlers/bills), one table:

- a bill: pk "bill#{id}", sk "bill": the fund, reference, amount, who paid
  (user id, e-mail), its payment id once made. Written with the
  Idempotency-Key's record in one transaction. A signed-in payer's bills
  carry `user_id`: the sparse `by_user` index lists them for My Account,
  newest first, in one Query. Every bill carries `account` ("{fund}#{reference}"):
  the `by_account` index lists the bills paid to one account, newest first
  (what the back office may not show yet, handlers/bills/unseen.py).
- a bill's payment reference (what the payer reads out, "PY-..."): pk
  "number#{it}", sk "number", written with the bill so no two bills share one.
- a posting: pk "day#{YYYY-MM-DD}", sk "posted#{payment id}" (or
  "reversed#{refund id}"): money handed to the fund's back office, written
  once (a conditional put) after it answered; a day's postings are one Query.
- a staff payment link: pk "link#{id}", sk "link": fund, reference, amount,
  expiry, used once (a conditional update), `paid_at` once its payment
  succeeded. Its `account` is "link#{fund}#{reference}" (a partition of
  `by_account` apart from the bills'), so the links made for one reference
  are one Query. Beside them, pk "linkfor#{fund}#{reference}", sk "latest":
  the newest link's id, written with each link under a condition on the one
  read, so two officers making a link for one reference at once are ordered.
"""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention


class ByUserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    sk_time = UnicodeAttribute(range_key=True)  # ISO creation time, then the id


class ByAccountIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_account"
        projection = AllProjection()

    account = CouncilKey(hash_key=True)  # "{fund}#{reference}"
    account_time = UnicodeAttribute(range_key=True)  # ISO creation time, then the id


class BillModel(Stored):
    class Meta:
        table_name = table("bills")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"row": "payment", "user_id": "identifier"}, whose="resident", part="pay", basis="public_task",
        recipients=("payments", "revenues"), purpose="A bill paid by reference and its posting to the fund",
        retention=Retention(after="paid", months=84, source="lga", note="LGA: payments, 6 years plus the current year"))

    pk = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    row = JSONAttribute()
    user_id = CouncilKey(null=True)
    sk_time = UnicodeAttribute(null=True)
    used_at = UnicodeAttribute(null=True)  # a payment link's use
    paid_at = UnicodeAttribute(null=True)  # a payment link's payment, once it succeeded
    latest = UnicodeAttribute(null=True)  # the newest payment link of a reference ("linkfor#" rows)
    payment_id = UnicodeAttribute(null=True)  # a bill's payment, once made
    status = UnicodeAttribute(null=True)  # how it finished, as its purpose was told
    account = CouncilKey(null=True)
    account_time = UnicodeAttribute(null=True)
    by_user = ByUserIndex()
    by_account = ByAccountIndex()


class BillStore:
    def __init__(self):
        bind()

    def create(self, bill, idempotency=None):
        """The bill, its payment reference's row, its key's record and, paid through a
        staff link (`bill["link"]`), the link taken (used at `bill["link_used_at"]`), one
        transaction (AlreadyExists("idempotency"): a twin took the key first;
        AlreadyExists("number"): another bill has its payment reference; EditConflict("link"):
        the link is used, or gone). The link's update is sent after the key's put, so a twin's
        use of the link, which comes with its key, is met as the key."""
        from ..reports.report_store import _claim_key
        parts = ["bill", "number"]
        user = bill.get("user_id")
        with writes(parts, exists={"bill", "number", "idempotency"}), transaction() as t:
            made = f"{bill['created_at']}#{bill['id']}"
            t.save(BillModel(pk=f"bill#{bill['id']}", sk="bill", row=bill, user_id=user, sk_time=made if user else None,
                             account=f"{bill['fund']}#{bill['reference']}", account_time=made),
                   condition=BillModel.pk.does_not_exist())
            t.save(BillModel(pk=f"number#{bill['payment_reference']}", sk="number", row={"bill_id": bill["id"]}),
                   condition=BillModel.pk.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            if bill.get("link"):
                t.update(BillModel(pk=f"link#{bill['link']}", sk="link"),
                         actions=[BillModel.used_at.set(bill["link_used_at"])],
                         condition=BillModel.pk.exists() & BillModel.used_at.does_not_exist())
                parts.append("link")

    def get(self, bill_id):
        found = get_or_none(BillModel, f"bill#{bill_id}", range_key="bill", consistent_read=True)
        return _bill(found) if found else None

    def set_payment(self, bill_id, payment_id):
        BillModel(pk=f"bill#{bill_id}", sk="bill").update(
            actions=[BillModel.payment_id.set(payment_id)], condition=BillModel.pk.exists())

    def set_status(self, bill_id, status):
        """How the bill's payment finished, as its purpose was told."""
        BillModel(pk=f"bill#{bill_id}", sk="bill").update(
            actions=[BillModel.status.set(status)], condition=BillModel.pk.exists())

    def of_user(self, user_id, limit=50):
        return [_bill(m) for m in BillModel.by_user.query(user_id, scan_index_forward=False, limit=limit,
                                                        page_size=limit)]

    def of_account(self, fund, reference, since, limit):
        """The bills paid to one account made at or after `since`, newest first, `limit` at most."""
        return [_bill(m) for m in BillModel.by_account.query(f"{fund}#{reference}", BillModel.account_time >= since,
                                                             scan_index_forward=False, limit=limit, page_size=limit)]

    def forget_user(self, user_id):
        """A user's bills kept (finance's record of money taken) without who paid:
        out of the index, the receipt address gone."""
        for model in BillModel.by_user.query(user_id):
            model.update(actions=[BillModel.user_id.remove(), BillModel.sk_time.remove(),
                                  BillModel.row.set({**model.row, "user_id": None, "email": None})])

    def add_posting(self, day, entry, row):
        """A posting (or reversal) written once; False when it was there already."""
        from ..errors import AlreadyExists
        try:
            with writes(["posting"], exists={"posting"}):
                BillModel(pk=f"day#{day}", sk=entry, row=row).save(condition=BillModel.sk.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def postings(self, day):
        return [m.row for m in BillModel.query(f"day#{day}", consistent_read=True)]

    def add_link(self, link, idempotency=None, event=None, latest=None):
        """A staff payment link, its key's record and the event that sends it (`pay_link_made`), one
        transaction, with its reference's newest-link row: EditConflict("latest") unless that row
        still names `latest` (None: no link made for the reference yet)."""
        from ..reports.report_store import EventModel, _claim_key, event_model
        parts = ["link", "latest"] + (["event"] if event is not None else [])
        account = f"link#{link['fund']}#{link['reference']}"
        with writes(parts, exists={"link", "idempotency", "event"}), transaction() as t:
            t.save(BillModel(pk=f"link#{link['id']}", sk="link", row=link, account=account,
                             account_time=f"{link['created_at']}#{link['id']}"),
                   condition=BillModel.pk.does_not_exist())
            t.save(BillModel(pk=f"linkfor#{link['fund']}#{link['reference']}", sk="latest", row={},
                             latest=link["id"]),
                   condition=BillModel.pk.does_not_exist() if latest is None else BillModel.latest == latest)
            if event is not None:
                t.save(event_model(event), condition=EventModel.id.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def link(self, link_id):
        found = get_or_none(BillModel, f"link#{link_id}", range_key="link", consistent_read=True)
        return _link(found) if found else None

    def links_for(self, fund, reference, limit=20):
        """(the newest link's id or None, [the reference's links, newest first, `limit` at most]):
        one GetItem of the newest-link row (consistent, so a link just made is never missed)
        and one Query of `by_account`; the newest read again when the index has not caught up."""
        newest = get_or_none(BillModel, f"linkfor#{fund}#{reference}", range_key="latest", consistent_read=True)
        latest = newest.latest if newest else None
        found = [_link(m) for m in BillModel.by_account.query(f"link#{fund}#{reference}", scan_index_forward=False,
                                                               limit=limit, page_size=limit)]
        if latest and all(link["id"] != latest for link in found):
            caught = self.link(latest)
            found = ([caught] if caught else []) + found
        return latest, found

    def paid_link(self, link_id, used_at, at):
        """A link's payment succeeded: the link paid (only the use that took it)."""
        from ..errors import EditConflict
        try:
            with writes(["link"]):
                BillModel(pk=f"link#{link_id}", sk="link").update(
                    actions=[BillModel.paid_at.set(at)], condition=BillModel.used_at == used_at)
        except EditConflict:
            pass

    def release_link(self, link_id, used_at):
        """A link whose payment did not go through may be used again (only the use that took it)."""
        from ..errors import EditConflict
        try:
            with writes(["link"]):
                BillModel(pk=f"link#{link_id}", sk="link").update(
                    actions=[BillModel.used_at.remove()], condition=BillModel.used_at == used_at)
        except EditConflict:
            pass


def _link(model):
    return {**model.row, "used_at": model.used_at, "paid_at": model.paid_at}


def _bill(model):
    return {**model.row, "payment_id": model.payment_id or model.row.get("payment_id"), "status": model.status}
