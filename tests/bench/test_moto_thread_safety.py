"""The tests' moto is one DynamoDB for many threads: every call into its DynamoDB goes
through one lock, its answer written inside it. moto itself is not safe for threads: a
racing test's get_item raised "dictionary changed size during iteration" while the
racers wrote (twelve cancels of one container request, beside a second suite)."""
import boto3

from support.racing import at_once

THREADS, CALLS = 8, 120


def test_threads_hammering_one_item_with_reads_and_writes_all_get_answers(aws):
    client = boto3.client("dynamodb", region_name="eu-west-2")
    client.create_table(TableName="hammered", BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                                   {"AttributeName": "sk", "KeyType": "RANGE"}],
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                              {"AttributeName": "sk", "AttributeType": "S"}])
    one = {"pk": {"S": "request"}, "sk": {"S": "CR-1"}}
    client.put_item(TableName="hammered", Item=one)
    failures = []

    def writer(n):
        for i in range(CALLS):  # a new attribute on the one item each time, as its answer is written
            client.update_item(TableName="hammered", Key=one, UpdateExpression="SET #a = :v",
                               ExpressionAttributeNames={"#a": f"a{n}_{i}"},
                               ExpressionAttributeValues={":v": {"S": "x"}})

    def reader(n):
        for i in range(CALLS):
            if i % 2:
                client.get_item(TableName="hammered", Key=one)
            else:
                client.query(TableName="hammered", KeyConditionExpression="pk = :p",
                             ExpressionAttributeValues={":p": {"S": "request"}})

    def run(n):
        try:
            (writer if n % 2 else reader)(n)
        except Exception as exc:  # noqa: BLE001 (what moto raised is the finding)
            failures.append(repr(exc))
    at_once(run, range(THREADS), wait=120)
    assert failures == []
    item = client.get_item(TableName="hammered", Key=one)["Item"]
    assert len(item) == 2 + (THREADS // 2) * CALLS  # every attribute written, none lost
