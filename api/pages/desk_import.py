"""The desk's CSV import of ambassadors: upload a file (its size limit shown beforehand), watch
the import's progress (htmx polls the progress partial; without JavaScript a refresh link),
then the counts and the refused rows' report.

The import is the JSON API's (``registry.ambassador_import``), run in the background by
``registry.import_jobs``; people already enrolled are skipped, so a re-run adds no one.
"""

from __future__ import annotations

from uuid import UUID

import anyio
from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.params import FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.forms import form_key, new_key
from api.pages.i18n import language_of
from api.pages.rendering import FormErrors, page
from domain.errors import InvalidInput
from domain.messages import N_
from domain.roles import STAFF
from registry.ambassador_import import COLUMNS, REQUIRED
from registry.exports import CSV
from registry.idempotency import IdempotencyKey
from registry.import_jobs import ImportTooLarge

ACT = access(STAFF)  # as POST /api/v1/ambassadors/import
# The multipart wrapping around the file: the form's few fields and the part headers.
FORM_OVERHEAD = 64 * 1024


def _form(
    request: AnyRequest, status_code: int = 200, errors: FormErrors | None = None
) -> Template:
    limit = registry_of(request).settings.import_max_bytes
    return page(
        request,
        "desk/ambassadors/import.html",
        status_code,
        key=new_key(),
        limit_bytes=limit,
        limit_mib=f"{limit / (1 << 20):.1f}".removesuffix(".0"),
        columns=COLUMNS,
        required=REQUIRED,
        errors=errors,
    )


class DeskImportPages(Controller):
    path = "/desk/ambassadors/import"
    include_in_schema = False

    @get("/", name="desk_import", **ACT, sync_to_thread=True)
    def form(self, request: AnyRequest) -> Template:
        """The upload form, with the columns and the size limit."""
        return _form(request)

    @post(
        "/",
        name="desk_import_start",
        **ACT,
        request_max_body_size=None,  # NQS_IMPORT_MAX_BYTES, checked below before reading
    )
    async def start(self, request: AnyRequest) -> Template | Redirect:
        """Saves the file and starts its import in the background; then its progress page."""
        registry = registry_of(request)
        lang = language_of(request)
        limit = registry.settings.import_max_bytes
        try:
            if (request.content_length or limit + FORM_OVERHEAD + 1) > limit + FORM_OVERHEAD:
                raise ImportTooLarge(
                    N_("The file is larger than {limit} bytes."),
                    field="file",
                    limit=limit,
                )
            form = await request.form()
            upload = form.get("file")
            if not isinstance(upload, UploadFile) or not upload.filename:
                raise InvalidInput(N_("Choose a CSV file."), field="file")
            ctx = context_of(request)
            key = IdempotencyKey.of(ctx.actor.id, form_key(str(form.get("key") or "")), b"")
            job = await anyio.to_thread.run_sync(
                lambda: registry.imports.start(ctx, upload.file, limit, key)
            )
        except InvalidInput as error:
            status = (
                HTTP_413_REQUEST_ENTITY_TOO_LARGE
                if isinstance(error, ImportTooLarge)
                else HTTP_422_UNPROCESSABLE_ENTITY
            )
            return _form(request, status, FormErrors.of(error, lang, {"file"}))
        return Redirect(f"/desk/ambassadors/import/{job.id}", status_code=HTTP_303_SEE_OTHER)

    @get("/{job_id:uuid}", name="desk_import_job", **ACT, sync_to_thread=True)
    def job(self, request: AnyRequest, job_id: FromPath[UUID]) -> Template:
        """How far the import is; when done, the counts and the report (htmx: the partial)."""
        job = registry_of(request).imports.get(context_of(request), job_id)
        template = (
            "_import_progress.html" if request.headers.get("hx-request") else "import_job.html"
        )
        return page(request, f"desk/ambassadors/{template}", job=job)

    @get("/{job_id:uuid}/refused.csv", name="desk_import_report", **ACT, sync_to_thread=True)
    def report(self, request: AnyRequest, job_id: FromPath[UUID]) -> Response[bytes]:
        """The refused rows (row, field, reason in English and Arabic) as CSV."""
        content = registry_of(request).imports.report(context_of(request), job_id)
        return Response(
            content,
            media_type=CSV,
            headers={
                "Content-Disposition": f'attachment; filename="refused-rows-{job_id}.csv"',
                "Cache-Control": "no-store",
            },
        )
