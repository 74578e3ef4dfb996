"""The PaymentProvider interface: what Doorstep asks of whoever takes the card.

Shaped like GOV.UK Pay's public API (govuk_pay.py speaks it over HTTP to GOV.UK
Pay itself, or to the local provider `make run` starts); the domain code sees
only these plain values. Amounts are integer pence, always.
"""
from dataclasses import dataclass, field
from typing import Protocol

UNFINISHED = ("created", "started", "submitted", "capturable")
FINISHED = ("success", "failed", "cancelled", "error")
STATUSES = UNFINISHED + FINISHED


@dataclass(frozen=True)
class ProviderPayment:
    """A payment as the provider holds it (its state is the truth)."""
    provider_id: str
    amount: int
    status: str
    finished: bool
    reference: str = ""
    code: str | None = None  # why it failed: P0010 declined, P0020 expired, P0030 cancelled by the payer...
    message: str | None = None
    next_url: str | None = None  # where the payer goes to pay (single use)
    refund_status: str = "pending"  # pending, available, unavailable, full
    refund_available: int = 0  # pence still refundable
    refund_submitted: int = 0
    metadata: dict = field(default_factory=dict)
    card_brand: str | None = None  # card_details.card_brand, once a card was given


@dataclass(frozen=True)
class ProviderRefund:
    refund_id: str
    amount: int
    status: str  # submitted, success, error


class ProviderError(Exception):
    """The provider refused or could not be reached. `code` is its own
    (P0102...), `status` the HTTP status (0: not reached)."""

    def __init__(self, message, status=0, code=None):
        super().__init__(message)
        self.status = status
        self.code = code

    @property
    def unreachable(self):
        return self.status == 0 or self.status >= 500 or self.status == 429


class RefundMismatch(ProviderError):
    """The refundable amount we sent is stale (P0604): another refund came first."""


class NotRefundable(ProviderError):
    """The payment cannot be refunded (P0603): not paid, or refunded in full."""


class PaymentProvider(Protocol):
    def create(self, *, amount: int, reference: str, description: str, return_url: str,
               metadata: dict, email: str | None, idempotency_key: str, moto: bool = False) -> ProviderPayment: ...

    def get(self, provider_id: str) -> ProviderPayment: ...

    def cancel(self, provider_id: str) -> bool:
        """True when cancelled; False when it is past cancelling (submitted or finished)."""

    def refund(self, provider_id: str, amount: int, refund_amount_available: int) -> ProviderRefund: ...

    def succeeded_between(self, from_moment: str, to_moment: str) -> list:
        """[ProviderPayment] that succeeded, made in [from, to): finance's reconciliation."""

    def refunds(self, provider_id: str) -> list:
        """[ProviderRefund] of the payment (to learn whether a refund whose answer was lost was made)."""
