"""The NQS Registry's domain model: aggregates, events, value objects and rules.

Pure Python: nothing in this package does I/O, talks HTTP or writes SQL.
"""
