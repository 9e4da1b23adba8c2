"""Who takes part in an event, from its sentence: admissible participants and the ones every
event gets, whatever its type.

Rules:

- **Headline source, byline, dateline**: nothing in a dateline ("RAWALPINDI (Dunya News) –"),
  in a byline paragraph (a short line of its own after the title, "Dunya News") or in another
  paragraph than the trigger takes part in the event (spaCy may parse a headline, its source
  line and the lead as one sentence: "to kill Qasem Soleimani \\n\\n Dunya News").
- **Places are where, not who**: a country that only qualifies the name of another
  participant ("the chief of Iraq's Hashed al-Shaabi force") is no participant; places in
  "in/at/near" phrases are the event's place (:mod:`kg.extract.events`).
- **Every event gets the participants its sentence names** (:func:`sentence_participants`):
  the subject (through "who", "to" clauses and conjoined verbs), the object, the "by" agent,
  prepositional objects other than places, a noun's possessor and name modifiers ("the
  union's strike", "the US action"), and the subject of the verb a noun trigger is the
  object of ("workers began a strike"); they are ``sem:hasActor`` participants (role
  "participant") unless the CAMEO rules give them a role.

``at`` is a function from a token to the actor it names and that mention's span, or None (as
:class:`kg.extract.events` keeps them).

>>> text = "Strike ends\\n\\nReuters\\n\\nPARIS (Reuters) - Workers ended the strike."
>>> [text[b:e] for b, e in blocked(text)]
['Reuters', 'PARIS (Reuters) -']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from kg.extract.timeplace import dateline
from kg.extract.nlp import doc_text
from kg.model import Actor, Span

Role = tuple[Actor, str, "Span | None"]
At = Callable[[Any], "tuple[Actor, Span] | None"]

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "into", "from", "on"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_ARGUMENT_DEPS = ("dobj", "dative", "attr", "oprd")
_NAME_DEPS = ("compound", "poss", "nmod", "amod", "appos")
_BYLINE = re.compile(r"[^\s.!?:;\"“”]+(?: [^\s.!?:;\"“”]+){0,4}")


@lru_cache(maxsize=8)
def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple(spans)


@lru_cache(maxsize=8)
def blocked(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` where no participant may be: byline paragraphs (a short line of its
    own after the first paragraph, without sentence punctuation) and the dateline up to its dash.

    >>> t = "Title\\n\\nRAWALPINDI (Dunya News) – US Secretary of State Mike Pompeo called."
    >>> [t[b:e] for b, e in blocked(t)]
    ['RAWALPINDI (Dunya News) –']
    """
    out = []
    for b, e in _paragraphs(text)[1:]:
        para = text[b:e].strip()
        if para and _BYLINE.fullmatch(para):
            first = b + text[b:e].index(para[0])
            out.append((first, first + len(para)))
    if (d := dateline(text)) is not None:
        dashes = [i for i in (text.find("–", d[1]), text.find("—", d[1]), text.find(" - ", d[1])) if i >= 0]
        end = min(dashes, default=d[1])
        if end - d[1] <= 60:
            end += 2 if text.startswith(" -", end) else 1
            out.append((d[0], end))
    return tuple(out)


def paragraph_of(text: str, position: int) -> tuple[int, int]:
    """The paragraph (blank-line separated) that holds ``position``.

    >>> paragraph_of("a b\\n\\nc d", 6)
    (5, 8)
    """
    return next(((b, e) for b, e in _paragraphs(text) if b <= position <= e), (0, len(text)))


def admissible(roles: Iterable[Role], triggers: Iterable[Any], *, text: str) -> list[Role]:
    """The roles whose mention lies in a trigger's paragraph and outside bylines and datelines,
    less countries that only qualify another participant's name."""
    spans = blocked(text)
    paragraphs = {paragraph_of(text, t.idx) for t in triggers}
    kept = []
    for actor, role, span in roles:
        if span is not None:
            if any(b <= span.begin < e for b, e in spans):
                continue
            if not any(b <= span.begin <= e for b, e in paragraphs):
                continue
        kept.append((actor, role, span))
    docs = {t.doc for t in triggers}
    return [r for r in kept if not any(_qualifier(r, kept, doc) for doc in docs)]


def _token_at(doc: Any, position: int) -> Any | None:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _qualifier(role: Role, roles: list[Role], doc: Any) -> bool:
    """A country in the possessive right before another participant's name ("Iraq's Hashed
    al-Shaabi force"): it qualifies the name, it does not take part."""
    actor, _, span = role
    if span is None or actor.kind != "GeopoliticalEntity":
        return False
    token = _token_at(doc, span.end - 1)
    if token is None or token.i + 1 >= len(doc):
        return False
    nxt = token.i + 1
    while nxt < len(doc) - 1 and doc[nxt].is_space:
        nxt += 1
    marker = doc[nxt]
    if not (marker.tag_ == "POS" or marker.lower_ in ("'s", "’s", "s", "'", "’")):
        return False
    for other, _, s in roles:
        if other is actor or s is None or s.begin <= span.end:
            continue
        between = doc.char_span(marker.idx + len(marker), s.begin, alignment_mode="expand")
        if between is not None and len(between) <= 3 and not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in between):
            return True
    return False


def conjuncts(t: Any) -> list[Any]:
    """``t`` and the tokens conjoined to it ("Iran and Iraq": both), depth first."""
    out = [t]
    for c in t.children:
        if c.dep_ == "conj":
            out += conjuncts(c)
    return out


def _names(t: Any, at: At, paragraph: tuple[int, int]) -> list[tuple[Actor, Span]]:
    """The actor a noun phrase headed by ``t`` names, else the names among its modifiers, all
    within ``paragraph``."""
    out = []
    for c in conjuncts(t):
        inside = paragraph[0] <= c.idx <= paragraph[1]
        if inside and (hit := at(c)) is not None:
            out.append(hit)
            continue
        for m in c.children:
            if m.dep_ in _NAME_DEPS and paragraph[0] <= m.idx <= paragraph[1] and (hit := at(m)) is not None:
                out.append(hit)
    return out


def _subject_tokens(t: Any) -> list[Any]:
    subj = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
    if subj and all(s.tag_ in ("WP", "WDT") for s in subj) and t.dep_ == "relcl":
        return [t.head]
    if not subj and t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
        return _subject_tokens(t.head)
    if not subj and t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN"):
        return [t.head]
    return subj


def with_references(at: At, actors: Iterable[Actor]) -> At:
    """``at``, and where it finds no name, the actor a pronoun or description refers to
    (``Actor.references``, filled by :mod:`kg.extract.coref`).

    >>> from kg.model import Actor, Span
    >>> union = Actor("CGT", "Organization", [Span(0, 3, "CGT")], references=[Span(9, 11, "it")])
    >>> class T: idx, text = 9, "it"
    >>> with_references(lambda t: None, [union])(T())[0].name
    'CGT'
    """
    refs = sorted((r.begin, r.end, a, r) for a in actors for r in a.references)

    def find(token: Any) -> tuple[Actor, Span] | None:
        if (hit := at(token)) is not None:
            return hit
        b, e = token.idx, token.idx + len(token.text)
        return next(((a, r) for rb, re_, a, r in refs if rb <= b and e <= re_), None)
    return find


_PRONOUNS = {"he": "Person", "she": "Person", "it": None, "they": None}


def _reported_subject(pronoun: Any, at: At, paragraph: tuple[int, int]) -> tuple[Actor, Span] | None:
    """"it", "he" as the subject of a reported clause: the reporting verb's subject ("the union
    said it would continue the strike"), a person for "he"/"she", a group for "it"/"they"."""
    verb = pronoun.head
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return None
    for c in verb.head.children:
        if c.dep_ == "nsubj":
            for actor, span in _names(c, at, paragraph):
                if (actor.kind == "Person") == (_PRONOUNS[pronoun.lower_] == "Person"):
                    return actor, span
    return None


def sentence_participants(trigger: Any, at: At) -> list[Role]:
    """The actors the trigger's sentence names as its participants (role "participant"):
    subject, object, "by" agent, prepositional objects that are not places, a noun's
    possessor and name modifiers, the subject of the verb that takes a noun trigger as object;
    "it", "he" as the subject of a reported clause stand for the reporting verb's subject.

    >>> from kg.extract.nlp import load_model
    >>> from kg.model import Actor, Span
    >>> doc = load_model()("Unions in France began a strike against Renault.")
    >>> actors = {i: Actor(doc[i].text, k, [Span(doc[i].idx, doc[i].idx + len(doc[i]), doc[i].text)])
    ...           for i, k in ((2, "GeopoliticalEntity"), (7, "Organization"))}
    >>> def at(t):
    ...     a = actors.get(t.i)
    ...     return (a, a.mentions[0]) if a else None
    >>> [(a.name, r) for a, r, _ in sentence_participants(doc[5], at)]
    [('Renault', 'participant')]
    """
    text = doc_text(trigger.doc)
    paragraph = paragraph_of(text, trigger.idx)
    heads: list[Any] = []
    if trigger.pos_ in ("VERB", "AUX"):
        heads += _subject_tokens(trigger)
        heads += [c for c in trigger.children if c.dep_ in _ARGUMENT_DEPS]
        preps = [c for c in trigger.children if c.dep_ in ("prep", "agent")]
    else:
        heads += [c for c in trigger.children if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < trigger.i]
        preps = [c for c in trigger.children if c.dep_ == "prep"]
        gov = trigger.head if trigger.dep_ == "dobj" else None
        if gov is not None and gov.pos_ == "VERB":
            heads += _subject_tokens(gov)
    out: list[Role] = []
    for h in heads:
        out += [(a, "participant", s) for a, s in _names(h, at, paragraph)]
        if h.pos_ == "PRON" and h.lower_ in _PRONOUNS and (hit := _reported_subject(h, at, paragraph)):
            out.append((hit[0], "participant", hit[1]))
    for p in preps:
        for obj in (c for c in p.children if c.dep_ == "pobj"):
            for a, s in _names(obj, at, paragraph):
                if p.lower_ in _PLACE_PREPS and a.kind in ("GeopoliticalEntity", "Place") and p.dep_ != "agent":
                    continue  # where, not who
                out.append((a, "participant", s))
    seen: set[int] = set()
    unique = []
    for r in out:
        if r[0].kind == "Place":
            continue  # a place (Rose Garden, a hurricane's path) is no actor of the ontology
        if id(r[0]) not in seen:
            seen.add(id(r[0]))
            unique.append(r)
    return unique
