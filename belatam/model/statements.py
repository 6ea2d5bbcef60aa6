"""The source's policy aims and assessments, paraphrased in the project's own words."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import PartialDate
from belatam.model.countries import HOME
from belatam.model.record import (
    Record,
    SourceRef,
    Vocabulary,
    citations,
    id_info,
    identifier,
    nonempty,
    sources_info,
    without,
)
from belatam.model.schema import info, strings

__all__ = ["RECORD", "Statement", "Topic"]


class Topic(Vocabulary):
    """What a statement of the source is about."""

    POLICY = "policy"
    RELATIONS = "relations"
    DIPLOMACY = "diplomacy"
    TRADE = "trade"
    COOPERATION = "cooperation"
    INTEGRATION = "integration"
    LEGAL_FRAMEWORK = "legal_framework"
    FURTHER_READING = "further_reading"


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Statement(Record):
    """A policy aim or assessment of the source, paraphrased in our words."""

    ORDER: ClassVar[tuple[str, ...]] = ("sources", "id")
    """In the order of their first citation: the source (in the sources' order), then the paragraph."""

    id: str = attrs.field(validator=identifier("stm"), metadata=id_info("the statement"))
    topic: Topic = attrs.field(metadata=info("What the aim or assessment is about.", filter="topic", table=True))
    text: str = attrs.field(
        validator=nonempty,
        metadata=info("The statement, paraphrased in the project's own words.", table=True, long=True),
    )
    countries: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        validator=without(HOME, "it lists the region's states a statement concerns, and Belarus is not one"),
        metadata=info(
            "Alpha-2 codes of the region's states concerned (Belarus not listed).",
            refers="countries",
            filter="country",
            table=True,
        ),
    )
    until: PartialDate | None = attrs.field(
        default=None,
        metadata=info(
            "The day from which it no longer holds, where a later source shows that; None: not known to have changed."
        ),
    )
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())


RECORD = Statement
