"""Two costs of every call into moto that change nothing it answers (the
test suite's moto in process, and the cached method names for its server):

* botocore signs each DynamoDB request (SigV4: a canonical request, four
  HMACs) that moto in process never reads: 7% of the authorisation matrix's
  time. Requests to AWS's own DynamoDB and SQS addresses, which `mock_aws`
  intercepts, go unsigned (moto then takes its default account, as it does for
  the tests' key); any other endpoint (DynamoDB Local, moto's server, the
  contract tests' engine, which reads the key from the signature) is signed
  as ever.
* moto lists its response class's methods with `inspect.getmembers` on every
  call to find the action's: 3% of the matrix. A class's methods do not
  change while it runs, so each class is listed once.
"""
from contextlib import contextmanager


@contextmanager
def cached_method_names():
    import functools
    from moto.core import responses
    original = responses.method_names_from_class
    responses.method_names_from_class = functools.cache(original)
    try:
        yield
    finally:
        responses.method_names_from_class = original


def aws_address(url, services=("dynamodb", "sqs")):
    """Whether `url` is AWS's own address for one of `services`, which `mock_aws` answers in process."""
    url = url or ""
    return url.startswith(tuple(f"https://{s}." for s in services)) and ".amazonaws.com" in url.split("/", 3)[2]


@contextmanager
def unsigned_in_process():
    from botocore.signers import RequestSigner
    original = RequestSigner.handler

    def handler(self, operation_name=None, request=None, **kwargs):
        if aws_address(getattr(request, "url", "")):
            return None  # intercepted in process: nobody reads a signature
        return original(self, operation_name=operation_name, request=request, **kwargs)

    RequestSigner.handler = handler
    try:
        yield
    finally:
        RequestSigner.handler = original


@contextmanager
def lean_calls():
    with cached_method_names(), unsigned_in_process():
        yield
