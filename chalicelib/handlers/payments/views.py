"""A payment as the page of what it paid for shows it: its state, what was
refunded, and the card page's address while the payer may still use it."""


def payment_view(payment, awaiting):
    """`awaiting`: what it pays for still waits for it (held), so next_url is offered while unfinished."""
    return {"id": payment.id, "status": payment.status, "finished": payment.finished, "amount": payment.amount,
            "refunded": payment.refunded, "next_url": payment.next_url if awaiting and not payment.finished else None}
