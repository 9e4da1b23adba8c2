"""Named errors of newskg. The library raises these; only :mod:`kg.cli` prints and exits.

Each class carries a fixed exit code that the CLI uses, so scripts can tell failures apart.

>>> issubclass(QuerySyntaxError, QueryError) and QuerySyntaxError.exit_code
4
"""

from __future__ import annotations

from typing import Any


class NewskgError(Exception):
    """Base class of every error newskg raises on purpose."""

    exit_code = 1


class InputError(NewskgError):
    """An input file or record cannot be read (the message names the file and line)."""

    exit_code = 2


class OutputError(NewskgError):
    """An output path cannot be used: missing parent folder, a file where a folder is expected,
    a folder that cannot be written (the message names the path and what to do)."""

    exit_code = 2


class BadRecordError(InputError):
    """One record of an input file is unusable; ingest reports it and goes on.

    >>> str(BadRecordError("a.jsonl", 3, "missing 'id'", "give every record an 'id'"))
    "a.jsonl:3: missing 'id' (give every record an 'id')"
    """

    def __init__(self, path: str, line: int | None, reason: str, hint: str = "") -> None:
        self.path, self.line, self.reason, self.hint = str(path), line, reason, hint
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}" + (f" ({hint})" if hint else ""))

    def __reduce__(self) -> tuple[Any, ...]:  # pickled the way it is made (workers send it back)
        return type(self), (self.path, self.line, self.reason, self.hint)


class ExtractionError(NewskgError):
    """Analysing or writing one article failed inside newskg (a bug): the article is left out, the run goes on.

    >>> str(ExtractionError("a.jsonl:3", "TypeError: boom"))
    'a.jsonl:3: extraction failed (TypeError: boom); the article was left out, please report this'
    >>> import pickle; pickle.loads(pickle.dumps(ExtractionError("a:1", "boom", stage="writing"))).stage
    'writing'
    """

    def __init__(self, origin: str, detail: str, *, stage: str = "extraction") -> None:
        self.origin, self.detail, self.stage = origin, detail, stage
        super().__init__(f"{origin}: {stage} failed ({detail}); the article was left out, please report this")

    def __reduce__(self) -> tuple[Any, ...]:  # a worker process sends it back pickled
        return _extraction_error, (self.origin, self.detail, self.stage)


def _extraction_error(origin: str, detail: str, stage: str) -> ExtractionError:
    return ExtractionError(origin, detail, stage=stage)


class StoreError(NewskgError):
    """The store cannot be opened, read or written."""

    exit_code = 3


class StoreLockedError(StoreError):
    """Another process holds the on-disk store open for writing."""


class QueryError(NewskgError):
    """A SPARQL query or update failed."""

    exit_code = 4


class QuerySyntaxError(QueryError):
    """A SPARQL text does not parse; ``line`` and ``column`` locate the problem (1-based).

    >>> e = QuerySyntaxError("expected one of LATERAL", query="SELECT ?x WHERE { ?x ?y }", line=1, column=26)
    >>> print(e)
    SPARQL syntax error at line 1, column 26: expected one of LATERAL
      SELECT ?x WHERE { ?x ?y }
                               ^
    """

    def __init__(self, message: str, *, query: str = "", line: int | None = None,
                 column: int | None = None) -> None:
        self.message, self.query, self.line, self.column = message, query, line, column
        text = f"SPARQL syntax error at line {line}, column {column}: {message}" if line else \
            f"SPARQL syntax error: {message}"
        lines = query.splitlines()
        if line and 0 < line <= len(lines):
            text += f"\n  {lines[line - 1]}\n  {' ' * max((column or 1) - 1, 0)}^"
        super().__init__(text)


class ModelError(NewskgError):
    """The spaCy model cannot be loaded."""

    exit_code = 5


class ValidationFailed(NewskgError):
    """The data violates the SHACL shapes of the ontology."""

    exit_code = 6


class EvaluationError(NewskgError):
    """A gold file cannot be scored (unknown shape, bad spans)."""

    exit_code = 7
