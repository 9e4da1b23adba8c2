"""The golden cases of ``tests/cases/``: each an input article and the facts expected of it.

Each case folder holds ``article.jsonl`` (one article, read by kg's own reader) and
``expected.ttl``. The article goes through the real pipeline into a fresh on-disk store; the
store's contents are then compared with the expected graph on the facts it names:

- every (subject, predicate) pair of ``expected.ttl`` has exactly the expected objects in the
  output (blank nodes of ``expected.ttl`` stand for whichever output node makes this hold);
- ``X golden:absent P`` says that X has no P in the output;
- ``golden:case golden:every C`` says that the output holds no instance of C beyond those named.

``tests/cases/README.md`` says in one line what each case checks.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph, Namespace
from rdflib.term import Node

from kg.pipeline import ingest
from kg.publish.dump import write_dump
from kg.store import open_store

GOLDEN = Namespace("https://w3id.org/newskg/test/golden#")
CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())
Triple = tuple[Node, Node, Node]


def output_graph(case: Path, folder: Path) -> Graph:
    """The store's contents after ingesting the case's article into a fresh store."""
    with open_store(folder / "store") as store:
        report = ingest([case / "article.jsonl"], store)
        assert (report.articles, report.bad, report.failed) == (1, [], []), report.summary()
        buffer = io.BytesIO()
        write_dump(store, buffer, format="nt")
    return Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")


def problems(expected: Graph, output: Graph) -> list[str]:
    """What keeps the output from holding the expected facts ([] when it holds them)."""
    facts = [t for t in expected if t[1] not in (GOLDEN.absent, GOLDEN.every)]
    found: list[str] | None = None
    for mapping in _mappings(facts, output):
        bound = [tuple(mapping.get(n, n) for n in t) for t in facts]
        trouble = _differences(bound, output) + _extras(expected, mapping, bound, output)
        if not trouble:
            return []
        found = found if found is not None and len(found) <= len(trouble) else trouble
    if found is None:
        missing = [t for t in facts if not any(isinstance(n, BNode) for n in t) and t not in output]
        return [f"no output node fits the blank nodes; missing: {_show(missing)}"]
    return found


def _differences(bound: list[Triple], output: Graph) -> list[str]:
    expected: dict[tuple[Node, Node], set[Node]] = defaultdict(set)
    for s, p, o in bound:
        expected[(s, p)].add(o)
    out = []
    for (s, p), objects in expected.items():
        got = set(output.objects(s, p))
        if got != objects:
            out.append(f"{s.n3()} {p.n3()}: expected {_show(objects)}, got {_show(got)}")
    return out


def _extras(expected: Graph, mapping: dict[Node, Node], bound: list[Triple], output: Graph) -> list[str]:
    out = []
    for node, predicate in expected.subject_objects(GOLDEN.absent):
        if (got := set(output.objects(mapping.get(node, node), predicate))):
            out.append(f"{mapping.get(node, node).n3()} should have no {predicate.n3()}, has {_show(got)}")
    named = {s for s, _, _ in bound}
    for cls in expected.objects(GOLDEN.case, GOLDEN.every):
        if (unnamed := set(output.subjects(RDF.type, cls)) - named):
            out.append(f"instances of {cls.n3()} not in expected.ttl: {_show(unnamed)}")
    return out


def _mappings(facts: list[Triple], output: Graph) -> Iterator[dict[Node, Node]]:
    """Every assignment of output nodes to the expected blank nodes under which all facts hold."""
    blanks = {n for t in facts for n in (t[0], t[2]) if isinstance(n, BNode)}

    def extend(mapping: dict[Node, Node]) -> Iterator[dict[Node, Node]]:
        if len(mapping) == len(blanks):
            yield dict(mapping)
            return
        best: tuple[BNode, set[Node]] | None = None
        for blank in blanks - mapping.keys():
            options = _options(blank, facts, mapping, output)
            if options is not None and (best is None or len(options) < len(best[1])):
                best = (blank, options)
        if best is None:
            return
        for node in sorted(best[1]):
            mapping[best[0]] = node
            yield from extend(mapping)
            del mapping[best[0]]

    yield from extend({})


def _options(blank: BNode, facts: list[Triple], mapping: dict[Node, Node], output: Graph) -> set[Node] | None:
    """Output nodes the blank node can stand for, given the facts tying it to known nodes (None: no such fact)."""
    def known(n: Node) -> Node | None:
        return mapping.get(n) if isinstance(n, BNode) else n

    options: set[Node] | None = None
    for s, p, o in facts:
        if s == blank and o != blank and known(o) is not None:
            found = set(output.subjects(p, known(o)))
        elif o == blank and s != blank and known(s) is not None:
            found = set(output.objects(known(s), p))
        else:
            continue
        options = found if options is None else options & found
    return options


def _show(nodes: object) -> str:
    return "{" + ", ".join(sorted(n.n3() if hasattr(n, "n3") else str(n) for n in nodes)) + "}"  # type: ignore[attr-defined]


def test_every_case_is_described_in_the_readme() -> None:
    readme = (Path(__file__).parent / "cases" / "README.md").read_text(encoding="utf-8")
    assert CASES and all(f"`{case.name}`" in readme for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, tmp_path: Path) -> None:
    expected = Graph().parse(case / "expected.ttl", format="turtle")
    trouble = problems(expected, output_graph(case, tmp_path))
    assert not trouble, f"{case.name}:\n" + "\n".join(trouble[:12])


def test_the_comparison_can_fail() -> None:
    """A wrong object, a missing fact, a forbidden predicate and an unnamed instance are all caught."""
    output = Graph().parse(format="turtle", data="""
        @prefix ex: <http://example.org/> .
        ex:e1 a ex:Event ; ex:agent ex:a ; ex:label "x" .  ex:e2 a ex:Event .""")
    expected = """@prefix ex: <http://example.org/> . @prefix golden: <https://w3id.org/newskg/test/golden#> .
                  """
    assert problems(Graph().parse(format="turtle", data=expected + "[] ex:agent ex:a ; ex:label 'x' ."), output) == []
    assert problems(Graph().parse(format="turtle", data=expected + "[] ex:agent ex:b ."), output)
    assert problems(Graph().parse(format="turtle", data=expected + "[] ex:agent ex:a ; ex:label 'y' ."), output)
    assert problems(Graph().parse(format="turtle", data=expected + "[] ex:label 'x' ; golden:absent ex:agent ."),
                    output)
    assert problems(Graph().parse(format="turtle", data=expected + "golden:case golden:every ex:Event ."
                                  " ex:e1 a ex:Event ."), output)
