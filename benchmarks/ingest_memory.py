"""Does ingest memory stay flat as the input grows? Peak RSS of `kg ingest` on growing inputs.

    python benchmarks/ingest_memory.py ../shared/corpora/bbc_news.jsonl [--sizes 200 800 2225]

Each size runs `kg ingest --quiet` in a fresh process into a fresh store and reads the
process's peak resident memory; the ratio column is against the smallest input (the
baseline of the same run). Flat memory means ratios near 1 while the input grows.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
from pathlib import Path

_PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(peak, done.returncode, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:])
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 800, 2225])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-mem-"))
    rows = []
    for size in args.sizes:
        sample = tmp / f"in-{size}.jsonl"
        with args.corpus.open(encoding="utf-8") as fh, sample.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, size))
        cmd = [sys.executable, "-c", _PEAK, sys.executable, "-m", "kg.cli", "ingest", str(sample),
               "--store", str(tmp / f"store-{size}"), "--quiet"]
        peak_kib, code, summary = subprocess.run(cmd, capture_output=True, text=True).stdout.split(" ", 2)
        rows.append((size, int(peak_kib) / 1024, code, summary.strip()))
    base = rows[0][1]
    print(f"{'articles':>8} {'peak RSS MiB':>12} {'x smallest':>10}  exit  summary")
    for size, mib, code, summary in rows:
        print(f"{size:>8} {mib:>12.0f} {mib / base:>10.2f}  {code:>4}  {summary}")


if __name__ == "__main__":
    main()
