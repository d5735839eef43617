"""The desk's ambassadors: the list with filters, a member's page with their history, and
every decision with its reason — one by one (with the version the page showed, so a change
made meanwhile by someone else is never overwritten) or in bulk with one reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID

import msgspec
from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.links import certificate_check_base
from api.pages.i18n import language_of, translate
from api.pages.labels import STATUS_NAMES, options
from api.pages.rendering import FormErrors, message_of, page
from api.schemas.ambassadors import mask_national_id
from domain.ambassadors.values import SECTOR_NAMES, TRACK_NAMES, MembershipStatus, Sector, Track
from domain.errors import DomainError, InvalidInput, VersionConflict
from domain.messages import N_
from domain.regions import REGION_NAMES, Region
from domain.roles import STAFF, Role
from registry.ambassador_reads import MemberFilters
from registry.ambassadors import DECISIONS, MAX_BULK, MAX_MATCHING

READ = access(STAFF, Role.AUDITOR)
ACT = access(STAFF)
PAGE_SIZES = (50, 100, 500)
FILTERS = ("status", "track", "region", "sector", "enrolled_from", "enrolled_to")
DATES = ("enrolled_from", "enrolled_to")

# What an officer may decide on a membership in each status (the domain has the last word).
ACTIONS: dict[MembershipStatus, list[str]] = {
    MembershipStatus.PENDING: ["approve", "reject"],
    MembershipStatus.ACTIVE: ["renew", "suspend", "withdraw"],
    MembershipStatus.SUSPENDED: ["reinstate", "withdraw"],
    MembershipStatus.EXPIRED: ["renew"],
    MembershipStatus.REJECTED: [],
    MembershipStatus.WITHDRAWN: [],
}
ACTION_LABELS = {
    "approve": N_("Approve"),
    "reject": N_("Reject"),
    "suspend": N_("Suspend"),
    "reinstate": N_("Reinstate"),
    "withdraw": N_("Withdraw"),
    "renew": N_("Renew"),
    "expire": N_("Record expiry"),
    "erase": N_("Erase personal data"),
}
# The membership's events as the history reads them.
EVENT_LABELS = {
    "Enrolled": N_("Enrolled"),
    "Approved": N_("Approved"),
    "Rejected": N_("Rejected"),
    "Suspended": N_("Suspended"),
    "Reinstated": N_("Reinstated"),
    "Withdrawn": N_("Withdrawn"),
    "Renewed": N_("Renewed"),
    "Expired": N_("Expired"),
    "TrackChangeRequested": N_("Track change requested"),
    "TrackChanged": N_("Track changed"),
    "TrackChangeRejected": N_("Track change rejected"),
    "ActivityLogged": N_("Activity logged"),
    "ActivityVerified": N_("Activity verified"),
    "ActivityRejected": N_("Activity rejected"),
    "PersonalDataErased": N_("Personal data erased"),
}
# Erasure (Saudi PDPL) is one member at a time, never in bulk, and asks for a ticked box.
ERASE = "erase"
BULK_ACTIONS = ["approve", "reject", "suspend", "reinstate", "withdraw", "renew"]


class DecisionForm(msgspec.Struct):
    action: str = ""
    version: str = ""
    reason: str = ""
    confirm: str = ""  # the erasure form's box


class TrackDecisionForm(msgspec.Struct):
    decision: str = ""
    version: str = ""
    reason: str = ""


class BulkForm(msgspec.Struct):
    action: str = ""
    reason: str = ""
    ids: list[str] = msgspec.field(default_factory=list)
    back: str = "/desk/ambassadors"
    # "ticked" (the ids) or "matching" (every member the list's filters below match).
    scope: str = "ticked"
    status: str = ""
    track: str = ""
    region: str = ""
    sector: str = ""
    enrolled_from: str = ""
    enrolled_to: str = ""


Decision = Annotated[DecisionForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
TrackDecision = Annotated[TrackDecisionForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
Bulk = Annotated[BulkForm, Body(media_type=RequestEncodingType.URL_ENCODED)]


@dataclass(frozen=True)
class ListQuery:
    """The list's filters and window as they appear in its URL."""

    status: str = ""
    track: str = ""
    region: str = ""
    sector: str = ""
    page: int = 1
    size: int = 50
    enrolled_from: str = ""
    enrolled_to: str = ""
    # Where the page starts (a next/previous link's); ``page`` only for links from before.
    cursor: str = ""

    @classmethod
    def of(
        cls,
        status: str,
        track: str,
        region: str,
        sector: str,
        page: int = 1,
        size: int = 50,
        *,
        enrolled_from: str = "",
        enrolled_to: str = "",
        cursor: str = "",
    ) -> ListQuery:
        """The query as typed into a URL or form, cut to size."""
        return cls(
            status[:20],
            track[:20],
            region[:30],
            sector[:30],
            max(1, min(page, 100_000)),
            size if size in PAGE_SIZES else 50,
            enrolled_from.strip()[:10],
            enrolled_to.strip()[:10],
            cursor[:200],
        )

    def filters(self, errors: FormErrors | None = None) -> MemberFilters:
        """The filters the list applies; a day that is not a date is left out and, given
        ``errors``, named beside its field."""

        def pick(kind: type, raw: str) -> object:
            try:
                return kind(raw) if raw else None
            except ValueError:
                return None

        def day(name: str, raw: str) -> date | None:
            try:
                return date.fromisoformat(raw) if raw else None
            except ValueError:
                if errors is not None:
                    errors.by_field[name] = translate(
                        errors.lang, "Enter the date as year-month-day, for example 2026-01-31."
                    )
                return None

        return MemberFilters(
            status=pick(MembershipStatus, self.status),  # type: ignore[arg-type]
            region=pick(Region, self.region),  # type: ignore[arg-type]
            track=pick(Track, self.track),  # type: ignore[arg-type]
            sector=pick(Sector, self.sector),  # type: ignore[arg-type]
            enrolled_from=day("enrolled_from", self.enrolled_from),
            enrolled_to=day("enrolled_to", self.enrolled_to),
        )

    def url(self, cursor: str = "") -> str:
        """This list (filters and page size) from its first page, or from ``cursor``."""
        values = {
            "status": self.status,
            "track": self.track,
            "region": self.region,
            "sector": self.sector,
            "enrolled_from": self.enrolled_from,
            "enrolled_to": self.enrolled_to,
            "size": self.size,
            "cursor": cursor,
        }
        query = urlencode({k: v for k, v in values.items() if v not in ("", None)})
        return f"/desk/ambassadors?{query}"

    def here(self) -> str:
        """The URL of the page shown, to come back to after a decision."""
        if self.cursor or self.page == 1:
            return self.url(self.cursor)
        return f"{self.url()}&p={self.page}"


def _version(raw: str) -> int | None:
    try:
        return int(raw)
    except ValueError:
        return None


def member_page(
    request: AnyRequest,
    membership_id: UUID,
    status_code: int = 200,
    *,
    errors: FormErrors | None = None,
    failed_action: str | None = None,
    conflict: bool = False,
    done: str | None = None,
) -> Template:
    """A member's page: who they are (ID masked), their standing, actions, history."""
    registry = registry_of(request)
    membership = registry.ambassadors.get(membership_id)
    personal = registry.ambassadors.personal_of(membership)
    today = registry.clock.now().date()
    status = membership.status_on(today)
    history = list(reversed(registry.ambassadors.history(membership_id)))
    return page(
        request,
        "desk/ambassadors/member.html",
        status_code,
        membership=membership,
        status=status,
        personal=personal,
        masked_id=mask_national_id(personal.national_id) if personal else None,
        actions=ACTIONS.get(status, []),
        action_labels=ACTION_LABELS,
        event_labels=EVENT_LABELS,
        history=history,
        actor_names=registry.users.usernames({entry.actor_id for entry in history}),
        errors=errors,
        failed_action=failed_action,
        conflict=conflict,
        done=done,
        can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
        verify_link=(
            certificate_check_base(request) + membership.verification_code
            if membership.verification_code
            else None
        ),
    )


class DeskAmbassadorPages(Controller):
    path = "/desk/ambassadors"
    include_in_schema = False

    @get("/", name="desk_ambassadors", **READ, sync_to_thread=True)
    def index(
        self,
        request: AnyRequest,
        status: FromQuery[str] = "",
        track: FromQuery[str] = "",
        region: FromQuery[str] = "",
        sector: FromQuery[str] = "",
        enrolled_from: FromQuery[str] = "",
        enrolled_to: FromQuery[str] = "",
        p: FromQuery[int] = 1,
        size: FromQuery[int] = 50,
        cursor: FromQuery[str] = "",
    ) -> Template:
        """Members by status, then oldest enrolment first, with filters and next/previous
        links (cursors: every page costs the same however deep; ``p`` still opens the pages
        of links made before)."""
        query = ListQuery.of(
            status,
            track,
            region,
            sector,
            p,
            size,
            enrolled_from=enrolled_from,
            enrolled_to=enrolled_to,
            cursor=cursor,
        )
        lang = language_of(request)
        errors = FormErrors(lang)
        filters = query.filters(errors)
        ambassadors = registry_of(request).ambassadors
        offset = 0 if query.cursor else (query.page - 1) * query.size
        try:
            found = ambassadors.list_members(filters, query.size, offset, query.cursor or None)
        except InvalidInput as error:
            # A damaged cursor, or a range ending before it starts: said on the page, above
            # the first page of what the rest of the filter matches.
            refused = FormErrors.of(error, lang, set(DATES))
            errors.by_field.update(refused.by_field)
            errors.general.extend(refused.general)
            if error.field in DATES:
                filters = replace(filters, enrolled_from=None, enrolled_to=None)
            query = replace(query, cursor="", page=1)
            found = ambassadors.list_members(filters, query.size)
        return page(
            request,
            "desk/ambassadors/index.html",
            HTTP_422_UNPROCESSABLE_ENTITY if errors else 200,
            members=found,
            query=query,
            errors=errors or None,
            statuses=options(STATUS_NAMES, lang),
            tracks=options(TRACK_NAMES, lang),
            regions=options(REGION_NAMES, lang),
            sectors=options(SECTOR_NAMES, lang),
            sizes=[(str(n), str(n)) for n in PAGE_SIZES],
            bulk_actions=[(a, translate(lang, ACTION_LABELS[a])) for a in BULK_ACTIONS],
            can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
            max_matching=MAX_MATCHING,
            all_matching=found.total_exact and 0 < found.total <= MAX_MATCHING,
        )

    @get("/matching-ids", name="desk_ambassadors_matching", **ACT, sync_to_thread=True)
    def matching_ids(self, request: AnyRequest) -> dict[str, list[str]]:
        """The ids the list's filters (the list's own query) match now, for site.js to
        decide on them in chunks."""
        asked = request.query_params
        status, track, region, sector, first, last = (
            str(asked.get(name) or "") for name in FILTERS
        )
        filters = ListQuery.of(
            status, track, region, sector, enrolled_from=first, enrolled_to=last
        ).filters()
        return {"ids": [str(i) for i in registry_of(request).ambassadors.matching_ids(filters)]}

    @get("/{membership_id:uuid}", name="desk_member", **READ, sync_to_thread=True)
    def member(
        self, request: AnyRequest, membership_id: FromPath[UUID], done: FromQuery[str] = ""
    ) -> Template:
        """One member: person (ID masked), standing, activities, history, and the actions."""
        return member_page(request, membership_id, done=done[:20] or None)

    @post("/{membership_id:uuid}/decide", name="desk_member_decide", **ACT, sync_to_thread=True)
    def decide(
        self, request: AnyRequest, membership_id: FromPath[UUID], data: Decision
    ) -> Template | Redirect:
        """One decision with its reason, against the version the page showed."""
        lang = language_of(request)
        if data.action not in DECISIONS and data.action != ERASE:
            errors = FormErrors(lang)
            errors.general.append(translate(lang, "Choose one of the actions on this page."))
            return member_page(request, membership_id, HTTP_422_UNPROCESSABLE_ENTITY, errors=errors)
        if data.action == ERASE and (
            unconfirmed := FormErrors.unconfirmed_erasure(lang, data.confirm)
        ):
            return member_page(
                request,
                membership_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=unconfirmed,
                failed_action=ERASE,
            )
        ambassadors, ctx = registry_of(request).ambassadors, context_of(request)
        version, reason = _version(data.version) or -1, data.reason[:2000]
        try:
            if data.action == ERASE:
                ambassadors.erase(ctx, membership_id, version, reason)
            else:
                ambassadors.decide(ctx, data.action, membership_id, version, reason)
        except VersionConflict:
            return member_page(request, membership_id, HTTP_409_CONFLICT, conflict=True)
        except InvalidInput as error:
            return member_page(
                request,
                membership_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors.of(error, lang, {"reason"}),
                failed_action=data.action,
            )
        except DomainError as error:
            errors = FormErrors(lang)
            errors.general.append(message_of(error, lang))
            return member_page(request, membership_id, HTTP_409_CONFLICT, errors=errors)
        return Redirect(
            f"/desk/ambassadors/{membership_id}?done={data.action}",
            status_code=HTTP_303_SEE_OTHER,
        )

    @post(
        "/{membership_id:uuid}/track-change",
        name="desk_member_track_change",
        **ACT,
        sync_to_thread=True,
    )
    def track_change(
        self, request: AnyRequest, membership_id: FromPath[UUID], data: TrackDecision
    ) -> Template | Redirect:
        """Approves or rejects a requested track change, with its reason."""
        lang = language_of(request)
        try:
            registry_of(request).ambassadors.decide_track_change(
                context_of(request),
                membership_id,
                _version(data.version) or -1,
                data.decision == "approve",
                data.reason[:2000],
            )
        except VersionConflict:
            return member_page(request, membership_id, HTTP_409_CONFLICT, conflict=True)
        except InvalidInput as error:
            return member_page(
                request,
                membership_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors.of(error, lang, {"reason"}),
                failed_action="track",
            )
        except DomainError as error:
            errors = FormErrors(lang)
            errors.general.append(message_of(error, lang))
            return member_page(request, membership_id, HTTP_409_CONFLICT, errors=errors)
        return Redirect(
            f"/desk/ambassadors/{membership_id}?done=track", status_code=HTTP_303_SEE_OTHER
        )

    @get(
        "/{membership_id:uuid}/certificate.pdf",
        name="desk_member_certificate",
        **READ,
        sync_to_thread=True,
    )
    def certificate(self, request: AnyRequest, membership_id: FromPath[UUID]) -> Response[bytes]:
        """The membership certificate (PDF) whose QR code opens the public verification page."""
        from registry.certificates import membership_certificate

        registry = registry_of(request)
        membership = registry.ambassadors.get(membership_id)
        pdf = membership_certificate(
            membership,
            registry.ambassadors.personal_of(membership),
            registry.clock.now().date(),
            verify_base=certificate_check_base(request),
        )
        return Response(
            pdf,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="certificate-{membership.id}.pdf"'
            },
        )

    @post("/bulk", name="desk_ambassadors_bulk", **ACT, sync_to_thread=True)
    def bulk(self, request: AnyRequest, data: Bulk) -> Template:
        """One decision and one reason for every ticked member; a result for each."""
        lang = language_of(request)
        errors = FormErrors(lang)
        ids: list[UUID] = []
        for raw in data.ids[:MAX_BULK]:
            try:
                ids.append(UUID(raw))
            except ValueError:
                continue
        if data.action not in BULK_ACTIONS:
            errors.by_field["action"] = translate(lang, "Choose what to do with the members.")
        matching = data.scope == "matching"
        if not ids and not matching:
            errors.general.append(translate(lang, "Tick at least one member."))
        outcomes = []
        if not errors:
            ambassadors = registry_of(request).ambassadors
            try:
                if matching:
                    filters = ListQuery.of(
                        data.status,
                        data.track,
                        data.region,
                        data.sector,
                        enrolled_from=data.enrolled_from,
                        enrolled_to=data.enrolled_to,
                    ).filters()
                    outcomes = ambassadors.bulk_matching(
                        context_of(request), data.action, filters, data.reason[:2000]
                    )
                else:
                    outcomes = ambassadors.bulk(
                        context_of(request), data.action, ids, data.reason[:2000]
                    )
            except InvalidInput as error:
                errors = FormErrors.of(error, lang, {"reason"})
        back = data.back if data.back.startswith("/desk/ambassadors") else "/desk/ambassadors"
        # site.js sends the ticked members in chunks and wants only the rows of each result.
        partial = bool(request.headers.get("hx-request")) and not errors
        return page(
            request,
            "desk/ambassadors/_bulk_rows.html" if partial else "desk/ambassadors/bulk_result.html",
            HTTP_422_UNPROCESSABLE_ENTITY if errors else 200,
            outcomes=outcomes,
            succeeded=sum(1 for o in outcomes if o.ok),
            action=data.action,
            action_label=ACTION_LABELS.get(data.action, ""),
            errors=errors or None,
            back=back,
            lang_messages={
                o.id: message_of(o.error, lang) for o in outcomes if o.error is not None
            },
        )
