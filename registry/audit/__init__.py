"""Tamper evidence: the hash chain over every stored event, signed checkpoints, export."""
