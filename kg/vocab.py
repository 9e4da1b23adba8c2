"""Namespaces of the data model and the IRIs newskg mints (plain strings, no RDF library).

IRIs are deterministic: the same article id, name or offsets give the same IRI.

>>> article_iri("dunya 2020/01/03")
'https://w3id.org/newskg/id/article/dunya%202020%2F01%2F03'
>>> mention_iri(article_iri("a1"), 0, 6)
'https://w3id.org/newskg/id/article/a1#char=0,6'
>>> actor_iri("Qamar Javed Bajwa")
'https://w3id.org/newskg/id/actor/qamar-javed-bajwa'
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

NKG = "https://w3id.org/newskg/ns#"
ONTOLOGY_IRI = "https://w3id.org/newskg/ns"
DEFAULT_BASE = "https://w3id.org/newskg/id/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
GAF = "http://groundedannotationframework.org/gaf#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SH = "http://www.w3.org/ns/shacl#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
#: Concepts of the event-type scheme (CAMEO codes) and of PLOVER types, in ontology/event-types.ttl.
CAMEO = "https://w3id.org/newskg/cameo/"
PLOVER = "https://w3id.org/newskg/plover/"

#: Prefix table used by queries, dumps and the notebook magic.
PREFIXES: dict[str, str] = {
    "nkg": NKG, "data": DEFAULT_BASE, "nif": NIF, "gaf": GAF, "sem": SEM, "org": ORG,
    "prov": PROV, "schema": SCHEMA, "skos": SKOS, "dct": DCT, "rdf": RDF, "rdfs": RDFS,
    "owl": OWL, "xsd": XSD, "void": VOID, "dcat": DCAT,
}

#: The named graph that holds the ontology and the event-type scheme.
ONTOLOGY_GRAPH = ONTOLOGY_IRI
#: The statistics graph: counts kept up to date by every article write (``kg/stats.py``).
STATS_GRAPH = "https://w3id.org/newskg/stats"


def sparql_prefixes(prefixes: dict[str, str] | None = None) -> str:
    """PREFIX lines for a SPARQL text.

    >>> sparql_prefixes({"nkg": NKG})
    'PREFIX nkg: <https://w3id.org/newskg/ns#>\\n'
    """
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or PREFIXES).items())


def slug(name: str) -> str:
    """A lower-case ASCII slug of a name: accents dropped, other runs of symbols as ``-``.

    >>> slug("Hashed al-Shaabi's"), slug("Müller  (CDU)")
    ('hashed-al-shaabi-s', 'muller-cdu')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def _local(value: str) -> str:
    return quote(value, safe="-._~")


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of an article, from its input id (percent-encoded)."""
    return f"{base}article/{_local(article_id)}"


def graph_iri(article_id: str, base: str = DEFAULT_BASE) -> str:
    """The named graph that holds one article's extraction.

    >>> graph_iri("a1")
    'https://w3id.org/newskg/id/graph/a1'
    """
    return f"{base}graph/{_local(article_id)}"


def shared_graph_iri(base: str = DEFAULT_BASE) -> str:
    """The graph of cross-article facts (canonical labels, types of actors)."""
    return f"{base}graph/actors"


def event_identity_graph_iri(base: str = DEFAULT_BASE) -> str:
    """The graph of cross-article event links (``owl:sameAs`` between events of several articles)."""
    return f"{base}graph/event-identity"


def participant_identity_graph_iri(base: str = DEFAULT_BASE) -> str:
    """The graph of cross-article links of unnamed participants (``owl:sameAs`` between the
    article-local actors several articles report as one)."""
    return f"{base}graph/participant-identity"


def mention_iri(article: str, begin: int, end: int) -> str:
    """A mention IRI, NIF style: ``<article IRI>#char=begin,end``."""
    return f"{article}#char={begin},{end}"


def event_iri(article: str, begin: int, end: int) -> str:
    """An event, named after the span of its first trigger in the article.

    >>> event_iri(article_iri("a1"), 7, 13)
    'https://w3id.org/newskg/id/article/a1/event/7-13'
    """
    return f"{article}/event/{begin}-{end}"


def actor_iri(canonical_name: str, base: str = DEFAULT_BASE) -> str:
    """One IRI per actor, from its normalised canonical name."""
    return f"{base}actor/{slug(canonical_name)}"


def software_iri(version: str) -> str:
    """The PROV software agent for one newskg version."""
    return f"https://w3id.org/newskg/software/{_local(version)}"


def model_iri(model: str) -> str:
    """The PROV software agent for one NLP model ("name version")."""
    return f"https://w3id.org/newskg/model/{slug(model)}"


def statement_iri(article: str, begin: int, end: int) -> str:
    """A statement, named after the span of its cue in the article.

    >>> statement_iri(article_iri("a1"), 7, 11)
    'https://w3id.org/newskg/id/article/a1/statement/7-11'
    """
    return f"{article}/statement/{begin}-{end}"


def post_iri(title: str, organisation: str | None, base: str = DEFAULT_BASE) -> str:
    """One post IRI per (title, organisation name).

    >>> post_iri("Secretary of State", "United States")
    'https://w3id.org/newskg/id/post/secretary-of-state--united-states'
    """
    return f"{base}post/{slug(title)}" + (f"--{slug(organisation)}" if organisation else "")


def participation_iri(event: str, role: str, actor: str, base: str = DEFAULT_BASE) -> str:
    """One participation per (event, role, actor IRI): two actors of one name never share it.

    >>> e = event_iri(article_iri("a1"), 7, 13)
    >>> participation_iri(e, "agent", actor_iri("Mike Pompeo")).removeprefix(e)
    '/participation/agent/mike-pompeo'
    >>> participation_iri(e, "agent", "http://www.wikidata.org/entity/Q473239").removeprefix(e)
    '/participation/agent/http%3A%2F%2Fwww.wikidata.org%2Fentity%2FQ473239'
    """
    own = f"{base}actor/"
    return f"{event}/participation/{role}/" + (actor[len(own):] if actor.startswith(own) else _local(actor))


def dataset_iri(part: str = "", base: str = DEFAULT_BASE) -> str:
    """The released dataset (VoID/DCAT), or one part of its description (``#part``).

    >>> dataset_iri(), dataset_iri("file-newskg.nq.gz")
    ('https://w3id.org/newskg/id/dataset', 'https://w3id.org/newskg/id/dataset#file-newskg.nq.gz')
    """
    return f"{base}dataset" + (f"#{part}" if part else "")
