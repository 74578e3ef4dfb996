"""Accounts: users, the identities that sign them in, sessions and one-time
tokens (the counters that throttle sign-in live in counters.py)."""
from pynamodb.attributes import (
    BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute,
    TTLAttribute, VersionAttribute,
)
from pynamodb.indexes import GlobalSecondaryIndex, KeysOnlyProjection

from ..binding import Stored, table
from ..council_key import CouncilKey
from ..data_map import Holds, Retention


class UserModel(Stored):
    class Meta:
        table_name = table("users")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "phone": "contact", "name": "name", "address": "address", "uprn": "address",
                "password_hash": "credentials", "identity_keys": "identifier", "notifications": "device",
                "signed_in_at": "activity", "email_from": "contact", "moving_to": "address",
                "email_verified": "contact"},
        whose="resident", part="account", basis="contract",
        purpose="A resident's account: to sign them in, show them their own reports, bookings and requests, "
                "and send them what they asked to be told",
        recipients=("mailer", "sms"),
        retention=Retention(after="last_activity", months=24, then="anonymise", source="project",
                            note="unused 2 years, as FixMyStreet's national site; warned a month before"))

    id = UnicodeAttribute(hash_key=True)
    email = UnicodeAttribute(null=True)  # normalised; None for SSO users without one
    email_verified = BooleanAttribute(default=False)
    # The issuer whose verified e-mail `email` is (a national account's, handlers/accounts/sso.py):
    # at a later sign-in it follows a change there. None: the person's own address, never replaced.
    email_from = UnicodeAttribute(null=True)
    password_hash = UnicodeAttribute(null=True)  # None: signs in through SSO only
    name = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(null=True)
    address = UnicodeAttribute(null=True)
    uprn = UnicodeAttribute(null=True)
    notifications = JSONAttribute(default=dict)
    # What makes a person an officer is a council's grant (storage/accounts/grants.py); these name where they hold
    # one (none: a resident at every address) and whether they are the deployment's operator.
    granted_in = UnicodeSetAttribute(null=True)
    operator = BooleanAttribute(default=False)  # may add councils and change their settings, nothing else
    # The councils whose address the person has signed in at: My Account at one names the others.
    signed_in_at = UnicodeSetAttribute(null=True)
    # A row from before councils held the one council's grant itself: read as the default council's
    # grant until that grant is first written, which takes these off (grants.py, LEGACY_GRANT).
    legacy_role = UnicodeAttribute(null=True, attr_name="role")
    legacy_team = UnicodeAttribute(null=True, attr_name="team")
    legacy_scope = JSONAttribute(null=True, attr_name="scope")
    legacy_roles = JSONAttribute(null=True, attr_name="roles")
    legacy_roles_history = JSONAttribute(null=True, attr_name="roles_history")
    # Raised to end every session at once (logout everywhere, password reset,
    # deletion); tokens carry the epoch they were issued under.
    session_epoch = NumberAttribute(default=0)
    identity_keys = JSONAttribute(default=list)  # the IdentityModel keys that lead here
    moving_to = JSONAttribute(null=True)  # a move's new home and its date (handlers/moving): the address from then
    bins_calendar_epoch = NumberAttribute(default=0)  # raised to stop their bin calendar's address (accounts)
    created_at = UTCDateTimeAttribute()
    version = VersionAttribute()


# A grant's field -> the attribute a row from before councils holds it in.
LEGACY_GRANT = {"role": "legacy_role", "team": "legacy_team", "scope": "legacy_scope", "roles": "legacy_roles",
                "roles_history": "legacy_roles_history"}


class IdentityModel(Stored):
    """Unique keys that lead to a user: `email#<address>` or `oidc#<iss>#<sub>`.
    Written in the same transaction as the user, so two sign-ups cannot share one."""
    class Meta:
        table_name = table("identities")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"key": "contact", "user_id": "identifier"}, whose="resident", part="account", basis="contract",
        purpose="Which account an email address or a sign-in provider's subject leads to", copy_of="users",
        retention=Retention(after="ended", then="delete", source="project", note="goes with its account"))

    key = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute()


class UserSessionsIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_user"
        projection = KeysOnlyProjection()

    user_id = CouncilKey(hash_key=True)


class SessionModel(Stored):
    """A refresh-token family: one sign-in on one device, across rotations."""
    class Meta:
        table_name = table("sessions")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "provider": "identifier", "created_at": "activity"}, whose="resident",
        part="account", basis="contract", purpose="A signed-in session, so it can be ended from another device",
        retention=Retention(after="created", days=30, source="ttl", note="a refresh token's lifetime"))

    id = CouncilKey(hash_key=True)
    user_id = CouncilKey()
    epoch = NumberAttribute()
    revoked = BooleanAttribute(default=False)
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute()
    provider = UnicodeAttribute(null=True)
    ended_because = UnicodeAttribute(null=True)

    user_index = UserSessionsIndex()


class RefreshTokenModel(Stored):
    class Meta:
        table_name = table("refresh-tokens")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "token_hash": "credentials"}, whose="resident", part="account",
        basis="contract", purpose="Keeping a resident signed in on one device",
        retention=Retention(after="created", days=30, source="ttl"))

    token_hash = CouncilKey(hash_key=True)
    session_id = UnicodeAttribute()
    user_id = UnicodeAttribute()
    rotated = BooleanAttribute(default=False)  # used once already: a second use is theft
    expires = TTLAttribute()


class OneTimeTokenModel(Stored):
    """E-mail verification and password reset links, and a sign-in through a provider begun at the
    council's address (its state, the nonce and PKCE verifier in `detail`): single use, expiring."""
    class Meta:
        table_name = table("one-time-tokens")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "user_id": "identifier", "token_hash": "credentials", "detail": "credentials"},
        whose="resident", part="account", basis="contract",
        purpose="Proving an email address is the resident's, resetting a password, a sign-in begun with a provider",
        recipients=("mailer",), retention=Retention(after="created", days=2, source="ttl"))

    token_hash = CouncilKey(hash_key=True)
    purpose = UnicodeAttribute()  # verify_email, reset_password, provider_sign_in
    user_id = UnicodeAttribute()  # "" for a sign-in: nobody is known yet
    email = UnicodeAttribute(null=True)
    detail = JSONAttribute(null=True)
    used = BooleanAttribute(default=False)
    expires = TTLAttribute()
