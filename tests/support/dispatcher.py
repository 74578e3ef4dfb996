"""The dispatcher as it runs on one machine and in AWS: the events table's
stream read in batches and handed to the Lambda's own handler, which queues
page jobs; the alert queue consumed by the worker's handler as Lambda would."""


class Dispatcher:
    def __init__(self, reader, worker):
        self.reader, self.worker = reader, worker

    def stop(self):
        self.reader.stop()
        self.worker.stop()


def stream_dispatcher(position_file, deps_factory, interval=0.05, long_poll=False):
    """A started stream reader and queue worker on the storage in force (moto
    or DynamoDB Local, and moto's SQS); stop() them when done. `long_poll`:
    the worker waits for messages in SQS's own long poll (a stack that lives
    for many tests, where stopping may take a second) rather than asking
    again every `interval` (twenty calls a second, each contending for the
    test process's one interpreter with the requests under test)."""
    import botocore.session
    from chalicelib.config import settings
    from chalicelib.storage.reports.reports import EventModel
    from doorstep_cli.local.queue_worker import start_alert_worker
    from doorstep_cli.local.stream_reader import StreamReader, lambda_handler
    s = settings()
    session = botocore.session.get_session()
    # An emulator answers both services at its one address; AWS's own (moto in this process)
    # has one per service.
    emulator = s.dynamodb_endpoint if s.dynamodb_endpoint and "amazonaws.com" not in s.dynamodb_endpoint else None
    clients = [session.create_client(service, region_name=s.region, endpoint_url=emulator)
               for service in ("dynamodb", "dynamodbstreams")]
    handler = lambda_handler()
    worker = (start_alert_worker(deps_factory, wait_s=1) if long_poll
              else start_alert_worker(deps_factory, wait_s=0, interval=interval))
    reader = StreamReader(*clients, EventModel.Meta.table_name, position_file,
                          lambda event: handler(event, deps_factory), interval=interval)
    reader.start()
    return Dispatcher(reader, worker)
