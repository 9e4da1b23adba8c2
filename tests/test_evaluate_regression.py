"""Quality regression: the real pipeline on a fixed slice of the dev corpora must not score
below the values recorded in ``eval_baseline.json`` minus a margin.

After an intended change in quality, re-measure and update the baseline:
``python tests/test_evaluate_regression.py`` prints the current values as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg.evaluate import evaluate

CORPORA = Path(__file__).parents[2] / "shared" / "corpora"
BASELINE = Path(__file__).with_name("eval_baseline.json")
MARGIN = 0.03
#: The slice, as (file, step, per step, count): records ``i`` with ``i % step < per``, the first
#: ``count`` of them. ECB+: 8 documents, two consecutive ones (same topic, so that B-cubed
#: sees cross-document chains) from each of 4 topics; PolNeAR: every 21st record, 4 documents.
SLICES = {"ecbplus": ("ecbplus_dev.jsonl", 193, 2, 8), "polnear": ("polnear_dev.jsonl", 21, 1, 4)}
RUNS = (("ecbplus", "actors"), ("ecbplus", "events"), ("polnear", "statements"))
#: The scores checked in each run: (table, label or None for the micro-average).
CHECKED = (("exact", None), ("overlap", None))


def write_slice(corpus: str, folder: Path) -> Path:
    """Copy the fixed slice of one dev corpus into a temporary JSONL file."""
    name, step, per, count = SLICES[corpus]
    with (CORPORA / name).open(encoding="utf-8") as fh:
        lines = [line for i, line in enumerate(fh) if i % step < per][:count]
    out = folder / f"{corpus}_slice.jsonl"
    out.write_text("".join(lines), encoding="utf-8")
    return out


def measure(folder: Path) -> dict[str, dict[str, float]]:
    """Current scores on the slices: ``{"corpus/task": {"table/label": f1}}``."""
    values: dict[str, dict[str, float]] = {}
    for corpus, task in RUNS:
        gold = folder / f"{corpus}_slice.jsonl"
        if not gold.exists():
            write_slice(corpus, folder)
        r = evaluate(gold, task=task, store=folder / f"{corpus}_store", errors=0)
        scores = {f"{table}/micro": r.score(table).f1 for table, _ in CHECKED}
        if r.bcubed is not None:
            scores["bcubed"] = r.bcubed.f1
        values[f"{corpus}/{task}"] = {k: round(v, 4) for k, v in scores.items()}
    return values


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    if not all((CORPORA / name).is_file() for name, *_ in SLICES.values()):
        pytest.skip(f"dev corpora not found at {CORPORA} (they are not shipped with the project)")
    return measure(tmp_path_factory.mktemp("eval-regression"))


BASELINE_VALUES: dict[str, dict[str, float]] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}


@pytest.mark.parametrize("run,metric", [(run, metric) for run, metrics in sorted(BASELINE_VALUES.items())
                                        for metric in sorted(metrics)])
def test_score_does_not_drop(current, run, metric):
    recorded = BASELINE_VALUES[run][metric]
    if recorded == 0.0:
        pytest.skip(f"{run} {metric}: recorded 0.0 (nothing extracted yet); record a value once it exists")
    assert current[run][metric] >= recorded - MARGIN, (
        f"{run} {metric} F1 dropped to {current[run][metric]:.4f} (recorded {recorded:.4f}, margin {MARGIN})")


def test_every_measured_score_has_a_baseline(current):
    missing = {f"{run} {m}" for run, ms in current.items() for m in ms} - \
        {f"{run} {m}" for run, ms in BASELINE_VALUES.items() for m in ms}
    assert not missing, f"record these in {BASELINE.name}: {sorted(missing)}"


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        json.dump(measure(Path(tmp)), sys.stdout, indent=2, sort_keys=True)
        print()
