"""What a read model is: its tables and a handler per event class it cares about."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from eventsourcing.utils import get_topic

from projections.sql import Cursor

Handler = Callable[[Cursor, Any], None]


class Projection:
    """A read model. Subclasses name their tables, their DDL and their handlers.

    Handlers only *write* (upserts and updates computed from the event and the
    row already there): they never read back in Python, which lets a batch of
    events go to PostgreSQL as one pipelined transaction.
    """

    name: ClassVar[str]
    # Bump when the tables' shape or meaning changes: the runner then rebuilds it.
    version: ClassVar[int] = 1
    tables: ClassVar[tuple[str, ...]]

    def create_statements(self, dialect: str) -> list[str]:
        raise NotImplementedError

    def handlers(self) -> dict[type[Any], Handler]:
        raise NotImplementedError

    def __init__(self) -> None:
        self._handlers = self.handlers()
        self.topics: frozenset[str] = frozenset(get_topic(cls) for cls in self._handlers)

    def process(self, cursor: Cursor, event: Any) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(cursor, event)

    def process_batch(self, cursor: Cursor, events: Sequence[Any]) -> None:
        """Applies a batch in order; read models with millions of rows override it to write
        runs of similar events with one ``executemany``."""
        for event in events:
            self.process(cursor, event)

    def drop_statements(self) -> list[str]:
        return [f"DROP TABLE IF EXISTS {table}" for table in reversed(self.tables)]


def text_columns(value: Any) -> tuple[str | None, str | None]:
    """(ar, en) of an optional bilingual text, for two columns."""
    if value is None:
        return None, None
    return value.ar, value.en
