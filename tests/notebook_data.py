"""A small hand-written article graph with a post, an event and a statement (ontology.md terms),
and an actor whose name is hostile SPARQL, for the notebook tests.

Laid out as ``kg ingest`` writes it (:mod:`kg.rdf.actors`): the article graph types each actor
and gives the names the article uses (``skos:altLabel``, ``nkg:articleName``); the shared actor
graph (``graph/actors``) gives the type, canonical ``rdfs:label`` and every name; the article
graph labels its publisher (a ``schema:Organization``)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.stats import rebuild
from kg.store import KGStore, open_store

HOSTILE = 'x" } ; DROP ALL ; #'
TEXT = 'Mike Pompeo tweeted that the US "is committed to de-escalation". x" } ; DROP ALL ; # spoke.'


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def build(path: Path) -> Path:
    """Write the graph into a new on-disk store at ``path`` (closed afterwards)."""
    art = "https://w3id.org/newskg/id/article/t1"

    def span(s: str) -> tuple[int, int, str]:
        b = TEXT.index(s)
        return b, b + len(s), f"<{art}#char={b},{b + len(s)}>"

    pompeo, cue, us, content, hostile = (span(s) for s in
                                         ("Mike Pompeo", "tweeted", "US", "is committed to de-escalation", HOSTILE))
    sentence = (0, TEXT.index(".") + 2, f"<{art}#char=0,{TEXT.index('.') + 2}>")
    mentions = "\n".join(
        f'{m} a nkg:Mention ; nif:referenceContext <{art}> ; nif:beginIndex {b} ; nif:endIndex {e} ; '
        f'nif:anchorOf "{_esc(TEXT[b:e])}" ; nif:sentence {sentence[2]} .'
        for b, e, m in (pompeo, cue, us, content, hostile))
    trig = f"""
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX data: <https://w3id.org/newskg/id/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX cameo: <https://w3id.org/newskg/cameo/>
<https://w3id.org/newskg/ns> {{
  cameo:041 a skos:Concept ; skos:notation "041" ; skos:prefLabel "Discuss by telephone"@en ; skos:inScheme nkg:EventTypes .
  cameo:04 a skos:Concept ; skos:notation "04" ; skos:prefLabel "Consult"@en ; skos:inScheme nkg:EventTypes .
  nkg:Tweet rdfs:label "tweet"@en .
}}
data:graph/t1 {{
  <{art}> a nkg:Article ; dct:identifier "t1" ; dct:title "Test" ; nif:isString "{_esc(TEXT)}" ;
      schema:datePublished "2020-01-03"^^xsd:date .
  {sentence[2]} a nkg:Mention ; nif:referenceContext <{art}> ; nif:beginIndex 0 ; nif:endIndex {sentence[1]} ;
      nif:anchorOf "{_esc(TEXT[:sentence[1]])}" .
  {mentions}
  <{art}> dct:publisher data:actor/test-news .
  data:actor/test-news a schema:Organization ; rdfs:label "Test News" .
  data:actor/mike-pompeo a nkg:Person ; skos:altLabel "Mike Pompeo" ; nkg:articleName "Mike Pompeo" ;
      gaf:denotedBy {pompeo[2]} ; org:holds data:post/t1-sos .
  data:post/t1-sos a org:Post ; rdfs:label "Secretary of State" ; org:postIn data:actor/united-states .
  data:actor/united-states a nkg:GeopoliticalEntity ; skos:altLabel "US" ; nkg:articleName "US" ;
      nkg:countryCode "US" ; gaf:denotedBy {us[2]} .
  data:actor/x a nkg:Person ; skos:altLabel "{_esc(HOSTILE)}" ; nkg:articleName "{_esc(HOSTILE)}" ;
      gaf:denotedBy {hostile[2]} ; org:holds data:post/t1-h .
  data:post/t1-h a org:Post ; rdfs:label "Spokes\\"person\\" <b>" .
  data:event/t1-1 a nkg:Event ; nkg:eventType cameo:041 ; sem:hasTimeStamp "2020-01-03"^^xsd:date ;
      nkg:agent data:actor/mike-pompeo ; sem:hasActor data:actor/mike-pompeo, data:actor/united-states ;
      gaf:denotedBy {cue[2]} .
  data:statement/t1-1 a nkg:Statement ; nkg:speaker data:actor/mike-pompeo ; nkg:mode nkg:Direct ;
      nkg:channel nkg:Tweet ; schema:text "is committed to de-escalation" ;
      nkg:contentMention {content[2]} ; nkg:cueMention {cue[2]} ; nkg:sourceMention {pompeo[2]} ;
      nkg:about data:actor/united-states .
}}
data:graph/actors {{
  data:actor/mike-pompeo a nkg:Person ; rdfs:label "Mike Pompeo" ; skos:altLabel "Mike Pompeo", "Pompeo" .
  data:actor/united-states a nkg:GeopoliticalEntity ; rdfs:label "United States" ;
      skos:altLabel "United States", "US" ; nkg:countryCode "US" .
  data:actor/x a nkg:Person ; rdfs:label "{_esc(HOSTILE)}" ; skos:altLabel "{_esc(HOSTILE)}" .
}}
"""
    trig = re.sub(r"\bdata:([\w/-]+)", r"<https://w3id.org/newskg/id/\1>", trig)
    file = path.parent / "notebook-test.trig"
    file.write_text(trig, encoding="utf-8")
    with open_store(path) as store:
        store.load_file(file)
        rebuild(store)  # loaded as a file, not written article by article: count it (kg stats --rebuild)
    return path


def snapshot(store: KGStore) -> list[tuple[str, str, str, str]]:
    """Every quad, sorted (to show a store did not change)."""
    return sorted(store.quads())
