"""Targets per region for "a quality ambassador in every home", set by an officer."""

from __future__ import annotations

from uuid import NAMESPACE_URL, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from domain.errors import InvalidInput
from domain.messages import N_
from domain.regions import Region

TARGETS_ID = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/ambassadors/targets")
# Saudi households in the 2022 census (GASTAT): about 4.2 million, "one per household".
NATIONAL_HOUSEHOLDS_2022 = 4_200_000


class MembershipTargets(RegistryAggregate):
    """The one set of regional targets (ambassadors wanted per region)."""

    @classmethod
    def start(cls, envelope: Envelope) -> MembershipTargets:
        targets: MembershipTargets = cls._create(
            cls.Started,  # type: ignore[attr-defined]  # made by @event
            id=TARGETS_ID,
            envelope=envelope,
        )
        return targets

    @event("Started")
    def __init__(self, envelope: Envelope) -> None:
        self.targets: dict[Region, int] = {}

    def set_target(self, envelope: Envelope, region: Region, target: int) -> None:
        envelope.require_reason()
        if target < 0 or target > 50_000_000:
            raise InvalidInput(
                N_("A target is between 0 and 50,000,000."),
                field="target",
            )
        if self.targets.get(Region(region)) == target:
            return
        self._target_set(envelope=envelope, region=Region(region), target=target)

    @event("TargetSet")
    def _target_set(self, envelope: Envelope, region: Region, target: int) -> None:
        self.targets[Region(region)] = target
