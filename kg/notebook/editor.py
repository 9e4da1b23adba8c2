"""A SPARQL editor widget with syntax highlighting and line numbers (a small anywidget, no
network access, follows the JupyterLab theme). Shift+Enter or Ctrl+Enter in it runs the query.

It is a plain ``<textarea>`` (so typing, undo, selection and IME behave as everywhere) over a
highlighted copy of its text. No CodeMirror widget on PyPI installs into JupyterLab 4, and
JupyterLab's own CodeMirror is not reachable from a widget's module.

>>> ed = SparqlEditor(value="SELECT * WHERE { ?s ?p ?o }")
>>> runs = []
>>> ed.on_run(lambda: runs.append(ed.value))
>>> ed._handle({"event": "run", "value": "ASK {}"}, [])   # as Shift+Enter in the browser
>>> runs
['ASK {}']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

_ESM = r"""
const KEYWORDS = new Set(("SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED " +
  "OPTIONAL UNION MINUS GRAPH SERVICE SILENT FILTER BIND VALUES AS GROUP BY ORDER HAVING LIMIT OFFSET ASC " +
  "DESC NOT IN EXISTS UNDEF A TRUE FALSE COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG " +
  "LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE " +
  "ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS " +
  "NOW COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX REPLACE " +
  "SUBSTR").split(" "));
const TOKEN = /(#[^\n]*)|("{3}[\s\S]*?(?:"{3}|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)|(<[^<>"{}|^`\\\s]*>)|([?$][A-Za-z_][A-Za-z0-9_]*)|([A-Za-z][\w.-]*:[\w.-]*|:[\w.-]+)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]\w*)/g;
const CLASSES = ["kg-c", "kg-s", "kg-i", "kg-v", "kg-p", "kg-n"];
const STYLE = `
.kg-editor { display: flex; font: 13px/1.5 var(--jp-code-font-family, monospace); width: 100%;
  border: 1px solid var(--jp-border-color1, #ccc); background: var(--jp-layout-color0, #fff);
  color: var(--jp-content-font-color1, #111); max-height: 420px; overflow: auto; }
.kg-editor .kg-gutter { padding: 6px 6px 6px 4px; text-align: right; user-select: none; min-width: 2.2em;
  color: var(--jp-ui-font-color2, #888); background: var(--jp-layout-color2, #f3f3f3); white-space: pre; }
.kg-editor .kg-area { position: relative; flex: 1; }
.kg-editor pre, .kg-editor textarea { margin: 0; padding: 6px 8px; border: 0; font: inherit; white-space: pre;
  overflow: hidden; box-sizing: border-box; tab-size: 2; letter-spacing: normal; }
.kg-editor pre { pointer-events: none; min-height: 100%; }
.kg-editor textarea { position: absolute; inset: 0; width: 100%; height: 100%; resize: none; outline: none;
  background: transparent; color: transparent; caret-color: var(--jp-content-font-color1, #111); }
.kg-editor .kg-k { color: var(--jp-mirror-editor-keyword-color, #008000); font-weight: bold; }
.kg-editor .kg-c { color: var(--jp-mirror-editor-comment-color, #408080); font-style: italic; }
.kg-editor .kg-s { color: var(--jp-mirror-editor-string-color, #ba2121); }
.kg-editor .kg-i { color: var(--jp-mirror-editor-link-color, #0055aa); }
.kg-editor .kg-v { color: var(--jp-mirror-editor-variable-2-color, #05a); font-weight: bold; }
.kg-editor .kg-p { color: var(--jp-mirror-editor-def-color, #00f); }
.kg-editor .kg-n { color: var(--jp-mirror-editor-number-color, #080); }
`;

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function highlight(text) {
  let out = "", at = 0, m;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(text)) !== null) {
    if (m[0] === "") { TOKEN.lastIndex++; continue; }
    out += escape(text.slice(at, m.index));
    let cls = null;
    for (let g = 1; g <= 6; g++) { if (m[g] !== undefined) { cls = CLASSES[g - 1]; break; } }
    if (!cls && KEYWORDS.has(m[7].toUpperCase())) { cls = "kg-k"; }
    out += cls ? `<span class="${cls}">${escape(m[0])}</span>` : escape(m[0]);
    at = m.index + m[0].length;
  }
  return out + escape(text.slice(at)) + "\n";
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function render({ model, el }) {
  const style = element("style", "", STYLE);
  const box = element("div", "kg-editor");
  const gutter = element("div", "kg-gutter");
  const area = element("div", "kg-area");
  const pre = document.createElement("pre");
  pre.setAttribute("aria-hidden", "true");
  const input = document.createElement("textarea");
  input.spellcheck = false;
  input.placeholder = model.get("placeholder");
  area.append(pre, input);
  box.append(gutter, area);
  el.append(style, box);

  function paint() {
    const text = input.value;
    pre.innerHTML = highlight(text);
    const lines = text.split("\n").length;
    gutter.textContent = Array.from({ length: Math.max(lines, model.get("rows")) }, (_, i) => i < lines ? i + 1 : "").join("\n");
  }
  function load() {
    if (input.value !== model.get("value")) { input.value = model.get("value"); }
    paint();
  }
  input.addEventListener("input", () => {
    paint();
    model.set("value", input.value);
    model.save_changes();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      input.setRangeText("  ", input.selectionStart, input.selectionEnd, "end");
      input.dispatchEvent(new Event("input"));
    } else if (e.key === "Enter" && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      model.send({ event: "run", value: input.value });  // the text too: state updates are throttled
    }
  });
  model.on("change:value", load);
  load();
}

export default { render };
"""


class SparqlEditor(anywidget.AnyWidget):
    """The editor: ``value`` is the query text; :meth:`on_run` for Shift/Ctrl+Enter."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    value = traitlets.Unicode().tag(sync=True)
    placeholder = traitlets.Unicode("SELECT ... (prefixes nkg:, rdfs:, sem:, org:, ... are preloaded)").tag(sync=True)
    rows = traitlets.Int(8).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._runners: list[Callable[[], Any]] = []
        self.on_msg(lambda _, content, buffers: self._handle(content, buffers))
        self.add_class("kg-sparql-editor")

    def on_run(self, callback: Callable[[], Any]) -> None:
        """Call ``callback`` when the user presses Shift+Enter or Ctrl+Enter in the editor."""
        self._runners.append(callback)

    def _handle(self, content: dict[str, Any], buffers: list[Any]) -> None:
        if content.get("event") == "run":
            if isinstance(content.get("value"), str):
                self.value = content["value"]  # what the user saw when pressing the keys
            for callback in self._runners:
                callback()
