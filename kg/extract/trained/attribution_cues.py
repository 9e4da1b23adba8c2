"""Cue tokens: a logistic regression deciding whether a verb or noun heads a PolNeAR cue.

Every verb, noun, auxiliary and adjective of the parse is a candidate; its features are sparse
strings (:func:`features`): the lemma, alone and with its part of speech and its frame
(:func:`~kg.extract.trained.attribution_frames.frame`), its tag and dependency, its children's
dependencies and words (a reported clause and its "that", an object, a preposition "for",
negation, auxiliaries, a possessive "his claim"), its governor ("continue to express"), its
subject (pronoun, name, entity type, noun lemma: "the poll shows"), its place with respect to
quotations (inside one, one just before or after it, one in its sentence), the punctuation next
to it ("BOULDUAN:") and the cue lexicon; each of these also conjoined with the lemma
(:data:`LEMMA_CONJUNCTIONS`: "say&c=ccomp"). The model is a table feature -> weight
(``attribution_weights/cue_model.tsv``, written by ``kg train attribution``); a token's
probability is the logistic of its weights' sum. :mod:`kg.extract.statements` makes a
statement of each candidate the rules and the head left alone whose probability reaches its
threshold, building cue, source and content from the parse as for a head cue.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "blasted", "Bob"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "PROPN"], lemmas=["Ann", "blast", "Bob"])
>>> [f for f in features(doc[1], []) if f.startswith(("lf=", "subj", "blast&subj"))]
['lf=blast|dobj', 'subj=PROPN', 'subjent=', 'blast&subj=PROPN', 'blast&subjent=']
>>> probability({"b": -1.0, "lf=blast|dobj": 3.0}, features(doc[1], [])) > 0.5
True
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.extract.speech_lexicon import NOT_CUES, is_verb_cue
from kg.extract.trained.attribution_frames import frame

#: The residual model: candidates no cue of the rules or the head overlaps.
MODEL_FILE = "cue_model.tsv"
#: The gate model: every candidate; a found cue it gives too low a probability is dropped.
GATE_FILE = "cue_gate.tsv"
#: Parts of speech of a candidate cue head.
CANDIDATE_POS = frozenset(("VERB", "NOUN", "AUX", "ADJ"))
#: L2 weight of both models (5-fold document cross-validation on PolNeAR train: 1e-4 over 1e-3).
CUE_L2 = 1e-4
#: The bias feature, present in every candidate.
BIAS = "b"
#: Every feature but the bias and the lemma's own is also conjoined with the lemma ("say&c=ccomp",
#: "want&subjw=they"), so that each lemma weighs its frames, subjects and quotations by itself
#: (5-fold document cross-validation on PolNeAR train, token level: gate average precision
#: 0.838 -> 0.848, residual 0.356 -> 0.376).
LEMMA_CONJUNCTIONS = True
#: The first features of :func:`features`: the bias and the three that name the lemma
#: ("l=", "lp=", "lf="), which are not conjoined with it.
_NAMING_LEMMA = 4
_PRONOUNS = frozenset("i we you he she it they me us him her them this that who".split())


def is_candidate(tok: Any) -> bool:
    """Whether the token is a candidate cue head."""
    return tok.pos_ in CANDIDATE_POS and not tok.is_space and tok.is_alpha


def quote_bounds(quotes: Sequence[Any]) -> tuple[list[int], list[int]]:
    """Begins and ends of the article's quotations (:func:`kg.extract.statements.find_quotes`:
    in order, never overlapping)."""
    spans = sorted((q.begin, q.end) for q in quotes)
    return [b for b, _ in spans], [e for _, e in spans]


def _subject(tok: Any) -> Any:
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj


def features(tok: Any, quotes: Sequence[Any], bounds: tuple[list[int], list[int]] | None = None) -> list[str]:
    """The candidate's features (strings; each counts 1)."""
    begins, ends = bounds if bounds is not None else quote_bounds(quotes)
    lemma, pos = tok.lemma_.lower(), tok.pos_
    fr = frame(tok)
    out = [BIAS, f"l={lemma}", f"lp={lemma}|{pos}", f"lf={lemma}|{fr}", f"fp={fr}|{pos}",
           f"tag={tok.tag_}", f"dep={tok.dep_}|{pos}"]
    if is_verb_cue(lemma):
        out.append(f"lex|{pos}")
    if lemma in NOT_CUES:
        out.append("notcue")
    for c in tok.children:
        out.append(f"c={c.dep_}")
        if c.dep_ in ("prep", "prt", "aux", "neg", "mark", "det", "poss", "dative", "agent"):
            out.append(f"cw={c.dep_}|{c.lower_}")
        if c.dep_ == "ccomp":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "-")
            out.append(f"ccomp_mark={mark}")
    head = tok.head
    if head is not tok:
        out += [f"gov={head.lemma_.lower()}|{tok.dep_}", f"govpos={head.pos_}|{tok.dep_}"]
        if is_verb_cue(head.lemma_.lower()):
            out.append("govlex")
    subj = _subject(tok)
    if subj is not None:
        out += [f"subj={subj.pos_}", f"subjent={subj.ent_type_}"]
        if subj.lower_ in _PRONOUNS:
            out.append(f"subjw={subj.lower_}")
        elif subj.pos_ == "NOUN":
            out.append(f"subjl={subj.lemma_.lower()}")
    else:
        out.append("nosubj")
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prv = tok.nbor(-1) if tok.i > 0 else None
    if nxt is not None and (nxt.is_punct or nxt.lower_ in ("that", "of", "for", "to", "on", "about")):
        out.append(f"next={nxt.lower_}")
    if prv is not None and (prv.is_punct or prv.pos_ in ("DET", "PRON", "ADP")):
        out.append(f"prev={prv.lower_}")
    sent = tok.sent
    if tok.i == sent.start:
        out.append("first")
    k = bisect.bisect_right(begins, tok.idx)
    if k and tok.idx < ends[k - 1]:
        out.append("inquote")
    j = bisect.bisect_right(ends, tok.idx)
    if j and ends[j - 1] >= tok.doc[max(sent.start, tok.i - 4)].idx:
        out.append("quote_before")
    if k < len(begins) and begins[k] <= tok.doc[min(sent.end, tok.i + 5) - 1].idx:
        out.append("quote_after")
    if bisect.bisect_left(begins, sent.end_char) - bisect.bisect_right(ends, sent.start_char) > 0:
        out.append("sent_quote")
    if LEMMA_CONJUNCTIONS:
        prefix = lemma + "&"
        out += [prefix + f for f in out[_NAMING_LEMMA:]]
    return out


def probability(weights: dict[str, float], feats: Sequence[str]) -> float:
    """The logistic of the weights' sum over ``feats`` (unknown features weigh 0)."""
    get = weights.get
    z = sum([get(f, 0.0) for f in feats])
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def write_model(weights: dict[str, float], path: Path) -> None:
    """The table as TSV (feature, weight), sorted by feature; weights under 0.001 left out."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("feature\tweight\n")
        for f in sorted(weights):
            if abs(weights[f]) >= 0.001:
                out.write(f"{f}\t{weights[f]:.3f}\n")


@lru_cache(maxsize=4)
def load_model(name: str = MODEL_FILE, folder: Path | None = None) -> dict[str, float]:
    """A shipped table (``name`` in the attribution weights, or in ``folder``); empty when missing."""
    from kg.extract.trained.attribution import weights_dir

    file = (folder or weights_dir()) / name
    if not file.is_file():
        return {}
    out: dict[str, float] = {}
    with file.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            feat, _, w = line.rstrip("\n").rpartition("\t")
            out[feat] = float(w)
    return out


_TABLES: dict[str, dict[str, float]] = {}


def table(name: str) -> dict[str, float]:
    """The table ``name`` in use: one set by :func:`using`, else the shipped one."""
    return _TABLES[name] if name in _TABLES else load_model(name)


@contextmanager
def using(tables: Mapping[str, dict[str, float]]) -> Iterator[None]:
    """Extraction within the block reads these tables (name -> weights; ``{}`` switches a
    model off) instead of the shipped ones: training fits one table from the analyses that
    the tables it has just fitted give.

    >>> with using({MODEL_FILE: {"b": 1.0}}):
    ...     table(MODEL_FILE)
    {'b': 1.0}
    """
    saved = dict(_TABLES)
    _TABLES.update(tables)
    try:
        yield
    finally:
        _TABLES.clear()
        _TABLES.update(saved)


def cue_probabilities(doc: Any, quotes: Sequence[Any], candidates: dict[int, bool]) -> dict[int, float]:
    """Token index -> probability of heading a cue under the residual model (:data:`MODEL_FILE`),
    for ``candidates`` (token index -> inside another statement's content); empty without a model."""
    weights = table(MODEL_FILE)
    if not weights:
        return {}
    bounds = quote_bounds(quotes)
    return {i: probability(weights, features(doc[i], quotes, bounds) + (["incontent"] if inside else []))
            for i, inside in candidates.items()}


def gate_probabilities(doc: Any, quotes: Sequence[Any], tokens: Sequence[int]) -> dict[int, float]:
    """Token index -> probability of heading a cue under the gate model (:data:`GATE_FILE`), for
    the candidates among ``tokens``; empty without a model."""
    weights = table(GATE_FILE)
    if not weights:
        return {}
    bounds = quote_bounds(quotes)
    return {i: probability(weights, features(doc[i], quotes, bounds)) for i in tokens if is_candidate(doc[i])}


def fit(rows: Sequence[Sequence[str]], labels: Sequence[int], *, l2: float = 1e-4, iterations: int = 300,
        learn_rate: float = 0.05, min_count: int = 2) -> dict[str, float]:
    """Weights of a logistic regression over ``rows`` of features (full-batch Adam on the mean
    log loss plus ``l2``/2 times the squared weights but the bias; deterministic); features seen
    fewer than ``min_count`` times are left out."""
    import numpy as np

    counts: dict[str, int] = {}
    for r in rows:
        for f in set(r):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= min_count or f == BIAS)
    index = {f: i for i, f in enumerate(names)}
    cols = [[index[f] for f in set(r) if f in index] for r in rows]
    row_idx = np.repeat(np.arange(len(rows)), [len(c) for c in cols])
    col_idx = np.fromiter((i for c in cols for i in sorted(c)), dtype=np.int64, count=len(row_idx))
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    reg = np.full(len(names), l2)
    reg[index[BIAS]] = 0.0
    n = float(len(rows))
    for step in range(1, iterations + 1):
        z = np.bincount(row_idx, weights=w[col_idx], minlength=len(rows))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(col_idx, weights=(p - y)[row_idx], minlength=len(names)) / n + reg * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= learn_rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {f: float(w[i]) for f, i in index.items()}

