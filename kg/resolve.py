"""One IRI per real-world actor across articles.

The rule, applied to each article's actors against an index of the actors already known
(read from the store by the pipeline, and grown as a run goes on):

1. A person named in full ("Michael R. Pompeo") is the known person with the same surname
   and a compatible first name: equal, a nickname of it ("Mike"/"Michael"), or its initial.
   Middle names and initials do not count. A different first name means a different person.
2. A person named by surname alone ("Pompeo", "Secretary Pompeo" with the title already
   stripped) is the known person of that surname only when exactly one is known; with two or
   more ("George W. Bush", "Reggie Bush") there is no evidence to choose, so it stays apart.
3. Organisations, countries and places are the known actor of the same normalised name, or
   the one known actor whose aliases include the name ("ISPR").
4. Otherwise the actor is new: its IRI comes from its normalised canonical name. A name
   already taken by an actor of an incompatible kind (a person "Bush" versus the
   organisation "Bush") gets the kind appended, so no node carries two kinds.

A linked actor takes the known canonical label; its own name becomes an alias.

>>> from kg.model import Actor, KnownActor
>>> index = ActorIndex([KnownActor("https://w3id.org/newskg/id/actor/mike-pompeo", "Mike Pompeo", "Person")])
>>> [(a.iri.rsplit("/", 1)[1], a.name) for a in resolve_actors(
...     [Actor("Michael R. Pompeo", "Person"), Actor("Michael Bloomberg", "Person")], index=index)]
[('mike-pompeo', 'Mike Pompeo'), ('michael-bloomberg', 'Michael Bloomberg')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from kg.model import Actor, KnownActor
from kg.vocab import DEFAULT_BASE, actor_iri, slug
from kg.wordlists import groups

#: Given-name variants, grouped (``kg/wordlists/given-name-variants.txt``); any two in a group are compatible.
NICKNAMES = groups("given-name-variants")
_NICK = {name: group for group in NICKNAMES for name in group}
_COMPATIBLE = {frozenset({"Person"}), frozenset({"Organization"}),
               frozenset({"GeopoliticalEntity", "Place"})}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def name_parts(name: str) -> tuple[str, str]:
    """(first name, surname) of a person's name, folded; middle names and initials dropped.

    >>> name_parts("Michael R. Pompeo"), name_parts("Pompeo"), name_parts("Qasem Soleimani")
    (('michael', 'pompeo'), ('', 'pompeo'), ('qasem', 'soleimani'))
    """
    words = [w for w in re.split(r"\s+", _fold(name).strip()) if w]
    words = [w for w in words if not (len(w.rstrip(".")) == 1 and len(words) > 2 and w != words[0])]
    if not words:
        return "", ""
    if len(words) >= 2 and words[-1].rstrip(".") in ("jr", "sr", "ii", "iii", "iv"):
        words = words[:-1]
    return (words[0].rstrip(".") if len(words) > 1 else ""), words[-1]


def compatible_first_names(a: str, b: str) -> bool:
    """Equal, nicknames of each other, or one the initial of the other.

    >>> compatible_first_names("mike", "michael"), compatible_first_names("m", "michael"), compatible_first_names("tom", "tim")
    (True, True, False)
    """
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return b in _NICK.get(a, frozenset())


def _kinds_compatible(a: str, b: str) -> bool:
    return any({a, b} <= group for group in _COMPATIBLE)


class ActorIndex:
    """The actors known so far: by IRI, persons by surname, every actor by name and alias."""

    def __init__(self, known: Iterable[KnownActor] = ()) -> None:
        self.by_iri: dict[str, KnownActor] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for k in known:
            self.add(k)

    def add(self, known: KnownActor) -> None:
        """Record an actor (again: aliases are merged)."""
        old = self.by_iri.get(known.iri)
        if old:
            known = KnownActor(old.iri, old.name, old.kind, old.aliases | known.aliases)
        self.by_iri[known.iri] = known
        if known.kind == "Person":
            first, surname = name_parts(known.name)
            if first:  # only full names anchor a surname
                self.by_surname[surname].add(known.iri)
        for n in {known.name, *known.aliases}:
            self.by_name[_fold(n)].add(known.iri)

    def __len__(self) -> int:
        return len(self.by_iri)

    def match(self, actor: Actor) -> KnownActor | None:
        """The known actor this one is, by the rules of this module, or None."""
        if actor.kind == "Person":
            first, surname = name_parts(actor.name)
            fits = [self.by_iri[i] for i in sorted(self.by_surname.get(surname, ()))
                    if compatible_first_names(first, name_parts(self.by_iri[i].name)[0])]
            if first:
                fits = [k for k in fits if name_parts(k.name)[0]]
            return fits[0] if len(fits) == 1 else None
        same = [self.by_iri[i] for i in sorted(self.by_name.get(_fold(actor.name), ()))
                if _kinds_compatible(self.by_iri[i].kind, actor.kind)]
        exact = [k for k in same if _fold(k.name) == _fold(actor.name)]
        if len(exact) == 1:
            return exact[0]
        return same[0] if len(same) == 1 else None


def resolve_actors(actors: Iterable[Actor], *, base: str = DEFAULT_BASE,
                   index: ActorIndex | None = None) -> list[Actor]:
    """The actors with ``iri`` set (and the index grown); actors of one article that land on
    one IRI are merged into the first."""
    index = index if index is not None else ActorIndex()
    merged: dict[str, Actor] = {}
    for actor in actors:
        known = index.match(actor)
        if known:
            if actor.name != known.name:
                actor.aliases.add(actor.name)
                actor.name = known.name
            actor.iri = known.iri
        else:
            actor.iri = _new_iri(actor, base, index)
        if actor.iri in merged:
            keep = merged[actor.iri]
            keep.mentions = sorted(set(keep.mentions) | set(actor.mentions))
            keep.aliases |= actor.aliases | ({actor.name} - {keep.name})
            continue
        merged[actor.iri] = actor
    for actor in merged.values():
        actor.aliases.discard(actor.name)
        index.add(KnownActor(actor.iri or "", actor.name, actor.kind, frozenset(actor.aliases)))
    return list(merged.values())


def _new_iri(actor: Actor, base: str, index: ActorIndex) -> str:
    iri = actor_iri(actor.name, base)
    taken = index.by_iri.get(iri)
    if taken and not _kinds_compatible(taken.kind, actor.kind):
        iri = f"{iri}--{slug(actor.kind)}"
    return iri
