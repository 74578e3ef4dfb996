"""Repository functions for accounts, sessions, one-time tokens and throttles."""
from pynamodb.exceptions import TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from .accounts import (
    IdentityModel, OneTimeTokenModel, RefreshTokenModel, SessionModel, ThrottleModel, UserModel,
)
from .binding import bind, connection
from .outbox import OutboxModel
from .reports import ReportModel


class IdentityTaken(Exception):
    pass


class AlreadyUsed(Exception):
    pass


def _get(model, key, **kwargs):
    try:
        return model.get(key, **kwargs)
    except model.DoesNotExist:
        return None


class AccountStore:
    def __init__(self):
        bind()

    # users and identities
    def user(self, user_id):
        return _get(UserModel, user_id, consistent_read=True) if user_id else None

    def user_by_identity(self, key):
        identity = _get(IdentityModel, key, consistent_read=True)
        return self.user(identity.user_id) if identity else None

    def create_user(self, user, identity_keys):
        user.identity_keys = list(identity_keys)
        try:
            with TransactWrite(connection=connection()) as t:
                t.save(user, condition=UserModel.id.does_not_exist())
                for key in identity_keys:
                    t.save(IdentityModel(key=key, user_id=user.id),
                           condition=IdentityModel.key.does_not_exist())
        except TransactWriteError as e:
            reasons = getattr(e, "cancellation_reasons", None) or []
            if any(r is not None and r.code == "ConditionalCheckFailed" for r in reasons):
                raise IdentityTaken() from e
            raise

    def save_user(self, user):
        """Save with the version check: two edits at once cannot silently merge."""
        from pynamodb.exceptions import PutError
        from ..errors import Conflict
        try:
            user.save()
        except PutError as e:
            if "ConditionalCheckFailed" in str(e):
                raise Conflict("The account changed at the same time; try again.", code="edit_conflict") from e
            raise

    def delete_user(self, user):
        """Remove the person and every way back to them; their sessions die with them."""
        for session_id in self.session_ids(user.id):
            self.revoke_session(session_id)
        self.erase_messages([user.email] if user.email and user.email_verified else [])
        with TransactWrite(connection=connection()) as t:
            t.delete(user)
            for key in user.identity_keys or []:
                t.delete(IdentityModel(key=key, user_id=user.id))

    def session_ids(self, user_id):
        return [s.id for s in SessionModel.user_index.query(user_id)]

    def sessions_of(self, user_id):
        rows = [self.session(i) for i in self.session_ids(user_id)]
        return [{"id": s.id, "created_at": s.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "revoked": bool(s.revoked)} for s in rows if s]

    def messages_to(self, addresses):
        return [{"channel": m.channel, "to": m.to, "subject": m.subject, "body": m.body,
                 "created_at": m.created_at.strftime("%Y-%m-%dT%H:%M:%SZ")}
                for a in addresses for m in OutboxModel.recipient_index.query(a)]

    def erase_messages(self, addresses):
        for a in addresses:
            for m in OutboxModel.recipient_index.query(a):
                OutboxModel(id=m.id).delete()

    # sessions and refresh tokens
    def start_session(self, session, token):
        with TransactWrite(connection=connection()) as t:
            t.save(session)
            t.save(token)

    def session(self, session_id):
        return _get(SessionModel, session_id, consistent_read=True)

    def refresh_token(self, token_hash):
        return _get(RefreshTokenModel, token_hash, consistent_read=True)

    def rotate(self, old, new):
        """Mark `old` used and store `new`; AlreadyUsed if a racing request won."""
        try:
            with TransactWrite(connection=connection()) as t:
                t.update(old, actions=[RefreshTokenModel.rotated.set(True)],
                         condition=RefreshTokenModel.rotated == False)  # noqa: E712
                t.save(new)
        except TransactWriteError as e:
            raise AlreadyUsed() from e

    def revoke_session(self, session_id):
        session = self.session(session_id)
        if session and not session.revoked:
            session.update(actions=[SessionModel.revoked.set(True)])

    # one-time tokens
    def save_one_time(self, token):
        token.save()

    def one_time(self, token_hash):
        return _get(OneTimeTokenModel, token_hash, consistent_read=True)

    def consume_one_time(self, token_hash, purpose):
        """The token row, marked used; None if unknown, used or for another purpose."""
        token = _get(OneTimeTokenModel, token_hash, consistent_read=True)
        if token is None or token.purpose != purpose or token.used:
            return None
        try:
            token.update(actions=[OneTimeTokenModel.used.set(True)],
                         condition=OneTimeTokenModel.used == False)  # noqa: E712
        except UpdateError:
            return None
        return token

    # throttling
    def throttle_count(self, key):
        row = _get(ThrottleModel, key, consistent_read=True)
        return int(row.count) if row else 0

    def throttle_hit(self, key, expires, amount=1):
        """Add to a counter atomically; returns the new count."""
        row = ThrottleModel(key=key)
        row.update(actions=[ThrottleModel.count.add(amount), ThrottleModel.expires.set(expires)])
        return int(row.count)

    # the reports that belong to a person
    def reports_of_user(self, user_id, limit=200):
        return list(ReportModel.user_index.query(user_id, scan_index_forward=False, limit=limit))

    def anonymous_reports_with_email(self, email_hash):
        return [r.id for r in ReportModel.reporter_email_index.query(email_hash)]

    def claim_report(self, report_id, user_id):
        """Give an anonymous report to an account; a report with an owner is left alone."""
        report = _get(ReportModel, report_id, consistent_read=True)
        if report is None or report.user_id:
            return False
        try:
            report.update(actions=[ReportModel.user_id.set(user_id)],
                          condition=ReportModel.user_id.does_not_exist())
            return True
        except UpdateError:
            return False
