"""The actor explorer widget: a picker that takes part of a name ("Pompeo" + Enter), posts,
events timeline, statements with the exact span highlighted, and the ego network with link
details. Errors in its callbacks are shown in the view.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     ActorExplorer(store).select("nobody")
False
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kg.notebook import plots, queries
from kg.notebook.event_browser import EVENT_COLUMNS
from kg.notebook.graph import collapse_statements
from kg.notebook.network import GraphView
from kg.notebook.render import RestartHint, figure_html, highlight, shows_errors, table_html
from kg.store import KGStore


def _heading(text: str) -> w.HTML:
    return w.HTML(f"<h4 style='margin:10px 0 2px'>{html.escape(text)}</h4>")


def statements_html(df: Any) -> str:
    """Statements as a list: speaker, mode, channel, and the source sentence with the content
    span highlighted (``<mark>``) and the cue in bold."""
    if not len(df):
        return '<p class="kg-statements kg-empty"><i>no statements</i></p>'
    items = []
    if "sb" in df:  # a content span over several sentences: show them all, once
        df = df.assign(sb=df.groupby("st")["sb"].transform("min"), se=df.groupby("st")["se"].transform("max"))
    for _, r in df.drop_duplicates(subset=["st"]).iterrows():
        doc, cb, ce = r.get("doc"), r.get("cb"), r.get("ce")
        if isinstance(doc, str) and cb == cb and cb is not None:
            cb, ce = int(cb), int(ce)
            sb = int(r["sb"]) if r.get("sb") == r.get("sb") and r.get("sb") is not None else cb
            se = int(r["se"]) if r.get("se") == r.get("se") and r.get("se") is not None else ce
            lo, hi = min(sb, cb), max(se, ce)
            spans = [(cb - lo, ce - lo, "mark")]
            qb, qe = r.get("qb"), r.get("qe")
            if qb == qb and qb is not None and lo <= int(qb) and int(qe) <= hi:
                spans.append((int(qb) - lo, int(qe) - lo, "b"))
            body = highlight(doc[lo:hi], spans)
        else:
            body = f"<mark>{html.escape(str(r.get('text') or ''))}</mark>"
        meta = " · ".join(html.escape(str(x)) for x in (r.get("mode"), r.get("channel"), r.get("article"))
                          if isinstance(x, str) and x)
        items.append(f"<li><div>{body}</div><small style='color:#666'>{meta}</small></li>")
    return '<ol class="kg-statements">' + "".join(items) + "</ol>"


def posts_html(df: Any) -> str:
    """Posts, one row per post, with the articles that state it."""
    if not len(df):
        return table_html(df, css_class="kg-posts", empty="no posts")
    df = df.fillna("")
    grouped = (df.groupby(["title", "orgLabel"], sort=True)["article"]
               .agg(lambda s: ", ".join(sorted({str(a) for a in s if a}))).reset_index())
    grouped.columns = ["post", "in", "stated by articles"]
    return table_html(grouped, css_class="kg-posts")


class ActorExplorer(RestartHint, w.VBox):
    """Pick an actor (type to search); see its posts, events, statements and ego network."""

    def __init__(self, store: KGStore, *, max_nodes: int = 80) -> None:
        self.store, self.max_nodes = store, max_nodes
        table = queries.actors(store)
        self.actors: dict[str, str] = {}
        for _, r in table.iterrows():
            name = str(r["label"])
            self.actors[name if name not in self.actors else f"{name} ({r['type']})"] = r["actor"]
        # free text (not ensure_option): a part of a name + Enter searches labels and aliases
        self.search = w.Combobox(placeholder="Type (part of) an actor's name, then Enter…",
                                 options=sorted(self.actors), ensure_option=False, continuous_update=False,
                                 layout=w.Layout(width="50%"))
        self.choice = w.Dropdown(description="Several:", options=[], layout=w.Layout(width="50%", display="none"))
        self.search.add_class("kg-actor-search")
        self.header, self.posts, self.timeline = w.HTML(), w.HTML(), w.HTML()
        self.events, self.statements, self.graph = w.HTML(), w.HTML(), w.VBox()
        self.neighbour = w.Dropdown(description="Link to", options=[], layout=w.Layout(width="50%"))
        self.details = w.HTML()
        for widget, name in ((self.posts, "kg-posts-box"), (self.statements, "kg-statements-box"),
                             (self.graph, "kg-graph-box"), (self.events, "kg-events-box")):
            widget.add_class(name)
        self.actor: str | None = None
        self.search.observe(lambda ch: self.find(ch["new"]), names="value")
        self.choice.observe(lambda ch: self.select_iri(ch["new"]) if ch["new"] else None, names="value")
        self.neighbour.observe(lambda ch: self.show_link(ch["new"]), names="value")
        super().__init__([
            w.HTML(f"<small>{len(self.actors)} actors</small>"), self.search, self.choice, self.header,
            _heading("Posts"), self.posts, _heading("Events"), self.timeline, self.events,
            _heading("Statements"), self.statements, _heading("Network"), self.graph,
            self.neighbour, self.details])

    @shows_errors("header")
    def find(self, text: str) -> bool:
        """Pick the actor ``text`` names: a listed name, else the one actor whose label or alias
        is or contains ``text`` (any case); several matches offer a choice, none a message."""
        text = text.strip()
        self.choice.layout.display = "none"
        if not text:
            return False
        if text in self.actors:
            return self.select(text)
        matches = queries.search_actors(self.store, text)
        picked = queries.pick_actor(matches)
        if picked:
            return self.select_iri(picked)
        if not len(matches):
            self.header.value = (f"<p class='kg-hint'>No actor's name or alias contains "
                                 f"<code>{html.escape(text)}</code>. Try a shorter part of the name.</p>")
            return False
        self.choice.options = [(f"— {len(matches)} actors match “{text}”: pick one —", "")] + [
            (f"{r['label']} ({r['type']}, {r['mentions']} mentions)", str(r["actor"])) for _, r in matches.iterrows()]
        self.choice.value = ""
        self.choice.layout.display = None
        self.header.value = (f"<p class='kg-hint'>{len(matches)} actors match <code>{html.escape(text)}</code>: "
                             "pick one in the list above.</p>")
        return False

    def select_iri(self, iri: str) -> bool:
        """Show the actor with this IRI."""
        name = next((n for n, i in self.actors.items() if i == iri), iri)
        return self.select(name, iri=iri)

    @shows_errors("header")
    def select(self, name: str, *, iri: str | None = None) -> bool:
        """Show the actor with this label (or alias, or ``iri``); False when there is none."""
        iri = iri or self.actors.get(name) or queries.find_actor(self.store, name)
        if iri is None:
            self.header.value = f"<p>No actor named <code>{html.escape(name)}</code>.</p>"
            return False
        self.actor = iri
        self.posts.value = posts_html(queries.posts(self.store, iri))
        events = queries.events(self.store, iri)
        self.timeline.value = figure_html(plots.actor_timeline(events, title=f"Events of {name}")) if len(events) else ""
        self.events.value = table_html(events[EVENT_COLUMNS], css_class="kg-events",
                                       empty="no events (asserted ones, as events-of-actor.rq)")
        self.statements.value = statements_html(queries.statements(self.store, iri))
        graph = collapse_statements(queries.ego_graph(self.store, iri))
        self.graph.children = [GraphView(graph, max_nodes=self.max_nodes, widen_hint="ActorExplorer(store, max_nodes={n})",
                                         expand=lambda node: collapse_statements(queries.ego_graph(self.store, node)))]
        others = sorted({n for n in graph.nodes() if n != iri}, key=lambda n: graph.labels.get(n, n).lower())
        self.neighbour.options = [("— pick a node —", "")] + [(graph.labels.get(n, n), n) for n in others]
        self.details.value = ""
        # last, so that the name shown means the rest is up to date
        self.header.value = f"<h3 style='margin:6px 0'>{html.escape(name)}</h3><small>{html.escape(iri)}</small>"
        return True

    @shows_errors("details")
    def show_link(self, other: str) -> str:
        """Describe what links the shown actor to ``other``, with the supporting sentences."""
        if not other or not self.actor:
            self.details.value = ""
            return ""
        paths, sentences = queries.link_details(self.store, self.actor, other)
        if sentences and not paths:
            paths = ["named in the same sentence"]
        rows = "".join(f"<li>{html.escape(p)}</li>" for p in paths) or "<li>no direct link</li>"
        sents = "".join(f"<li><small>{html.escape(a)}</small>: {html.escape(s)}</li>" for a, s in sentences[:20])
        self.details.value = (f"<div class='kg-link'><b>Links</b><ul>{rows}</ul>"
                              f"<b>Supporting sentences</b><ol>{sents or '<li>none recorded</li>'}</ol></div>")
        return self.details.value
