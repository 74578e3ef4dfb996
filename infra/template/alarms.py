"""Alarms, all to one SNS topic: what needs a person when it happens."""
from chalicelib.handlers.alerts.batching import OLDEST_JOB_ALARM_S
from chalicelib.handlers.shared.effects import GIVEN_UP

from .alert_queue import QUEUE
from .cfn import ref, sub
from .functions import DEAD_LETTER_QUEUES, DISPATCHER, FUNCTIONS, LOG_GROUPS
from .tables import logical_id, schemas

FIVE_MINUTES = 300


def alarm(description, namespace, metric, dimensions, threshold, statistic="Sum"):
    return {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmDescription": description, "Namespace": namespace, "MetricName": metric,
        "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions.items()],
        "Statistic": statistic, "Period": FIVE_MINUTES, "EvaluationPeriods": 1,
        "Threshold": threshold, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
        "TreatMissingData": "notBreaching", "AlarmActions": [ref("Alarms")], "OKActions": [ref("Alarms")]}}


def table_throttling(table):
    """Read and write throttle events of one table (and its indexes) together."""
    def metric(id_, name):
        return {"Id": id_, "ReturnData": False, "MetricStat": {"Stat": "Sum", "Period": FIVE_MINUTES, "Metric": {
            "Namespace": "AWS/DynamoDB", "MetricName": name,
            "Dimensions": [{"Name": "TableName", "Value": sub(f"doorstep-${{Stage}}-{table}")}]}}}
    return {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmDescription": f"DynamoDB throttled requests on {table}",
        "Metrics": [metric("reads", "ReadThrottleEvents"), metric("writes", "WriteThrottleEvents"),
                    {"Id": "throttled", "Expression": "reads + writes", "Label": "throttle events",
                     "ReturnData": True}],
        "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
        "TreatMissingData": "notBreaching", "AlarmActions": [ref("Alarms")], "OKActions": [ref("Alarms")]}}


def given_up(function):
    """An effect given up after its tries logs one ERROR line (shared/effects.GIVEN_UP) in whichever function
    tried it last (the API's request, the worker, a scheduled job): each function's log group counts them into
    one metric, which `EffectsGivenUpAlarm` watches. Its job finishes, so no Lambda error or dead letter says so."""
    return {"Type": "AWS::Logs::MetricFilter", "Properties": {
        "LogGroupName": ref(LOG_GROUPS[function]), "FilterPattern": f'"{GIVEN_UP}"',
        "MetricTransformations": [{"MetricNamespace": GIVEN_UP_NAMESPACE, "MetricName": "EffectsGivenUp",
                                   "MetricValue": "1", "DefaultValue": 0}]}}


GIVEN_UP_NAMESPACE = sub("Doorstep/${Stage}")


def resources(app):
    out = {
        "Alarms": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": sub("Doorstep ${Stage} alarms")}},
        "AlarmsByEmail": {"Type": "AWS::SNS::Subscription", "Condition": "HasAlarmEmail", "Properties": {
            "TopicArn": ref("Alarms"), "Protocol": "email", "Endpoint": ref("AlarmEmail")}},
        "Api5xxAlarm": alarm("API answers 5xx (5 or more in 5 minutes)", "AWS/ApiGateway", "5XXError",
                             {"ApiName": sub("doorstep-${Stage}"), "Stage": "api"}, 5),
        "EventsStreamAgeAlarm": alarm(
            "Alert dispatch is more than a minute behind the events stream", "AWS/Lambda", "IteratorAge",
            {"FunctionName": ref(DISPATCHER)}, 60_000, statistic="Maximum"),
        "AlertPagesAgeAlarm": alarm(
            f"Alert page jobs have waited over {OLDEST_JOB_ALARM_S // 60} minutes: fan-out is behind",
            "AWS/SQS", "ApproximateAgeOfOldestMessage", {"QueueName": {"Fn::GetAtt": [QUEUE, "QueueName"]}},
            OLDEST_JOB_ALARM_S, statistic="Maximum"),
    }
    out["EffectsGivenUpAlarm"] = alarm("An event's effect was given up after its tries: see infra/README.md",
                                       GIVEN_UP_NAMESPACE, "EffectsGivenUp", {}, 1)
    for function in FUNCTIONS:
        out[f"{function}EffectsGivenUp"] = given_up(function)
        dims = {"FunctionName": ref(function)}
        out[f"{function}ErrorsAlarm"] = alarm(f"{function} failed", "AWS/Lambda", "Errors", dims, 1)
        out[f"{function}ThrottlesAlarm"] = alarm(f"{function} was throttled", "AWS/Lambda", "Throttles", dims, 1)
    for queue in DEAD_LETTER_QUEUES:
        out[f"{queue}DepthAlarm"] = alarm(f"{queue} holds messages: see infra/README.md", "AWS/SQS",
                                          "ApproximateNumberOfMessagesVisible",
                                          {"QueueName": {"Fn::GetAtt": [queue, "QueueName"]}}, 1, "Maximum")
    for table in schemas():
        out[f"{logical_id(table['name'])}ThrottlingAlarm"] = table_throttling(table["name"])
    return out, {"AlarmTopic": ref("Alarms")}
