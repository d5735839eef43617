"""Counters kept beside a read model's rows, so reports never count rows per request.

A counter table holds one row per combination of dimensions and status (for the
ambassadors: track, region, sector, status). When a row changes status, its counter
moves with it: one down where it was, one up where it goes, both computed by the
database from the row itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from projections.sql import Cursor


class StatusCounters:
    def __init__(self, table: str, rows_table: str, dimensions: Sequence[str]) -> None:
        keys = ", ".join([*dimensions, "status"])
        dims = ", ".join(dimensions)
        self.table = table
        self.create = (
            f"CREATE TABLE IF NOT EXISTS {table} ("
            + "".join(f" {d} TEXT NOT NULL," for d in [*dimensions, "status"])
            + f" n BIGINT NOT NULL, PRIMARY KEY ({keys}))"
        )
        # Table and column names are this module's own constants, never input.
        self._add = (
            f"INSERT INTO {table} ({keys}, n) VALUES ({', '.join('?' * (len(dimensions) + 2))})"
            f" ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + excluded.n"
        )
        self._out = (
            f"UPDATE {table} SET n = n - 1 WHERE ({keys}) IN"
            f" (SELECT {keys} FROM {rows_table} WHERE id = ?)"
        )
        self._in = (
            f"INSERT INTO {table} ({keys}, n) SELECT {dims}, COALESCE(?, status), 1"
            f" FROM {rows_table} WHERE id = ?"
            f" ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + 1"
        )

    def add(self, cur: Cursor, counts: Mapping[Any, int]) -> None:
        """Adds ``n`` to each (dimensions…, status) counter."""
        cur.executemany(self._add, [(*key, n) for key, n in counts.items()])

    def leave(self, cur: Cursor, row_id: str) -> None:
        """Takes the row out of its counter (before its dimensions or status change)."""
        cur.execute(self._out, (row_id,))

    def enter(self, cur: Cursor, row_id: str, status: str | None = None) -> None:
        """Counts the row again, under ``status`` or the status it has."""
        cur.execute(self._in, (status, row_id))

    def move(self, cur: Cursor, row_id: str, status: str) -> None:
        self.leave(cur, row_id)
        self.enter(cur, row_id, status)


def where_equal(filters: Iterable[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """``WHERE a = ? AND b = ?`` for the filters given (None means not filtered)."""
    chosen = [(column, value) for column, value in filters if value is not None]
    if not chosen:
        return "", []
    return (
        "WHERE " + " AND ".join(f"{column} = ?" for column, _ in chosen),
        [value for _, value in chosen],
    )
