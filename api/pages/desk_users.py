"""The desk's user accounts (administrators only): the list, adding an account, and on an
account's page changing its role, deactivating or reactivating it and setting a new password.

The same service as ``/api/v1/users`` (``registry.users.UserService``). Every change carries
the version the page showed, so a change made meanwhile by another administrator is never
overwritten. A password typed into a form is never shown back: a refused form comes back
with the password field empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.forms import form_key, new_key
from api.pages.i18n import language_of, translate
from api.pages.rendering import ROLE_LABELS, FormErrors, message_of, page
from domain.errors import (
    AlreadyExists,
    DomainError,
    IdempotencyMismatch,
    InvalidInput,
    VersionConflict,
)
from domain.messages import N_
from domain.roles import Role
from registry.context import RequestContext
from registry.idempotency import IdempotencyKey

ADMIN = access(Role.ADMIN)
PAGE_SIZE = 50
ADD_FIELDS = {"username", "role", "password"}
DONE = {"added", "role", "active", "inactive", "password"}


class AddUserForm(msgspec.Struct):
    key: str = ""
    username: str = ""
    role: str = ""
    password: str = ""


class RoleForm(msgspec.Struct):
    version: str = ""
    role: str = ""
    reason: str = ""


class ActiveForm(msgspec.Struct):
    version: str = ""
    active: str = ""
    reason: str = ""


class PasswordForm(msgspec.Struct):
    version: str = ""
    password: str = ""


AddUser = Annotated[AddUserForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
ChangeRole = Annotated[RoleForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
ChangeActive = Annotated[ActiveForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
SetPassword = Annotated[PasswordForm, Body(media_type=RequestEncodingType.URL_ENCODED)]


def _role(raw: str) -> Role:
    try:
        return Role(raw)
    except ValueError:
        raise InvalidInput(N_("Choose a role."), field="role") from None


def _version(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        return -1


def _roles(lang: str) -> list[tuple[str, str]]:
    return [(str(r), translate(lang, ROLE_LABELS[r])) for r in Role]


def users_page(
    request: AnyRequest,
    status_code: int = 200,
    *,
    form: AddUserForm | None = None,
    errors: FormErrors | None = None,
    offset: int = 0,
) -> Template:
    """The accounts with the form that adds one (its key made when the form is shown)."""
    found = registry_of(request).users.list_users(PAGE_SIZE, offset)
    shown = form or AddUserForm(key=new_key())
    return page(
        request,
        "desk/users/index.html",
        status_code,
        users=found,
        offset=offset,
        page_size=PAGE_SIZE,
        form=AddUserForm(key=shown.key, username=shown.username, role=shown.role),
        roles=_roles(language_of(request)),
        errors=errors,
    )


def user_page(
    request: AnyRequest,
    user_id: UUID,
    status_code: int = 200,
    *,
    errors: FormErrors | None = None,
    failed: str | None = None,
    conflict: bool = False,
    done: str | None = None,
) -> Template:
    """One account as it is now, with a form for each change."""
    account = registry_of(request).users.get(user_id)
    me = getattr(request.scope.get("user"), "id", None)
    return page(
        request,
        "desk/users/user.html",
        status_code,
        account=account,
        roles=_roles(language_of(request)),
        errors=errors,
        failed=failed,
        conflict=conflict,
        done=done if done in DONE else None,
        is_me=str(me) == str(account.id),
    )


class DeskUserPages(Controller):
    path = "/desk/users"
    include_in_schema = False

    @get("/", name="desk_users", **ADMIN, sync_to_thread=True)
    def index(self, request: AnyRequest, offset: FromQuery[int] = 0) -> Template:
        """The accounts by username, and the form that adds one."""
        return users_page(request, offset=max(0, min(offset, 10_000_000)))

    @post("/", name="desk_users_add", **ADMIN, sync_to_thread=True)
    def add(self, request: AnyRequest, data: AddUser) -> Template | Redirect:
        """Adds an account; the form's key makes a second send of it add nobody."""
        lang = language_of(request)
        ctx = context_of(request)
        key = form_key(data.key)
        form = AddUserForm(key=key, username=data.username[:100], role=data.role[:40])
        try:
            user = registry_of(request).users.add(
                ctx,
                username=data.username[:100],
                role=_role(data.role),
                password=data.password[:1000],
                # The key binds what the form names, never the password.
                idempotency=IdempotencyKey.of(
                    ctx.actor.id, key, f"{form.username}\x00{form.role}".encode()
                ),
            )
        except AlreadyExists as error:
            errors = FormErrors(lang)
            errors.by_field["username"] = message_of(error, lang)
            return users_page(request, HTTP_409_CONFLICT, form=form, errors=errors)
        except IdempotencyMismatch:
            errors = FormErrors(lang)
            errors.general.append(
                translate(lang, "This form was already sent. To add another user, open a new form.")
            )
            return users_page(request, HTTP_409_CONFLICT, errors=errors)
        except InvalidInput as error:
            return users_page(
                request,
                HTTP_422_UNPROCESSABLE_ENTITY,
                form=form,
                errors=FormErrors.of(error, lang, ADD_FIELDS),
            )
        return Redirect(f"/desk/users/{user.id}?done=added", status_code=HTTP_303_SEE_OTHER)

    @get("/{user_id:uuid}", name="desk_user", **ADMIN, sync_to_thread=True)
    def user(
        self, request: AnyRequest, user_id: FromPath[UUID], done: FromQuery[str] = ""
    ) -> Template:
        """One account: its role, whether it may sign in, and the changes an admin makes."""
        return user_page(request, user_id, done=done[:20])

    @post("/{user_id:uuid}/role", name="desk_user_role", **ADMIN, sync_to_thread=True)
    def change_role(
        self, request: AnyRequest, user_id: FromPath[UUID], data: ChangeRole
    ) -> Template | Redirect:
        """Gives the account another role, with a reason."""
        users = registry_of(request).users
        return self._change(
            request,
            user_id,
            "role",
            lambda ctx: users.change_role(
                ctx, user_id, _version(data.version), _role(data.role), data.reason[:2000]
            ),
            fields={"role", "reason"},
        )

    @post("/{user_id:uuid}/active", name="desk_user_active", **ADMIN, sync_to_thread=True)
    def change_active(
        self, request: AnyRequest, user_id: FromPath[UUID], data: ChangeActive
    ) -> Template | Redirect:
        """Deactivates the account (it can no longer sign in) or reactivates it, with a reason."""
        users = registry_of(request).users
        active = data.active == "yes"
        return self._change(
            request,
            user_id,
            "active",
            lambda ctx: users.set_active(
                ctx, user_id, _version(data.version), active, data.reason[:2000]
            ),
            fields={"reason"},
            done="active" if active else "inactive",
        )

    @post("/{user_id:uuid}/password", name="desk_user_password", **ADMIN, sync_to_thread=True)
    def set_password(
        self, request: AnyRequest, user_id: FromPath[UUID], data: SetPassword
    ) -> Template | Redirect:
        """Sets a new password for the account (told to its holder by the admin, not here)."""
        users = registry_of(request).users
        return self._change(
            request,
            user_id,
            "password",
            lambda ctx: users.change_password(
                ctx, user_id, _version(data.version), data.password[:1000]
            ),
            fields={"password"},
        )

    @staticmethod
    def _change(
        request: AnyRequest,
        user_id: UUID,
        form: str,
        command: Callable[[RequestContext], object],
        *,
        fields: set[str],
        done: str | None = None,
    ) -> Template | Redirect:
        """Runs one versioned change; a refusal re-renders the account as it is now."""
        lang = language_of(request)
        try:
            command(context_of(request))
        except VersionConflict:
            return user_page(request, user_id, HTTP_409_CONFLICT, conflict=True)
        except InvalidInput as error:
            errors = FormErrors.of(error, lang, fields)
            # Two forms on the page have a reason: each has its own field id.
            if "reason" in errors.by_field:
                errors.by_field[f"reason-{form}"] = errors.by_field.pop("reason")
            return user_page(
                request, user_id, HTTP_422_UNPROCESSABLE_ENTITY, errors=errors, failed=form
            )
        except DomainError as error:
            if error.code == "not-found":
                raise
            errors = FormErrors(lang)
            errors.general.append(message_of(error, lang))
            return user_page(request, user_id, HTTP_409_CONFLICT, errors=errors, failed=form)
        return Redirect(
            f"/desk/users/{user_id}?done={done or form}", status_code=HTTP_303_SEE_OTHER
        )
