"""Cue bounds: a logistic regression deciding, word by word, how far a cue reaches around its head.

PolNeAR's cue spans take some of the words around the cue word and not others ("has also said",
"said in a statement", '"...," he said | in an interview', "pointed out", "called for", "is
expected | to endorse"). The rules of :mod:`kg.extract.statements` give a first span; this model
decides its two ends again. From the span's head (its root in the parse) it walks right, word
after word, and each next word is in the cue while the model gives it at least
:data:`KEEP` (a word of the rules' span) or :data:`JOIN` (another); then left likewise. The walk never enters the statement's source or content,
never leaves the head's sentence, never crosses a line break and goes at most
:data:`RIGHT_WINDOW` / :data:`LEFT_WINDOW` words. Features (:func:`features`, sparse strings): the
side and the distance, whether the rules' span holds the word, the word, its part of speech,
tag, dependency and entity type, how it hangs on the head (a child, deeper in a child's phrase,
the head's own governor) and that child's dependency, word and prepositional object ("in ...
statement"), whether the phrase starts or ends there, whether the source or the content comes
next, where the content lies (before or after the cue), the head's lemma, part of speech and
tag; and conjunctions of these with the head's lemma and the content's side.

The table (``attribution_weights/cue_bounds.tsv``) is written by ``kg train attribution
--cues-only`` after the cue tables, fitted on the cues that extraction finds in every PolNeAR
training article whose head lies in a gold cue (:func:`rows`).

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["He", "said", "on", "Monday", "."], heads=[1, 1, 1, 2, 1],
...           deps=["nsubj", "ROOT", "prep", "pobj", "punct"], pos=["PRON", "VERB", "ADP", "PROPN", "PUNCT"],
...           lemmas=["he", "say", "on", "Monday", "."], sent_starts=[True, False, False, False, False])
>>> [f for f in features(doc, doc[1], 2, "R", True, "b", "") if f.startswith("say&")]
['say&Rw=on', 'say&Rrel=c', 'say&Rin=1', 'say&Rnxt=', 'say&Rvia=prep', 'say&Rviaw=on']
>>> bounds(doc, 1, 4, None, [], "b", {"Rb": -2.0, "Lb": -2.0})
(1, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kg.extract.trained.attribution_cues import BIAS, probability, table

#: The table of the model, beside the cue tables.
BOUNDS_FILE = "cue_bounds.tsv"
#: A word the rules' cue holds stays in it when the model gives it at least ``KEEP``; a word
#: outside it joins when the model gives it at least ``JOIN`` (5-fold document cross-validation
#: over PolNeAR train, cue exact F1 of the whole extraction: 0.5 / 0.5 0.7174, 0.4 / 0.6 0.7200,
#: 0.3 / 0.7 0.7212, 0.2 / 0.8 0.7207; the rules alone 0.7183).
KEEP, JOIN = 0.3, 0.7
#: At most this many words after / before the head.
RIGHT_WINDOW, LEFT_WINDOW = 8, 5
#: L2 weight of the fit (cross-validated as above: 1e-3 0.7208, 1e-5 0.7199, at their best thresholds).
BOUNDS_L2 = 1e-4
_WORDY = frozenset(("ADP", "PART", "ADV", "SCONJ", "CCONJ", "AUX", "PRON", "DET"))


def _via(tok: Any, head: Any) -> Any:
    """The child of ``head`` whose phrase holds ``tok`` (``tok`` itself when a child), else None."""
    seen = 0
    while tok.head.i != head.i and tok.head.i != tok.i and seen < 8:
        tok, seen = tok.head, seen + 1
    return tok if tok.head.i == head.i and tok.i != head.i else None


def features(doc: Any, head: Any, j: int, side: str, inside: bool, content_side: str, nxt: str) -> list[str]:
    """Features of word ``j`` on ``side`` ("R" or "L") of the cue's ``head``: ``inside`` the rules'
    cue, ``content_side`` "a" (the content after the cue) or "b", ``nxt`` what lies beyond the
    word ("source", "content", "end" of the walk, or "")."""
    t = doc[j]
    s = side
    via = _via(t, head)
    if t.head.i == head.i:
        rel = "c"
    elif via is not None:
        rel = "g"
    elif head.head.i == j:
        rel = "h"
    else:
        rel = "o"
    lemma = head.lemma_.lower()
    out = [BIAS, f"{s}b", f"{s}d={min(abs(j - head.i), 6)}", f"{s}in={int(inside)}", f"{s}w={t.lower_}",
           f"{s}p={t.pos_}", f"{s}t={t.tag_}", f"{s}dep={t.dep_}", f"{s}ent={t.ent_type_}", f"{s}rel={rel}",
           f"{s}nxt={nxt}", f"{s}hp={head.pos_}", f"{s}ht={head.tag_}", f"{s}hdep={head.dep_}"]
    pair = [f"{s}w={t.lower_}", f"{s}rel={rel}", f"{s}in={int(inside)}", f"{s}nxt={nxt}"]
    if via is not None:
        vw = via.lower_ if via.pos_ in _WORDY else via.pos_
        obj = next((c for c in via.children if c.dep_ == "pobj"), None)
        vo = "" if obj is None else (obj.ent_type_ if obj.ent_type_ in ("DATE", "TIME") else obj.lemma_.lower())
        edge = ("f" if via.left_edge.i == j else "") + ("l" if via.right_edge.i == j else "")
        rest = min(via.right_edge.i - j if side == "R" else j - via.left_edge.i, 5)
        vias = [f"{s}via={via.dep_}", f"{s}viaw={vw}", f"{s}viao={vo}"]
        out += vias + [f"{s}edge={edge}", f"{s}rest={rest}", f"{s}viaw={vw}&{s}viao={vo}",
                       f"{s}via={via.dep_}&{s}edge={edge}", f"{s}viaw={vw}&{s}rest={rest}"]
        pair += vias[:2]
    out += [f"c={content_side}&{f}" for f in pair]
    return out + [f"{lemma}&{f}" for f in pair]


def _walk(doc: Any, head: Any, side: str, blocked: Callable[[int], str], decide: Callable[[int, str], bool]) -> int:
    """The last word index on ``side`` that ``decide`` keeps, walking out from ``head``."""
    step, window = (1, RIGHT_WINDOW) if side == "R" else (-1, LEFT_WINDOW)
    sent = head.sent
    last, j = head.i, head.i + step
    while abs(j - head.i) <= window and sent.start <= j < sent.end and not blocked(j):
        k = j + step
        beyond = blocked(k) if sent.start <= k < sent.end else "end"
        if abs(k - head.i) > window and not beyond:
            beyond = "end"
        if not decide(j, beyond):
            break
        last, j = j, k
    return last


def _blocker(doc: Any, head: Any, start: int, end: int, source: Any, content: Sequence[Any]) -> Callable[[int], str]:
    """What stops the walk at word ``j`` (the rules' cue ``doc[start:end]`` never does)."""
    def blocked(j: int) -> str:
        if start <= j < end:
            return ""
        t = doc[j]
        b, e = t.idx, t.idx + len(t.text)
        if any(c.begin < e and b < c.end for c in content):
            return "content"
        if source is not None and source.begin < e and b < source.end:
            return "source"
        if t.is_space or "\n" in t.text:
            return "space"
        return "" if _via(t, head) is not None or head.head.i == j else "other"
    return blocked


def _pieces(statement: Any) -> list[Any]:
    """The content's pieces the walk must not enter: a split quote's quotations; none when the
    content holds the cue without them ("For voters, he said, their ...")."""
    content = statement.content
    if statement.parts:
        return list(statement.parts)
    if content.begin < statement.cue.begin and statement.cue.end < content.end:
        return []
    return [content]


def bounds(doc: Any, start: int, end: int, source: Any, content: Sequence[Any], content_side: str,
           weights: dict[str, float]) -> tuple[int, int]:
    """New token bounds ``[start, end)`` of the cue ``doc[start:end]`` under ``weights``
    (``content``: the spans the walk must not enter besides the ``source``)."""
    head = doc[start:end].root
    blocked = _blocker(doc, head, start, end, source, content)

    def decider(side: str) -> Callable[[int, str], bool]:
        return lambda j, nxt: probability(weights, features(doc, head, j, side, start <= j < end, content_side,
                                                            nxt)) >= (KEEP if start <= j < end else JOIN)

    right = _walk(doc, head, "R", blocked, decider("R"))
    left = _walk(doc, head, "L", blocked, decider("L"))
    return left, right + 1


def applies(doc: Any, start: int, end: int) -> bool:
    """The model decides the bounds of cues headed by a verb, noun, auxiliary or adjective."""
    return end > start and doc[start:end].root.pos_ in ("VERB", "NOUN", "AUX", "ADJ")


def rebound(doc: Any, text: str, statement: Any, weights: dict[str, float] | None = None) -> None:
    """The statement's cue with the bounds the model gives (unchanged without a table)."""
    from kg.model import Span

    weights = table(BOUNDS_FILE) if weights is None else weights
    if not weights:
        return
    cue = doc.char_span(statement.cue.begin, statement.cue.end, alignment_mode="expand")
    if cue is None or not applies(doc, cue.start, cue.end):
        return
    side = "a" if statement.content.begin >= statement.cue.end else "b"
    s, e = bounds(doc, cue.start, cue.end, statement.source, _pieces(statement), side, weights)
    begin, stop = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    if (begin, stop) != (statement.cue.begin, statement.cue.end):
        statement.cue = Span(begin, stop, text[begin:stop])


def rows(doc: Any, statements: Sequence[Any], gold_cues: Sequence[tuple[int, int]]) -> tuple[list[list[str]], list[int]]:
    """Features and labels (in the gold cue) of the words the walk decides, for every statement
    whose cue head lies in a gold cue (``gold_cues``: character spans); the walk goes on past
    the gold cue's end by one word, as at run time it stops at the first word left out."""
    feats: list[list[str]] = []
    labels: list[int] = []
    for st in statements:
        cue = doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand")
        if cue is None or not applies(doc, cue.start, cue.end):
            continue
        head = cue.root
        gold = [(b, e) for b, e in gold_cues if b <= head.idx < e]
        if not gold:
            continue
        g = doc.char_span(*min(gold, key=lambda x: x[1] - x[0]), alignment_mode="expand")
        if g is None:
            continue
        side = "a" if st.content.begin >= st.cue.end else "b"
        blocked = _blocker(doc, head, cue.start, cue.end, st.source, _pieces(st))
        for s in ("R", "L"):
            def decide(j: int, nxt: str, s: str = s) -> bool:
                label = int(g.start <= j < g.end)
                feats.append(features(doc, head, j, s, cue.start <= j < cue.end, side, nxt))
                labels.append(label)
                return bool(label)
            _walk(doc, head, s, blocked, decide)
    return feats, labels
