"""End-to-end tests in a real browser: JupyterLab + Debian's Chromium driven by Playwright.

One JupyterLab server on 127.0.0.1 (free port, token, ``--allow-root``) over a copy of
``notebooks/`` (so autosave cannot write outputs into the repository) and one headless
Chromium serve every test. Each test runs a notebook's cells as a user would (Run All), acts
on its widgets and checks the answers: the workbench draws an example query as a graph with
edges and readable labels, a click on a node adds its neighbourhood, the event browser's
CAMEO filter narrows the events, "Pompeo" + Enter picks Mike Pompeo, and error text is
readable in the Dark theme. Screenshots go to ``test-output/browser/`` (kept by CI).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
OUTPUT = REPO / "test-output" / "browser"
TIMEOUT_MS = 60_000

pytestmark = pytest.mark.browser

#: The network view of a page element (set by kg/notebook/network.py's render function).
EDGES = "(el) => el.kgNetwork.body.data.edges.length"
NODES = "(el) => el.kgNetwork.body.data.nodes.length"
#: Where (in the canvas, px) the node closest to the canvas centre is drawn.
CENTRAL_NODE = """(el) => {
  const n = el.kgNetwork, c = n.body.container, positions = n.getPositions();
  const at = Object.values(positions).map((p) => n.canvasToDOM(p));
  const d = (p) => (p.x - c.clientWidth / 2) ** 2 + (p.y - c.clientHeight / 2) ** 2;
  return at.reduce((best, p) => (d(p) < d(best) ? p : best));
}"""

#: WCAG contrast ratio of an element's text against the first opaque background behind it.
CONTRAST = """(el) => {
  const rgba = (s) => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let node = el, bg = [255, 255, 255];
  while (node) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0.5) { bg = c; break; }
    node = node.parentElement;
  }
  const a = lum(rgba(getComputedStyle(el).color)), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(sample_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A JupyterLab server over a copy of notebooks/, reading the sample store; yields (URL base, token)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "notebooks"
    shutil.copytree(REPO / "notebooks", root)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "NEWSKG_STORE": str(sample_store_path), "JUPYTER_RUNTIME_DIR": str(tmp / "rt")}
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           f"--LabApp.workspaces_dir={tmp / 'ws'}", f"--LabApp.user_settings_dir={tmp / 'settings'}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = (tmp / "lab.log").open("w")
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{(tmp / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.3)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab: tuple[str, str]) -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def notebook_page(browser: Any, lab: tuple[str, str], notebook: str) -> Iterator[Any]:
    """A new page with the notebook open and all its cells run (kernel idle again); a
    screenshot ``failed-<test>.png`` when the test fails in it; closed afterwards."""
    page = run_all(browser, lab, notebook)
    try:
        yield page
    except Exception:
        test = os.environ.get("PYTEST_CURRENT_TEST", "test").split("::")[-1].split(" ")[0]
        shot(page, f"failed-{test}")
        raise
    finally:
        page.close()


def run_all(browser: Any, lab: tuple[str, str], notebook: str) -> Any:
    """A new page with the notebook open and all its cells run (kernel idle again)."""
    from playwright.sync_api import expect

    base, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    workspace = notebook.split("-")[0] + secrets.token_hex(4)  # a fresh layout: only this notebook open
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={token}")
    page.locator(".jp-Notebook").first.wait_for()
    idle = page.locator(".jp-StatusBar-TextItem", has_text="Idle").first
    expect(idle).to_be_visible()
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    expect(page.locator(".jp-InputArea-prompt", has_text="[*]")).to_have_count(0)
    expect(idle).to_be_visible()
    news = page.get_by_role("button", name="No", exact=True)  # JupyterLab's "notified about news?" toast
    if news.is_visible():
        news.click()
    return page


def settled(page: Any, action: Any) -> None:
    """Do ``action`` (a click on a widget), then wait until the kernel was busy with it and is idle again."""
    from playwright.sync_api import expect

    status = page.locator(".jp-StatusBar-TextItem", has_text="(ipykernel)").first
    status.evaluate("""(el) => { el.kgBusy = false;
        new MutationObserver(() => { if (/Busy/.test(el.textContent)) { el.kgBusy = true; } })
          .observe(el, { subtree: true, childList: true, characterData: true }); }""")
    action()
    page.wait_for_function("(el) => el.kgBusy", arg=status.element_handle())
    expect(status).to_contain_text("Idle")


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(OUTPUT / f"{name}.png"))


def test_workbench_draws_an_example_query_with_edges(browser: Any, lab: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    with notebook_page(browser, lab, "02-sparql-workbench.ipynb") as page:
        editor = page.locator(".kg-sparql-editor").first
        page.locator(".kg-example-picker select").first.select_option("co-occurring-actors")
        expect(editor.locator("textarea")).to_have_value(re.compile(r"^# Pairs of actors"))
        lines = editor.locator("textarea").input_value().count("\n") + 1
        assert editor.locator(".kg-gutter").inner_text().split() == [str(i) for i in range(1, lines + 1)]
        expect(editor.locator("pre .kg-k", has_text="SELECT").first).to_be_visible()  # highlighted keyword
        expect(editor.locator("pre .kg-v", has_text="?label1").first).to_be_visible()  # and variable
        page.locator(".jupyter-widgets button", has_text="Run").first.click()
        table = page.locator(".kg-results .dt-container").first
        expect(table).to_be_visible()
        rows = table.locator("tbody tr")
        pairs = (REPO / "ontology" / "queries" / "co-occurring-actors.csv").read_text(encoding="utf-8").splitlines()
        expect(rows).to_have_count(min(20, len(pairs) - 1))  # the first page (20 rows) of the expected result
        table.locator(".dt-length select").select_option("10")  # page size
        expect(rows).to_have_count(10)
        unsorted = rows.first.locator("td").first.inner_text()
        table.locator("th", has_text="label1").locator(".dt-column-order").click()  # sort
        expect(rows.first.locator("td").first).not_to_have_text(unsorted)
        firsts = [rows.nth(i).locator("td").first.inner_text() for i in range(10)]
        assert firsts == sorted(firsts, key=str.lower)
        table.locator(".dt-search input").fill("Pompeo")  # filter
        expect(rows).not_to_have_count(10)
        assert all("Pompeo" in text for text in rows.all_inner_texts())
        shot(page, "workbench-table")
        page.locator(".widget-toggle-button", has_text="graph").first.click()
        view = page.locator(".kg-results .kg-network-view").first
        expect(view).to_have_attribute("data-frozen", "1")
        assert view.evaluate(EDGES) >= 10
        # labels are readable at the view's starting zoom: node labels at least 12 px on screen
        assert view.evaluate("(el) => el.kgNetwork.getScale()") * 16 >= 12
        # a tooltip is wrapped in a box that stays inside the frame
        view.scroll_into_view_if_needed()
        frame = view.locator(".kg-canvas").bounding_box()
        node = view.evaluate(CENTRAL_NODE)
        page.mouse.move(frame["x"] + node["x"], frame["y"] + node["y"])
        tip = view.locator(".vis-tooltip")
        expect(tip).to_be_visible()
        box = tip.bounding_box()
        assert box["width"] <= 362 and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        shot(page, "workbench-graph")
        # typed text reaches Python (and no notebook shortcut fires: "dd" deletes a cell there),
        # Shift+Enter runs it
        cells = page.locator(".jp-Cell").count()
        editor.locator("textarea").click()
        page.keyboard.press("Control+a")
        page.keyboard.type("SELECT ?l WHERE { ?a a nkg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 3 # dd")
        page.keyboard.press("Shift+Enter")
        expect(page.locator(".widget-html", has_text="3 rows in").first).to_be_visible()
        assert page.locator(".jp-Cell").count() == cells
        expect(page.locator(".kg-example-picker select").first).to_have_value("— your query —")


def test_node_click_expands_and_partial_name_search(browser: Any, lab: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    with notebook_page(browser, lab, "03-actor-explorer.ipynb") as page:
        expect(page.locator(".widget-html h3", has_text="Qamar Javed Bajwa")).to_be_visible()  # the notebook's pick
        view = page.locator(".kg-graph-box .kg-network-view")
        view.scroll_into_view_if_needed()
        expect(view).to_have_attribute("data-frozen", "1")
        before = view.evaluate(NODES)
        target = view.evaluate("""(el) => { const n = el.kgNetwork, nodes = n.body.data.nodes;
            const id = nodes.getIds().find((i) => nodes.get(i).label === "Mike Pompeo");
            return n.canvasToDOM(n.getPositions([id])[id]); }""")
        frame = view.locator(".kg-canvas").bounding_box()
        page.mouse.click(frame["x"] + target["x"], frame["y"] + target["y"])
        page.wait_for_function("(n) => document.querySelector('.kg-graph-box .kg-network-view')"
                               ".kgNetwork.body.data.nodes.length > n", arg=before)
        shot(page, "explorer-expanded")

        search = page.locator(".kg-actor-search input")
        search.scroll_into_view_if_needed()
        search.click()
        search.fill("Pompeo")
        search.press("Enter")
        expect(page.locator(".widget-html h3", has_text="Mike Pompeo")).to_be_visible()
        shot(page, "explorer-pompeo")


def test_event_filter_narrows_the_events(browser: Any, lab: tuple[str, str]) -> None:
    with notebook_page(browser, lab, "02-sparql-workbench.ipynb") as page:
        cameo = page.locator(".widget-dropdown", has=page.locator("label", has_text=re.compile(r"^CAMEO$")))
        cameo = cameo.locator("select").first
        cameo.scroll_into_view_if_needed()
        count = page.locator(".widget-html", has_text=re.compile(r"\b\d+ events\b")).first
        show = page.locator(".jupyter-widgets button", has_text="Show events").first

        def events(cameo_value: str) -> int:
            cameo.select_option(value=cameo_value)
            settled(page, show.click)
            return int(re.search(r"(\d+) events", count.inner_text()).group(1))

        fight = next(o for o in cameo.locator("option").evaluate_all("(os) => os.map((o) => o.value)")
                     if o.startswith("19 "))
        everything = events("any type")
        assert 0 < events(fight) < everything
        shot(page, "event-filter")


def test_errors_readable_in_dark_theme(browser: Any, lab: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    with notebook_page(browser, lab, "02-sparql-workbench.ipynb") as page:
        page.locator(".lm-MenuBar-itemLabel", has_text="Settings").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Theme").first.hover()
        page.locator(".lm-Menu-itemLabel", has_text="JupyterLab Dark").first.click()
        expect(page.locator("body[data-jp-theme-name='JupyterLab Dark']")).to_have_count(1)
        error = page.locator(".kg-error pre").first
        error.scroll_into_view_if_needed()
        expect(error).to_contain_text("line 1, column")
        assert error.evaluate(CONTRAST) >= 4.5
        shot(page, "error-dark-theme")
