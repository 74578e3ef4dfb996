"""Licensing: the council's licence types, its cases, representations, and
the tallies that hold a temporary event notice's yearly limits.

- `licence-types`: one item per council ("types"): its licence types as
  data (handlers/licensing/catalogue.py checks them), versioned.
- `licence-cases`: one item per application or notice. The sparse `user`
  index lists an applicant's own; the sparse `register` index (partition
  "register", sort `type#state#id`) lists what the public register shows,
  so a page of it is one Query reading only what it returns.
- `licence-representations`: one item per representation, under its case.
- `licence-nr3s`: the council's outgoing record for NR3S (the national register
  of taxi licence refusals, revocations and suspensions): one item per
  decision, under its case, written with the case's change.
- `licence-tallies`: one item per premises (or premises user) and calendar
  year: the notices given, the late ones, the days covered, and `seq`. A
  notice is given in one transaction with every tally it counts against,
  each conditional on being as read (or absent), so of two people giving
  the last notice at once one is written and the other reads again.
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import NONE, Holds, Retention
from ..errors import AlreadyExists, EditConflict
from ..records import LicenceCase, Representation

REGISTER = "register"
# A licence's case is kept as the licensing register is: the law asks for the register, not a period.
KEPT_AS_A_LICENCE = Retention(after="ended", months=72, then="anonymise", source="project",
                              note="six years after the licence ends or the application is decided, as the LGA "
                                   "keeps licensing records")


class TallyReadAgain(EditConflict):
    """A tally changed between its read and the write: read it again and decide again."""


class LicenceTypesModel(Stored):
    class Meta:
        table_name = table("licence-types")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    id = CouncilKey(hash_key=True)
    types = JSONAttribute()
    version = NumberAttribute()


class CaseUserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class CaseRegisterIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "register"
        projection = AllProjection()

    register = CouncilKey(hash_key=True)
    register_sort = UnicodeAttribute(range_key=True)


class CaseDeemedIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "deemed"
        projection = AllProjection()

    deemed = CouncilKey(hash_key=True)  # "deemed" while undecided with a deemed grant's day ahead
    deemed_on = UnicodeAttribute(range_key=True)


class CaseRemindIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "remind"
        projection = AllProjection()

    remind = CouncilKey(hash_key=True)  # "remind" while a licence has a reminder ahead
    remind_on = UnicodeAttribute(range_key=True)  # its day, YYYY-MM-DD


class CaseCheckDueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "checkdue"
        projection = AllProjection()

    checkdue = CouncilKey(hash_key=True)  # "due", then "flagged" once the job has flagged it: a licence with a check ahead
    checkdue_on = UnicodeAttribute(range_key=True)  # its day, YYYY-MM-DD


class LicenceCaseModel(Stored):
    class Meta:
        table_name = table("licence-cases")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "applicant": "contact", "premises": "address", "answers_reference": "identifier",
                "decision": "free_text", "conditions": "free_text", "payment_id": "payment", "event": "free_text",
                "documents": "free_text", "requests": "free_text", "checks": "identifier",
                "annual_fee": "payment"},
        whose="licensee", part="licensing", basis="public_task", recipients=("public", "payments", "mailer"),
        purpose="An application for a licence or a notice given: who applied, for which premises, its statutory "
                "dates, the decision and the licence; the register shows the premises, the licence and its "
                "conditions, never the applicant's contact details",
        not_personal={"premises_key": "what a notice's yearly limits count by: the premises, not a person",
                      "renews": "the licence a renewal continues: its case, number and last day",
                      "reminder": "the licence's next reminder: its kind, the day it is for and when it is sent",
                      "check_due": "the licence's next check due: which check and its day",
                      "changes": "what a minor variation changes, from the law's list of kinds"},
        retention=KEPT_AS_A_LICENCE)

    id = CouncilKey(hash_key=True)
    type_id = UnicodeAttribute()
    regime = UnicodeAttribute()
    kind = UnicodeAttribute()
    state = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    user_id = CouncilKey(null=True)
    applicant = JSONAttribute(null=True)
    premises = JSONAttribute(null=True)
    premises_key = UnicodeAttribute(null=True)
    band = UnicodeAttribute(null=True)
    fee = NumberAttribute(null=True)
    payment_id = UnicodeAttribute(null=True)
    payment_status = UnicodeAttribute(null=True)
    answers_reference = UnicodeAttribute(null=True)
    received_at = UTCDateTimeAttribute(null=True)
    law = JSONAttribute(null=True)
    clocks = JSONAttribute(null=True)
    event = JSONAttribute(null=True)
    consultees = JSONAttribute(null=True)
    conditions = JSONAttribute(null=True)
    representations = NumberAttribute(null=True)
    decision = JSONAttribute(null=True)
    licence = JSONAttribute(null=True)
    refused = JSONAttribute(null=True)
    seq = NumberAttribute(null=True)
    register = CouncilKey(null=True)
    register_sort = UnicodeAttribute(null=True)
    deemed = CouncilKey(null=True)
    deemed_on = UnicodeAttribute(null=True)
    renews = JSONAttribute(null=True)
    purpose = UnicodeAttribute(null=True)
    varies = UnicodeAttribute(null=True)
    reminder = JSONAttribute(null=True)
    remind = CouncilKey(null=True)
    remind_on = UnicodeAttribute(null=True)
    documents = JSONAttribute(null=True)  # the files under form-files/<case>/ (handlers/licensing/documents.py)
    requests = JSONAttribute(null=True)  # the officers' requests and the applicant's answers (licensing/asking.py)
    checks = JSONAttribute(null=True)  # checks recorded at the desk, with a DBS certificate's number (checks.py)
    check_due = JSONAttribute(null=True)  # {check, due, flagged}: the licence's next check (checks.py)
    checkdue = CouncilKey(null=True)
    checkdue_on = UnicodeAttribute(null=True)
    changes = JSONAttribute(null=True)  # a minor variation's kinds of change
    annual_fee = JSONAttribute(null=True)  # the annual fees paid, the one paying, a suspension's notice (annual_fee.py)

    user_index = CaseUserIndex()
    register_index = CaseRegisterIndex()
    deemed_index = CaseDeemedIndex()
    remind_index = CaseRemindIndex()
    checkdue_index = CaseCheckDueIndex()


class RepresentationModel(Stored):
    class Meta:
        table_name = table("licence-representations")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"contact": "contact", "grounds": "free_text", "shared": "free_text", "checked_by": "identifier",
                "why": "free_text"},
        whose="objector", part="licensing", basis="public_task", recipients=(),
        purpose="A representation about a licence application: the grounds, for the officers and the hearing; "
                "the person's name, email and address are never shown to the applicant or on the register",
        retention=KEPT_AS_A_LICENCE)

    case_id = CouncilKey(hash_key=True)
    id = UnicodeAttribute(range_key=True)
    grounds = UnicodeAttribute()
    made_at = UTCDateTimeAttribute()
    contact = JSONAttribute(null=True)
    objectives = JSONAttribute(null=True)
    stance = UnicodeAttribute(null=True)
    state = UnicodeAttribute(null=True)
    shared = UnicodeAttribute(null=True)
    checked_by = UnicodeAttribute(null=True)
    why = UnicodeAttribute(null=True)


class TallyModel(Stored):
    class Meta:
        table_name = table("licence-tallies")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"key": "identifier", "notices": "identifier"}, whose="licensee", part="licensing",
        basis="legal_obligation", copy_of="licence-cases",
        purpose="The temporary event notices given for a premises, or by a person, in a calendar year: the "
                "limits the Licensing Act 2003 s.107 sets",
        retention=Retention(after="created", months=24, source="project", note="the year and the next"))

    key = CouncilKey(hash_key=True)  # premises#<premises key>#<year>, or user#<user id>#<year>
    count = NumberAttribute(default=0)
    late = NumberAttribute(default=0)
    days = JSONAttribute(null=True)  # ["YYYY-MM-DD", ...] the year's days some notice covers
    notices = JSONAttribute(null=True)  # the cases counted, in the order given
    seq = NumberAttribute(default=0)


class Nr3sModel(Stored):
    class Meta:
        table_name = table("licence-nr3s")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"name": "name", "by": "identifier", "licence": "identifier"}, whose="licensee", part="licensing",
        basis="public_task", recipients=(),
        purpose="The council's record of a taxi or private hire driver's licence refused, revoked or suspended, as "
                "the Statutory Taxi and Private Hire Vehicle Standards ask councils to record on NR3S: who, which "
                "licence, what was decided and when, never the reasons",
        retention=Retention(after="created", months=300, source="project",
                            note="25 years, as councils' NR3 pages say the national register keeps its entries"))

    case_id = CouncilKey(hash_key=True)
    id = UnicodeAttribute(range_key=True)  # <decision>#<at>
    decision = UnicodeAttribute()
    decided_on = UnicodeAttribute()
    effective_on = UnicodeAttribute()
    name = UnicodeAttribute(null=True)
    licence = UnicodeAttribute(null=True)
    type_id = UnicodeAttribute(null=True)
    regime = UnicodeAttribute(null=True)
    state = UnicodeAttribute()  # to_send: the licensing team enters it on NR3S (not reached from here)
    by = UnicodeAttribute(null=True)
    at = UnicodeAttribute()


C, R, T = LicenceCaseModel, RepresentationModel, TallyModel


def _case(model):
    record = record_of(LicenceCase, model)
    if record is not None:
        record.fee, record.seq = int(record.fee or 0), int(record.seq or 0)
        record.representations = int(record.representations or 0)
    return record


UNDECIDED = ("received", "hearing")


def deemed_keys(case):
    """The sparse `deemed` index's keys: filed while undecided with a deemed grant's day set."""
    return {"deemed": "deemed"} if case.deemed_on and case.state in UNDECIDED else {}


def remind_keys(case):
    """The sparse `remind` index's keys: filed while the licence has a reminder ahead (renewing.py)."""
    return {"remind": "remind", "remind_on": case.reminder["on"]} if case.reminder else {}


def checkdue_keys(case):
    """The sparse `checkdue` index's keys: filed while the licence has a check due during its term (checks.py)."""
    due = getattr(case, "check_due", None)
    return {"checkdue": "flagged" if due.get("flagged") else "due", "checkdue_on": due["due"]} if due else {}


def register_keys(case, listed):
    """(register, register_sort) a case is filed under on the public register, or (None, None)."""
    return (REGISTER, f"{case.type_id}#{case.state}#{case.id}") if listed else (None, None)


def _put_events(t, parts, event):
    from ..waste.bulky import _put_event
    _put_event(t, parts, event)


class LicensingStore:
    def __init__(self):
        bind()

    # Licence types
    def types(self):
        """(the council's licence types, version): ([], 0) when it has none."""
        found = get_or_none(LicenceTypesModel, "types", consistent_read=True)
        return (found.types, int(found.version)) if found else ([], 0)

    def save_types(self, types, expected_version):
        condition = (LicenceTypesModel.id.does_not_exist() if expected_version == 0
                     else LicenceTypesModel.version == expected_version)
        with writes(["types"]):
            LicenceTypesModel(id="types", types=types, version=expected_version + 1).save(condition=condition)
        return expected_version + 1

    # Cases
    def get(self, case_id):
        return _case(get_or_none(C, case_id, consistent_read=True))

    def create(self, case, listed=False, idempotency=None, event=None, answers=None):
        """A new case (AlreadyExists("idempotency"): its twin came first), with the forms submission holding
        its answers (`answers`) in the same transaction: no answers without their case, nor the other way."""
        from ..reports.report_store import _claim_key
        register, sort = register_keys(case, listed)
        parts = []
        with writes(parts, exists={"case", "idempotency", "answers"}), transaction() as t:
            t.save(model_of(C, case, register=register, register_sort=sort, **deemed_keys(case)),
                   condition=C.id.does_not_exist())
            parts.append("case")
            if answers is not None:
                from ..forms.form_submissions import SubmissionModel, _model
                t.save(_model(answers), condition=SubmissionModel.id.does_not_exist())
                parts.append("answers")
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            _put_events(t, parts, event)

    def save(self, case, expected_seq, was=None, listed=False, event=None, tallies=(), nr3s=None):
        """The case written whole as it now is, conditional on its `seq` being
        `expected_seq` (and its state `was`, when given), with its event and
        any tallies (see `tally_writes`) and an NR3S entry in one transaction. EditConflict:
        the case changed meanwhile; TallyReadAgain: a tally did."""
        register, sort = register_keys(case, listed)
        same = (C.seq == expected_seq) | C.seq.does_not_exist() if expected_seq == 0 else C.seq == expected_seq
        if was is not None:
            same = same & (C.state == was)
        case.seq = expected_seq + 1
        parts = []
        try:
            with writes(parts), transaction() as t:
                t.save(model_of(C, case, register=register, register_sort=sort, **deemed_keys(case), **remind_keys(case),
                                **checkdue_keys(case)), condition=same)
                parts.append("case")
                if nr3s is not None:
                    t.save(Nr3sModel(id=f"{nr3s['decision']}#{nr3s['at']}", **nr3s), condition=Nr3sModel.id.does_not_exist())
                    parts.append("nr3s")
                for tally, read_seq in tallies:
                    t.save(tally, condition=T.key.does_not_exist() if read_seq == 0 else T.seq == read_seq)
                    parts.append("tally")
                _put_events(t, parts, event)
        except EditConflict as e:
            case.seq = expected_seq
            if e.part == "tally":
                raise TallyReadAgain("tally") from e
            raise

    def of_user(self, user_id, limit=100):
        return [_case(m) for m in C.user_index.query(user_id, scan_index_forward=False, limit=limit,
                                                      page_size=limit)]

    def register_page(self, prefix="", limit=50, start=None):
        """([cases on the register whose `type#state#` begins with `prefix`], the next page's key or None):
        one Query of the sparse index, reading only what it returns."""
        from ..binding import page_key, start_key
        condition = C.register_sort.startswith(prefix) if prefix else None
        found = C.register_index.query(REGISTER, condition, limit=limit, page_size=limit,
                                       last_evaluated_key=start_key(C, start))
        rows = [_case(m) for m in found]
        return rows, page_key(C, found.last_evaluated_key)

    def deemed_by(self, day, limit=100):
        """Undecided cases whose deemed grant's day is before `day` (YYYY-MM-DD): one Query of the sparse index."""
        return [_case(m) for m in C.deemed_index.query("deemed", C.deemed_on < day, limit=limit, page_size=limit)]

    def reminders_by(self, day, limit=100):
        """Licences whose next reminder's day is `day` (YYYY-MM-DD) or before: one Query of the sparse index."""
        return [_case(m) for m in C.remind_index.query("remind", C.remind_on <= day, limit=limit, page_size=limit)]

    def checks_due_by(self, day, flagged=(False, True), limit=100):
        """Licences whose next check is due on `day` (YYYY-MM-DD) or before, not yet flagged and (or) flagged by the
        job: one Query of the sparse index each, so the job reads only what it has not flagged yet."""
        return [_case(m) for part in ("flagged" if f else "due" for f in flagged)
                for m in C.checkdue_index.query(part, C.checkdue_on <= day, limit=limit, page_size=limit)]

    def nr3s(self, case_id):
        """The case's outgoing NR3S entries, oldest first."""
        return [m.attribute_values for m in Nr3sModel.query(case_id, consistent_read=True)]

    # Representations
    def add_representation(self, representation, case_id, expected_seq):
        """The representation kept and its case's count raised, in one transaction conditional on the case
        being as read (EditConflict: read it again)."""
        parts = []
        with writes(parts, exists={"representation"}), transaction() as t:
            t.save(model_of(R, representation), condition=R.id.does_not_exist())
            parts.append("representation")
            t.update(C(case_id), actions=[C.representations.add(1), C.seq.set(expected_seq + 1)],
                     condition=C.seq == expected_seq if expected_seq else (C.seq == 0) | C.seq.does_not_exist())
            parts.append("case")

    def representations(self, case_id):
        return [record_of(Representation, m) for m in R.query(case_id, consistent_read=True)]

    def representation(self, case_id, rep_id):
        return record_of(Representation, get_or_none(R, case_id, range_key=rep_id, consistent_read=True))

    def check_representation(self, case_id, rep_id, state, shared, by, why):
        """An officer's check: relevant or not, the words shared with the applicant; once (AlreadyExists)."""
        actions = [R.state.set(state), R.checked_by.set(by), R.why.set(why)]
        actions.append(R.shared.set(shared) if shared else R.shared.remove())
        with writes(["representation"], exists={"representation"}):
            R(case_id, rep_id).update(actions=actions, condition=R.id.exists() & (R.state == "received"))

    # Tallies
    def tallies(self, keys):
        """{key: (count, late, days, notices, seq)} of those of `keys` that exist."""
        found = {}
        for m in T.batch_get(list(dict.fromkeys(keys))):
            found[m.key] = (int(m.count or 0), int(m.late or 0), list(m.days or []), list(m.notices or []),
                            int(m.seq or 0))
        return found

    @staticmethod
    def tally(key, count, late, days, notices, seq):
        """A tally item as it is to be written (its `seq` one more than read)."""
        return T(key, count=count, late=late, days=sorted(days), notices=notices, seq=seq + 1)


__all__ = ["AlreadyExists", "EditConflict", "LicensingStore", "TallyReadAgain"]
