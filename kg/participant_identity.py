"""Cross-article identity of unnamed participants: "the gunman" of two articles that report one
event is one gunman, linked by ``owl:sameAs``.

Unnamed participants ("a man", "the pirates", "police": :mod:`kg.extract.participants`) are
article-local actors (:func:`kg.resolve.local_actor_iri`). A global step over every stored
article graph (run by :mod:`kg.pipeline` after cross-article event identity) links them:
two local actors of different articles are one when they have the same noun (``rdfs:label``,
the lemma; nouns of one role, "pirate" and "brigand", count as one:
``kg/wordlists/participant-synonyms.tsv``) and their articles report one real event (an event
of each is in one cluster of :mod:`kg.event_identity`), or their articles each report an event
of one lemma with one named actor (:func:`event_keys`: "robbers stole" with Paris in one,
"robbers stole" with Paris in another, events that event identity left apart), or events
whose participants include the same two named actors, neither a place (one story: "workers"
Yvonne Hiller shot at Kraft in one, "workers" Hiller killed at Kraft in another). Links are transitive. Such a cluster is a named actor when, in the
articles of those events, its noun describes one more than half the time (coreference
resolved "the actress" to Tara Reid in one article: "the actress" of another article on that
event is Tara Reid), counting each article that describes once; the last word of an
organisation's name describes it ("Indian Navy": "the navy"). A noun shared by more than
:data:`MAX_BLOCK` articles through one event cluster is too unspecific to link by.

The links are a function of the stored participants and event clusters, whatever the order
in which the articles came. Each local actor of a cluster but the least gets ``owl:sameAs`` the
least IRI of its cluster.

>>> events = {"a/e1": "a/e1", "b/e4": "a/e1", "c/e2": "c/e2"}
>>> graph_events = {"a": {"a/e1"}, "b": {"b/e4"}, "c": {"c/e2"}}
>>> locals_ = [("a", "a#actor=gunman", "gunman"), ("b", "b#actor=gunman", "gunman"),
...            ("b", "b#actor=police", "police"), ("c", "c#actor=gunman", "gunman")]
>>> link_participants(locals_, graph_events=graph_events, cluster=events)
{'b#actor=gunman': 'a#actor=gunman'}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from kg.closure import LeastRoot
from kg.extract.participants import participant_nouns
from kg.wordlists import table

#: Blocks (a noun and an event cluster) of more articles than this are not linked by.
MAX_BLOCK = 200
#: The class of events (a reporting verb: "said") whose lemma and actor make no event key.
_REPORTING = "Reporting"


def event_keys(rows: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Article graph -> the keys of its events that another article's events share, from rows
    of ``pipeline/event-evidence.rq`` (``g``, ``lemma``, ``class``, ``actor``, ``place``):

    - a lemma and a named actor: two articles each reporting that someone was "arrested" with
      the "New York Police Department" as a participant likely report one arrest, whether or
      not event identity linked the two events;
    - two named actors, neither a place (the ``place`` of some event): two articles whose
      events both have Yvonne Hiller and Kraft among their participants report one story,
      whatever their verbs ("shot", "opened fire"); a city is the scene of many stories.

    Reporting events ("said") and unnamed participants (article-local IRIs) make no key.

    >>> rows = [{"g": "a", "lemma": "steal", "class": "nkg:Occurrence", "actor": "x:paris"},
    ...         {"g": "b", "lemma": "steal", "class": "nkg:Occurrence", "actor": "x:paris"},
    ...         {"g": "b", "lemma": "say", "class": "nkg:Reporting", "actor": "x:police"},
    ...         {"g": "c", "lemma": "say", "class": "nkg:Reporting", "actor": "x:police"},
    ...         {"g": "c", "lemma": "steal", "class": "nkg:Occurrence", "actor": "c#actor=man"}]
    >>> sorted((g, sorted(k.split("\x1f") for k in ks)) for g, ks in event_keys(rows).items())
    [('a', [['steal', 'x:paris']]), ('b', [['steal', 'x:paris']])]
    >>> rows = [{"g": "a", "lemma": "shoot", "class": "nkg:Occurrence", "actor": "x:hiller"},
    ...         {"g": "a", "lemma": "work", "class": "nkg:State", "actor": "x:kraft"},
    ...         {"g": "b", "lemma": "open", "class": "nkg:Occurrence", "actor": "x:hiller"},
    ...         {"g": "b", "lemma": "open", "class": "nkg:Occurrence", "actor": "x:kraft"},
    ...         {"g": "c", "lemma": "open", "class": "nkg:Occurrence", "actor": "x:hiller"},
    ...         {"g": "c", "lemma": "open", "class": "nkg:Occurrence", "actor": "x:phila", "place": "x:phila"},
    ...         {"g": "a", "lemma": "shoot", "class": "nkg:Occurrence", "actor": "x:phila"}]
    >>> sorted((g, sorted(k.split("\x1f") for k in ks)) for g, ks in event_keys(rows).items())
    [('a', [['x:hiller', 'x:kraft']]), ('b', [['open', 'x:hiller'], ['x:hiller', 'x:kraft']]), ('c', [['open', 'x:hiller']])]
    """
    rows = list(rows)
    found: dict[str, set[str]] = defaultdict(set)
    actors: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        lemma, actor, cls = r.get("lemma"), r.get("actor"), r.get("class")
        if lemma is None or actor is None or "#actor=" in str(actor) or str(cls).endswith(_REPORTING):
            continue
        found[str(r["g"])].add(f"{lemma}\x1f{actor}")  # no IRI holds \x1f
        actors[str(r["g"])].add(str(actor))
    places = {str(r["place"]) for r in rows if r.get("place") is not None}
    for g, named in actors.items():  # a lemma is no IRI: the two kinds of key never meet
        story = sorted(named - places)
        found[g] |= {f"{x}\x1f{y}" for i, x in enumerate(story) for y in story[i + 1:]}
    graphs = Counter(k for keys in found.values() for k in keys)
    return {g: shared for g, keys in sorted(found.items()) if (shared := {k for k in keys if graphs[k] > 1})}


def link_participants(participants: Iterable[tuple[str, str, str]], *, graph_events: Mapping[str, Iterable[str]],
                      cluster: Mapping[str, str],
                      descriptions: Iterable[tuple[str, str, str]] = (),
                      keys: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Local actor IRI -> the least IRI of its cluster, for every local actor of a cluster but
    that one; a cluster with a named actor links to it.

    ``participants`` are (article graph, local actor IRI, noun) triples; ``graph_events`` gives
    each article graph's event IRIs; ``cluster`` each linked event's cluster (the least IRI of
    its ``owl:sameAs`` closure; events not in it stand alone and link nothing).
    ``descriptions`` are (article graph, named actor IRI, noun) triples: a description that
    coreference resolved to a named actor ("the actress" ... Tara Reid), or an organisation's
    name ("Indian Navy": "navy"). A local actor whose noun describes one named actor in more
    than half of the articles of its event clusters that describe one is that actor.
    ``keys`` (:func:`event_keys`) gives each article graph more blocks, as event clusters do.

    >>> link_participants([("b", "b#actor=actress", "actress")], graph_events={"a": {"a/1"}, "b": {"b/1"}},
    ...                   cluster={"a/1": "a/1", "b/1": "a/1"}, descriptions=[("a", "p:reid", "actress")])
    {'b#actor=actress': 'p:reid'}
    >>> link_participants([("a", "a#actor=pirate", "pirate"), ("b", "b#actor=brigand", "brigand")],
    ...                   graph_events={"a": {"a/1"}, "b": {"b/1"}}, cluster={"a/1": "a/1", "b/1": "a/1"})
    {'b#actor=brigand': 'a#actor=pirate'}
    """
    clusters_of = {g: {cluster[e] for e in events if e in cluster} for g, events in graph_events.items()}
    for g, found in (keys or {}).items():
        clusters_of[g] = clusters_of.get(g, set()) | set(found)
    blocks: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for g, actor, noun in sorted(set(participants)):
        for c in clusters_of.get(g, ()):
            blocks[(role_key(noun), c)][g].add(actor)
    # (noun, event cluster) -> (article, named actor) descriptions
    described: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for g, actor, noun in descriptions:
        for c in clusters_of.get(g, ()):
            described[(role_key(noun), c)].add((g, actor))
    sets = LeastRoot()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        actors = sorted(a for found in members.values() for a in found)
        for a in actors[1:]:
            sets.join(actors[0], a)
    named: dict[str, set[tuple[str, str]]] = defaultdict(set)  # local cluster -> (article, named actor) descriptions
    for (noun, c), members in blocks.items():
        if len(members) <= MAX_BLOCK:
            for found in members.values():
                for a in found:
                    named[sets.find(a)] |= described.get((noun, c), set())
    heads = {root: head for root, found in named.items() if (head := _described_most(found))}
    links = {x: sets.find(x) for x in sets.members() if sets.find(x) != x}
    links = {x: heads.get(root, root) for x, root in links.items()}
    links.update(heads)
    return dict(sorted(links.items()))


def _described_most(found: Iterable[tuple[str, str]]) -> str | None:
    """The named actor that more than half of the (article, named actor) descriptions name, or None.

    >>> _described_most([("a", "p:lohan"), ("b", "p:lohan"), ("c", "p:lilo")]), _described_most([("a", "x"), ("b", "y")])
    ('p:lohan', None)
    """
    votes = Counter(actor for _, actor in found)
    top, n = max(votes.items(), key=lambda kv: kv[1], default=(None, 0))
    return top if 2 * n > sum(votes.values()) else None  # a majority is the only one


def organisation_noun(label: str) -> str | None:
    """The common noun an organisation's name of several words ends with, lower case ("Indian
    Navy" -> "navy"), which describes it as a participant noun would; None for one word.

    >>> organisation_noun("Indian Navy"), organisation_noun("Oregon State Police"), organisation_noun("NATO")
    ('navy', 'police', None)
    """
    words = label.split()
    return words[-1].lower() if len(words) > 1 else None


@lru_cache(maxsize=4096)
def role_key(noun: str) -> str:
    """The role a participant's noun (a lemma, or the plural a group of people is named by:
    :mod:`kg.extract.participants`) is linked by across articles: its synonym's
    (``kg/wordlists/participant-synonyms.tsv``), and for a plural, that of its singular with
    the mark of number, so that "the women" of one article is not "a woman" of another.

    >>> role_key("cop"), role_key("cops") == role_key("officers") != role_key("officer"), role_key("police")
    ('officer', True, 'police')
    """
    same, nouns = _synonyms(), participant_nouns()
    if noun in nouns:
        return same.get(noun, noun)
    singular = next((f for f in sorted(noun_forms(noun)) if f != noun and f in nouns), None)
    if singular is None:
        return same.get(noun, noun)
    return f"{same.get(singular, singular)}\x1fplural"  # no noun holds \x1f


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    return dict(table("participant-synonyms", columns=2))


def noun_forms(text: str) -> set[str]:
    """The singular forms a description's head noun may have (lower case), to compare with a
    participant's noun (a lemma).

    >>> sorted(noun_forms("the gunmen")), sorted(noun_forms("pirates")), sorted(noun_forms("The actress"))
    (['gunman', 'gunmen'], ['pirat', 'pirate', 'pirates'], ['actres', 'actress'])
    """
    words = text.lower().split()
    if not words:
        return set()
    w = words[-1]
    forms = {w}
    if w.endswith("s"):
        forms.add(w[:-1])
    if w.endswith("es"):
        forms.add(w[:-2])
    if w.endswith("men"):
        forms.add(w[:-3] + "man")
    return forms
