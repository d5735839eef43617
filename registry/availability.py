"""What the entry points need to know of a lost database, from the layer they may use.

The rule itself (which errors mean "the database cannot be reached", the pool's timeouts)
lives with the store connection in :mod:`projections.availability`; entry points never
import the read-model layer (tests/unit/test_layers.py), so they take these names here.
"""

from __future__ import annotations

from projections.availability import (
    RETRY_AFTER_SECONDS,
    UNAVAILABLE,
    DatabaseUnavailable,
    is_unavailable,
)

__all__ = ["RETRY_AFTER_SECONDS", "UNAVAILABLE", "DatabaseUnavailable", "is_unavailable"]
