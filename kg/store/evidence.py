"""The identity evidence of an on-disk store, kept beside it so a run need not read it back
from every article graph: ``DIR/newskg-identity.sqlite``.

Three tables: ``units`` (each distinct unit as canonical JSON, and how many article graphs
record it), ``records`` (per article graph, each unit it records with the actor IRI and kind
the graph gives it; indexed by unit, so the graphs that record a unit are found without a
scan) and
``events`` (per article graph, the evidence of its events for cross-article event identity,
as JSON rows, so the end of a run need not query every graph for them).
The file is only trusted when ``state`` is ``clean``: a writer marks it ``dirty`` (synced to
disk) before its first change and ``clean`` after its last, so a run killed in between (or
a store written by another tool, or an older newskg) leaves it dirty and the next writer
rebuilds it from the article graphs. Between those marks it is written without syncing.

>>> import tempfile, pathlib
>>> table = EvidenceTable(pathlib.Path(tempfile.mkdtemp()) / "e.sqlite")
>>> table.trusted(base="b"), table.begin(base="b")
(False, None)
>>> table.put("g1", [], [("a", '["A"]', "Person")]); table.finish(); table.trusted(base="b")
True
>>> list(table.units()), table.graph("g1"), table.graphs_with(['["A"]'])
([('["A"]', 1, 'a', 'Person')], [('a', '["A"]', 'Person')], {'g1'})
>>> table.begin(base="b"); table.put_events("g1", [["e1", "say"]]); list(table.events())
[('g1', [['e1', 'say']])]
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import StoreError

__all__ = ["EVIDENCE_FILE", "EvidenceTable"]

#: The file's name inside the store folder.
EVIDENCE_FILE = "newskg-identity.sqlite"
_FORMAT = "3"

#: What one graph records: (actor IRI, unit as JSON, kind), one per unit, sorted.
Records = list[tuple[str, str, str]]


class EvidenceTable:
    """The side table of one store folder (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # check_same_thread off: ingest writes on a thread of its own, never at the same time
            # as the main thread reads (kg.pipeline waits for one before the other).
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.executescript("""
                PRAGMA journal_mode=WAL;
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            """)
            if self._meta("format") not in (None, _FORMAT):  # another layout: rebuilt by the next run
                self.db.executescript("""
                    DROP TABLE IF EXISTS records; DROP TABLE IF EXISTS units; DROP TABLE IF EXISTS events;
                    DELETE FROM meta;
                """)
            self.db.executescript("""
                CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, data TEXT UNIQUE NOT NULL,
                                                  count INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS records (graph TEXT NOT NULL, iri TEXT NOT NULL, unit INTEGER NOT NULL,
                                                    kind TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS records_graph ON records (graph);
                CREATE INDEX IF NOT EXISTS records_unit ON records (unit);
                CREATE TABLE IF NOT EXISTS events (graph TEXT PRIMARY KEY, rows TEXT NOT NULL);
            """)
        except sqlite3.Error as e:
            raise StoreError(f"{path}: cannot open the identity evidence ({e}); delete the file to rebuild it") from e
        self._ids: dict[str, int] = {}

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def trusted(self, *, base: str) -> bool:
        """Whether the table holds the evidence of every article graph (for IRIs under ``base``)."""
        return (self._meta("state"), self._meta("format"), self._meta("base")) == ("clean", _FORMAT, base)

    def begin(self, *, base: str, rebuild: bool = False) -> None:
        """Mark the table dirty (on disk before anything changes); ``rebuild`` empties it first."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.execute("PRAGMA synchronous=FULL")
        with self.db:
            self.db.execute("BEGIN")
            if rebuild:
                self.db.execute("DELETE FROM records")
                self.db.execute("DELETE FROM units")
                self.db.execute("DELETE FROM events")
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                [("state", "dirty"), ("format", _FORMAT), ("base", base)])
        self._ids.clear()
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("BEGIN")

    def finish(self) -> None:
        """Commit and mark the table clean (the store's graphs and the table agree)."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.execute("PRAGMA synchronous=FULL")  # the mark is synced with everything before it
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('state', 'clean')")

    def units(self) -> Iterator[tuple[str, int, str, str]]:
        """Every recorded unit (JSON), how many graphs record it, and the actor IRI and kind one
        of them gives it (in a trusted table every graph gives a unit the same)."""
        return iter(self.db.execute(
            "SELECT u.data, u.count, r.iri, r.kind FROM units u JOIN records r ON r.unit = u.id "
            "WHERE u.count > 0 GROUP BY u.id").fetchall())

    def graph(self, graph: str) -> Records:
        """What one article graph records (empty when it is not in the store)."""
        return sorted(self.db.execute(
            "SELECT r.iri, u.data, r.kind FROM records r JOIN units u ON u.id = r.unit WHERE r.graph = ?", (graph,)))

    def graphs_with(self, units: Iterable[str]) -> set[str]:
        """The article graphs that record any of these units (JSON)."""
        found: set[str] = set()
        for data in units:
            found.update(g for (g,) in self.db.execute(
                "SELECT r.graph FROM records r JOIN units u ON u.id = r.unit WHERE u.data = ?", (data,)))
        return found

    def put(self, graph: str, old: Records, new: Records) -> None:
        """Replace what ``graph`` records (``old``, as the table holds it) with ``new``."""
        if sorted(old) == sorted(new):
            return
        db = self.db
        db.execute("DELETE FROM records WHERE graph = ?", (graph,))
        for _, data, _ in old:
            db.execute("UPDATE units SET count = count - 1 WHERE id = ?", (self._id(data),))
        for iri, data, kind in new:
            uid = self._id(data)
            db.execute("UPDATE units SET count = count + 1 WHERE id = ?", (uid,))
            db.execute("INSERT INTO records VALUES (?, ?, ?, ?)", (graph, iri, uid, kind))

    def put_events(self, graph: str, rows: list[list[Any]]) -> None:
        """Replace the event evidence of ``graph`` (rows of JSON values; none: the graph has none)."""
        if not rows:
            self.db.execute("DELETE FROM events WHERE graph = ?", (graph,))
        else:
            self.db.execute("INSERT OR REPLACE INTO events VALUES (?, ?)",
                            (graph, json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))

    def events(self) -> Iterator[tuple[str, list[list[Any]]]]:
        """Every graph's event evidence (graph, rows), by graph."""
        return ((g, json.loads(rows)) for g, rows in self.db.execute("SELECT graph, rows FROM events ORDER BY graph").fetchall())

    def _id(self, data: str) -> int:
        uid = self._ids.get(data)
        if uid is None:
            self.db.execute("INSERT OR IGNORE INTO units (data, count) VALUES (?, 0)", (data,))
            uid = self._ids[data] = self.db.execute("SELECT id FROM units WHERE data = ?", (data,)).fetchone()[0]
        return uid

    def close(self) -> None:
        """Close the file (an unfinished run's changes stay, marked dirty)."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()
