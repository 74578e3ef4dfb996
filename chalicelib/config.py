"""Settings from the environment, read on every call.

Nothing here is read at import time: `chalice.test.Client` applies a stage's
environment only while a request runs, and a Lambda cold start should not pay
for settings a route never uses.
"""
import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_SERVICE_AREA = PACKAGE_DIR / "data" / "york_boundary.geojson"


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    aws_endpoint: str | None  # the local emulator; None means real AWS
    dynamodb_endpoint: str | None  # DynamoDB Local on one machine, else as aws_endpoint
    table_prefix: str
    photo_bucket: str
    service_area_file: str
    public_url: str | None  # DOORSTEP_PUBLIC_URL: where links point (links_base)
    map_feature_cap: int
    email_sender: str | None  # SES identity mail is sent from
    # Messages to unproven recipients, for everyone together (auth/rate_limits.py).
    messages_per_hour: dict
    alert_queue_url: str | None = None  # the alert page jobs' SQS queue (set in AWS; found by name locally)
    sqs_endpoint: str | None = None  # the local stack's queue service, else as aws_endpoint
    # Live chat (handlers/conversations): when staff answer, and how many chats an officer has at once.
    chat_hours: str = "Mon-Fri 09:00-17:00"
    chat_max_per_officer: int = 3
    # A resident waiting this long is offered an answer by e-mail or a phone call instead; the number to call.
    chat_offer_after_s: int = 180
    chat_phone: str = "01904 551550"
    # Live chat's WebSocket: the URL browsers open (wss://, API Gateway's or the local stack's), and the
    # management API new messages are posted to (by default the same address over https://).
    socket_url: str | None = None
    socket_endpoint: str | None = None

    def table_name(self, short: str) -> str:
        return f"{self.table_prefix}{short}"


def settings() -> Settings:
    env = os.environ
    stage = env.get("DOORSTEP_STAGE", "local")
    return Settings(
        stage=stage,
        region=env.get("AWS_DEFAULT_REGION") or env.get("AWS_REGION") or "eu-west-2",
        aws_endpoint=env.get("DOORSTEP_AWS_ENDPOINT") or None,
        dynamodb_endpoint=env.get("DOORSTEP_DYNAMODB_ENDPOINT") or env.get("DOORSTEP_AWS_ENDPOINT") or None,
        table_prefix=env.get("DOORSTEP_TABLE_PREFIX", f"doorstep-{stage}-"),
        photo_bucket=env.get("DOORSTEP_PHOTO_BUCKET", f"doorstep-{stage}-photos"),
        service_area_file=env.get("DOORSTEP_SERVICE_AREA", str(DEFAULT_SERVICE_AREA)),
        public_url=(env.get("DOORSTEP_PUBLIC_URL") or "").rstrip("/") or None,
        map_feature_cap=int(env.get("DOORSTEP_MAP_FEATURE_CAP", "500")),
        email_sender=env.get("DOORSTEP_EMAIL_FROM") or None,
        messages_per_hour={"email": int(env.get("DOORSTEP_EMAILS_PER_HOUR") or 2000),
                           "sms": int(env.get("DOORSTEP_SMS_PER_HOUR") or 200)},
        alert_queue_url=env.get("DOORSTEP_ALERT_QUEUE_URL") or None,
        sqs_endpoint=env.get("DOORSTEP_SQS_ENDPOINT") or env.get("DOORSTEP_AWS_ENDPOINT") or None,
        chat_hours=env.get("DOORSTEP_CHAT_HOURS") or "Mon-Fri 09:00-17:00",
        chat_max_per_officer=int(env.get("DOORSTEP_CHAT_MAX_PER_OFFICER") or 3),
        chat_offer_after_s=int(env.get("DOORSTEP_CHAT_OFFER_AFTER_S") or 180),
        chat_phone=env.get("DOORSTEP_CHAT_PHONE") or "01904 551550",
        socket_url=(env.get("DOORSTEP_SOCKET_URL") or "").rstrip("/") or None,
        socket_endpoint=(env.get("DOORSTEP_SOCKET_ENDPOINT") or "").rstrip("/")
        or management_endpoint(env.get("DOORSTEP_SOCKET_URL")),
    )


def management_endpoint(socket_url):
    """API Gateway's management API for a WebSocket API: its wss:// URL over https://."""
    if not socket_url:
        return None
    scheme, _, rest = socket_url.rstrip("/").partition("://")
    return f"{'https' if scheme == 'wss' else 'http'}://{rest}"


class MissingPublicUrl(RuntimeError):
    """A deployed stage without DOORSTEP_PUBLIC_URL: links would point nowhere."""


def links_base(s: Settings, council=None) -> str:
    """The base of every absolute link, in answers and in messages alike: the
    council's own address (its settings' public_url, else https:// its first host), the
    deployment's for its default council.

    Configuration only, never the request's Host or X-Forwarded-* headers:
    anyone can send those, and a password-reset link built from them would
    mail the reset token to the sender's server. One machine uses the local
    stack's own address, under the council's first host name."""
    if council is not None and council.public_url:
        return council.public_url
    if council is not None and council.hosts and council.id != _default_council():
        # Its own address: the deployment's is the default council's, where its things do not exist.
        return f"https://{council.hosts[0]}" if deployed() else f"http://{council.hosts[0]}:{local_port()}"
    if s.public_url:
        return s.public_url
    if deployed():
        raise MissingPublicUrl("DOORSTEP_PUBLIC_URL is not set: links would point nowhere.")
    return f"http://localhost:{local_port()}"


def socket_address(s: Settings, council) -> str | None:
    """The WebSocket address a page opens for this council, as the API gives it: API Gateway's one
    address for every council, with the council's own host in its query, which $connect's
    authoriser turns back into the council (handlers/conversations/socket_council.py). None: the
    deployment has no socket, and pages poll."""
    if not s.socket_url:
        return None
    from urllib.parse import urlencode, urlsplit
    return f"{s.socket_url}/?{urlencode({'council': urlsplit(links_base(s, council)).hostname})}"


def _default_council():
    from .tenancy import default
    return default()


def deployed() -> bool:
    """Running in AWS Lambda (which sets AWS_LAMBDA_FUNCTION_NAME), whatever the stage's name."""
    return bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))


def check_start_up() -> None:
    """Called when the app is imported: a deployed stage refuses to start
    without a usable DOORSTEP_PUBLIC_URL rather than answer with bad links."""
    if not deployed():
        return
    url = settings().public_url
    if url is None:
        raise MissingPublicUrl("DOORSTEP_PUBLIC_URL is not set; a deployed stage needs it (https://host).")
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise MissingPublicUrl(f"DOORSTEP_PUBLIC_URL must be like https://host, not {url!r}.")


def log_level() -> int:
    """DOORSTEP_LOG_LEVEL (DEBUG, INFO, WARNING or ERROR; default INFO): what the app's own loggers
    ("doorstep.*" and the modules' "chalicelib.*") write. Chalice sets its app's logger, the
    "doorstep.*" loggers' parent, to ERROR unless in debug, and that dropped the warnings they write
    for operators (a back office away, a form's webhook failing, a lease lost). A name not among
    these is INFO."""
    import logging
    name = (os.environ.get("DOORSTEP_LOG_LEVEL") or "INFO").strip().upper()
    return getattr(logging, name) if name in ("DEBUG", "INFO", "WARNING", "ERROR") else logging.INFO


def data_dir() -> Path:
    """Where the local stack keeps all of its state."""
    return Path(os.environ.get("DOORSTEP_DATA_DIR", ".data")).resolve()


def local_port() -> int:
    return int(os.environ.get("PORT", "8000"))


def open_data() -> dict:
    """How open data is published: DOORSTEP_OPEN_DATA_LICENCE (a licence id
    handlers/opendata/licence.py knows, or "Name|https://its-url"; default
    the Open Government Licence v3.0) and DOORSTEP_OPEN_DATA_PUBLISHER (the
    council's name; default the service area's)."""
    return {"licence": os.environ.get("DOORSTEP_OPEN_DATA_LICENCE") or "OGL-UK-3.0",
            "publisher": os.environ.get("DOORSTEP_OPEN_DATA_PUBLISHER") or None}


def questionnaires() -> dict:
    """When reporters are asked "has it been fixed?": DOORSTEP_QUESTIONNAIRE_AFTER_DAYS
    after their report is fixed or closed (default 14), and for how long after
    that close a "no" reopens it, DOORSTEP_REOPEN_WITHIN_DAYS (default 56)."""
    return {"after_days": float(os.environ.get("DOORSTEP_QUESTIONNAIRE_AFTER_DAYS") or 14),
            "reopen_within_days": float(os.environ.get("DOORSTEP_REOPEN_WITHIN_DAYS") or 56)}


def repair_reopen_days() -> int:
    """For how many calendar days after a repair is done its tenant may reopen it
    (handlers/repairs/desk/after.py): DOORSTEP_REPAIR_REOPEN_DAYS, default 28."""
    return int(os.environ.get("DOORSTEP_REPAIR_REOPEN_DAYS") or 28)


GOVUK_PAY_URL = "https://publicapi.payments.service.gov.uk"


def payments() -> dict:
    """The default council's payment provider where its settings name none
    (councils/backoffices.py): GOV.UK Pay's public API or anything speaking it
    (the local provider `make run` starts): DOORSTEP_PAY_URL (default GOV.UK
    Pay's own). Its secrets are read through chalicelib/keystore.optional
    (payments/govuk_pay.py, webhooks.py): DOORSTEP_PAY_API_KEY (the service's
    API key; without one, nothing can be paid for) and
    DOORSTEP_PAY_WEBHOOK_SECRET (the webhook signing secret; without one,
    every webhook is refused), each a value or a Secrets Manager secret named
    by the same name with _ARN (deployed)."""
    env = os.environ
    return {"url": (env.get("DOORSTEP_PAY_URL") or GOVUK_PAY_URL).rstrip("/"),
            "timeout_s": float(env.get("DOORSTEP_PAY_TIMEOUT_S") or 10)}


# City of York's population at the 2021 census (ONS): the demo's council.
DEMO_POPULATION = 202_800


def petitions() -> dict:
    """E-petitions (handlers/petitions): DOORSTEP_PETITION_SPONSORS (confirmed
    sponsors before moderation, default 5), DOORSTEP_PETITION_OPEN_DAYS (how
    long a published petition is open, default 182: six months),
    DOORSTEP_PETITION_RESPONSE_AT (signatures for a council response, default
    100), DOORSTEP_PETITION_DEBATE_AT (for a debate at full council, default 5%
    of DOORSTEP_POPULATION, itself defaulting to York's 202,800: 10,140),
    DOORSTEP_PETITION_CLIENT_LIMIT ("count/seconds": signatures one client may
    make to one petition in a window before the rest are suspect, default
    "5/60") and DOORSTEP_PETITION_RESEND_MINUTES (a repeated signing sends the
    confirmation again at most this often, default 10)."""
    env = os.environ
    population = int(env.get("DOORSTEP_POPULATION") or DEMO_POPULATION)
    count, seconds = (env.get("DOORSTEP_PETITION_CLIENT_LIMIT") or "5/60").split("/")
    return {"sponsors": int(env.get("DOORSTEP_PETITION_SPONSORS") or 5),
            "open_days": int(env.get("DOORSTEP_PETITION_OPEN_DAYS") or 182),
            "response_at": int(env.get("DOORSTEP_PETITION_RESPONSE_AT") or 100),
            "debate_at": int(env.get("DOORSTEP_PETITION_DEBATE_AT") or population * 5 // 100),
            "client_limit": (int(count), int(seconds)),
            "resend_minutes": int(env.get("DOORSTEP_PETITION_RESEND_MINUTES") or 10)}


def revenues() -> dict:
    """The default council's revenues and benefits back office where its settings name none
    (councils/backoffices.py; handlers/revenues): DOORSTEP_CIVICA_URL,
    Civica OpenRevenues' one URL (the local back office `make run` starts, or a
    council's; unset: no council tax in My Account), DOORSTEP_CIVICA_TIMEOUT_S
    (each call's, default 8), DOORSTEP_REVENUES_FRESH_S (how long a view is shown
    without asking again, default 300) and DOORSTEP_REVENUES_KEEP_DAYS (how long
    the last copy is kept to show while the back office is down, default 7).
    Its service user and password are secrets (keystore.optional):
    DOORSTEP_CIVICA_USER, DOORSTEP_CIVICA_PASSWORD."""
    env = os.environ
    return {"url": (env.get("DOORSTEP_CIVICA_URL") or "").strip() or None,
            "timeout_s": float(env.get("DOORSTEP_CIVICA_TIMEOUT_S") or 8),
            "fresh_s": int(env.get("DOORSTEP_REVENUES_FRESH_S") or 300),
            "keep_days": int(env.get("DOORSTEP_REVENUES_KEEP_DAYS") or 7),
            # the back office's nightly window, London time (the local back office's by default)
            "nightly": (env.get("DOORSTEP_REVENUES_NIGHTLY") or "01:30-04:15").strip()}


def scheduler() -> dict:
    """The default council's contractor's scheduler for repairs where its settings name none
    (councils/backoffices.py; handlers/repairs): DOORSTEP_DRS_URL,
    a DRS web service's SOAP endpoint (the local one `make run` starts, or a
    council's contractor's; unset: repairs are taken and their slots offered
    when one is configured), DOORSTEP_DRS_CONTRACT (the contract orders are
    placed under, default "0"), DOORSTEP_DRS_TIMEOUT_S (each call's, default 10)
    and DOORSTEP_DRS_SEARCH_DAYS (the days one slot search covers, default 14).
    Its login and password are secrets (keystore.optional): DOORSTEP_DRS_LOGIN,
    DOORSTEP_DRS_PASSWORD."""
    env = os.environ
    return {"url": (env.get("DOORSTEP_DRS_URL") or "").strip() or None,
            "contract": (env.get("DOORSTEP_DRS_CONTRACT") or "0").strip(),
            "timeout_s": float(env.get("DOORSTEP_DRS_TIMEOUT_S") or 10),
            "search_days": int(env.get("DOORSTEP_DRS_SEARCH_DAYS") or 14)}


def landlords() -> dict:
    """The landlords' portal (handlers/landlords): DOORSTEP_LANDLORD_PROOF, the
    proof a lead user registers with besides the creditor reference ("claim":
    a tenant's claim reference and surname, the default; "bank": the last 4
    digits of the account paid), DOORSTEP_LANDLORD_APPROVAL ("staff": a
    revenues officer approves each organisation; unset: none), and
    DOORSTEP_LANDLORD_FRESH_S (how long a payment run list or the claims are
    shown without asking again, default 3600: runs are four-weekly)."""
    env = os.environ
    proof = (env.get("DOORSTEP_LANDLORD_PROOF") or "claim").strip().lower()
    return {"proof": proof if proof in ("claim", "bank") else "claim",
            "approval": (env.get("DOORSTEP_LANDLORD_APPROVAL") or "").strip().lower() == "staff",
            "fresh_s": int(env.get("DOORSTEP_LANDLORD_FRESH_S") or 3600)}


def democracy() -> dict:
    """The default council's committee system where its settings name none (councils/backoffices.py;
    the sync's windows are every council's) (handlers/democracy): DOORSTEP_MODERNGOV_URL, a
    Modern.gov site's root (the local one `make run` starts, or a council's,
    e.g. https://democracy.york.gov.uk; unset: no meetings are synced),
    DOORSTEP_MODERNGOV_TIMEOUT_S (each call's, default 10),
    DOORSTEP_MODERNGOV_PLAN_ID (the forward plan's PlanId, default 1), and
    the sync's windows: DOORSTEP_MEETINGS_BACK_DAYS (meetings listed this far
    back, default 28) and DOORSTEP_MEETINGS_AHEAD_DAYS (ahead, default 90)."""
    env = os.environ
    return {"url": (env.get("DOORSTEP_MODERNGOV_URL") or "").strip() or None,
            "timeout_s": float(env.get("DOORSTEP_MODERNGOV_TIMEOUT_S") or 10),
            "plan_id": (env.get("DOORSTEP_MODERNGOV_PLAN_ID") or "1").strip(),
            "back_days": int(env.get("DOORSTEP_MEETINGS_BACK_DAYS") or 28),
            "ahead_days": int(env.get("DOORSTEP_MEETINGS_AHEAD_DAYS") or 90)}


def webcasts() -> dict:
    """The default council's meetings' webcasts where its settings name none (councils/backoffices.py;
    handlers/participation): DOORSTEP_WEBCAST_URL, the
    provider's address of a meeting's webcast with {meeting_id} in it (e.g.
    https://york.public-i.tv/core/portal/webcast_interactive/{meeting_id});
    unset: meetings show no webcast. A minute of the recording is the same
    address with t=<seconds> added to its query. DOORSTEP_WEBCAST_CHAPTERS_URL:
    the provider's index of a recording's item times as a WebVTT chapters
    track, {meeting_id} in it (unset: chapters are not imported), fetched
    within DOORSTEP_WEBCAST_CHAPTERS_TIMEOUT_S (default 5)."""
    env = os.environ
    return {"url": (env.get("DOORSTEP_WEBCAST_URL") or "").strip() or None,
            "chapters_url": (env.get("DOORSTEP_WEBCAST_CHAPTERS_URL") or "").strip() or None,
            "chapters_timeout_s": float(env.get("DOORSTEP_WEBCAST_CHAPTERS_TIMEOUT_S") or 5)}
