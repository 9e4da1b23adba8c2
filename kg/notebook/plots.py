"""Plots where people would rather look than read (matplotlib figures, no global pyplot state).

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     fig = events_over_time(store)
>>> fig.axes[0].get_title()
'Events over time by CAMEO root type (none in the store yet)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.notebook import queries
from kg.store import KGStore

if TYPE_CHECKING:
    from matplotlib.figure import Figure

def _empty(fig: Figure, title: str) -> Figure:
    ax = fig.axes[0]
    ax.set_title(f"{title} (none in the store yet)")
    ax.text(0.5, 0.5, "nothing to plot yet", ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def placed_events(df: Any) -> tuple[Any, int]:
    """Events that can be placed in time (their date, else the start of their date range),
    with a ``when`` column, and how many cannot.

    >>> import pandas as pd, datetime as dt
    >>> df = pd.DataFrame({"date": [dt.date(2020, 1, 3), None, None],
    ...                    "earliest": [None, dt.date(2019, 12, 28), None]})
    >>> placed, undated = placed_events(df)
    >>> [str(d.date()) for d in placed["when"]], undated
    (['2020-01-03', '2019-12-28'], 1)
    """
    import pandas as pd

    when = df["date"].where(df["date"].notna(), df["earliest"]) if len(df) else df.get("date")
    placed = df.assign(when=when).dropna(subset=["when"]) if len(df) else df.assign(when=[])
    placed = placed.assign(when=pd.to_datetime(placed["when"].astype(str)))
    return placed, len(df) - len(placed)


def _root_name(row: Any) -> str:
    code = row.get("root") or (str(row.get("code"))[:2] if isinstance(row.get("code"), str) else "")
    name = row.get("rootType")
    return f"{code} {name}".strip() if isinstance(name, str) and name else (code or "no type")


def _date_axis(ax: Any) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")


def events_over_time(source: KGStore | Any, *, freq: str = "D") -> Figure:
    """Events per day (or ``freq``: "W", "M") on a date axis, one dot each, stacked, coloured
    by CAMEO root type (legend: code and name). An event with no date is placed at the start of its date
    range; the axis label says how many events have neither.

    ``source`` is a store (its asserted events) or an events DataFrame from
    :func:`kg.notebook.queries.events`.
    """
    import pandas as pd

    df = queries.events(source) if isinstance(source, KGStore) else source
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 3.4), layout="constrained")
    ax = fig.add_subplot()
    title = "Events over time by CAMEO root type"
    if not len(df):
        return _empty(fig, title)
    placed, undated = placed_events(df)
    note = (f"{len(placed)} of {len(df)} events placed in time"
            f" ({int(placed['date'].isna().sum())} by the start of a date range)"
            f"; {undated} without a date, not shown")
    if not len(placed):
        _empty(fig, title)
        ax.set_title(title)
        ax.texts[0].set_text(f"none of the {len(df)} events has a date")
        return fig
    placed = placed.assign(legend=[_root_name(r) for _, r in placed.iterrows()])
    placed = placed.assign(slot=placed["when"].dt.to_period(freq).dt.start_time).sort_values(["slot", "legend"])
    placed = placed.assign(height=placed.groupby("slot").cumcount() + 1)  # events of one slot stack up
    for legend, group in placed.groupby("legend", sort=True):
        ax.scatter(group["slot"], group["height"], s=60, label=legend, zorder=3)
        ax.vlines(group["slot"], 0, group["height"], color="#bbb", lw=1, zorder=1)
    table = placed.groupby("slot").size()
    ax.set_ylim(0, int(table.max()) + 0.8)
    first, last = table.index[0], table.index[-1]
    if last - first < pd.Timedelta(days=7):  # a few days: a fortnight around them, not an axis of hours
        middle = first + (last - first) / 2
        ax.set_xlim(middle - pd.Timedelta(days=7), middle + pd.Timedelta(days=7))
    else:
        margin = (last - first) * 0.05
        ax.set_xlim(first - margin, last + margin)
    _date_axis(ax)
    ax.set_title(title)
    ax.set_xlabel(note, fontsize=8)
    ax.set_ylabel("events" if freq == "D" else f"events per {freq}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="CAMEO", fontsize=8, title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def most_active_actors(store: KGStore, *, top: int = 15) -> Figure:
    """The most active actors: events taken part in and statements made, with mentions beside."""
    df = queries.select(store, "activity").to_dataframe().head(top).fillna(0)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, max(2.5, 0.3 * len(df) + 1)), layout="constrained")
    ax = fig.add_subplot()
    title = f"Most active actors (top {top})"
    if not len(df):
        return _empty(fig, title)
    df = df.iloc[::-1].set_index("label")[["events", "statements", "mentions"]]
    df.plot.barh(ax=ax, width=0.8)
    ax.set_title(title)
    ax.set_ylabel("")
    return fig


def statements_per_speaker(store: KGStore, *, top: int = 15) -> Figure:
    """Statements per speaker, most first."""
    df = queries.speakers(store).head(top)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, max(2.5, 0.3 * len(df) + 1)), layout="constrained")
    ax = fig.add_subplot()
    title = "Statements per speaker"
    if not len(df):
        return _empty(fig, title)
    ax.barh(df["label"].fillna(df["speaker"]).astype(str)[::-1], df["statements"][::-1], color="#b07aa1")
    ax.set_title(title)
    ax.set_xlabel("statements")
    return fig


def actor_timeline(events_df: Any, *, title: str = "Events") -> Figure:
    """One actor's events as points on a date axis, labelled with their CAMEO type; events
    without a date are counted in the axis label."""
    import pandas as pd

    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 2.4), layout="constrained")
    ax = fig.add_subplot()
    df, undated = placed_events(events_df) if len(events_df) else (events_df, 0)
    if not len(df):
        fig = _empty(fig, title)
        if undated:
            ax.texts[0].set_text(f"{undated} events, none with a date")
        return fig
    dates = df["when"]
    ax.scatter(dates, [0] * len(df), color="#e15759", zorder=3)
    for d, (_, row) in zip(dates, df.iterrows()):
        ax.annotate(f"{row['code']} {row['type'] or ''}".strip()[:30], (d, 0), xytext=(0, 8),
                    textcoords="offset points", rotation=30, fontsize=8)
    if dates.nunique() == 1:  # one day: a month around it, not an axis of years
        ax.set_xlim(dates.iloc[0] - pd.Timedelta(days=15), dates.iloc[0] + pd.Timedelta(days=15))
    _date_axis(ax)
    ax.axhline(0, color="#999", lw=1)
    ax.set_yticks([])
    ax.set_title(title)
    if undated:
        ax.set_xlabel(f"{len(df)} of {len(df) + undated} events placed in time; {undated} without a date", fontsize=8)
    return fig
