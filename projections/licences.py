"""Read model of licence types and licences: the lists, the public check, the report.

Counts by (type, stage, status) are kept as counters, as for the ambassadors;
the holder's personal data is copied *sealed* for the staff list and the public
check, which decrypt only the name of the one licence asked for.
"""

from __future__ import annotations

from typing import Any

from domain.licences.licence import Licence
from domain.licences.licence_type import LicenceType
from projections.base import Handler, Projection
from projections.counters import StatusCounters
from projections.sql import Cursor

COUNTS = StatusCounters("view_licence_counts", "view_licences", ("type_code", "stage"))


class LicencesProjection(Projection):
    name = "licences"
    version = 1
    tables = ("view_licence_types", "view_licences", "view_licence_counts")

    def create_statements(self, dialect: str) -> list[str]:
        blob = "BYTEA" if dialect == "postgres" else "BLOB"
        return [
            "CREATE TABLE IF NOT EXISTS view_licence_types ("
            " code TEXT PRIMARY KEY, id TEXT NOT NULL, stage TEXT NOT NULL,"
            " title_ar TEXT NOT NULL, title_en TEXT NOT NULL, validity_years INTEGER NOT NULL,"
            " cpd_hours INTEGER NOT NULL, active INTEGER NOT NULL, version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_licences ("
            " id TEXT PRIMARY KEY, person_id TEXT NOT NULL, type_code TEXT NOT NULL,"
            " stage TEXT NOT NULL, status TEXT NOT NULL, number TEXT, valid_from TEXT,"
            f" valid_until TEXT, applied_on TEXT NOT NULL, personal {blob},"
            " version INTEGER NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE UNIQUE INDEX IF NOT EXISTS ix_licences_number ON view_licences (number)",
            "CREATE INDEX IF NOT EXISTS ix_licences_person ON view_licences (person_id)",
            "CREATE INDEX IF NOT EXISTS ix_licences_validity"
            " ON view_licences (valid_until) WHERE status = 'issued'",
            COUNTS.create,
        ]

    def handlers(self) -> dict[type[Any], Handler]:
        status = self._status
        return {
            LicenceType.Defined: self._type_defined,
            LicenceType.Revised: self._type_revised,
            LicenceType.Retired: self._type_retired,
            Licence.Applied: self._applied,
            Licence.Reapplied: status("applied"),
            Licence.Assessed: self._assessed,
            Licence.Issued: self._issued,
            Licence.Renewed: self._renewed,
            Licence.Suspended: status("suspended"),
            Licence.Reinstated: status("issued"),
            Licence.Revoked: status("revoked"),
            Licence.Expired: status("expired"),
            Licence.PersonalDataErased: self._erased,
        }

    # -- types -----------------------------------------------------------------------

    def _type_defined(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_licence_types (code, id, stage, title_ar, title_en, validity_years,"
            " cpd_hours, active, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
            (
                e.code,
                str(e.originator_id),
                str(e.stage),
                e.title.ar,
                e.title.en,
                e.validity_years,
                e.cpd_hours,
                e.originator_version,
            ),
        )

    def _type_revised(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_licence_types SET title_ar = ?, title_en = ?, validity_years = ?,"
            " cpd_hours = ?, version = ? WHERE id = ?",
            (
                e.title.ar,
                e.title.en,
                e.validity_years,
                e.cpd_hours,
                e.originator_version,
                str(e.originator_id),
            ),
        )

    def _type_retired(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_licence_types SET active = 0, version = ? WHERE id = ?",
            (e.originator_version, str(e.originator_id)),
        )

    # -- licences --------------------------------------------------------------------

    def _applied(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_licences (id, person_id, type_code, stage, status, applied_on,"
            " personal, version, updated_at) VALUES (?, ?, ?, ?, 'applied', ?, ?, ?, ?)",
            (
                str(e.originator_id),
                str(e.person_id),
                e.type_code,
                str(e.stage),
                e.timestamp.date().isoformat(),
                e.personal.blob,
                e.originator_version,
                e.timestamp.isoformat(),
            ),
        )
        COUNTS.enter(cur, str(e.originator_id))

    def _move(
        self, cur: Cursor, e: Any, status: str, extra: str = "", params: tuple[Any, ...] = ()
    ) -> None:
        licence = str(e.originator_id)
        COUNTS.move(cur, licence, status)
        cur.execute(
            f"UPDATE view_licences SET status = ?{extra}, version = ?, updated_at = ? WHERE id = ?",
            (status, *params, e.originator_version, e.timestamp.isoformat(), licence),
        )

    def _status(self, status: str) -> Handler:
        return lambda cur, e: self._move(cur, e, status)

    def _assessed(self, cur: Cursor, e: Any) -> None:
        self._move(cur, e, "passed" if e.passed else "failed")

    def _issued(self, cur: Cursor, e: Any) -> None:
        self._move(
            cur,
            e,
            "issued",
            ", number = ?, valid_from = ?, valid_until = ?",
            (e.number, e.valid_from.isoformat(), e.valid_until.isoformat()),
        )

    def _renewed(self, cur: Cursor, e: Any) -> None:
        self._move(cur, e, "issued", ", valid_until = ?", (e.valid_until.isoformat(),))

    def _erased(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_licences SET personal = NULL, version = ?, updated_at = ? WHERE id = ?",
            (e.originator_version, e.timestamp.isoformat(), str(e.originator_id)),
        )
