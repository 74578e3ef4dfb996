"""The functions Chalice generates, completed: the runtime, a role of its
own each, their settings, the API's throttling, and the events stream wired
to the dispatcher with a dead-letter queue for what it cannot dispatch.

Adding the queued delivery stage later: an SQS queue (with its own
dead-letter queue) beside DispatchFailures, a `DeliverAlerts` function from
`@app.lambda_function` given a role like the dispatcher's (its send rights
move there), an AWS::Lambda::EventSourceMapping from the queue with
FunctionResponseTypes [ReportBatchItemFailures], and sqs:SendMessage on the
queue for the dispatcher; alarms.py picks up queues and functions listed here.
"""
from . import access
from .cfn import arn, ref, sub
from ..runtime import RUNTIME

API = "APIHandler"
DISPATCHER = "DispatchEvents"
EXPORTER = "ExportOpenData"  # the nightly open data export (@app.schedule)
# Named here, not by CloudFormation, so each role can name its function's log
# group without depending on the function (which depends on the role).
NAMES = {API: "doorstep-${Stage}-api", DISPATCHER: "doorstep-${Stage}-dispatch-events",
         EXPORTER: "doorstep-${Stage}-export-open-data"}
# Chalice's names for each function's log group.
LOG_GROUPS = {API: "ApiHandlerLogGroup", DISPATCHER: "DispatchEventsLogGroup", EXPORTER: "ExportOpenDataLogGroup"}
FUNCTIONS = (API, DISPATCHER, EXPORTER)
DEAD_LETTER_QUEUES = ("DispatchFailures",)


def environment():
    return {
        "DOORSTEP_STAGE": ref("Stage"),
        "DOORSTEP_TABLE_PREFIX": sub("doorstep-${Stage}-"),
        "DOORSTEP_PHOTO_BUCKET": ref("PhotoBucket"),
        "DOORSTEP_PUBLIC_URL": ref("PublicUrl"),
        "DOORSTEP_EMAIL_FROM": ref("EmailFrom"),
        "DOORSTEP_JWT_SECRET_ARN": ref("JwtSigningKey"),
        "DOORSTEP_VAPID_PRIVATE_KEY_ARN": ref("VapidPrivateKey"),
        "DOORSTEP_OPEN_DATA_LICENCE": ref("OpenDataLicence"),
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
                     *access.photos(), access.secrets(), *access.mail_and_sms()])
    dispatcher_role = role([
        access.logs(NAMES[DISPATCHER]), *access.table_statements(access.DISPATCHER_TABLES),
        access.secrets(),  # the VAPID key, and the signing key that derives unsubscribe links
        *access.mail_and_sms(),
        {"Effect": "Allow", "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords",
                                       "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
         "Resource": arn("EventsTable", "StreamArn")},
        {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": arn("DispatchFailures")},
    ])
    exporter_role = role([access.logs(NAMES[EXPORTER]), *access.table_statements(access.EXPORTER_TABLES),
                          *access.open_data()])
    out = {
        "ApiRole": api_role,
        "DispatcherRole": dispatcher_role,
        "ExporterRole": exporter_role,
        API: _function(API, "ApiRole"),
        DISPATCHER: _function(DISPATCHER, "DispatcherRole"),
        EXPORTER: _function(EXPORTER, "ExporterRole"),
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
            "BatchSize": 50,
            # Only new events are news (TTL deletions are not): the rest
            # never start the function.
            "FilterCriteria": {"Filters": [{"Pattern": '{"eventName": ["INSERT"]}'}]},
            # A failing batch is halved until the bad record stands alone,
            # retried (claims make a retry send nothing already sent), then
            # its description goes to the dead-letter queue.
            "BisectBatchOnFunctionError": True,
            "MaximumRetryAttempts": 5,
            "MaximumRecordAgeInSeconds": 24 * 3600,
            "DestinationConfig": {"OnFailure": {"Destination": arn("DispatchFailures")}},
        }},
    }
    outputs = {"DispatchFailuresQueue": ref("DispatchFailures"), "ApiRoleArn": arn("ApiRole")}
    return out, outputs


def _function(function, role_name):
    return {"Properties": {"FunctionName": sub(NAMES[function]), "Runtime": RUNTIME, "Role": arn(role_name),
                           "Environment": {"Variables": environment()}}}
