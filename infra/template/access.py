"""Which function may do what: the IAM policy of each, listed by table and
service so a reader can check it against the code. No statement allows a
wildcard action (a test holds every role to that)."""
from .cfn import arn, ref, sub
from .tables import logical_id, schemas

READ = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem"]
WRITE = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
CREATE = ["dynamodb:PutItem"]  # a new item (a conditional put), never an update or a delete
CHANGE = ["dynamodb:PutItem", "dynamodb:UpdateItem"]  # an item written or changed, never deleted
# Tables the code reads whole (small reference lists, cached): Model.scan()
# in chalicelib/storage; a test keeps this in step with the code.
SCANNED = {"services", "facility-types", "open311-keys"}

# The dispatcher only finds each event's index keys (a report's place and
# ward, a broadcast's target); the worker reads the index, sends, records
# each delivery, removes a channel a push service calls gone (the alert and
# its index rows) and adds a page's counts to a broadcast's audit entry.
# Both lists are what each was seen to call; everything else is the API's alone.
# A petition's events: the petition (dispatcher and worker), one page of its
# signatures or followers per job (worker), their accounts' alerts for push.
DISPATCHER_TABLES = {"reports": "read", "services": "read", "wards": "read", "ward-cells": "read",
                     "broadcasts": "read", "stats": "read-write",  # stats: the performance figures' counters
                     "questionnaires": "read-write",  # a report closed: its questionnaire scheduled
                     "petitions": "read", "consultations": "read",  # a consultation's event: its wards' keys
                     # a meeting's agenda or decisions: the meeting, its petitions and topics' documents
                     "meetings": "read", "democracy": "read",
                     "planning-applications": "read"}  # a planning event: the application's place
# Events' effects, queued by the dispatcher as jobs on the alert queue and
# carried out by its worker (handlers/shared/effects.py): each claimed in
# alert-deliveries; a finished payment settled (the payment,
# the ledger, the booking or subscription, its days' places, the receipt in
# the outbox, a refund); a crew's bulky `unable` (the job, the booking, the
# rule, the receipt, a push to the resident's browsers through their alerts);
# an officer's answer told to a resident not looking (the conversation, its
# open sockets). A receipt goes to the address the booking was made with.
# A cheaper bulky change's refund (the provider's key; the payment, its refund
# and its event, the ledger row, the booking settled).
# A form sent: its case opened (a new report with its timeline entry, event,
# inbox rows, the key that keeps it one, its resident's follow) and the copy
# of the answers kept in the outbox, from the submission and its form's
# version. "create": a new item only (PutItem, no update or delete), so the
# worker opens a case and changes no report: the forwarder alone does.
EFFECT_TABLES = {"alert-deliveries": "read-write", "payments": "read-write", "payment-ledger": "read-write",
                 "bulky-bookings": "read-write", "bulky-slots": "read-write", "garden-subscriptions": "read-write",
                 "waste-settings": "read", "outbox": "read-write", "alerts": "read-write",
                 "jobs": "read-write",  # read for a crew's ended job; a paid container's delivery job put
                 "conversations": "read", "conversation-messages": "read",
                 "chat-sockets": "read-write",  # a message's frame: connections read, the gone ones forgotten
                 "form-submissions": "read-write",  # a form whose fee was paid: sent from its payment's event
                 "forms": "read", "reports": "create", "report-updates": "create",
                 "events": "create", "inbox": "create", "idempotency": "create",
                 "revenue-requests": "read-write",  # a council tax request sent, its reference kept
                 "revenue-links": "read",  # a council tax form handed on: the resident's link to the account named
                 "appointments": "read-write",  # its messages; a freed time held for the first waiting
                 "repairs": "read-write",  # a reported repair's order placed at the contractor's scheduler
                 "questionnaires": "read-write",  # a repair done: its tenant asked how it went, claimed once
                 "bills": "read-write",  # a bill paid by reference: its status, its posting once
                 "figures": "read-write",  # a transaction finished, counted once for the council's figures
                 # a container request paid: confirmed with its crew's delivery job (and the job's cell count) on
                 # the round's day, or released (its open claim and its stock); a crew's delivery ended
                 "container-requests": "read-write", "container-open": "read-write",
                 "container-stock": "read-write", "job-cells": "read-write", "bin-rounds": "read",
                 "addresses": "read",
                 # a hall's booking paid (its hours booked, its holder let go) or released; a session's or
                 # deposit's refund, from its event
                 "hire-bookings": "read-write", "hire-hours": "read-write", "hire-holders": "read-write",
                 "hire-settings": "read",
                 # a licence fee paid (handlers/licensing/applying.py): the case received, or a notice given
                 # or refused with the year's tallies; the council's licence types read for its clocks
                 "licence-cases": "read-write", "licence-tallies": "read-write", "licence-types": "read",
                 "licence-representations": "read",  # a decision told to each who made one (licensing/telling.py)
                 # a resident's move (handlers/moving): its parts written once each, its council tax request
                 # made (revenue-requests above), its garden term moved; the account's address is the move's
                 # own transaction's (the API's), never the worker's
                 "moves": "read-write",
                 # a round of school offers released (handlers/schools/messages.py): its pages' events, each
                 # application's offer and waiting lists read, each text and push claimed once; a child starting
                 # school (handlers/schools/awards.py): the awards written back (the link read as above)
                 "schools": "read", "school-applications": "read-write", "school-allocations": "read-write"}
WORKER_TABLES = {
    "reports": "read", "services": "read", "wards": "read", "ward-cells": "read",
    "alert-index": "read-write", "alerts": "read-write", "alert-deliveries": "read-write",
    "broadcasts": "read-write", "outbox": "read-write", "petitions": "read", "petition-signatures": "read",
    # a consultation's notices: the consultation, its responses (respondents, at the address each was sent with)
    "consultations": "read", "consultation-responses": "read",
    # an agenda's notices: the meeting and its documents, and what each resident was told of and why
    "meetings": "read", "democracy": "read", "meeting-told": "read-write",
    "planning-applications": "read",  # a planning event's message: the application
    # an alert delivered counts as its subscriber's use of the account (handlers/alerts/delivery.py)
    "account-presence": "change",
    **EFFECT_TABLES,
}
# The nightly open data export: public reports through the month index, the
# categories, the figures' months; its files are its only writes.
EXPORTER_TABLES = {"reports": "read", "services": "read", "stats": "read"}
# The hourly questionnaires: the due index, each report and its followers
# (the reporter's channels), and a copy of each message kept in the outbox.
QUESTIONER_TABLES = {"questionnaires": "read-write", "reports": "read", "services": "read",
                     "alert-index": "read", "alerts": "read", "outbox": "read-write"}

# A send's try: the send row (its claim and outcome), the report, its body and
# category; e-mailed bodies' messages are kept in the outbox.
SENDER_TABLES = {"sends": "read-write", "reports": "read", "bodies": "read", "services": "read",
                 "outbox": "read-write"}
# Every minute: the due index, chased sends, and Open311 bodies' updates
# applied through the one report transition (with its audit, timeline, event,
# inbox rows and the update's idempotency record).
FORWARDER_TABLES = {"sends": "read-write", "bodies": "read", "body-polls": "read-write", "reports": "read-write",
                    "report-updates": "read-write", "report-audit": "read-write", "events": "read-write",
                    "inbox": "read-write", "idempotency": "read-write", "services": "read"}
# Every 5 minutes: payments unfinished or unsettled and the ledger of money that
# moved; bulky bookings whose hold ran out or whose refund is due, their days'
# places and the bulky rules; garden subscriptions (payments, renewal reminders);
# the receipts, refund notices and reminders it mails (outbox); a collection's crew
# job on its day (jobs and their cell counts, the property's point from addresses).
SETTLER_TABLES = {"payments": "read-write", "payment-ledger": "read-write", "bulky-bookings": "read-write",
                  "bulky-slots": "read-write", "garden-subscriptions": "read-write", "outbox": "read-write",
                  "waste-settings": "read", "jobs": "read-write", "job-cells": "read-write", "addresses": "read",
                  "bills": "read-write",  # a bill's payment settled by the job: its status, its receipt
                  "figures": "read-write",  # and counted once as a finished transaction (feedback/)
                  # a form's fee the job finds paid: the form sent with its event (handlers/forms/fees.py)
                  "form-submissions": "read-write", "forms": "read", "events": "create",
                  # container requests and hall bookings whose hold ran out (or whose payment the job settles),
                  # and hall bookings owing a refund their effect never made (hire/cancelling.py refunds_due)
                  "container-requests": "read-write", "container-open": "read-write",
                  "container-stock": "read-write", "bin-rounds": "read", "hire-bookings": "read-write",
                  "hire-hours": "read-write", "hire-holders": "read-write", "hire-settings": "read",
                  # a licence fee the job finds paid: the case received, or the notice given or refused; a
                  # licence the law grants undecided (licensing/deeming.py), its applicant and objectors told; a
                  # licence's renewal or annual fee reminder written with its event (licensing/renewing.py)
                  "licence-cases": "read-write", "licence-tallies": "read-write", "licence-types": "read",
                  "licence-representations": "read"}

# Every hour: open petitions past their time (the state index), closed by a
# conditional update with the event that tells their signers (the alert queue does).
CLOSER_TABLES = {"petitions": "read-write", "events": "read-write"}
# The hand-ons' sweep: the council tax requests' waiting index and each request's row, the resident's
# e-mail in the outbox; forms' webhook posts waiting in the outbox, each read from its submission and
# its form's version (handlers/forms/webhook_queue.py).
REQUESTER_TABLES = {"revenue-requests": "read-write", "outbox": "read-write", "form-submissions": "read",
                    "forms": "read"}
# Every night, each council's retention sweep (handlers/retention/sweep.py), each kind read from its due
# index. Forms' submissions past their retention deleted, their cases redacted first
# (handlers/forms/case_retention.py) through the one report transition: the report changed, never deleted
# ("change"), its inbox rows rewritten, an audit line added, its timeline's words blanked, its resident's
# follows deleted; the case found by its key (read); consultations' responses past their retention.
# Street reports past the council's period anonymised the same way, their "me too" rows deleted, their
# private notes' words replaced in the audit, the sweep's report of each run kept. Unused accounts: their
# row of last use moved (warned, its e-mail kept in the outbox) and, removed at the council, everything of
# theirs there forgotten as their own erasure forgets it (accounts/me.forget_here), the council off their
# account, and the account deleted (with its identities) when no other council knows them.
SWEEPER_TABLES = {"form-submissions": "read-write", "idempotency": "read", "reports": "change",
                  "report-updates": "change", "report-audit": "read-write", "inbox": "read-write",
                  "alerts": "read-write", "alert-index": "read-write",
                  "consultation-responses": "read-write",  # consultations' responses past their retention
                  "consultations": "read-write",  # an erased resident's response taken off its counts
                  "supporters": "read-write", "retention-runs": "read-write", "account-presence": "read-write",
                  "users": "read-write", "identities": "read-write", "sessions": "change", "outbox": "read-write",
                  # what a resident removed at the council leaves there (accounts/me.forget_here)
                  "conversations": "read-write", "conversation-messages": "read-write",
                  "conversation-links": "read-write", "conversation-parties": "read-write",
                  "revenue-links": "read-write", "revenue-views": "read-write", "revenue-audit": "create",
                  "revenue-requests": "read-write", "appointments": "read-write", "container-requests": "read-write",
                  "hire-bookings": "read-write", "participation": "read-write", "meeting-told": "read-write",
                  "repairs": "read-write", "repair-communal": "read-write", "bills": "read-write",
                  "moves": "read-write", "school-applications": "read-write", "business-starts": "read-write",
                  "events": "create",
                  "payments": "change",  # a payment's payer taken off it (never a payment deleted)
                  "questionnaires": "change"}  # a repair's "how did it go?" comment taken off its answer
# Every night, at a council without SCIM: an officer unused for its unused_days (handlers/scim/unused.py),
# found by the grants' idle index, their grant deleted with the person's granted_in, their sessions here
# ended, a line in the council's provisioning log. The one schedule that touches accounts.
SUSPENDER_TABLES = {"staff-grants": "read-write", "users": "change", "sessions": "change",
                    "directory-changes": "create"}
# A round's offers released on offer day (handlers/schools/releasing.release_due): the run chosen for it,
# the release and its event in one transaction, then the release's first try (its pages' events; the
# claims of effects), the schools and round's dates read.
RELEASER_TABLES = {"school-allocations": "read-write", "schools": "read", "events": "read-write",
                   "alert-deliveries": "read-write"}
# Tomorrow's appointments' reminders: the sparse reminder index read, each taken out with its event.
REMINDER_TABLES = {"appointments": "read-write", "events": "read-write", "outbox": "read-write",
                   "consultations": "read-write",  # and consultations' opened and closing notices' events
                   # and repairs' day-before texts: the sparse remind index, each text's event and first try
                   "repairs": "read-write", "alert-deliveries": "read-write"}
# The committee system's sync: meetings and its documents written, an agenda's publication as an
# event, the wards read to place items (a Scan of tens of rows, once a run that changes a meeting).
SYNCER_TABLES = {"meetings": "read-write", "democracy": "read-write", "events": "read-write", "wards": "read"}
# The planning register's sync: applications and its state, a change's event, and the addresses
# that place an application (one Query of the postcode index each).
PLANNER_TABLES = {"planning-applications": "read-write", "planning-sync": "read-write", "events": "read-write",
                  "addresses": "read"}
# Live chat's WebSocket functions: a connect checks the conversation (its token,
# or the caller's account, session and grants) and keeps the connection; a frame reads
# the messages after a cursor (a resident's read is noted on the conversation);
# a disconnect forgets the connection.
SOCKET_TABLES = {"chat-sockets": "read-write", "conversations": "read-write", "conversation-messages": "read",
                 "conversation-parties": "read", "users": "read", "sessions": "read",
                 "staff-grants": "read"}  # what makes the caller an officer at the socket's council


def manage_connections():
    """Posting to (and closing) the WebSocket API's connections: the API's fan-out and the frames' answers."""
    return {"Effect": "Allow", "Action": ["execute-api:ManageConnections"],
            "Resource": sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                            "${WebsocketAPI}/*/POST/@connections/*")}


def api_tables():
    return {t["name"]: "read-write" for t in schemas()}


# Every function works for a council, whose settings (words, area, working days) it reads from here:
# without it a schedule's run, a stream's batch or a socket's event fails before its first record.
COUNCIL_TABLES = {"councils": "read"}


def table_statements(tables):
    tables = {**COUNCIL_TABLES, **tables}
    statements = []
    for level in ("read", "create", "change", "read-write"):
        names = sorted(n for n, lv in tables.items() if lv == level)
        if not names:
            continue
        actions = READ + {"read": [], "create": CREATE, "change": CHANGE, "read-write": WRITE}[level]
        statements.append({"Effect": "Allow", "Action": actions, "Resource": _table_arns(names)})
    scanned = sorted(SCANNED & tables.keys())
    if scanned:
        statements.append({"Effect": "Allow", "Action": ["dynamodb:Scan"],
                           "Resource": [arn(logical_id(n)) for n in scanned]})
    return statements


def _table_arns(names):
    # The table and its indexes (queries on a GSI name the index's ARN).
    return [r for n in names for r in (arn(logical_id(n)), sub(f"${{{logical_id(n)}.Arn}}/index/*"))]


def secrets():
    return {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
            "Resource": [ref("JwtSigningKey"), ref("VapidPrivateKey"), ref("BodyLinkKey")]}


def forms_webhook_secret():
    """The keys that sign forms posted to a council system (handlers/forms/webhook.py): the default
    council's made with the stack, each other council's its own secret; read by the worker (the first
    try, an effect of the form's event) and the hand-ons' sweep (the tries after)."""
    return {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
            "Resource": [ref("FormsWebhookKey"), COUNCIL_SECRETS]}


# Each council's back offices' secrets (keystore.council_secret: doorstep/<stage>/<council>/<name>), put by
# the operator as a council is added: a council's new secret is no change to the template.
COUNCIL_SECRETS = sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:doorstep/${Stage}/*")


def payment_secrets():
    """The payment provider's API key and webhook secret, and the bill offices' key (a bill paid is
    posted from the payment's event): only the functions that talk to them."""
    return {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
            "Resource": [ref("PayApiKey"), ref("PayWebhookSecret"), ref("BillOfficeSecret"), COUNCIL_SECRETS]}


def revenues_secrets():
    """The revenues back office's service login: the API (linking, the view), the alert queue's
    worker and the requests' sweep (a resident's request sent: handlers/revenues/sending.py), the
    payments' settler (a council tax payment it settles is posted: handlers/bills/posting.py)."""
    return {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
            "Resource": [ref("CivicaUser"), ref("CivicaPassword"), COUNCIL_SECRETS]}


def mail_and_sms():
    identity = sub("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SesIdentity}")
    return [
        {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": [identity]},
        # A text goes to a phone number, which has no ARN: Publish must name
        # "*"; the Deny keeps it from reaching any topic.
        {"Effect": "Allow", "Action": ["sns:Publish"], "Resource": "*"},
        {"Effect": "Deny", "Action": ["sns:Publish"], "Resource": sub("arn:${AWS::Partition}:sns:*:*:*")},
    ]


def form_files_deleted():
    """The nightly sweep deletes a form's files with its submission (handlers/forms/retention), and a form
    sent the files its answers do not name (the worker: forms/files.on_submitted), nothing else."""
    return [{"Effect": "Allow", "Action": ["s3:DeleteObject"], "Resource": sub("${PhotoBucket.Arn}/form-files/*")},
            # Listed, so a file no answer names is found: only keys under form-files/.
            {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": arn("PhotoBucket"),
             "Condition": {"StringLike": {"s3:prefix": ["form-files/*"]}}}]


def hidden_photos_deleted():
    """The retention sweep deletes the photos moderation took off a report as the report is anonymised."""
    return {"Effect": "Allow", "Action": ["s3:DeleteObject"], "Resource": sub("${PhotoBucket.Arn}/hidden-photos/*")}


def chat_photos_deleted():
    """The retention sweep deletes a chat's photos with it (handlers/conversations/erasing.py: a chat past
    its period, an unused account's chats): chat-photos/ alone, never a street report's photos/."""
    return {"Effect": "Allow", "Action": ["s3:DeleteObject"], "Resource": sub("${PhotoBucket.Arn}/chat-photos/*")}


def meeting_papers(writer=False):
    """The sync keeps each public paper once and deletes one withdrawn or made restricted since
    (handlers/democracy/agendas.py); the API only reads them."""
    actions = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"] if writer else ["s3:GetObject"]
    return {"Effect": "Allow", "Action": actions,
            "Resource": sub("${PhotoBucket.Arn}/meeting-papers/*")}


def photos():
    bucket = "${PhotoBucket.Arn}"
    return [
        # hidden-photos/: photos moderation took off public reports, kept for staff (handlers/moderation);
        # form-files/: a form's files, copied there from uploads/ when their page is saved (handlers/forms/files);
        # chat-photos/: photos sent in live chats, cleaned there from uploads/ and deleted with the chat.
        {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
         "Resource": [sub(f"{bucket}/uploads/*"), sub(f"{bucket}/photos/*"), sub(f"{bucket}/hidden-photos/*"),
                      sub(f"{bucket}/form-files/*"), sub(f"{bucket}/chat-photos/*")]},
        # GET /v1/open-data reads the export's index and signs links to its files; a
        # moderation rewrites the published files at once (opendata/export.rewrite_report).
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": sub(f"{bucket}/public-data/*")},
        # Without ListBucket a missing upload answers 403, not 404.
        {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": arn("PhotoBucket")},
    ]


def offboarding():
    """A council leaving, stepped through the operator's route (handlers/operator/offboarding.py, the
    operator's alone): every table and index read whole once (a Scan; the council's items are those its
    key names) and its items deleted (the API's WRITE); every kind of file listed, read, tagged with the
    council's backup_days and deleted under the council's own prefix; its export written under offboarding/."""
    bucket = "${PhotoBucket.Arn}"
    every_table = _table_arns(sorted(t["name"] for t in schemas()))
    return [{"Effect": "Allow", "Action": ["dynamodb:Scan"], "Resource": every_table},
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject", "s3:PutObjectTagging"],
             "Resource": sub(f"{bucket}/*")},
            {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": sub(f"{bucket}/offboarding/*")},
            {"Effect": "Allow", "Action": ["s3:GetBucketVersioning", "s3:ListBucket"], "Resource": arn("PhotoBucket")}]


def logs(function_name):
    """Writing to the function's own log group (`function_name` may hold ${Stage})."""
    return {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
                            f"/aws/lambda/{function_name}:*")}


def open_data():
    """The export writes and reads (its last index) the public-data/ prefix, nothing else of the bucket."""
    return [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"],
             "Resource": sub("${PhotoBucket.Arn}/public-data/*")},
            # Without ListBucket the first export's missing index answers 403, not 404.
            {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": arn("PhotoBucket")}]
