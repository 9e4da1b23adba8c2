"""Gold corpora: read the three gold shapes into one form, per task, and detect the shape.

Shapes (see ``shared/corpora/README.md``):

- ``conll``: ``{id, text, entities: [{start, end, type}]}``; types PER/PERSON, ORG, GPE/LOC;
- ``ecbplus``: ECB+ records with ``mentions`` and ``chains``; scored in ``annotated_sentences``;
- ``polnear``: PolNeAR records with ``attributions`` of source / cue / content spans.

>>> rec = {"id": "d1", "text": "Pompeo called Bajwa.", "entities": [{"start": 0, "end": 6, "type": "PERSON"}]}
>>> detect_format(rec)
'conll'
>>> doc = gold_doc(rec, task="actors", fmt="conll")
>>> [(m.begin, m.end, m.label) for m in doc.mentions]
[(0, 6, 'PER')]
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import EvaluationError

#: The tasks ``kg eval`` scores.
TASKS = ("actors", "events", "statements")
#: The gold shapes it reads.
FORMATS = ("conll", "ecbplus", "polnear")

#: ECB+ mention types scored as actors, by label. HUMAN_PART_MET is metonymy (a newspaper or
#: a board that speaks: "CNN", "The Washington Post"), so ORG. LOC_GEO (places named as
#: locations: "Perth", "in New Zealand") is LOC, because newskg types such names
#: nkg:GeopoliticalEntity or nkg:Place whichever role they play.
ECB_ACTOR_TYPES = {
    "HUMAN_PART_PER": "PER",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_MET": "ORG",
    "HUMAN_PART_GPE": "LOC",
    "LOC_GEO": "LOC",
}
#: ECB+ mention types that are neither scored nor held against a prediction: generic people
#: ("victims", "someone else"), vehicles and facilities as participants, and facility / other
#: locations. A prediction on one of them is ignored, not a false positive.
ECB_ACTOR_IGNORED = frozenset({"HUMAN_PART_GENERIC", "HUMAN_PART_VEH", "HUMAN_PART_FAC",
                               "LOC_FAC", "LOC_OTHER"})
#: CoNLL-style entity types, by label; others (DATE, MISC, ...) are not scored.
CONLL_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANIZATION": "ORG",
               "GPE": "LOC", "LOC": "LOC", "LOCATION": "LOC"}
#: PolNeAR attribution parts, by label.
POLNEAR_PARTS = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}


@dataclass(frozen=True, order=True)
class Mention:
    """One span of one document with a label (gold or predicted).

    ``raw`` is the gold corpus's own type (e.g. ``ACTION_REPORTING``); ``cluster`` is the gold
    coreference chain or the predicted actor / event / statement IRI.
    """

    doc: str
    begin: int
    end: int
    label: str
    raw: str = ""
    cluster: str | None = None


@dataclass
class GoldDoc:
    """One gold document: its text, the scored regions and the gold mentions in them."""

    id: str
    text: str
    date: dt.date | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    scored: list[tuple[int, int]] | None = None  # None = the whole text
    mentions: list[Mention] = field(default_factory=list)
    ignored: list[Mention] = field(default_factory=list)

    def in_scope(self, begin: int, end: int) -> bool:
        """Whether a span overlaps a scored region of the document.

        >>> GoldDoc("d", "ab cd", scored=[(3, 5)]).in_scope(0, 2)
        False
        """
        if self.scored is None:
            return True
        return any(begin < e and b < end for b, e in self.scored)


@dataclass
class GoldSet:
    """The documents of one gold file, read for one task."""

    path: str
    format: str
    task: str
    docs: list[GoldDoc]

    @property
    def mentions(self) -> list[Mention]:
        """Every scored gold mention, document by document."""
        return [m for d in self.docs for m in d.mentions]


def detect_format(record: dict[str, Any]) -> str:
    """The gold shape of one record: ``conll``, ``ecbplus`` or ``polnear``.

    :raises EvaluationError: the record has none of the three shapes.

    >>> detect_format({"id": "x", "text": "", "attributions": []})
    'polnear'
    """
    if "mentions" in record and "annotated_sentences" in record:
        return "ecbplus"
    if "attributions" in record:
        return "polnear"
    if "entities" in record:
        return "conll"
    raise EvaluationError(
        f"unknown gold shape (keys: {', '.join(sorted(record)[:8])}); expected 'entities' (CoNLL-style), "
        "'mentions' + 'annotated_sentences' (ECB+) or 'attributions' (PolNeAR)")


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _check(doc_id: str, text: str, begin: int, end: int) -> None:
    if not (0 <= begin < end <= len(text)):
        raise EvaluationError(f"{doc_id}: span {begin},{end} lies outside the text ({len(text)} chars)")


def _dated_doc(rec: dict[str, Any]) -> GoldDoc:
    """A gold document of a record with ``id``, ``text`` and an optional ``date``."""
    return GoldDoc(str(rec["id"]), rec["text"], date=_date(rec.get("date")))


def _add(doc: GoldDoc, target: list[Mention], span: dict[str, Any], label: str, raw: str, *,
         cluster: str | None = None) -> None:
    """Check a gold span ``{start, end}`` against the text, then append it to ``target``."""
    _check(doc.id, doc.text, span["start"], span["end"])
    target.append(Mention(doc.id, span["start"], span["end"], label, raw, cluster))


def _ecbplus(rec: dict[str, Any], task: str) -> GoldDoc:
    doc_id, text = str(rec["id"]), rec["text"]
    sentences = {s["id"]: (s["start"], s["end"]) for s in rec.get("sentences", [])}
    annotated = set(rec.get("annotated_sentences", []))
    doc = GoldDoc(doc_id, text, sentences=sorted(sentences.values()),
                  scored=[sentences[i] for i in sorted(annotated) if i in sentences])
    chain_of: dict[str, str] = {}
    for ch in rec.get("chains", []):
        for mid in ch["mention_ids"]:
            chain_of.setdefault(str(mid), str(ch["chain_id"]))
    for m in rec.get("mentions", []):
        if m.get("sentence") not in annotated:
            continue
        _check(doc_id, text, m["start"], m["end"])
        kind = m["type"]
        cluster = chain_of.get(str(m["m_id"]), f"{doc_id}#{m['m_id']}")
        if task == "actors":
            label = ECB_ACTOR_TYPES.get(kind)
            target = doc.mentions if label else doc.ignored if kind in ECB_ACTOR_IGNORED else None
        else:  # events
            label = "EVENT"
            target = doc.mentions if kind.startswith(("ACTION_", "NEG_ACTION_")) else None
        if target is not None:
            target.append(Mention(doc_id, m["start"], m["end"], label or "", kind, cluster))
    return doc


def _polnear(rec: dict[str, Any], task: str) -> GoldDoc:
    doc = _dated_doc(rec)
    for att in rec.get("attributions", []):
        for part, label in POLNEAR_PARTS.items():
            if span := att.get(part):
                _add(doc, doc.mentions, span, label, part, cluster=f"{doc.id}#{att.get('id')}")
    return doc


def _conll(rec: dict[str, Any], task: str) -> GoldDoc:
    doc = _dated_doc(rec)
    for ent in rec.get("entities", []):
        label = CONLL_TYPES.get(str(ent["type"]).upper())
        _add(doc, doc.mentions if label else doc.ignored, ent, label or "", str(ent["type"]))
    return doc


_READERS = {"ecbplus": _ecbplus, "polnear": _polnear, "conll": _conll}

#: The tasks each gold shape annotates, and what to say when asked for another.
_SHAPE_TASKS = {
    "ecbplus": (("actors", "events"), "ECB+ has no statement annotations; score it with --task actors or events"),
    "polnear": (("statements",), "PolNeAR has attribution annotations only; score it with --task statements"),
    "conll": (("actors",), "a CoNLL-style file has entities only; score it with --task actors"),
}


def gold_doc(record: dict[str, Any], *, task: str, fmt: str) -> GoldDoc:
    """One gold record as a :class:`GoldDoc` for a task.

    :raises EvaluationError: the shape does not annotate that task, or a span is out of range.
    """
    if task not in TASKS:
        raise EvaluationError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    tasks, message = _SHAPE_TASKS.get(fmt, ((task,), ""))
    if task not in tasks:
        raise EvaluationError(message)
    try:
        return _READERS[fmt](record, task)
    except KeyError as exc:
        raise EvaluationError(f"record {record.get('id')!r} lacks the field {exc} of the {fmt} shape") from exc


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationError(f"{path}:{number}: not JSON ({exc.msg})") from exc


def parse_topics(spec: str) -> frozenset[int]:
    """ECB+ topic numbers from ``"31-35"``, ``"1-30"`` or ``"3,5,31-35"``.

    :raises EvaluationError: the text is not a list of numbers and ranges.

    >>> sorted(parse_topics("31-33,35"))
    [31, 32, 33, 35]
    """
    topics: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        try:
            low, high = int(first), int(last if dash else first)
        except ValueError:
            raise EvaluationError(f"topics {spec!r}: expected numbers and ranges such as 31-35 or 1,4,31-35") from None
        if low > high:
            raise EvaluationError(f"topics {spec!r}: the range {part} runs backwards")
        topics.update(range(low, high + 1))
    return frozenset(topics)


def record_topic(record: dict[str, Any]) -> int | None:
    """The ECB+ topic of a record: its ``topic`` field, else the number before ``_`` in its id.

    >>> record_topic({"id": "31_2ecbplus"}), record_topic({"id": "x", "topic": 4}), record_topic({"id": "a"})
    (31, 4, None)
    """
    if isinstance(record.get("topic"), int):
        return record["topic"]
    head = str(record.get("id", "")).split("_", 1)[0]
    return int(head) if head.isdigit() else None


def read_gold(path: str | os.PathLike[str], *, task: str, fmt: str = "auto",
              limit: int | None = None, topics: frozenset[int] | None = None) -> GoldSet:
    """Read a gold JSONL file for one task; ``fmt="auto"`` detects the shape from the first record.

    :param limit: read only the first ``limit`` records (of the chosen topics).
    :param topics: ECB+ only: keep the documents of these topics (e.g. :func:`parse_topics`
        of ``"31-35"``, the topics newskg's event head never trained on).
    :raises EvaluationError: the file is missing, empty, of unknown shape, or lacks the task;
        ``topics`` given for another shape than ECB+.

    >>> import tempfile, json, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
    >>> _ = p.write_text(json.dumps({"id": "a", "text": "Ann met Bob.", "entities": []}) + "\\n")
    >>> read_gold(p, task="actors").format
    'conll'
    """
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"no gold file at {path}")
    if fmt not in ("auto", *FORMATS):
        raise EvaluationError(f"unknown format {fmt!r}; expected auto, {', '.join(FORMATS)}")
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for number, rec in _records(path):
        if limit is not None and len(docs) >= limit:
            break
        if fmt == "auto":
            fmt = detect_format(rec)
        if topics is not None:
            if fmt != "ecbplus":
                raise EvaluationError(f"{path}: --topics applies to ECB+ files only, not {fmt}")
            if record_topic(rec) not in topics:
                continue
        doc = gold_doc(rec, task=task, fmt=fmt)
        if doc.id in seen:
            raise EvaluationError(f"{path}:{number}: duplicate document id {doc.id!r}")
        seen.add(doc.id)
        docs.append(doc)
    if not docs:
        raise EvaluationError(f"{path}: no records" + (" of these topics" if topics is not None else ""))
    return GoldSet(str(path), fmt, task, docs)
