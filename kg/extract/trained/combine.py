"""The name tagger's entities combined with the small model's, where each is the more precise.

newskg-names (trained on CoNLL-2003) finds more names and types them better than the small
model on Reuters-style text (CoNLL dev exact F1 0.88 against 0.65), but it was trained on
1996 news and errs where the small model does not. At decoding time, with both models' spans
of one text (no weights change), :func:`combine` keeps the tagger's entities except:

1. a name of the tagger with a lower-case word that is no name particle ("de-escalation",
   "the situation in broader interest") is dropped, unless the small model has the same span;
2. a country's name or code the tagger calls an organisation or person ("US" ORG) is a GPE
   (:mod:`kg.extract.gazetteer`);
3. a "person" whose last word is an organisation's head noun ("Quds Force") is an ORG;
4. a tagger span that the small model splits into two or more names ("Iran Revolutionary
   Guards" -> "Iran", "Revolutionary Guards") takes the small model's pieces; a nationality
   and a name of the tagger that the small model takes as one organisation ("Chinese" +
   "Politburo") that organisation; a
   tagger span that is a small model's name with title words ("DG ISPR") the name alone;
5. an acronym both tag, the small model as ORG, is an ORG ("ISPR"); a span of two words or
   more both tag, the small model as a person and the tagger as an organisation, with a
   title word first, is a person ("COAS Bajwa"), and so is one of two words or more the tagger
   reads as a place, the small model as a person, that names no country nor GeoNames city
   ("Clement Beaune"); a span the tagger gives a type that
   is no name (a date, MISC) and the small model a name's takes the small model's ("Mideast");
6. the small model's entities that overlap none of the tagger's are added: its dates,
   numbers and other non-name types always, its names when they are a known country.

>>> text = "US envoy met Quds Force chiefs."
>>> [(text[b:e], label) for b, e, label in combine(text, [(0, 2, "GPE")], [(0, 2, "ORG"), (13, 23, "PERSON")])]
[('US', 'GPE'), ('Quds Force', 'ORG')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg import geonames
from kg.extract import gazetteer
from kg.extract.lexicon import ORG_HEADS, is_title_word

#: Entity labels that name actors (the rest are dates, numbers, works, laws, ...).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
#: Lower-case words a name may hold ("Bank of England", "Ursula von der Leyen").
_PARTICLES = frozenset({"of", "the", "and", "for", "de", "von", "van", "der", "den", "al", "bin", "ibn", "la",
                        "le", "du", "da", "di", "del", "des", "y", "e", "on", "in", "at", "&", "'s", "’s", "st", "st."})
_WORD = re.compile(r"[^\W_][\w'’.-]*")

Entity = tuple[int, int, str]


def _cased(name: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES or w.lower().startswith(("al-", "el-"))
               for w in _WORD.findall(name))


def _acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def combine(text: str, small: Sequence[Entity], tagged: Sequence[Entity]) -> list[Entity]:
    """The combined entities (sorted, not overlapping) of the small model's and the tagger's
    ``(begin, end, label)`` spans over ``text``."""
    same = {(b, e): label for b, e, label in small}
    out: list[Entity] = []
    for b, e, label in tagged:
        name = text[b:e]
        if label not in NAME_LABELS and same.get((b, e)) in NAME_LABELS:
            label = same[(b, e)]  # "Mideast" is no date, "ISPR" no work of art
        if label in NAME_LABELS:
            if (b, e) not in same and not _cased(name):
                continue
            pieces = [(sb, se, sl) for sb, se, sl in small if b <= sb and se <= e and (sb, se) != (b, e)
                      and sl in NAME_LABELS]
            if len(pieces) >= 2 and not any(sb < e and b < se and not (b <= sb and se <= e) for sb, se, _ in small):
                out += pieces
                continue
            if len(pieces) == 1 and all(is_title_word(w) for w in _WORD.findall(text[b:pieces[0][0]] + " " + text[pieces[0][1]:e])):
                out += pieces  # "DG ISPR": the title is no part of the name
                continue
            whole = [(sb, se, sl) for sb, se, sl in small if sb <= b and e <= se and (sb, se) != (b, e) and sl in NAME_LABELS]
            inside = [t for t in tagged if whole and whole[0][0] <= t[0] and t[1] <= whole[0][1] and t[2] in NAME_LABELS]
            if whole and whole[0][2] == "ORG" and len(inside) == 2 and inside[0][2] == "NORP" and inside[1][2] != "PERSON":
                if not any(whole[0][0] <= ob and oe <= whole[0][1] for ob, oe, _ in out):
                    out.append(whole[0])  # "Chinese Politburo", split by the tagger into two names
                continue
            country = gazetteer.country(name)
            if label in ("ORG", "PERSON") and country and not gazetteer.is_demonym(name):
                label = "GPE"
            words = name.split()
            if label == "PERSON" and len(words) > 1 and words[-1].lower() in ORG_HEADS:
                label = "ORG"
            if _acronym(name) and same.get((b, e)) == "ORG":
                label = "ORG"
            if label == "ORG" and same.get((b, e)) == "PERSON" and len(words) > 1 and is_title_word(words[0]):
                label = "PERSON"
            if label in _PLACES and same.get((b, e)) == "PERSON" and len(words) > 1 and not country \
                    and geonames.city(name) is None:
                label = "PERSON"  # "Clement Beaune": no country or city of that name
        out.append((b, e, label))
    for b, e, label in small:
        if any(b < oe and ob < e for ob, oe, _ in out):
            continue
        if label not in NAME_LABELS or (label == "GPE" and gazetteer.country(text[b:e])):
            out.append((b, e, label))
    return sorted(out)
