"""One end-to-end test in a real browser: JupyterLab + Debian's Chromium driven by Playwright.

Starts JupyterLab on 127.0.0.1 (free port, token, ``--allow-root``) over a copy of
``notebooks/`` (so autosave cannot write outputs into the repository), opens the actor
explorer, runs all cells, picks "Mike Pompeo" in the search box, and checks the posts table,
the statements list and the graph canvas. The screenshot goes to ``test-output/browser/``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
OUTPUT = REPO / "test-output" / "browser"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def lab(sample_store_path: Path, tmp_path: Path):
    """A JupyterLab server over a copy of notebooks/, reading the sample store; yields its URL base."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    root = tmp_path / "lab"
    shutil.copytree(REPO / "notebooks", root)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "NEWSKG_STORE": str(sample_store_path), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           f"--LabApp.workspaces_dir={tmp_path / 'ws'}", "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = (tmp_path / "lab.log").open("w")
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
                    pytest.fail(f"JupyterLab did not start:\n{(tmp_path / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.3)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_actor_explorer_in_jupyterlab(lab: tuple[str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token = lab
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)
        page.goto(f"{base}/lab/tree/03-actor-explorer.ipynb?token={token}")
        page.locator(".jp-Notebook").first.wait_for()
        expect(page.locator(".jp-StatusBar-TextItem", has_text="Idle").first).to_be_visible()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()

        search = page.locator(".kg-actor-search input")
        try:
            search.wait_for()
        except Exception:
            page.screenshot(path=str(OUTPUT / "failed-run-all.png"))
            raise
        expect(page.locator(".widget-html h3", has_text="Qamar Javed Bajwa")).to_be_visible()  # the notebook's own pick
        search.click()
        search.fill("Mike Pompeo")
        search.press("Enter")
        expect(page.locator(".widget-html h3", has_text="Mike Pompeo")).to_be_visible()

        posts = page.locator(".kg-posts-box table.kg-posts")
        expect(posts).to_contain_text("Secretary of State")
        statements = page.locator(".kg-statements-box ol.kg-statements > li")
        expect(page.locator(".kg-statements-box")).to_contain_text("tweeted")
        expect(page.locator(".kg-statements-box")).to_contain_text("committed to de-escalation")
        assert statements.count() >= 3
        expect(page.locator(".kg-statements-box mark").first).to_be_visible()

        view = page.locator(".kg-graph-box .kg-network-view")
        view.scroll_into_view_if_needed()
        canvas = view.locator("canvas")
        expect(canvas).to_be_visible()
        box = canvas.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 200
        expect(page.locator(".kg-graph-box .kg-network-view[data-frozen='1']")).to_have_count(1)
        page.screenshot(path=str(OUTPUT / "actor-explorer-graph.png"))
        posts.scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "actor-explorer.png"))
        browser.close()
    assert (OUTPUT / "actor-explorer.png").stat().st_size > 10_000
