"""Belarus's trade with the region, by year."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from belatam.errors import InvalidValueError, quote
from belatam.model.record import Record, SourceRef, citations, matches
from belatam.model.schema import derived, info, strings

__all__ = ["RECORD", "TradeFigures"]


def _year(instance: object, attribute: object, value: Any) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise InvalidValueError(f"year must be a year from 1 to 9999, got {quote(value)}", field="year")


def _amount(instance: object, attribute: attrs.Attribute[Decimal], value: Any) -> None:
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or value < 0
        or value != value.to_integral_value()
        or len(str(value.to_integral_value())) > 20  # what every export holds exactly
    ):
        raise InvalidValueError(
            f"{attribute.name} must be a whole, non-negative amount of at most 20 digits, got {quote(value)}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class TradeFigures(Record):
    """Belarus's trade with the region in one year, in whole units.

    The amounts are exactly as the source states them (so they may not add up
    to the last unit); ``balance`` is derived.
    """

    year: int = attrs.field(validator=_year, metadata=info("Calendar year of the figures.", identity=True))
    currency: str = attrs.field(
        validator=matches("[A-Z]{3}", "an ISO 4217 currency code such as 'USD'"),
        metadata=info("ISO 4217 currency code of the amounts.", table=True),
    )
    turnover: Decimal = attrs.field(
        validator=_amount, metadata=info("Exports plus imports, as stated by the source.", table=True)
    )
    exports: Decimal = attrs.field(validator=_amount, metadata=info("Belarusian exports to the region.", table=True))
    imports: Decimal = attrs.field(validator=_amount, metadata=info("Belarusian imports from the region.", table=True))
    main_exports: tuple[str, ...] = attrs.field(
        default=(), converter=strings, metadata=info("The main export goods named.")
    )
    sources: tuple[SourceRef, ...] = attrs.field(
        default=(), converter=citations, repr=False, metadata=info("Where the record is stated.", long=True)
    )

    @property
    @derived("Exports less imports.", table=True)
    def balance(self) -> Decimal:
        """Exports less imports."""
        return self.exports - self.imports


RECORD = TradeFigures
