"""The service itself: health, the OpenAPI document, and the JSON 404 for unknown paths."""
