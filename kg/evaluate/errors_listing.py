"""The worst errors of a run: false positives, misses and boundary errors, most frequent first.

Errors are grouped by kind, label and lower-cased surface text ("said" missed 40 times is one
line), each with one example sentence, so a developer sees what to fix first.

>>> doc = GoldDoc("d", "Ann met Bob.\\nBob left.")
>>> items = list_errors({"d": doc}, false_positives=[Mention("d", 0, 3, "PER")],
...                     misses=[Mention("d", 8, 11, "PER"), Mention("d", 13, 16, "PER")], n=5)
>>> [(e.kind, e.text, e.count, e.sentence) for e in items]
[('miss', 'Bob', 2, 'Ann met Bob.'), ('false positive', 'Ann', 1, 'Ann met Bob.')]
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.evaluate.gold import GoldDoc, Mention

_MAX_SENTENCE = 300


@dataclass(frozen=True)
class ErrorItem:
    """One kind of error: how often it happened, and one example in its sentence."""

    kind: str  # "false positive", "miss" or "boundary"
    label: str
    text: str
    count: int
    doc: str
    begin: int
    end: int
    sentence: str
    gold_text: str | None = None  # the gold span, for boundary errors

    def to_dict(self) -> dict[str, object]:
        """Plain data for the JSON report."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


def sentence_of(doc: GoldDoc, begin: int, end: int) -> str:
    """The sentence around a span: the gold sentence where known, else the text between
    line breaks, cut at words to about 300 characters around the span.

    >>> sentence_of(GoldDoc("d", "One.\\nTwo three.", sentences=[(0, 4), (5, 15)]), 9, 14)
    'Two three.'
    >>> sentence_of(GoldDoc("d", "word " * 100 + "target " + "word " * 100), 500, 506)[:8]
    '… word w'
    """
    text = doc.text
    if doc.sentences:
        starts = [b for b, _ in doc.sentences]
        k = max(bisect.bisect_right(starts, begin) - 1, 0)
        b, e = doc.sentences[k]
        e = max(e, end)
    else:
        b = text.rfind("\n", 0, begin) + 1
        e = text.find("\n", end)
        e = len(text) if e < 0 else e
    head = tail = ""
    if e - b > _MAX_SENTENCE:
        nb = max(b, begin - _MAX_SENTENCE // 2)
        ne = min(e, max(end, nb + _MAX_SENTENCE))
        if nb > b:  # start at a word
            cut = text.find(" ", nb, begin)
            nb, head = (cut + 1 if cut >= 0 else nb), "… "
        if ne < e:
            cut = text.rfind(" ", end, ne)
            ne, tail = (cut if cut >= 0 else ne), " …"
        b, e = nb, ne
    return head + " ".join(text[b:e].split()) + tail


def list_errors(docs: Mapping[str, GoldDoc], *, false_positives: Sequence[Mention],
                misses: Sequence[Mention], boundary: Sequence[tuple[Mention, Mention]] = (),
                n: int = 10) -> list[ErrorItem]:
    """The ``n`` most frequent errors, ties by kind, label and text.

    ``boundary`` holds ``(gold, prediction)`` pairs that overlap but differ in span.
    """
    groups: dict[tuple[str, str, str], list[tuple[Mention, Mention | None]]] = {}
    for kind, items in (("false positive", [(m, None) for m in false_positives]),
                        ("miss", [(m, None) for m in misses]),
                        ("boundary", [(p, g) for g, p in boundary])):
        for m, g in items:
            text = docs[m.doc].text[m.begin:m.end]
            groups.setdefault((kind, m.label, " ".join(text.lower().split())), []).append((m, g))
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    out = []
    for (kind, label, _), members in ranked[:max(n, 0)]:
        m, g = min(members, key=lambda mg: (mg[0].doc, mg[0].begin, mg[0].end))
        doc = docs[m.doc]
        out.append(ErrorItem(kind, label, doc.text[m.begin:m.end], len(members), m.doc, m.begin, m.end,
                             sentence_of(doc, m.begin, m.end),
                             doc.text[g.begin:g.end] if g is not None else None))
    return out
