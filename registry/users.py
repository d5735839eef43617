"""Commands and queries of user accounts."""

from __future__ import annotations

import secrets
from uuid import UUID

from domain.messages import N_
from domain.roles import Role
from domain.users import User, check_password_strength, user_id
from projections.sql import Database
from projections.users import UserRow, list_users
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.idempotency import IdempotencyKey
from registry.pages import Page
from registry.passwords import hash_password, verify_password
from registry.service import Noun, Service

NOUN = Noun(N_("No such user."), N_("No such user existed at {as_of}."))
EXISTS = N_("A user with this username already exists.")


class UserService(Service):
    def __init__(self, app: NQSApplication, clock: Clock, db: Database) -> None:
        super().__init__(app, clock)
        self.db = db

    def list_users(self, limit: int, offset: int) -> Page[UserRow]:
        """The accounts, by username (read model)."""
        rows, total = list_users(self.db, limit, offset)
        return Page(rows, total, limit, offset)

    def get(self, id_: UUID) -> User:
        return self.load(User, id_, NOUN)

    def find_by_id(self, id_: UUID) -> User | None:
        return self.find(User, id_)

    def find_by_username(self, username: str) -> User | None:
        try:
            return self.find(User, user_id(username))
        except ValueError:
            return None

    def usernames(self, actor_ids: set[str]) -> dict[str, str]:
        """The usernames of the staff behind these actor ids (a history's "who"); the public,
        the registry itself and unknown ids are left out."""
        names = {}
        for raw in sorted(actor_ids)[:100]:
            try:
                found = self.find(User, UUID(raw))
            except ValueError:  # "public", "system": not a user
                continue
            if found is not None:
                names[raw] = found.username
        return names

    def add(
        self,
        ctx: RequestContext,
        *,
        username: str,
        role: Role,
        password: str,
        idempotency: IdempotencyKey | None = None,
    ) -> User:
        check_password_strength(password)
        user = User.register(
            self.envelope(ctx, idempotency=idempotency), username, role, hash_password(password)
        )
        return self.create(user, idempotency, EXISTS)

    def authenticate(self, username: str, password: str) -> User | None:
        """The active user with these credentials, or None (same timing either way)."""
        user = self.find_by_username(username)
        ok = verify_password(user.password_hash if user else None, password)
        if user is None or not ok or not user.active:
            return None
        return user

    def change_role(
        self, ctx: RequestContext, id_: UUID, expected: int, role: Role, reason: str | None
    ) -> User:
        return self.change(
            User, id_, expected, NOUN, lambda u: u.change_role(self.envelope(ctx, reason), role)
        )

    def change_password(self, ctx: RequestContext, id_: UUID, expected: int, password: str) -> User:
        check_password_strength(password)
        password_hash = hash_password(password)
        return self.change(
            User,
            id_,
            expected,
            NOUN,
            lambda u: u.change_password(self.envelope(ctx), password_hash),
        )

    def set_active(
        self, ctx: RequestContext, id_: UUID, expected: int, active: bool, reason: str | None
    ) -> User:
        def command(user: User) -> None:
            envelope = self.envelope(ctx, reason)
            if active:
                user.reactivate(envelope)
            else:
                user.deactivate(envelope)

        return self.change(User, id_, expected, NOUN, command)

    def ensure_admin(
        self, ctx: RequestContext, username: str, password: str | None
    ) -> tuple[User, str | None]:
        """The named admin, created if missing; returns the generated password if one was made."""
        existing = self.find_by_username(username)
        if existing is not None:
            return existing, None
        generated = None
        if not password:
            generated = password = secrets.token_urlsafe(18)
        user = self.add(ctx, username=username, role=Role.ADMIN, password=password)
        return user, generated
