"""Commands and queries of organisations, and which organisation an applicant represents."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.awards.organisation import Accreditation, Organisation, Profile, organisation_id
from domain.errors import NotFound
from domain.messages import N_
from domain.roles import Role
from domain.text import Text
from domain.users import User
from projections import awards_queries as q
from projections.awards_queries import OrganisationSummary
from projections.sql import Database
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.history import HistoryEntry
from registry.idempotency import IdempotencyKey
from registry.pages import Page
from registry.service import Noun, Service
from registry.users import NOUN as USER

NOUN = Noun(N_("No such organisation."), N_("No such organisation existed at {as_of}."))
EXISTS = N_("An organisation with this licence number already exists.")


class OrganisationService(Service):
    def __init__(self, app: NQSApplication, clock: Clock, db: Database) -> None:
        super().__init__(app, clock)
        self.db = db

    def list_organisations(self, limit: int, offset: int) -> Page[OrganisationSummary]:
        """The organisations, by English name (read model)."""
        rows, total = q.list_organisations(self.db, limit, offset)
        return Page(rows, total, limit, offset)

    def names(self) -> dict[str, Text]:
        """Every organisation's name by id, for rankings and results (read model)."""
        return q.organisation_names(self.db)

    def get(self, id_: UUID) -> Organisation:
        return self.load(Organisation, id_, NOUN)

    def read(self, ctx: RequestContext, id_: UUID) -> Organisation:
        """The organisation, if the caller may see it: applicants only their own (any other
        is, to them, no such organisation)."""
        if ctx.actor.role == Role.APPLICANT and self.organisation_of(ctx.actor.id) != id_:
            raise NotFound(NOUN.missing)
        return self.get(id_)

    def history(self, id_: UUID) -> list[HistoryEntry]:
        """Every change of the organisation: what, who, when, why."""
        return self.history_of(Organisation, id_, NOUN)

    def find_by_licence(self, licence_number: str) -> Organisation | None:
        return self.find(Organisation, organisation_id(licence_number))

    def register(
        self,
        ctx: RequestContext,
        *,
        licence_number: str,
        profile: Profile,
        idempotency: IdempotencyKey | None = None,
    ) -> Organisation:
        organisation = Organisation.register(
            self.envelope(ctx, idempotency=idempotency), licence_number, profile
        )
        return self.create(organisation, idempotency, EXISTS)

    def revise_profile(
        self, ctx: RequestContext, id_: UUID, expected: int, profile: Profile
    ) -> Organisation:
        return self.change(
            Organisation,
            id_,
            expected,
            NOUN,
            lambda o: o.revise_profile(self.envelope(ctx), profile),
        )

    def add_accreditation(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        name: str,
        issuer: str,
        expires_on: object,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Organisation, UUID]:
        organisation = self.get(id_)
        new_id = idempotency.derive_id(organisation.id) if idempotency else uuid4()
        if self.is_replay(organisation.id, idempotency):
            return organisation, new_id
        organisation.check_version(expected)
        accreditation = Accreditation(new_id, name.strip(), issuer.strip(), expires_on)  # type: ignore[arg-type]
        organisation.add_accreditation(self.envelope(ctx, idempotency=idempotency), accreditation)
        self.save(organisation)
        return organisation, new_id

    def remove_accreditation(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        accreditation_id: UUID,
        reason: str | None,
    ) -> Organisation:
        return self.change(
            Organisation,
            id_,
            expected,
            NOUN,
            lambda o: o.remove_accreditation(self.envelope(ctx, reason), accreditation_id),
        )

    def set_status(
        self, ctx: RequestContext, id_: UUID, expected: int, active: bool, reason: str | None
    ) -> Organisation:
        def command(organisation: Organisation) -> None:
            envelope = self.envelope(ctx, reason)
            if active:
                organisation.activate(envelope)
            else:
                organisation.suspend(envelope)

        return self.change(Organisation, id_, expected, NOUN, command)

    # -- who represents which organisation -------------------------------------------------

    def assign_member(
        self,
        ctx: RequestContext,
        user_id: UUID,
        expected: int | None,
        organisation_id_: UUID,
        reason: str | None,
    ) -> User:
        self.get(organisation_id_)
        return self.change(
            User,
            user_id,
            expected,
            USER,
            lambda u: u.assign_organisation(self.envelope(ctx, reason), organisation_id_),
        )

    def organisation_of(self, user_id: str) -> UUID | None:
        """The organisation an applicant represents (None if not linked yet)."""
        try:
            user = self.find(User, UUID(user_id))
        except ValueError:
            return None
        return user.organisation_id if user is not None else None

    def require_organisation_of(self, user_id: str) -> UUID:
        organisation = self.organisation_of(user_id)
        if organisation is None:
            raise NotFound(
                N_("Your account is not linked to an organisation yet; ask the executive office."),
            )
        return organisation
