"""What the public pages tell about the programme: the strategy's nine initiatives in brief.

Read from the reference catalogue transcribed from seed 000 (the same texts ``nqs catalogue
load`` records), so the home page needs no database round trip to say what the NQS is.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.text import Text
from registry.catalogue.initiatives import INITIATIVES


@dataclass(frozen=True)
class InitiativeBrief:
    code: str
    title: Text
    aim: Text


def initiatives_in_brief() -> list[InitiativeBrief]:
    """The nine initiatives in the strategy's own order."""
    return [InitiativeBrief(seed.code, seed.title, seed.aim) for seed in INITIATIVES]
