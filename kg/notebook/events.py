"""The event browser widget: filter by CAMEO type, actor and date range; table plus timeline.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     len(EventBrowser(store).apply())
0
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from kg.notebook import plots, queries
from kg.notebook.render import figure_html, table_html
from kg.store import KGStore

EVENT_TYPES = """
SELECT ?code (SAMPLE(?l) AS ?label) WHERE {
  ?t skos:inScheme nkg:EventTypes ; skos:notation ?code .
  OPTIONAL { ?t skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), "en") || LANG(?l) = "") }
  FILTER(STRLEN(?code) = 2 || EXISTS { ?e nkg:eventType ?t })
} GROUP BY ?code ORDER BY ?code
"""


class EventBrowser(w.VBox):
    """Events filtered by CAMEO code (a root code matches its sub-codes), actor and dates."""

    def __init__(self, store: KGStore) -> None:
        self.store = store
        types = [(f"{r['code']} {r['label'] or ''}".strip(), str(r["code"]))
                 for r in store.query(EVENT_TYPES)]  # type: ignore[union-attr]
        self.cameo = w.Dropdown(description="CAMEO", options=[("any type", "")] + types)
        self.actor = w.Combobox(description="Actor", placeholder="any actor",
                                options=sorted({str(x) for x in queries.actors(store)["label"]}))
        self.start = w.DatePicker(description="From")
        self.end = w.DatePicker(description="To")
        self.apply_button = w.Button(description="Show events", button_style="primary")
        self.status, self.table, self.timeline = w.HTML(), w.HTML(), w.HTML()
        self.apply_button.on_click(lambda _: self.apply())
        super().__init__([w.HBox([self.cameo, self.actor]), w.HBox([self.start, self.end, self.apply_button]),
                          self.status, self.timeline, self.table])

    def apply(self) -> Any:
        """Run the filters; returns the events DataFrame shown."""
        actor = None
        if self.actor.value:
            actor = queries.find_actor(self.store, self.actor.value)
            if actor is None:
                self.status.value = "<p>No actor by that name.</p>"
                self.table.value = self.timeline.value = ""
                return queries.events(self.store, "urn:x-none:nobody")
        df = queries.events(self.store, actor, cameo=self.cameo.value or None,
                            start=self.start.value, end=self.end.value)
        self.status.value = f"<small>{len(df)} events</small>"
        self.table.value = table_html(df.drop(columns=["event"]), css_class="kg-events", empty="no events match")
        self.timeline.value = figure_html(plots.events_over_time(df)) if len(df) else ""
        return df
