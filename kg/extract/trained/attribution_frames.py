"""Cue frames: how often PolNeAR annotates a verb as a cue, by lemma and complement.

A verb's *frame* is the first of its complements in the order ``ccomp`` (a reported clause),
``dobj``, ``xcomp``, ``prep``, else ``-``. :func:`count_frames` counts, over the training
documents, every verb of each (lemma, frame) and those that lie inside a gold cue;
:func:`cue_rate` is the smoothed share (cues / (count + 2), 0 below :data:`MIN_COUNT`
occurrences). Statements use it as a precision gate: a verb outside the cue lexicon whose frame
PolNeAR marks as a cue most of the time ("blasted X", "decried X", "joked that") makes a
statement (:mod:`kg.extract.statements`). The table ships beside the head's weights
(``attribution_weights/cue_frames.tsv``) and is written by ``kg train attribution``
(``--frames-only``: the table alone, in seconds).

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "blasted", "Bob"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "PROPN"], lemmas=["Ann", "blast", "Bob"])
>>> frame(doc[1])
'dobj'
>>> sorted(count_frames([{"attributions": [{"cue": {"start": 4, "end": 11}}]}], [doc]).items())
[(('blast', 'dobj'), (1, 1))]
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

FRAMES_FILE = "cue_frames.tsv"
#: Complements in the order that decides a verb's frame.
FRAME_DEPS = ("ccomp", "dobj", "xcomp", "prep")
#: Fewer occurrences than this in training: no rate (0).
MIN_COUNT = 4


def frame(tok: Any) -> str:
    """The verb's frame: its first complement in :data:`FRAME_DEPS` order, else ``-``."""
    deps = {c.dep_ for c in tok.children}
    return next((d for d in FRAME_DEPS if d in deps), "-")


def count_frames(records: Iterable[dict[str, Any]], docs: Iterable[Any]) -> dict[tuple[str, str], tuple[int, int]]:
    """(lemma, frame) -> (verbs, verbs inside a gold cue), over PolNeAR records and their analyses."""
    counts: dict[tuple[str, str], list[int]] = {}
    for rec, doc in zip(records, docs, strict=True):
        inside = [False] * len(doc)
        for a in rec["attributions"]:
            cue = a.get("cue")
            span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand") if cue else None
            for t in span or ():
                inside[t.i] = True
        for t in doc:
            if t.pos_ in ("VERB", "AUX"):
                c = counts.setdefault((t.lemma_.lower(), frame(t)), [0, 0])
                c[0] += 1
                c[1] += inside[t.i]
    return {k: (n, c) for k, (n, c) in counts.items()}


def write_frames(counts: dict[tuple[str, str], tuple[int, int]], path: Path) -> None:
    """The table as TSV (lemma, frame, verbs, cues), sorted; rows under :data:`MIN_COUNT` left out."""
    rows = sorted((lemma, fr, n, c) for (lemma, fr), (n, c) in counts.items() if n >= MIN_COUNT and c)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("lemma\tframe\tverbs\tcues\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")


@lru_cache(maxsize=2)
def load_frames(path: Path | None = None) -> dict[tuple[str, str], tuple[int, int]]:
    """The shipped table (or the one at ``path``); empty when the file is missing."""
    from kg.extract.trained.attribution import weights_dir

    file = path or weights_dir() / FRAMES_FILE
    if not file.is_file():
        return {}
    with file.open(encoding="utf-8", newline="") as f:
        return {(r["lemma"], r["frame"]): (int(r["verbs"]), int(r["cues"])) for r in csv.DictReader(f, delimiter="\t")}


def cue_rate(tok: Any) -> float:
    """How often PolNeAR training marks a verb of this lemma and frame as a cue (smoothed)."""
    n, c = load_frames().get((tok.lemma_.lower(), frame(tok)), (0, 0))
    return c / (n + 2) if n >= MIN_COUNT else 0.0
