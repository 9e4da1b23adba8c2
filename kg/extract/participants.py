"""Unnamed participants: the people and groups an article speaks of without naming them.

News reports many of its actors by a common noun only: "a man was arrested", "the gunman
fled", "two suspects", "residents said", "police". Each such noun (a lemma of
``kg/wordlists/participant-nouns.tsv``) in an argument position (subject, object, object of a
preposition, apposition, conjunct) becomes a mention of an *article-local* actor, one per
lemma, number and article ("a man" ... "the man": one actor, named by the lemma; "the men":
another, named by the plural), of the kind the list gives (a Person, or an Organization for
"police", "the army", whose number does not count). The span is the noun with its
compound nouns ("gang members", "police officers"), as for coreference's descriptions; the
relative "who" of such a noun ("a receptionist who tried ...") is a mention too, and a
capitalised participant noun first in a sentence or headline ("Man denies arson") counts.

Nouns already resolved to a named actor (:mod:`kg.extract.coref`: "the actress" after
"Tara Reid"), nouns inside a name, and nouns that name part of something else ("police
station", "the driver's seat") are left out. These actors never merge across articles: their
IRI is the article's (:func:`kg.resolve.local_actor_iri`), and they take no part in identity.

>>> from kg.extract.nlp import load_model
>>> text = "A man shot two police officers who chased him. The man fled and police arrested him."
>>> [(a.name, a.kind, [s.text for s in a.mentions]) for a in unnamed_participants(load_model()(text), [])]
[('man', 'Person', ['man', 'man']), ('officers', 'Person', ['police officers', 'who']), ('police', 'Organization', ['police'])]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kg.extract.nlp import doc_text
from kg.model import Actor, Span
from kg.wordlists import table

#: Dependency labels of a noun that takes part in what its clause reports.
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "pobj", "agent", "appos",
                       "conj", "attr", "ROOT", "npadvmod"})


@lru_cache(maxsize=1)
def participant_nouns() -> dict[str, str]:
    """The news roles of ``kg/wordlists/participant-nouns.tsv``: noun lemma -> actor kind.

    >>> participant_nouns()["gunman"]
    'Person'
    """
    return {lemma: kind for lemma, kind in table("participant-nouns", columns=2)}


def unnamed_participants(doc: Any, actors: Sequence[Actor]) -> list[Actor]:
    """The article-local actors of ``doc``: one :class:`Actor` per participant noun lemma (and
    number, for people), with
    every mention of it outside the named actors' mentions and references, in text order of
    their first mention."""
    nouns = participant_nouns()
    taken = sorted((s.begin, s.end) for a in actors for s in (*a.mentions, *a.references))
    starts = [b for b, _ in taken]
    text = doc_text(doc)
    found: dict[str, Actor] = {}
    heads: dict[int, Actor] = {}
    for tok in doc:
        if tok.lower_ in ("who", "whom") and tok.tag_ == "WP":
            clause = tok.head if tok.head.dep_ == "relcl" else None
            actor = heads.get(clause.head.i) if clause is not None else None
            if actor is not None:  # "a receptionist who tried to stop him"
                actor.mentions.append(Span(tok.idx, tok.idx + len(tok.text), tok.text))
            continue
        if tok.dep_ not in _ARGUMENT or not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_title
                                               and (tok.is_sent_start or tok.i == 0)):
            continue  # a capitalised noun first in a headline ("Man denies arson") is no name
        lemma = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
        if tok.pos_ == "PROPN" and lemma not in nouns:
            lemma = lemma[:-1] if lemma.endswith("s") else lemma  # "Robbers in drag steal ..."
        kind = nouns.get(lemma)
        if kind is None:
            continue
        following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if any(c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" for c in tok.children) or \
                following is not None and following.pos_ == "PROPN" and tok.pos_ == "NOUN":
            continue  # "the actress Tara Reid", "coach Sean Payton": the name is there
        span_tokens = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [tok]
        begin, end = span_tokens[0].idx, tok.idx + len(tok.text)
        i = bisect_right(starts, end) - 1
        if i >= 0 and taken[i][1] > begin or any(b < end and begin < e for b, e in taken[max(0, i - 3):i]):
            continue
        name = tok.lower_ if kind == "Person" and tok.lower_ != lemma else lemma  # "the men": not "a man"
        actor = found.setdefault(name, Actor(name=name, kind=kind))
        actor.mentions.append(Span(begin, end, text[begin:end]))
        heads[tok.i] = actor
    return list(found.values())
