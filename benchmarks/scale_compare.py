"""Old against new query texts, interleaved in one process on one store (p50 ms and rows).

    nice -n 19 python benchmarks/scale_compare.py STORE [--old REV] [--reps N] [--budget MS] [NAME ...]

The old text of each query is ``git show REV:PATH`` (default ``main``), the new one the working
tree's; both get the bindings ``benchmarks/scale.py`` gives (``scale.queries``). For each run the
old and new texts alternate, so the machine's load falls on both alike; a text over ``--budget``
ms in its first run is timed by that run alone. NAME is an example query (``events-of-actor``)
or ``notebook/NAME``; none: every query whose text differs between REV and the working tree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from string import Template

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def texts(name: str, rev: str) -> tuple[str, str | None, dict]:
    """(new text, old text or None when absent at ``rev``, bindings) of one query."""
    from kg.cli.output import parse_binding
    from kg.notebook.queries import _EVENT_SCOPES
    from scale import NOTEBOOK_BINDINGS

    if name.startswith("notebook/"):
        short = name.removeprefix("notebook/")
        path = f"kg/queries/notebook/{short.removesuffix('-all')}.rq"
        bindings = NOTEBOOK_BINDINGS[short]
    else:
        path = f"ontology/queries/{name}.rq"
        pairs = json.loads((REPO / path).with_suffix(".bindings.json").read_text())
        bindings = dict(parse_binding(f"{k}={v}") for k, v in pairs.items())
    new = (REPO / path).read_text(encoding="utf-8")
    shown = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:{path}"], capture_output=True, text=True)
    old = shown.stdout if shown.returncode == 0 else None
    if "$scope" in new:  # the notebook picks where the events query starts (kg.notebook.queries.events)
        scope = _EVENT_SCOPES["actor"] if "actor" in bindings else ""
        new = Template(new).substitute(scope=scope)
        old = Template(old).substitute(scope=scope) if old else None
    return new, old, bindings


def changed(rev: str) -> list[str]:
    """The queries whose text differs between ``rev`` and the working tree."""
    from scale import NOTEBOOK_BINDINGS

    names = [p.stem for p in sorted((REPO / "ontology" / "queries").glob("*.rq"))]
    names += [f"notebook/{n}" for n in NOTEBOOK_BINDINGS]
    return [n for n in names if (lambda t: t[0] != t[1])(texts(n, rev))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("names", nargs="*")
    ap.add_argument("--old", default="main", help="git revision of the old texts")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--budget", type=float, default=5000.0, help="ms: a text slower than this runs once")
    args = ap.parse_intermixed_args()
    from kg.store import open_store

    names = args.names or changed(args.old)
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, store {args.store}, old = {args.old}", flush=True)
    print(f"{'query':<34} {'old p50':>9} {'new p50':>9} {'old rows':>8} {'new rows':>8}", flush=True)
    with open_store(args.store, read_only=True) as store:
        for name in names:
            new, old, bindings = texts(name, args.old)
            runs: dict[str, list[float]] = {"old": [], "new": []}
            rows = {"old": -1, "new": -1}
            for i in range(args.reps + 1):
                for which, text in (("old", old), ("new", new)):
                    if text is None or (i and runs[which] and runs[which][0] > args.budget):
                        continue
                    t = time.perf_counter()
                    rows[which] = len(store.query(text, bindings=bindings))
                    runs[which].append((time.perf_counter() - t) * 1000)
            p50 = {k: statistics.median(v[1:] or v) if v else float("nan") for k, v in runs.items()}
            print(f"{name:<34} {p50['old']:>9.1f} {p50['new']:>9.1f} {rows['old']:>8} {rows['new']:>8}", flush=True)


if __name__ == "__main__":
    main()
