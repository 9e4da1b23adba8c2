"""Training labels of the name head: gold CoNLL-2003 names in the small spaCy model's label set,
plus the model's own non-name entities as silver where they do not touch a gold name.

The extraction code reads spaCy's labels (PERSON, ORG, GPE, LOC, FAC, NORP, DATE, ...), so the
trained head keeps them: PER -> PERSON; ORG -> ORG; LOC -> the small model's GPE, LOC or FAC on
the same span, else GPE (CoNLL's locations are mostly countries and cities); MISC -> the small
model's NORP, EVENT, LAW, PRODUCT, WORK_OF_ART or LANGUAGE on the same span, else MISC.
Dates, times, amounts and numbers come from the small model (silver), since CoNLL does not
annotate them; a silver span that overlaps a gold name is dropped.

>>> gold = [(0, 5, "PER"), (15, 21, "LOC"), (25, 32, "MISC")]
>>> silver = [(0, 5, "ORG"), (15, 21, "GPE"), (25, 32, "NORP"), (33, 39, "DATE"), (20, 24, "CARDINAL")]
>>> training_spans(gold, silver)
[(0, 5, 'PERSON'), (15, 21, 'GPE'), (25, 32, 'NORP'), (33, 39, 'DATE')]
"""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int, str]

#: CoNLL types that map to one label whatever the small model says.
FIXED = {"PER": "PERSON", "ORG": "ORG"}
#: The small model's labels a gold LOC or MISC takes when the model tags the same span so.
LOC_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISC_LABELS = frozenset({"NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
#: The small model's labels that are not names: taken as silver.
SILVER_LABELS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL"})
#: Labels the head predicts, mapped to the scored CoNLL types (others are not scored).
SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def gold_label(kind: str, model_label: str | None) -> str:
    """The head's label of a gold CoNLL name of type ``kind`` that the small model tags
    ``model_label`` (None: no entity on exactly that span).

    >>> gold_label("LOC", "LOC"), gold_label("LOC", "PERSON"), gold_label("MISC", None)
    ('LOC', 'GPE', 'MISC')
    """
    if kind in FIXED:
        return FIXED[kind]
    if kind == "LOC":
        return model_label if model_label in LOC_LABELS else "GPE"
    if kind == "MISC":
        return model_label if model_label in MISC_LABELS else "MISC"
    raise ValueError(f"unknown CoNLL entity type {kind!r}: expected PER, ORG, LOC or MISC")


def training_spans(gold: Iterable[Span], model: Iterable[Span]) -> list[Span]:
    """Gold names relabelled (:func:`gold_label`) plus the model's non-name spans that overlap
    no gold name, sorted by offset."""
    gold = list(gold)
    model = list(model)
    by_span = {(b, e): label for b, e, label in model}
    spans = [(b, e, gold_label(kind, by_span.get((b, e)))) for b, e, kind in gold]
    spans += [(b, e, label) for b, e, label in model
              if label in SILVER_LABELS and not any(b < ge and gb < e for gb, ge, _ in gold)]
    return sorted(spans)
