"""When and where: date expressions resolved against the article's date, places of events.

Rules (``ref`` is the article's date; without it only absolute dates resolve):

- an explicit date ("December 27, 2019", "2019-12-27") is that day;
- a day or month without a year ("December 27", "27 Dec", "in September") is the occurrence
  nearest ``ref`` that the tense allows (``tense``, from :func:`tense` of the event's words):
  "future" looks forward from ``ref`` ("will meet on March 19", "not due to meet until
  September"), "past" backward ("met on December 27"), no tense either way (a tie goes back);
  so "December 27" in an article of 3 January 2020 is 2019-12-27, "March 19" in one of
  2 March 1987 is 1987-03-19;
- a weekday ("on Friday", "Tuesday night") is the latest such weekday on or before ``ref``,
  or the first after it in the future tense;
- "today", "yesterday", "tomorrow" are ``ref`` and its neighbours;
- "last week" is the Monday-Sunday week before ``ref``'s week, "this week" its week up to ``ref``;
- "the weekend" / "last weekend" is the latest Saturday-Sunday that ends before ``ref`` (or
  contains it), "last month" / "in December" the month, "last year" / "in 2019" the year: ranges.

>>> import datetime as dt
>>> ref = dt.date(2020, 1, 3)  # a Friday
>>> resolve_date("on Friday", ref), resolve_date("Tuesday", ref)
(When(date=datetime.date(2020, 1, 3), earliest=None, latest=None), When(date=datetime.date(2019, 12, 31), earliest=None, latest=None))
>>> resolve_date("December 27", ref).date, resolve_date("last week", ref)[1:]
(datetime.date(2019, 12, 27), (datetime.date(2019, 12, 23), datetime.date(2019, 12, 29)))
>>> resolve_date("weekend", ref)[1:]
(datetime.date(2019, 12, 28), datetime.date(2019, 12, 29))
>>> resolve_date("September", dt.date(1987, 3, 2), tense="future")[1:]
(datetime.date(1987, 9, 1), datetime.date(1987, 9, 30))
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, NamedTuple


class When(NamedTuple):
    """A resolved time: a day, or a range (``earliest``/``latest``), or nothing."""

    date: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def __bool__(self) -> bool:
        return any(x is not None for x in self)


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?\b(?:,?\s+(\d{{4}}))?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_ONLY = re.compile(rf"\b({_MONTH_RE})\b\.?(?:\s+(\d{{4}}))?", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

#: Words that are date expressions even when the tagger marks no DATE entity.
DATE_WORDS = frozenset({"today", "yesterday", "tomorrow", "weekend", "tonight"} | set(_WEEKDAYS))


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> When:
    return When(None, dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def _nearest(candidates: list[tuple[dt.date, When]], ref: dt.date, tense: str | None) -> When:
    """The candidate (keyed by its first day) nearest ``ref`` on the side the tense allows."""
    if tense == "future":
        candidates = [c for c in candidates if c[1].latest is not None and c[1].latest >= ref or c[0] >= ref]
    elif tense == "past":
        candidates = [c for c in candidates if c[0] <= ref]
    if not candidates:
        return When()
    return min(candidates, key=lambda c: (abs((c[0] - ref).days), c[0] > ref))[1]


def resolve_date(expression: str, ref: dt.date | None, *, tense: str | None = None) -> When:
    """The day or range a date expression names, relative dates against ``ref``; ``tense``
    ("future", "past" or None) says which way a date without a year looks."""
    text = expression.strip().lower()
    if m := _ISO.search(text):
        return When(_day(int(m[1]), int(m[2]), int(m[3])))
    for rx, month_group, day_group in ((_MDY, 1, 2), (_DMY, 2, 1)):
        if m := rx.search(text):
            month, day = _MONTHS[m[month_group].lower()], int(m[day_group])
            if m[3]:
                return When(_day(int(m[3]), month, day))
            if ref is None:
                return When()
            days = [d for year in (ref.year - 1, ref.year, ref.year + 1) if (d := _day(year, month, day))]
            return _nearest([(d, When(d)) for d in days], ref, tense)
    if ref is None:
        if (m := _YEAR.search(text)) and not _MONTH_ONLY.search(text):
            year = int(m[1])
            return When(None, dt.date(year, 1, 1), dt.date(year, 12, 31))
        return When()
    words = set(re.findall(r"[a-z]+", text))
    if "today" in words or "tonight" in words:
        return When(ref)
    if "yesterday" in words:
        return When(ref - dt.timedelta(days=1))
    if "tomorrow" in words:
        return When(ref + dt.timedelta(days=1))
    if "weekend" in words:
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
        if "next" in words:
            saturday += dt.timedelta(days=7)
        return When(None, saturday, saturday + dt.timedelta(days=1))
    if "week" in words:
        monday = ref - dt.timedelta(days=ref.weekday())
        if "last" in words or "past" in words or "previous" in words:
            return When(None, monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
        if "next" in words:
            return When(None, monday + dt.timedelta(days=7), monday + dt.timedelta(days=13))
        return When(None, monday, ref)
    for name, number in _WEEKDAYS.items():
        if name in words:
            back = (ref.weekday() - number) % 7
            if "next" in words or tense == "future":
                return When(ref + dt.timedelta(days=(number - ref.weekday()) % 7 or 7))
            if "last" in words and back == 0:
                back = 7
            return When(ref - dt.timedelta(days=back))
    if "month" in words and ("last" in words or "previous" in words):
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return _month_range(first.year, first.month)
    if "year" in words and ("last" in words or "previous" in words):
        return When(None, dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31))
    if m := _MONTH_ONLY.search(text):
        month = _MONTHS[m[1].lower()]
        if m[2]:
            return _month_range(int(m[2]), month)
        ranges = [_month_range(year, month) for year in (ref.year - 1, ref.year, ref.year + 1)]
        mid = ref.replace(day=1)  # a month is as near as its first day is to ref's month
        return _nearest([(r.earliest, r) for r in ranges], mid, tense)
    if m := _YEAR.search(text):
        year = int(m[1])
        return When(None, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return When()


def dateline(text: str) -> tuple[int, int] | None:
    """The span of a dateline's place ("RAWALPINDI (Dunya News) -" at a paragraph start).

    >>> t = "Title\\n\\nRAWALPINDI (Dunya News) – US Secretary of State ..."
    >>> b, e = dateline(t); t[b:e]
    'RAWALPINDI'
    """
    m = re.search(r"(?m)^([A-Z][A-Z .'-]{2,40}?[A-Z])(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[–—-]\s",
                  text)
    return (m.start(1), m.end(1)) if m else None


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_PAST_AUX = frozenset({"has", "have", "had", "did", "was", "were", "'d've"})
#: Governors that put the verb they introduce in the future ("due to meet", "set to sign").
_FUTURE_GOVERNORS = frozenset({"due", "set", "schedule", "expect", "plan", "intend", "go", "aim",
                               "prepare", "slate", "poised", "likely", "about", "agree", "hope", "want"})


def tense(token: Any) -> str | None:
    """Which way an event's time looks from the article's date: "future" ("will meet",
    "is due to meet", "the meeting is scheduled for"), "past" ("met", "has met", "was
    killed"), or None (the present, "ministers who meet on March 19", and modals).

    ``token`` is the event's trigger in spaCy's parse; a noun takes its governing verb's tense.

    >>> from kg.extract.nlp import load_model
    >>> nlp = load_model()
    >>> [tense(nlp(s)[i]) for s, i in [("They will meet.", 2), ("OPEC is not due to meet again.", 5),
    ...                                ("They met.", 1), ("Ministers who meet today.", 2)]]
    ['future', 'future', 'past', None]
    """
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and \
            verb.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "conj"):
        verb = verb.head
    if any(c.dep_ == "acl" and c.lemma_.lower() in _FUTURE_GOVERNORS for c in token.children):
        return "future"  # "the meeting scheduled for March 19"
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return "future"
        if v.lemma_.lower() in _FUTURE_GOVERNORS and aux & {"is", "are", "'s", "'re", "am"}:
            return "future"  # "the summit is scheduled for March 19"
        gov = v.head
        if v.dep_ in ("xcomp", "ccomp") and gov.i != v.i and gov.lemma_.lower() in _FUTURE_GOVERNORS:
            gov_aux = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
            if gov.tag_ in ("VBZ", "VBP") or gov_aux & (_FUTURE_AUX | {"is", "are", "'s", "'re", "am"}):
                return "future"
            if gov.dep_ in ("acomp",) and gov.head.tag_ in ("VBZ", "VBP"):
                return "future"  # "is not due to meet": due is the complement of "is"
            if gov.lemma_.lower() == "due" and gov.head.tag_ in ("VBZ", "VBP"):
                return "future"
        if aux & {"would", "could", "might", "may", "should", "must", "can"}:
            return None
        if v.tag_ == "VBD" or aux & _PAST_AUX:
            return "past"
        if v.tag_ == "VBN" and v.dep_ not in ("acl", "amod"):
            return "past"
    return None
