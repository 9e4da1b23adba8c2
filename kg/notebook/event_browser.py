"""The event browser widget: filter events by CAMEO type, event class (the ECB+ classes of
``nkg:EventClasses``), actor, date range and factuality; a paged table and a time line.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     len(EventBrowser(store).apply())
0
"""

from __future__ import annotations

import html
import math
from typing import Any

import ipywidgets as w

from kg.errors import InputError
from kg.notebook import plots, queries
from kg.notebook.render import RestartHint, figure_html, shows_errors, table_html
from kg.store import KGStore

#: The columns of an events table, as the event browser and the explorer show them.
EVENT_COLUMNS = ["date", "earliest", "latest", "code", "type", "class", "factuality", "participants", "trigger",
                 "article"]


class EventBrowser(RestartHint, w.VBox):
    """Events filtered by CAMEO code (a root code matches its sub-codes), event class, actor,
    dates and factuality (asserted only by default, as ``ontology/queries/events-of-actor.rq``);
    ``event_class`` (a class IRI) is the class selected first. A selection that may hold more
    than ``max_events`` events (its most selective filter finds more) is not listed: the view
    asks for a narrower one instead of reading them all."""

    def __init__(self, store: KGStore, *, page_size: int = 20, event_class: str | None = None,
                 max_events: int = 5000) -> None:
        self.store, self.page_size, self.max_events = store, page_size, max_events
        types = [(f"{r['code']} {r['label'] or ''}".strip(), str(r["code"]))
                 for r in queries.select(store, "event-types")]
        self.cameo = w.Dropdown(description="CAMEO", options=[("any type", "")] + types)
        classes = [(f"{r['label'] or str(r['class']).rsplit('#', 1)[-1]} ({r['events']})", str(r["class"]))
                   for r in queries.select(store, "event-classes")]
        if event_class and event_class not in {iri for _, iri in classes}:
            classes.append((event_class.rsplit("#", 1)[-1], event_class))
        self.event_class = w.Dropdown(description="Class", options=[("any class", "")] + classes,
                                      value=event_class or "")
        self.actor = w.Combobox(description="Actor", placeholder="any actor",
                                options=sorted({str(x) for x in queries.actors(store)["label"]}))
        self.start = w.DatePicker(description="From")
        self.end = w.DatePicker(description="To")
        self.asserted = w.Checkbox(value=True, description="asserted only", indent=False,
                                   tooltip="leave out negated and hypothetical events")
        self.apply_button = w.Button(description="Show events", button_style="primary")
        self.prev_button, self.next_button = w.Button(description="‹ previous"), w.Button(description="next ›")
        self.page_label = w.HTML()
        self.status, self.table, self.timeline = w.HTML(), w.HTML(), w.HTML()
        self.status.add_class("kg-events-status")
        self.page, self.frame = 0, queries.events(store, "urn:x-none:nobody")
        self.apply_button.on_click(lambda _: self.apply())
        self.prev_button.on_click(lambda _: self.show_page(self.page - 1))
        self.next_button.on_click(lambda _: self.show_page(self.page + 1))
        super().__init__([w.HBox([self.cameo, self.event_class, self.actor]),
                          w.HBox([self.start, self.end, self.asserted, self.apply_button]),
                          self.status, self.timeline, self.table,
                          w.HBox([self.prev_button, self.page_label, self.next_button])])

    @property
    def pages(self) -> int:
        """How many pages the current events take (at least one)."""
        return max(1, math.ceil(len(self.frame) / self.page_size))

    def show_page(self, page: int) -> None:
        """Show one page (0-based, clamped) of the current events."""
        self.page = min(max(page, 0), self.pages - 1)
        at = self.page * self.page_size
        shown = self.frame.iloc[at:at + self.page_size]
        self.table.value = table_html(shown[EVENT_COLUMNS], css_class="kg-events",
                                      empty="no events match")
        self.page_label.value = f"<small>page {self.page + 1} / {self.pages}</small>"
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.pages - 1

    def _empty(self, message: str) -> Any:
        self.status.value = message
        self.frame = queries.events(self.store, "urn:x-none:nobody")
        self.timeline.value = ""
        self.show_page(0)
        return self.frame

    @shows_errors("status")
    def apply(self) -> Any:
        """Run the filters; returns the events DataFrame (all pages) and shows its first page."""
        if self.start.value and self.end.value and self.start.value > self.end.value:
            return self._empty(f"<p class='kg-hint'>The range is reversed: “From” {self.start.value} is after "
                               f"“To” {self.end.value}. Swap them to see the events between.</p>")
        actor = None
        if self.actor.value:
            actor = queries.find_actor(self.store, self.actor.value)
            if actor is None:
                return self._empty(f"<p class='kg-hint'>No single actor named "
                                   f"<code>{html.escape(self.actor.value)}</code>: pick one from the list.</p>")
        filters = {"cameo": self.cameo.value or None, "start": self.start.value, "end": self.end.value,
                   "asserted_only": self.asserted.value, "event_class": self.event_class.value or None}
        try:
            if queries.events_more_than(self.store, self.max_events, actor, **filters):
                return self._empty(f"<p class='kg-hint'>More than {self.max_events:,} events may match: narrow "
                                   "them by CAMEO type, class, actor or dates to list them.</p>")
            self.frame = queries.events(self.store, actor, **filters)
        except InputError as e:
            return self._empty(f"<p class='kg-hint'>{html.escape(str(e))}</p>")
        undated = int((self.frame["date"].isna() & self.frame["earliest"].isna()).sum())
        which = "events" if self.asserted.value else "events (negated and hypothetical ones included: see factuality)"
        self.status.value = (f"<small>{len(self.frame)} {which}"
                             + (f", {undated} without a date" if undated > 0 else "") + "</small>")
        self.timeline.value = figure_html(plots.events_over_time(self.frame)) if len(self.frame) else ""
        self.show_page(0)
        return self.frame
