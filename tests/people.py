"""Valid Saudi ID numbers for tests: a sequence number plus the right Luhn check digit."""

from __future__ import annotations

from domain.people import luhn_valid


def national_id(seq: int, *, citizen: bool = True) -> str:
    body = ("1" if citizen else "2") + f"{seq:08d}"
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


def enrolment(seq: int, **overrides: object) -> dict[str, object]:
    """A valid public enrolment form (general track, Riyadh) for person ``seq``."""
    body: dict[str, object] = {
        "national_id": national_id(seq),
        "name_ar": "محمد عبدالله",
        "name_en": "Mohammed Abdullah",
        "mobile": "0551234567",
        "email": f"person{seq}@example.sa",
        "region": "riyadh",
        "city": "Riyadh",
    }
    body.update(overrides)
    return body
