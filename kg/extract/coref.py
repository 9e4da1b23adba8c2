"""Within-article coreference: pronouns and definite descriptions resolved to a named actor.

A pure function of the parsed article and its actors (:func:`coreferences`): each pronoun
("he", "her", "its", "they", "himself", the relative "who") and each definite description
("the minister", "the actress", "the company", "police") that refers back to an actor the
article names becomes a :class:`Reference` to that actor. The rule, in the spirit of Lappin
and Leass (1994), "An algorithm for pronominal anaphora resolution":

1. **Candidates** are the actors with a name mention (or an earlier resolved reference) in
   the same sentence before the anaphor or in the :data:`WINDOW` sentences before it;
   cataphora ("In his speech, Obama ...") is not resolved; names on a line that ends no
   sentence (a headline, byline or dateline) and names that modify a noun ("Revolutionary
   Guards commander", "the US action") are no antecedents.
2. **Agreement** filters them. Gender: he/him/his/himself need a person who is not known to
   be female, she/her/hers/herself one not known to be male; a person's gender comes from a
   gendered title or noun the article puts next to the name ("Mr", "actress Tara Reid", "his
   wife Ann Smith" is not read: only the name's own modifiers and appositions count), else
   from the first name (the 1990 US Census first-name lists of the MIT-licensed ``names``
   package, offline; a name in both lists needs one frequency 3x the other; names of world news
   they lack in ``kg/wordlists/first-names.tsv``). Number and type: it/its/itself name an organisation or a country/city acting
   (never a person); they/them/their an organisation whose name is plural in form ("the
   Lakers", "Revolutionary Guards", "police"; a person or "Apple" is never "they"); "who"
   the name its relative clause modifies, a person.
3. **Syntax**: a non-reflexive object pronoun is not its own clause's subject ("Obama
   praised him" is not Obama, nor is the subject of the verb it is joined to: "Pompeo called
   Bajwa and informed him"); a reflexive one is ("Reid checked herself in"); "it" as an
   expletive ("it is raining", "it said that" stays) is left alone.
4. **Salience** chooses among the rest: each mention of an actor in the window scores
   100, plus 80 as a subject, 50 as a direct object, 40 otherwise, plus 35 when it has the
   anaphor's role (subject for subject); an actor's salience is the
   sum over the sentences of its best mention in each (resolved references count as
   mentions), all of it halved per sentence back. The most salient actor wins, unless the
   runner-up has :data:`AMBIGUOUS` of its salience or more ("Heiko Maas met Dominic Raab.
   He said ..." is left unresolved).
5. **Definite descriptions** ("the" + a common noun, not part of a name, not followed by one):
   the noun is one the article uses as a title or description of exactly one of the
   candidates ("German Foreign Minister Heiko Maas" ... "the minister"; "actress Tara Reid" ...
   "the actress"; a post of :class:`kg.model.Holding`), or names the kind of an organisation
   ("the company", "the bank", "the team": the most salient organisation, preferring one whose
   name holds the noun: "the bank" after "Deutsche Bank"); "police" (also without "the")
   refers to the one organisation with "police" in its name anywhere in the article. "they"
   is left alone when a plural noun stands between it and the organisation ("Apple ...
   100,000 workers. They ..."). The reference's span is the
   noun with its compound nouns ("minister", "gang members"), as ECB+ annotates.
6. **Predicates**: a participant noun (``kg/wordlists/participant-nouns.tsv``) the sentence
   says a name is, of the kind of that name's actor, refers to it, definite or not: in
   apposition ("Fred LaRue, a Nixon administration official"; "Esther Williams, swimming
   champion, actress"; "the actress and swimmer, Esther Williams"), named ("a woman named
   Yvonne Hiller"), after a copula ("Hiller was a worker") or "as" ("hired Cheeks as coach").
7. **Number**: a plural noun (descriptions and predicates alike) refers to no person ("the
   officers" after "Officer Jovaniel Cordova"; "Washington Post reporters Bob Woodward and Carl
   Bernstein"): it is left to :mod:`kg.extract.participants`.

>>> from kg.extract.nlp import load_model
>>> from kg.extract.actors import extract_actors
>>> text = "Tara Reid checked herself into a clinic. Her rep said she was fine."
>>> doc = load_model()(text)
>>> [(r.span.text, r.actor.name) for r in coreferences(doc, extract_actors(doc, text))]
[('herself', 'Tara Reid'), ('Her', 'Tara Reid'), ('she', 'Tara Reid')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.extract.lexicon import TITLE_WORDS
from kg.extract.nlp import doc_text, token_at
from kg.extract.participants import participant_nouns
from kg.model import Actor, Holding, Span
from kg.wordlists import table, words

#: Sentences before the anaphor's own in which an antecedent is looked for.
WINDOW = 3
#: A runner-up with at least this share of the winner's salience makes the anaphor ambiguous.
AMBIGUOUS = 2 / 3

_MALE, _FEMALE = "male", "female"
#: pronoun -> (what it may refer to, gender, reflexive)
_PRONOUNS: dict[str, tuple[str, str | None, bool]] = {
    "he": ("person", _MALE, False), "him": ("person", _MALE, False), "his": ("person", _MALE, False),
    "himself": ("person", _MALE, True),
    "she": ("person", _FEMALE, False), "her": ("person", _FEMALE, False), "hers": ("person", _FEMALE, False),
    "herself": ("person", _FEMALE, True),
    "it": ("thing", None, False), "its": ("thing", None, False), "itself": ("thing", None, True),
    "they": ("group", None, False), "them": ("group", None, False), "their": ("group", None, False),
    "theirs": ("group", None, False), "themselves": ("group", None, True),
}
_RELATIVE = frozenset({"who", "whom", "whose"})
_KINDS = {"person": {"Person"}, "thing": {"Organization", "GeopoliticalEntity"},
          "group": {"Organization"}}
_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
_OBJECT = frozenset({"dobj", "iobj", "dative"})
#: Verbs whose expletive subject "it" refers to nothing ("it seems", "it is raining").
_EXPLETIVE_HEADS = frozenset({"seem", "appear", "rain", "snow", "matter", "happen", "take"})
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Reference:
    """An anaphor (``span``: a pronoun, or a description's noun) that refers to ``actor``
    (one of the actors passed in), through ``antecedent``, the mention it was resolved to."""

    span: Span
    actor: Actor
    antecedent: Span


@lru_cache(maxsize=1)
def _first_name_genders() -> dict[str, str]:
    """First name -> gender from the 1990 US Census name lists the MIT-licensed ``names``
    package ships: a name found in both lists counts only where one frequency is at least
    three times the other ("mostly"); ``kg/wordlists/first-names.tsv`` adds names of world
    news the lists lack and takes precedence."""
    from importlib import resources

    freq: dict[str, dict[str, float]] = defaultdict(dict)
    for gender, file in ((_MALE, "dist.male.first"), (_FEMALE, "dist.female.first")):
        for line in resources.files("names").joinpath(file).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if fields:
                freq[fields[0].lower()][gender] = float(fields[1])
    genders = {}
    for name, by_gender in freq.items():
        male, female = by_gender.get(_MALE, 0.0), by_gender.get(_FEMALE, 0.0)
        if male >= 3 * female:
            genders[name] = _MALE
        elif female >= 3 * male:
            genders[name] = _FEMALE
    genders.update({name: gender for name, gender in table("first-names", columns=2)})
    return genders


@lru_cache(maxsize=1)
def _gendered_nouns() -> dict[str, str]:
    return {word: gender for word, gender in table("gendered-nouns", columns=2)}


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    return words("organisation-nouns")


def first_name_gender(name: str) -> str | None:
    """``"male"``, ``"female"`` or None, from the first word of a person's name.

    >>> first_name_gender("Tara Reid"), first_name_gender("Barack Obama"), first_name_gender("Reid")
    ('female', 'male', None)
    """
    parts = name.replace(".", " ").split()
    if len(parts) < 2 or len(parts[0]) < 2:
        return None
    return _first_name_genders().get(parts[0].lower())


class _Entity:
    """What the rule knows of one actor: its mentions so far, gender and description nouns."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        self.mentions: list[tuple[int, Span, str]] = []  # (sentence index, span, role)
        self.gender_votes: dict[str, int] = defaultdict(int)
        self.nouns: set[str] = set()

    @property
    def gender(self) -> str | None:
        male, female = self.gender_votes[_MALE], self.gender_votes[_FEMALE]
        if male != female:
            return _MALE if male > female else _FEMALE
        return None


def coreferences(doc: Any, actors: Sequence[Actor], *, holdings: Sequence[Holding] = (),
                 window: int = WINDOW) -> list[Reference]:
    """The pronouns and definite descriptions of ``doc`` that refer to one of ``actors`` (the
    article's actors with their name mentions), in text order; see the module docstring.

    ``holdings`` adds the posts the article states as descriptions of their holders.
    """
    sentences = list(doc.sents)
    sent_of = {}
    for i, sent in enumerate(sentences):
        for tok in sent:
            sent_of[tok.i] = i
    entities = [_Entity(a) for a in actors if not any(ch.isdigit() for ch in a.name)]
    named: list[tuple[int, int]] = sorted((s.begin, s.end) for a in actors for s in a.mentions)
    for entity in entities:
        for span in entity.actor.mentions:
            tokens = _tokens(doc, span)
            if not tokens or _in_headline(doc_text(doc), span):
                continue
            head = _head_of(tokens)
            if head.dep_ in ("compound", "nmod", "amod") and head.head.pos_ in ("NOUN", "PROPN"):
                continue  # "Revolutionary Guards commander", "the US action": a modifier, not a referent
            entity.mentions.append((sent_of[tokens[0].i], span, _role(head)))
            if entity.actor.kind == "Person":
                _describe(entity, tokens, doc)
        if entity.actor.kind == "Person":
            guess = first_name_gender(entity.actor.name)
            if guess:
                entity.gender_votes[guess] += 1
    for h in holdings:
        for e in entities:
            if e.actor is h.holder:
                e.nouns.update(w.lower() for w in h.title.split()[-1:])
    in_name = bytearray(len(doc_text(doc)) + 1)  # 1 where a name mention covers the character
    for b, e in named:
        in_name[b:e] = b"\x01" * (e - b)
    name_at: dict[int, tuple[_Entity, Span]] = {}  # token index -> the name mention it is in
    for entity in entities:
        for span in entity.actor.mentions:
            for t in _tokens(doc, span):
                name_at[t.i] = (entity, span)
    refs: list[Reference] = []
    for tok in doc:
        if in_name[tok.idx]:
            continue
        found = _resolve(tok, doc, entities, sent_of, window, name_at)
        if found is None:
            continue
        span_tokens, entity, antecedent = found
        gender = _PRONOUNS.get(tok.lower_, ("", None, False))[1]
        if gender:  # "he" resolved to a person makes that person male for what follows
            entity.gender_votes[gender] += 1
        span = Span(span_tokens[0].idx, span_tokens[-1].idx + len(span_tokens[-1].text),
                    doc_text(doc)[span_tokens[0].idx:span_tokens[-1].idx + len(span_tokens[-1].text)])
        entity.mentions.append((sent_of[tok.i], span, _role(tok)))
        refs.append(Reference(span, entity.actor, antecedent))
    return refs


def _resolve(tok: Any, doc: Any, entities: list[_Entity], sent_of: dict[int, int],
             window: int, name_at: dict[int, tuple[_Entity, Span]]) -> tuple[list[Any], _Entity, Span] | None:
    lower = tok.lower_
    if lower in _RELATIVE and tok.tag_ in ("WP", "WP$"):
        return _relative(tok, doc, entities)
    if lower in _PRONOUNS and tok.pos_ in ("PRON", "DET"):
        what, gender, reflexive = _PRONOUNS[lower]
        if lower == "it" and _expletive(tok):
            return None
        kinds = _KINDS[what]

        rival = _rival_noun(tok, doc, "NNS" if what == "group" else "NN") if what != "person" else -1

        def fits(e: _Entity) -> bool:
            if what == "group" and not plural_name(e.actor.name):
                return False
            if rival >= 0 and not any(rival < s.begin < tok.idx for _, s, _ in e.mentions):
                return False
            return e.actor.kind in kinds and (gender is None or e.gender in (None, gender))

        blocked = _clause_subject(tok)
        pick = _most_salient(tok, entities, sent_of, window, fits,
                             must=blocked if reflexive else None, never=None if reflexive else
                             (blocked if tok.dep_ in _OBJECT else None))
        return ([tok], *pick) if pick else None
    if tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS"):
        found = _predicate(tok, name_at) or _description(tok, entities, sent_of, window)
        if found is not None and tok.tag_ == "NNS" and found[1].actor.kind == "Person":
            return None  # "reporters Bob Woodward and Carl Bernstein", "the officers": not one person
        return found
    return None


def _predicate(tok: Any, name_at: dict[int, tuple[_Entity, Span]]) -> tuple[list[Any], _Entity, Span] | None:
    """A participant noun the sentence says a name is: in apposition ("Fred LaRue, a Nixon
    administration official"; "Esther Williams, swimming champion, actress"; "the actress and
    swimmer, Esther Williams"), named ("a woman named Yvonne Hiller"), a predicate ("Hiller
    was a worker") or a role ("introduced Cheeks as head coach"), of the kind of the name's actor."""
    kind = participant_nouns().get(tok.lemma_.lower())
    if kind is None:
        return None
    t = tok
    while t.dep_ == "conj" and t.head.pos_ == "NOUN" and t.head is not t:
        t = t.head  # the first of a list of nouns
    found = None
    for c in t.children:
        if c.dep_ == "appos" and c.i in name_at:
            found = name_at[c.i]
        elif c.dep_ == "acl" and c.lemma_ in ("name", "call", "identify"):
            found = next((name_at[g.i] for g in c.children if g.dep_ in ("oprd", "dobj", "attr") and g.i in name_at),
                         found)
    up = t
    while found is None and up.dep_ == "appos" and up.head is not up:
        up = up.head
        if up.i in name_at:
            found = name_at[up.i]
        elif up.pos_ != "NOUN":
            break
    if found is None and (t.dep_ == "attr" and t.head.lemma_ == "be" or
                          t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.pos_ in ("VERB", "AUX")):
        verb = t.head if t.dep_ == "attr" else t.head.head
        args = sorted((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")),
                      key=lambda c: c.dep_ != "dobj")  # "hired Cheeks as coach": the object first
        found = next((name_at[c.i] for c in args[:1] if c.i in name_at), None)
    if found is None or found[0].actor.kind != kind:
        return None
    span = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [tok]
    return span, found[0], found[1]


def _description(tok: Any, entities: list[_Entity], sent_of: dict[int, int],
                 window: int) -> tuple[list[Any], _Entity, Span] | None:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound" or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children):
        return None  # part of a longer noun, or "the actress Tara Reid": the name is there
    following = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if following is not None and any(following.idx == s.begin for e in entities for _, s, _ in e.mentions):
        return None  # "the TV personality Sanjay Gupta": the name follows
    definite = any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in tok.children)
    span = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [tok]
    if lemma == "police":
        police = [e for e in entities if e.actor.kind == "Organization" and "police" in e.actor.name.lower()]
        if len(police) == 1 and police[0].mentions:
            return span, police[0], min((s for _, s, _ in police[0].mentions), key=lambda s: abs(s.begin - tok.idx))
        return None
    if not definite:
        return None
    described = [e for e in entities if lemma in e.nouns or tok.lower_ in e.nouns]
    pick = _most_salient(tok, described, sent_of, window, lambda e: True)
    if pick:
        return (span, *pick)
    gender = _gendered_nouns().get(lemma)
    if gender and not described:  # "the actress" after "Lindsay Lohan's attorney": a woman named before
        pick = _most_salient(tok, [e for e in entities if e.actor.kind == "Person"], sent_of, window,
                             lambda e: e.gender == gender)
        if pick:
            return (span, *pick)
    if lemma in _organisation_nouns() and tok.tag_ == "NN":
        orgs = [e for e in entities if e.actor.kind == "Organization"]
        holding = [e for e in orgs if lemma in e.actor.name.lower().split()]
        pick = _most_salient(tok, holding or orgs, sent_of, window, lambda e: True)
        return (span, *pick) if pick else None
    return None


def _relative(tok: Any, doc: Any, entities: list[_Entity]) -> tuple[list[Any], _Entity, Span] | None:
    """"who" in "Tara Reid, who ...": the person whose name the relative clause modifies."""
    clause = tok.head if tok.head.dep_ == "relcl" else tok.head.head if tok.head.head.dep_ == "relcl" else None
    if clause is None:
        return None
    noun = clause.head
    for e in entities:
        if e.actor.kind != "Person":
            continue
        for _, span, _ in e.mentions:
            if span.begin <= noun.idx < span.end:
                return [tok], e, span
    return None


def _most_salient(tok: Any, candidates: Sequence[_Entity], sent_of: dict[int, int], window: int,
                  fits: Any, *, must: Any = None, never: Any = None) -> tuple[_Entity, Span] | None:
    here = sent_of[tok.i]
    role = _role(tok)
    scored = []
    for e in candidates:
        if not fits(e):
            continue
        best: dict[int, float] = {}
        last = None
        for sent, span, mention_role in e.mentions:
            if span.end > tok.idx or here - sent > window:
                continue
            if never is not None and span.begin <= never.idx < span.end:
                break
            value = (100 + {"subject": 80, "object": 50}.get(mention_role, 40) + (35 if mention_role == role else 0))
            best[sent] = max(best.get(sent, 0.0), value / 2 ** (here - sent))
            last = span if last is None or span.begin > last.begin else last
        else:
            if last is not None and (must is None or any(s.begin <= must.idx < s.end for _, s, _ in e.mentions)):
                scored.append((sum(best.values()), e, last))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    if len(scored) > 1 and scored[1][0] >= AMBIGUOUS * scored[0][0]:
        return None  # "Heiko Maas met Dominic Raab. He said ...": too close to call
    return scored[0][1], scored[0][2]


def plural_name(name: str) -> bool:
    """A name that is plural in form ("the Lakers", "Revolutionary Guards", "Police"), which
    "they" can refer to (a company is "it"); a name of "X of Y" is as its X ("Court of Appeals"
    is "it", "Friends of the Earth" "they").

    >>> plural_name("Revolutionary Guards"), plural_name("Court of Appeals"), plural_name("Friends of the Earth")
    (True, False, True)
    """
    words = name.split(" of ")[0].split()
    last = words[-1].lower() if words else ""
    return last in ("police", "people") or (last.endswith("s") and not last.endswith(("ss", "us", "is", "news")))


def _in_headline(text: str, span: Span) -> bool:
    """Whether a span is on a line that does not end a sentence (a headline, byline or
    dateline): what such lines name is no antecedent for the body."""
    start = text.rfind("\n", 0, span.begin) + 1
    end = text.find("\n", span.end)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    return not line.endswith((".", "!", "?", '"', "'", "”", "’", ")", ":"))


def _rival_noun(tok: Any, doc: Any, tag: str) -> int:
    """The offset of the last common noun of the pronoun's number (``tag``: NN for "it",
    NNS for "they") in an argument position before the pronoun in its sentence or the one
    before ("Apple ... 100,000 workers. They ..."), -1 if none: an actor named before it is
    not the likelier referent."""
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for t in reversed(doc[start:tok.i]):
        if t.tag_ == tag and t.dep_ in _SUBJECT | _OBJECT | {"pobj", "attr", "appos"}:
            return t.idx
    return -1


def _clause_subject(tok: Any) -> Any:
    """The subject token of the clause the pronoun is an argument of (None if none)."""
    head = tok.head
    if tok.dep_ == "pobj":
        head = head.head
    while True:  # "Pompeo telephoned Bajwa and informed him": the subject of the first verb
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c is not tok:
                # "Bajwa and informed him": a subject with "and" but nothing joined is a parse
                # of a sentence cut in two, not a subject to trust
                broken = any(g.dep_ == "cc" for g in c.children) and not any(g.dep_ == "conj" for g in c.children)
                return None if broken else c
        if head.dep_ != "conj" or head.head is head:
            return None
        head = head.head


def _expletive(tok: Any) -> bool:
    if tok.dep_ == "expl" or tok.head.lemma_ in _EXPLETIVE_HEADS:
        return True
    # "it is likely that ...", "it was time to ...": a copula with a clausal complement
    return tok.head.lemma_ == "be" and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in tok.head.children)


def _role(tok: Any) -> str:
    if tok.dep_ in _SUBJECT:
        return "subject"
    if tok.dep_ in _OBJECT:
        return "object"
    return "other"


def _describe(entity: _Entity, tokens: list[Any], doc: Any) -> None:
    """Nouns and titles the article attaches to a name: "actress Tara Reid", "Reid, an
    actress", "the actress, Tara Reid", "Mr Smith"; they give gender and descriptions."""
    head = _head_of(tokens)
    nouns = [t for t in _before(tokens, doc)]
    nouns += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(head.head)
    gendered = _gendered_nouns()
    for noun in nouns:
        word = noun.lower_.rstrip(".")
        if word in gendered:
            entity.gender_votes[gendered[word]] += 2
        if noun.pos_ == "NOUN" or word in TITLE_WORDS:
            entity.nouns.add(noun.lemma_.lower())
            entity.nouns.add(word)


def _before(tokens: list[Any], doc: Any) -> list[Any]:
    """The lower-case or title words right before a name ("actress", "Mr", "party girl")."""
    out = []
    i = tokens[0].i - 1
    while i >= 0 and len(out) < 3:
        t = doc[i]
        if t.pos_ == "NOUN" or t.lower_.rstrip(".") in _gendered_nouns() or t.lower_ in TITLE_WORDS:
            out.append(t)
            i -= 1
            continue
        break
    return out


def _head_of(tokens: list[Any]) -> Any:
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head is t:
            return t
    return tokens[-1]


def _tokens(doc: Any, span: Span) -> list[Any]:
    first = doc[i] if (i := token_at(doc, span.begin)) is not None else None
    if first is None:
        first = next((t for t in doc if t.idx <= span.begin < t.idx + len(t.text)), None)
        if first is None:
            return []
    out = []
    for t in doc[first.i:]:
        if t.idx >= span.end:
            break
        out.append(t)
    return out
