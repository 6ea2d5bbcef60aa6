"""Belarus's trade with the region, by year, with the precision the source gives each amount."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import attrs

from belatam.dates import PartialDate, Period
from belatam.errors import InvalidValueError, quote
from belatam.model.record import (
    Record,
    SourceRef,
    Vocabulary,
    citations,
    id_info,
    identifier,
    matches,
    nonempty,
    note_info,
    sources_info,
)
from belatam.model.schema import checking, derived, info, strings

__all__ = ["RECORD", "TradeFigures", "TradeKind"]


class TradeKind(Vocabulary):
    """What a trade figure counts, where the source says: goods, services, or both."""

    GOODS = "goods"
    SERVICES = "services"
    GOODS_AND_SERVICES = "goods_and_services"


@checking(minimum=1, maximum=9999)
def _year(instance: object, attribute: object, value: Any) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise InvalidValueError(f"year must be a year from 1 to 9999, got {quote(value)}", field="year")


def _unit(instance: object, attribute: attrs.Attribute[Decimal | None], value: Any) -> None:
    amount_name = attribute.name.removesuffix("_precision")
    amount = getattr(instance, amount_name, None)
    if value is None:
        if amount is not None:
            raise InvalidValueError(
                f"{attribute.name} is missing: {amount_name} {amount} needs the unit it is stated to",
                field=attribute.name,
            )
        return
    if not isinstance(value, Decimal) or value <= 0 or value.normalize().as_tuple().digits != (1,):
        raise InvalidValueError(
            f"{attribute.name} must be a power of ten (1, 10, 100 ...: the unit the amount is exact to), "
            f"got {quote(value)}",
            field=attribute.name,
        )
    if amount is None:
        raise InvalidValueError(f"{attribute.name} is given, but {amount_name} is not", field=attribute.name)
    if isinstance(amount, Decimal) and amount.is_finite() and amount % value:
        raise InvalidValueError(
            f"{amount_name} {amount} is not a whole number of its precision "
            f"{value}: an amount stated to the {value} ends in as many zeros",
            field=attribute.name,
        )


def canonical(value: Any) -> Any:
    """A whole amount in its one written form: no exponent, no decimal zeros, no negative zero.

    ``Decimal("1E+2")``, ``Decimal("100.0")`` and ``Decimal("100")`` are one amount, written ``100``;
    anything else is left for the checks to refuse.
    """
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return Decimal(int(value))
    return value


def _amount(instance: object, attribute: attrs.Attribute[Decimal | None], value: Any) -> None:
    if value is None:
        return
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


def _within_the_year(instance: TradeFigures, attribute: object, value: PartialDate | Period | None) -> None:
    if value is None:
        return
    first, last = value.bounds()
    if not ((instance.year, 1, 1) <= first and last <= (instance.year, 12, 31)):
        raise InvalidValueError(f"period {value} lies outside the year {instance.year}", field="period")


def _some_amount(instance: TradeFigures, attribute: object, value: Decimal | None) -> None:
    _amount(instance, attribute, value)  # type: ignore[arg-type]
    if value is None and instance.exports is None and instance.imports is None:
        raise InvalidValueError("figures need at least one amount: turnover, exports or imports", field="turnover")


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class TradeFigures(Record):
    """Belarus's trade with the region (or one state) in a year, in whole units of a currency, as one source states it.

    The amounts are as the source states them, and no more exact: each has a
    ``*_precision``, the unit it is exact to ("$853.8 million" is exact to the
    tenth of a million, 100,000). So stated amounts may not add up to the
    last unit: turnover ($1.358 billion, to the million) and exports plus
    imports ($1,358.4 million) agree within those precisions. An amount the
    source does not give is None. ``balance`` and its precision are derived.
    ``kind`` is None where the source does not say whether the figures count
    goods, services or both; ``partner`` None means the region as a whole;
    ``period`` gives the months, where the figures cover part of the year
    (January to October). Where two sources give different figures for the
    same year, each is a record of its own, never an average.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("year", "id")
    UNIQUE: ClassVar[tuple[tuple[str, ...], ...]] = (("year", "partner", "kind", "period", "stated_by"),)
    """One record of figures for a year (or part of one), a partner (or the region) and a kind from each
    source (checked by ``belatam.read.timeline``)."""

    id: str = attrs.field(validator=identifier("trd"), metadata=id_info("the figures"))
    year: int = attrs.field(validator=_year, metadata=info("Calendar year of the figures.", filter="year", table=True))
    kind: TradeKind | None = attrs.field(
        default=None,
        metadata=info(
            "Goods, services or both, where the source says; None where it does not.", filter="kind", table=True
        ),
    )
    partner: str | None = attrs.field(
        default=None,
        metadata=info(
            "Alpha-2 code of the partner state; None for the region as a whole.",
            refers="countries",
            filter="partner",
            table=True,
        ),
    )
    period: PartialDate | Period | None = attrs.field(
        default=None,
        validator=_within_the_year,
        metadata=info("The months the figures cover, where not the whole year ('2018-01/2018-10').", table=True),
    )
    currency: str = attrs.field(
        validator=matches("[A-Z]{3}", "an ISO 4217 currency code such as 'USD'"),
        metadata=info("ISO 4217 currency code of the amounts.", table=True),
    )
    turnover: Decimal | None = attrs.field(
        default=None,
        converter=canonical,
        validator=_some_amount,
        metadata=info("Exports plus imports, as stated by the source; None where it gives none.", table=True),
    )
    turnover_precision: Decimal | None = attrs.field(
        default=None,
        converter=canonical,
        validator=_unit,
        metadata=info("The unit the stated turnover is exact to (1000000: to the million)."),
    )
    exports: Decimal | None = attrs.field(
        default=None,
        converter=canonical,
        validator=_amount,
        metadata=info("Belarusian exports to the partner.", table=True),
    )
    exports_precision: Decimal | None = attrs.field(
        default=None, converter=canonical, validator=_unit, metadata=info("The unit the stated exports are exact to.")
    )
    imports: Decimal | None = attrs.field(
        default=None,
        converter=canonical,
        validator=_amount,
        metadata=info("Belarusian imports from the partner.", table=True),
    )
    imports_precision: Decimal | None = attrs.field(
        default=None, converter=canonical, validator=_unit, metadata=info("The unit the stated imports are exact to.")
    )
    main_exports: tuple[str, ...] = attrs.field(
        default=(), converter=strings, metadata=info("The main export goods named.")
    )
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())

    @property
    @derived("Exports less imports, where both are given.", table=True)
    def balance(self) -> Decimal | None:
        """Exports less imports (None where the source gives only one of them)."""
        if self.exports is None or self.imports is None:
            return None
        return self.exports - self.imports

    @property
    @derived("The unit the balance is exact to: the coarser of the exports' and imports' precisions.")
    def balance_precision(self) -> Decimal | None:
        """The coarser of the exports' and the imports' precisions."""
        if self.exports_precision is None or self.imports_precision is None:
            return None
        return max(self.exports_precision, self.imports_precision)

    @property
    def stated_by(self) -> str | None:
        """The id of the source that states the figures: the first the record cites."""
        return self.sources[0].source if self.sources else None

    def agrees(self) -> bool | None:
        """Whether exports plus imports equal the turnover within the precisions stated (None: not all given).

        >>> import belatam
        >>> belatam.trade(2018).agrees()
        True
        """
        if None in (self.turnover, self.exports, self.imports):
            return None
        assert self.turnover is not None and self.exports is not None and self.imports is not None
        assert self.turnover_precision and self.exports_precision and self.imports_precision
        slack = (self.turnover_precision + self.exports_precision + self.imports_precision) / 2
        return abs(self.exports + self.imports - self.turnover) <= slack


RECORD = TradeFigures
