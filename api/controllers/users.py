"""/api/v1/users: accounts and roles (admins only)."""

from __future__ import annotations

from uuid import UUID

import msgspec
from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED

from api.guards import access
from api.http import (
    AnyRequest,
    context_of,
    expected_version,
    idempotency_of,
    versioned,
)
from api.params import Limit, Offset
from api.schemas.users import (
    ActivationChange,
    PasswordChange,
    RoleChange,
    UserCreate,
    UserOut,
    UserPage,
)
from domain.roles import Role
from domain.users import User
from registry.users import UserService

ADMIN = access(Role.ADMIN)


def _out(user: User) -> UserOut:
    return UserOut(
        id=str(user.id),
        username=user.username,
        role=user.role,
        active=user.active,
        version=user.version,
    )


class UserController(Controller):
    path = "/api/v1/users"
    tags = ["Users"]

    @get(
        "/",
        operation_id="listUsers",
        summary="List user accounts / قائمة حسابات المستخدمين",
        sync_to_thread=True,
        **ADMIN,
    )
    def list_users(
        self,
        request: AnyRequest,
        users: NamedDependency[UserService],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> UserPage:
        """The accounts, by username."""
        page = users.list_users(limit, offset)
        return msgspec.convert(page, UserPage, from_attributes=True)

    @post(
        "/",
        operation_id="createUser",
        summary="Create a user account / إنشاء حساب مستخدم",
        status_code=HTTP_201_CREATED,
        sync_to_thread=True,
        **ADMIN,
    )
    def create(
        self, request: AnyRequest, users: NamedDependency[UserService], data: JSONBody[UserCreate]
    ) -> Response[UserOut]:
        """Creates an account with a role (password of at least 12 characters)."""
        user = users.add(
            context_of(request),
            username=data.username,
            role=data.role,
            password=data.password,
            idempotency=idempotency_of(request, data),
        )
        return versioned(_out(user), user.version, HTTP_201_CREATED, f"{self.path}/{user.id}")

    @get(
        "/{user_id:uuid}",
        operation_id="getUser",
        summary="Read a user account / عرض حساب مستخدم",
        sync_to_thread=True,
        **ADMIN,
    )
    def read(
        self, request: AnyRequest, users: NamedDependency[UserService], user_id: FromPath[UUID]
    ) -> Response[UserOut]:
        """One account."""
        user = users.get(user_id)
        return versioned(_out(user), user.version)

    @post(
        "/{user_id:uuid}/role",
        operation_id="changeUserRole",
        summary="Change a user's role / تغيير دور مستخدم",
        status_code=200,
        sync_to_thread=True,
        **ADMIN,
    )
    def change_role(
        self,
        request: AnyRequest,
        users: NamedDependency[UserService],
        user_id: FromPath[UUID],
        data: JSONBody[RoleChange],
    ) -> Response[UserOut]:
        """Gives the account another role; `reason` is required."""
        user = users.change_role(
            context_of(request), user_id, expected_version(request), data.role, data.reason
        )
        return versioned(_out(user), user.version)

    @post(
        "/{user_id:uuid}/password",
        operation_id="setUserPassword",
        summary="Set a user's password / تعيين كلمة مرور مستخدم",
        status_code=200,
        sync_to_thread=True,
        **ADMIN,
    )
    def set_password(
        self,
        request: AnyRequest,
        users: NamedDependency[UserService],
        user_id: FromPath[UUID],
        data: JSONBody[PasswordChange],
    ) -> Response[UserOut]:
        """Sets a new password for the account."""
        user = users.change_password(
            context_of(request), user_id, expected_version(request), data.password
        )
        return versioned(_out(user), user.version)

    @post(
        "/{user_id:uuid}/deactivate",
        operation_id="deactivateUser",
        summary="Deactivate a user account / إيقاف حساب مستخدم",
        status_code=200,
        sync_to_thread=True,
        **ADMIN,
    )
    def deactivate(
        self,
        request: AnyRequest,
        users: NamedDependency[UserService],
        user_id: FromPath[UUID],
        data: JSONBody[ActivationChange],
    ) -> Response[UserOut]:
        """Stops the account from signing in; `reason` is required."""
        user = users.set_active(
            context_of(request), user_id, expected_version(request), False, data.reason
        )
        return versioned(_out(user), user.version)

    @post(
        "/{user_id:uuid}/reactivate",
        operation_id="reactivateUser",
        summary="Reactivate a user account / إعادة تفعيل حساب مستخدم",
        status_code=200,
        sync_to_thread=True,
        **ADMIN,
    )
    def reactivate(
        self,
        request: AnyRequest,
        users: NamedDependency[UserService],
        user_id: FromPath[UUID],
        data: JSONBody[ActivationChange],
    ) -> Response[UserOut]:
        """Lets a deactivated account sign in again; `reason` is required."""
        user = users.set_active(
            context_of(request), user_id, expected_version(request), True, data.reason
        )
        return versioned(_out(user), user.version)
