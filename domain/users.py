"""User accounts: who may sign in, in which role.

Only a password *hash* is ever recorded (argon2, hashed by the service layer),
and the stream id is derived from the username, never the username itself.
"""

from __future__ import annotations

import re
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition
from domain.messages import N_
from domain.roles import Role

NAMESPACE_USERS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/users")
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD_LENGTH = 12


def normalise_username(username: str) -> str:
    username = (username or "").strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise InvalidInput(
            N_("A username is 3 to 64 lowercase letters, digits, dots, hyphens or underscores."),
            field="username",
        )
    return username


def user_id(username: str) -> UUID:
    return uuid5(NAMESPACE_USERS, normalise_username(username))


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            N_("A password has at least {min_password_length} characters."),
            field="password",
            min_password_length=MIN_PASSWORD_LENGTH,
        )


class User(RegistryAggregate):
    @staticmethod
    def create_id(username: str) -> UUID:
        return user_id(username)

    @classmethod
    def register(cls, envelope: Envelope, username: str, role: Role, password_hash: str) -> User:
        return cls(
            envelope=envelope,
            username=normalise_username(username),
            role=Role(role),
            password_hash=password_hash,
        )

    @event("Registered")
    def __init__(self, envelope: Envelope, username: str, role: Role, password_hash: str) -> None:
        self.username = username
        self.role = Role(role)
        self.password_hash = password_hash
        self.active = True
        # Applicants represent one organisation (award applications are made in its name).
        self.organisation_id: UUID | None = None

    def change_role(self, envelope: Envelope, role: Role) -> None:
        envelope.require_reason()
        if Role(role) == self.role:
            return
        self._role_changed(envelope=envelope, role=Role(role))

    @event("RoleChanged")
    def _role_changed(self, envelope: Envelope, role: Role) -> None:
        self.role = Role(role)

    def change_password(self, envelope: Envelope, password_hash: str) -> None:
        self._password_changed(envelope=envelope, password_hash=password_hash)

    @event("PasswordChanged")
    def _password_changed(self, envelope: Envelope, password_hash: str) -> None:
        self.password_hash = password_hash

    def deactivate(self, envelope: Envelope) -> None:
        envelope.require_reason()
        if not self.active:
            raise InvalidTransition(N_("This account is already deactivated."), field="active")
        self._deactivated(envelope=envelope)

    @event("Deactivated")
    def _deactivated(self, envelope: Envelope) -> None:
        self.active = False

    def reactivate(self, envelope: Envelope) -> None:
        envelope.require_reason()
        if self.active:
            raise InvalidTransition(N_("This account is already active."), field="active")
        self._reactivated(envelope=envelope)

    @event("Reactivated")
    def _reactivated(self, envelope: Envelope) -> None:
        self.active = True

    def assign_organisation(self, envelope: Envelope, organisation_id: UUID) -> None:
        """Links an applicant to the one organisation they represent; moving them needs a reason."""
        if self.role != Role.APPLICANT:
            raise InvalidInput(
                N_("Only applicant accounts represent an organisation."),
                field="user_id",
            )
        if self.organisation_id == organisation_id:
            return
        if self.organisation_id is not None:
            envelope.require_reason()
        self._organisation_assigned(envelope=envelope, organisation_id=organisation_id)

    @event("OrganisationAssigned")
    def _organisation_assigned(self, envelope: Envelope, organisation_id: UUID) -> None:
        self.organisation_id = organisation_id
