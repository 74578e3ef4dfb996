"""The template: every table as its model declares it, and each part of the
deployment set up the way infra/README.md promises."""
import fnmatch
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.infra_support import of_type, package, template  # noqa: F401  (fixtures)

pytestmark = pytest.mark.xdist_group("package")

ROOT = Path(__file__).resolve().parents[2]


def test_cfn_lint_accepts_the_template(package):
    result = subprocess.run([str(Path(sys.executable).parent / "cfn-lint"), str(package[1])],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_table_has_the_keys_indexes_ttl_and_stream_of_its_model(template, storage):
    """Tables made by PynamoDB from the models (moto, as in every test)
    against the template's, table by table."""
    import boto3
    client = boto3.client("dynamodb")
    made = {}
    names = [n for page in client.get_paginator("list_tables").paginate() for n in page["TableNames"]]
    for name in names:  # a page holds 100 names at most: there are more tables than that now
        table = client.describe_table(TableName=name)["Table"]
        ttl = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        made[name.removeprefix("test-")] = {
            "keys": table["KeySchema"], "attributes": _sorted(table["AttributeDefinitions"]),
            "global": _indexes(table.get("GlobalSecondaryIndexes")),
            "local": _indexes(table.get("LocalSecondaryIndexes")),
            "ttl": ttl.get("AttributeName") if ttl["TimeToLiveStatus"] == "ENABLED" else None,
            "stream": (table.get("StreamSpecification") or {}).get("StreamViewType"),
        }
    templated = {}
    for table in of_type(template, "AWS::DynamoDB::Table").values():
        p = table["Properties"]
        templated[p["TableName"]["Fn::Sub"].removeprefix("doorstep-${Stage}-")] = {
            "keys": p["KeySchema"], "attributes": _sorted(p["AttributeDefinitions"]),
            "global": _indexes(p.get("GlobalSecondaryIndexes")), "local": _indexes(p.get("LocalSecondaryIndexes")),
            "ttl": p.get("TimeToLiveSpecification", {}).get("AttributeName"),
            "stream": p.get("StreamSpecification", {}).get("StreamViewType"),
        }
    assert "reports" in made and "events" in made  # the models were there to compare
    assert templated == made
    assert made["events"]["stream"] == "NEW_IMAGE"


def _sorted(definitions):
    return sorted(definitions, key=lambda d: d["AttributeName"])


def _indexes(indexes):
    return sorted(({"name": i["IndexName"], "keys": [{k["KeyType"]: k["AttributeName"]} for k in i["KeySchema"]],
                    "projection": i["Projection"].get("ProjectionType"),
                    "extra": sorted(i["Projection"].get("NonKeyAttributes", []))} for i in indexes or []),
                  key=lambda i: i["name"])


def test_every_table_is_recoverable_encrypted_and_protected(template):
    for name, table in of_type(template, "AWS::DynamoDB::Table").items():
        p = table["Properties"]
        assert p["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True,
                                                         "RecoveryPeriodInDays": 35}, name
        assert p["SSESpecification"] == {"SSEEnabled": True}, name
        assert p["DeletionProtectionEnabled"] is True, name
        assert table["DeletionPolicy"] == table["UpdateReplacePolicy"] == "Retain", name


def _statements(template):
    for name, role in of_type(template, "AWS::IAM::Role").items():
        for policy in role["Properties"].get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                yield name, statement


def test_no_role_allows_a_wildcard_action(template):
    roles = of_type(template, "AWS::IAM::Role")
    assert set(roles) == {"ApiRole", "DispatcherRole", "WorkerRole", "ExporterRole", "QuestionerRole", "SenderRole",
                          "ForwarderRole", "SettlerRole", "CloserRole", "RequesterRole", "SweeperRole", "ReminderRole",
                          "SyncerRole", "PlannerRole", "WebsocketConnectRole", "WebsocketMessageRole",
                          "WebsocketDisconnectRole", "ChatSocketAuthoriseRole", "SuspenderRole", "ReleaserRole"}
    for name, statement in _statements(template):
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        assert not any("*" in a for a in actions), (name, statement)
        if statement["Effect"] == "Allow" and statement["Resource"] == "*":
            assert actions == ["sns:Publish"], (name, statement)  # phone numbers have no ARN


def test_each_function_has_its_own_role_and_the_alert_functions_cannot_touch_accounts_or_photos(template):
    from infra.template.access import READ
    from infra.template.tables import logical_id
    functions = of_type(template, "AWS::Serverless::Function")
    assert {f["Properties"]["Role"]["Fn::GetAtt"][0] for f in functions.values()} == {
        "ApiRole", "DispatcherRole", "WorkerRole", "ExporterRole", "QuestionerRole", "SenderRole", "ForwarderRole",
        "SettlerRole", "CloserRole", "RequesterRole", "SweeperRole", "ReminderRole", "SyncerRole", "PlannerRole",
        "WebsocketConnectRole", "WebsocketMessageRole", "WebsocketDisconnectRole", "ChatSocketAuthoriseRole",
        "SuspenderRole", "ReleaserRole"}
    # The retention sweeper touches accounts (an unused one removed at its council) as the suspender does:
    # test_the_retention_sweep_runs_nightly_... holds it to what retention removes.
    for role in ("DispatcherRole", "WorkerRole", "QuestionerRole", "SenderRole", "ForwarderRole", "SettlerRole",
                 "CloserRole", "RequesterRole", "ReminderRole", "ReleaserRole"):
        statements = [s for n, s in _statements(template) if n == role]
        for resource in ("UsersTable", "SessionsTable", "PhotoBucket"):
            if resource == "PhotoBucket" and role == "WorkerRole":
                _form_files_only(statements)  # the files a form sent does not name
            else:
                assert resource not in str(statements), (role, resource)
        # Only the forwarder changes reports at will: a body's update, through the one transition. The worker
        # opens a form's case (a new report, from the form's event) and may only create one: no update, no
        # delete. (The retention sweeper changes reports through the same transition, never deletes one.)
        writing = [s for s in statements if "dynamodb:PutItem" in s["Action"] and "ReportsTable" in str(s)]
        if role == "WorkerRole":
            assert [s["Action"] for s in writing] == [READ + ["dynamodb:PutItem"]], writing
            for table in ("reports", "report-updates", "events", "inbox", "idempotency"):
                assert logical_id(table) in str(writing) and logical_id(table) not in str(
                    [s for s in statements if "dynamodb:UpdateItem" in s["Action"]]), table
        elif role != "ForwarderRole":
            assert writing == [], role


def test_the_dispatcher_only_queues_page_jobs_and_the_worker_alone_sends(template):
    dispatcher = [s for n, s in _statements(template) if n == "DispatcherRole"]
    worker = [s for n, s in _statements(template) if n == "WorkerRole"]
    actions = lambda statements: {a for s in statements if s["Effect"] == "Allow" for a in s["Action"]}  # noqa: E731
    for sending in ("ses:SendEmail", "sns:Publish", "secretsmanager:GetSecretValue"):
        assert sending not in actions(dispatcher) and sending in actions(worker)
    # The dispatcher writes the performance figures' counters and the questionnaires' schedule, nothing else.
    from infra.template.tables import logical_id
    writes = [s for s in dispatcher if s["Effect"] == "Allow" and "dynamodb:PutItem" in s["Action"]]
    written = {table for s in writes for table in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert written == {logical_id("stats"), logical_id("questionnaires")}, written
    assert {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": {"Fn::GetAtt": ["AlertPages", "Arn"]}} \
        in dispatcher
    assert "AlertDeliveriesTable" not in str(dispatcher) and "AlertDeliveriesTable" in str(worker)


def test_the_tables_the_roles_may_scan_are_those_the_code_scans():
    from chalicelib.storage import binding, schema  # noqa: F401  (declares the models)
    from infra.template.access import SCANNED
    short = {model.__name__: binding.short_name(model) for model in binding.models()}
    scanned = set()
    for path in (ROOT / "chalicelib").rglob("*.py"):
        lines = [line for line in path.read_text().splitlines() if "CLI only" not in line]
        scanned |= {short[m] for m in re.findall(r"(\w+Model)\.scan\(", "\n".join(lines))}
    assert scanned == SCANNED


def test_the_public_url_is_a_required_parameter_the_functions_get(template):
    assert "Default" not in template["Parameters"]["PublicUrl"]
    for function in of_type(template, "AWS::Serverless::Function").values():
        env = function["Properties"]["Environment"]["Variables"]
        assert env["DOORSTEP_PUBLIC_URL"] == {"Ref": "PublicUrl"}
        assert env["DOORSTEP_JWT_SECRET_ARN"] == {"Ref": "JwtSigningKey"}
        assert env["DOORSTEP_VAPID_PRIVATE_KEY_ARN"] == {"Ref": "VapidPrivateKey"}


def _mapping(template, function):
    (mapping,) = [m for m in of_type(template, "AWS::Lambda::EventSourceMapping").values()
                  if m["Properties"]["FunctionName"] == {"Ref": function}]
    return mapping["Properties"]


def test_the_events_stream_feeds_the_dispatcher_and_failures_go_to_a_dead_letter_queue(template):
    p = _mapping(template, "DispatchEvents")
    assert p["EventSourceArn"] == {"Fn::GetAtt": ["EventsTable", "StreamArn"]}
    assert template["Resources"]["DispatchEvents"]["Properties"]["Handler"] == "app.dispatch_events"
    assert p["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": ["DispatchFailures", "Arn"]}
    assert p["MaximumRetryAttempts"] > 0


def test_the_alert_queue_feeds_the_worker_in_the_codes_batches_with_partial_failures_and_dead_letters(template):
    from chalicelib.handlers.alerts import batching
    p = _mapping(template, "DeliverAlerts")
    resources = template["Resources"]
    assert template["Resources"]["DeliverAlerts"]["Properties"]["Handler"] == "app.deliver_alerts"
    assert p["EventSourceArn"] == {"Fn::GetAtt": ["AlertPages", "Arn"]}
    assert p["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert p["BatchSize"] == batching.WORKER_BATCH
    assert p["ScalingConfig"]["MaximumConcurrency"] == batching.WORKER_CONCURRENCY
    queue = resources["AlertPages"]["Properties"]
    assert queue["RedrivePolicy"] == {"deadLetterTargetArn": {"Fn::GetAtt": ["AlertPagesDead", "Arn"]},
                                      "maxReceiveCount": batching.MAX_RECEIVES}
    worker = resources["DeliverAlerts"]["Properties"]
    assert worker["Timeout"] == batching.WORKER_TIMEOUT_S and queue["VisibilityTimeout"] >= 6 * worker["Timeout"]
    assert resources["DispatchEvents"]["Properties"]["Timeout"] == batching.STREAM_TIMEOUT_S
    assert _mapping(template, "DispatchEvents")["BatchSize"] == batching.STREAM_BATCH
    for name in ("AlertPages", "AlertPagesDead"):
        assert resources[name]["Properties"]["SqsManagedSseEnabled"] is True
        [deny] = resources[f"{name}Policy"]["Properties"]["PolicyDocument"]["Statement"]
        assert deny["Effect"] == "Deny" and deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    for function in ("DispatchEvents", "DeliverAlerts"):
        variables = resources[function]["Properties"]["Environment"]["Variables"]
        assert variables["DOORSTEP_ALERT_QUEUE_URL"] == {"Ref": "AlertPages"}


def test_the_photo_bucket_is_private_tls_only_and_forgets_unclaimed_uploads(template):
    bucket = template["Resources"]["PhotoBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    origins = bucket["CorsConfiguration"]["CorsRules"][0]["AllowedOrigins"]["Fn::If"]
    assert origins[0] == "HasCouncilAddresses" and origins[2] == [{"Ref": "PublicUrl"}]  # and each council's
    assert "POST" in bucket["CorsConfiguration"]["CorsRules"][0]["AllowedMethods"]
    rules = {r["Id"]: r for r in bucket["LifecycleConfiguration"]["Rules"]}
    assert rules["UnclaimedUploads"]["Prefix"] == "uploads/" and rules["UnclaimedUploads"]["ExpirationInDays"] == 1
    # Old versions, the files' backups, kept as the tables' are; a leaving council's files as its backup_days say.
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert rules["OldVersions"]["NoncurrentVersionExpiration"] == {"NoncurrentDays": 35}
    assert rules["BackupDays14"] == {"Id": "BackupDays14", "Status": "Enabled", "TagFilters": [
        {"Key": "backup-days", "Value": "14"}], "NoncurrentVersionExpiration": {"NoncurrentDays": 14}}
    from chalicelib.councils.schema import SCHEMA
    most = SCHEMA["properties"]["retention"]["properties"]["backup_days"]["maximum"]
    assert {f"BackupDays{n}" for n in range(1, most + 1)} <= set(rules)  # every value a council may set
    policy = template["Resources"]["PhotoBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {"Bool": {"aws:SecureTransport": "false"}} in [s.get("Condition") for s in policy if s["Effect"] == "Deny"]


def test_cloudfront_sends_every_api_route_to_the_api_and_the_rest_to_the_web_app(template):
    from app import app
    config = template["Resources"]["Site"]["Properties"]["DistributionConfig"]
    api = [b["PathPattern"] for b in config["CacheBehaviors"] if b["TargetOriginId"] == "api"]
    for path in app.routes:
        if path != "/{proxy+}":
            assert any(fnmatch.fnmatch(path.replace("{", "x").replace("}", ""), p) for p in api), path
    for path in ("/", "/index.html", "/manifest.webmanifest"):
        assert not any(fnmatch.fnmatch(path, p) for p in api)
    assert config["DefaultCacheBehavior"]["TargetOriginId"] == "site"


def test_alarms_cover_errors_throttles_5xx_dead_letters_table_throttling_stream_lag_and_queue_age(template):
    alarms = of_type(template, "AWS::CloudWatch::Alarm")
    metrics = {(a["Properties"].get("MetricName"), str(a["Properties"].get("Dimensions"))) for a in alarms.values()}
    for function in ("APIHandler", "DispatchEvents", "DeliverAlerts"):
        for metric in ("Errors", "Throttles"):
            assert (metric, str([{"Name": "FunctionName", "Value": {"Ref": function}}])) in metrics
    names = {m for m, _ in metrics}
    assert {"5XXError", "ApproximateNumberOfMessagesVisible", "IteratorAge", "ApproximateAgeOfOldestMessage"} <= names
    dead_letters = {str(a["Properties"]["Dimensions"]) for a in alarms.values()
                    if a["Properties"].get("MetricName") == "ApproximateNumberOfMessagesVisible"}
    for queue in ("DispatchFailures", "AlertPagesDead"):
        assert str([{"Name": "QueueName", "Value": {"Fn::GetAtt": [queue, "QueueName"]}}]) in dead_letters
    throttling = [a for a in alarms.values() if "Metrics" in a["Properties"]]
    assert len(throttling) == len(of_type(template, "AWS::DynamoDB::Table"))
    assert all(a["Properties"]["AlarmActions"] == [{"Ref": "Alarms"}] for a in alarms.values())


def test_an_effect_given_up_in_any_function_is_counted_from_its_log_and_alarmed(template):
    from chalicelib.handlers.shared.effects import GIVEN_UP
    filters = of_type(template, "AWS::Logs::MetricFilter")
    functions = of_type(template, "AWS::Lambda::Function") | of_type(template, "AWS::Serverless::Function")
    watched = {f["Properties"]["LogGroupName"]["Ref"] for f in filters.values()
               if f["Properties"]["FilterPattern"] == f'"{GIVEN_UP}"'}
    groups = of_type(template, "AWS::Logs::LogGroup")
    assert watched <= set(groups) and len(watched) == len(functions) == len(filters)
    counted = {(m["MetricName"], str(m["MetricNamespace"])) for f in filters.values()
               for m in f["Properties"]["MetricTransformations"]}
    [(metric, namespace)] = counted  # one metric, whichever function gave the effect up
    alarm = template["Resources"]["EffectsGivenUpAlarm"]["Properties"]
    assert (alarm["MetricName"], str(alarm["Namespace"]), alarm["Threshold"]) == (metric, namespace, 1)
    assert alarm["AlarmActions"] == [{"Ref": "Alarms"}]


def test_the_api_is_throttled(template):
    (setting,) = template["Resources"]["RestAPI"]["Properties"]["MethodSettings"]
    assert setting["ThrottlingRateLimit"] == {"Ref": "ApiRateLimit"}
    assert setting["ThrottlingBurstLimit"] == {"Ref": "ApiBurstLimit"}


def test_the_open_data_export_runs_nightly_and_may_only_read_reports_and_write_public_data(template):
    function = template["Resources"]["ExportOpenData"]["Properties"]
    assert function["Handler"] == "app.export_open_data"
    (schedule,) = function["Events"].values()
    assert schedule["Type"] == "Schedule" and schedule["Properties"]["Schedule"].startswith("cron(")
    assert function["Timeout"] == 900
    statements = [s for n, s in _statements(template) if n == "ExporterRole"]
    writes = [s for s in statements if {"dynamodb:PutItem", "s3:PutObject"} & set(s["Action"])]
    assert [w["Resource"] for w in writes] == [{"Fn::Sub": "${PhotoBucket.Arn}/public-data/*"}]
    for secret in ("UsersTable", "SessionsTable", "JwtSigningKey", "photos/", "uploads/"):
        assert secret not in str(statements)


def test_the_questionnaires_go_out_hourly_and_may_write_only_their_own_table_and_the_outbox(template):
    from infra.template.tables import logical_id
    function = template["Resources"]["SendQuestionnaires"]["Properties"]
    assert function["Handler"] == "app.send_questionnaires"
    (schedule,) = function["Events"].values()
    assert schedule["Type"] == "Schedule" and schedule["Properties"]["Schedule"] == "rate(1 hour)"
    statements = [s for n, s in _statements(template) if n == "QuestionerRole"]
    writes = [s for s in statements if s["Effect"] == "Allow" and "dynamodb:PutItem" in s["Action"]]
    written = {table for s in writes for table in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert written == {logical_id("questionnaires"), logical_id("outbox")}, written
    scans = [s for s in statements if s["Action"] == ["dynamodb:Scan"]]
    assert scans == [{"Effect": "Allow", "Action": ["dynamodb:Scan"], "Resource": [
        {"Fn::GetAtt": ["ServicesTable", "Arn"]}]}], "the categories (cached), and never reports or questionnaires"


def test_payments_are_settled_every_five_minutes_by_a_function_that_touches_only_payments_bookings_and_their_jobs(
        template):
    from infra.template.tables import logical_id
    function = template["Resources"]["SettlePayments"]["Properties"]
    assert function["Handler"] == "app.settle_payments"
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "rate(5 minutes)"
    statements = [s for n, s in _statements(template) if n == "SettlerRole"]
    written = {table for s in statements if s["Effect"] == "Allow" and "dynamodb:PutItem" in s["Action"]
               for table in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert written == {logical_id(t) for t in ("payments", "payment-ledger", "bulky-bookings", "bulky-slots",
                                               "garden-subscriptions", "outbox", "jobs", "job-cells", "bills",
                                               "form-submissions", "events", "container-requests",
                                               "container-open", "container-stock", "hire-bookings", "hire-hours",
                                               "hire-holders", "figures",  # figures: a bill paid, counted
                                               "licence-cases", "licence-tallies")}, written  # a licence fee paid
    assert "s3:" not in str(statements) and "UsersTable" not in str(statements)
    # The provider's secrets come from Secrets Manager, readable by the functions that talk to it alone:
    # the API, the settler, and the alert worker, which carries out events' effects (a finished payment
    # settled after a crash, a refund for a bulky collection the crew could not make).
    assert "PayApiKey" not in template["Parameters"] and "PayWebhookSecret" not in template["Parameters"]
    for name, variable in (("PayApiKey", "DOORSTEP_PAY_API_KEY_ARN"),
                           ("PayWebhookSecret", "DOORSTEP_PAY_WEBHOOK_SECRET_ARN")):
        assert template["Resources"][name]["Type"] == "AWS::SecretsManager::Secret"
        assert function["Environment"]["Variables"][variable] == {"Ref": name}
        readers = {n for n, s in _statements(template)
                   if isinstance(s.get("Resource"), list) and {"Ref": name} in s["Resource"]}
        assert readers == {"ApiRole", "SettlerRole", "WorkerRole"}, readers


def test_council_tax_requests_left_waiting_are_sent_again_every_minute_by_a_function_of_their_own(template):
    from infra.template.tables import logical_id
    function = template["Resources"]["SendCouncilTaxRequests"]["Properties"]
    assert function["Handler"] == "app.send_council_tax_requests"
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "rate(1 minute)"  # the queue goes within a minute of a return
    statements = [s for n, s in _statements(template) if n == "RequesterRole"]
    written = {table for s in statements if s["Effect"] == "Allow" and "dynamodb:PutItem" in s["Action"]
               for table in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert written == {logical_id(t) for t in ("revenue-requests", "outbox")}, written


def test_petitions_are_closed_hourly_by_a_function_that_writes_only_petitions_and_their_closing_events(
        template):
    from infra.template.tables import logical_id
    function = template["Resources"]["ClosePetitions"]["Properties"]
    assert function["Handler"] == "app.close_petitions"
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "rate(1 hour)"
    statements = [s for n, s in _statements(template) if n == "CloserRole"]
    written = {table for s in statements if s["Effect"] == "Allow" and "dynamodb:PutItem" in s["Action"]
               for table in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    # the signers are told from the alert queue (the closing's event), not by the closer
    assert written == {logical_id(t) for t in ("petitions", "events")}, written


def test_live_chats_socket_functions_touch_only_the_chat_and_the_api_and_they_may_post_to_connections(template):
    functions = of_type(template, "AWS::Serverless::Function")
    assert {"WebsocketConnect", "WebsocketMessage", "WebsocketDisconnect"} <= set(functions)
    socket_url = {"Fn::Sub": "wss://${WebsocketAPI}.execute-api.${AWS::Region}.amazonaws.com/api"}
    for name in ("APIHandler", "WebsocketConnect", "WebsocketMessage", "WebsocketDisconnect"):
        assert functions[name]["Properties"]["Environment"]["Variables"]["DOORSTEP_SOCKET_URL"] == socket_url
    for role in ("ApiRole", "WebsocketConnectRole", "WebsocketMessageRole", "WebsocketDisconnectRole"):
        statements = [s for n, s in _statements(template) if n == role]
        assert any(s["Action"] == ["execute-api:ManageConnections"] for s in statements), role
    for role in ("WebsocketConnectRole", "WebsocketMessageRole", "WebsocketDisconnectRole"):
        statements = str([s for n, s in _statements(template) if n == role])
        assert "ChatSocketsTable" in statements and "PhotoBucket" not in statements
        assert "ReportsTable" not in statements and "OutboxTable" not in statements


def test_every_function_may_read_the_settings_of_the_councils_it_works_for(template):
    from infra.template.tables import logical_id
    functions = of_type(template, "AWS::Serverless::Function")
    councils = logical_id("councils")
    for name, function in functions.items():
        role = function["Properties"]["Role"]["Fn::GetAtt"][0]
        readable = [s for n, s in _statements(template) if n == role and "dynamodb:GetItem" in s["Action"]]
        assert councils in str(readable), (name, role)
    for role in ("WebsocketConnectRole", "WebsocketMessageRole", "WebsocketDisconnectRole"):
        assert logical_id("staff-grants") in str([s for n, s in _statements(template) if n == role]), role


def test_a_chat_socket_s_connect_is_authorised_by_the_council_its_page_names(template):
    resources = template["Resources"]
    route = resources["WebsocketConnectRoute"]["Properties"]
    assert route["RouteKey"] == "$connect"
    assert (route["AuthorizationType"], route["AuthorizerId"]) == ("CUSTOM", {"Ref": "ChatSocketCouncil"})
    authoriser = resources["ChatSocketCouncil"]["Properties"]
    assert (authoriser["AuthorizerType"], authoriser["IdentitySource"]) == (
        "REQUEST", ["route.request.querystring.council"])
    assert "${ChatSocketAuthorise.Arn}" in authoriser["AuthorizerUri"]["Fn::Sub"]
    function = resources["ChatSocketAuthorise"]["Properties"]
    assert function["Handler"] == "app.chat_socket_authorise"
    permission = resources["ChatSocketAuthoriseInvokePermission"]["Properties"]
    assert permission["Principal"] == "apigateway.amazonaws.com"
    assert permission["SourceArn"]["Fn::Sub"].endswith("${WebsocketAPI}/authorizers/${ChatSocketCouncil}")
    statements = str([s for n, s in _statements(template) if n == "ChatSocketAuthoriseRole"])
    assert "CouncilsTable" in statements and "UsersTable" not in statements and "ChatSocketsTable" not in statements


def test_the_revenues_back_office_is_configured_by_a_parameter_and_two_secrets_only_the_api_and_worker_read(
        template):
    from infra.template.tables import logical_id
    api = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert api["DOORSTEP_CIVICA_URL"] == {"Ref": "CivicaUrl"} and template["Parameters"]["CivicaUrl"]["Default"] == ""
    for name, variable in (("CivicaUser", "DOORSTEP_CIVICA_USER_ARN"), ("CivicaPassword", "DOORSTEP_CIVICA_PASSWORD_ARN")):
        assert template["Resources"][name]["Type"] == "AWS::SecretsManager::Secret" and name not in template["Parameters"]
        assert api[variable] == {"Ref": name}
        readers = {n for n, s in _statements(template)
                   if isinstance(s.get("Resource"), list) and {"Ref": name} in s["Resource"]}
        # the worker and the sweep: requests sent from their events, and again while waiting; the
        # payments' settler: a council tax payment it settles is posted to the back office
        assert readers == {"ApiRole", "WorkerRole", "RequesterRole", "SettlerRole"}, readers
    assert api["DOORSTEP_BILL_OFFICE_URL"] == {"Ref": "BillOfficeUrl"}
    assert api["DOORSTEP_BILL_OFFICE_SECRET_ARN"] == {"Ref": "BillOfficeSecret"}
    views = template["Resources"][logical_id("revenue-views")]["Properties"]
    assert views["TimeToLiveSpecification"] == {"AttributeName": "expires", "Enabled": True}


def test_the_meetings_sync_runs_every_15_minutes_writing_only_our_copy_its_events_and_its_papers(template):
    function = template["Resources"]["SyncMeetings"]["Properties"]
    assert function["Handler"] == "app.sync_meetings"
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "rate(15 minutes)"
    statements = [s for n, s in _statements(template) if n == "SyncerRole"]
    for resource in ("UsersTable", "SessionsTable", "ReportsTable", "AccountsTable"):
        assert resource not in str(statements), resource
    bucket = [s for s in statements if any(a.startswith("s3:") for a in s["Action"])]
    assert [str(s["Resource"]) for s in bucket] == [str({"Fn::Sub": "${PhotoBucket.Arn}/meeting-papers/*"})]
    api = [s for n, s in _statements(template) if n == "ApiRole" and "meeting-papers" in str(s["Resource"])]
    assert [s["Action"] for s in api] == [["s3:GetObject"]]  # residents read papers; only the sync keeps them
    settings = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert settings["DOORSTEP_MODERNGOV_URL"] == {"Ref": "ModernGovUrl"}
    assert settings["DOORSTEP_WEBCAST_CHAPTERS_URL"] == {"Ref": "WebcastChaptersUrl"}  # imported by the API


def test_the_retention_sweep_runs_nightly_by_a_function_that_deletes_only_what_retention_removes(template):
    """Forms' submissions and consultations' responses past their retention, a report's hidden photos and
    "me too" rows, a closed chat's messages and photos, and a removed resident's things at the council:
    never a report, and no S3 object but form files, hidden photos and chat photos: never a street report's
    photo (photos/, which it could delete while chats' photos lay there too)."""
    from infra.template.tables import logical_id
    function = template["Resources"]["SweepRetention"]["Properties"]
    assert function["Handler"] == "app.sweep_retention"
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "cron(45 3 * * ? *)"
    statements = [s for n, s in _statements(template) if n == "SweeperRole"]
    from infra.template.access import READ
    writing = [s for s in statements if "dynamodb:PutItem" in s["Action"] and "'ReportsTable'" in str(s)]
    assert [s["Action"] for s in writing] == [READ + ["dynamodb:PutItem", "dynamodb:UpdateItem"]], writing
    deleting = {table for s in statements if s["Effect"] == "Allow" and "dynamodb:DeleteItem" in s["Action"]
                for table in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert logical_id("reports") not in deleting and logical_id("report-updates") not in deleting
    assert {logical_id(t) for t in ("form-submissions", "consultation-responses", "supporters", "account-presence",
                                     "users", "identities")} <= deleting, deleting
    files = [s for s in statements if "PhotoBucket" in str(s)]
    assert [s["Action"] for s in files] == [["s3:DeleteObject"], ["s3:ListBucket"], ["s3:DeleteObject"],
                                            ["s3:DeleteObject"]]
    assert [s["Resource"] for s in files[2:]] == [{"Fn::Sub": "${PhotoBucket.Arn}/hidden-photos/*"},
                                                  {"Fn::Sub": "${PhotoBucket.Arn}/chat-photos/*"}]
    _form_files_only(files[:2])


def _form_files_only(statements):
    """The photo bucket's form-files/ alone: listed (that prefix only) and deleted, nothing read or written."""
    files, listed = [s for s in statements if "PhotoBucket" in str(s)]
    assert files["Action"] == ["s3:DeleteObject"] and "form-files/*" in str(files["Resource"])
    assert listed["Action"] == ["s3:ListBucket"]
    assert listed["Condition"] == {"StringLike": {"s3:prefix": ["form-files/*"]}}


def test_the_planning_sync_runs_hourly_writing_only_our_copy_and_its_events(template):
    function = template["Resources"]["SyncPlanning"]["Properties"]
    assert function["Handler"] == "app.sync_planning" and function["Timeout"] == 900
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "rate(1 hour)"
    statements = str([s for n, s in _statements(template) if n == "PlannerRole"])
    for resource in ("UsersTable", "SessionsTable", "ReportsTable", "AlertsTable", "PhotoBucket"):
        assert resource not in statements, resource
    settings = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert settings["DOORSTEP_PLANNING_URL"] == {"Ref": "PlanningUrl"}


def test_whoever_signs_a_forms_webhook_post_may_read_each_councils_own_key_as_well_as_the_default_councils(
        template):
    readers = {n for n, s in _statements(template)
               if isinstance(s.get("Resource"), list) and {"Ref": "FormsWebhookKey"} in s["Resource"]}
    assert readers
    for role in readers:
        resources = [r for n, s in _statements(template) if n == role for r in s.get("Resource", [])
                     if isinstance(s.get("Resource"), list)]
        assert any("secret:doorstep/${Stage}/*" in str(r) for r in resources), role


def test_officers_unused_for_their_councils_period_are_suspended_nightly_by_a_function_of_its_own(template):
    """The one schedule that touches accounts: grants, the person's granted_in, sessions, the provisioning log."""
    from infra.template.tables import logical_id
    function = template["Resources"]["SuspendUnusedOfficers"]["Properties"]
    assert function["Handler"] == "app.suspend_unused_officers"
    (schedule,) = function["Events"].values()
    assert schedule["Properties"]["Schedule"] == "cron(15 4 * * ? *)"
    statements = [s for n, s in _statements(template) if n == "SuspenderRole"]
    touched = {t for s in statements if s["Effect"] == "Allow" for t in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert touched == {logical_id(t) for t in ("staff-grants", "users", "sessions", "directory-changes", "councils")}
    deleting = {t for s in statements if "dynamodb:DeleteItem" in s["Action"]
                for t in re.findall(r"'(\w+Table)'", str(s["Resource"]))}
    assert deleting == {logical_id("staff-grants")}
