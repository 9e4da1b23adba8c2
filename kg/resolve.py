"""One IRI per real-world actor, decided over the whole set of articles, in any order.

Extraction gives each article's actors as *units*: the names the article uses for one actor
and the kind it saw. :class:`Identity` clusters the units of all articles (the batch plus the
store's) and is a function of that multiset only, so input order, run boundaries and crashes
cannot change it:

1. Units are grouped by folded name (the name the article gives; an organisation's without a
   closing company word: "Acme Precision Inc" is "Acme Precision"); each group's kind is voted
   by all the mentions of its units ("Lyon" a place in ten articles is not a person in the
   eleventh). A name read as a place in some articles and as an organisation in others, each
   reading the article's own in at least :data:`READING_SUPPORT` articles, names two actors
   (the city and its team: "Chicago"): the units of the reading that loses the vote form a
   group of their own, an IRI suffixed with its kind.
2. A person's full name ("Michael R. Pompeo", parsed by ``nameparser``: particles such as
   "von der", "al-", "bin"; suffixes) is keyed by surname and first name. First names that
   are nicknames (``nicknames`` package: Mike/Michael) or initials of exactly one other first
   name of that surname join it; a different first name is a different person. A one-word
   nickname in quotes or parentheses ("Luis Gerardo (Jerry) Ortiz") is that person's too:
   "Jerry Ortiz" joins him.
3. A name without a first name ("Locke", "von der Leyen", "Muhandis", "Xi" for the
   family-name-first "Xi Jinping") joins the one person cluster it fits only when exactly one
   fits in the whole set; with two ("George W. Bush", "Reggie Bush") it stays apart. Such a
   name voted an organisation joins too when some article saw it as a person ("Obama").
4. Organisations and places are their folded name, joined to the one other cluster of a
   compatible kind that uses the name as an alias ("ISPR"); an organisation's name that ends
   exactly one other organisation's name after a place ("Saints", "New Orleans Saints") joins it.
   Places of one :func:`place_base` are one ("Mt Cook", "Mount Cook"; "Qeshm", "Qeshm Island";
   "Mediterranean", "Mediterranean Sea").
5. A cluster's kind is voted by all its mentions; its label is, for a person, its most
   complete name (most words, then longest, then the lexicographically first), else the most
   used writing of its name; its IRI comes from the label.

>>> units = [Unit(frozenset({"Locke"}), "Person"), Unit(frozenset({"Gary Locke"}), "Person"),
...          Unit(frozenset({"Obama"}), "Organization"), Unit(frozenset({"Obama"}), "Person"),
...          Unit(frozenset({"Barack Obama"}), "Person")]
>>> ident = Identity(units)
>>> [(ident.cluster(u).label, ident.cluster(u).kind) for u in units[::2]]
[('Gary Locke', 'Person'), ('Barack Obama', 'Person'), ('Barack Obama', 'Person')]
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from nameparser import HumanName

from kg import geonames
from kg.closure import LeastRoot
from kg.extract.gazetteer import country, is_demonym
from kg.extract.lexicon import is_given_name, nicknamer
from kg.model import ACTOR_KINDS, Actor
from kg.vocab import DEFAULT_BASE, actor_iri, slug

#: Which kind wins a tied vote (the order of :data:`kg.model.ACTOR_KINDS`).
_RANK = {k: i for i, k in enumerate(ACTOR_KINDS)}
_PLACE_KINDS = frozenset({"GeopoliticalEntity", "Place"})
#: Lower-case name particles a surname may start with ("von der Leyen", "bin Laden").
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "dello", "dei", "degli", "di", "da", "du",
                        "la", "le", "lo",
                        "bin", "ibn", "al", "el", "ben", "ter", "ten", "dos", "das"})
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul)[-‐]", re.I)
#: A company word closing an organisation's name, left out of the name it is grouped by.
_COMPANY_WORD = re.compile(r",?\s+(?:inc|corp|co|ltd|plc|llc|company|corporation|incorporated|limited)\.?$")
#: Words closing a place's name that the name may go without ("Qeshm Island": "Qeshm"), unless
#: what is left is a direction or a kind of place ("South Island" is not "the South").
_PLACE_WORDS = frozenset({"island", "sea", "ocean", "river"})
_PLACE_GENERIC = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                            "central", "gulf", "bay", "coast", "great", "little"})
#: Abbreviations a place's name may begin with, and their full word ("Mt Cook": "Mount Cook").
_PLACE_ABBREVIATIONS = {"mt": "mount", "mt.": "mount"}
#: Articles that must each read a name as a place (or as an organisation) for that reading to
#: stand as an actor of its own when the other reading wins the name's vote.
READING_SUPPORT = 2
#: A GeoNames city this populous names a place before an organisation's short form ("Kansas City
#: Chiefs") even when no article names the city alone.
BIG_CITY = geonames.BIG_CITY


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """A name folded for comparison: accents dropped, case folded, spaces normalised.

    >>> fold("  Müller\\nAG ")
    'muller ag'
    """
    ascii_name = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(ascii_name.casefold().split())


@dataclass(frozen=True, order=True)
class Unit:
    """One actor of one article as identity sees it: the name the article gives it, every name
    it uses, the kind the article saw."""

    names: frozenset[str]
    kind: str
    country_code: str | None = None
    name: str = ""
    votes: tuple[tuple[str, int], ...] = ()  # mentions seen as each kind (none: one for ``kind``)

    @property
    def best(self) -> str:
        """The article's name for it (else its most complete name)."""
        return self.name or most_complete(self.names)


def group_key(unit: Unit) -> str:
    """The folded name a unit is grouped by: an organisation's without its company word
    ("ACME PRECISION INC" and "Acme Precision" are one firm).

    >>> group_key(Unit(frozenset({"Acme Precision Inc."}), "Organization")), group_key(Unit(frozenset({"Smith and Co"}), "Organization"))
    ('acme precision', 'smith and co')
    """
    key = fold(unit.best)
    if unit.kind != "Organization":
        return key
    short = _COMPANY_WORD.sub("", key)
    return short if short and short.split()[-1] not in ("and", "&", "of", "the") else key


def place_base(key: str) -> str:
    """A place's folded name with an abbreviation first written in full and without a closing
    word of :data:`_PLACE_WORDS`: places of one base are one place.

    >>> place_base("mt cook"), place_base("qeshm island"), place_base("mediterranean sea"), place_base("sea")
    ('mount cook', 'qeshm', 'mediterranean', 'sea')
    >>> place_base("south island"), place_base("gulf island")
    ('south island', 'gulf island')
    """
    words = key.split()
    if words and words[0] in _PLACE_ABBREVIATIONS:
        words[0] = _PLACE_ABBREVIATIONS[words[0]]
    if len(words) > 1 and words[-1] in _PLACE_WORDS and " ".join(words[:-1]) not in _PLACE_GENERIC:
        words.pop()
    return " ".join(words)


def most_complete(names: Iterable[str]) -> str:
    """Not all in capitals if another is not, then most words, then most characters, then the
    lexicographically first.

    >>> most_complete(["Mike Pompeo", "Michael R. Pompeo", "Pompeo"]), most_complete(["ACME CORP INC", "Acme Corp"])
    ('Michael R. Pompeo', 'Acme Corp')
    """
    return min(names, key=lambda n: (n.isupper(), -len(n.split()), -len(n), n))


@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name that identity compares, folded."""

    first: str  # "" for a surname alone
    surname: str  # the last word of the family name, particles and "al-" dropped
    words: int
    nickname: str = field(default="", repr=False)  # one word in quotes or parentheses: "Luis Gerardo (Jerry) Ortiz"


@lru_cache(maxsize=65536)
def person_name(name: str) -> PersonName:
    """First name and surname key of a person's name (``nameparser`` does the parsing).

    >>> person_name("Ursula von der Leyen"), person_name("von der Leyen").surname
    (PersonName(first='ursula', surname='leyen', words=4), 'leyen')
    >>> person_name("Abu Mahdi al-Muhandis").surname, person_name("Martin Luther King Jr.").surname
    ('muhandis', 'king')
    >>> person_name("W. Mark Felt").first, person_name("George W. Bush").first
    ('mark', 'george')
    >>> person_name("Luis Gerardo ( Jerry ) Ortiz").nickname, person_name("Vincent 'The Chin' Gigante").nickname
    ('jerry', '')
    """
    words = fold(name).replace("\u2010", "-").split()
    if not words:
        return PersonName("", "", 0)
    if len(words) == 1 or words[0] in _PARTICLES:
        return PersonName("", _surname_key(words[-1]), len(words))
    parsed = HumanName(fold(name))
    last = parsed.last.split() or [words[-1]]
    first = parsed.first.rstrip(".") if parsed.last else ""
    middle = parsed.middle.split()
    if _is_initial(first) and middle and not _is_initial(middle[0].rstrip(".")):
        first = middle[0]  # "W. Mark Felt", "J. Edgar Hoover": known by the middle name
    nickname = parsed.nickname.strip("()'\" ")
    return PersonName(first, _surname_key(last[-1]), len(words), nickname if " " not in nickname else "")


def _surname_key(word: str) -> str:
    return _ARTICLE_PREFIX.sub("", word).strip(".-")


def _is_initial(first: str) -> bool:
    return len(first) == 1


@lru_cache(maxsize=1 << 16)
def _nickname_of(nick: str, formal: str) -> bool:
    """True when ``nick`` is a variant of ``formal`` (``nicknames`` package data, either way
    round) and the shorter of the two (of equal length, the lexicographically later).

    >>> _nickname_of("mike", "michael"), _nickname_of("michael", "mike"), _nickname_of("tim", "tom")
    (True, False, False)
    """
    if (len(nick), formal) >= (len(formal), nick):
        return False
    names = nicknamer()
    return (nick in names.nicknames_of(formal) or formal in names.nicknames_of(nick)
            or nick in names.canonicals_of(formal) or formal in names.canonicals_of(nick))


@dataclass
class Cluster:
    """One real-world actor: IRI, label, kind, the names it goes by."""

    iri: str
    label: str
    kind: str
    aliases: frozenset[str]
    country_code: str | None = None


@dataclass
class _Group:
    """The units of one folded name."""

    units: Counter[Unit] = field(default_factory=Counter)

    @cached_property
    def kind(self) -> str:
        """The group's voted kind (asked only once its units are final)."""
        return _vote(self.units)

    @cached_property
    def name(self) -> str:
        return most_complete(u.best for u in self.units)

    def seen_as(self, kind: str) -> bool:
        return any(k == kind for u in self.units for k, _ in u.votes or ((u.kind, 1),))


def _vote(units: Counter[Unit]) -> str:
    """The kind most mentions of these units were seen as (ties: :data:`ACTOR_KINDS` order)."""
    if len(units) == 1:
        (u,) = units
        if len(u.votes) < 2:  # one kind seen: that kind
            return u.votes[0][0] if u.votes else u.kind
    votes: dict[str, int] = {}
    for u, n in units.items():
        for kind, m in u.votes or ((u.kind, 1),):
            votes[kind] = votes.get(kind, 0) + n * m
    return min(votes, key=lambda k: (-votes[k], _RANK.get(k, 99), k))


class Identity:
    """The clusters of a multiset of units (``units``: those counted); :meth:`cluster` gives a
    unit's actor.

    The result depends on which units there are and how many, never on their order.
    """

    def __init__(self, units: Iterable[Unit] | Counter[Unit], *, base: str = DEFAULT_BASE) -> None:
        self.base = base
        counts = units if isinstance(units, Counter) else Counter(units)
        self.units = frozenset(u for u, n in counts.items() if n > 0)
        groups: dict[str, _Group] = defaultdict(_Group)
        for u, n in counts.items():
            if n > 0:
                groups[group_key(u)].units[u] += n
        self._split: dict[Unit, str] = {}  # unit -> its group, for the units of a split-off reading
        for g, grp in sorted(groups.items()):
            other = _losing_reading(grp)
            if other is not None:
                split = f"{g}\x1f{other}"  # no folded name holds \x1f (whitespace to str.split)
                for u in [u for u in grp.units if _reading(u.kind) == other]:
                    groups[split].units[u] = grp.units.pop(u)
                    self._split[u] = split
        self._groups = dict(groups)
        self._key = self._cluster_keys()
        self._clusters = self._build()

    def cluster(self, unit: Unit) -> Cluster:
        """The actor a unit is (the unit must be one of this identity's units)."""
        return self._clusters[self._key[self._split.get(unit) or group_key(unit)]]

    def clusters(self) -> list[Cluster]:
        """Every actor, by IRI."""
        return sorted(self._clusters.values(), key=lambda c: c.iri)

    # -- clustering ------------------------------------------------------------------------
    def _cluster_keys(self) -> dict[str, str]:
        """Folded name -> cluster key (the folded name of the group that leads the cluster)."""
        key = {g: g for g in self._groups}
        persons = {g: person_name(grp.name) for g, grp in self._groups.items() if grp.kind == "Person"
                   or (grp.kind == "Organization" and grp.seen_as("Person") and not person_name(grp.name).first)}
        by_surname: dict[str, list[str]] = defaultdict(list)
        for g, p in sorted(persons.items()):
            if p.first:
                by_surname[p.surname].append(g)
        anchors: dict[str, list[str]] = {}  # surname -> cluster keys of its full names
        for surname, full in by_surname.items():
            firsts = {persons[g].first for g in full}
            nicks: dict[str, set[str]] = defaultdict(set)  # "jerry": {"luis"} (Luis Gerardo (Jerry) Ortiz)
            for g in full:
                if persons[g].nickname:
                    nicks[persons[g].nickname].add(persons[g].first)
            called = {nick: next(iter(of)) for nick, of in nicks.items() if len(of) == 1}
            lead: dict[str, str] = {}  # first name -> the group that leads its cluster
            formal = sorted(f for f in firsts if not _is_initial(f) and called.get(f, f) == f and
                            not any(not _is_initial(o) and _nickname_of(f, o) for o in firsts))
            for g in full:
                if persons[g].first in formal:
                    lead.setdefault(persons[g].first, g)
            for g in full:
                f = persons[g].first
                fits = [o for o in formal if o == f or _nickname_of(f, o) or (_is_initial(f) and o[0] == f)
                        or called.get(f) == o]
                key[g] = lead[fits[0]] if len(fits) == 1 else key[g]
            anchors[surname] = sorted({key[g] for g in full})
        self._spelling_joins(key, [g for g, p in persons.items() if p.first])
        anchors = {s: sorted({key[k] for k in keys}) for s, keys in anchors.items()}
        family_first: dict[str, list[str]] = defaultdict(list)  # "xi" -> keys of "Xi Jinping"
        for g, p in persons.items():
            if p.first and p.words == 2 and " " not in p.first and not is_given_name(p.first):
                family_first[p.first].append(key[g])
        for g, p in persons.items():
            if not p.first:
                fits = set(anchors.get(p.surname, ())) | (set(family_first.get(g, ())) if " " not in g else set())
                if len(fits) == 1:
                    key[g] = fits.pop()
        for g in self._groups:  # "American Hasim Rahman": Hasim Rahman
            rest = _after_demonym(g)
            if rest and key[g] == g and rest in persons and persons[rest].first:
                key[g] = key[rest]
        self._alias_joins(key, persons)
        self._short_forms(key, persons)
        self._place_forms(key)
        self._spelling_joins(key, [g for g in self._groups if g not in persons and key[g] == g])
        return key

    def _spelling_joins(self, key: dict[str, str], groups: Iterable[str]) -> None:
        """Clusters of one kind whose names are :func:`spelling_variants` join ("Karolos Papoulias"
        and "Carolos Papoulias"; "Kodak Theater" and "Kodak Theatre"); the joined cluster is led
        by the one of most mentions (ties: the least key)."""
        by_deletion: dict[str, list[str]] = defaultdict(list)
        for g in sorted(groups):
            if "\x1f" not in g:
                for v in _spelling_keys(g):
                    by_deletion[v].append(g)
        sets = LeastRoot()
        for same in by_deletion.values():
            for i, a in enumerate(same):
                for b in same[i + 1:]:
                    if key[a] != key[b] and _compatible(self._groups[a].kind, self._groups[b].kind) \
                            and spelling_variants(a, b):
                        sets.join(key[a], key[b])
        if not sets.members():
            return
        size: Counter[str] = Counter()
        for g, k in key.items():
            size[k] += sum(self._groups[g].units.values())
        members: dict[str, list[str]] = defaultdict(list)
        for k in sets.members():
            members[sets.find(k)].append(k)
        lead = {k: min(same, key=lambda x: (-size[x], x)) for same in members.values() for k in same}
        for g, k in key.items():
            key[g] = lead.get(k, k)

    def _place_forms(self, key: dict[str, str]) -> None:
        """Places of one :func:`place_base` join the one of the longest name ("Mt Cook" and
        "Mount Cook" join "Mount Cook"; "Qeshm" joins "Qeshm Island")."""
        bases: dict[str, list[str]] = defaultdict(list)
        for g, grp in sorted(self._groups.items()):
            if grp.kind in _PLACE_KINDS and key[g] == g and "\x1f" not in g:
                bases[place_base(g)].append(g)
        moved = {g: min(same, key=lambda x: (-len(x), x)) for same in bases.values() if len(same) > 1 for g in same}
        for g, k in key.items():
            key[g] = moved.get(k, k)  # with the groups already joined to it

    def _short_forms(self, key: dict[str, str], persons: dict[str, PersonName]) -> None:
        """An organisation's name that ends the name of exactly one other organisation, the rest
        of which is a place (a place of this identity, a country, or a GeoNames city of
        :data:`BIG_CITY` people: "Saints": "New Orleans Saints"; "Red Sox": "Boston Red Sox";
        "Fish and Wildlife Service": "U.S. Fish and Wildlife Service"), joins that one."""
        orgs = sorted(g for g, grp in self._groups.items()
                      if grp.kind == "Organization" and key[g] == g and "\x1f" not in g)
        places = {g for g, grp in self._groups.items() if grp.kind in _PLACE_KINDS}
        longer: dict[str, set[str]] = defaultdict(set)  # short form -> clusters it may stand for
        for h in orgs:
            words = h.split()
            for i in range(1, len(words)):
                prefix = " ".join(words[:i])
                city = geonames.city(prefix)
                if prefix in places or country(prefix) or city is not None and city.population >= BIG_CITY:
                    longer[" ".join(words[i:])].add(key[h])
        for g in orgs:
            targets = longer.get(g, set()) - {key[g]}
            if key[g] == g and len(targets) == 1:
                key[g] = targets.pop()

    def _alias_joins(self, key: dict[str, str], persons: dict[str, PersonName]) -> None:
        """A non-person name that other clusters use as an alias joins the one such cluster."""
        used_by: dict[str, set[str]] = defaultdict(set)
        for g, grp in self._groups.items():
            for u in grp.units:
                for n in u.names:
                    if fold(n) != g:
                        used_by[fold(n)].add(key[g])
        for g, grp in self._groups.items():
            if g in persons or key[g] != g:
                continue
            targets = {t for t in used_by.get(g, ()) if t != g and key[t] == t
                       and _compatible(self._groups[t].kind, grp.kind)}
            if len(targets) == 1:
                key[g] = targets.pop()

    def _build(self) -> dict[str, Cluster]:
        members: dict[str, list[str]] = defaultdict(list)
        for g, k in self._key.items():
            members[k].append(g)
        drafts = []
        for k, groups in sorted(members.items()):
            if len(groups) == 1:  # most clusters: the group's own units and vote
                units, kind = self._groups[k].units, self._groups[k].kind
            else:
                units = Counter()
                for g in groups:
                    units.update(self._groups[g].units)
                kind = _vote(units)
            if len(units) == 1:  # one unit: its own name (what _label gives it)
                (unit,) = units
                label, names, code = unit.best, unit.names, unit.country_code or None
            else:
                label = self._label(units, self._groups[k], kind)
                names = frozenset(n for u in units for n in u.names)
                code = min((u.country_code for u in units if u.country_code), default=None)
            drafts.append((k, label, kind, names, code, actor_iri(label, self.base)))
        split = set(self._split.values())
        taken: Counter[str] = Counter(d[5] for d in drafts if d[0] not in split)
        same: Counter[tuple[str, str]] = Counter((d[1], d[2]) for d in drafts)  # label and kind
        clusters = {}
        for k, label, kind, names, code, iri in drafts:
            if k in split:  # the reading that lost its name's vote ("Chicago", the team)
                iri = f"{iri}--{slug(kind)}"
            elif taken[iri] > 1:  # two actors of one name: the kind (and, if need be, the key) tells them apart
                iri = f"{iri}--{slug(kind)}" + ("" if same[(label, kind)] == 1 else f"--{slug(k)}")
            clusters[k] = Cluster(iri, label, kind, names - {label}, code)
        return clusters

    @staticmethod
    def _label(units: Counter[Unit], lead: _Group, kind: str) -> str:
        """For a person, the most complete name with the leading first name and surname ("Michael
        R. Pompeo", not "Mike Pompeo"; "Deep Throat", not its misspelling "Deep Throats"); else
        the leading group's most used writing of its name, not all in capitals if another is used
        ("Washington", not "WASHINGTON"); ties lexicographic. (Writings of one group share one IRI, so the choice never moves it.)"""
        lead_name = person_name(lead.name) if kind == "Person" else None
        if lead_name is not None and lead_name.first:
            names = [u.best for u in units if person_name(u.best).first == lead_name.first]
            return most_complete([n for n in names if person_name(n).surname == lead_name.surname] or names)
        used: Counter[str] = Counter()
        for u, n in lead.units.items():
            used[u.best] += n
        return min(used, key=lambda name: (name.isupper(), -used[name], name))


def _reading(kind: str) -> str | None:
    """"place" or "organisation" for those kinds, else None."""
    return "place" if kind in _PLACE_KINDS else "organisation" if kind == "Organization" else None


def _losing_reading(group: _Group) -> str | None:
    """The reading of a name ("place" or "organisation") that loses its vote yet is the
    article's own reading in at least :data:`READING_SUPPORT` articles while the winning one
    is too: that name names two actors. None otherwise (a person's name never splits: one
    article calling "Obama" an organisation is noise), and None where the place reading is
    no country or GeoNames city: a name only the tagger took for a place is the organisation
    ("Yugansk", Yukos' production unit), one actor whose kind the vote decides.

    >>> city, team = Unit(frozenset({"Chicago"}), "GeopoliticalEntity"), Unit(frozenset({"Chicago"}), "Organization")
    >>> _losing_reading(_Group(Counter({city: 3, team: 2}))), _losing_reading(_Group(Counter({city: 3, team: 1})))
    ('organisation', None)
    >>> unit, firm = Unit(frozenset({"Yugansk"}), "GeopoliticalEntity"), Unit(frozenset({"Yugansk"}), "Organization")
    >>> _losing_reading(_Group(Counter({unit: 4, firm: 2}))) is None
    True
    """
    if len({_reading(u.kind) for u in group.units} - {None}) < 2:  # one reading or none: no split
        return None
    if not any(country(n) or geonames.city(n) for u in group.units if _reading(u.kind) == "place" for n in u.names):
        return None
    winner = _reading(_vote(group.units))  # not group.kind: the group may still be split
    if winner is None:
        return None
    support: dict[str | None, int] = {"place": 0, "organisation": 0}
    for u, n in group.units.items():
        reading = _reading(u.kind)
        if reading is not None:
            support[reading] += n
    loser = "organisation" if winner == "place" else "place"
    return loser if min(support[winner], support[loser]) >= READING_SUPPORT else None


def _after_demonym(name: str) -> str:
    """A folded name of three words or more without its first when that is a nationality
    ("american hasim rahman": "hasim rahman", a person the tagger read with the word before
    him), else "".

    >>> _after_demonym("american hasim rahman"), _after_demonym("american airlines")
    ('hasim rahman', '')
    """
    words = name.split()
    return " ".join(words[1:]) if len(words) > 2 and is_demonym(words[0]) else ""


#: Names shorter than this, of one word, or with a digit are never spelling variants ("Iran",
#: "Iraq"; "Olympia", "Olympic"; "115th Street", "117th Street").
SPELLING_MIN = 10


def _spelling_keys(name: str) -> list[str]:
    """The keys under which :func:`spelling_variants` of a folded name meet: the name with each
    of its words in turn left out (two names one edit apart inside one word share one); none
    for a name too short to compare.

    >>> sorted(set(_spelling_keys("kodak theater")) & set(_spelling_keys("kodak theatre")))
    ['spell:kodak *']
    >>> _spelling_keys("bob woodward"), _spelling_keys("iran")
    (['spell:* woodward', 'spell:bob *'], [])
    """
    if len(name) < SPELLING_MIN or " " not in name or any(c.isdigit() for c in name):
        return []
    words = name.split()
    return [f"spell:{' '.join(words[:i] + ['*'] + words[i + 1:])}" for i in range(len(words))]


@lru_cache(maxsize=1 << 16)
def spelling_variants(a: str, b: str) -> bool:
    """Two folded names of as many words one edit apart (a letter changed, added, dropped, or
    two swapped) inside one word that is not a known first name on both sides ("joan smith"
    and "john smith" are two people): "gurbanguly berdymukhamedov" and "kurbanguly
    berdymukhamedov", "bob woodard" and "bob woodward".

    >>> spelling_variants("bob woodard", "bob woodward"), spelling_variants("kodak theater", "kodak theatre")
    (True, True)
    >>> spelling_variants("joan smithson", "john smithson"), spelling_variants("115th street", "117th street")
    (False, False)
    """
    if a == b or not _spelling_keys(a) or not _spelling_keys(b) or not _one_edit(a, b):
        return False
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False  # a space added or dropped ("Del Giudice", "DelGiudice"): not compared
    return not any(x != y and is_given_name(x) and is_given_name(y) for x, y in zip(wa, wb))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added or dropped, or two neighbours swapped."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= _PLACE_KINDS


@dataclass(frozen=True)
class Links:
    """How a unit meets the units that decide its cluster: it is found under ``finds`` and
    looks under ``seeks`` (see :func:`identity_links`)."""

    finds: frozenset[str]
    seeks: frozenset[str]


@lru_cache(maxsize=262144)
def identity_links(unit: Unit) -> Links:
    """The keys through which other units decide this unit's cluster, one per rule of
    :class:`Identity`: the group's name and the names the unit uses (groups, aliases, labels),
    a person's surname, a place's :func:`place_base`; a two-word name found under the family name it may begin with ("Xi
    Jinping" by "Xi"), an organisation's name under its ends after a GeoNames city or after
    its first word ("Saints" looks for "New Orleans Saints"; not the other way round, so that
    "University" does not join every "... University" to every other). A unit that shares no
    key with another cannot change the other's cluster by a rule directly (it may through a
    third unit). (A key that is no name only widens a neighbourhood.)

    >>> links = identity_links(Unit(frozenset({"Xi Jinping"}), "Person"))
    >>> unspelt = lambda keys: sorted(k for k in keys if not k.startswith("spell:"))  # see _spelling_keys
    >>> unspelt(links.finds), unspelt(links.seeks - links.finds)
    (['family:xi', 'label:xi-jinping', 'surname:jinping', 'xi jinping'], ['xi'])
    >>> links = identity_links(Unit(frozenset({"Saints"}), "Organization"))
    >>> unspelt(links.seeks - links.finds), unspelt(identity_links(Unit(frozenset({"New Orleans Saints"}), "Organization")).finds)
    (['tail:saints'], ['label:new-orleans-saints', 'new orleans saints', 'tail:orleans saints', 'tail:saints'])
    """
    g = group_key(unit)
    both = {g, *(fold(n) for n in unit.names), f"label:{slug(unit.best)}"}
    finds: set[str] = set()
    seeks: set[str] = set()
    both.update(_spelling_keys(g))
    if rest := _after_demonym(g):
        seeks.add(rest)
    kinds = {unit.kind, *(k for k, _ in unit.votes)}
    if "Person" in kinds:
        p = person_name(unit.best)
        both.add(f"surname:{p.surname}")
        if p.words == 2 and p.first and " " not in p.first and not is_given_name(p.first):
            finds.add(f"family:{p.first}")
            seeks.add(p.first)
        if not p.first and " " not in g:
            seeks.add(f"family:{g}")
    if kinds & _PLACE_KINDS:
        both.add(f"place:{place_base(g)}")
    if "Organization" in kinds:
        words = g.split()
        for i in range(1, len(words)):
            finds.add(f"tail:{' '.join(words[i:])}")
            seeks |= {" ".join(words[i:]), " ".join(words[:i])}
        seeks.add(f"tail:{g}")
    return Links(frozenset(finds | both), frozenset(seeks | both))


def units_of(actors: Iterable[Actor]) -> list[Unit]:
    """The unit of each extracted actor: its name and the names the article uses for it, the
    kind extraction saw at each mention, its country code. This is the evidence identity
    decides on, and what the article graph records once resolved (``Actor.units``, see
    :func:`unit_json`), so identity depends on the extracted actors only, never on itself.

    >>> [(sorted(u.names), u.best) for u in units_of([Actor("Syria", "GeopoliticalEntity", aliases={"Syrian"})])]
    [(['Syria', 'Syrian'], 'Syria')]
    """
    return [stored_unit({a.name, *a.aliases}, [a.kind] * max(1, len(a.mentions)), a.country_code, [a.name])
            for a in actors]


def resolve_actors(actors: Iterable[Actor], identity: Identity | None = None) -> list[Actor]:
    """Extracted actors with IRI, label (``name``) and kind of their cluster; an actor's own
    names are kept as its ``aliases``, its own country code and the kinds of its mentions stay
    as the article's evidence, and its unit as ``units``; actors of one article that are one
    actor are merged (their units kept, in order). Without ``identity``, the article's own
    actors are the whole set.

    >>> [(a.iri.rsplit("/", 1)[1], a.name, sorted(a.aliases), len(a.units)) for a in resolve_actors(
    ...     [Actor("Pompeo", "Person"), Actor("Michael R. Pompeo", "Person")])]
    [('michael-r-pompeo', 'Michael R. Pompeo', ['Michael R. Pompeo', 'Pompeo'], 2)]

    :raises ValueError: an actor is resolved already (resolve the extracted actors again instead).
    """
    actors = list(actors)
    if any(a.iri for a in actors):
        raise ValueError("resolve_actors takes extracted actors; these are resolved already")
    units = units_of(actors)
    identity = identity if identity is not None else Identity(units)
    merged: dict[str, Actor] = {}
    for actor, unit in zip(actors, units):
        c = identity.cluster(unit)
        actor.mention_kinds = {span: unit.kind for span in actor.mentions}
        actor.article_name = unit.best
        actor.iri, actor.name, actor.kind, actor.aliases = c.iri, c.label, c.kind, set(unit.names)
        actor.units = [unit]
        keep = merged.setdefault(c.iri, actor)
        if keep is not actor:
            keep.mentions = sorted(set(keep.mentions) | set(actor.mentions))
            keep.references = sorted(set(keep.references) | set(actor.references))
            keep.aliases |= actor.aliases
            keep.country_code = min(filter(None, (keep.country_code, actor.country_code)), default=None)
            keep.article_name = most_complete([keep.article_name, actor.article_name])
            keep.mention_kinds = {**actor.mention_kinds, **keep.mention_kinds}
            keep.units = sorted([*keep.units, unit])
    return list(merged.values())


def local_actor_iri(article: str, name: str) -> str:
    """The IRI of an actor the article does not name ("a man", "police":
    :mod:`kg.extract.participants`): a fragment of the article's IRI, so that it never merges
    with an actor of another article, whatever the name.

    >>> local_actor_iri("https://w3id.org/newskg/id/article/a1", "police")
    'https://w3id.org/newskg/id/article/a1#actor=police'
    """
    return f"{article}#actor={slug(name)}"


def stored_unit(names: Iterable[str], mention_kinds: Iterable[str], country_code: str | None = None,
                article_names: Iterable[str] = ()) -> Unit:
    """The unit an article graph records for one actor: its names, the kind most of its
    mentions were seen as, its country code and the (fullest) name the article gives it (what
    the store keeps, so re-resolving needs no NLP).

    >>> stored_unit(["Bush"], ["Organization", "Person", "Person"]).kind
    'Person'
    """
    given = [n for n in article_names if n]
    votes = Counter(mention_kinds)
    return Unit(frozenset(names), _vote(Counter({Unit(frozenset(), k, votes=((k, n),)): 1 for k, n in votes.items()})),
                country_code, most_complete(given) if given else "", tuple(sorted(votes.items())))


def unit_json(unit: Unit) -> str:
    """A unit as canonical JSON (how the article graph and the evidence table record it).

    >>> u = Unit(frozenset({"Mike Pompeo", "Pompeo"}), "Person", None, "Mike Pompeo", (("Person", 2),))
    >>> unit_json(u), unit_from_json(unit_json(u)) == u
    ('[["Mike Pompeo","Pompeo"],"Person",null,"Mike Pompeo",[["Person",2]]]', True)
    """
    return json.dumps([sorted(unit.names), unit.kind, unit.country_code, unit.name, [list(v) for v in unit.votes]],
                      ensure_ascii=False, separators=(",", ":"))


def unit_from_json(data: str) -> Unit:
    """The unit :func:`unit_json` wrote.

    :raises ValueError: ``data`` is not such JSON.
    """
    try:
        names, kind, code, name, votes = json.loads(data)
        return Unit(frozenset(names), kind, code, name, tuple((k, n) for k, n in votes))
    except (TypeError, ValueError) as e:
        raise ValueError(f"not a recorded identity unit: {data[:80]!r} ({e})") from None
