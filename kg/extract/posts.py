"""Posts people hold, as news names them: one :class:`Holding` per (holder, title, organisation).

Forms read (on the tokens around each person mention):

- a title before the name: "US Secretary of State Mike Pompeo", "Chief of Army Staff (COAS)
  General Qamar Javed Bajwa", "Iran Revolutionary Guards commander Qasem Soleimani",
  "German Foreign Minister Heiko Maas", "Chinese Politburo member Yang Jiechi";
- an apposition after it: "Mike Pompeo, the US Secretary of State," / "the Y of Z" / "Jorio
  Dauster, president of the Brazilian Coffee Institute,";
- "Z's Y X": "Iran's foreign minister Javad Zarif".

The organisation is the nearest actor, country name, country code or nationality adjective
before the title ("US", "German", "Revolutionary Guards"), or the actor after "of". A
nationality without an actor of its own becomes a country actor (kind GeopoliticalEntity,
with the adjective as its mention). Ranks and honorifics ("General", "Mr") are not posts
and are dropped; a post-acronym defined in the text ("(COAS)") stands for its title. Later
references by title alone ("the US Secretary of State said") become mentions of the
holder when exactly one holder of that post is known in the article.

>>> from kg.extract.nlp import load_model
>>> from kg.extract.actors import extract_actors
>>> from kg.model import Analysis, Article
>>> text = "German Foreign Minister Heiko Maas met reporters. The Foreign Minister left."
>>> doc = load_model()(text)
>>> an = Analysis(Article("a", text), extract_actors(doc, text), [], "m")
>>> [(h.holder.name, h.title, h.organisation.name) for h in extract_holdings(doc, an)]
[('Heiko Maas', 'Foreign Minister', 'Germany')]
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from kg.extract import gazetteer
from kg.extract.lexicon import FUNCTION_WORDS, HONORIFICS, TITLE_WORDS
from kg.extract.nlp import token_at
from kg.model import Actor, Analysis, Holding, Span
from kg.wordlists import words

#: Lower-case nouns of posts besides the title words of the actor lexicon ("commander").
POST_NOUNS = words("post-nouns")
_WEEKDAYS_MONTHS = frozenset(name.lower() for name in (*calendar.day_name, *calendar.month_name) if name)
_TITLE_LOWER = frozenset(TITLE_WORDS) | POST_NOUNS


def _is_post_word(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLE_LOWER


def _is_rank(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS and word[:1].isupper()


class _Index:
    """Actor mentions of the article by character offset."""

    def __init__(self, actors: list[Actor]) -> None:
        self.spans = sorted(((s.begin, s.end, a) for a in actors for s in a.mentions), key=lambda x: x[:2])

    def covering(self, begin: int, end: int) -> tuple[int, int, Actor] | None:
        for b, e, a in self.spans:
            if b <= begin and end <= e:
                return b, e, a
        return None


def extract_holdings(doc: Any, analysis: Analysis) -> list[Holding]:
    """The posts the article says its persons hold (may add country actors to ``analysis``)."""
    text = analysis.article.text
    index = _Index(analysis.actors)
    acronyms = {m.group(2): m.group(1) for m in re.finditer(
        r"((?:[A-Z][\w-]*\s+(?:of\s+(?:the\s+)?)?){1,6})\(\s*([A-Z]{2,6})\s*\)", text)
        if any(_is_post_word(w) for w in m.group(1).split())}
    acronyms = {k: " ".join(v.split()) for k, v in acronyms.items()}
    found: dict[tuple[int, str, str], Holding] = {}
    for b, e, actor in list(index.spans):
        if actor.kind != "Person":
            continue
        for where in ("before", "after"):
            got = _title_before(doc, text, b, e, index, acronyms) if where == "before" else \
                _apposition(doc, text, e, index, acronyms)
            if not got:
                continue
            title, org_span, org, mention = got
            if org is None and org_span is not None:
                org = _country_actor(analysis, index, org_span, text)
            key = (id(actor), title.lower(), org.name if org else "")
            holding = found.setdefault(key, Holding(actor, title, org, []))
            if mention not in holding.mentions:
                holding.mentions.append(mention)
    holdings = list(found.values())
    _title_only_references(holdings, text, index)
    for holding in holdings:
        holding.label = post_label(holding.title)
    return holdings


def post_label(title: str) -> str:
    """The label of a post, capitalised the same way in every article (one label per IRI).

    >>> post_label("president"), post_label("chief of army staff"), post_label("Politburo member")
    ('President', 'Chief of Army Staff', 'Politburo Member')
    """
    return " ".join(w if w.isupper() or (i and w.lower() in FUNCTION_WORDS) else w[:1].upper() + w[1:]
                    for i, w in enumerate(title.split()))


def _title_before(doc: Any, text: str, begin: int, end: int, index: _Index,
                  acronyms: dict[str, str]) -> tuple[str, Span | None, Actor | None, Span] | None:
    """The title words right before a name, with their organisation."""
    i = token_at(doc, begin)
    if i is None:
        return None
    items: list[tuple[int, int, str]] = []  # (begin, end, kind) kind: word/org/acr/rank/of
    j = i - 1
    while j >= 0:
        t = doc[j]
        if t.is_space:
            j -= 1
            continue
        w = t.text
        cov = index.covering(t.idx, t.idx + len(w))
        if cov and cov[2].kind != "Person" and not (w in acronyms):
            items.append((cov[0], cov[1], "org"))
            break
        if w == ")" and j >= 2 and doc[j - 1].text in acronyms and doc[j - 2].text == "(":
            j -= 3
            continue
        if w in ("'s", "’s", "s") and j > 0 and items and items[-1][2] != "of" and t.tag_ == "POS":
            j -= 1
            continue
        if w.lower() == "of" and items:
            items.append((t.idx, t.idx + 2, "of"))
        elif w.lower() == "the" and items and j > 0 and doc[j - 1].lower_ == "of":
            items.append((t.idx, t.idx + 3, "word"))  # "Secretary of the Interior"
        elif w in acronyms:
            items.append((t.idx, t.idx + len(w), "acr"))
        elif gazetteer.is_demonym(w) or (w.isupper() and gazetteer.country(w)):
            items.append((t.idx, t.idx + len(w), "nat"))
        elif _is_rank(w) and not _is_post_word(w):
            items.append((t.idx, t.idx + len(w), "rank"))
        elif _is_post_word(w) or (w[:1].isupper() and w.lower() not in _WEEKDAYS_MONTHS
                                   and t.pos_ in ("PROPN", "NOUN", "ADJ") and items):
            items.append((t.idx, t.idx + len(w), "word"))
        else:
            break
        if items[-1][2] in ("org", "nat"):
            break
        j -= 1
    items.reverse()
    return _parse_title(items, text, index, acronyms, end=end)


def _parse_title(items: list[tuple[int, int, str]], text: str, index: _Index, acronyms: dict[str, str],
                 *, end: int) -> tuple[str, Span | None, Actor | None, Span] | None:
    org_item = None
    if items and items[0][2] in ("org", "nat"):
        org_item, items = items[0], items[1:]
    # "Secretary of State" stays whole; trailing ranks ("General") go
    while items and items[-1][2] == "rank":
        items = items[:-1]
    items = [x for x in items if x[2] != "rank"]
    while items and items[0][2] == "of":
        items = items[1:]
    while items and items[-1][2] == "of":
        items = items[:-1]
    if not items:
        return None
    words = [acronyms[text[b:e]] if kind == "acr" else text[b:e] for b, e, kind in items]
    if not any(_is_post_word(w) for w in " ".join(words).split()):
        return None
    title = " ".join(words)
    start = org_item[0] if org_item else items[0][0]
    mention = Span(start, end, text[start:end])
    if org_item is None:
        return title, None, None, mention
    cov = index.covering(org_item[0], org_item[1])
    org_span = Span(org_item[0], org_item[1], text[org_item[0]:org_item[1]])
    return title, org_span, cov[2] if cov and org_item[2] == "org" else None, mention


def _apposition(doc: Any, text: str, end: int, index: _Index,
                acronyms: dict[str, str]) -> tuple[str, Span | None, Actor | None, Span] | None:
    """", the US Secretary of State,", ", the commander of the Quds Force," or (news agency
    style, no article) ", president of the Brazilian Coffee Institute," after a name."""
    m = re.match(r",\s+(?:(?:the|a|an)\s+)?([^,;:.()\"“”]{3,80}?)\s*(?=[,;.]|$)", text[end:])
    if not m:
        return None
    b0 = end + m.start(1)
    phrase = m.group(1)
    words = [(b0 + w.start(), b0 + w.end()) for w in re.finditer(r"[\w’'-]+", phrase)]
    items: list[tuple[int, int, str]] = []
    org_after = None
    k = 0
    while k < len(words):
        b, e = words[k]
        w = text[b:e]
        cov = index.covering(b, e)
        if cov and cov[2].kind != "Person":
            if items and items[-1][2] == "of":
                org_after = cov
                items.pop()
                break
            items.append((cov[0], cov[1], "org"))
            while k < len(words) and words[k][0] < cov[1]:
                k += 1
            continue
        pair = text[b:words[k + 1][1]] if k + 1 < len(words) else ""
        if pair.istitle() and " " in pair and gazetteer.is_demonym(pair):  # "West German"
            items.append((b, words[k + 1][1], "nat"))
            k += 2
            continue
        if w.lower() == "of":
            items.append((b, e, "of"))
        elif w.lower() == "the" and items and items[-1][2] == "of":
            pass
        elif w in acronyms:
            items.append((b, e, "acr"))
        elif gazetteer.is_demonym(w) or (w.isupper() and gazetteer.country(w)):
            items.append((b, e, "nat"))
        elif w.lower() in ("'s", "s", "’s"):
            pass
        elif _is_post_word(w) or w[:1].isupper():
            items.append((b, e, "word"))
        else:
            return None
        k += 1
    if org_after:
        if items and items[0][2] in ("org", "nat"):
            items = items[1:]
        items = [(org_after[0], org_after[1], "org")] + items
    got = _parse_title(items, text, index, acronyms, end=end)
    if not got:
        return None
    title, org_span, org, _ = got
    stop = b0 + len(phrase)
    name_start = end
    while name_start > 0 and not text[name_start - 1].isspace() and name_start > end - 200:
        name_start -= 1
    cov = index.covering(end - 1, end)
    start = cov[0] if cov else name_start
    return title, org_span, org, Span(start, stop, text[start:stop])


def _country_actor(analysis: Analysis, index: _Index, span: Span, text: str) -> Actor | None:
    """The country a nationality or code names: the article's actor, else a new one.

    A nationality adjective ("British Foreign Secretary") makes the country the post's
    organisation, not a mention of the country: the post's own mention grounds that fact.
    A country code or name ("US Secretary of State") is a mention of the country."""
    c = gazetteer.country(span.text)
    if c is None:
        return None
    names_country = not gazetteer.is_demonym(span.text)
    for actor in analysis.actors:
        if actor.country_code == c.code:
            if names_country and span not in actor.mentions:
                actor.mentions.append(span)
                actor.mentions.sort()
            return actor
    actor = Actor(c.name, "GeopoliticalEntity", [span] if names_country else [], set(), c.code)
    analysis.actors.append(actor)
    if names_country:
        index.spans.append((span.begin, span.end, actor))
    return actor


def _title_only_references(holdings: list[Holding], text: str, index: _Index) -> None:
    """"the US Secretary of State said" -> a mention of the one holder of that post."""
    by_post: dict[tuple[str, str], list[Holding]] = {}
    for h in holdings:
        by_post.setdefault((h.title.lower(), h.organisation.name if h.organisation else ""), []).append(h)
    for (title, _), hs in by_post.items():
        if len({id(h.holder) for h in hs}) != 1 or not any(w[:1].isupper() for w in hs[0].title.split()):
            continue
        h = hs[0]
        org_forms = sorted({s.text for s in (h.organisation.mentions if h.organisation else [])}, key=len, reverse=True)
        org_rx = "|".join(re.escape(f) for f in org_forms)
        pattern = rf"\bthe\s+((?:(?:{org_rx})(?:['’]s)?\s+)?{re.escape(h.title)})\b" if org_rx else \
            rf"\bthe\s+({re.escape(h.title)})\b"
        for m in re.finditer(pattern, text):
            b, e = m.start(1), m.end(1)
            after = text[e:e + 40]
            if re.match(r"\s+(?:of\b|[A-Z])", after):
                continue  # "the Secretary of State of X", or a name follows (a title, read above)
            if any(hm.begin <= b < hm.end for x in hs for hm in x.mentions):
                continue
            span = Span(b, e, text[b:e])
            if span not in h.holder.mentions:
                h.holder.mentions.append(span)
                h.holder.mentions.sort()
                index.spans.append((b, e, h.holder))
