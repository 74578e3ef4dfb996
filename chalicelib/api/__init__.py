"""The HTTP layer: the route registry, the middleware, request and response helpers, and the
OpenAPI document built from the registry."""
