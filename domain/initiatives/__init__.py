"""The nine NQS initiatives: milestones, pilots, deliverables, partnerships, KPIs, reports."""
