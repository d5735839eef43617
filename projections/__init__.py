"""Read models kept in SQL tables beside the event store, one module per model."""
