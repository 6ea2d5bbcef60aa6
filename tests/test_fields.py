"""What the schema's field metadata (`Info`) and the shared field helpers of `belatam.model.record` give."""

from __future__ import annotations

import attrs
import pytest

from belatam.model.schema import Info, derived, describe, info


def test_info_is_a_frozen_value_with_doc_by_position_and_the_rest_by_keyword() -> None:
    meta = Info("A country.", refers="countries", table=True)
    assert meta == Info("A country.", refers=("countries",), table=True)
    assert hash(meta) == hash(Info("A country.", refers=("countries",), table=True))
    assert meta.refers == ("countries",) and meta.table and not meta.identity and meta.filter is None
    assert Info(doc="Two.", refers=("countries", "organizations")).refers == ("countries", "organizations")
    assert Info("").refers == () and Info("").choices == ()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        meta.doc = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Info("A country.", "countries")  # type: ignore[call-arg]


def test_info_and_derived_put_an_info_where_the_schema_reads_it() -> None:
    @attrs.frozen
    class Thing:
        code: str = attrs.field(metadata=info("Its code.", identity=True, refers="countries"))

        @property
        @derived("Its code, twice.", refers="countries")
        def twice(self) -> str:
            return self.code * 2

    schema = describe(Thing)
    assert schema.identity is not None and schema.identity.refers == ("countries",)
    assert attrs.fields(Thing).code.metadata["belatam"] == Info("Its code.", identity=True, refers="countries")
    assert schema.field("twice").derived and schema.field("twice").refers == ("countries",)
    assert schema.field("twice").doc == "Its code, twice."
