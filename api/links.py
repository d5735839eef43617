"""Links the registry prints for people to follow later (the certificate's QR code)."""

from __future__ import annotations

from api.http import AnyRequest, registry_of

CERTIFICATE_CHECK = "/verify/certificates/"
LICENCE_CHECK = "/verify/licences/"


def public_base(request: AnyRequest) -> str:
    """``NQS_PUBLIC_BASE_URL``, else the host this request came in on."""
    configured = registry_of(request).settings.public_base_url
    return configured or str(request.base_url).rstrip("/")


def certificate_check_base(request: AnyRequest) -> str:
    """Where a certificate's QR code points: the public verification page, code appended."""
    return public_base(request) + CERTIFICATE_CHECK
