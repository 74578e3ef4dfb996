"""What the account's checks say, in each field's own words as GOV.UK writes
errors, so every client shows the same sentence; what a registration or a
reset request is answered; and the refusals of signing in, of a session and
of the commands that give accounts their roles."""

from .limits import NAME_MAX, PASSWORD_MAX, PASSWORD_MIN

PROFILE = {
    "name": {"missing": "Enter your full name", "length": f"Full name must be {NAME_MAX} characters or fewer"},
}

# Creating an account: every empty or wrong field said at once, each in its own words.
_EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
REGISTRATION = {
    **PROFILE,
    "email": {"missing": "Enter your email address", "invalid": _EMAIL_FORMAT, "length": _EMAIL_FORMAT},
    "password": {"missing": "Create a password",
                 "short": f"Password must be at least {PASSWORD_MIN} characters. "
                          "A few unrelated words make a good one.",
                 "long": f"Password must be {PASSWORD_MAX} characters or fewer"},
}

# Fields, whatever the form.
REQUIRED = "Is required."

# Fields of signing in, of a session and of a new password, beside the registration's own words.
SIGN_IN_MISSING = "Email and password are required."
PASSWORD_LENGTH = "Use {least} to {most} characters. A few unrelated words make a good password."
SSO_TOKEN_MISSING = "Is required: the ID or access token from your sign-in provider."

# Fields of the profile (PATCH /v1/me), beside PROFILE's.
NOT_CHANGED_HERE = "Cannot be changed here."
NOT_A_PROFILE_FIELD = "Is not a profile field."
NOT_A_UPRN = "Must be up to 12 digits."
NOTIFICATIONS_FORMAT = "Must map email, sms and push to true or false."
NOTHING_TO_CHANGE = "Nothing to change."

# The answer to a registration or a reset request, the same whether or not the address has an account.
EMAIL_SENT_IF_USABLE = "If the address can be used, we have sent it an email with the next step."


# E-mails about the account: a subject and its body; {link} is the page the person goes on to.
EMAIL_TAKEN_SUBJECT = "Someone tried to register with your email address"
EMAIL_TAKEN_BODY = ("Someone (perhaps you) tried to create a Doorstep account with this address, which already has "
                    "one. If it was you, sign in, or reset your password if you have forgotten it: {link}\n\n"
                    "If it was not you, ignore this email.")
VERIFY_SUBJECT = "Confirm your email address"
VERIFY_BODY = ("Confirm this address for your Doorstep account:\n\n{link}\n\n"
               "Confirming lets your account show reports you made before you signed up with it.")
RESET_SUBJECT = "Reset your Doorstep password"
RESET_BODY = ("Choose a new password within the hour:\n\n{link}\n\n"
              "If you did not ask for this, ignore this email: your password stays as it is.")
RESET_NO_ACCOUNT_SUBJECT = "Your Doorstep password"
RESET_NO_ACCOUNT_BODY = ("Someone asked to reset the password of a Doorstep account for this address, but no account "
                         "uses it. If it was you, you may have registered with another address, or you can register: "
                         "{link}\n\nIf you did not ask, ignore this email.")
PASSWORD_SETUP_SUBJECT = "Your Doorstep account is ready"
PASSWORD_SETUP_BODY = "An account has been created for you. Choose your password within two days:\n\n{link}"

# Refusals: who is asking (not signed in, or not the one who may).
SIGN_IN_WRONG = "The email address or password is wrong."
LINK_NOT_VALID = "This link is not valid or has already been used."
REFRESH_NOT_VALID = "The refresh token is not valid; sign in again."
SESSION_ENDED = "This session has ended; sign in again."
LINK_FOR_OLD_ADDRESS = "This link is for an address the account no longer uses."

# Refusals: what was asked for is not there.
NO_ACCOUNT = "No account for {email}."

# Refusals: its state does not allow it, or it changed meanwhile.
ACCOUNT_EXISTS = "{email} already has an account."

# Refusals: what was asked cannot be done as asked.
NOT_CONFIRMED = "{email} has not confirmed its address; ask them to, or remove the account."
ROLE_ONE_OF = "Role must be one of: {roles}."
CREW_NEEDS_TEAM = "A crew member belongs to a team: give --team."
TEAM_ONLY_FOR_CREW = "Only crew members belong to a team."
ROLES_ONLY_FOR_STAFF = "Only staff accounts hold roles; an administrator opens every desk already."
BY_COMMAND = "doorstep users (the command line)"  # who changed an officer's roles, in their history
NO_STAFF_ROLE = "No staff role {role!r}: the council's roles are {roles}."
NO_COUNCIL = "No council {council}: `doorstep councils list` names the councils this deployment serves."
NO_WARD = "No ward {ward!r}: ward ids are as `doorstep import wards` loaded them."

# Refusals: a service it relies on did not answer as it should.
SSO_UNREACHABLE = "The sign-in provider cannot be reached; try again shortly."
SSO_MISCONFIGURED = "Single sign-on is not configured correctly."

# The resident's own bin-day calendar (bin_calendar.py), as a calendar app shows it: its name and
# description (no address: a link passed on tells nobody where they live), and its last event after a
# move away; and the answer to an address that opens none.
MY_BINS_NAME = "Your bin days"
MY_BINS_ABOUT = ("Bin collections at your home, from the council. When you tell us you are moving, they become "
                 "your new home's from the day you move.")
MY_BINS_ENDED = "Bin days end: you moved away"
MY_BINS_ENDED_WHY = ("You told us you are moving away from {area} on {day}, so this calendar has no more bin "
                     "collections. If you still live in {area}, set your address in My Account and your bin days "
                     "come back.")
NO_BIN_CALENDAR = "There is no bin calendar at this address. Get yours again from My Account."

# Signing in with the council's national account (provider_sign_in.py).
NO_SUCH_PROVIDER = "This council does not sign people in with that provider."
NEXT_FORMAT = "Must be a path on this site, like /account."
PROVIDER_FIELD = "Is required: the value the sign-in provider sent back to this page."
SIGN_IN_NOT_BEGUN_HERE = ("This sign-in was not begun at this council's address, has been used already or has "
                          "expired. Start again from the sign-in page.")
# "your {provider}", never "a {provider} account": the provider's name is the account's ("a ScotAccount account").
ASSURANCE_TOO_LOW = ("{council} asks for your identity to be verified in your {provider}. Verify your identity "
                     "with {provider}, then sign in again.")

# Officers signing in with their council's directory (staff_sign_in.py; docs/decisions/staff-sign-in.md).
NO_DESK_HERE = ("Your {council} account signed you in, but none of its groups gives you a desk in Doorstep. "
                "Ask your council's IT service desk to add you to the right group.")
MFA_REQUIRED = ("{council} asks its officers to sign in with a second factor, such as the code from an authenticator "
                "app. Sign in again and use it.")
OTHER_TENANT = "This sign-in came from another organisation's directory, not {council}'s."
NO_USERNAME = "Your council's directory did not say who you are: ask its IT service desk to check the sign-in."
STAFF_SIGN_IN_REQUIRED = ("{council}'s officers sign in with their council account, not a password here: "
                          "choose \u201c{provider}\u201d on the sign-in page.")
BREAK_GLASS_SUBJECT = "{council}: an officer signed in with a break-glass password"
BREAK_GLASS_BODY = ("{who} signed in to Doorstep at {council} with a password at {at} (UTC), not with the council's "
                    "directory. Passwords are kept for when the directory cannot be used. If you did not expect "
                    "this, ask your IT team and the deployment's operator to take their break-glass grant away.")
BREAK_GLASS_ADMINS_ONLY = "Only an administrator of this council can be given a break-glass password."

# DELETE /v1/me when a legal hold keeps something (UK GDPR Art. 17(3)(e); docs/decisions/retention.md).
KEPT_UNDER_A_HOLD = ("Your account has been deleted, except for what {council} must keep under a legal hold while a "
                     "complaint or a legal claim is dealt with: {what}. It is kept as it is until the council "
                     "releases the hold, and then goes as the council's retention schedule says. Ask {council} if "
                     "you want to know more.")
ACCOUNT_KEPT_UNDER_A_HOLD = ("Your personal details have been deleted, except for what {council} must keep under a "
                             "legal hold while a complaint or a legal claim is dealt with: {what}. Your account stays, "
                             "signed out, until the council releases the hold. Ask {council} if you want to know more.")
# What a hold keeps, as the sentences above name it: one of each kind, or how many.
HELD_KINDS = {"reports": ("one of your reports", "{n} of your reports"),
              "repairs": ("one of your repairs", "{n} of your repairs"),
              "chats": ("one of your live chats", "{n} of your live chats"),
              "accounts": ("your account", "your account")}
AND = " and "
