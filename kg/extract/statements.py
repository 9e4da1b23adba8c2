"""Statements: who said what, to whom, through which channel, from the parse of one article.

Found in three ways, each grounded in source, cue and content spans:

* **cue verbs** of :mod:`kg.extract.speech_lexicon` (say, tell, tweet, confirm, reiterate, ...):
  the content is the reported clause (``ccomp``, "that ...", "went on to say that ...", an
  ``xcomp`` after tell/urge/ask), or the object for cues like "reiterated the need for ...";
  a quotation next to the cue ("...," he said, "...") makes the statement direct, with the
  pieces of a split quote joined into one content span;
* **"according to X"**: X is the source, the clause it modifies the content;
* **cue-less quotes** that follow a direct statement in the same paragraph (or open the next
  one) extend that statement: the text makes clear the same speaker goes on.

Mode: ``direct`` when the content is a quotation, ``mixed`` when a reported clause contains
a quoted fragment, else ``indirect``.

Speakers (``Statement.speaker``, an actor of the analysis, or ``None``):

1. an actor whose mention holds the head of the source ("Mike Pompeo", "COAS Bajwa");
   an organisation's voice ("DG ISPR", "a Pentagon spokesman") speaks for the organisation;
2. a title ("the US Secretary of State"): the holder of that post in ``analysis.holdings``,
   else the person the text names right after the same title ("US Secretary of State Mike
   Pompeo");
3. a pronoun, by one documented rule: "he"/"she" is the speaker of the closest earlier
   statement in the same or the previous paragraph when that speaker is a person (the actor
   the article is following); failing that, the one person named in the paragraph before the
   pronoun, when exactly one is; "it"/"they" likewise for organisations and states; "I"/"we"
   inside a quotation is the speaker of the quotation. Anything else stays unresolved: the
   statement keeps its source mention and has no speaker, never a guess.

>>> from kg.model import Article
>>> from kg.extract import analyse_doc
>>> from kg.extract.nlp import load_model
>>> text = 'Heiko Maas said that Germany would help. "We stand ready," he added.'
>>> art = Article(id="s", text=text)
>>> a = analyse_doc(art, load_model()(text), model="m")
>>> [(s.cue.text, s.mode, s.speaker.name, s.content.text) for s in extract_statements(load_model()(text), a)]
[('said', 'indirect', 'Heiko Maas', 'that Germany would help'), ('added', 'direct', 'Heiko Maas', '"We stand ready,"')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.extract.lexicon import is_honorific, is_title_word
from kg.extract.speech_lexicon import (ADDRESSEE_CUES, CONTENT_OBJECT_CUES, CONTINUATION_CUES,
                                       TALK_WITH, XCOMP_CUES, cue_channel, is_stray_subject_word,
                                       is_verb_cue, sentence_channel)
from kg.model import Actor, Analysis, Event, Span, Statement
from kg.wordlists import words

_OPENING = "“\""
_CLOSING = "”\""
_HE_SHE = frozenset("he she him her".split())
_IT_THEY = frozenset("it they them".split())
_FIRST = frozenset("i we me us".split())
_VOICES = words("voices")
#: Dependencies through which a cue verb without a subject takes its head's subject.
_INHERIT = frozenset("conj advcl xcomp".split())
#: Event types (CAMEO code prefixes) of communication, which can produce a statement.
_SPEECH_EVENTS = ("01", "02", "03", "04", "05")
_STRIP = " \t\n\r\xa0,;:—–-"


@dataclass
class _Found:
    statement: Statement
    head: Any  # the source head token, or None
    paragraph: int


def find_quotes(text: str) -> list[Span]:
    """Quotations, marks included: curly or straight, running over paragraph ends when the
    next paragraph reopens the quote (the convention of news writing).

    >>> [q.text for q in find_quotes('He said "yes." Then: “no,\\n\\n“never.”')]
    ['"yes."', '“no,\\n\\n“never.”']
    """
    quotes: list[Span] = []
    start: int | None = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" and start is not None and text[i:i + 2] == "\n\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in _OPENING:
                i = j + 1  # the quote goes on in the next paragraph
                continue
            start = None  # unclosed at the paragraph end: not a quotation
        elif start is None and c in _OPENING and (c == "“" or _opens(text, i)):
            start = i
        elif start is not None and c in _CLOSING and (c == "”" or text[start] == '"'):
            quotes.append(Span(start, i + 1, text[start:i + 1]))
            start = None
        i += 1
    return quotes


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def extract_statements(doc: Any, analysis: Analysis) -> list[Statement]:
    """The statements of one parsed article (``doc`` indexes ``analysis.article.text``)."""
    text = analysis.article.text
    ctx = _Context(doc, text, analysis)
    found: dict[tuple[int, int], _Found] = {}
    for tok in doc:
        f = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            f = ctx.according_to(tok)
        elif tok.pos_ in ("VERB", "AUX") and is_verb_cue(tok.lemma_) and tok.dep_ not in ("amod", "compound"):
            f = ctx.verb_statement(tok)
        if f and (f.statement.cue.begin, f.statement.cue.end) not in found:
            found[(f.statement.cue.begin, f.statement.cue.end)] = f
    ordered = sorted(found.values(), key=lambda f: f.statement.cue.begin)
    ctx.attach_bare_quotes(ordered)
    for i, f in enumerate(ordered):
        ctx.resolve_speaker(f, ordered[:i])
    for f in ordered:
        ctx.resolve_first_person(f, ordered)
    for i, f in enumerate(ordered):
        ctx.add_context(f, ordered[:i])
    for f in ordered:
        f.statement.text = content_text(f.statement)
    return [f.statement for f in ordered]


def content_text(statement: Statement) -> str:
    """The content as said: a direct quote's pieces without their marks and interruptions.

    >>> content_text(Statement(cue=Span(11, 15, "said"), mode="direct",
    ...                        content=Span(0, 26, '"We will," he said, "win."')))
    'We will, win.'
    >>> content_text(Statement(cue=Span(0, 4, "said"), mode="direct", content=Span(5, 20, '“No,\\n\\n“never.”')))
    'No, never.'
    """
    value = statement.content.text
    if statement.mode != "direct":
        return value
    value = re.sub(r"\s*\n\s*[“\"]", " ", value)  # a quote reopened in the next paragraph
    pieces = re.findall(r"[“\"]([^”\"]*)(?:[”\"]|$)", value)
    return " ".join(p.strip() for p in pieces if p.strip()) if pieces else value.strip("\"“” ")


class _Context:
    """One article's parse, quotes, paragraphs and actor index, with the extraction steps."""

    def __init__(self, doc: Any, text: str, analysis: Analysis) -> None:
        self.doc, self.text, self.analysis = doc, text, analysis
        self.quotes = find_quotes(text)
        self.breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
        self.mentions = sorted(((m.begin, m.end, a) for a in analysis.actors for m in a.mentions),
                               key=lambda x: (x[0], x[1]))
        self.holdings = analysis.holdings

    # -- positions -----------------------------------------------------------------------
    def paragraph(self, pos: int) -> int:
        return sum(1 for b in self.breaks if b < pos)

    def span(self, begin: int, end: int) -> Span | None:
        while begin < end and self.text[begin] in _STRIP:
            begin += 1
        while end > begin and self.text[end - 1] in _STRIP + ".":
            end -= 1
        return Span(begin, end, self.text[begin:end]) if begin < end else None

    def paragraph_part(self, begin: int, end: int, paragraph: int) -> str:
        """The text of ``begin:end`` that lies in one paragraph."""
        start = self.breaks[paragraph - 1] if paragraph > 0 else 0
        stop = self.breaks[paragraph] if paragraph < len(self.breaks) else len(self.text)
        return self.text[max(begin, start):min(end, stop)]

    def quote_at(self, pos: int) -> Span | None:
        return next((q for q in self.quotes if q.begin <= pos < q.end), None)

    def actor_at(self, begin: int, end: int) -> Actor | None:
        return next((a for b, e, a in self.mentions if b <= begin and end <= e), None)

    # -- cue verbs ----------------------------------------------------------------------
    def verb_statement(self, tok: Any) -> _Found | None:
        end = tok.idx + len(tok.text)
        if self.text[end:end + 1] == ":":
            end += 1  # 'He said: "..."': the colon belongs to the cue
        cue = Span(tok.idx, end, self.text[tok.idx:end])
        subject_of = tok
        head = tok.head
        if (tok.dep_ in ("advcl", "xcomp") and head.lemma_ == "go"
                and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)):
            cue = Span(head.idx, cue.end, self.text[head.idx:cue.end])  # "went on to say"
            subject_of = head
        if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
            return None  # "is said to be": no one says it
        source_tok = self.subject(subject_of)
        if source_tok is not None and source_tok.right_edge.dep_ == "cc":
            return None  # "X and informed": a misparse, no reliable source
        content, mode = self.content(tok, source_tok)
        if content is None:
            return None
        source = self.source_span(source_tok) if source_tok is not None else None
        if source and content.begin <= source.begin and source.end <= content.end:
            return None
        paragraph = self.paragraph(cue.begin)
        if any(self.paragraph(x) != paragraph for x in (content.begin, content.end - 1)) and mode != "direct":
            return None  # a reported clause does not run over a paragraph end
        if source and self.paragraph(source.begin) != paragraph:
            source = source_tok = None
        st = Statement(cue=cue, content=content, mode=mode, source=source)
        return _Found(st, source_tok, self.paragraph(cue.begin))

    def subject(self, tok: Any) -> Any:
        seen = 0
        while seen < 4:
            for c in tok.children:
                if c.dep_ in ("nsubj", "agent"):
                    if c.dep_ == "agent":
                        return next((g for g in c.children if g.dep_ == "pobj"), None)
                    return c
            if tok.dep_ in _INHERIT and tok.head is not tok:
                tok, seen = tok.head, seen + 1
            else:
                return None
        return None

    def source_span(self, tok: Any) -> Span | None:
        tokens = sorted(tok.subtree, key=lambda t: t.i)
        keep = []
        for t in tokens:
            if t.i > tok.i and (t.text == "," or t.dep_ in ("relcl", "acl")):
                break
            keep.append(t)
        while len(keep) > 1 and (is_stray_subject_word(keep[-1].text) or keep[-1].is_punct and keep[-1].text != ")"):
            keep.pop()
        while len(keep) > 1 and keep[0].is_punct:
            keep.pop(0)
        b, e = keep[0].idx, keep[-1].idx + len(keep[-1].text)
        return Span(b, e, self.text[b:e])

    def content(self, tok: Any, source_tok: Any) -> tuple[Span | None, str]:
        lemma = tok.lemma_.lower()
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and self.paragraph(c.idx) == self.paragraph(tok.idx)]
        clause = min(clauses, key=lambda c: (c.i < tok.i, abs(c.i - tok.i)), default=None)
        if clause is None and lemma in XCOMP_CUES:
            clause = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if clause is None and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            clause = tok.head  # "The economy, he said, is strong" / '"...," he said'
        if clause is not None:
            span = self.subtree_span(clause, exclude=tok)
            if span is not None:
                q = self.quote_at(clause.idx)
                if q and (q.begin <= span.begin + 1 and span.end <= q.end):
                    return self.adjacent_quotes(tok, source_tok) or (q, "direct")
                if any(span.begin <= x.begin and x.end <= span.end for x in self.quotes):
                    return span, "mixed"
                if q is None:
                    return span, "indirect"
        quoted = self.adjacent_quotes(tok, source_tok)
        if quoted:
            return quoted
        if lemma in CONTENT_OBJECT_CUES | ADDRESSEE_CUES:
            for c in tok.children:
                if (c.dep_ == "dobj" and lemma in CONTENT_OBJECT_CUES) or \
                        (c.dep_ == "prep" and c.lower_ in ("on", "about")):
                    span = self.subtree_span(c, exclude=tok)
                    if span is not None and len(span.text.split()) > 1:
                        mode = "mixed" if any(span.begin <= x.begin and x.end <= span.end
                                              for x in self.quotes) else "indirect"
                        return span, mode
        return None, ""

    def subtree_span(self, tok: Any, *, exclude: Any) -> Span | None:
        tokens = [t for t in tok.subtree if t.i != exclude.i]
        if exclude in tok.subtree:  # the cue sits inside: cut the clause at it
            left = [t for t in tokens if t.i < exclude.left_edge.i]
            right = [t for t in tokens if t.i > exclude.right_edge.i]
            tokens = left if len(left) >= len(right) else right
        if not tokens:
            return None
        b, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        q = self.quote_at(e - 1)
        if q and q.end > e and not self.text[e:q.end].strip(" .,!?'’" + _CLOSING):
            e = q.end  # keep the closing mark with the quote it closes
        return self.span(b, e)

    def adjacent_quotes(self, tok: Any, source_tok: Any) -> tuple[Span, str] | None:
        """The quotation(s) right before and/or after the cue's clause ('"...," he said, "..."')."""
        if self.quote_at(tok.idx):
            return None
        sent = tok.sent
        clause = [tok] + (list(source_tok.subtree) if source_tok is not None else [])
        first = min(t.idx for t in clause)
        last = max(t.idx + len(t.text) for t in clause)
        before = [q for q in self.quotes if q.end <= first and q.end >= sent.start_char - 2
                  and not self.text[q.end:first].strip(_STRIP)]
        after = [q for q in self.quotes if q.begin >= last
                 and not self.text[last:q.begin].strip(_STRIP)]
        if after and not (before or ":" in self.text[last:after[0].begin] or after[0].begin < sent.end_char):
            after = []  # a quote in the next sentence belongs to this cue only after a colon
        if before and after:
            return Span(before[-1].begin, after[0].end, self.text[before[-1].begin:after[0].end]), "direct"
        q = before[-1] if before else after[0] if after else None
        return (q, "direct") if q else None

    # -- "according to X" ----------------------------------------------------------------
    def according_to(self, tok: Any) -> _Found | None:
        to = self.doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) or \
            next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        cue = Span(tok.idx, to.idx + len(to.text), self.text[tok.idx:to.idx + len(to.text)])
        source = self.source_span(obj)
        sent = tok.sent
        phrase = (min(tok.left_edge.i, tok.i), max(t.i for t in obj.subtree))
        if tok.i - sent.start <= 1:  # "According to X, ..."
            span = self.span(self.doc[phrase[1]].idx + len(self.doc[phrase[1]].text), sent.end_char)
        else:
            span = self.span(sent.start_char, tok.idx)
        if span is None:
            return None
        q = self.quote_at(span.begin)
        if q and q.begin == span.begin and q.end >= span.end:
            mode, span = "direct", q
        else:
            mode = "mixed" if any(span.begin <= x.begin and x.end <= span.end for x in self.quotes) else "indirect"
        return _Found(Statement(cue=cue, content=span, mode=mode, source=source), obj, self.paragraph(cue.begin))

    # -- quotes without a cue --------------------------------------------------------------
    def attach_bare_quotes(self, found: list[_Found]) -> None:
        """A quote with no cue of its own continues the direct statement just before it."""
        covered = [(f.statement.content.begin, f.statement.content.end) for f in found]
        for q in self.quotes:
            if any(b <= q.begin < e for b, e in covered):
                continue
            prev = [f for f in found if f.statement.content.end <= q.begin
                    and f.statement.cue.end <= q.begin]
            if not prev:
                continue
            f = max(prev, key=lambda f: max(f.statement.content.end, f.statement.cue.end))
            st = f.statement
            gap = self.text[max(st.content.end, st.cue.end):q.begin]
            same_paragraph = self.paragraph(q.begin) == f.paragraph
            next_paragraph = self.paragraph(q.begin) == f.paragraph + 1 and "\n" in gap
            if st.mode != "direct" or not (same_paragraph or next_paragraph):
                continue
            if len(re.findall(r"\w+", gap)) > 4 or any(b < q.begin and e > st.content.end for b, e in covered
                                                       if (b, e) != (st.content.begin, st.content.end)):
                continue
            st.content = Span(st.content.begin, q.end, self.text[st.content.begin:q.end])
            covered.append((q.begin, q.end))

    # -- speakers ----------------------------------------------------------------------------
    def resolve_speaker(self, f: _Found, earlier: list[_Found]) -> None:
        st, head = f.statement, f.head
        if st.source is None or head is None:
            return
        word = head.lower_
        if head.pos_ == "PRON" or word in _HE_SHE | _IT_THEY | _FIRST:
            if word in _FIRST:
                return  # resolved from the quotation it stands in, if any
            kinds = ("Person",) if word in _HE_SHE else ("Organization", "GeopoliticalEntity")
            st.speaker = self.pronoun(st.source.begin, f.paragraph, kinds, earlier)
            return
        src = st.source
        last = self.source_span(head)
        tail = self.doc.char_span(last.end - 1, last.end, alignment_mode="expand")
        for t in (head, tail[0] if tail is not None and len(tail) else head):
            actor = self.actor_at(t.idx, t.idx + len(t.text))
            if actor is not None:
                st.speaker = actor
                return
        inside = [a for b, e, a in self.mentions if src.begin <= b and e <= src.end]
        if word in _VOICES or head.lemma_.lower() in _VOICES:
            orgs = [a for a in inside if a.kind in ("Organization", "GeopoliticalEntity")]
            if orgs:
                st.speaker = orgs[-1]
                return
        if is_title_word(head.text) or head.lower_ == "state":
            st.speaker = self.title_holder(src, inside)

    def title_holder(self, src: Span, inside: list[Actor]) -> Actor | None:
        title = re.sub(r"^(?:the|a|an)\s+", "", src.text, flags=re.IGNORECASE)
        lowered = title.lower()
        holders = {id(h.holder): h.holder for h in self.holdings
                   if h.title and h.title.lower() in lowered
                   and (h.organisation is None or not inside or h.organisation in inside)}
        if len(holders) == 1:
            return next(iter(holders.values()))
        words = title.split()
        for start in range(len(words)):
            if not is_title_word(words[start]) and start < len(words) - 1:
                continue
            core = " ".join(words[start:])
            people = set()
            for m in re.finditer(re.escape(core), self.text, flags=re.IGNORECASE):
                for b, e, a in self.mentions:
                    gap = self.text[m.end():b]
                    if a.kind == "Person" and 0 < b - m.end() <= 40 and \
                            all(is_honorific(w) or is_title_word(w) for w in gap.split()) and gap[:1].isspace():
                        people.add(id(a))
                        found = a
                        break
            if len(people) == 1:
                return found
            if people:
                return None
        return None

    def pronoun(self, pos: int, paragraph: int, kinds: tuple[str, ...], earlier: list[_Found]) -> Actor | None:
        for f in reversed(earlier):
            if f.paragraph < paragraph - 1:
                break
            sp = f.statement.speaker
            if sp is not None and sp.kind in kinds:
                return sp
        start = self.breaks[paragraph - 1] if paragraph > 0 else 0
        if not self.text[start:pos].strip() and paragraph > 0:  # the pronoun opens its paragraph
            start = self.breaks[paragraph - 2] if paragraph > 1 else 0
        named = {id(a): a for b, e, a in self.mentions if start <= b and e <= pos and a.kind in kinds}
        return next(iter(named.values())) if len(named) == 1 else None

    def resolve_first_person(self, f: _Found, found: list[_Found]) -> None:
        st = f.statement
        if st.speaker is not None or f.head is None or f.head.lower_ not in _FIRST:
            return
        outer = [g for g in found if g is not f and g.statement.mode == "direct"
                 and g.statement.content.begin <= st.cue.begin < g.statement.content.end]
        if outer:
            st.speaker = outer[0].statement.speaker

    # -- channel, addressees, about, event ----------------------------------------------------
    def add_context(self, f: _Found, earlier: list[_Found]) -> None:
        st = f.statement
        cue_tok = self.doc.char_span(st.cue.end - 1, st.cue.end, alignment_mode="expand")
        tok = cue_tok[-1] if cue_tok is not None and len(cue_tok) else None
        lemma = tok.lemma_.lower() if tok is not None else ""
        sentence = self.paragraph_part(tok.sent.start_char, tok.sent.end_char, f.paragraph) if tok is not None else ""
        previous = next((g.statement for g in reversed(earlier)
                         if g.statement.speaker is not None and g.statement.speaker is st.speaker
                         and g.paragraph >= f.paragraph - 2), None)
        continuing = lemma in CONTINUATION_CUES or "went on" in st.cue.text or "goes on" in st.cue.text
        st.channel = cue_channel(lemma) if tok is not None else None
        if st.channel is None:
            st.channel = sentence_channel(sentence)
        if previous is not None and (continuing and st.channel is None or
                                     st.channel == "WrittenStatement" and previous.channel in ("Tweet", "SocialMediaPost")):
            st.channel = previous.channel
        if tok is not None:
            st.addressees = self.addressees(tok, st)
        named = {id(a): a for b, e, a in self.mentions
                 if st.content.begin <= b and e <= st.content.end and a is not st.speaker}
        st.about = list(named.values())
        st.about_events = [ev for ev in self.analysis.events  # its own cue is no event it is about
                           if any(st.content.begin <= m.begin and m.end <= st.content.end for m in ev.mentions)
                           and not any(m.begin < st.cue.end and st.cue.begin < m.end for m in ev.mentions)]
        st.event = self.producing_event(st, tok)
        if st.event is None and continuing and previous is not None:
            st.event = previous.event

    def addressees(self, tok: Any, st: Statement) -> list[Actor]:
        out: list[Actor] = []
        lemma = tok.lemma_.lower()
        if lemma in ADDRESSEE_CUES:
            for c in tok.children:
                if c.dep_ in ("dobj", "dative", "iobj") or (c.dep_ == "prep" and c.lower_ == "to"):
                    target = next((g for g in c.children if g.dep_ == "pobj"), c) if c.dep_ == "prep" else c
                    out += self.people_in(target, st)
        root = self.doc.char_span(st.content.begin, st.content.end, alignment_mode="expand")
        if root is not None and len(root) and st.mode != "direct":
            r = root.root
            subj = next((c for c in r.children if c.dep_ == "nsubj"), None)
            if r.lemma_.lower() in TALK_WITH and subj is not None and (
                    subj.lower_ in _HE_SHE | _IT_THEY | _FIRST or self.actor_at(subj.idx, subj.idx + len(subj.text)) is st.speaker):
                for c in r.children:
                    if c.dep_ == "prep" and c.lower_ == "with":
                        for g in c.children:
                            if g.dep_ == "pobj":
                                out += self.people_in(g, st)
        unique: dict[int, Actor] = {}
        for a in out:
            if a is not st.speaker:
                unique.setdefault(id(a), a)
        return list(unique.values())

    def people_in(self, tok: Any, st: Statement) -> list[Actor]:
        """The actors a noun phrase and its conjuncts name ("X, Y and Z"); a pronoun is the
        last person named before it in the sentence who is not the speaker."""
        out = []
        for t in [tok, *[c for c in tok.subtree if c.dep_ == "conj"]]:
            if t.pos_ == "PRON":
                sent = t.sent
                cands = [a for b, e, a in self.mentions if sent.start_char <= b and e <= t.idx
                         and a.kind == "Person" and a is not st.speaker]
                if cands and t.lower_ in _HE_SHE:
                    out.append(cands[-1])
                continue
            actor = self.actor_at(t.idx, t.idx + len(t.text))
            if actor is not None:
                out.append(actor)
        return out

    def producing_event(self, st: Statement, tok: Any) -> Event | None:
        if tok is None or not self.analysis.events:
            return None
        sent = tok.sent
        for ev in self.analysis.events:
            if not ev.cameo.startswith(_SPEECH_EVENTS):
                continue
            if ev.participants and st.speaker is not None and \
                    all(p.actor is not st.speaker for p in ev.participants):
                continue
            if any(sent.start_char <= m.begin and m.end <= sent.end_char and
                   not (m.begin < st.cue.end and st.cue.begin < m.end) for m in ev.mentions):
                return ev
        if st.channel == "PhoneCall" and st.speaker is not None:
            return next((ev for ev in self.analysis.events if ev.cameo.startswith("041")
                         and any(p.actor is st.speaker for p in ev.participants)), None)
        return None
