"""The registry's service layer: the eventsourcing application, services, catalogue, CLI."""
