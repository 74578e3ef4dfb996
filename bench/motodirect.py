"""DynamoDB's data calls to moto in this process, without the HTTP request nobody sends.

Of a call into moto in process (PynamoDB, botocore, moto), moto's DynamoDB answering is
about a third; the rest is botocore building, hooking and parsing an HTTP request and
answer, and moto finding its service again from the URL, building a werkzeug request,
parsing its body and writing a request id into its answer. In the browser tests' stack,
botocore and moto's routing were half of the interpreter's busy samples.

Inside `direct_calls()`, a data call (GetItem, Query, TransactWriteItems...) to AWS's own
DynamoDB address, which moto answers in this process, goes from botocore's
`_make_api_call` straight to moto's DynamoDB handler:

* what reaches moto is what moto would have parsed from botocore's request: the
  parameters checked by botocore's validator, its hooks told (provide-client-params,
  before-parameter-build: tests listen there), then read by moto's own parser (blobs
  as bytes, undocumented members dropped, fresh containers moto may keep);
* the same handler method answers, under the same lock (motofast.isolated_transactions);
* an answer comes back as botocore's parser would give it: the result's documented
  members, binary values as bytes; an error is raised as botocore raises it, from moto's
  own error answer read by botocore's parser (the client's exception class, code,
  message and modelled fields such as CancellationReasons).

Control calls (CreateTable, DescribeTable...), every other endpoint (DynamoDB Local,
moto's server) and every other service go the whole way. With DOORSTEP_CHECK_MOTOFAST=1
every direct answer is also written by moto's serializer and read by botocore's parser,
and the two must be equal.
"""
import os
from contextlib import contextmanager

from .motocalls import aws_address
from .motofast import DATA_CALLS, moto_lock


def _blob(value):
    """What botocore sends for a blob, as moto reads it back: the bytes."""
    if isinstance(value, str):
        return value.encode("utf-8")
    return value.read() if hasattr(value, "read") else bytes(value)


@contextmanager
def direct_calls(check=False):
    from botocore.client import BaseClient
    from botocore.validate import validate_parameters
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.core.exceptions import ServiceException
    from moto.core.parse import JSONParser
    from moto.core.responses import ActionResult
    from moto.core.utils import camelcase_to_underscores, get_service_model
    from moto.dynamodb.responses import DynamoHandler
    from werkzeug.exceptions import HTTPException

    original = BaseClient._make_api_call
    moto_model = get_service_model("dynamodb")
    actions = {name: camelcase_to_underscores(name) for name in DATA_CALLS}
    # moto's own reader of each call's parameters (it keeps no state between calls)
    parsers = {name: JSONParser(moto_model.operation_model(name), blob_parser=_blob) for name in DATA_CALLS}

    def handler_for(client, operation_name, params):
        handler = DynamoHandler()
        handler.region, handler.partition = client.meta.region_name, "aws"
        handler.current_account = os.environ.get("MOTO_ACCOUNT_ID", DEFAULT_ACCOUNT_ID)
        handler.headers = {"X-Amz-Target": f"DynamoDB_20120810.{operation_name}",
                           "Content-Type": "application/x-amz-json-1.0"}
        handler.querystring, handler.uri_match, handler.method = {}, {}, "POST"
        handler.response_headers = {"server": "amazon.com"}
        handler.params = handler.body = params
        return handler

    def wire_answer(client, operation_model, status, headers, body):
        """moto's answer as botocore reads it off the wire (errors, and the check)."""
        endpoint = client._endpoint
        parser = endpoint._response_parser_factory.create_parser(
            operation_model.service_model.metadata["protocol"])
        response = {"status_code": status, "headers": dict(headers),
                    "body": body.encode("utf-8") if isinstance(body, str) else body}
        parsed = parser.parse(response, operation_model.output_shape)
        if status >= 300:
            endpoint._add_modeled_error_fields(response, parsed, operation_model, parser)
        return parsed

    def call(self, operation_name, api_params):
        meta = self.meta
        if (operation_name not in DATA_CALLS or meta.service_model.service_name != "dynamodb"
                or not aws_address(meta.endpoint_url, ("dynamodb",))):
            return original(self, operation_name, api_params)
        operation_model = self._service_model.operation_model(operation_name)
        context = {"client_region": meta.region_name, "client_config": meta.config,
                   "has_streaming_input": False, "auth_type": operation_model.resolved_auth_type}
        api_params = self._emit_api_params(api_params=api_params, operation_model=operation_model,
                                           context=context)
        if meta.config.parameter_validation:
            validate_parameters(api_params, operation_model.input_shape)
        parser = parsers[operation_name]
        handler = handler_for(self, operation_name, parser._parse_shape(parser.operation_model.input_shape, api_params))
        with moto_lock:
            try:
                answer = getattr(handler, actions[operation_name])()
            except ServiceException as error:
                status, headers, body = handler.serialized(ActionResult(error))
            except HTTPException as error:
                status, headers, body = error.code, dict(error.get_headers() or []), error.description
            else:
                status = None
        if status is not None:  # moto's error answer, read as botocore reads it
            parsed = wire_answer(self, operation_model, status, headers, body)
            code = parsed.get("Error", {}).get("Code")
            raise self.exceptions.from_code(code)(parsed, operation_name)
        members = operation_model.output_shape.members
        parsed = {k: v for k, v in answer.result.items() if v is not None and k in members}
        if check:
            status, headers, body = handler.serialized(answer)
            wired = wire_answer(self, operation_model, status, headers, body)
            wired.pop("ResponseMetadata", None)
            assert wired == parsed, (operation_name, wired, parsed)
        parsed["ResponseMetadata"] = {"HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}
        return parsed

    BaseClient._make_api_call = call
    try:
        yield
    finally:
        BaseClient._make_api_call = original
