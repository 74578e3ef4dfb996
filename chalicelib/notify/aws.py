"""The AWS clients the channels send through, made on first use and kept for
the life of the process (a Lambda sending a batch pays for one, not one per
message), and which AWS failures are worth trying again."""
import logging
import threading

from . import FAILED, RETRY

_clients = {}
_lock = threading.Lock()
log = logging.getLogger("doorstep.notify")
# Error codes that mean "not now" rather than "not ever". SES's rate limit
# answers `Throttling` (400); SNS's answers `Throttled` (429, the wire code of
# ThrottledException) and `KMSThrottling`: botocore's own retries know neither
# SNS code, so without them a throttled text was settled failed, never sent.
PASSING = {"Throttling", "ThrottlingException", "Throttled", "ThrottledException", "TooManyRequestsException",
           "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "InternalError",
           "InternalErrorException", "RequestTimeout", "KMSThrottling", "KMSThrottlingException"}
TOO_MANY = 429


def client(service, s):
    key = (service, s.region, s.aws_endpoint)
    with _lock:
        if key not in _clients:
            import botocore.session
            _clients[key] = botocore.session.get_session().create_client(
                service, region_name=s.region, endpoint_url=s.aws_endpoint)
        return _clients[key]


def call(fn, **kwargs):
    """Run one AWS call: None when it worked, else RETRY or FAILED."""
    from botocore.exceptions import BotoCoreError, ClientError
    try:
        fn(**kwargs)
        return None
    except ClientError as e:
        code = e.response.get("Error", {}).get("Code", "")
        status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        log.warning("%s refused: %s", fn.__name__, code)
        return RETRY if code in PASSING or status == TOO_MANY or status >= 500 else FAILED
    except BotoCoreError as e:  # connection errors and timeouts
        log.warning("%s not reached: %s", fn.__name__, type(e).__name__)
        return RETRY
