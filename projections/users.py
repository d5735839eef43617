"""Read model of user accounts, for the admin's user list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.users import User
from projections.base import Handler, Projection
from projections.sql import Cursor, Database


class UsersProjection(Projection):
    name = "users"
    version = 1
    tables = ("view_users",)

    def create_statements(self, dialect: str) -> list[str]:
        return [
            "CREATE TABLE IF NOT EXISTS view_users ("
            " id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
            " active INTEGER NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL)"
        ]

    def handlers(self) -> dict[type[Any], Handler]:
        return {
            User.Registered: self._registered,
            User.RoleChanged: self._role_changed,
            User.PasswordChanged: self._touch,
            User.Deactivated: self._deactivated,
            User.Reactivated: self._reactivated,
        }

    def _registered(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_users (id, username, role, active, version, created_at)"
            " VALUES (?, ?, ?, 1, ?, ?)",
            (
                str(e.originator_id),
                e.username,
                str(e.role),
                e.originator_version,
                e.timestamp.isoformat(),
            ),
        )

    def _touch(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_users SET version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _role_changed(self, cur: Cursor, e: Any) -> None:
        cur.execute("UPDATE view_users SET role=? WHERE id=?", (str(e.role), str(e.originator_id)))
        self._touch(cur, e)

    def _deactivated(self, cur: Cursor, e: Any) -> None:
        cur.execute("UPDATE view_users SET active=0 WHERE id=?", (str(e.originator_id),))
        self._touch(cur, e)

    def _reactivated(self, cur: Cursor, e: Any) -> None:
        cur.execute("UPDATE view_users SET active=1 WHERE id=?", (str(e.originator_id),))
        self._touch(cur, e)


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    role: str
    active: bool
    version: int


def list_users(db: Database, limit: int, offset: int) -> tuple[list[UserRow], int]:
    """A page of accounts by username, and how many there are."""
    with db.read() as cur:
        total = cur.fetchone("SELECT COUNT(*) FROM view_users")
        rows = cur.fetchall(
            "SELECT id, username, role, active, version FROM view_users"
            " ORDER BY username LIMIT ? OFFSET ?",
            (limit, offset),
        )
    users = [UserRow(r[0], r[1], r[2], bool(r[3]), int(r[4])) for r in rows]
    return users, int(total[0]) if total else 0
