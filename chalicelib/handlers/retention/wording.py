"""What the retention sweep and its routes say to people: the council's administrator, and the resident
whose unused account is about to be removed."""

# An internal note's words, once its report's period has ended (the audit keeps who and when).
NOTE_REMOVED = "(This note was removed when the report's retention period ended.)"
# A repair's priority change's reason, once its period has ended (the audit keeps who, when and the priorities).
REASON_REMOVED = "(This reason was removed when the repair's retention period ended.)"
# The audit's line of the sweep's change and of a hold (what a report's audit shows staff).
RETAINED = "anonymised: its retention period ended"

# The warning to a resident whose account is unused at the council.
UNUSED_SUBJECT = "Your {council} account will be removed on {day} unless you use it"
UNUSED_BODY = (
    "You have not used your account with {council} since {since}.\n\n"
    "{council} keeps an account that is not used for {period}. Unless you sign in before {day}, your account "
    "with {council} will be removed. The problems you reported stay on the map, without your name or contact "
    "details.\n\n"
    "To keep your account, sign in:\n{link}\n\n"
    "You do not need to do anything else. If you would like it removed sooner, you can delete it from your "
    "account's page.\n")

# The admin routes.
NOT_A_KIND = "Must be one of: {kinds}."
NOT_HELD = "That record has no legal hold on it."
NO_SUCH_RECORD = "There is no such record at this council."
NO_CLOCK = ("That record is not on the retention schedule: a payment is once it is finished, and a record whose "
            "period has ended is gone, anonymised already, or being deleted or anonymised now.")
HELD_ALREADY = "That record is on a legal hold already: release it first to change its reason."
REASON = "Say why it is held: at least 5 characters, at most 300."
NOT_A_CURSOR = "Must be the `next` of the page before."
NOT_AN_OBJECT = "Must be an object."
NOT_A_DRY_RUN_FIELD = "Is not something a dry run takes."
KEY_REUSED = "That Idempotency-Key was used for another dry run."
