"""The functions Chalice generates, completed: the runtime, a role of its
own each, their settings, the API's throttling, the events stream wired to
the dispatcher with a dead-letter queue for what it cannot dispatch, and
the alert queue (alert_queue.py) feeding the worker.
"""
from chalicelib.handlers.alerts import batching

from . import access, alert_queue, send_queue
from .cfn import arn, ref, sub
from ..runtime import RUNTIME

API = "APIHandler"
DISPATCHER = "DispatchEvents"
WORKER = "DeliverAlerts"
EXPORTER = "ExportOpenData"  # the nightly open data export (@app.schedule)
QUESTIONER = "SendQuestionnaires"  # the hourly "has it been fixed?" (@app.schedule)
SENDER = "SendReports"  # reports to other bodies (the send queue)
FORWARDER = "ForwardReports"  # every minute: due tries queued, bodies' updates read (@app.schedule)
SETTLER = "SettlePayments"  # every 5 minutes: payments reconciled, bulky holds and refunds (@app.schedule)
CLOSER = "ClosePetitions"  # every hour: petitions past their time closed, their notice queued (@app.schedule)
REQUESTER = "SendCouncilTaxRequests"  # every minute: council tax requests left waiting sent again (@app.schedule)
# Every night: each council's retention sweep (reports anonymised, unused accounts warned and removed, forms'
# submissions and consultations' responses past their retention deleted with their files) (@app.schedule)
SWEEPER = "SweepRetention"
REMINDER = "RemindAppointments"  # every 15 minutes: tomorrow's appointments' reminder events (@app.schedule)
SYNCER = "SyncMeetings"  # every 15 minutes: the committee system read into our copy (@app.schedule)
PLANNER = "SyncPlanning"  # every hour: the planning register read into our copy (@app.schedule)
SUSPENDER = "SuspendUnusedOfficers"  # every night: officers unused for the council's unused_days (@app.schedule)
RELEASER = "ReleaseSchoolOffers"  # every 15 minutes: a round's offers chosen for offer day released (@app.schedule)
# Live chat's WebSocket API (@app.on_ws_connect, on_ws_message, on_ws_disconnect): Chalice's names.
CONNECT, MESSAGE, DISCONNECT = "WebsocketConnect", "WebsocketMessage", "WebsocketDisconnect"
SOCKETS = (CONNECT, MESSAGE, DISCONNECT)
AUTHORISER = "ChatSocketAuthorise"  # $connect's REQUEST authoriser (sockets.py): which council a socket is for
# Named here, not by CloudFormation, so each role can name its function's log
# group without depending on the function (which depends on the role).
NAMES = {API: "doorstep-${Stage}-api", DISPATCHER: "doorstep-${Stage}-dispatch-events",
         WORKER: "doorstep-${Stage}-deliver-alerts", EXPORTER: "doorstep-${Stage}-export-open-data",
         QUESTIONER: "doorstep-${Stage}-send-questionnaires", SENDER: "doorstep-${Stage}-send-reports",
         FORWARDER: "doorstep-${Stage}-forward-reports", SETTLER: "doorstep-${Stage}-settle-payments",
         CLOSER: "doorstep-${Stage}-close-petitions", REQUESTER: "doorstep-${Stage}-send-council-tax-requests",
         SWEEPER: "doorstep-${Stage}-sweep-retention",
         REMINDER: "doorstep-${Stage}-remind-appointments", SYNCER: "doorstep-${Stage}-sync-meetings",
         PLANNER: "doorstep-${Stage}-sync-planning", SUSPENDER: "doorstep-${Stage}-suspend-unused-officers",
         RELEASER: "doorstep-${Stage}-release-school-offers",
         CONNECT: "doorstep-${Stage}-chat-socket-connect",
         MESSAGE: "doorstep-${Stage}-chat-socket-message", DISCONNECT: "doorstep-${Stage}-chat-socket-disconnect",
         AUTHORISER: "doorstep-${Stage}-chat-socket-authorise"}
# Chalice's names for each function's log group.
LOG_GROUPS = {API: "ApiHandlerLogGroup", DISPATCHER: "DispatchEventsLogGroup", WORKER: "DeliverAlertsLogGroup",
              EXPORTER: "ExportOpenDataLogGroup", QUESTIONER: "SendQuestionnairesLogGroup",
              SENDER: "SendReportsLogGroup", FORWARDER: "ForwardReportsLogGroup", SETTLER: "SettlePaymentsLogGroup",
              CLOSER: "ClosePetitionsLogGroup", REQUESTER: "SendCouncilTaxRequestsLogGroup",
              SWEEPER: "SweepRetentionLogGroup", REMINDER: "RemindAppointmentsLogGroup", SYNCER: "SyncMeetingsLogGroup",
              PLANNER: "SyncPlanningLogGroup", SUSPENDER: "SuspendUnusedOfficersLogGroup",
              RELEASER: "ReleaseSchoolOffersLogGroup", **{f: f"{f}LogGroup" for f in (*SOCKETS, AUTHORISER)}}
FUNCTIONS = (API, DISPATCHER, WORKER, EXPORTER, QUESTIONER, SENDER, FORWARDER, SETTLER, CLOSER, REQUESTER,
             SWEEPER, REMINDER, SYNCER, PLANNER, SUSPENDER, RELEASER, *SOCKETS, AUTHORISER)
DEAD_LETTER_QUEUES = ("DispatchFailures", alert_queue.DEAD)
# (timeout, memory) of the event functions; the API keeps .chalice/config.json's.
SETTINGS = {DISPATCHER: (batching.STREAM_TIMEOUT_S, 512), WORKER: (batching.WORKER_TIMEOUT_S, 512),
            EXPORTER: (900, 1024),  # every public report's files are built in memory
            QUESTIONER: (300, 256),  # at most SEND_BATCH messages a run
            SENDER: (120, 256),  # ten tries of two 10 s calls at most
            FORWARDER: (50, 256),  # a minute's sweep and polls, done before the next
            SETTLER: (300, 256),  # at most RECONCILE_BATCH payments, each one provider call or two
            CLOSER: (300, 256),  # closing petitions; their signers are told from the alert queue
            REQUESTER: (240, 256),  # at most 25 requests, each one back-office session
            SWEEPER: (900, 256),  # at most sweep.BATCH of each kind a council; the next night takes the rest
            REMINDER: (900, 256),  # a day's reminders: 10,000 one-transaction writes; the next run finishes any left
            SYNCER: (300, 256),  # tens of 10 s calls at most; a run stops asking at the first that fails
            PLANNER: (900, 256),  # at most DOORSTEP_PLANNING_BUDGET (60) requests 10 s apart; the next run goes on
            SUSPENDER: (300, 256),  # at most unused.BATCH officers a council; the next night takes the rest
            RELEASER: (300, 512),  # two rounds a council; a release's first try pages its offers into events
            **dict.fromkeys(SOCKETS, (10, 256)),  # one connection's check, or one page of messages
            AUTHORISER: (5, 128)}  # one address looked up, kept warm in the process


def environment():
    return {
        "DOORSTEP_STAGE": ref("Stage"),
        "DOORSTEP_TABLE_PREFIX": sub("doorstep-${Stage}-"),
        "DOORSTEP_PHOTO_BUCKET": ref("PhotoBucket"),
        "DOORSTEP_PUBLIC_URL": ref("PublicUrl"),
        "DOORSTEP_EMAIL_FROM": ref("EmailFrom"),
        "DOORSTEP_JWT_SECRET_ARN": ref("JwtSigningKey"),
        "DOORSTEP_VAPID_PRIVATE_KEY_ARN": ref("VapidPrivateKey"),
        "DOORSTEP_ALERT_QUEUE_URL": ref(alert_queue.QUEUE),
        "DOORSTEP_OPEN_DATA_LICENCE": ref("OpenDataLicence"),
        "DOORSTEP_SEND_QUEUE_URL": ref(send_queue.QUEUE),
        "DOORSTEP_BODY_LINK_SECRET_ARN": ref("BodyLinkKey"),
        "DOORSTEP_PAY_URL": ref("PayUrl"),
        # Secrets Manager secrets (template/secrets.py), read once per cold start (chalicelib/keystore.optional).
        "DOORSTEP_PAY_API_KEY_ARN": ref("PayApiKey"),
        "DOORSTEP_PAY_WEBHOOK_SECRET_ARN": ref("PayWebhookSecret"),
        # The revenues back office (handlers/revenues): its URL, and its service login as secrets.
        "DOORSTEP_CIVICA_URL": ref("CivicaUrl"),
        "DOORSTEP_CIVICA_USER_ARN": ref("CivicaUser"),
        "DOORSTEP_CIVICA_PASSWORD_ARN": ref("CivicaPassword"),
        # Forms posted to a council system's webhook are signed with this (handlers/forms/webhook.py).
        "DOORSTEP_FORMS_WEBHOOK_SECRET_ARN": ref("FormsWebhookKey"),
        # Paying bills: the parking system and finance's posting receivers, and the key they share.
        "DOORSTEP_BILL_OFFICE_URL": ref("BillOfficeUrl"),
        "DOORSTEP_BILL_OFFICE_SECRET_ARN": ref("BillOfficeSecret"),
        # The committee system (handlers/democracy): a Modern.gov site's root; its pages are public.
        "DOORSTEP_MODERNGOV_URL": ref("ModernGovUrl"),
        # The planning register (handlers/planning): its public pages, or PlanIt's API.
        "DOORSTEP_PLANNING_URL": ref("PlanningUrl"), "DOORSTEP_PLANNING_VENDOR": ref("PlanningVendor"),
        "DOORSTEP_PLANNING_AUTHORITY": ref("PlanningAuthority"),
        # Meetings' webcasts (handlers/participation): the player's address and the recordings' chapters index.
        "DOORSTEP_WEBCAST_URL": ref("WebcastUrl"),
        "DOORSTEP_WEBCAST_CHAPTERS_URL": ref("WebcastChaptersUrl"),
        # Live chat: the WebSocket API the screens open; new messages are posted to its management API.
        "DOORSTEP_SOCKET_URL": sub("wss://${WebsocketAPI}.execute-api.${AWS::Region}.amazonaws.com/api"),
    }


def role(statements):
    return {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "least-privilege",
                      "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}}],
    }}


def resources(app):
    api_role = role([access.logs(NAMES[API]), *access.table_statements(access.api_tables()),
                     *access.photos(), access.secrets(), access.payment_secrets(), access.revenues_secrets(),
                     access.meeting_papers(), *access.mail_and_sms(), *access.offboarding(),
                     send_queue.send_tries(), access.manage_connections()])
    dispatcher_role = role([
        access.logs(NAMES[DISPATCHER]), *access.table_statements(access.DISPATCHER_TABLES),
        {"Effect": "Allow", "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords",
                                       "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
         "Resource": arn("EventsTable", "StreamArn")},
        {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": arn("DispatchFailures")},
        alert_queue.send_jobs(), send_queue.send_tries(),
    ])
    worker_role = role([access.logs(NAMES[WORKER]), *alert_queue.worker_statements()])
    exporter_role = role([access.logs(NAMES[EXPORTER]), *access.table_statements(access.EXPORTER_TABLES),
                          *access.open_data()])
    questioner_role = role([access.logs(NAMES[QUESTIONER]), *access.table_statements(access.QUESTIONER_TABLES),
                            access.secrets(), *access.mail_and_sms()])  # secrets: the VAPID key, unsubscribe links
    sender_role = role([access.logs(NAMES[SENDER]), *access.table_statements(access.SENDER_TABLES),
                        access.secrets(), *access.mail_and_sms(), send_queue.consume()])
    forwarder_role = role([access.logs(NAMES[FORWARDER]), *access.table_statements(access.FORWARDER_TABLES),
                           send_queue.send_tries()])
    settler_role = role([access.logs(NAMES[SETTLER]), *access.table_statements(access.SETTLER_TABLES),
                         access.payment_secrets(), *access.mail_and_sms(),  # receipts and refund notices
                         access.revenues_secrets()])  # a council tax payment the job settles, posted to Civica
    # No mail: the closing notice goes from the alert queue's worker (the closing's event).
    closer_role = role([access.logs(NAMES[CLOSER]), *access.table_statements(access.CLOSER_TABLES)])
    requester_role = role([access.logs(NAMES[REQUESTER]), *access.table_statements(access.REQUESTER_TABLES),
                           access.revenues_secrets(), *access.mail_and_sms(),  # the resident told when taken
                           access.forms_webhook_secret()])  # forms' webhook posts tried again (forms/webhook_queue.py)
    sweeper_role = role([access.logs(NAMES[SWEEPER]), *access.table_statements(access.SWEEPER_TABLES),
                         *access.form_files_deleted(), access.hidden_photos_deleted(), access.chat_photos_deleted(),
                         *access.mail_and_sms()])  # an unused account's warning
    # Reminders go from the alert queue's worker (each reminder's event); an
    # offer passed on to the next resident waiting is told from here.
    reminder_role = role([access.logs(NAMES[REMINDER]), *access.table_statements(access.REMINDER_TABLES),
                          access.secrets(), *access.mail_and_sms()])
    # The committee system's sync: our copy of meetings written, each paper kept once, events of publication.
    syncer_role = role([access.logs(NAMES[SYNCER]), *access.table_statements(access.SYNCER_TABLES),
                        access.meeting_papers(writer=True)])
    # The planning register's sync: our copy of applications and its state written, a change's event, the
    # addresses read to place an application.
    planner_role = role([access.logs(NAMES[PLANNER]), *access.table_statements(access.PLANNER_TABLES)])
    # Officers unused for their council's unused_days suspended: their grant, sessions, a log line; no mail.
    suspender_role = role([access.logs(NAMES[SUSPENDER]), *access.table_statements(access.SUSPENDER_TABLES)])
    # A round's offers released on offer day: the release and its event; the messages go from the worker.
    releaser_role = role([access.logs(NAMES[RELEASER]), *access.table_statements(access.RELEASER_TABLES)])
    socket_roles = {f"{f}Role": role([access.logs(NAMES[f]), *access.table_statements(access.SOCKET_TABLES),
                                      access.secrets(), access.manage_connections()]) for f in SOCKETS}
    # The authoriser reads the councils' addresses, nothing else.
    authoriser_role = role([access.logs(NAMES[AUTHORISER]), *access.table_statements(access.COUNCIL_TABLES)])
    out = {
        **socket_roles,
        **{f: _function(f, f"{f}Role") for f in SOCKETS},
        f"{AUTHORISER}Role": authoriser_role,
        AUTHORISER: _function(AUTHORISER, f"{AUTHORISER}Role"),
        "ApiRole": api_role,
        "CloserRole": closer_role,
        CLOSER: _function(CLOSER, "CloserRole"),
        "RequesterRole": requester_role,
        REQUESTER: _function(REQUESTER, "RequesterRole"),
        "SweeperRole": sweeper_role,
        SWEEPER: _function(SWEEPER, "SweeperRole"),
        "ReminderRole": reminder_role,
        REMINDER: _function(REMINDER, "ReminderRole"),
        "SyncerRole": syncer_role,
        SYNCER: _function(SYNCER, "SyncerRole"),
        "PlannerRole": planner_role,
        PLANNER: _function(PLANNER, "PlannerRole"),
        "SuspenderRole": suspender_role,
        SUSPENDER: _function(SUSPENDER, "SuspenderRole"),
        "ReleaserRole": releaser_role,
        RELEASER: _function(RELEASER, "ReleaserRole"),
        "SenderRole": sender_role,
        "ForwarderRole": forwarder_role,
        SENDER: _function(SENDER, "SenderRole"),
        FORWARDER: _function(FORWARDER, "ForwarderRole"),
        **send_queue.resources(SENDER),
        "SettlerRole": settler_role,
        "QuestionerRole": questioner_role,
        "DispatcherRole": dispatcher_role,
        "WorkerRole": worker_role,
        "ExporterRole": exporter_role,
        API: _function(API, "ApiRole"),
        DISPATCHER: _function(DISPATCHER, "DispatcherRole"),
        WORKER: _function(WORKER, "WorkerRole"),
        EXPORTER: _function(EXPORTER, "ExporterRole"),
        QUESTIONER: _function(QUESTIONER, "QuestionerRole"),
        SETTLER: _function(SETTLER, "SettlerRole"),
        **alert_queue.resources(WORKER),
        # (Chalice 1.34 names the API's log group after "ApiHandler", a
        # resource that does not exist; the names replace both.)
        **{LOG_GROUPS[f]: {"Properties": {"LogGroupName": sub(f"/aws/lambda/{NAMES[f]}")}} for f in FUNCTIONS},
        "RestAPI": {"Properties": {
            "Name": sub("doorstep-${Stage}"),
            "MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "MetricsEnabled": True,
                                "ThrottlingRateLimit": ref("ApiRateLimit"),
                                "ThrottlingBurstLimit": ref("ApiBurstLimit")}]}},
        "DispatchFailures": {"Type": "AWS::SQS::Queue", "Properties": {
            "MessageRetentionPeriod": 14 * 24 * 3600, "SqsManagedSseEnabled": True}},
        "EventsStreamToDispatcher": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
            "EventSourceArn": arn("EventsTable", "StreamArn"),
            "FunctionName": ref(DISPATCHER),
            "StartingPosition": "TRIM_HORIZON",
            "BatchSize": batching.STREAM_BATCH,
            # Only new events are news (TTL deletions are not): the rest
            # never start the function.
            "FilterCriteria": {"Filters": [{"Pattern": '{"eventName": ["INSERT"]}'}]},
            # A failing batch is halved until the bad record stands alone,
            # retried (its page jobs, queued again, find their deliveries
            # claimed), then its description goes to the dead-letter queue.
            "BisectBatchOnFunctionError": True,
            "MaximumRetryAttempts": 5,
            "MaximumRecordAgeInSeconds": 24 * 3600,
            "DestinationConfig": {"OnFailure": {"Destination": arn("DispatchFailures")}},
        }},
    }
    outputs = {"DispatchFailuresQueue": ref("DispatchFailures"), "AlertPagesQueue": ref(alert_queue.QUEUE),
               "AlertPagesDeadLetterQueue": ref(alert_queue.DEAD), "ApiRoleArn": arn("ApiRole"),
               "SendTriesQueue": ref(send_queue.QUEUE), "SendTriesDeadLetterQueue": ref(send_queue.DEAD)}
    return out, outputs


def _function(function, role_name):
    props = {"FunctionName": sub(NAMES[function]), "Runtime": RUNTIME, "Role": arn(role_name),
             "Environment": {"Variables": environment()}}
    if function in SETTINGS:
        props["Timeout"], props["MemorySize"] = SETTINGS[function]
    return {"Properties": props}
