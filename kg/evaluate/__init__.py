"""Evaluation: measure extraction against gold corpora (``kg eval``).

Gold readers (CoNLL-style, ECB+, PolNeAR), predictions read back from a store through
SPARQL over the ontology's fixed terms, one-to-one exact and overlap matching, B-cubed over
actor IRIs, an error listing and a report.

>>> from kg.evaluate import Mention, score
>>> score([Mention("d", 0, 3, "PER")], [], mode="exact").micro.as_tuple()
(0, 0, 1)
"""

from kg.evaluate.bcubed import BCubed, bcubed
from kg.evaluate.errors_listing import ErrorItem, list_errors
from kg.evaluate.gold import FORMATS, TASKS, GoldDoc, GoldSet, Mention, detect_format, read_gold
from kg.evaluate.predictions import read_predictions
from kg.evaluate.report import EvalResult, render_table, write_report
from kg.evaluate.run import evaluate, gold_articles, score_gold
from kg.evaluate.score import Score, ScoreTable, match, score

__all__ = [
    "FORMATS", "TASKS", "BCubed", "ErrorItem", "EvalResult", "GoldDoc", "GoldSet", "Mention", "Score",
    "ScoreTable", "bcubed", "detect_format", "evaluate", "gold_articles", "list_errors", "match",
    "read_gold", "read_predictions", "render_table", "score", "score_gold", "write_report",
]
