"""Plain values the services' queries return: a page of a list, a person's name.

Both entry points render them — the JSON API maps them to its response bodies,
the HTML pages to templates — so they hold no HTTP or template concerns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: the items, how many there are in all, and the window asked for."""

    items: list[T]
    total: int
    limit: int
    offset: int
