"""Small HTML pieces for the widgets: escaped tables, highlighted spans, figures, downloads.

>>> highlight("Pompeo said he would act.", [(12, 25, "mark"), (7, 11, "b")])
'Pompeo <b>said</b> <mark>he would act.</mark>'
"""

from __future__ import annotations

import base64
import functools
import html
import io
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def table_html(df: Any, *, css_class: str = "kg-table", empty: str = "no rows", max_chars: int = 120) -> str:
    """A DataFrame as an escaped HTML table (long cells shortened), or a note when empty.

    >>> import pandas as pd
    >>> table_html(pd.DataFrame({"a": ['<x> & "y"']}))[:40]
    '<table border="1" class="dataframe kg-ta'
    """
    if df is None or not len(df):
        return f'<p class="{css_class} kg-empty"><i>{html.escape(empty)}</i></p>'
    shown = df.map(lambda v: "" if v is None else
                   v if not isinstance(v, str) or len(v) <= max_chars else v[:max_chars] + "…")
    return shown.to_html(classes=css_class, index=False, escape=True, na_rep="")


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escaped text with non-overlapping spans wrapped in tags (``mark``, ``b``, ...), offsets into ``text``."""
    out, at = [], 0
    for begin, end, tag in sorted(spans):
        if begin < at or end <= begin or end > len(text):
            continue
        out += [html.escape(text[at:begin]), f"<{tag}>", html.escape(text[begin:end]), f"</{tag}>"]
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def figure_html(fig: Any, *, dpi: int = 90) -> str:
    """A matplotlib figure as an inline PNG ``<img>`` (small, no widget Output needed)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    data = base64.b64encode(buf.getvalue()).decode()
    return f'<img class="kg-figure" src="data:image/png;base64,{data}" style="max-width:100%">'


def download_links(df: Any, *, stem: str = "results") -> str:
    """CSV and JSON download links for a DataFrame (data URIs: no server round trip).

    >>> import pandas as pd
    >>> "download=\\"results.csv\\"" in download_links(pd.DataFrame({"a": [1]}))
    True
    """
    csv = base64.b64encode(df.to_csv(index=False).encode()).decode()
    js = base64.b64encode(df.to_json(orient="records", date_format="iso", force_ascii=False).encode()).decode()
    return (f'<a download="{stem}.csv" href="data:text/csv;base64,{csv}">⬇ CSV</a> &nbsp; '
            f'<a download="{stem}.json" href="data:application/json;base64,{js}">⬇ JSON</a>')


#: Error boxes take JupyterLab's theme colours (readable in Light and Dark), with fallbacks elsewhere.
ERROR_STYLE = ("border-left:4px solid var(--jp-error-color1, #d9534f);"
               "background:var(--jp-layout-color2, #f5f5f5);color:var(--jp-content-font-color1, #1a1a1a);"
               "padding:6px 10px")


def error_box(message: str, *, title: str = "") -> str:
    """An inline error message (escaped, position lines kept), in the theme's colours.

    >>> "var(--jp-error-color1" in error_box("x < y", title="Oops") and "x &lt; y" in error_box("x < y")
    True
    """
    head = (f'<b style="color:var(--jp-error-color1, #b52b27)">{html.escape(title)}</b>' if title else "")
    return (f'<div class="kg-error" style="{ERROR_STYLE}">{head}'
            f'<pre style="margin:{4 if title else 0}px 0 0;white-space:pre-wrap;color:inherit;'
            f'background:transparent">{html.escape(message)}</pre></div>')


def shows_errors(attribute: str) -> Callable[[F], F]:
    """Decorate a widget method so that an exception is shown in the widget's ``attribute``
    (an HTML widget) instead of only in the log console; the method then returns None.

    >>> class View:
    ...     status = type("HTML", (), {"value": ""})()
    ...     @shows_errors("status")
    ...     def fail(self): raise ValueError("the store is closed")
    >>> View().fail(), "ValueError: the store is closed" in View.status.value
    (None, True)
    """
    def wrap(method: F) -> F:
        @functools.wraps(method)
        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except Exception as e:  # noqa: BLE001  (shown to the user, who can act on it)
                getattr(self, attribute).value = error_box(f"{type(e).__name__}: {e}", title="This view failed")
                return None
        return run  # type: ignore[return-value]
    return wrap


#: Shown under a widget; hidden while the widget is alive (CSS ``:has``), visible after a
#: kernel restart, where JupyterLab can only say "model not found", and wherever no widget runs.
RESTART_HINT = ('<div class="kg-restart-hint" style="color:var(--jp-ui-font-color2, #666);font-size:smaller">'
                "Widget not showing (“model not found”)? Widgets live in the running kernel: "
                "run this cell again.</div>"
                "<style>.jp-OutputArea:has(.kg-live) .kg-restart-hint{display:none}</style>")


class RestartHint:
    """Mixin for widgets: displayed with a hint to re-run the cell once the kernel is gone
    (an HTML output beside the widget, and the widget's own text/plain).

    >>> import ipywidgets as w
    >>> class Box(RestartHint, w.VBox): ...
    >>> "run this cell again" in Box()._repr_mimebundle_()["text/plain"]
    True
    """

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        data = bundle[0] if isinstance(bundle, tuple) else bundle  # anywidgets give (data, metadata)
        if data:
            data["text/plain"] = (f"{type(self).__name__}: a live widget; run this cell again (in a trusted "
                                  "notebook) to show it.")
        return bundle

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        self.add_class("kg-live")  # type: ignore[attr-defined]
        bundle = self._repr_mimebundle_()
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        display(data, metadata=metadata, raw=True)
        display(HTML(RESTART_HINT))
