"""``kg lab`` stops JupyterLab and its kernels when it is killed (a real server, a real kernel)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from kg.store.server import free_port

TOKEN = "kg-lab-test-token"


def _api(port: int, path: str, *, method: str = "GET") -> object:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=b"{}" if method == "POST" else None,
                                     headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_kill_of_kg_lab_leaves_no_jupyter_process(sample_store_path: Path, tmp_path: Path, signum: int) -> None:
    port = free_port()
    env = {**os.environ, "JUPYTER_TOKEN": TOKEN, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    lab = subprocess.Popen([sys.executable, "-m", "kg.cli", "lab", "--no-browser", "--no-ingest",
                            "--store", str(sample_store_path), "--port", str(port)],
                           env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    descendants: list[psutil.Process] = []
    try:
        for _ in range(240):  # JupyterLab starts in a few seconds on a quiet machine
            try:
                _api(port, "/api/status")
                break
            except OSError:
                assert lab.poll() is None, "kg lab exited before JupyterLab answered"
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer")
        kernel = _api(port, "/api/kernels", method="POST")
        assert isinstance(kernel, dict) and kernel["id"]
        for _ in range(120):
            descendants = psutil.Process(lab.pid).children(recursive=True)
            if any("ipykernel" in " ".join(p.cmdline()) for p in descendants if p.is_running()):
                break
            time.sleep(0.5)
        else:
            pytest.fail("no kernel process started")
        lab.send_signal(signum)
        assert lab.wait(timeout=60) is not None
        gone, alive = psutil.wait_procs(descendants, timeout=30)
        assert not alive, [" ".join(p.cmdline()) for p in alive]
        with pytest.raises(OSError):
            _api(port, "/api/status")
    finally:  # a failed run leaves nothing behind either
        for process in [*descendants, psutil.Process(lab.pid)] if lab.poll() is None else descendants:
            if process.is_running():
                process.kill()
