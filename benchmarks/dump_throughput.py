"""Dump throughput: `kg dump` (sorted, canonical, streaming) next to `oxigraph dump` on the same store.

Builds a store from data/ in a temporary folder (or uses --store), optionally enlarged by
loading the sample's quads --scale times under renamed graphs, then times in the same run:
`oxigraph dump` (the Rust CLI, unsorted, process start included) and kg's write_dump for
N-Quads (plain and gzip) and TriG. Prints statements/s and the ratio to oxigraph dump.

    python benchmarks/dump_throughput.py [--store DIR] [--scale 20]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from kg.pipeline import ingest
from kg.publish.dump import write_dump
from kg.store import open_store
from kg.store.server import oxigraph_binary

REPO = Path(__file__).resolve().parents[1]


def build(folder: Path, scale: int) -> Path:
    """A store from data/, with its quads loaded ``scale`` times under renamed graphs."""
    store_path = folder / "store"
    with open_store(store_path) as store:
        ingest([REPO / "data"], store)
        write_dump(store, folder / "sample.nq", format="nq")
        lines = (folder / "sample.nq").read_text(encoding="utf-8").splitlines()
        for k in range(1, scale):
            copy = folder / f"copy{k}.nq"
            copy.write_text("".join(ln[:-3].rsplit(" ", 1)[0] + " " + ln[:-3].rsplit(" ", 1)[1][:-1]
                                    + f"/copy{k}> .\n" for ln in lines), encoding="utf-8")
            store.load_file(copy)
            copy.unlink()
    return store_path


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None, help="An existing store (default: build one from data/).")
    parser.add_argument("--scale", type=int, default=20, help="Copies of the sample loaded (built store only).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        store_path = args.store or build(folder, args.scale)
        with open_store(store_path, read_only=True) as store:
            statements = len(store)
        rows = []
        out = folder / "oxigraph.nq"
        seconds = timed(lambda: subprocess.run([oxigraph_binary(), "dump", "--location", str(store_path),
                                                "--file", str(out)], check=True, capture_output=True))
        baseline = statements / seconds
        rows.append(("oxigraph dump (nq, unsorted)", seconds, out.stat().st_size))
        with open_store(store_path, read_only=True) as store:
            for label, fmt, gz, name in [("kg dump --format nq", "nq", False, "kg.nq"),
                                         ("kg dump --format nq --gzip", "nq", True, "kg.nq.gz"),
                                         ("kg dump --format trig", "trig", False, "kg.trig")]:
                target = folder / name
                rows.append((label, timed(lambda: write_dump(store, target, format=fmt, compress=gz)),
                             target.stat().st_size))
        print(f"store: {statements:,} statements ({'given' if args.store else f'data/ x {args.scale}'})")
        print(f"{'tool':<30} {'seconds':>8} {'statements/s':>13} {'MB':>7} {'vs oxigraph':>12}")
        for label, secs, size in rows:
            rate = statements / secs
            print(f"{label:<30} {secs:>8.2f} {rate:>13,.0f} {size / 1e6:>7.1f} {rate / baseline:>11.2f}x")


if __name__ == "__main__":
    main()
