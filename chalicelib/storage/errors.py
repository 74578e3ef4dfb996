"""What a store tells its callers when a write does not happen, in words of
the domain rather than of DynamoDB or PynamoDB.

- EditConflict: a condition on the item failed: someone changed it first
  (its version moved on) or it is not in the state the write needs.
- AlreadyExists: a create found its key (or a unique key it claims) taken.
- Throttled: DynamoDB throttled the request or another transaction held
  the item; nothing was written and the same request may simply be retried.
  The HTTP layer answers 503 with Retry-After, never a 409.
"""


class StoreError(Exception):
    pass


class EditConflict(StoreError):
    """`part` names which part of a multi-item write failed its condition."""

    def __init__(self, part=None):
        super().__init__(part or "conflict")
        self.part = part


class AlreadyExists(StoreError):
    def __init__(self, part=None):
        super().__init__(part or "exists")
        self.part = part


class Throttled(StoreError):
    pass


# DynamoDB's names for "nothing was written; try again" (error codes, and
# the reasons a cancelled transaction gives per item).
RETRYABLE = frozenset({
    "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
    "TransactionConflictException", "InternalServerError", "ServiceUnavailable",
    "ThrottlingError", "TransactionConflict", "ProvisionedThroughputExceeded",
})
CONDITION_FAILED = frozenset({"ConditionalCheckFailedException", "ConditionalCheckFailed"})


class SlotFull(EditConflict):
    """A capacity (a bulky collection day's places) is all taken."""
