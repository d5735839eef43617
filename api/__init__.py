"""The HTTP API (Litestar): controllers, request/response shapes, auth, errors."""
