"""The tests' moto answers a Query in a big partition from the items its key
condition takes: moto measured every item of the partition on each Query (its
1 MB page check ran before the key condition), 22,000 of them on each search
of a landlord's copy of 2,000 claims. What it answers is moto's own, page for
page, whichever way, from wherever, and with items big enough to end a page."""
import boto3
import pytest

TABLE = "queries"
ROWS = 300


@pytest.fixture
def table(aws):
    client = boto3.client("dynamodb", region_name="eu-west-2")
    client.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                                   {"AttributeName": "sk", "KeyType": "RANGE"}],
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                              {"AttributeName": "sk", "AttributeType": "S"}])
    rows = [{"pk": {"S": "street"}, "sk": {"S": f"row#{n:05}"}, "n": {"N": str(n)}} for n in range(ROWS)]
    # Big enough that three fill moto's 1 MB page, in their own partition and in the street's
    rows += [{"pk": {"S": pk}, "sk": {"S": f"big#{n}"}, "body": {"S": "x" * 300_000}}
             for pk in ("big", "street") for n in range(5)]
    rows += [{"pk": {"S": pk}, "sk": {"S": "big#2a"}} for pk in ("big", "street")]  # a small one among them
    rows += [{"pk": {"S": "other"}, "sk": {"S": f"row#{n:05}"}} for n in range(50)]
    for start in range(0, len(rows), 25):
        client.batch_write_item(RequestItems={TABLE: [{"PutRequest": {"Item": r}} for r in rows[start:start + 25]]})
    yield client
    client.delete_table(TableName=TABLE)


def test_a_prefix_query_in_a_big_partition_measures_only_the_items_it_takes(table, monkeypatch):
    from moto.dynamodb.models.dynamo_type import Item
    measured, size = [], Item.size
    monkeypatch.setattr(Item, "size", lambda self: measured.append(self) or size(self))
    answer = table.query(TableName=TABLE, KeyConditionExpression="pk = :p AND begins_with(sk, :s)",
                         ExpressionAttributeValues={":p": {"S": "street"}, ":s": {"S": "row#0012"}})
    assert [i["sk"]["S"] for i in answer["Items"]] == [f"row#{n:05}" for n in range(120, 130)]
    assert len(measured) <= 3 * 10 + 2, len(measured)  # was every item of the partition: 306


CONDITIONS = [
    ("begins_with(sk, :a)", {":a": {"S": "row#0001"}}),
    ("begins_with(sk, :a)", {":a": {"S": "big#"}}),
    ("begins_with(sk, :a)", {":a": {"S": "none"}}),
    ("sk BETWEEN :a AND :b", {":a": {"S": "big#3"}, ":b": {"S": "row#00007"}}),
    ("sk < :a", {":a": {"S": "row#00004"}}),
    ("sk < :a", {":a": {"S": "big#3"}}),  # three big ones fill a page: the fourth, left, ends it
    ("sk BETWEEN :a AND :b", {":a": {"S": "big#0"}, ":b": {"S": "big#2"}}),  # ...and so does one after a small one
    ("sk <= :a", {":a": {"S": "row#00004"}}),
    ("sk > :a", {":a": {"S": "row#00295"}}),
    ("sk >= :a", {":a": {"S": "row#00295"}}),
    ("sk = :a", {":a": {"S": "row#00042"}}),
]


@pytest.mark.parametrize("partition", ["street", "big", "other"])
def test_every_page_is_moto_s_own_answer(table, monkeypatch, partition):
    from moto.dynamodb.models.table import Table

    def pages(condition, values, **asked):
        answers, start = [], None
        while True:
            answer = table.query(TableName=TABLE, KeyConditionExpression=f"pk = :p AND {condition}",
                                 ExpressionAttributeValues={":p": {"S": partition}, **values}, **asked,
                                 **({"ExclusiveStartKey": start} if start else {}))
            answers.append({k: answer.get(k) for k in ("Items", "Count", "ScannedCount", "LastEvaluatedKey")})
            start = answer.get("LastEvaluatedKey")
            if not start:
                return answers

    asks = [{}, {"Limit": 1}, {"Limit": 7}, {"ScanIndexForward": False, "Limit": 2},
            {"FilterExpression": "attribute_exists(body)"}, {"ProjectionExpression": "sk"}]
    ours = [pages(c, v, **a) for c, v in CONDITIONS for a in asks]
    monkeypatch.setattr(Table, "query", Table.query.moto_s_own)
    assert ours == [pages(c, v, **a) for c, v in CONDITIONS for a in asks]
