"""Start and stop Voila and JupyterLab for the browser tests and the
benchmarks: on 127.0.0.1, on a free port, with a throwaway configuration and
answer folder in a temporary directory, without a token, and always stopped
(the whole process group) when the `with` block ends, even on failure."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..core.paths import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
#: Flags that keep Chromium off the network and quiet in a closed sandbox.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


@dataclass
class Server:
    url: str
    work_dir: Path
    process: subprocess.Popen
    log: Path


def find_chromium() -> str | None:
    """Debian's Chromium, or another on the PATH."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        path = tmp / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["JUPYTER_PATH"] = str(REPO_ROOT)  # finds voila/templates/projector
    # JupyterLab's own settings and workspaces, throwaway too. Every cell stays
    # in the page (no windowing), so that a test can find any cell's output.
    settings = tmp / "lab-settings"
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}', encoding="utf-8")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(tmp / "lab-workspaces")
    env["ROUNDTABLE_WORK_DIR"] = str(tmp / "my-work")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start-up:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer at {url} within {timeout:.0f} s:\n"
                       f"{log.read_text(errors='replace')[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)


@contextmanager
def _serve(command: list[str], probe_path: str, port: int, timeout: float, extra_env: dict | None = None):
    tmp = Path(tempfile.mkdtemp(prefix="roundtable-server-"))
    log = tmp / "server.log"
    env = {**_environment(tmp), **(extra_env or {})}
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + probe_path, process, log, timeout)
        yield Server(base, Path(env["ROUNDTABLE_WORK_DIR"]), process, log)
    finally:
        _stop(process)
        shutil.rmtree(tmp, ignore_errors=True)


def voila_command(port: int) -> list[str]:
    """Projector mode as `make present` starts it: every notebook as a clean
    app, no code shown (see tooling/launch.py)."""
    return [sys.executable, "-m", "roundtable.tooling.launch", "present", "--no-browser", f"--port={port}"]


@contextmanager
def voila_server(timeout: float = 90):
    port = free_port()
    with _serve(voila_command(port), "/", port, timeout) as server:
        yield server


@contextmanager
def lab_server(timeout: float = 90, extra_env: dict | None = None):
    """JupyterLab as `make lab` starts it (rooted at the clone, private
    folders, no checks for news or updates), but without a token or password."""
    port = free_port()
    command = [sys.executable, "-m", "roundtable.tooling.launch", "lab", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
               # window.jupyterapp, so a test can wait for the kernel and run commands
               "--LabApp.expose_app_in_browser=True"]
    with _serve(command, "/api/status", port, timeout, extra_env) as server:
        yield server


@contextmanager
def notebook7_server(timeout: float = 90):
    """Jupyter Notebook 7 (the classic-style interface on JupyterLab's
    components), rooted at the clone, without a token, for the browser test."""
    port = free_port()
    command = [sys.executable, "-m", "jupyter", "notebook", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
               f"--ServerApp.root_dir={REPO_ROOT}", "--JupyterNotebookApp.expose_app_in_browser=True"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    with _serve(command, "/api/status", port, timeout) as server:
        yield server
