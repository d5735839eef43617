"""Bodies of /api/v1/users and /api/v1/auth."""

from __future__ import annotations

from typing import Annotated

import msgspec

from api.schemas.common import Input, Reason
from domain.roles import Role

Username = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$")]
Password = Annotated[str, msgspec.Meta(min_length=12, max_length=256)]


class UserCreate(Input):
    username: Username
    role: Role
    password: Password


class RoleChange(Input):
    role: Role
    reason: Reason


class PasswordChange(Input):
    password: Password


class ActivationChange(Input):
    reason: Reason


class UserOut(msgspec.Struct):
    id: str
    username: str
    role: Role
    active: bool
    version: int


class UserPage(msgspec.Struct):
    items: list[UserOut]
    total: int
    limit: int
    offset: int


class LoginForm(Input):
    username: str
    password: str


class TokenOut(msgspec.Struct):
    access_token: str
    token_type: str
    expires_in: int


class MeOut(msgspec.Struct):
    id: str
    username: str
    role: str
