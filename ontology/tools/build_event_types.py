"""Build ``ontology/event-types.ttl``: the CAMEO 1.1b3 codes as a SKOS scheme, with PLOVER matches.

Reads the reference tables (``cameo_eventcodes.tsv``, ``cameo_to_plover.tsv``,
``cameo_to_plover_root.tsv``, ``plover_types.tsv``) and writes deterministic, sorted Turtle.
The generated file is committed, so users never need the reference folder.

Usage::

    python ontology/tools/build_event_types.py [REFERENCE_DIR] [-o ontology/event-types.ttl]

Rules (see ontology/README.md):

- every CAMEO code becomes ``<https://w3id.org/newskg/cameo/CODE>``, a ``skos:Concept`` of
  ``nkg:EventTypes`` with ``skos:notation`` = the code and ``skos:broader`` its parent code;
  the 20 two-digit roots are the top concepts; labels are the manual's, in sentence case;
- ``skos:closeMatch`` to a PLOVER type only where the published mapping names one: for a
  root, the manual's root table (08 YIELD maps to both CONCEDE and RETREAT; where the
  table names no PLOVER type of the 16, e.g. 20 "FIGHT (see Note 1)", the type the
  code-level mapping lists for that root's header line); for other codes, the code-level
  mapping. CAMEO 01 and 02 were dropped by PLOVER and get no match.

>>> sentence_case("USE UNCONVENTIONAL MASS VIOLENCE"), sentence_case("Threaten attack with WMD")
('Use unconventional mass violence', 'Threaten attack with WMD')
>>> turtle_string('Meet at a "third" location')
'"Meet at a \\\\"third\\\\" location"'
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

NKG = "https://w3id.org/newskg/ns#"
CAMEO = "https://w3id.org/newskg/cameo/"
PLOVER = "https://w3id.org/newskg/plover/"
REPO = Path(__file__).resolve().parents[2]
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_OUTPUT = REPO / "ontology" / "event-types.ttl"

CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
CAMEO_MANUAL = "http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf"
PLOVER_REPO = "https://github.com/openeventdata/PLOVER"
CAMEO_CITATION = ("Schrodt, Philip A. (2012). CAMEO: Conflict and Mediation Event Observations. "
                  "Event and Actor Codebook, version 1.1b3. Pennsylvania State University.")
PLOVER_CITATION = ("Open Event Data Alliance (openeventdata). PLOVER: Political Language Ontology "
                   "for Verifiable Event Records, manual draft 2.0 and CAMEO-to-PLOVER "
                   "translation (draft 0.8, 2021). CC BY-SA 4.0.")


@dataclass(frozen=True)
class CameoCode:
    """One row of the CAMEO codebook."""

    code: str
    label: str
    note: str = ""
    gdelt_label: str = ""

    @property
    def parent(self) -> str | None:
        """The parent code (``None`` for a root): 041 -> 04, 0411 -> 041."""
        if len(self.code) <= 2:
            return None
        return self.code[:2] if len(self.code) == 3 else self.code[:3]


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type."""

    name: str
    definition: str


@dataclass
class EventTypes:
    """Everything the Turtle file is made of, plus the quirks met on the way."""

    codes: list[CameoCode]
    plover: list[PloverType]
    matches: dict[str, set[str]]
    warnings: list[str] = field(default_factory=list)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header line."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def sentence_case(label: str) -> str:
    """An all-capitals label in sentence case; other labels unchanged."""
    label = " ".join(label.split())
    return label[:1] + label[1:].lower() if label.isupper() else label


def load(reference: Path) -> EventTypes:
    """Read the four reference tables and work out the PLOVER matches of every code."""
    codes = [CameoCode(r["code"], sentence_case(r["label"]), r["note"], r["label_gdelt_lookup"])
             for r in read_tsv(reference / "cameo_eventcodes.tsv")]
    plover = [PloverType(r["type"], " ".join(r["definition"].split()))
              for r in read_tsv(reference / "plover_types.tsv")]
    known_codes = {c.code for c in codes}
    known_types = {p.name for p in plover}
    warnings: list[str] = []
    matches: dict[str, set[str]] = {}
    headers: dict[str, set[str]] = {}
    for row in read_tsv(reference / "cameo_to_plover.tsv"):
        code, ptype = row["cameo_code"], row["plover_type"]
        if ptype not in known_types:
            warnings.append(f"cameo_to_plover: {code} -> {ptype!r} is not a PLOVER type; skipped")
        elif "header line" in row["note"]:
            headers.setdefault(code, set()).add(ptype)
        elif code not in known_codes:
            warnings.append(f"cameo_to_plover: {code} is not a CAMEO 1.1b3 code; skipped")
        else:
            matches.setdefault(code, set()).add(ptype)
    for row in read_tsv(reference / "cameo_to_plover_root.tsv"):
        root, ptype = row["cameo_root"], row["plover_type"]
        if ptype == "dropped":
            continue
        if ptype in known_types:
            matches.setdefault(root, set()).add(ptype)
        else:
            fallback = headers.get(root, set())
            warnings.append(f"cameo_to_plover_root: {root} -> {ptype!r} is not a PLOVER type; "
                            f"using the code-level header line {sorted(fallback)}")
            matches.setdefault(root, set()).update(fallback)
    for c in codes:
        if c.parent and c.parent not in known_codes:
            warnings.append(f"cameo_eventcodes: {c.code} has no parent {c.parent}")
    return EventTypes(codes, plover, matches, warnings)


def turtle_string(text: str) -> str:
    """A Turtle string literal (double quotes, escaped)."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def editorial_note(code: CameoCode) -> str | None:
    """A note for GDELT users where GDELT's lookup table disagrees with the manual."""
    if code.note.startswith("not in GDELT"):
        return "Not in GDELT's CAMEO.eventcodes.txt lookup table (CAMEO manual 1.1b3 only)."
    if "wrong/legacy" in code.note:
        return (f"GDELT's CAMEO.eventcodes.txt lookup table labels this code "
                f"\"{code.gdelt_label}\" (a legacy label); the manual's label is used here.")
    return None


def render(types: EventTypes) -> str:
    """The Turtle text of the two schemes, sorted and stable."""
    roots = sorted((c for c in types.codes if c.parent is None), key=lambda c: c.code)
    plover = sorted(types.plover, key=lambda p: p.name)
    out = [
        "# newskg event types: CAMEO 1.1b3 event codes as a SKOS concept scheme, with close matches",
        "# to the PLOVER event types.",
        "# GENERATED by ontology/tools/build_event_types.py from the reference tables; do not edit.",
        "",
        "@prefix cameo: <https://w3id.org/newskg/cameo/> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        f"@prefix nkg: <{NKG}> .",
        f"@prefix plover: <{PLOVER}> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "",
        "#################################################################",
        "#    Schemes",
        "#################################################################",
        "",
        "nkg:EventTypes a skos:ConceptScheme ;",
        '    rdfs:label "event types (CAMEO 1.1b3)"@en ;',
        "    rdfs:comment " + turtle_string(
            "The scheme of the values of nkg:eventType: all 316 event codes of the CAMEO "
            "codebook 1.1b3 (Philip A. Schrodt), one skos:Concept per code with the code as "
            "skos:notation (\"041\"), the manual's label as skos:prefLabel and the parent code "
            "as skos:broader; the 20 two-digit codes (01 to 20) are the top concepts. "
            "skos:closeMatch links a code to a PLOVER event type (nkg:PloverTypes) where the "
            "published CAMEO-to-PLOVER translation names one; CAMEO 01 (make public statement) "
            "and 02 (appeal) have none. Those links adapt PLOVER material (CC BY-SA 4.0).") + "@en ;",
        f"    dct:source <{CAMEO_MANUAL}>, <{PLOVER_REPO}> ;",
        f"    dct:bibliographicCitation {turtle_string(CAMEO_CITATION)}, {turtle_string(PLOVER_CITATION)} ;",
        f"    dct:license <{CC_BY_SA}> ;",
        "    rdfs:isDefinedBy <https://w3id.org/newskg/ns> ;",
        "    skos:hasTopConcept " + ", ".join(f"cameo:{c.code}" for c in roots) + " .",
        "",
        "nkg:PloverTypes a skos:ConceptScheme ;",
        '    rdfs:label "PLOVER event types"@en ;',
        "    rdfs:comment " + turtle_string(
            "The 16 event types of PLOVER (Political Language Ontology for Verifiable Event "
            "Records, openeventdata), the successor of CAMEO, with their definitions from the "
            "PLOVER manual (draft 2.0). PLOVER is licensed CC BY-SA 4.0.") + "@en ;",
        f"    dct:source <{PLOVER_REPO}> ;",
        f"    dct:bibliographicCitation {turtle_string(PLOVER_CITATION)} ;",
        f"    dct:license <{CC_BY_SA}> ;",
        "    rdfs:isDefinedBy <https://w3id.org/newskg/ns> ;",
        "    skos:hasTopConcept " + ", ".join(f"plover:{p.name}" for p in plover) + " .",
        "",
        "#################################################################",
        "#    CAMEO event codes",
        "#################################################################",
        "",
    ]
    for c in sorted(types.codes, key=lambda c: c.code):  # depth first: 04, 040, 041, 0411, 042
        lines = [f"cameo:{c.code} a skos:Concept ;",
                 f'    skos:notation "{c.code}" ;',
                 f"    skos:prefLabel {turtle_string(c.label)}@en ;"]
        if c.parent is None:
            lines.append("    skos:topConceptOf nkg:EventTypes ;")
        else:
            lines.append(f"    skos:broader cameo:{c.parent} ;")
        for ptype in sorted(types.matches.get(c.code, ())):
            lines.append(f"    skos:closeMatch plover:{ptype} ;")
        note = editorial_note(c)
        if note:
            lines.append(f"    skos:editorialNote {turtle_string(note)}@en ;")
        lines.append("    skos:inScheme nkg:EventTypes .")
        out += lines + [""]
    out += [
        "#################################################################",
        "#    PLOVER event types",
        "#################################################################",
        "",
    ]
    for p in plover:
        out += [f"plover:{p.name} a skos:Concept ;",
                f'    skos:notation "{p.name}" ;',
                f"    skos:prefLabel {turtle_string(sentence_case(p.name))}@en ;",
                f"    skos:definition {turtle_string(p.definition)}@en ;",
                "    skos:topConceptOf nkg:PloverTypes ;",
                "    skos:inScheme nkg:PloverTypes .",
                ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command line: build the file, report quirks on stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE,
                        help=f"folder of the reference tables (default: {DEFAULT_REFERENCE})")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT,
                        help=f"Turtle file to write (default: {DEFAULT_OUTPUT})")
    args = parser.parse_args(argv)
    types = load(args.reference)
    for warning in types.warnings:
        print(f"note: {warning}", file=sys.stderr)
    args.output.write_text(render(types), encoding="utf-8")
    print(f"wrote {args.output}: {len(types.codes)} CAMEO codes, {len(types.plover)} PLOVER types, "
          f"{sum(map(len, types.matches.values()))} close matches", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
