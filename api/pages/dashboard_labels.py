"""Labels of the states the dashboard and the progress report show (msgids)."""

from __future__ import annotations

from domain.messages import N_

FUNNEL_LABELS = {
    "drafted": N_("Drafted"),
    "submitted": N_("Submitted applications"),
    "eligible": N_("Eligible"),
    "scored": N_("Scored"),
    "winners": N_("Winners"),
}
EDITION_LABELS = {"draft": N_("Draft"), "open": N_("Open"), "published": N_("Results published")}
MEMBER_LABELS = {
    "pending": N_("Pending"),
    "active": N_("Active"),
    "suspended": N_("Suspended"),
    "rejected": N_("Rejected"),
    "withdrawn": N_("Withdrawn"),
    "expired": N_("Expired"),
}
LICENCE_LABELS = {
    "applied": N_("Applied"),
    "passed": N_("Passed assessment"),
    "failed": N_("Failed assessment"),
    "issued": N_("Issued"),
    "rejected": N_("Rejected"),
    "suspended": N_("Suspended"),
    "revoked": N_("Revoked"),
    "expired": N_("Expired"),
    "technical": N_("Technical stage"),
    "administrative": N_("Administrative stage"),
}
