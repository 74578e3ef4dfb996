"""The tests' moto isolates a transaction from readers as DynamoDB does: a
GetItem made while a transaction is half written waits for the whole of it,
never seeing its first item written and its second not yet (a crew's retried
"done" once read its job updated and its idempotency record missing, and
answered 409)."""
import threading

import boto3


def test_a_read_during_a_transaction_sees_all_of_it_or_none(aws, monkeypatch):
    from moto.dynamodb import models
    client = boto3.client("dynamodb", region_name="eu-west-2")
    client.create_table(TableName="isolation", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                        BillingMode="PAY_PER_REQUEST")
    half_written, read = threading.Event(), threading.Event()
    put = models.DynamoDBBackend.put_item

    def pausing(self, table_name, item_attrs, *args, **kwargs):
        written = put(self, table_name, item_attrs, *args, **kwargs)
        if table_name == "isolation" and item_attrs["id"] == {"S": "job"}:
            half_written.set()
            read.wait(2)  # a reader let in now would read before the record below is written
        return written
    monkeypatch.setattr(models.DynamoDBBackend, "put_item", pausing)
    seen = {}

    def reader():
        half_written.wait(10)
        seen["record"] = "Item" in client.get_item(TableName="isolation", Key={"id": {"S": "record"}})
        read.set()
    thread = threading.Thread(target=reader)
    thread.start()
    client.transact_write_items(TransactItems=[
        {"Put": {"TableName": "isolation", "Item": {"id": {"S": "job"}}}},
        {"Put": {"TableName": "isolation", "Item": {"id": {"S": "record"}}}}])
    thread.join(10)
    assert seen == {"record": True}
