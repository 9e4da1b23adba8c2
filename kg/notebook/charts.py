"""Charts of any result: pick the x column, a numeric y column (or the row count) and a kind.

>>> import pandas as pd
>>> fig = chart(pd.DataFrame({"who": ["a", "b", "a"], "n": [1, 2, 3]}), "who", "n", kind="bar")
>>> [t.get_text() for t in fig.axes[0].get_xticklabels()], fig.axes[0].get_ylabel()
(['a', 'b'], 'n (sum)')
"""

from __future__ import annotations

from typing import Any

#: The y choice that counts rows per x value.
COUNT = "(number of rows)"
KINDS = ["bar", "line", "scatter"]


def numeric_columns(df: Any) -> list[str]:
    """Columns whose values are all numbers (empty cells allowed)."""
    import pandas as pd

    out = []
    for name in df.columns:
        values = df[name].dropna()
        if len(values) and pd.to_numeric(values, errors="coerce").notna().all():
            out.append(name)
    return out


def chart(df: Any, x: str, y: str = COUNT, *, kind: str = "bar") -> Any:
    """A matplotlib figure of ``y`` against ``x``: bars and lines sum ``y`` per ``x`` value
    (or count rows with :data:`COUNT`), in the order the values first appear; scatter plots
    every row."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}: use one of {', '.join(KINDS)}")
    fig, ax = plt.subplots(figsize=(8, 4))
    xs = df[x].astype(str)
    if y == COUNT:
        series = xs.value_counts(sort=False).reindex(pd.unique(xs))
        ylabel = "rows"
    else:
        values = pd.to_numeric(df[y], errors="coerce")
        series = values.groupby(xs, sort=False).sum()
        ylabel = f"{y} (sum)"
    if kind == "scatter":
        ax.scatter(xs, df[y] if y != COUNT else [1] * len(df))
        ylabel = y if y != COUNT else "rows"
    elif kind == "line":
        ax.plot(series.index, series.values, marker="o")
    else:
        ax.bar(series.index, series.values)
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=45)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    fig.tight_layout()
    plt.close(fig)
    return fig
