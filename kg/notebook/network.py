"""The interactive network view: a small anywidget drawing a :class:`~kg.notebook.graph.Graph`
with vis-network (the copy pyvis ships, so it works offline), in the notebook's own page.

A click on a node is sent back to Python; with an ``expand`` function (node IRI -> Graph)
the node's neighbourhood is added to the view. The notebook output holds only a reference
to the widget (a few hundred bytes), not the 0.5 MB of vis-network, which every view of a
kernel shares (:func:`library`).

>>> from kg.notebook.graph import Graph
>>> g = Graph(labels={"urn:x:a": "Mike Pompeo"}, kinds={"urn:x:a": "Person"})
>>> g.add_edge("urn:x:a", "holds", "urn:x:p")
>>> view = GraphView(g)
>>> [n["label"] for n in view.nodes], view.edges[0]["label"]
(['Mike Pompeo', 'urn:x:p'], 'holds')
>>> view.clicked = "urn:x:p"   # as a click in the browser
>>> view.clicked             # handled (no expand function): ready for the next click
''
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Callable
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from kg.errors import NewskgError
from kg.notebook.graph import STYLES, Graph, cap, short_label
from kg.notebook.render import RestartHint

#: Node and edge label sizes (px at zoom 1); the view never starts below ``MIN_SCALE``.
NODE_FONT, EDGE_FONT, MIN_SCALE = 16, 12, 0.75

_RENDER = r"""
const STYLE = `
.kg-network-view { position: relative; font: 12px sans-serif; }
.kg-network-view .kg-canvas { width: 100%; border: 1px solid var(--jp-border-color1, #ccc); }
.kg-network-view .kg-legend { position: absolute; top: 6px; left: 6px; z-index: 10; padding: 4px 8px;
  background: var(--jp-layout-color1, #fff); color: var(--jp-ui-font-color1, #000);
  border: 1px solid var(--jp-border-color1, #ccc); opacity: .92; }
.kg-network-view .kg-cap { position: absolute; bottom: 6px; left: 6px; z-index: 10; padding: 4px 8px;
  background: #fff3cd; color: #332701; border: 1px solid #e0c36c; max-width: 80%; }
.kg-network-view .kg-hint { color: var(--jp-ui-font-color2, #555); margin: 2px 0; }
.kg-network-view .vis-tooltip { position: absolute; z-index: 20; max-width: min(360px, 70%); padding: 5px 7px;
  white-space: pre-wrap; overflow-wrap: anywhere; background: #fffbe6; color: #222;
  border: 1px solid #999; border-radius: 3px; box-shadow: 1px 1px 4px #0003; pointer-events: none; }
`;

function tooltip(text) {
  return element("div", "kg-tip", text);
}

function node(n) { return { ...n, title: n.title ? tooltip(n.title) : undefined }; }

const LIBRARIES = new Map();

/** vis-network, imported once per page from the library widget the view refers to. */
function visNetwork(model) {
  const id = model.get("library").replace(/^IPY_MODEL_/, "");
  if (!LIBRARIES.has(id)) {
    LIBRARIES.set(id, model.widget_manager.get_model(id).then((library) => {
      const url = URL.createObjectURL(new Blob([library.get("code")], { type: "text/javascript" }));
      return import(/* webpackIgnore: true */ url).then((module) => module.default);
    }));
  }
  return LIBRARIES.get(id);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

async function render({ model, el }) {
  const vis = await visNetwork(model);
  el.classList.add("kg-network-view");
  const style = element("style", "", STYLE);
  const legend = element("div", "kg-legend");
  const banner = element("div", "kg-cap");
  const canvas = element("div", "kg-canvas");
  canvas.style.height = model.get("height") + "px";
  const hint = element("div", "kg-hint");
  el.append(style, legend, banner, canvas, hint);

  const nodes = new vis.DataSet(model.get("nodes").map(node));
  const edges = new vis.DataSet(model.get("edges"));
  const network = new vis.Network(canvas, { nodes, edges }, model.get("options"));
  el.kgNetwork = network;

  function decorate() {
    legend.innerHTML = model.get("legend");
    legend.style.display = model.get("legend") ? "" : "none";
    banner.textContent = model.get("message");
    banner.style.display = model.get("message") ? "" : "none";
    hint.textContent = model.get("hint");
  }
  function readable() {
    const min = model.get("min_scale");
    if (network.getScale() < min) {
      const focus = model.get("nodes").find((n) => n.focus);
      const position = focus ? network.getPositions([focus.id])[focus.id] : network.getViewPosition();
      network.moveTo({ position, scale: min });
    }
  }
  function freeze() {
    if (el.dataset.frozen) { return; }
    network.setOptions({ physics: false });
    network.fit();
    readable();
    el.dataset.frozen = "1";
  }
  network.once("stabilizationIterationsDone", freeze);
  setTimeout(freeze, 4000);
  network.on("click", (params) => {
    if (params.nodes.length) {
      model.set("clicked", String(params.nodes[0]));
      model.save_changes();
    }
  });
  function update() {
    const wanted = model.get("nodes");
    const near = model.get("clicked_at");
    const at = near && network.getPositions([near])[near];
    nodes.update(wanted.map((n) => (at && !nodes.get(n.id)) ? { ...node(n), x: at.x, y: at.y } : node(n)));
    const keep = new Set(wanted.map((n) => n.id));
    nodes.remove(nodes.getIds().filter((id) => !keep.has(id)));
    edges.clear();
    edges.add(model.get("edges"));
    if (at) {
      network.setOptions({ physics: { enabled: true, stabilization: { iterations: 150, fit: false } } });
      network.stabilize(150);
      network.once("stabilized", () => network.setOptions({ physics: false }));
    }
  }
  decorate();
  model.on("change:nodes", update);
  model.on("change:legend", decorate);
  model.on("change:message", decorate);
  model.on("change:hint", decorate);
  return () => network.destroy();
}

export default { render };
"""


class VisNetwork(anywidget.AnyWidget):
    """vis-network (the UMD build pyvis ships, wrapped as an ES module), sent to the page once
    per kernel and shared by every :class:`GraphView`: a notebook that saves widget state
    holds it once, not once per graph. Never displayed itself."""

    _esm = traitlets.Unicode("export default {};").tag(sync=True)
    code = traitlets.Unicode().tag(sync=True)


@functools.cache
def library() -> VisNetwork:
    """The one :class:`VisNetwork` of this kernel."""
    lib = importlib.resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return VisNetwork(code="const module = { exports: {} }; const exports = module.exports;\n"
                           + lib.read_text(encoding="utf-8") + "\nexport default module.exports;\n")


def _symbol(shape: str) -> str:
    return {"dot": "&#9679;", "square": "&#9632;", "triangle": "&#9650;", "triangleDown": "&#9660;",
            "diamond": "&#9670;", "star": "&#9733;", "hexagon": "&#11042;", "box": "&#9646;"}[shape]


def legend_html(kinds: set[str]) -> str:
    """The legend of the node kinds present (symbol in the kind's colour, name).

    >>> legend_html({"Person"})
    '<span style="color:#4e79a7;font-size:16px">&#9679;</span> person'
    """
    items = []
    for kind, (name, colour, shape) in STYLES.items():
        if kind in kinds:
            items.append(f'<span style="color:{colour};font-size:16px">{_symbol(shape)}</span> {name}')
    return "<br>".join(items)


def vis_nodes(graph: Graph) -> list[dict[str, Any]]:
    """vis-network node records: label (wrapped, at most 60 characters), kind style, tooltip text."""
    out = []
    for node in graph.nodes():
        kind = graph.kinds.get(node, "Other")
        _, colour, shape = STYLES.get(kind, STYLES["Other"])
        label = graph.labels.get(node) or short_label(node)
        shown = label if len(label) <= 60 else label[:59] + "…"
        out.append({"id": node, "label": shown, "title": "\n".join([label, *([] if node.startswith('"') else [node]),
                                                                 *graph.notes.get(node, [])[:8]]),
                    "color": colour, "shape": shape, "focus": node in graph.focus,
                    "size": 22 if node in graph.focus and kind != "Statement" else 14,
                    "font": {"size": NODE_FONT, "strokeWidth": 3, "strokeColor": "#ffffff"},
                    "widthConstraint": {"maximum": 220} if shape in {"box"} else False})
    return out


def vis_edges(graph: Graph) -> list[dict[str, Any]]:
    """vis-network edge records with their labels shown."""
    return [{"id": i, "from": s, "to": o, "label": label, "title": label, "arrows": "to",
             "font": {"size": EDGE_FONT, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"}}
            for i, (s, label, o) in enumerate(graph.edges)]


OPTIONS: dict[str, Any] = {
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
    "interaction": {"hover": True, "tooltipDelay": 150},
    "edges": {"smooth": False, "color": {"color": "#999"}},
    "nodes": {"scaling": {"label": {"drawThreshold": 4}}},
}


class GraphView(RestartHint, anywidget.AnyWidget):
    """A network drawn in the notebook page; clicking a node expands it through ``expand``.

    :param max_nodes: node cap; the banner says how many were cut and names ``widen_hint``.
    :param widen_hint: how to show more, e.g. ``--max-nodes 300``; ``{n}`` is a suggested cap.
    :param expand: node IRI -> the Graph of its neighbourhood, added on click.
    """

    _esm = traitlets.Unicode(_RENDER).tag(sync=True)
    library = traitlets.Instance(VisNetwork).tag(sync=True, **widgets.widget_serialization)
    nodes = traitlets.List(traitlets.Dict()).tag(sync=True)
    edges = traitlets.List(traitlets.Dict()).tag(sync=True)
    options = traitlets.Dict().tag(sync=True)
    legend = traitlets.Unicode().tag(sync=True)
    message = traitlets.Unicode().tag(sync=True)
    hint = traitlets.Unicode().tag(sync=True)
    height = traitlets.Int(520).tag(sync=True)
    min_scale = traitlets.Float(MIN_SCALE).tag(sync=True)
    clicked = traitlets.Unicode().tag(sync=True)
    clicked_at = traitlets.Unicode().tag(sync=True)

    def __init__(self, graph: Graph, *, max_nodes: int = 150, height: int = 520,
                 widen_hint: str = "max_nodes={n}", expand: Callable[[str], Graph] | None = None) -> None:
        super().__init__(height=height, options=OPTIONS, library=library())
        self.expand, self.expanded = expand, set[str]()
        shown, cut = cap(graph, max_nodes)
        self.graph = shown
        if cut:
            total = len(shown.nodes()) + cut
            self.message = (f"Showing {len(shown.nodes())} of {total} nodes: {cut} less connected nodes were cut. "
                            f"Widen with {widen_hint.format(n=max(max_nodes * 2, total))}.")
        if expand is not None:
            self.hint = "Click a node to add its neighbourhood."
        self._draw()
        self.observe(self._click, names="clicked")

    def _draw(self) -> None:
        self.legend = legend_html({self.graph.kinds.get(n, "Other") for n in self.graph.nodes()})
        self.edges = vis_edges(self.graph)
        self.nodes = vis_nodes(self.graph)

    def _click(self, change: dict[str, Any]) -> None:
        node = change["new"]
        if not node:
            return
        if self.expand is not None and node not in self.expanded:
            self.expanded.add(node)
            try:
                self.graph.merge(self.expand(node))
            except NewskgError as e:  # shown in the view, not only in the log console
                self.message = f"Could not expand {self.graph.labels.get(node, node)}: {e}"
            self.clicked_at = node
            self._draw()
        self.clicked = ""
