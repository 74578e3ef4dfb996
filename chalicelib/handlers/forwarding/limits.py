"""What staff may ask of the sends, read by the checks and by the OpenAPI document alike."""

# The sends list's states: storage/bodies/sends.py's TROUBLE, the states its `trouble` index holds
# (named here so that the route table does not import the store).
SEND_STATES = ("retrying", "awaiting_id", "failed", "refused")
