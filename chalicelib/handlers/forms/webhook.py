"""A form sent posted to the council's own system (`hand_on.to = "webhook"`),
an effect of its event like its case. The body is the submission as JSON
(its reference, form, version, when it was sent, the pages taken and the
answers on them); the request is signed as GOV.UK Pay and Stripe sign theirs:
`Doorstep-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
with the council's own forms webhook key (`key`), so the receiver can tell
it is ours and refuse an old one replayed. Any answer but a 2xx (or none)
is a failed try; the queue (webhook_queue.py) tries again with backoff for
days, then shows it to staff. A try after a crash may post again: each
carries `Idempotency-Key: form-hook:<reference>` for the receiver to keep one."""
import hashlib
import hmac
import json
import secrets
import urllib.error
import urllib.request

from ...keystore import secret

TIMEOUT_S = 10


class WebhookRefused(Exception):
    pass


NAME = "forms-webhook-key"  # a council's secret of that name (keystore.council_secret)


def key(council_id):
    """The key council `council_id`'s posts are signed with: its own secret; for the deployment's
    default council without one, the key made with the stack (DOORSTEP_FORMS_WEBHOOK_SECRET), which
    its systems already hold. Never one council's for another: a council's system holding its key
    could otherwise sign posts another council's system would take. On the local and test stages a
    council's key is made once and kept; a deployed stage without one is refused (WebhookRefused),
    and the post waits in the queue, shown to staff, until the operator makes the secret."""
    from ... import tenancy
    from ...keystore import SecretMissing, council_secret, council_secret_file, local_secret
    own = council_secret(council_id, NAME)
    if own:
        return own
    if council_id == tenancy.default():
        return secret("DOORSTEP_FORMS_WEBHOOK_SECRET", NAME, lambda: secrets.token_urlsafe(48))
    try:
        return local_secret(council_secret_file(council_id, NAME), NAME, lambda: secrets.token_urlsafe(48))
    except SecretMissing:
        raise WebhookRefused(f"no {NAME} secret for {council_id}") from None


def signature(body, moment, signing_key):
    digest = hmac.new(signing_key.encode(), f"{moment}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={moment},v1={digest}"


def post(deps, submission, url):
    """One signed POST of the form sent (signed now: a receiver refusing old
    signatures takes a late try); its status, or WebhookRefused."""
    body = json.dumps({"reference": submission.id, "form_id": submission.form_id,
                       "form_version": submission.form_version, "submitted_at": submission.submitted_at.isoformat(),
                       "taken": submission.taken, "answers": submission.answers,
                       **({"paid": submission.paid} if submission.paid else {})}, sort_keys=True).encode()
    moment = int(deps.clock().timestamp())
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "Doorstep-Signature": signature(body, moment, key(deps.council.id)),
        "Idempotency-Key": f"form-hook:{submission.id}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310 (an https address, checked)
            return answer.status
    except urllib.error.HTTPError as e:
        raise WebhookRefused(f"the webhook answered {e.code}") from None
    except (urllib.error.URLError, OSError) as e:
        raise WebhookRefused(f"the webhook could not be reached ({type(e).__name__})") from None
