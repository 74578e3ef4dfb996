"""Residents who said "me too" about a report, and its count of them.

One item per report per canonical e-mail (sort key: its digest), so one
person supports a report once: a signed-in resident's item is put counted,
an e-mail given waits "pending" until its link is followed. The count is
the report's own `supporters`, changed in the same transaction that puts or
confirms the supporter (with the report's version and its staff inbox rows,
which sort by it): the one write that makes a supporter counted adds one,
and a retry, a second tab or a twin request adds nothing. Withdrawing is the
mirror: the one delete that finds the supporter still counted takes one off,
in the same transaction, never below zero. The `by_person` index (the
canonical e-mail's digest, then the report) lists a person's supports for
their account's export: one Query, reading what it returns.
"""
from pynamodb.attributes import TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..records import Supporter
from ..data_map import KEPT_AS_A_REPORT, Holds


class PersonIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_person"
        projection = AllProjection()

    key = CouncilKey(hash_key=True)
    report_id = UnicodeAttribute(range_key=True)


class SupporterModel(Stored):
    class Meta:
        table_name = table("supporters")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "user_id": "identifier", "key": "identifier"}, whose="resident",
        part="reports", basis="public_task", recipients=("mailer",),
        purpose="A resident who said \"me too\" about a report, counted once and told how it goes",
        retention=KEPT_AS_A_REPORT)

    report_id = CouncilKey(hash_key=True)
    key = CouncilKey(range_key=True)
    email = UnicodeAttribute()
    state = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    sent_at = UTCDateTimeAttribute(null=True)
    confirm_hash = UnicodeAttribute(null=True)
    user_id = UnicodeAttribute(null=True)
    confirmed_at = UTCDateTimeAttribute(null=True)
    expires = TTLAttribute(null=True)  # pending ones only; moto never expires: readers check it
    by_person = PersonIndex()


class SupporterStore:
    def __init__(self):
        bind()

    def get(self, report_id, key):
        return record_of(Supporter, get_or_none(SupporterModel, report_id, range_key=key, consistent_read=True))

    def add_pending(self, supporter):
        """Put a pending supporter; AlreadyExists when this e-mail has one on this report."""
        with writes(["supporter"], exists={"supporter"}):
            model_of(SupporterModel, supporter).save(condition=SupporterModel.key.does_not_exist())

    def resend(self, supporter, confirm_hash, now, sent_before, expires):
        """Take the right to send a pending supporter's link again: True for
        the one caller that finds it last sent before `sent_before`."""
        try:
            with writes(["supporter"]):
                SupporterModel(supporter.report_id, supporter.key).update(
                    actions=[SupporterModel.sent_at.set(now), SupporterModel.confirm_hash.set(confirm_hash),
                             SupporterModel.expires.set(expires)],
                    condition=(SupporterModel.state == "pending") & (SupporterModel.sent_at < sent_before))
        except EditConflict:
            return False
        return True

    def count(self, report, supporter, now):
        """Make `supporter` counted and add one to `report.supporters`, in one
        transaction with the report (its version refuses a stale copy:
        EditConflict("report"), read it again and retry) and its inbox rows.
        A new supporter is put (AlreadyExists("supporter") when one is
        there); a pending one moves to counted (EditConflict("supporter")
        when it is not pending any more). Returns the new count."""
        from .report_store import _save_report, _settle
        report.supporters = int(report.supporters or 0) + 1
        parts = []
        try:
            with writes(parts, exists={"supporter"} if supporter.state != "pending" else ()), transaction() as t:
                if supporter.state == "pending":
                    t.update(SupporterModel(supporter.report_id, supporter.key), actions=[
                        SupporterModel.state.set("counted"), SupporterModel.confirmed_at.set(now),
                        SupporterModel.expires.remove()],
                        condition=(SupporterModel.state == "pending")
                        & (SupporterModel.confirm_hash == supporter.confirm_hash))
                else:
                    t.save(model_of(SupporterModel, supporter), condition=SupporterModel.key.does_not_exist())
                parts.append("supporter")
                saved = _save_report(t, parts, report)
        except (AlreadyExists, EditConflict):
            report.supporters -= 1
            raise
        _settle(report, saved)
        supporter.state, supporter.confirmed_at, supporter.expires = "counted", now, None
        return report.supporters

    def withdraw(self, report, supporter):
        """Delete a counted `supporter` and take one from `report.supporters`
        (never below zero) in one transaction with the report and its inbox
        rows. EditConflict("supporter") when it is no longer counted (a twin
        withdrawal won), EditConflict("report") for a stale report: read both
        again. Returns the new count."""
        from .report_store import _save_report, _settle
        before = int(report.supporters or 0)
        report.supporters = max(0, before - 1)
        parts = []
        try:
            with writes(parts), transaction() as t:
                t.delete(SupporterModel(supporter.report_id, supporter.key),
                         condition=SupporterModel.state == "counted")
                parts.append("supporter")
                saved = _save_report(t, parts, report)
        except EditConflict:
            report.supporters = before
            raise
        _settle(report, saved)
        return report.supporters

    def forget_pending(self, supporter):
        """Delete a supporter whose link was never followed (nothing was
        counted); False when it was counted meanwhile."""
        try:
            with writes(["supporter"]):
                SupporterModel(supporter.report_id, supporter.key).delete(condition=SupporterModel.state == "pending")
        except EditConflict:
            return False
        return True

    def forget_report(self, report_id):
        """Every "me too" row of a report gone (the retention sweep's: who said it and where they are
        told), its count on the report kept. One Query, one DeleteItem each; how many."""
        gone = 0
        for row in SupporterModel.query(report_id, consistent_read=True):
            SupporterModel(row.report_id, row.key).delete()
            gone += 1
        return gone

    def of_person(self, key, limit=1000):
        """The supports made with one canonical e-mail (its digest `key`), by report id."""
        return [record_of(Supporter, m) for m in SupporterModel.by_person.query(key, limit=limit)]


__all__ = ["SupporterStore", "SupporterModel"]
