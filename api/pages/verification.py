"""Public verification: a membership certificate by its code, a licence by its number.

They show only what the public API's checks show. The certificate PDF's QR code opens
``/verify/certificates/{code}``; the forms on ``/verify`` lead to the same pages.
"""

from __future__ import annotations

from urllib.parse import quote

from litestar import Controller, get
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_404_NOT_FOUND

from api.guards import access
from api.http import AnyRequest, registry_of
from api.links import CERTIFICATE_CHECK, LICENCE_CHECK
from api.pages.i18n import language_of
from api.pages.rendering import message_of, page
from domain.errors import NotFound

MAX_CODE = 40


class VerificationPages(Controller):
    path = "/verify"
    include_in_schema = False

    @get("/", name="verify", **access(public=True))
    async def index(self, request: AnyRequest) -> Template:
        """The two checks, side by side."""
        return page(request, "public/verify.html", code="", number="", message=None)

    @get("/certificates", name="verify_certificate_form", **access(public=True))
    async def certificate_form(
        self, request: AnyRequest, code: FromQuery[str] = ""
    ) -> Redirect | Template:
        """The form's target: on to the code's own page (the one the QR code opens)."""
        code = code.strip()[:MAX_CODE]
        if not code:
            return page(request, "public/verify.html", code="", number="", message=None)
        return Redirect(CERTIFICATE_CHECK + quote(code, safe=""), status_code=HTTP_303_SEE_OTHER)

    @get("/licences", name="verify_licence_form", **access(public=True))
    async def licence_form(
        self, request: AnyRequest, number: FromQuery[str] = ""
    ) -> Redirect | Template:
        number = number.strip()[:MAX_CODE]
        if not number:
            return page(request, "public/verify.html", code="", number="", message=None)
        return Redirect(LICENCE_CHECK + quote(number, safe=""), status_code=HTTP_303_SEE_OTHER)

    @get(
        "/certificates/{code:str}",
        name="verify_certificate",
        **access(public=True),
        sync_to_thread=True,
    )
    def certificate(self, request: AnyRequest, code: FromPath[str]) -> Template:
        """A certificate's standing: the holder's name and the membership's status."""
        try:
            check = registry_of(request).ambassadors.check_certificate(code[:MAX_CODE])
        except NotFound as error:
            return page(
                request,
                "public/verify.html",
                HTTP_404_NOT_FOUND,
                code=code[:MAX_CODE],
                number="",
                message=message_of(error, language_of(request)),
            )
        return page(request, "public/certificate_check.html", check=check)

    @get(
        "/licences/{number:str}", name="verify_licence", **access(public=True), sync_to_thread=True
    )
    def licence(self, request: AnyRequest, number: FromPath[str]) -> Template:
        """A licence's standing: valid, suspended, revoked or expired; holder, type, validity."""
        try:
            check = registry_of(request).licences.check(number[:MAX_CODE])
        except NotFound as error:
            return page(
                request,
                "public/verify.html",
                HTTP_404_NOT_FOUND,
                code="",
                number=number[:MAX_CODE],
                message=message_of(error, language_of(request)),
            )
        return page(request, "public/licence_check.html", check=check)
