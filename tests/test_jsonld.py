"""The JSON-LD export, read by rdflib: it loads, round-trips, and answers SPARQL as the API does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.compare import isomorphic

import belatam
from belatam.exports import export
from belatam.exports.jsonld import PREFIXES, context, document, node
from belatam.model import KINDS

BT = rdflib.Namespace(PREFIXES["bt"])
REC = rdflib.Namespace(PREFIXES["rec"])
SCHEMA = rdflib.Namespace(PREFIXES["schema"])
DCT = rdflib.Namespace(PREFIXES["dct"])
WD = rdflib.Namespace(PREFIXES["wd"])
SPARQL_PREFIXES = "\n".join(f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items())


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jsonld")
    paths = export(folder, "jsonld")
    assert [p.name for p in paths] == ["belatam.jsonld", "context.jsonld"] + [f"{k}.schema.json" for k in KINDS]
    return folder


@pytest.fixture(scope="module")
def graph(written: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(written / "belatam.jsonld", format="json-ld")


def ask(graph: rdflib.Graph, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in graph.query(SPARQL_PREFIXES + "\n" + query)]  # type: ignore[arg-type]


def test_the_contract_query_answers_as_the_api_does(graph: rdflib.Graph) -> None:
    """The strategic partners, by SPARQL over the export and by `partners(strategic=True)`."""
    rows = ask(
        graph,
        """
        SELECT ?name WHERE {
          ?partnership a bt:Partnership ; bt:strategic true ; bt:country ?country .
          ?country schema:name ?name .
        } ORDER BY ?name
        """,
    )
    assert (
        [str(name) for (name,) in rows] == [c.name for c in belatam.partners(strategic=True)] == ["Cuba", "Venezuela"]
    )


def test_embassies_of_belarus_by_sparql(graph: rdflib.Graph) -> None:
    rows = ask(
        graph,
        """
        SELECT ?code WHERE {
          ?mission a bt:Mission ; bt:kind "embassy" ; bt:sending rec:BY ; bt:receiving ?country .
          ?country bt:code ?code .
        } ORDER BY ?code
        """,
    )
    every = [m for m in belatam.dataset().records()["missions"] if m.sending == "BY" and m.kind.value == "embassy"]
    assert [str(code) for (code,) in rows] == sorted(m.receiving for m in every)  # the export holds every mission


def test_every_record_is_a_node(graph: rdflib.Graph) -> None:
    data = belatam.dataset()
    for kind in KINDS:
        for record in data.records()[kind]:
            subject = URIRef(PREFIXES["rec"] + node(record)["@id"].removeprefix("rec:"))
            assert (subject, RDF.type, BT[type(record).__name__]) in graph, subject
    assert (REC.BR, RDF.type, SCHEMA.Country) in graph
    assert (REC["per-makei"], RDF.type, SCHEMA.Person) in graph
    assert (REC["trd-2018"], BT.exports, Literal("853800000", datatype=rdflib.XSD.decimal)) in graph


def test_names_carry_their_language(graph: rdflib.Graph) -> None:
    rows = ask(
        graph,
        """
        SELECT ?label WHERE { rec:BR bt:names ?name . ?name rdfs:label ?label ; bt:official false .
                              FILTER(lang(?label) = "be") }
        """,
    )
    assert rows == [(Literal("Бразілія", lang="be"),)]
    assert (None, RDFS.label, Literal("Мікалай Аўсянка", lang="be")) in graph


def test_wikidata_ids_are_wikidata_items(graph: rdflib.Graph) -> None:
    same = {(s, o) for s, o in graph.subject_objects(SCHEMA.sameAs)}
    assert (REC.BR, WD.Q155) in same and (REC["per-lukashenko"], WD.Q2866) in same
    expected = sum(
        1 for kind in ("countries", "people", "organizations") for r in belatam.dataset().records()[kind] if r.wikidata
    )  # type: ignore[attr-defined]
    assert len(same) == expected == 34 + 8 + 6


def test_provenance_names_the_source_and_paragraph(graph: rdflib.Graph) -> None:
    rows = ask(
        graph,
        """
        SELECT ?paragraph ?title WHERE {
          rec:trd-2018 bt:sources ?citation . ?citation dct:source ?source ; bt:paragraph ?paragraph .
          ?source dct:title ?title .
        }
        """,
    )
    [ref] = belatam.trade(2018).sources
    assert rows == [(Literal(ref.paragraph), Literal(belatam.source(ref.source).title))]
    resting = ask(graph, "SELECT DISTINCT ?record WHERE { ?record bt:sources/dct:source rec:src-cldr-49 }")
    assert len(resting) == 34  # every state's names


def named(graph: rdflib.Graph) -> set[tuple[Any, Any, Any]]:
    """The triples without a blank node (comparing those with one is a graph isomorphism: slow here)."""
    return {t for t in graph if not any(isinstance(term, rdflib.BNode) for term in t)}


def test_the_graph_round_trips(graph: rdflib.Graph) -> None:
    for form in ("json-ld", "nt"):
        again = rdflib.Graph().parse(data=graph.serialize(format=form), format=form)
        assert len(again) == len(graph) and named(again) == named(graph)
    small = rdflib.Graph().parse(
        data=json.dumps(document(belatam.Dataset(sources=belatam.sources()))), format="json-ld"
    )
    assert isomorphic(small, rdflib.Graph().parse(data=small.serialize(format="json-ld"), format="json-ld"))


def test_the_document_is_json_with_the_context_embedded(written: Path) -> None:
    doc = json.loads((written / "belatam.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == context()["@context"] == json.loads((written / "context.jsonld").read_text())["@context"]
    assert len(doc["@graph"]) == 1 + sum(belatam.dataset().counts().values())  # the export's node, then the records
    assert document(belatam.dataset()) == doc


def test_a_dataset_of_ones_own(tmp_path: Path) -> None:
    cuba, belarus = belatam.country("CU"), belatam.country("BY")
    data = belatam.Dataset(sources=belatam.sources(), countries=[cuba, belarus])
    export(tmp_path, "jsonld", data)
    graph = rdflib.Graph().parse(tmp_path / "belatam.jsonld", format="json-ld")
    names = {str(o) for o in graph.objects(None, SCHEMA.name)}
    assert names == {"Cuba", "Belarus"}


def test_the_export_command_writes_jsonld(tmp_path: Path) -> None:
    import io

    from belatam.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["export", "--format", "jsonld", str(tmp_path)], out=out, err=err) == 0
    assert out.getvalue().split()[:2] == [str(tmp_path / "belatam.jsonld"), str(tmp_path / "context.jsonld")]
    assert len(rdflib.Graph().parse(tmp_path / "belatam.jsonld", format="json-ld")) > 1000
