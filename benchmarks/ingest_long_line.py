"""Peak memory of `kg ingest` on a JSONL file with one huge line between two small records.

    python benchmarks/ingest_long_line.py [--mb 200]

Prints the peak resident memory (``ru_maxrss`` of the child process) of `kg ingest --quiet` on
the two small records alone and with a line of ``--mb`` megabytes between them. Reading keeps
at most one record (32 MiB) plus a bounded buffer, so the two peaks should be close; the test
behind it is tests/test_reliability.py::test_memory_stays_flat_on_a_200mb_line.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

GOOD = [b'{"id": "a", "text": "Heiko Maas met Mike Pompeo in Berlin."}\n',
        b'{"id": "b", "text": "Mike Pompeo spoke in Washington."}\n']


def peak_mib(src: Path, store: Path) -> tuple[float, int]:
    """Peak RSS (MiB) and exit code of `kg ingest SRC --store STORE --quiet` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(src), "--store", str(store), "--quiet"],
                          capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-longline-"))
    small, huge = tmp / "small.jsonl", tmp / "huge.jsonl"
    small.write_bytes(b"".join(GOOD))
    with huge.open("wb") as out:
        out.write(GOOD[0] + b'{"id": "big", "text": "')
        for _ in range(args.mb):
            out.write(b"word " * 200_000)
        out.write(b'"}\n' + GOOD[1])
    for name, src in (("2 small records", small), (f"the same + a {args.mb} MB line", huge)):
        mib, code = peak_mib(src, tmp / f"store-{src.stem}")  # small first: the children's peak only grows
        print(f"{name:>28}: peak RSS {mib:6.0f} MiB, exit {code}")


if __name__ == "__main__":
    main()
