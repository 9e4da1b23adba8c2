"""Events of one article: triggers from the lexicon, participants in roles, time, place, factuality.

Steps, all on spaCy's parse:

1. Triggers: verbs and nouns whose lemma is in :mod:`kg.extract.event_lexicon` ("telephoned",
   "the killing", "air strikes", "a rocket attack"), and support-verb patterns ("laid siege").
2. Participants: for verbs, the subject is the agent and the object the patient or recipient,
   in the passive the "by" phrase is the agent and the subject the patient; for nouns,
   possessors and modifiers ("the US killing", "X's strike", "an American strike") are
   agents, "of"/"on"/"against" complements patients, "with"/"to" recipients, "from"/"by"
   agents; a noun trigger that is the object of "launch", "orchestrate" ... takes that verb's
   subject, of "receive" its subject as recipient. Conjuncts share a role. A non-actor noun
   stands for the actor that owns it ("the US embassy" -> the US, "fighters from Kataeb
   Hezbollah" -> Kataeb Hezbollah): unnamed people are coded by their organisation, as
   CAMEO codes them. A title names its holder ("the US Secretary of State"); "he", "it" as
   the subject of a reported clause is the subject of the reporting verb.
3. One event per happening: a noun trigger and the verb it is bound to ("strikes that
   killed", "killed ... in a strike", "the strike killed") are one event; a definite noun
   ("the strike") with no participants of its own refers back to the latest event with the
   same lemma or CAMEO root; an event of the same CAMEO root, the same agent and no
   conflicting patients, recipients or dates merges with the latest such event.
4. Time from date expressions nearest to the trigger in the parse (:mod:`kg.extract.timeplace`),
   place from "in/at/on/near" phrases naming a place actor (a facility such as "Baghdad's
   international airport" becomes a place of its own), the dateline place for the lead
   sentence's main event.
5. Factuality (:func:`_factuality`): negated ("did not attack", "denied attacking", the
   head's NEG_ classes), failed ("failed to agree"), future ("will meet", "plans to sign",
   "a planned strike"), hypothetical (a modal, "threatened to strike", "if"), else asserted.

>>> import datetime as dt
>>> from kg.extract.nlp import load_model
>>> from kg.extract import analyse_doc
>>> from kg.model import Article
>>> art = Article("a", "Mike Pompeo telephoned Heiko Maas on Friday.", date=dt.date(2020, 1, 3))
>>> ev = analyse_doc(art, load_model()(art.text), model="m").events[0]
>>> ev.cameo, [(p.actor.name, p.role) for p in ev.participants], ev.date.isoformat()
('041', [('Mike Pompeo', 'agent'), ('Heiko Maas', 'recipient')], '2020-01-03')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kg.extract import event_lexicon as lex
from kg.extract import event_roles as roles
from kg.extract import event_senses as senses
from kg.extract.lexicon import GROUP_NOUNS
from kg.extract.nlp import doc_text
from kg.extract.trained.event_head import EVENTS, split_label
from kg.extract.timeplace import DATE_WORDS, When, dateline, resolve_date, tense
from kg.wordlists import words
from kg.model import Actor, Analysis, Event, Holding, Participation, Span

_FACILITIES = words("facilities")
_MEMBERS = words("members")
_OWNED = _FACILITIES | _MEMBERS | words("owned")
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
_PRONOUNS = {"he": "Person", "she": "Person", "it": "thing", "they": "thing"}


@dataclass
class _Draft:
    cameo: str  # "" when the event is not a CAMEO interaction
    triggers: list[Any]  # spaCy tokens (the head of each trigger)
    spans: list[Span]
    event_class: str | None = None
    negated_class: bool = False  # the head's NEG_ label
    roles: list[tuple[Actor, str, Span | None]] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)  # lemmas of non-actor patients
    when: When = When()
    place: Actor | None = None
    factuality: str = "asserted"
    definite: bool = False
    anaphoric: bool = False  # a non-actor patient with "the" ("the contractor was killed")
    lemmas: set[str] = field(default_factory=set)
    token_ids: set[int] = field(default_factory=set)
    unnamed: list[tuple[Actor, str]] = field(default_factory=list)  # unnamed participants' roles


class _Actors:
    """Actor mentions and holdings by character offset."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.spans = sorted(((s.begin, s.end, a) for a in analysis.actors for s in a.mentions),
                            key=lambda x: x[:2])
        self.holdings = sorted(((m.begin, m.end, h) for h in analysis.holdings for m in h.mentions),
                               key=lambda x: (x[0], -x[1]))
        self.header = _header(analysis.article.text)
        self.references = sorted(((r.begin, r.end, a, r) for a in analysis.actors for r in a.references),
                                 key=lambda x: x[:2])
        self.unnamed_at = {s.end: a for a in analysis.participants for s in a.mentions}

    def at(self, token: Any) -> tuple[Actor, Span] | None:
        b, e = token.idx, token.idx + len(token.text)
        if self.header and self.header[0] <= b < self.header[1]:
            return None
        best = None
        for sb, se, a in self.spans:
            if sb <= b and e <= se and (best is None or (a.kind == "Person") > (best[0].kind == "Person")):
                best = (a, Span(sb, se, self.analysis.article.text[sb:se]))
        if best is None:
            for hb, he, h in self.holdings:
                if hb <= b and e <= he:
                    return h.holder, Span(hb, he, self.analysis.article.text[hb:he])
        return best

    def referred(self, token: Any) -> tuple[Actor, Span] | None:
        """The actor and reference span of a pronoun or description that coreference resolved."""
        b, e = token.idx, token.idx + len(token.text)
        if self.header and self.header[0] <= b < self.header[1]:
            return None
        return next(((a, r) for rb, re_, a, r in self.references if rb <= b and e <= re_), None)

    def unnamed(self, token: Any) -> Actor | None:
        """The unnamed participant (:mod:`kg.extract.participants`) whose mention ends with
        ``token`` ("the gunman", "police officers", the relative "who" of "a man who ...")."""
        return self.unnamed_at.get(token.idx + len(token.text))

    def capacity(self, actor: Actor, span: Span | None) -> Holding | None:
        if span is None:
            return None
        for hb, he, h in self.holdings:
            if h.holder is actor and hb <= span.begin and span.end <= he:
                return h
        for h in self.analysis.holdings:  # a title-only reference: "the US Secretary of State"
            if h.holder is actor and span.text.endswith(h.title):
                return h
        return None


def _header(text: str) -> tuple[int, int] | None:
    """From a dateline's place to its dash: nothing in it acts ("(Dunya News) –")."""
    d = dateline(text)
    if not d:
        return None
    dash = min((i for i in (text.find("–", d[1]), text.find("—", d[1]), text.find(" - ", d[1])) if i >= 0),
               default=d[1])
    return d[0], dash + 1


def extract_events(doc: Any, analysis: Analysis) -> list[Event]:
    """The events of one parsed article (may add place actors to ``analysis``)."""
    actors = _Actors(analysis)
    ref = analysis.article.date
    ref_day = ref.date() if isinstance(ref, dt.datetime) else ref
    drafts = [d for t in doc if (d := _trigger(t, actors))]
    by_token = {i: d for d in drafts for i in d.token_ids}
    found = _found(doc, actors)
    for d in drafts:  # a CAMEO trigger takes the class the head gives its token
        hit = found.pop(d.triggers[0].i, None)
        d.event_class, d.negated_class = (hit[1], hit[2]) if hit else ("OCCURRENCE", False)
    others = [_plain(doc, *v) for v in sorted(found.values(), key=lambda v: v[0].start)]
    everything = {**by_token, **{i: d for d in others for i in d.token_ids}}
    named = roles.with_references(actors.at, analysis.actors)
    dates = _Dates(doc)
    for d in drafts + others:
        _participants(d, actors, by_token)
        d.roles = roles.admissible(d.roles, d.triggers, text=analysis.article.text)
        d.roles += [r for r in roles.sentence_participants(d.triggers[0], named)
                    if not any(r[0] is x for x, _, _ in d.roles)]
        d.factuality = "negated" if d.negated_class else _factuality(d.triggers[0])
        d.when = _time(d.triggers[0], by_token if d.cameo else everything, ref_day, dates)
        d.place = _place(d.triggers[0], actors, analysis)
    _dateline_place(doc, drafts, analysis, actors)
    merged = _corefer(_merge(drafts, by_token), others)
    return [_to_event(d, actors) for d in sorted(merged, key=lambda d: min(d.spans))]


# -- 1b. triggers the trained head finds, and verbs ---------------------------------------------
#: Verbs the head missed, classed by lemma (ECB+ classes); any other verb is an occurrence.
_VERB_CLASSES = {**dict.fromkeys(("say", "tell", "report", "announce", "state", "confirm", "claim", "add", "declare",
                                   "reveal", "disclose", "deny", "acknowledge", "explain", "note", "write"),
                                  "REPORTING"),
                 **dict.fromkeys(("see", "hear", "watch", "witness", "notice", "observe", "feel", "spot"), "PERCEPTION"),
                 **dict.fromkeys(("begin", "start", "continue", "stop", "finish", "end", "resume", "keep", "quit"),
                                 "ASPECTUAL"),
                 **dict.fromkeys(("cause", "lead", "force", "prompt", "trigger", "spark", "make", "let"), "CAUSATIVE")}


#: Verbs that are rarely events of their own when the head passed them by: light verbs, and
#: participles that describe ("suspected", "ranked", "related").
_NOT_EVENTS = frozenset({"be", "have", "get", "become", "seem", "suspect", "relate", "rank", "accord", "include",
                         "follow", "base"})


def _found(doc: Any, actors: _Actors) -> dict[int, tuple[Any, str, bool]]:
    """Trigger spans by their root token: the trained head's (``doc.spans["newskg_events"]``,
    label -> class and negation; not the things it mistakes for events, :func:`_not_an_event`),
    each as ECB+ marks a trigger (:func:`trigger_span`), then every other verb (but light verbs,
    prepositions such as "according" and words of actor names) and nominal events ("suicide",
    "outage") the head passed by."""
    out: dict[int, tuple[Any, str, bool]] = {}
    taken: set[int] = set()
    for span in doc.spans.get(EVENTS, ()):
        cls, negated = split_label(span.label_)
        taken.update(range(span.start, span.end))
        if _not_an_event(span, actors):
            continue
        span = trigger_span(span)
        out[span.root.i] = (span, cls, negated)
    for t in doc:
        if t.pos_ == "VERB" and t.i not in taken and t.dep_ != "prep" and len(t.text) > 1 and t.text.isalpha() \
                and t.lemma_.lower() not in _NOT_EVENTS and actors.at(t) is None:
            out[t.i] = (trigger_span(doc[t.i:t.i + 1]), _VERB_CLASSES.get(t.lemma_.lower(), "OCCURRENCE"), False)
        elif t.pos_ == "NOUN" and t.i not in taken and t.dep_ != "compound" and t.lemma_.lower() in _NOMINAL_EVENTS \
                and actors.at(t) is None:
            out[t.i] = (doc[t.i:t.i + 1], "OCCURRENCE", False)
    return out


#: Nouns whose first sense is an act or event, and nouns that never name one (WordNet 3.0, corrected
#: by ECB+'s training topics: :mod:`kg.wordlists.build_event_nouns`).
_NOMINAL_EVENTS = words("nominal-events")
_NON_EVENT_NOUNS = words("non-event-nouns")


def _not_an_event(span: Any, actors: _Actors) -> bool:
    """A span of the head that names a thing, not an event: one noun that is never an event
    ("the maid", "his body", "the hotel"), an actor's name ("the Chiefs"), or a pronoun (ECB+'s
    topics 1-25: "it" is an action 8 times in 38, "that" 3 in 54; on topics 26-30 the head's
    pronouns were right once in 16)."""
    root = span.root
    if root.pos_ == "NOUN" and len(span) == 1 and root.lemma_.lower() in _NON_EVENT_NOUNS:
        return True
    return root.pos_ == "PRON" or (root.pos_ == "PROPN" and actors.at(root) is not None)


#: Objects that make one trigger with their verb ("opened fire", "took place", "paid tribute"):
#: bare nouns ECB+ annotates with the verb (topics 1-25: a verb's object is in its trigger 8% of
#: the time, nearly always one of these).
_IDIOM_OBJECTS = frozenset({"fire", "place", "office", "hold", "end", "way", "tribute", "aim", "lead", "stage",
                            "shadow", "hostage", "part", "time", "help"})
#: Words before a verb that are not part of its trigger (unless written as one word with it).
_LEFT_OF_VERB = frozenset({"aux", "auxpass", "neg", "nsubj", "nsubjpass", "det", "advmod", "mark", "punct", "cc"})


def trigger_span(span: Any) -> Any:
    """The trigger a span stands for, as ECB+ marks it: a verb with its particles and an idiom's
    or a CAMEO support pattern's object ("gunned down", "took place", "laid siege"), without auxiliaries, objects, determiners or trailing
    punctuation ("release patch" -> "release", "has said" -> "said"), a preposition only where the
    span ends with it ("get into", not "led to Nixon"); a noun without what
    follows it ("record , and" -> "record").

    >>> from kg.extract.nlp import load_model
    >>> doc = load_model()("Gunmen opened fire, gunned down two men and will provide the cause.")
    >>> [trigger_span(doc[i:j]).text for i, j in ((1, 2), (4, 5), (10, 13), (9, 11))]
    ['opened fire', 'gunned down', 'provide', 'provide']
    """
    root, doc = span.root, span.doc
    if root.pos_ in ("VERB", "AUX"):
        start, end = root.i, root.i + 1
        while start > span.start and (doc[start - 1].dep_ not in _LEFT_OF_VERB or not doc[start - 1].whitespace_):
            start -= 1  # "re-establish", not "has said"
        while end < span.end and not doc[end - 1].whitespace_:
            end += 1  # one word in several tokens
        while end < len(doc) and (t := doc[end]).head.i == root.i and (
                t.dep_ == "prt" or (t.dep_ == "prep" and end == span.end - 1) or
                (t.dep_ == "dobj" and not any(c.i < t.i for c in t.children) and (
                    t.lemma_.lower() in _IDIOM_OBJECTS or lex.support_pattern(root.lemma_.lower(), t.lemma_.lower())))):
            end += 1
        return doc[start:end]
    end = root.i + 1
    while end < span.end and (not doc[end - 1].whitespace_ or
                              not (doc[end].is_punct or doc[end].pos_ in ("CCONJ", "ADV", "DET", "ADP"))):
        end += 1
    return doc[span.start:end]


def _plain(doc: Any, span: Any, cls: str, negated: bool) -> _Draft:
    """A draft of a trigger that is no CAMEO interaction: its class and lemma, no CAMEO type."""
    root = span.root
    text = doc_text(doc)
    return _Draft("", [root], [Span(span.start_char, span.end_char, text[span.start_char:span.end_char])],
                  event_class=cls, negated_class=negated, lemmas={_lemma(root)}, token_ids={root.i})


def _lemma(t: Any) -> str:
    return t.lemma_.lower()


def _corefer(events: list[_Draft], others: list[_Draft]) -> list[_Draft]:
    """Join each head-found trigger to an earlier event of the article with the same lemma and
    nothing that sets them apart (other patients or recipients, another date, another
    factuality, other agents); else it is an event of its own."""
    out = list(events)
    for d in others:
        target = None
        begin = min(d.spans).begin
        earlier = [(b, x) for x in out if d.lemmas & x.lemmas and (b := min(x.spans).begin) < begin]
        for _, x in sorted(earlier, key=lambda bx: -bx[0]):  # the nearest first (stable on ties)
            if x.factuality != d.factuality or _conflict(x, d) or _agents_differ(x, d):
                continue
            target = x
            break
        if target is not None:
            _absorb(target, d)
            target.event_class = target.event_class or d.event_class
        else:
            out.append(d)
    return out


def _agents_differ(a: _Draft, b: _Draft) -> bool:
    xa = {id(x) for x, r, _ in a.roles if r == "agent"}
    xb = {id(x) for x, r, _ in b.roles if r == "agent"}
    return bool(xa and xb and not xa & xb)


# -- 1. triggers -------------------------------------------------------------------------------
def _trigger(t: Any, actors: _Actors) -> _Draft | None:
    lemma = t.lemma_.lower()

    def kind(tok: Any) -> str | None:
        return hit[0].kind if (hit := actors.at(tok)) else None

    if t.pos_ == "VERB":
        entry = lex.verb_entry(lemma)
        if entry and entry.needs and not any(c.dep_ == "prep" and c.lower_ in entry.needs for c in t.children):
            return None
        if entry and (code := senses.sense(t, entry.cameo, kind=kind)):
            return _draft(code, t, t, lemma)
    if t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("NNP",) or (t.pos_ == "NOUN"):
        mods = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i]
        entry = lex.noun_entry(lemma, [c.lemma_ for c in mods])
        pattern = lex.support_pattern(t.head.lemma_, lemma) if t.dep_ in ("dobj", "pobj") else None
        if entry is None and pattern is None:
            return None
        first = t
        refined = [c for c in mods if (lemma, c.lemma_.lower()) in lex.NOUN_MODIFIERS]
        if refined:
            first = min(refined, key=lambda c: c.i)
        if not (code := senses.sense(t, pattern or entry.cameo, kind=kind)):
            return None
        d = _draft(code, first, t, lemma)
        d.definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                         for c in t.children)
        return d
    return None


def _draft(cameo: str, first: Any, last: Any, lemma: str) -> _Draft:
    text = doc_text(first.doc)
    span = Span(first.idx, last.idx + len(last.text), text[first.idx:last.idx + len(last.text)])
    return _Draft(cameo, [last], [span], lemmas={lemma}, token_ids={last.i})


# -- 2. participants ---------------------------------------------------------------------------
def _filler(t: Any, actors: _Actors, *, depth: int = 0) -> tuple[Actor, Span] | None:
    """The actor a noun phrase headed by ``t`` stands for."""
    hit = actors.at(t)
    if hit or depth > 2:
        return hit
    for c in t.children:
        if c.dep_ == "appos":
            if (hit := _filler(c, actors, depth=depth + 1)):
                return hit
    lemma = t.lemma_.lower()
    if lemma in GROUP_NOUNS:  # "the Kataeb Hezbollah paramilitary group"
        for c in t.children:
            if c.dep_ in ("compound", "nmod") and (hit := actors.at(c)) and hit[0].kind == "Organization":
                return hit
    if lemma in _OWNED:
        order = {"compound": 0, "nmod": 1, "amod": 2, "poss": 3}
        for c in sorted(t.children, key=lambda c: order.get(c.dep_, 9)):
            if c.dep_ in order and (hit := actors.at(c)) and hit[0].kind not in ("Person", "Place"):
                return hit
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for p in c.children:
                    if p.dep_ == "pobj" and (hit := _filler(p, actors, depth=depth + 1)):
                        return hit
    return None


def _pronoun(t: Any, actors: _Actors) -> tuple[Actor, Span] | None:
    """"it"/"he" as subject of a reported clause: the subject of the reporting verb."""
    kind = _PRONOUNS.get(t.lower_)
    verb = t.head
    if not kind or verb.dep_ != "ccomp":
        return None
    for c in verb.head.children:
        if c.dep_ == "nsubj" and (hit := _filler(c, actors)):
            if (hit[0].kind == "Person") == (kind == "Person"):
                return hit
    return None


def _referent(t: Any, actors: _Actors) -> tuple[Actor, Span] | None:
    """The actor a pronoun or description refers to: the one coreference resolved it to ("he",
    "it", "the company": ``Actor.references``), or for a relative pronoun the noun its clause
    modifies ("Microsoft, which released a patch")."""
    if t.lower_ in _RELATIVES and t.head.dep_ == "relcl" and t.head.head.i != t.i:
        return _filler(t.head.head, actors) or actors.referred(t.head.head)
    return actors.referred(t)


_RELATIVES = frozenset({"which", "that", "who"})


def _add(d: _Draft, t: Any, role: str, actors: _Actors) -> None:
    for c in roles.conjuncts(t):
        hit = _filler(c, actors) or (_pronoun(c, actors) if c.pos_ == "PRON" else None) or _referent(c, actors)
        if hit and hit[0].kind == "Place":
            continue  # a place is where, not who
        if hit:
            d.roles.append((hit[0], role, hit[1]))
        elif role != "agent" and c.pos_ == "NOUN":
            d.heads.add(c.lemma_.lower())
            d.anaphoric = d.anaphoric or any(x.dep_ == "det" and x.lower_ == "the" for x in c.children)
        if not hit and (unnamed := actors.unnamed(c)) is not None:
            d.unnamed.append((unnamed, role))  # "the gunman" as agent: not a role coreference reads


def _participants(d: _Draft, actors: _Actors, by_token: dict[int, _Draft]) -> None:
    t = d.triggers[0]
    entry = lex.verb_entry(t.lemma_) if t.pos_ == "VERB" else lex.noun_entry(t.lemma_)
    obj_role = entry.object_role if entry else "patient"
    if t.pos_ == "VERB":
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        for c in t.children:
            if c.dep_ == "nsubj":
                _add(d, c, "agent", actors)
            elif c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not passive):
                _add(d, c, obj_role, actors)
            elif c.dep_ == "prep" and c.lower_ in ("from", "of") and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in _MEMBERS and not _filler(o, actors) for o in t.children):
                for p in c.children:
                    if p.dep_ == "pobj":
                        _add(d, p, obj_role, actors)
            elif c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        _add(d, p, "agent", actors)
            elif c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("with", "to") and obj_role == "recipient"):
                for p in [c] if c.dep_ == "dative" else [p for p in c.children if p.dep_ == "pobj"]:
                    _add(d, p, "recipient", actors)
        if not subj:
            head = t.head
            if t.dep_ in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
                for c in head.children:
                    if c.dep_ == "nsubj":
                        _add(d, c, "agent", actors)
            elif t.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and head.i not in by_token:
                for c in head.children:
                    if c.dep_ in ("compound", "poss", "amod") and (hit := actors.at(c)):
                        d.roles.append((hit[0], "agent", hit[1]))
            if t.dep_ == "conj" and head.pos_ == "VERB":
                for c in head.children:
                    if c.dep_ == "nsubj":
                        _add(d, c, "agent", actors)
        return
    for c in t.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < t.i:
            for m in (c, *[g for g in c.children if g.dep_ in ("compound", "poss", "amod")]):
                if (hit := actors.at(m)) and hit[0].kind != "Place":
                    d.roles.append((hit[0], "agent", hit[1]))
                    break
        elif c.dep_ == "prep":
            role = {"of": obj_role, "on": "patient", "against": "patient", "to": obj_role, "with": "recipient",
                    "from": "agent", "by": "agent"}.get(c.lower_)
            if role:
                for p in c.children:
                    if p.dep_ == "pobj":
                        _add(d, p, role, actors)
        elif c.dep_ == "acl" and c.lemma_ == "pose":  # "threats posed by X"
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        _add(d, p, "agent", actors)
    head = t.head
    if t.dep_ in ("dobj", "pobj") and head.pos_ == "VERB" or (t.dep_ == "pobj" and head.head.pos_ == "VERB"):
        verb = head if head.pos_ == "VERB" else head.head
        lemma = verb.lemma_.lower()
        if lex.support_pattern(lemma, t.lemma_) or lemma in lex.SUPPORT_VERBS or lemma in lex.RECEIVING_VERBS:
            role = "recipient" if lemma in lex.RECEIVING_VERBS and t.dep_ == "dobj" else "agent"
            for c in verb.children:
                if c.dep_ == "nsubj":
                    _add(d, c, role, actors)
            if t.dep_ == "pobj" and head.lower_ == "to" and lex.support_pattern(lemma, "siege") is None:
                pass
            for c in verb.children:  # "laid siege to the embassy"
                if c.dep_ == "prep" and c.lower_ in ("to", "on", "against") and c is not head:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            _add(d, p, "patient", actors)
    if any(a.lemma_.lower() in lex.PROTESTERS for a in _agents_heads(t)):
        if d.cameo[:2] in ("18", "19", "17"):
            d.cameo = lex.PROTEST_CODE


def _agents_heads(t: Any) -> list[Any]:
    verb = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


# -- 5. factuality -----------------------------------------------------------------------------
#: Auxiliaries of the future tense ("will meet", "'ll sign").
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
#: Governors that plan or schedule the event they introduce ("plans to sign", "is due to meet",
#: "is going to strike"); before the hypothetical governors, some of which they are.
_FUTURE_GOVERNORS = frozenset({"plan", "schedule", "due", "set", "intend", "prepare", "expect", "go"})
#: Governors and modifiers of an event that was tried without success.
_FAILED_GOVERNORS = frozenset({"fail"})
_FAILED_MODIFIERS = frozenset({"failed", "attempted", "foiled", "botched", "thwarted", "aborted", "abortive"})
_FUTURE_MODIFIERS = frozenset({"planned", "scheduled", "upcoming", "forthcoming", "impending"})
_HYPOTHETICAL_MODIFIERS = frozenset({"proposed", "possible", "potential", "threatened", "alleged", "rumoured", "rumored"})


def _factuality(t: Any) -> str:
    """How the article presents the event of trigger ``t``: "negated" (a negation on it or
    its verb, "no", or a denying governor: "did not attack", "denied attacking"), "failed"
    ("failed to agree", "an attempted coup"), "future" (future tense or a planning governor:
    "will meet", "plans to sign", "is due to meet", "a planned strike"), "hypothetical" (a modal,
    "if", a governor such as "threatened to", "a possible attack"), else "asserted"."""
    verb = t
    while verb.pos_ != "VERB" and verb.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass") and verb.head.i != verb.i:
        verb = verb.head
    if any(c.dep_ == "neg" for c in (*t.children, *verb.children)) or \
            any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
        return "negated"
    mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound")}
    if mods & _FAILED_MODIFIERS:
        return "failed"
    if mods & _FUTURE_MODIFIERS:
        return "future"
    if mods & _HYPOTHETICAL_MODIFIERS:
        return "hypothetical"
    if verb.pos_ in ("VERB", "AUX"):
        gov = verb.head
        gov_lemma = gov.lemma_.lower()
        governed = verb.dep_ in ("xcomp", "ccomp") and gov.i != verb.i
        if governed and gov_lemma in _FAILED_GOVERNORS:
            return "negated" if any(c.dep_ == "neg" for c in gov.children) else "failed"
        if governed and any(c.dep_ == "neg" for c in gov.children):
            return "negated"  # "did not plan to attack"
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if aux & _FUTURE_AUX:
            return "future"
        if governed and gov_lemma in _FUTURE_GOVERNORS and (gov_lemma != "go" or gov.tag_ == "VBG"):
            return "future"
        if aux & lex.MODALS or any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
            return "hypothetical"
        if governed and gov_lemma in lex.NEGATING_GOVERNORS:
            return "negated"
        if governed and gov_lemma in lex.HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
    return "asserted"


# -- 4. time and place -------------------------------------------------------------------------
def _path(t: Any) -> list[int]:
    out = [t.i]
    while t.head.i != t.i:
        t = t.head
        out.append(t.i)
    return out


def _distance(a: Any, b: Any) -> int:
    """Arcs between two tokens in the parse (99: none)."""
    return _arcs(_path(a), _path(b))


def _arcs(pa: list[int], pb: list[int]) -> int:
    common = set(pa) & set(pb)
    if not common:
        return 99
    return min(pa.index(c) + pb.index(c) for c in common)


class _Dates:
    """Each sentence's date expressions of one doc, found once (not once per trigger): the
    sentence bounds of every token, and per sentence the roots of its dates with their text."""

    def __init__(self, doc: Any) -> None:
        self.bounds: list[tuple[int, int]] = [(0, 0)] * len(doc)
        self.roots: dict[int, list[tuple[Any, str]]] = {}
        ents = [e for e in doc.ents if e.label_ == "DATE"]
        for sent in doc.sents:
            start, end = sent.start, sent.end
            self.bounds[start:end] = [(start, end)] * (end - start)
            inside = [e for e in ents if start <= e.start and e.end <= end]
            roots = [(e.root, e.text) for e in inside]
            roots += [(t, t.text) for t in doc[start:end] if t.lower_ in DATE_WORDS and not t.ent_type_]
            if roots:
                self.roots[start] = roots
        self._paths: dict[int, list[int]] = {}

    def distance(self, a: Any, b: Any) -> int:
        """:func:`_distance`, with each token's path to the root walked once."""
        return _arcs(self._path(a), self._path(b))

    def _path(self, t: Any) -> list[int]:
        if (p := self._paths.get(t.i)) is None:
            p = self._paths[t.i] = _path(t)
        return p


def _time(t: Any, by_token: dict[int, _Draft], ref: dt.date | None, dates: _Dates) -> When:
    """The date of the event whose trigger is ``t``: the sentence's date expression nearest it
    in the parse, unless another trigger of the sentence is nearer that date (at most 6 arcs)."""
    start, end = dates.bounds[t.i]
    roots = dates.roots.get(start)
    if not roots:
        return When()
    best: tuple[int, When] | None = None
    triggers = [x for i, x in by_token.items() if start <= i < end]
    verb_tense = tense(t)
    for root, phrase in roots:
        nearest = min((dates.distance(root, tt.triggers[0]) for tt in triggers), default=99)
        dist = dates.distance(root, t)
        if dist > nearest or dist > 6:
            continue
        when = resolve_date(phrase, ref, tense=verb_tense)
        if when and (best is None or dist < best[0]):
            best = (dist, when)
    return best[1] if best else When()


def _place(t: Any, actors: _Actors, analysis: Analysis) -> Actor | None:
    scope = t
    if t.pos_ != "VERB" and t.dep_ == "dobj" and lex.support_pattern(t.head.lemma_, t.lemma_):
        scope = t.head
    candidates = []
    for tok in scope.subtree:
        if tok.dep_ == "prep" and (tok.lower_ in _PLACE_PREPS or tok.lower_ == "on"):
            for p in tok.children:
                if p.dep_ != "pobj":
                    continue
                if p.lemma_.lower() in _FACILITIES:
                    candidates.append((_distance(tok, t), _facility(p, actors, analysis)))
                elif tok.lower_ != "on" and (hit := actors.at(p)) and hit[0].kind in ("GeopoliticalEntity", "Place"):
                    candidates.append((_distance(tok, t), hit[0]))
    candidates = [c for c in candidates if c[1] is not None]
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _facility(p: Any, actors: _Actors, analysis: Analysis) -> Actor | None:
    """"Baghdad's international airport" -> a place actor, "the US embassy in Baghdad" -> Baghdad."""
    owner = None
    for c in p.children:
        if c.dep_ in ("poss", "compound") and (hit := actors.at(c)) and hit[0].kind in ("GeopoliticalEntity", "Place"):
            owner = (c, hit)
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "near"):
            for q in c.children:
                if (hit := actors.at(q)) and hit[0].kind in ("GeopoliticalEntity", "Place"):
                    return hit[0]
    if owner is None or owner[1][0].country_code:
        return None
    text = analysis.article.text
    begin, end = owner[1][1].begin, p.idx + len(p.text)
    words = [w.text for w in p.doc[owner[0].i + 1:p.i + 1] if w.dep_ not in ("case",) and not w.is_space
             and w.text not in ("'s", "’s", "s")]
    name = " ".join([owner[1][0].name, *words])
    span = Span(begin, end, text[begin:end])
    for a in analysis.actors:
        if a.name == name:
            if span not in a.mentions:
                a.mentions.append(span)
            return a
    place = Actor(name, "Place", [span])
    analysis.actors.append(place)
    actors.spans.append((begin, end, place))
    return place


def _dateline_place(doc: Any, drafts: list[_Draft], analysis: Analysis, actors: _Actors) -> None:
    """The dateline's city is the place of the lead sentence's main event, when none is stated."""
    d = dateline(analysis.article.text)
    if not d or not drafts:
        return
    text = analysis.article.text
    lead = [x for x in drafts if x.triggers[0].idx > d[1]]
    if not lead:
        return
    first_sent = lead[0].triggers[0].sent
    main = [x for x in lead if x.triggers[0].sent == first_sent and x.triggers[0].dep_ == "ROOT"]
    if not main or main[0].place:
        return
    name = text[d[0]:d[1]].title()
    span = Span(d[0], d[1], text[d[0]:d[1]])
    city = next((a for a in analysis.actors if a.name == name), None)
    if city is None:
        city = Actor(name, "GeopoliticalEntity", [span])
        analysis.actors.append(city)
    elif span not in city.mentions:
        city.mentions.append(span)
    main[0].place = city


# -- 3. one event per happening ----------------------------------------------------------------
def _bound(d: _Draft, by_token: dict[int, _Draft]) -> _Draft | None:
    """The event a trigger is bound to in the parse ("strikes that killed", "killed in a strike")."""
    t = d.triggers[0]
    if t.pos_ == "VERB":
        if t.dep_ == "relcl" and t.head.i in by_token:
            return by_token[t.head.i]
        for c in t.children:
            if c.dep_ == "nsubj" and c.i in by_token:
                return by_token[c.i]
            if c.dep_ == "nsubj" and c.tag_ == "WDT":  # "an attack last week that killed"
                before = [x for i, x in sorted(by_token.items()) if t.sent.start <= i < c.i
                          and x.triggers[0].pos_ != "VERB"]
                if before:
                    return before[-1]
    else:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "by") and t.head.head.i in by_token:
            return by_token[t.head.head.i]
    return None


def _root(code: str) -> str:
    return code[:2]


def _conflict(a: _Draft, b: _Draft) -> bool:
    for role in ("patient", "recipient"):
        xa = {id(x) for x, r, _ in a.roles if r == role}
        xb = {id(x) for x, r, _ in b.roles if r == role}
        if xa and xb and not xa & xb:
            return True
    if a.heads and b.heads and not a.heads & b.heads:
        return True
    if a.when.date and b.when.date and a.when.date != b.when.date:
        return True
    if a.factuality != b.factuality:
        return True
    return False


def _absorb(keep: _Draft, other: _Draft) -> None:
    keep.triggers += other.triggers
    keep.spans += other.spans
    keep.roles += other.roles
    keep.unnamed += other.unnamed
    keep.heads |= other.heads
    keep.lemmas |= other.lemmas
    keep.token_ids |= other.token_ids
    if len(other.cameo) > len(keep.cameo) or (keep.cameo[:2] == "18" and other.cameo[:2] == "19"):
        keep.cameo = other.cameo
    if other.when.date or (other.when and not keep.when):
        if not keep.when.date or not keep.when:
            keep.when = other.when
    keep.place = keep.place or other.place


def _merge(drafts: list[_Draft], by_token: dict[int, _Draft]) -> list[_Draft]:
    """Bound triggers first (one clause, one event), then coreference across clauses."""
    alias: dict[int, _Draft] = {}

    def find(x: _Draft) -> _Draft:
        while id(x) in alias:
            x = alias[id(x)]
        return x

    for d in drafts:
        if (b := _bound(d, by_token)) is not None and find(b) is not find(d):
            target = find(b)
            _absorb(target, find(d))
            alias[id(find(d))] = target
    out: list[_Draft] = []
    for d in [x for x in drafts if id(x) not in alias]:
        target = None
        if d.definite and not any(r == "agent" for _, r, _ in d.roles):
            target = next((x for x in reversed(out) if (d.lemmas & x.lemmas or _root(x.cameo) == _root(d.cameo))
                           and x.factuality == d.factuality), None)
        else:
            agents = {id(x) for x, r, _ in d.roles if r == "agent"}
            patients = {id(a) for a, r, _ in d.roles if r == "patient"}
            heads_only = d.heads and not d.roles
            for x in reversed(out):
                if x.factuality != d.factuality or _conflict(x, d):
                    continue
                x_agents = {id(a) for a, r, _ in x.roles if r == "agent"}
                x_patients = {id(a) for a, r, _ in x.roles if r == "patient"}
                same_root = _root(x.cameo) == _root(d.cameo) or {_root(x.cameo), _root(d.cameo)} <= {"18", "19"}
                if same_root and ((agents and agents & x_agents) or (patients & x_patients) or
                                  (heads_only and d.heads & x.heads and d.anaphoric)):
                    target = x
                    break
        if target is not None:
            _absorb(target, d)
        else:
            out.append(d)
    return out


def _to_event(d: _Draft, actors: _Actors) -> Event:
    seen: dict[tuple[int, str], Participation] = {}
    acting = {id(actor) for actor, role, _ in d.roles if role != "participant"}
    for actor, role, span in d.roles:
        if role == "participant" and id(actor) in acting:
            continue
        key = (id(actor), role)
        if key not in seen:
            seen[key] = Participation(actor, role, actors.capacity(actor, span))
        elif seen[key].capacity is None:
            seen[key].capacity = actors.capacity(actor, span)
    spans = sorted(set(d.spans))
    unnamed = {(id(actor), role): Participation(actor, role) for actor, role in d.unnamed}
    return Event(d.cameo, spans, list(seen.values()), date=d.when.date, earliest=d.when.earliest,
                 latest=d.when.latest, place=d.place, factuality=d.factuality, event_class=d.event_class,
                 lemma=_lemma(d.triggers[0]), unnamed=list(unnamed.values()))
