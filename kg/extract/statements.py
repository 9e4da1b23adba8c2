"""Statements: who said what, to whom, through which channel, from the parse of one article.

Found in three ways, each grounded in source, cue and content spans:

* **cue verbs** of :mod:`kg.extract.speech_lexicon` (say, tell, tweet, confirm, reiterate, ...):
  the content is the reported clause (``ccomp``, "that ...", "went on to say that ...", an
  ``xcomp`` after tell/urge/ask), or the object for cues like "reiterated the need for ...";
  a quotation next to the cue ("...," he said, "...") makes the statement direct; a split
  quote has one content span from its first to its last mark and one part per quotation
  (``Statement.parts``, in order; ``Statement.text`` is their concatenation);
* **learned cue frames**: a verb outside the lexicon whose lemma and complement PolNeAR training
  marks as a cue at least :data:`FRAME_RATE` of the time ("blasted the plan", "joked that ...";
  :mod:`kg.extract.trained.attribution_frames`), its object, clause or prepositional object the
  content;
* **"according to X"**, and **"In X poll/survey,"** opening a sentence (later in one, one poll
  named: "... support in a new Fox News poll"): X is the source, the clause it modifies the content;
* **cues of the trained head** (:mod:`kg.extract.trained.attribution`) the rules miss: speech
  verbs, other verbs ("backs", "opposes": PolNeAR's attributions) and nouns, with the parse's
  subject and clause or the head's spans next to them;
* **trained cue models** (:mod:`kg.extract.trained.attribution_cues`): a verb or noun no cue
  above overlaps that the residual model accepts ("has not commented on the reason", '"...,"
  she continued') is a cue, with the parse's subject and complement; a cue above whose head
  the gate model rejects is dropped;
* **signatures**: a dash and a name after a quotation ('"..." ― Maria Lopez') or closing an
  embedded tweet ('... — Jane Ross (@JaneRoss) May 2, 2026</tweet>');
* **cue-less quotes** that follow a direct statement in the same paragraph (or open the next
  one) extend that statement: the text makes clear the same speaker goes on ('"...," Baron said.
  "..."' is one split quote).

A cue inside a quotation keeps its content inside it; a statement whose cue lies inside another
statement's reported clause stays (nested statements), though PolNeAR scores the outer one only;
a content that runs over another statement outside its own clause ends before it.

Mode: ``direct`` when the content is a quotation, ``mixed`` when a reported clause contains
a quoted fragment, else ``indirect``.

Speakers (``Statement.speaker``, an actor of the analysis, or ``None``):

1. an actor whose mention holds the head of the source ("Mike Pompeo", "COAS Bajwa");
   an organisation's voice ("DG ISPR", "a Pentagon spokesman") speaks for the organisation;
2. a title ("the US Secretary of State"): the holder of that post in ``analysis.holdings``,
   else the person the text names right after the same title ("US Secretary of State Mike
   Pompeo");
3. a pronoun or definite description, in this order: the source of the statement whose
   reported clause holds it, when they agree ("Analysts said they expect ...": the analysts,
   and no one if they are unresolved); the actor :mod:`kg.extract.coref` resolved it to
   ("he", "the minister", "the company"); failing that, "he"/"she" is the speaker of the
   closest earlier statement in the same or the previous paragraph when that speaker is a
   person (the actor the article is following), else the one person named in the paragraph
   before the pronoun, when exactly one is; "it"/"they" likewise for organisations and
   states; "I"/"we" inside a quotation is the speaker of the quotation. Anything else stays
   unresolved: the statement keeps its source mention and has no speaker, never a guess.
4. a title "claim: Name" (or "Name: claim") is a statement of the article's one person of
   that name; "Name: claim" is a statement with no speaker when Name is not one ("Poll: ...");
   in a title a source that is not one name gets no speaker.

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

import bisect
import re
from dataclasses import dataclass
from typing import Any

from kg.extract.boundaries import ABBREVIATIONS
from kg.extract.coref import plural_name
from kg.extract.lexicon import is_honorific, is_title_word
from kg.extract.speech_lexicon import (ADDRESSEE_CUES, CONTENT_OBJECT_CUES, CONTINUATION_CUES,
                                       NOT_CUES, TALK_WITH, XCOMP_CUES, cue_channel, is_stray_subject_word,
                                       is_verb_cue, sentence_channel)
from kg.extract.trained.attribution import SPANS_KEY
from kg.extract.trained.attribution_cues import cue_probabilities, gate_probabilities, is_candidate
from kg.extract.trained.attribution_frames import cue_rate, frame
from kg.extract.trained.cue_bounds import rebound
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
#: A verb in a source by these dependencies modifies a noun ("Best-selling writer"): no clause.
_MODIFIER_DEPS = frozenset("amod compound".split())
_SOURCE_MODIFIER_DEPS = frozenset("relcl acl appos".split())
#: Event types (CAMEO code prefixes) of communication, which can produce a statement.
_SPEECH_EVENTS = ("01", "02", "03", "04", "05")
#: Dependents of a cue verb that PolNeAR counts as part of the cue, before and after the verb.
_CUE_BEFORE = frozenset("aux advmod".split())
_CUE_AFTER = frozenset("npadvmod advmod prep".split())
_STRIP = " \t\n\r\xa0,;:—–-"
#: A title "claim: Name" (one to four capitalised words after the last colon), or "Name: claim".
_ABBREVIATION = re.compile(r"\b(?:" + "|".join(sorted(ABBREVIATIONS)) + r")\.$", flags=re.IGNORECASE)
_HEADLINE_FIRST = re.compile(r"^\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?P<colon>:)\s+\S.*\S\s*$")
#: A signature after a quote or in an embedded tweet: a dash, then a name (and a handle), ending
#: the line ('"..."\n\n- Bernie Sanders.', '... ― Sonya Herridge', '... — Paul Ryan (@SpeakerRyan) July 5, 2016</tweet>').
_SIGNATURE = re.compile(r"(?P<dash>[―—–]|--?)[ \t\xa0]*(?P<name>[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|van|von)){0,3}?"
                        r"(?:[ \t\xa0]*\(@\w+\))?)(?P<tail>[ \t\xa0]*(?:[.,][^\n]{0,40})?(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?)"
                        r"(?=[ \t\xa0]*(?:\n|$|</tweet>))")
#: A transcript's turn: a paragraph opening with one to three words in capitals and a colon.
_TURN = re.compile(r"(?m)^(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?P<colon>:)[ \t]+(?=\S).*\S")
_TWEET_START = re.compile(r"<tweet[^>]*>")
_LINK = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
#: A title "Name: claim" is a statement whatever Name is ("Poll: ...", "NY Post: ..."; PolNeAR
#: train: 68 of 99 such titles, none of the 8 "The Latest:"), unless Name is a verb phrase ("Trump
#: Addresses Munich Attack: ...") or a label ("Breaking:", "Look:"); it has a speaker only when
#: Name is one person of the article.
HEADLINE_ANY_SOURCE = True
_NOT_HEADLINE_SOURCES = frozenset(("the latest", "byline", "update", "breaking", "watch", "exclusive", "editor’s note",
                                   "editor's note", "correction", "video", "photos", "live", "look", "wow", "revealed",
                                   "boom", "just in", "must see", "busted", "confirmed", "new"))
_HEADLINE = re.compile(r"^\s*\S.*\S(?P<colon>:)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")


#: A phrase of these prepositions after a cue names whom the words were addressed to ("would
#: not comment to | me", "spoke with | reporters"), never what was said: no content.
ADDRESSEE_PREPOSITIONS = ("to", "with")

#: How the trained head's spans join the rules' (each chosen on the 84 held-out PolNeAR train
#: documents, never on dev): the most words between a cue and its content / source; whether a
#: rule's statement keeps its cue when the head does not see one, takes the head's source and
#: content boundaries (no: the rules' are more precise), its cue boundaries (yes: "has said");
#: whether a cue only the head finds takes the parse's subject and clause; how many tokens may
#: separate two content pieces of the head that are joined; which parts of speech a cue only the
#: head finds may have besides a speech verb of the lexicon (head 0.2 on the held-out 84: every
#: head cue, cue 0.619 -> 0.632; any verb or noun but NOT_CUES, cue 0.641, source 0.705, content
#: overlap 0.780; other parts of speech, "In", ":", "reportedly", lose precision). A head verb that is not a
#: speech verb ("backs", "opposes") is PolNeAR's attribution; ECB+ events count it once, with the
#: event trigger it overlaps (:func:`kg.evaluate.predictions.read_predictions`).
CONTENT_GAP, SOURCE_GAP, MERGE_GAP = 6, 6, 5
SOURCE_FROM_PARSE, CONTENT_FROM_PARSE = True, True
#: A head cue's own parse subject wins over the head's source span next to it (held-out 84,
#: outermost, both this and NO_FRAGMENTS: cue 0.694 -> 0.691, source 0.736 -> 0.745, content
#: 0.556 -> 0.562, overlap 0.822 -> 0.817; an inherited subject ("X does not want to be
#: acquired, chairman Roger Hart said": X) would lose statements). A head source span that is
#: an object ("a call from US Secretary of State Mike Pompeo and discussed") is none (source 0.746).
PARSE_SUBJECT_FIRST = True
SUBJECT_SPAN = True
#: A head statement whose paraphrased content ends in a preposition, article or conjunction is
#: none ("laid siege | to the US embassy in"; held-out 84: cue 0.694 -> 0.691, content exact
#: 0.556 -> 0.562, overlap 0.823 -> 0.818; requiring a clause instead: cue 0.684, overlap 0.803).
NO_FRAGMENTS = True
HEAD_CUE_POS = frozenset(("VERB", "NOUN"))
#: The cue takes the verb's auxiliaries, adverbs, dates and prepositional phrases next to it.
CUE_MODIFIERS = True
#: ... but not the date or phrase between the cue and a content after it ("announced Friday that":
#: PolNeAR's cue is "announced").
CUE_DATE_BEFORE_CONTENT = True
#: The cue takes a preposition or particle between it and its content ("called for", "pointed
#: out"; held-out 84: cue 0.641 -> 0.669).
CUE_PREPOSITION = True
CUE_GOVERNOR = True
#: ... not over an object or phrase between the verb and "by" ("rallied supporters by warning";
#: 5-fold cross-validation over PolNeAR train: cue 0.7142 -> 0.7150).
CUE_GOVERNOR_BY_ADJACENT = True
CUE_LEFT: tuple[str, ...] = ("aux", "auxpass", "advmod", "neg")
#: A cue inside a quotation has its content inside that quotation too; a cue inside its clause
#: between two quotations ('"If ...," the investor said, "that's worse."') takes both, a split
#: quote (held-out 84, with a quote never joined across a paragraph end to the cue after it and
#: a bare quote after "said NAME." joined to the statement before: content exact 0.513 -> 0.540).
NESTED_IN_QUOTE = True
#: "In a CNN poll, ...": a statement of the poll, cue "in" (held-out 84, outermost statements:
#: cue 0.692 -> 0.694; "... leads in the polls" too: 0.692).
IN_POLLS = True
_POLLS = frozenset("poll survey".split())
#: ... and later in a sentence, one poll named ("in a new Fox News poll", not "in the polls").
POLLS_INSIDE = True
_POLLED = frozenset("survey poll interview ask question".split())  # "voters surveyed in a new poll": the poll's sample
SIGNATURES = True
#: A verb outside the lexicon makes a statement when PolNeAR training marks its lemma and frame
#: as a cue at least this often (:mod:`kg.extract.trained.attribution_frames`; 0: never).
FRAME_RATE = 0.6
#: A candidate the residual cue model (:mod:`kg.extract.trained.attribution_cues`) gives at least
#: this probability makes a statement when no cue of the rules or the head overlaps it (0: never);
#: a statement of the rules or the head whose cue head the gate model gives less than CUE_GATE
#: is dropped (0: none is); when neither the learned-frame nor the head path builds the model
#: cue's statement, its subject and first complement do (MODEL_FALLBACK). Chosen by 5-fold
#: document cross-validation over PolNeAR train (out-of-fold probabilities, the whole
#: extraction scored): residual 0.35 / 0.45 / 0.55 with the gate at 0.05: cue 0.695 / 0.696 /
#: 0.695; gate 0.02 / 0.05 / 0.1 alone: cue 0.688 / 0.689 / 0.689, overlap 0.792 / 0.788 / 0.782.
CUE_MODEL = 0.45
CUE_GATE = 0.05
MODEL_FALLBACK = True
#: A content ends before another statement it runs over outside its own clause (:meth:`_Context.unnest`).
UNNEST = True
#: ... and so does one over a cue verb set beside its clause without a subject of its own ("insisted
#: that he had released enough and refused to release his tax returns", "..., calling them boring":
#: :meth:`_Context._coordinated`); that cue's source is the outer statement's. 5-fold document
#: cross-validation over PolNeAR train: cue 0.708 -> 0.709, content exact 0.529 -> 0.532, source
#: 0.743 (the cue's own inherited subject as source: 0.742; verbs with their own subject too: 0.742).
UNNEST_COORDINATED = True
#: ... and one over a cue verb with its own subject in a clause set against it after a comma
#: ("..., while 22 percent said they might change their mind": :meth:`_Context._contrasted`; 5-fold
#: cross-validation over PolNeAR train: cue 0.7166 -> 0.7169, source 0.7445 -> 0.7448, content
#: exact 0.5346 -> 0.5351, overlap 0.8090 -> 0.8093).
UNNEST_CONTRASTED = True
_CONTRAST = frozenset("while whereas though although".split())
SPLIT_QUOTE_FIRST = True
#: A cue verb that shares the subject of a cue verb before it ('"...," he said, adding: "..."')
#: takes no quotation before that verb: it is the other verb's (:meth:`_Context.own_quotes`, after
#: the cue model's candidates are fixed). 5-fold cross-validation over PolNeAR train, this pass's
#: other rules on: cue 0.7172 -> 0.7183, content exact 0.5339 -> 0.5349, overlap 0.8078 -> 0.8092.
QUOTE_BEFORE_GOVERNOR = True
#: A source before its cue takes its apposition and the comma closing it ("Reince Priebus, the
#: GOP chairman, said").
APPOSITIONS = True
#: A source takes its whole phrase: appositions, relative clauses and participles after it, in
#: either place ("said Jim Clyburn, a Democratic congressman from South Carolina"; "Chris Cox,
#: who runs the NRA's lobbying arm, said": the comma closing it too, as PolNeAR marks them);
#: a verb inside them does not make the source a clause.
SOURCE_MODIFIERS = True
#: A source ends with the bracket or quotation mark it opened ("Sen. Bernie Sanders (I-Vt.)").
SOURCE_CLOSE = True
#: Two apostrophes are a quotation mark (''...'', as The New York Times types them in PolNeAR).
TWO_APOSTROPHES = True
#: ... but not a participle set off by a comma ("Marco Rubio, speaking at a rally, is criticizing").
SOURCE_CUT = frozenset(("acl",))
#: A reported (not quoted) content ends with the sentence it starts in (:meth:`_Context.clip_to_sentence`).
SENTENCE_CLIP = True
#: ... also when the parse puts the next sentence's opening quotation mark at this one's end
#: ("... enterprises. ''Trump suits ...''"; 5-fold cross-validation over PolNeAR train: cue 0.7162 ->
#: 0.7166, source 0.7439 -> 0.7445, content exact 0.5334 -> 0.5346, overlap 0.8084 -> 0.8090).
CLIP_AT_OPENING = True
#: Transcripts' turns are statements (:meth:`_Context.transcript_turns`; PolNeAR train: 11 of 14 such
#: paragraph openings outside titles are cues, "Q:" / "A:" 16 of 65).
TRANSCRIPTS = True
#: The cue takes its verb's particle right after it ("pointed out") and these prepositions
#: ("referring to", "talked about", "called for", "railed against", "described as"): the
#: words whose gold cues, in 5-fold document cross-validation over PolNeAR train, take the
#: adjacent preposition at least 60% of the time ("to" 82 of 109; "in" 7 of 75, "on" 8 of
#: 64, "of" 22 of 63, "at", "with", "by" stay out; an infinitive's "to" 28 of 456 stays out).
CUE_RIGHT = frozenset("to about for against as toward".split())
#: A cue after the start of its content ends before a prepositional phrase of its verb ('"...,"
#: Trump said | at his victory party', "she wrote | in a fundraising email"; dates and adverbs
#: stay). 5-fold document cross-validation over PolNeAR train (out-of-fold cue tables): cue
#: 0.7112 -> 0.7136 for contents wholly before the cue, with CUE_TRIM_KEEP 0.7142; for any content
#: starting before it (split quotes too) 0.7169 -> 0.7184; source and content unchanged.
CUE_TRIM_AFTER_CONTENT = True
#: ... but for these objects ("said in a statement": 20 of PolNeAR train's 28 such cues take it).
CUE_TRIM_KEEP = frozenset(("statement",))
#: Last, the trained cue-bounds model (:mod:`kg.extract.trained.cue_bounds`) decides again, word
#: by word, how far each cue reaches on either side of its head, the rules' span as a feature
#: ("weighed in on", "is standing by", "wrote | to the senator"). 5-fold document cross-validation
#: over PolNeAR train (tables fitted on four folds' extractions, applied to the fifth): cue exact
#: F1 0.7183 -> 0.7212, source and content unchanged.
CUE_BOUNDS = True


def _overlaps(span: Any, part: Span) -> bool:
    return span.start_char < part.end and part.begin < span.end_char


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
    >>> [q.text for q in find_quotes('“Is it?“ he asked.\\n\\n“No,” she said.')]  # a mistyped closing mark
    ['“Is it?“', '“No,”']
    >>> [q.text for q in find_quotes("He said ''it is good,'' and left.")]  # two apostrophes, as some papers type them
    ["''it is good,''"]
    """
    quotes: list[Span] = []
    start: int | None = None
    original, i, n = text, 0, len(text)
    if TWO_APOSTROPHES:  # ''news style'': one straight mark, its second character no quote
        text = text.replace("''", '"\x01')
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
        elif start is not None and (c in _CLOSING and (c == "”" or text[start] == '"') or _closes_curly(text, i, start)):
            end = i + 2 if text[i + 1:i + 2] == "\x01" else i + 1
            quotes.append(Span(start, end, original[start:end]))
            start = None
        i += 1
    return quotes


def _closes_curly(text: str, i: int, start: int) -> bool:
    """An opening curly mark typed where a closing one belongs ('fascist?“ he asked'): after a
    word or punctuation, before a space, punctuation or the end, in a quote opened with “."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i] == "“" and text[start] == "“" and i > start + 1 and not text[i - 1].isspace() \
        and (after.isspace() or after in ",.;:!?")


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def _found(ctx: _Context) -> list[_Found]:
    """The statements of the rules' cues and the head's, in the order found."""
    doc = ctx.doc
    found: dict[tuple[int, int], _Found] = {}
    for tok in doc:
        f = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            f = ctx.according_to(tok)
        elif IN_POLLS and tok.lower_ == "in" and tok.dep_ == "prep":
            f = ctx.in_poll(tok)
        elif tok.pos_ in ("VERB", "AUX") and is_verb_cue(tok.lemma_) and tok.dep_ not in ("amod", "compound"):
            f = ctx.verb_statement(tok)
        elif FRAME_RATE and tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and \
                tok.lemma_.lower() not in NOT_CUES and cue_rate(tok) >= FRAME_RATE:
            f = ctx.verb_statement(tok, learned=frame(tok))
        if f and (f.statement.cue.begin, f.statement.cue.end) not in found:
            found[(f.statement.cue.begin, f.statement.cue.end)] = f
    return ctx.with_head(list(found.values()))


def residual_candidates(doc: Any, analysis: Analysis) -> dict[int, bool]:
    """The cue model's candidates of one article (what :func:`extract_statements` scores with
    :data:`CUE_MODEL`): token index -> inside the content of a statement the rules or the head
    found; for training (:mod:`kg.extract.trained.attribution_train`)."""
    ctx = _Context(doc, analysis.article.text, analysis)
    return ctx.free_candidates(_found(ctx))


def extract_statements(doc: Any, analysis: Analysis) -> list[Statement]:
    """The statements of one parsed article (``doc`` indexes ``analysis.article.text``)."""
    text = analysis.article.text
    ctx = _Context(doc, text, analysis)
    ordered = _found(ctx)
    added = ctx.model_statements(ordered) if CUE_MODEL else []
    if CUE_GATE:
        ordered = ctx.gated(ordered)
    ordered += added
    headline = ctx.headline_claim()
    if headline is not None:  # the title's own statement replaces any found inside it
        ordered = [f for f in ordered if f.statement.cue.begin > headline.statement.cue.end] + [headline]
    if SIGNATURES:
        cues = [(f.statement.cue.begin, f.statement.cue.end) for f in ordered]
        contents = [(f.statement.content.begin, f.statement.content.end) for f in ordered]
        for f in ctx.signatures():
            st = f.statement
            if not any(b < st.cue.end and st.cue.begin < e for b, e in cues + contents) and \
                    not any(b < st.source.end and st.source.begin < e for b, e in cues):
                ordered = [g for g in ordered if not (st.content.begin <= g.statement.content.begin
                                                      and g.statement.content.end <= st.content.end
                                                      and g.statement.cue.begin >= st.content.end)] + [f]
    if TRANSCRIPTS:
        taken = [(f.statement.cue.begin, f.statement.content.end) for f in ordered]
        ordered += [f for f in ctx.transcript_turns()
                    if not any(b <= f.statement.cue.begin < e for b, e in taken)]
    ordered.sort(key=lambda f: f.statement.cue.begin)
    if QUOTE_BEFORE_GOVERNOR:
        ctx.own_quotes(ordered)
    if NESTED_IN_QUOTE:
        ordered = [f for f in ordered if ctx.within_quote(f.statement)]
    ctx.attach_bare_quotes(ordered)
    if UNNEST:
        ctx.unnest(ordered)
    for i, f in enumerate(ordered):
        ctx.resolve_speaker(f, ordered[:i])
    for f in ordered:
        ctx.resolve_first_person(f, ordered)
    for i, f in enumerate(ordered):
        ctx.add_context(f, ordered[:i])
    for f in ordered:
        if SENTENCE_CLIP:
            ctx.clip_to_sentence(f.statement)
        if CUE_PREPOSITION:
            ctx.cue_to_content(f.statement)
        if CUE_LEFT:
            ctx.cue_left(f.statement)
        if CUE_GOVERNOR:
            ctx.cue_from_governor(f.statement)
        if CUE_TRIM_AFTER_CONTENT:
            ctx.cue_trim(f.statement)
        if CUE_RIGHT:
            ctx.cue_right(f.statement)
        f.statement.text = content_text(f.statement)
        f.statement.parts = ctx.quoted_parts(f.statement)
        if CUE_BOUNDS:
            rebound(doc, text, f.statement)
            ctx.bounds_kept(f.statement)
    return [f.statement for f in ordered]


def content_text(statement: Statement) -> str:
    """The content as said: a direct quote's pieces without their marks and interruptions.

    >>> content_text(Statement(cue=Span(11, 15, "said"), mode="direct",
    ...                        content=Span(0, 26, '"We will," he said, "win."')))
    'We will, win.'
    >>> content_text(Statement(cue=Span(0, 4, "said"), mode="direct", content=Span(5, 20, '“No,\\n\\n“never.”')))
    'No, never.'
    >>> content_text(Statement(cue=Span(12, 16, "asked"), mode="direct", content=Span(0, 10, '“Is it?“')))
    'Is it?'
    >>> content_text(Statement(cue=Span(12, 16, "said"), mode="direct", content=Span(0, 10, "''We won.''")))
    'We won.'
    """
    value = statement.content.text
    if statement.mode != "direct":
        return value
    value = value.replace("''", '"') if TWO_APOSTROPHES else value
    value = re.sub(r"\s*\n\s*[“\"]", " ", value)  # a quote reopened in the next paragraph
    pieces = re.findall(r"[“\"]([^”\"“]*)(?:[”\"“]|$)", value)  # a mistyped “ closes too
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
        self.references = [(r.begin, r.end, a) for a in analysis.actors for r in a.references]
        self.title_end = text.find("\n") if "\n" in text else 0
        self._upto: list[int] | None = None

    # -- positions -----------------------------------------------------------------------
    def paragraph(self, pos: int) -> int:
        return bisect.bisect_left(self.breaks, pos)

    def span(self, begin: int, end: int) -> Span | None:
        while begin < end and self.text[begin] in _STRIP:
            begin += 1
        while end > begin and self.text[end - 1] in _STRIP + ".":
            if self.text[end - 1] == "." and _ABBREVIATION.search(self.text[begin:end]):
                break  # "... by Waste Management Inc.": the period is the abbreviation's
            end -= 1
        return Span(begin, end, self.text[begin:end]) if begin < end else None

    def paragraph_part(self, begin: int, end: int, paragraph: int) -> str:
        """The text of ``begin:end`` that lies in one paragraph."""
        start = self.breaks[paragraph - 1] if paragraph > 0 else 0
        stop = self.breaks[paragraph] if paragraph < len(self.breaks) else len(self.text)
        return self.text[max(begin, start):min(end, stop)]

    def quoted_parts(self, st: Statement) -> list[Span]:
        """A direct content's quotations when there are several (a split quote), else []."""
        if st.mode != "direct":
            return []
        parts = [q for q in self.quotes if st.content.begin <= q.begin and q.end <= st.content.end]
        return parts if len(parts) > 1 else []

    def quote_at(self, pos: int) -> Span | None:
        return next((q for q in self.quotes if q.begin <= pos < q.end), None)

    def within_quote(self, st: Statement) -> bool:
        """A statement quoted inside a quotation keeps only the content inside it ('"... another
        senator says you could get shot ...," the investor said'); False when none is left."""
        q = self.quote_at(st.cue.begin)
        if q is None or (q.begin <= st.content.begin and st.content.end <= q.end):
            return True
        content = self.span(max(st.content.begin, q.begin + 1), min(st.content.end, q.end - 1))
        if content is None:
            return False
        st.content = content
        return True

    def between_quotes(self, part: Span, content: Span) -> bool:
        """``part`` lies between two quotations of ``content``, in none of them."""
        inside = [q for q in self.quotes if content.begin <= q.begin and q.end <= content.end]
        return any(q.end <= part.begin for q in inside) and any(part.end <= q.begin for q in inside) \
            and not any(q.begin < part.end and part.begin < q.end for q in inside)

    def actor_at(self, begin: int, end: int) -> Actor | None:
        return next((a for b, e, a in self.mentions if b <= begin and end <= e), None)

    # -- cue verbs ----------------------------------------------------------------------
    def verb_statement(self, tok: Any, *, learned: str | None = None, own_quotes: bool = False) -> _Found | None:
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
        content, mode = self.content(tok, source_tok, learned=learned, own_quotes=own_quotes)
        if content is None:
            return None
        source = self.source_span(source_tok) if source_tok is not None else None
        if source and content.begin <= source.begin and source.end <= content.end \
                and not (mode == "direct" and self.between_quotes(source, content)):
            return None  # a source between the parts of a split quote stays
        if source and self._source_clause(source):
            source = source_tok = None  # "Pompeo telephones COAS, informs ...": a clause is no source
        paragraph = self.paragraph(cue.begin)
        if any(self.paragraph(x) != paragraph for x in (content.begin, content.end - 1)) and mode != "direct":
            return None  # a reported clause does not run over a paragraph end
        if source and self.paragraph(source.begin) != paragraph:
            source = source_tok = None
        if CUE_MODIFIERS and not cue.text.endswith(":"):
            cue = self.cue_with_modifiers(tok, cue, source, content)
        st = Statement(cue=cue, content=content, mode=mode, source=source)
        return _Found(st, source_tok, self.paragraph(cue.begin))

    def cue_with_modifiers(self, tok: Any, cue: Span, source: Span | None, content: Span) -> Span:
        """The cue with the verb's adjacent auxiliaries and adverbs before it ("has also said")
        and its adjacent adverbs, dates and prepositional phrases after it ("said Sunday",
        "said in a statement"), PolNeAR's convention; never into the source or the content."""
        doc = self.doc
        limits = [x for x in (source, content) if x is not None]

        def free(b: int, e: int) -> bool:
            return not any(x.begin < e and b < x.end for x in limits)

        begin, end = cue.begin, cue.end
        i = tok.i - 1
        while i >= 0 and doc[i].idx < begin and doc[i].head.i == tok.i and doc[i].dep_ in _CUE_BEFORE and doc[i].tag_ != "WRB" \
                and free(doc[i].idx, begin):
            begin = doc[i].idx
            i -= 1
        j = tok.i + 1
        while j < len(doc) and not (CUE_DATE_BEFORE_CONTENT and content.begin >= cue.end):
            t = doc[j]
            if t.head.i != tok.i or t.dep_ not in _CUE_AFTER or t.left_edge.i != j or t.lower_ == "of":
                break
            right = t.right_edge
            stop = right.idx + len(right.text)
            if right.i - j > 8 or not free(t.idx, stop) or any(x.pos_ in ("VERB", "PUNCT") for x in doc[j:right.i + 1]):
                break
            end, j = stop, right.i + 1
        if (begin, end) == (cue.begin, cue.end):
            return cue
        return Span(begin, end, self.text[begin:end])

    def bounds_kept(self, st: Statement) -> None:
        """The rules' conventions that neither the head's cue nor the cue-bounds table may undo:
        no date after the verb when a content follows it ("said Friday that": "said",
        :data:`CUE_DATE_BEFORE_CONTENT`), and no prepositional phrase before the verb ("ISPR in a
        statement said": "said"; after it, "said in a statement" stays)."""
        cue = self.doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand")
        if cue is None or not len(cue):
            return
        tokens = list(cue)
        if CUE_DATE_BEFORE_CONTENT and st.content.begin >= st.cue.end:
            dated = [t for t in tokens if t.i > cue.root.i and t.ent_type_ in ("DATE", "TIME")]
            if dated:
                tokens = [t for t in tokens if t.i < dated[0].i]
        while len(tokens) > 1 and tokens[0].pos_ == "ADP" and any(t.pos_ in ("VERB", "AUX") for t in tokens[1:]):
            tokens = [t for t in tokens if t.i > tokens[0].right_edge.i]
        if tokens and (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)) != (st.cue.begin, st.cue.end):
            begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            st.cue = Span(begin, end, self.text[begin:end])

    def cue_to_content(self, st: Statement) -> None:
        """The cue takes the one preposition or particle between it and its content ("called
        for", "talked about", "pointed out"), PolNeAR's convention."""
        if st.content.begin <= st.cue.end:
            return
        between = self.doc.char_span(st.cue.end, st.content.begin, alignment_mode="expand")
        if between is None:
            return
        words = [t for t in between if not t.is_space]
        if len(words) != 1 or words[0].lower_ == "that" or not (words[0].pos_ == "ADP" or words[0].dep_ == "prt"):
            return
        t = words[0]
        if t.idx < st.cue.end or t.idx + len(t.text) > st.content.begin:
            return
        end = t.idx + len(t.text)
        st.cue = Span(st.cue.begin, end, self.text[st.cue.begin:end])

    def cue_left(self, st: Statement) -> None:
        """The cue takes the adjacent auxiliaries and adverbs of its verb before it ("has shown",
        "was announced", "then pointed out"), whoever found it."""
        cue = self.doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand")
        if cue is None or not len(cue) or cue.root.pos_ not in ("VERB", "AUX"):
            return
        tok, i = cue.root, cue.start - 1
        begin = st.cue.begin
        while i >= 0 and self.doc[i].head.i == tok.i and self.doc[i].dep_ in CUE_LEFT and self.doc[i].tag_ != "WRB" \
                and not any(x is not None and x.begin <= self.doc[i].idx < x.end for x in (st.source, st.content)):
            begin = self.doc[i].idx
            i -= 1
        if begin < st.cue.begin:
            st.cue = Span(begin, st.cue.end, self.text[begin:st.cue.end])

    def cue_from_governor(self, st: Statement) -> None:
        """The cue starts at the verb it complements ("continue to express", "helped convince",
        "continued by saying"), PolNeAR's convention, when only a few words lie between and
        neither the source nor the content does."""
        cue = self.doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand")
        if cue is None or not len(cue):
            return
        tok = cue.root
        if tok.dep_ == "xcomp":
            gov, limit = tok.head, 3
        elif tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.dep_ == "prep":
            gov, limit = tok.head.head, 5
        else:
            return
        if gov.pos_ not in ("VERB", "AUX") or gov.i >= cue.start or cue.start - gov.i > limit or is_verb_cue(gov.lemma_):
            return
        begin = gov.idx
        if any(x is not None and x.begin < st.cue.begin and begin < x.end for x in (st.source, st.content)) \
                or any(t.is_punct or tok.dep_ == "xcomp" and t.dep_ in ("dobj", "nsubj") for t in self.doc[gov.i:cue.start]):
            return  # "leaving many to wonder": the cue is "to wonder"
        if CUE_GOVERNOR_BY_ADJACENT and tok.dep_ == "pcomp" and \
                any(t.dep_ not in ("advmod", "neg") for t in self.doc[gov.i + 1:tok.head.i]):
            return  # "rallied supporters by warning": the cue is "warning"
        st.cue = Span(begin, st.cue.end, self.text[begin:st.cue.end])

    def cue_right(self, st: Statement) -> None:
        """The cue takes its verb's adjacent particle or preposition of :data:`CUE_RIGHT` after
        it ("pointed out", "referring to"), PolNeAR's convention, unless the source or the
        content lies there."""
        cue = self.doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand")
        if cue is None or not len(cue) or cue.end >= len(self.doc):
            return
        t = self.doc[cue.end]
        if t.head.i != cue.root.i or not (t.dep_ == "prt" or t.dep_ in ("prep", "dative") and t.lower_ in CUE_RIGHT):
            return
        end = t.idx + len(t.text)
        if st.source is not None and st.source.begin < end and t.idx < st.source.end:
            return
        if st.content.begin < end and t.idx < st.content.end:
            if st.content.begin != t.idx or t.i + 1 >= len(self.doc) or self.doc[t.i + 1].idx >= st.content.end:
                return
            rest = self.doc[t.i + 1].idx  # "talked about | the wall": the content is the object
            st.content = Span(rest, st.content.end, self.text[rest:st.content.end])
        st.cue = Span(st.cue.begin, end, self.text[st.cue.begin:end])

    def cue_trim(self, st: Statement) -> None:
        """A cue after the start of its content ends before the first prepositional phrase of its
        verb after it ('"...," he said | in an interview'; PolNeAR's convention when the content
        comes first)."""
        if st.content.begin >= st.cue.begin:
            return
        cue = self.doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand")
        if cue is None or len(cue) < 2 or cue.root.pos_ not in ("VERB", "AUX"):
            return
        root = cue.root
        cut = next((t for t in cue[root.i - cue.start + 1:] if t.head.i == root.i and t.dep_ == "prep"
                    and not any(c.dep_ == "pobj" and c.lemma_.lower() in CUE_TRIM_KEEP for c in t.children)), None)
        if cut is None:
            return
        words = [t for t in cue if t.i < cut.i and not t.is_punct and not t.is_space]
        if words:
            end = words[-1].idx + len(words[-1].text)
            st.cue = Span(st.cue.begin, end, self.text[st.cue.begin:end])

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
            elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head is not tok.head:
                tok, seen = tok.head.head, seen + 1  # "appeared to assert ... by saying"
            else:
                return None
        return None

    def source_span(self, tok: Any, *, core: bool = False) -> Span:
        """The source phrase headed by ``tok``; ``core``: without what follows a comma or a
        relative clause ("Chris Cox", not "Chris Cox, who runs ..."), where the speaker is named."""
        whole = SOURCE_MODIFIERS and not core
        tokens = sorted(tok.subtree, key=lambda t: t.i)
        keep = []
        for t in tokens:
            if t.i > tok.i and (t.text == "," or t.dep_ in ("relcl", "acl")) and not whole:
                break
            if whole and SOURCE_CUT and t.i > tok.i and t.dep_ in SOURCE_CUT and t.head.i == tok.i and self.doc[t.left_edge.i - 1].text == ",":
                keep = [x for x in keep if x.i < t.left_edge.i - 1]
                break
            keep.append(t)
        while len(keep) > 1 and (is_stray_subject_word(keep[-1].text) or keep[-1].is_space
                                 or keep[-1].is_punct and keep[-1].text != ")"):
            keep.pop()
        if whole and tok.i < tok.head.i and any(t.text == "," for t in keep if t.i > tok.i):
            if keep[-1].i + 1 < tok.head.i and self.doc[keep[-1].i + 1].text == ",":
                keep.append(self.doc[keep[-1].i + 1])  # "Chris Cox, who runs the NRA's lobbying arm, said"
        appos = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
        if APPOSITIONS and appos and tok.i < tok.head.i and appos[-1].right_edge.i < tok.head.i:
            keep = [t for t in tokens if t.i <= appos[-1].right_edge.i]  # "Reince Priebus, the GOP chairman,"
            if keep[-1].i + 1 < tok.head.i and self.doc[keep[-1].i + 1].text == ",":
                keep.append(self.doc[keep[-1].i + 1])
        if len(keep) > 1 and keep[0].lower_ == "even":
            keep.pop(0)
        dash = next((i for i, t in enumerate(keep) if t.text in ("-", "–", "—") and 0 < i < len(keep) - 1
                     and all(x.is_upper or x.is_punct for x in keep[:i])), None)
        if dash is not None:  # "PARIS - French Transport Minister ...": the dateline is no source
            keep = keep[dash + 1:]
        while len(keep) > 1 and keep[0].is_punct:
            keep.pop(0)
        if SOURCE_CLOSE and keep[-1].i + 1 < len(self.doc):
            nxt, words = self.doc[keep[-1].i + 1], [t.text for t in keep]
            if nxt.text == ")" and words.count("(") > words.count(")") or \
                    nxt.text == "”" and words.count("“") > words.count("”") or nxt.text == '"' and words.count('"') % 2:
                keep.append(nxt)  # "Sen. Bernie Sanders (I-Vt.)", 'host of “Morning Joe,”'
        b, e = keep[0].idx, keep[-1].idx + len(keep[-1].text)
        return Span(b, e, self.text[b:e])

    def content(self, tok: Any, source_tok: Any, *, learned: str | None = None,
                own_quotes: bool = False) -> tuple[Span | None, str]:
        """The content of cue verb ``tok`` and its mode; ``learned`` is the frame of a verb outside
        the lexicon that :mod:`~kg.extract.trained.attribution_frames` gates in: its object,
        ``xcomp`` or prepositional object is content as for the lexicon's object cues;
        ``own_quotes``: see :meth:`adjacent_quotes`."""
        lemma = tok.lemma_.lower()
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and self.paragraph(c.idx) == self.paragraph(tok.idx)]
        clause = min(clauses, key=lambda c: (c.i < tok.i, abs(c.i - tok.i)), default=None)
        if clause is None and (lemma in XCOMP_CUES or learned == "xcomp"):
            clause = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if clause is None and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            clause = tok.head  # "The economy, he said, is strong" / '"...," he said'
        if clause is not None and tok in clause.subtree and SPLIT_QUOTE_FIRST:
            quoted = self.adjacent_quotes(tok, source_tok, own_quotes)  # '"If ...," the investor said, "that's worse."'
            if quoted:
                return quoted
        if clause is not None:
            span = self.subtree_span(clause, exclude=tok)
            if span is not None and clause.dep_ == "ccomp" and clause.i > tok.i:
                span = self.without_fronted_time(clause, tok, span)
            if span is not None:
                q = self.quote_at(clause.idx)
                if q and (q.begin <= span.begin + 1 and span.end <= q.end):
                    return self.adjacent_quotes(tok, source_tok, own_quotes) or (q, "direct")
                if any(span.begin <= x.begin and x.end <= span.end for x in self.quotes):
                    return span, "mixed"
                if q is None:
                    return span, "indirect"
        quoted = self.adjacent_quotes(tok, source_tok, own_quotes)
        if quoted:
            return quoted
        if lemma in CONTENT_OBJECT_CUES | ADDRESSEE_CUES or learned in ("dobj", "prep"):
            for c in tok.children:
                if (c.dep_ == "dobj" and (lemma in CONTENT_OBJECT_CUES or learned == "dobj")) or \
                        (c.dep_ == "prep" and (c.lower_ in ("on", "about") or learned == "prep" and c.i > tok.i)):
                    span = self.subtree_span(c, exclude=tok)
                    if span is not None and len(span.text.split()) > 1:
                        mode = "mixed" if any(span.begin <= x.begin and x.end <= span.end
                                              for x in self.quotes) else "indirect"
                        return span, mode
        return None, ""

    def without_fronted_time(self, clause: Any, cue: Any, span: Span) -> Span:
        """'said on Monday it would cut ...': a time phrase between the cue and the clause's
        subject belongs to the cue, not to the content."""
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return span
        fronted = [c for c in clause.children if c.i < subject.i]
        if fronted and all(c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
                           for c in fronted) and fronted[0].left_edge.i == cue.i + 1:
            return self.span(subject.left_edge.idx, span.end) or span
        return span

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

    def adjacent_quotes(self, tok: Any, source_tok: Any, own_quotes: bool = False) -> tuple[Span, str] | None:
        """The quotation(s) right before and/or after the cue's clause ('"...," he said, "..."');
        with ``own_quotes``, none before a verb that shares the subject of a cue verb before it
        (QUOTE_BEFORE_GOVERNOR)."""
        if self.quote_at(tok.idx):
            return None
        sent = tok.sent
        clause = [tok] + (list(source_tok.subtree) if source_tok is not None else [])
        first = min(t.idx for t in clause)
        last = max(t.idx + len(t.text) for t in clause)
        before = [q for q in self.quotes if q.end <= first and q.end >= sent.start_char - 2
                  and not self.text[q.end:first].strip(_STRIP) and "\n" not in self.text[q.end:first]]
        if own_quotes and self._inherits_from_cue(tok, source_tok):
            before = []  # '"...," he said, adding: "..."': the first quote is the verb's "said"
        after = [q for q in self.quotes if q.begin >= last
                 and not self.text[last:q.begin].strip(_STRIP)]
        if after and not (before or ":" in self.text[last:after[0].begin] or after[0].begin < sent.end_char):
            after = []  # a quote in the next sentence belongs to this cue only after a colon
        if before and after:
            return Span(before[-1].begin, after[0].end, self.text[before[-1].begin:after[0].end]), "direct"
        q = before[-1] if before else after[0] if after else None
        return (q, "direct") if q else None

    @staticmethod
    def _inherits_from_cue(tok: Any, source_tok: Any) -> bool:
        return source_tok is not None and source_tok.head.i != tok.i and source_tok.head.i < tok.i \
            and is_verb_cue(source_tok.head.lemma_)

    def own_quotes(self, found: list[_Found]) -> None:
        """QUOTE_BEFORE_GOVERNOR: a direct statement whose cue verb shares the subject of a cue verb
        before it takes its content again without the quotation before that verb (when none is
        left, its statement is built as a model cue's: '"...," Ramos said, referring to | X'). A
        step after the cue model's candidates are fixed, so its training rows do not depend on it."""
        keep = []
        for f in found:
            st = f.statement
            cue = self.doc.char_span(st.cue.begin, st.cue.end, alignment_mode="expand") \
                if st.mode == "direct" and st.content.begin < st.cue.begin else None
            if cue is not None and len(cue) and cue.root.pos_ in ("VERB", "AUX"):
                source_tok = self.subject(cue.root)
                if self._inherits_from_cue(cue.root, source_tok):
                    content, mode = self.content(cue.root, source_tok, own_quotes=True)
                    if content is None:  # '"...," Ramos said, referring to | the community': as a model cue
                        g = self.verb_statement(cue.root, learned=frame(cue.root), own_quotes=True) or self.complement_statement(cue.root)
                        if g is not None:
                            self.prep_object(cue.root, g.statement)
                            keep.append(g)
                        continue
                    st.content, st.mode = content, mode
            keep.append(f)
        found[:] = keep

    # -- the headline --------------------------------------------------------------------------
    def headline_claim(self) -> _Found | None:
        """A title line of the form "claim: Name" ("US will protect its people: Pompeo") or "Name:
        claim" ("Pat Caddell: Voters worried about ..."), where
        Name is one person of the article (the name or its last word): a statement of that
        person, the colon its cue."""
        line = self.text.split("\n", 1)[0]
        m = _HEADLINE.match(line) or _HEADLINE_FIRST.match(line)
        if m is None:
            return None
        b, e = m.span("name")
        name = m.group("name")
        people = {id(a): a for _, _, a in self.mentions if a.kind == "Person"
                  and (a.name == name or a.name.split()[-1] == name.split()[-1])}
        actor = next(iter(people.values())) if len(people) == 1 else None
        if actor is None and not (HEADLINE_ANY_SOURCE and b < m.start("colon") and name.lower() not in _NOT_HEADLINE_SOURCES
                                  and not self._has_verb(Span(b, e, name))):
            return None  # "claim: Name": the person named by the title must be one of the article's people
        colon = m.start("colon")
        content = self.span(0, colon) if b > colon else self.span(colon + 1, len(line))
        if content is None:
            return None
        st = Statement(cue=Span(colon, colon + 1, ":"), content=content, mode="indirect",
                       source=Span(b, e, self.text[b:e]), speaker=actor)
        return _Found(st, None, 0)

    def signatures(self) -> list[_Found]:
        """Statements signed by a name after a dash: a quotation just before the dash, or the
        text of the embedded tweet the signature closes, is the content of the person named."""
        out = []
        for m in _SIGNATURE.finditer(self.text):
            dash = m.start("dash")
            if dash > 0 and not self.text[dash - 1].isspace():
                continue
            before = self.text[:dash].rstrip()
            quote = next((q for q in self.quotes if q.end == len(before)), None)
            line_start = self.text.rfind("\n", 0, dash) + 1
            if quote is None and self.text[line_start:dash].strip():
                tweet = None
                for t in _TWEET_START.finditer(self.text, line_start, dash):
                    tweet = t
                if tweet is None or "</tweet>" not in self.text[m.end("name"):m.end() + 9]:
                    continue
                body = self.text[tweet.end():dash]
                content = self.span(tweet.end(), tweet.end() + len(_LINK.sub("", body.rstrip())))
                mode = "indirect"
            elif quote is not None:
                content, mode = quote, "direct"
            else:
                continue
            b, e = m.span("name")
            name = self.span(b, e)
            if content is None or name is None:
                continue
            cue = Span(dash, m.end("dash"), m.group("dash"))
            tokens = self.doc.char_span(name.begin, name.end, alignment_mode="expand")
            st = Statement(cue=cue, content=content, mode=mode, source=name)
            out.append(_Found(st, tokens.root if tokens is not None and len(tokens) else None,
                              self.paragraph(dash)))
        return out

    def transcript_turns(self) -> list[_Found]:
        """The turns of a transcript: paragraphs opening with a name in capitals and a colon
        ("TAPPER: Do you think ..."), when the article has at least two; the colon is the cue,
        the name the source, the rest of the paragraph the content. "Q:" and "A:" are not."""
        turns = [m for m in _TURN.finditer(self.text) if m.start() >= self.title_end
                 and m.group("name").lower() not in _NOT_HEADLINE_SOURCES]  # labels ("UPDATE:", "CORRECTION:") are no turns
        if len(turns) < 2:
            return []
        out = []
        for m in turns:
            name, content = self.span(*m.span("name")), self.span(m.end("colon"), m.end())
            if name is None or content is None:
                continue
            tokens = self.doc.char_span(name.begin, name.end, alignment_mode="expand")
            st = Statement(cue=Span(m.start("colon"), m.end("colon"), ":"), content=content, mode="direct", source=name)
            out.append(_Found(st, tokens.root if tokens is not None and len(tokens) else None, self.paragraph(m.start())))
        return out

    # -- the trained head ---------------------------------------------------------------------
    def with_head(self, rules: list[_Found]) -> list[_Found]:
        """The rules' statements combined with the head's (:mod:`kg.extract.trained.attribution`):
        each head cue the rules did not find becomes a statement with the nearest content and
        source spans of its paragraph (:meth:`head_statement`); where a rule found the same cue,
        the rule's statement stays (its source and content are more precise) and takes the
        head's cue boundaries, PolNeAR's convention ("has said", "said in a statement")."""
        if SPANS_KEY not in self.doc.spans:
            return rules
        spans = list(self.doc.spans[SPANS_KEY])
        tagged = [s for s in spans if s.label_ == "CUE"]
        cues = [c for c in (self._cue(s) for s in tagged) if c is not None]
        # parts are paired with every tagged cue: the content of a rejected one ("does not want
        # to be acquired") is no one else's
        contents = self._pairs(tagged, self._merged([s for s in spans if s.label_ == "CONTENT"], tagged), CONTENT_GAP)
        sources = self._pairs(tagged, [s for s in spans if s.label_ == "SOURCE"], SOURCE_GAP)
        out = []
        taken = set()
        for f in rules:  # a rule's statement stays; it takes the head's cue boundaries ("has said")
            st = f.statement
            cue = next((c for c in cues if c.start_char < st.cue.end and st.cue.begin < c.end_char), None)
            if cue is not None:
                taken.add(cue.start)
                if cue.start_char <= st.cue.begin and st.cue.end <= cue.end_char:
                    st.cue = self._span_of(cue)
            out.append(f)
        for cue in cues:
            if cue.start in taken:
                continue
            f = self.head_statement(cue, contents.get(cue.start), sources.get(cue.start))
            if f is not None:
                out.append(f)
        return out

    def head_statement(self, cue: Any, content: Any, source: Any) -> _Found | None:
        """A statement of a cue only the head found: the source is the cue's subject, else the
        head's span next to it; the content is the clause the cue governs (as the rules find
        it), else the head's content span next to it."""
        root, head_source = cue.root, source
        if any(c.dep_ == "neg" for c in root.children):
            return None  # "Gupta would n't comment": no statement was made
        if source is not None and source[-1].dep_ == "cc":
            return None  # "... General Bajwa and informed": as for the rules, no reliable source
        if source is not None and source.root.dep_ in ("pobj", "dobj"):
            source = None  # "received a call from US Secretary of State Mike Pompeo and discussed": an object is no source
        source_tok = source.root if source is not None else None
        if PARSE_SUBJECT_FIRST and SOURCE_FROM_PARSE:
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)  # its own, not inherited
            if subject is not None and not (cue.start <= subject.i < cue.end) and \
                    (source is None or not (source.start <= subject.i < source.end) or SUBJECT_SPAN):
                source, source_tok = None, subject  # "Bajwa received a call from ... Pompeo and discussed"
        if source_tok is None and SOURCE_FROM_PARSE:
            source_tok = self.subject(root)
            if source_tok is not None and cue.start <= source_tok.i < cue.end:
                source_tok = None
        span, mode = self.content(root, source_tok) if CONTENT_FROM_PARSE else (None, "")
        if span is not None and (span.begin < cue.end_char and cue.start_char < span.end):
            span = None
        if span is None and content is not None:
            span = self._span_of(content)
            mode = self._mode(span)
        whole = self.postposed(cue, head_source) if span is not None else None
        if whole is not None and whole.begin < span.begin < span.end <= whole.end:
            span = self.span(whole.begin, span.end) or span  # "Yen to | weaken further, economists say"
            mode = self._mode(span)
        if span is None:
            span = self.postposed(cue, source)
            mode = self._mode(span) if span is not None else ""
        if span is None:
            return None
        src = self._span_of(source) if source is not None else \
            self.source_span(source_tok) if source_tok is not None else None
        if src is not None and self._source_clause(src):
            src, source_tok = None, None  # a clause is no source ("Pompeo telephones COAS")
        if src is not None and (src.begin < span.end and span.begin < src.end):
            src, source_tok = None, None
        if NO_FRAGMENTS and mode == "indirect" and self._fragment(span):
            return None  # "laid siege | to the US embassy in": no content
        st = Statement(cue=self._span_of(cue), content=span, mode=mode, source=src)
        return _Found(st, source_tok, self.paragraph(st.cue.begin))

    def gated(self, found: list[_Found]) -> list[_Found]:
        """The statements whose cue the gate model (:data:`CUE_GATE`) does not reject."""
        roots = {}
        for f in found:
            span = self.doc.char_span(f.statement.cue.begin, f.statement.cue.end, alignment_mode="expand")
            if span is not None and len(span):
                roots[id(f)] = span.root.i
        probs = gate_probabilities(self.doc, self.quotes, sorted(set(roots.values())))
        return [f for f in found if probs.get(roots.get(id(f), -1), 1.0) >= CUE_GATE]

    def free_candidates(self, found: list[_Found]) -> dict[int, bool]:
        """Candidates of the cue model no found cue overlaps -> inside a found content."""
        taken = [(f.statement.cue.begin, f.statement.cue.end) for f in found]
        contents = [(f.statement.content.begin, f.statement.content.end) for f in found]
        out = {}
        for t in self.doc:
            begin, end = t.idx, t.idx + len(t.text)
            if is_candidate(t) and not any(b < end and begin < e for b, e in taken):
                out[t.i] = any(b <= begin < e for b, e in contents)
        return out

    def model_statements(self, found: list[_Found]) -> list[_Found]:
        """Statements of the candidates the cue model accepts (:data:`CUE_MODEL`) that no found
        cue overlaps: cue, source and content from the parse, as for a learned frame's verb
        (else as for a head cue); a verb of :data:`NOT_CUES` only with a reported clause
        ("continued, “...”", not "will continue to encourage")."""
        probs = cue_probabilities(self.doc, self.quotes, self.free_candidates(found))
        taken: list[tuple[int, int]] = []
        out = []
        for i, p in sorted(probs.items()):
            tok = self.doc[i]
            begin, end = tok.idx, tok.idx + len(tok.text)
            if p < CUE_MODEL or any(b < end and begin < e for b, e in taken) or \
                    (tok.lemma_.lower() in NOT_CUES and frame(tok) != "ccomp"):
                continue
            f = self.verb_statement(tok, learned=frame(tok)) if tok.pos_ in ("VERB", "AUX") else None
            if f is None:
                f = self.head_statement(self.doc[i:i + 1], None, None)
            if f is None and MODEL_FALLBACK:
                f = self.complement_statement(tok)
            if f is not None and f.statement.source is not None and \
                    f.statement.source.text.split()[-1].lower() in ("and", "or", "but"):
                f = None  # "... General Bajwa and informed": a misparse, no reliable source (as for the rules)
            if f is not None and self.addressed(tok, f.statement):
                f = None  # "would not comment to | me": whom the words were for, not what was said
            if f is not None:
                self.prep_object(tok, f.statement)
                out.append(f)
                taken.append((f.statement.cue.begin, f.statement.cue.end))
        return out

    def complement_statement(self, tok: Any) -> _Found | None:
        """A statement of the token's subject and its first complement, whatever the verb."""
        comp = next((c for d in ("ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "oprd")
                     for c in tok.children if c.dep_ == d and c.i > tok.i), None)
        if comp is None:
            return None
        if comp.dep_ == "prep":
            comp = next((c for c in comp.children if c.dep_ in ("pobj", "pcomp")), None)
            if comp is None:
                return None
        content = self.subtree_span(comp, exclude=tok)
        if content is None or self.paragraph(content.begin) != self.paragraph(tok.idx):
            return None
        source_tok = self.subject(tok)
        source = self.source_span(source_tok) if source_tok is not None else None
        if source is not None and (source.begin < content.end and content.begin < source.end or self._source_clause(source)):
            source = source_tok = None
        mode = "mixed" if any(content.begin <= q.begin and q.end <= content.end for q in self.quotes) else "indirect"
        st = Statement(cue=Span(tok.idx, tok.idx + len(tok.text), tok.text), content=content, mode=mode, source=source)
        return _Found(st, source_tok, self.paragraph(tok.idx))

    @staticmethod
    def _content_prep(tok: Any, st: Statement) -> Any:
        """The cue's preposition that opens the content, if the content is its phrase."""
        return next((c for c in tok.children if c.dep_ == "prep" and c.idx == st.content.begin), None)

    def addressed(self, tok: Any, st: Statement) -> bool:
        """The content is the cue's phrase of an addressee (:data:`ADDRESSEE_PREPOSITIONS`)."""
        prep = self._content_prep(tok, st)
        return prep is not None and prep.lower_ in ADDRESSEE_PREPOSITIONS

    def prep_object(self, tok: Any, st: Statement) -> None:
        """A content that is the cue's prepositional phrase becomes the preposition's object, so
        that the preposition joins the cue ("commented on | the reason")."""
        prep = self._content_prep(tok, st)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        span = self.subtree_span(obj, exclude=tok) if obj is not None else None
        if span is not None:
            st.content = span

    def postposed(self, cue: Any, source: Any) -> Span | None:
        """The content of a cue closing its sentence after its source ("..., chairman Roger Hart
        said on Monday."): the sentence before the source, when it has a few words."""
        sent = cue.sent
        first = source.start if source is not None and source.end <= cue.start else cue.start
        if any(not (t.is_punct or t.is_space or t.pos_ in ("ADP", "PROPN", "NOUN", "NUM", "ADV"))
               for t in self.doc[cue.end:sent.end]):
            return None
        if first - sent.start < 4 or self.doc[first - 1].text not in (",", "”", "\"", "’"):
            return None
        return self.span(sent.start_char, self.doc[first - 1].idx + len(self.doc[first - 1].text))

    def _cue(self, span: Any) -> Any:
        """A head cue without trailing prepositions and articles ("said on"), or None when its
        verb never makes a statement (:data:`~kg.extract.speech_lexicon.NOT_CUES`) or it is
        neither a speech verb of the lexicon nor of :data:`HEAD_CUE_POS` ("In", ":")."""
        end = span.end
        while end > span.start + 1 and self.doc[end - 1].pos_ in ("ADP", "DET", "PUNCT") \
                and self.doc[end - 1].text != ":":
            end -= 1
        span = self.doc[span.start:end]
        lemma = span.root.lemma_.lower()
        if lemma in NOT_CUES or not (is_verb_cue(lemma) or span.root.pos_ in HEAD_CUE_POS):
            return None
        return span

    def _merged(self, spans: list[Any], cues: list[Any]) -> list[Any]:
        """Content pieces of the head separated by at most MERGE_GAP tokens of one paragraph and
        no cue, joined."""
        out: list[Any] = []
        for s in spans:
            if out and s.start - out[-1].end <= MERGE_GAP and \
                    not any(out[-1].end <= c.start and c.end <= s.start for c in cues) and \
                    self.paragraph(out[-1].start_char) == self.paragraph(s.start_char):
                out[-1] = self.doc[out[-1].start:s.end]
            else:
                out.append(s)
        return out

    def _words_before(self) -> list[int]:
        """Words (tokens neither punctuation nor space) before each token index, computed once."""
        if self._upto is None:
            self._upto = [0]
            for t in self.doc:
                self._upto.append(self._upto[-1] + (not t.is_punct and not t.is_space))
        return self._upto

    def _pairs(self, cues: list[Any], parts: list[Any], gap: int) -> dict[int, Any]:
        """Each cue's part (by the cue's first token): the nearest in its paragraph within
        ``gap`` words, one to one, nearest pairs first."""
        pairs = []
        upto = self._words_before()
        for c in cues:
            for p in parts:
                if p.end <= c.start:
                    words = upto[c.start] - upto[p.end]
                elif p.start >= c.end:
                    words = upto[p.start] - upto[c.end]
                else:
                    continue
                if words <= gap and self.paragraph(c.start_char) == self.paragraph(p.start_char):
                    pairs.append((words, p.start < c.start, c.start, p.start, c, p))
        out: dict[int, Any] = {}
        used = set()
        for _, _, _, _, c, p in sorted(pairs, key=lambda x: x[:4]):
            if c.start not in out and p.start not in used:
                out[c.start] = p
                used.add(p.start)
        return out

    def _has_verb(self, span: Span) -> bool:
        tokens = self.doc.char_span(span.begin, span.end, alignment_mode="expand")
        return tokens is not None and any(t.pos_ == "VERB" and t.dep_ not in _MODIFIER_DEPS for t in tokens)

    def clip_to_sentence(self, st: Statement) -> None:
        """A reported content that runs past the end of the sentence it starts in, outside a
        quotation, ends there ("professing his inability to tell the difference. Was he ...")."""
        if st.mode == "direct":
            return
        span = self.doc.char_span(st.content.begin, st.content.end, alignment_mode="expand")
        if span is None or not len(span):
            return
        end = span[0].sent.end_char
        if CLIP_AT_OPENING:  # "... enterprises. ''Trump suits ...": the parse ends the sentence after the mark
            end = next((q.begin for q in self.quotes if q.begin < end < q.end and q.begin > st.content.begin
                        and not self.text[q.begin:end].strip(_OPENING + "'‘ ")), end)
        if end >= st.content.end or any(q.begin < end < q.end for q in self.quotes):
            return
        tokens = [t for t in span if t.idx < end]
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in _CLOSING + ")" or tokens[-1].is_space):
            tokens.pop()
        if tokens:
            b, e = st.content.begin, tokens[-1].idx + len(tokens[-1].text)
            st.content = Span(b, e, self.text[b:e])
            if st.mode == "mixed":  # the quotation may lie past the cut
                st.mode = self._mode(st.content)

    def _source_clause(self, span: Span) -> bool:
        """A source span with a verb of its own, not one of a relative clause or participle that
        modifies it ("Barkley, who said he votes democratic,"): a clause, no source."""
        tokens = self.doc.char_span(span.begin, span.end, alignment_mode="expand")
        if tokens is None:
            return False
        inside = range(tokens.start, tokens.end)

        def modifier(t: Any) -> bool:
            return SOURCE_MODIFIERS and any(a.dep_ in _SOURCE_MODIFIER_DEPS and a.i in inside for a in (t, *t.ancestors))
        return any(t.pos_ == "VERB" and t.dep_ not in _MODIFIER_DEPS and not modifier(t) for t in tokens)

    def _fragment(self, span: Span) -> bool:
        """A span ending in a preposition, article, conjunction or possessive: a broken piece, no content."""
        tokens = self.doc.char_span(span.begin, span.end, alignment_mode="expand")
        return tokens is not None and len(tokens) > 0 and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")
                                                           or tokens[-1].tag_ == "POS")  # "Support for | the city's"

    def _span_of(self, span: Any) -> Span:
        return Span(span.start_char, span.end_char, self.text[span.start_char:span.end_char])

    def _mode(self, content: Span) -> str:
        q = self.quote_at(content.begin) or self.quote_at(content.begin + 1)
        if q is not None and q.begin >= content.begin - 1 and content.end >= q.end - 1:
            return "direct"
        return "mixed" if any(content.begin <= x.begin and x.end <= content.end for x in self.quotes) else "indirect"

    # -- "according to X" ----------------------------------------------------------------
    def according_to(self, tok: Any) -> _Found | None:
        to = self.doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) or \
            next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        cue = Span(tok.idx, to.idx + len(to.text), self.text[tok.idx:to.idx + len(to.text)])
        return self.phrase_statement(tok, obj, cue, self.source_span(obj))

    def in_poll(self, tok: Any) -> _Found | None:
        """"In a CNN poll released Monday, 50 percent ...": the poll says it (PolNeAR's cue "in";
        "... leads in the polls" too, but later in a sentence the phrase loses precision)."""
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _POLLS:
            return None
        if tok.i - tok.sent.start > 1 and not (POLLS_INSIDE and obj.tag_ == "NN" and tok.head.lemma_.lower() not in _POLLED and
                                               any(c.dep_ in ("det", "poss", "compound", "amod") for c in obj.children)):
            return None
        tokens = [t for t in obj.subtree if t.i > tok.i]
        source = self.span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        if source is None:
            return None
        return self.phrase_statement(tok, obj, Span(tok.idx, tok.idx + len(tok.text), tok.text), source)

    def phrase_statement(self, tok: Any, obj: Any, cue: Span, source: Span | None) -> _Found | None:
        """The statement of a phrase cue with its source object ("according to X", "in X poll"):
        the rest of the sentence after the phrase when it opens the sentence, else the sentence
        before it."""
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

    # -- contents that run over another statement ---------------------------------------------
    def unnest(self, found: list[_Found]) -> None:
        """A content that runs over another statement's cue outside the content's own clause
        ("discussed the wall and explained its importance", "the ruling.\xa0“This ...,” Husted
        said") ends before that statement; one whose reported clause holds the cue ("The Post
        reported that Klein said ...") keeps it (nested statements), unless that cue is set beside
        the clause (:meth:`_coordinated`: "insisted that ... and refused to")."""
        for f in found:
            st = f.statement
            if st.mode == "direct":
                continue
            inner = [g for g in found if g is not f and st.content.begin < g.statement.cue.begin
                     and g.statement.cue.end <= st.content.end and g.statement.cue.begin > st.cue.begin]
            if not inner:
                continue
            content = self.doc.char_span(st.content.begin, st.content.end, alignment_mode="expand")
            if content is None or not len(content):
                continue
            root = content.root
            for found_inner in sorted(inner, key=lambda g: g.statement.cue.begin):
                g = found_inner.statement
                cue = self.doc.char_span(g.cue.begin, g.cue.end, alignment_mode="expand")
                if cue is None or not len(cue):
                    continue
                beside = cue.root in root.subtree and cue.root is not root and cue.root.sent == root.sent
                contrasted = beside and self._contrasted(cue.root)
                if beside and not contrasted and not self._coordinated(cue.root):
                    continue
                if contrasted:  # "..., while others said ...": a statement of its own subject
                    beside = False
                elif beside:  # "insisted that ... and refused to": the outer statement's speaker says it
                    g.source, found_inner.head = st.source, f.head
                first = min(x.begin for x in ((g.cue, g.content) if beside else (g.cue, g.source, g.content)) if x is not None)
                if contrasted:  # "..., even as he has criticized": the clause's first word
                    first = min(first, cue.root.left_edge.idx)
                cut = self.span(st.content.begin, min(first, g.cue.begin))
                if cut is not None:
                    words = self.doc.char_span(cut.begin, cut.end, alignment_mode="expand")
                    while words is not None and len(words) > 1 and words[-1].pos_ in ("CCONJ", "PUNCT", "SCONJ"):
                        words = words[:-1]
                    cut = self.span(words.start_char, words.end_char) if words is not None and len(words) else None
                if cut is not None and cut.end > st.content.begin:
                    st.content = cut
                break

    def _contrasted(self, tok: Any) -> bool:
        """A cue verb with its own subject in a clause set against the content's after a comma
        ("..., while 22 percent said they might change their mind", "..., though he did not say who")."""
        if not UNNEST_CONTRASTED or tok.dep_ != "advcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.i < tok.i), None)
        if mark is None or mark.lower_ not in _CONTRAST and not (mark.lower_ == "as" and mark.i and self.doc[mark.i - 1].lower_ == "even"):
            return False
        first = self.doc[tok.left_edge.i - 1] if tok.left_edge.i else None
        return first is not None and first.text in (",", "—", "–", "--", ";")

    def _coordinated(self, tok: Any) -> bool:
        """A cue verb set beside the content's clause rather than inside it, with no subject of its
        own: a verb conjoined by "and" / "but" ("said that ... and called on Sanders to"), a
        participle after a comma (", calling them ...")."""
        if not UNNEST_COORDINATED or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.head.i == tok.head.i
                       for c in self.doc[tok.head.i + 1:tok.i])
        before = self.doc[tok.left_edge.i - 1] if tok.left_edge.i else None
        return tok.dep_ == "advcl" and tok.tag_ == "VBG" and before is not None and before.text == ","

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
            ends = [x.end for x in (st.content, st.cue, st.source) if x is not None and x.end <= q.begin]
            gap = self.text[max(ends):q.begin]  # '"...," said Air Force 1st Lt. Tyler Livingston. "..."'
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
            outer = self.reporting(f, earlier)
            if outer is not None:  # "Analysts said they expect ...": the pronoun is the reporter
                st.speaker = outer.statement.speaker
                return
            continued = self.continued_speaker(f, earlier)
            if continued is not None:  # "..., the Financial Times has reported. It said ..."
                st.speaker = continued
                return
            referent = self.referent(head)
            if referent is not None:  # resolved by kg.extract.coref
                st.speaker = referent
                return
            kinds = ("Person",) if word in _HE_SHE else ("Organization", "GeopoliticalEntity")
            speaker = self.pronoun(st.source.begin, f.paragraph, kinds, earlier)
            if speaker is not None and word in ("they", "them") and not (
                    speaker.kind == "Organization" and plural_name(speaker.name)):
                speaker = None  # in number, as kg.extract.coref: "The tobacco companies deny ... They also
                # say" is no court named before; "it" is not checked ("Qantas said ... It said")
            st.speaker = speaker
            return
        src = st.source
        if src.end <= self.title_end and not any(b <= src.begin and src.end <= e for b, e, _ in self.mentions):
            named = [a for b, e, a in self.mentions if e == src.end and a.kind == "Person"
                     and all(is_title_word(w) or w[:1].isupper() for w in self.text[src.begin:b].split())]
            st.speaker = named[0] if named else None  # "Interior Secretary Dirk Kempthorne announced"
            return  # a headline's parse is unreliable: only a source that is one name, titles before it, speaks
        last = self.source_span(head, core=True)
        tail = self.doc.char_span(last.end - 1, last.end, alignment_mode="expand")
        last_tok = tail[0] if tail is not None and len(tail) else head
        if any(t.dep_ == "prep" for t in self.doc[head.i:last_tok.i]):
            last_tok = head  # "analysts at Nomura Securities": the analysts speak, not the firm
        for t in (head, last_tok):
            actor = self.actor_at(t.idx, t.idx + len(t.text))
            if actor is not None:
                st.speaker = actor
                return
        referent = self.referent(head)
        if referent is not None:  # "the minister", "the company": resolved by kg.extract.coref
            st.speaker = referent
            return
        inside = [a for b, e, a in self.mentions if src.begin <= b and e <= min(src.end, last.end)]  # not in its relative clause
        if word in _VOICES or head.lemma_.lower() in _VOICES:
            orgs = [a for a in inside if a.kind in ("Organization", "GeopoliticalEntity")]
            if orgs:
                st.speaker = orgs[-1]
                return
        if is_title_word(head.text) or head.lower_ == "state":
            end = max(min(src.end, last.end), src.begin + 1)
            st.speaker = self.title_holder(Span(src.begin, end, self.text[src.begin:end]), inside)
        if st.speaker is None:  # "the company's administrator, turnaround expert Enrico Bondi,"
            named = {id(a): a for b, e, a in self.mentions if src.begin <= b and e <= src.end and a.kind == "Person"
                     and "," in self.text[src.begin:b] and self.text[b:src.end].strip(" ,") == self.text[b:e]}
            if len(named) == 1:
                st.speaker = next(iter(named.values()))

    def continued_speaker(self, f: _Found, earlier: list[_Found]) -> Actor | None:
        """The organisation or country of the statement just before, when "it" or "they" is this
        statement's source in the same sentence or the next one, in the same paragraph ("Ferrari
        could be listed, the Financial Times has reported. It said Fiat ...": the newspaper, not
        Ferrari, the subject coreference finds most salient; "Yukos said it would consider its
        options. However, it claimed ...")."""
        if f.head is None or f.head.lower_ not in ("it", "they") or not earlier:
            return None
        last = earlier[-1]
        speaker = last.statement.speaker
        if speaker is None or speaker.kind not in ("Organization", "GeopoliticalEntity") or last.paragraph != f.paragraph \
                or last.statement.mode == "direct" and last.statement.content.begin <= f.head.idx < last.statement.content.end:
            return None
        cue = self.doc.char_span(last.statement.cue.begin, last.statement.cue.end, alignment_mode="expand")
        if cue is None or not len(cue):
            return None
        return speaker if f.head.sent.start <= cue[0].sent.end else None  # its sentence or the next

    def referent(self, tok: Any) -> Actor | None:
        """The actor a pronoun or definite description at ``tok`` refers to, as
        :mod:`kg.extract.coref` resolved it (``Actor.references``), if any."""
        return next((a for b, e, a in self.references if b <= tok.idx < e), None)

    def reporting(self, f: _Found, earlier: list[_Found]) -> _Found | None:
        """The statement whose reported clause holds this one's cue and whose source agrees
        with this one's pronoun in number ("X said they ...", "Ann said she ..."), if any."""
        st, word = f.statement, f.head.lower_
        for g in reversed(earlier):
            outer = g.statement
            if g.head is None or not (outer.content.begin <= st.cue.begin < outer.content.end) \
                    or outer.mode == "direct":
                continue
            plural = g.head.tag_ in ("NNS", "NNPS") or g.head.lower_ in ("they", "we")
            if (word in ("they", "them") and plural) or (word in _HE_SHE and not plural and g.head.pos_ != "PRON"
                                                            and outer.speaker is not None
                                                            and outer.speaker.kind == "Person"):
                return g
        return None

    def title_holder(self, src: Span, inside: list[Actor]) -> Actor | None:
        """The one person who holds the title the source names, or None. A title owned by what
        is no actor ("the sorority's national president") is nobody's post in the article; one
        owned by an actor ("India's finance minister") is only a post of that actor's."""
        title = re.sub(r"^(?:the|a|an)\s+", "", src.text, flags=re.IGNORECASE)
        if not inside and re.search(r"\w['’]s?\s", title):
            return None
        lowered = title.lower()
        holders = {id(h.holder): h.holder for h in self.holdings  # "India's finance minister": India's only
                   if h.title and h.title.lower() in lowered and (not inside or h.organisation in inside)}
        if len(holders) == 1:
            return next(iter(holders.values()))
        words = title.split()
        for start in range(len(words)):
            if not is_title_word(words[start]) and start < len(words) - 1:
                continue
            core = " ".join(words[start:])
            people = set()
            for m in re.finditer(re.escape(core), self.text, flags=re.IGNORECASE):
                if inside and not any(a in inside and m.start() - 30 <= e <= m.start() for _, e, a in self.mentions):
                    continue  # "UK finance minister Gordon Brown" is no "India's finance minister"
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
