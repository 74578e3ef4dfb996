"""Accounts, sessions and one-time tokens, as plain values
(storage/records.py)."""
from dataclasses import replace

from ...stamps import stamp
from .accounts import LEGACY_GRANT, IdentityModel, OneTimeTokenModel, RefreshTokenModel, SessionModel, UserModel
from ..binding import bind, get_or_none, model_of, record_of, transaction, writes
from ..errors import AlreadyExists, EditConflict
from .. import records

# The outbox's and the reports' models serve a person's messages and reports
# only: imported there, so a signed-in request's cold start (which reads the
# user) skips them.


class AccountStore:
    def __init__(self):
        bind()

    # users and identities
    def user(self, user_id):
        return _user(get_or_none(UserModel, user_id, consistent_read=True)) if user_id else None

    def names(self, user_ids):
        """{user id: name (else e-mail)} of the users that exist (an audit shown by name)."""
        return {user_id: name for user_id, (name, _) in self.contacts(user_ids).items()}

    def contacts(self, user_ids):
        """{user id: (name (else e-mail), e-mail)} of the users that exist: one BatchGetItem a hundred,
        reading those two attributes only."""
        ids, found = list(dict.fromkeys(u for u in user_ids if u)), {}
        for at in range(0, len(ids), 100):
            for row in UserModel.batch_get(ids[at:at + 100], attributes_to_get=["id", "name", "email"]):
                found[row.id] = (row.name or row.email or "", row.email)
        return found

    def user_by_identity(self, key):
        identity = get_or_none(IdentityModel, key, consistent_read=True)
        return self.user(identity.user_id) if identity else None

    def create_user(self, user, identity_keys, grant=None):
        """The user, the unique keys that lead to them (`email#...`, `oidc#iss#sub`) and what this
        council grants them (a Grant, or None), in one transaction: AlreadyExists when a key is taken."""
        from .grants import grant_model
        from ... import tenancy
        user.identity_keys = list(identity_keys)
        user.granted_in = {tenancy.current()} if grant is not None else None
        model = model_of(UserModel, user)
        parts = ["user"] + ["identity"] * len(identity_keys)
        from .presence import PresenceModel, seen_actions
        with writes(parts + ["presence"], exists={"user", "identity"}), transaction() as t:
            t.save(model, condition=UserModel.id.does_not_exist())
            for key in identity_keys:
                t.save(IdentityModel(key=key, user_id=user.id), condition=IdentityModel.key.does_not_exist())
            # Known at this council from now: its retention sweep counts their time unused from here.
            t.update(PresenceModel(user_id=user.id), actions=seen_actions(user.created_at or _now()))
            if grant is not None:
                granted = grant_model(grant)
                t.save(granted)
        user.version = model.version
        if grant is not None:
            grant.version, grant.council = granted.version, tenancy.current()

    def save_user(self, user):
        """Save with the version check: two edits at once cannot silently
        merge (EditConflict). A grant from before councils stays on the row."""
        model = model_of(UserModel, user, **{LEGACY_GRANT[k]: v for k, v in (user.before_councils or {}).items()})
        with writes(["user"]):
            model.save()
        user.version = model.version

    def change_email(self, user, email, source):
        """The user's e-mail made `email`, verified by `source` (an issuer): the address's identity key
        taken and the old one's given up with the version-checked user, in one transaction.
        AlreadyExists when another account has the address; EditConflict when the user changed since read."""
        self._rekey(user, f"email#{user.email}" if user.email else None, f"email#{email}",
                    email=email, email_verified=True, email_from=source)

    def move_identity(self, user, old, new):
        """The identity key `old` that leads to the user given up for `new` (a directory's account renamed), with
        the version-checked user, in one transaction: AlreadyExists when another account holds `new`."""
        self._rekey(user, old, new)

    def _rekey(self, user, old, new, **changes):
        keys = [k for k in user.identity_keys or [] if k != old] + [new]
        changed = replace(user, identity_keys=keys, **changes)
        model = model_of(UserModel, changed, **{LEGACY_GRANT[k]: v for k, v in (user.before_councils or {}).items()})
        with writes(["identity", "user"] + (["old"] if old else []), exists={"identity"}), transaction() as t:
            t.save(IdentityModel(key=new, user_id=user.id), condition=IdentityModel.key.does_not_exist())
            t.save(model)
            if old:
                t.delete(IdentityModel(key=old, user_id=user.id), condition=IdentityModel.user_id == user.id)
        for name, value in {**changes, "identity_keys": keys}.items():
            setattr(user, name, value)
        user.version = model.version

    def delete_user(self, user):
        """Remove the person and every way back to them; their sessions die with them."""
        self.end_sessions(user.id)
        from .grants import GrantStore
        GrantStore().forget_everywhere(user)
        self.erase_messages([user.email] if user.email and user.email_verified else [])
        with writes(["user"]), transaction() as t:
            t.delete(model_of(UserModel, user))
            for key in user.identity_keys or []:
                t.delete(IdentityModel(key=key, user_id=user.id))
        self.forget_presence(user)  # after: a sweep removing them resumes from its row until the account is gone

    def forget_presence(self, user):
        """When the person last used their account, gone at every council that knew them (and this one)."""
        from ... import tenancy
        from .presence import PresenceModel
        for council in sorted(set(user.signed_in_at or ()) | {tenancy.current()}):
            with tenancy.acting_for(council):
                PresenceModel(user_id=user.id).delete()

    def let_go(self, user):
        """Their erasure's last check (DELETE /v1/me): their row of use at every council that knows them
        deleted, each on condition that it carries no legal hold, so a hold placed after finds no one to hold
        (404) and one placed before keeps the account. False, with no row deleted, when a council holds it
        (a row held between this read and its delete: False, the rows before it gone, the held one kept)."""
        from ... import tenancy
        from .presence import PresenceModel
        councils = sorted(set(user.signed_in_at or ()) | {tenancy.current()})
        for council in councils:
            with tenancy.acting_for(council):
                row = get_or_none(PresenceModel, user.id, consistent_read=True)
            if row is not None and row.hold:
                return False
        for council in councils:
            with tenancy.acting_for(council):
                try:
                    with writes(["presence"]):
                        PresenceModel(user_id=user.id).delete(condition=PresenceModel.hold.does_not_exist())
                except EditConflict:
                    return False
        return True

    def leave_council(self, user):
        """The person no longer known at the council the work is for (its retention sweep removed them
        there): its name off where they signed in and hold grants. Their version raised, not checked, as
        a grant's naming is (grants.py). The councils that still know them, after."""
        from ... import tenancy
        here = tenancy.current()
        with writes(["user"]):
            UserModel(id=user.id, version=user.version).update(
                actions=[UserModel.signed_in_at.delete({here}), UserModel.granted_in.delete({here})],
                condition=UserModel.id.exists(), add_version_condition=False)
        known = (set(user.signed_in_at) if user.signed_in_at is not None else {tenancy.default()}) | set(
            user.granted_in or ())
        return known - {here}

    def end_sessions(self, user_id, because=None):
        """Every session of the person at this council ends (their tokens with them); elsewhere theirs go on.
        `because` is said to the holder of a token of one ("directory_deactivated")."""
        for session_id in self.session_ids(user_id):
            self.revoke_session(session_id, because)

    def session_ids(self, user_id):
        return [s.id for s in SessionModel.user_index.query(user_id)]

    def sessions_of(self, user_id):
        rows = [self.session(i) for i in self.session_ids(user_id)]
        return [{"id": s.id, "created_at": stamp(s.created_at),
                 "revoked": bool(s.revoked)} for s in rows if s]

    def messages_to(self, addresses):
        from ..outbox import OutboxModel
        return [{"channel": m.channel, "to": m.to, "subject": m.subject, "body": m.body,
                 "created_at": stamp(m.created_at)}
                for a in addresses for m in OutboxModel.recipient_index.query(a)]

    def erase_messages(self, addresses):
        from ..outbox import OutboxModel
        for a in addresses:
            for m in OutboxModel.recipient_index.query(a):
                OutboxModel(id=m.id).delete()

    # sessions and refresh tokens
    def start_session(self, session, token, user=None, event=None):
        """The session and its refresh token, at the council worked for; the first at a council
        also names it on the person (`signed_in_at`), in the same transaction, as is the `event` the
        sign-in's effects follow from (a break-glass sign-in's announcement)."""
        from .presence import PresenceModel, seen_actions
        with writes(), transaction() as t:
            t.save(model_of(SessionModel, session))
            t.save(model_of(RefreshTokenModel, token))
            # A sign-in is a use of the account at this council (the retention sweep's unused accounts).
            t.update(PresenceModel(user_id=session.user_id), actions=seen_actions(session.created_at))
            if event is not None:
                from ..reports.report_store import event_model
                t.save(event_model(event))
            from ... import tenancy
            here = tenancy.current()
            if user is not None and here not in (user.signed_in_at or ()):
                # Its version raised, not checked (as a grant's naming is, grants.py): two first
                # sign-ins at once both stand, and a profile saved from an older read is refused.
                t.update(UserModel(id=user.id, version=user.version), actions=[UserModel.signed_in_at.add({here})],
                         condition=UserModel.id.exists(), add_version_condition=False)

    def session(self, session_id):
        return record_of(records.Session, get_or_none(SessionModel, session_id, consistent_read=True))

    def refresh_token(self, token_hash):
        return record_of(records.RefreshToken, get_or_none(RefreshTokenModel, token_hash, consistent_read=True))

    def rotate(self, old, new):
        """Mark `old` used and store `new`; EditConflict if a racing request won."""
        with writes(["old"]), transaction() as t:
            t.update(RefreshTokenModel(old.token_hash), actions=[RefreshTokenModel.rotated.set(True)],
                     condition=RefreshTokenModel.rotated == False)  # noqa: E712
            t.save(model_of(RefreshTokenModel, new))

    def revoke_session(self, session_id, because=None):
        session = get_or_none(SessionModel, session_id, consistent_read=True)
        if session and not session.revoked:
            session.update(actions=[SessionModel.revoked.set(True)]
                           + ([SessionModel.ended_because.set(because)] if because else []))

    # one-time tokens
    def save_one_time(self, token):
        model_of(OneTimeTokenModel, token).save()

    def one_time(self, token_hash):
        return record_of(records.OneTimeToken, get_or_none(OneTimeTokenModel, token_hash, consistent_read=True))

    def consume_one_time(self, token_hash, purpose):
        """The token, now marked used; None if unknown, used or for another purpose."""
        token = get_or_none(OneTimeTokenModel, token_hash, consistent_read=True)
        if token is None or token.purpose != purpose or token.used:
            return None
        try:
            with writes(["token"]):
                token.update(actions=[OneTimeTokenModel.used.set(True)],
                             condition=OneTimeTokenModel.used == False)  # noqa: E712
        except EditConflict:
            return None
        return record_of(records.OneTimeToken, token)

    # the reports that belong to a person
    def reports_of_user(self, user_id, limit=200):
        from ..records import Report
        from ..reports.reports import ReportModel
        return [record_of(Report, r)
                for r in ReportModel.user_index.query(user_id, scan_index_forward=False, limit=limit)]

    def anonymous_reports_with_email(self, email_hash):
        from ..reports.reports import ReportModel
        return [r.id for r in ReportModel.reporter_email_index.query(email_hash)]

    def claim_report(self, report_id, user_id):
        """Give an anonymous report to an account; a report with an owner is left alone."""
        from ..reports.reports import ReportModel
        report = get_or_none(ReportModel, report_id, consistent_read=True)
        if report is None or report.user_id:
            return False
        try:
            with writes(["report"]):
                report.update(actions=[ReportModel.user_id.set(user_id)],
                              condition=ReportModel.user_id.does_not_exist())
        except EditConflict:
            return False
        return True


def _now():
    from ...ids import utc_now
    return utc_now()


def _user(model):
    """The person as a record, with the grant a row from before councils still holds."""
    user = record_of(records.User, model)
    if user is not None:
        held = {k: getattr(model, name) for k, name in LEGACY_GRANT.items() if getattr(model, name) is not None}
        user.before_councils = held if held.get("role") not in (None, "resident") else None
    return user


__all__ = ["AccountStore", "AlreadyExists", "EditConflict"]
