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

ACTIVITY = """
SELECT ?actor ?label ?events ?statements ?mentions WHERE {
  { SELECT ?actor (SAMPLE(?l) AS ?label) WHERE {
      VALUES ?class { nkg:Person nkg:Organization nkg:GeopoliticalEntity }
      ?actor a ?class . ?actor rdfs:label ?l } GROUP BY ?actor }
  OPTIONAL { SELECT ?actor (COUNT(DISTINCT ?m) AS ?mentions) WHERE { ?actor gaf:denotedBy ?m } GROUP BY ?actor }
  OPTIONAL { SELECT ?actor (COUNT(DISTINCT ?ev) AS ?events)
             WHERE { ?ev a nkg:Event ; sem:hasActor|nkg:agent|nkg:patient|nkg:recipient ?actor } GROUP BY ?actor }
  OPTIONAL { SELECT ?actor (COUNT(DISTINCT ?st) AS ?statements)
             WHERE { ?st a nkg:Statement ; nkg:speaker ?actor } GROUP BY ?actor }
}
ORDER BY DESC(COALESCE(?events, 0) + COALESCE(?statements, 0)) DESC(?mentions) ?label
"""


def _empty(fig: Figure, title: str) -> Figure:
    ax = fig.axes[0]
    ax.set_title(f"{title} (none in the store yet)")
    ax.text(0.5, 0.5, "nothing to plot yet", ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def events_over_time(source: KGStore | Any, *, freq: str = "D") -> Figure:
    """Events per day (or ``freq``: "W", "MS") stacked by CAMEO root type (first two digits).

    ``source`` is a store or an events DataFrame from :func:`kg.notebook.queries.events`.
    """
    import pandas as pd

    df = queries.events(source) if isinstance(source, KGStore) else source
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 3.2), layout="constrained")
    ax = fig.add_subplot()
    title = "Events over time by CAMEO root type"
    df = df.dropna(subset=["date"]) if len(df) else df
    if not len(df):
        return _empty(fig, title)
    df = df.assign(date=pd.to_datetime(df["date"].astype(str)),
                   root=df["code"].fillna("??").astype(str).str[:2])
    table = df.groupby([pd.Grouper(key="date", freq=freq), "root"]).size().unstack(fill_value=0)
    table.index = table.index.strftime("%Y-%m-%d")
    table.plot.bar(stacked=True, ax=ax, width=0.8)
    ax.set_title(title)
    ax.set_xlabel("")
    ax.set_ylabel("events")
    ax.legend(title="CAMEO", fontsize=8)
    return fig


def most_active_actors(store: KGStore, *, top: int = 15) -> Figure:
    """The most active actors: events taken part in and statements made, with mentions beside."""
    df = store.query(ACTIVITY).to_dataframe().head(top).fillna(0)  # type: ignore[union-attr]
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
    """One actor's events as points on a time line, labelled with their CAMEO type."""
    import pandas as pd

    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 2.2), layout="constrained")
    ax = fig.add_subplot()
    df = events_df.dropna(subset=["date"]) if len(events_df) else events_df
    if not len(df):
        return _empty(fig, title)
    dates = pd.to_datetime(df["date"].astype(str))
    ax.scatter(dates, [0] * len(df), color="#e15759", zorder=3)
    for d, (_, row) in zip(dates, df.iterrows()):
        ax.annotate(f"{row['code']} {row['type'] or ''}".strip()[:30], (d, 0), xytext=(0, 8),
                    textcoords="offset points", rotation=30, fontsize=8)
    if dates.nunique() == 1:  # one day: a month around it, not an axis of years
        ax.set_xlim(dates.iloc[0] - pd.Timedelta(days=15), dates.iloc[0] + pd.Timedelta(days=15))
    ax.axhline(0, color="#999", lw=1)
    ax.set_yticks([])
    ax.set_title(title)
    return fig
