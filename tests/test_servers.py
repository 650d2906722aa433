"""The server helpers of the browser tests and benchmarks: a free port on
127.0.0.1, a throwaway environment, and a server always stopped, even when
the code using it fails."""
from __future__ import annotations

import os
import sys

import pytest

from roundtable.tooling import servers


def test_free_port_is_on_loopback_and_usable():
    import socket

    port = servers.free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_environment_keeps_every_tool_state_in_the_temp_folder(tmp_path):
    env = servers._environment(tmp_path)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR",
                 "ROUNDTABLE_WORK_DIR"):
        assert env[name].startswith(str(tmp_path)), name
    assert env["JUPYTER_PATH"] == str(servers.REPO_ROOT)


def test_server_is_stopped_even_when_the_block_fails():
    port = servers.free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    with pytest.raises(RuntimeError, match="on purpose"):
        with servers._serve(command, "/", port, timeout=30) as server:
            pid = server.process.pid
            assert server.url == f"http://127.0.0.1:{port}"
            raise RuntimeError("on purpose")
    assert server.process.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_server_that_dies_at_start_up_is_reported_with_its_log():
    port = servers.free_port()
    command = [sys.executable, "-c", "import sys; print('cannot start'); sys.exit(3)"]
    with pytest.raises(RuntimeError, match="stopped at start-up:\n.*cannot start"):
        with servers._serve(command, "/", port, timeout=30):
            pass


def test_voila_runs_the_projector_template_on_loopback():
    from roundtable.tooling import launch

    assert servers.voila_command(8123)[1:4] == ["-m", "roundtable.tooling.launch", "present"]
    arguments = launch.present_arguments(["--port=8123"])
    assert "--template=projector" in arguments and "--Voila.ip=127.0.0.1" in arguments
    assert (servers.REPO_ROOT / "voila" / "templates" / "projector" / "index.html.j2").is_file()
    assert (servers.REPO_ROOT / "voila" / "templates" / "projector" / "page.html").is_file()


def test_lab_is_rooted_at_the_clone_and_opens_the_start_notebook():
    from roundtable.tooling import launch

    arguments = launch.lab_arguments([])
    assert f"--ServerApp.root_dir={servers.REPO_ROOT}" in arguments
    assert arguments[-1] == str(servers.REPO_ROOT / launch.START_NOTEBOOK)
    assert (servers.REPO_ROOT / launch.START_NOTEBOOK).is_file()


def test_jupyters_folders_are_made_private(tmp_path, monkeypatch):
    from roundtable.tooling import launch

    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o755)
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data" / "new"))
    previous = os.umask(0o022)
    try:
        launch.make_private()
        (runtime / "jpserver-1.json").write_text("{token}")
        mask = os.umask(0o022)
    finally:
        os.umask(previous)
    assert mask == 0o077
    assert runtime.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "data" / "new").stat().st_mode & 0o777 == 0o700
    assert (runtime / "jpserver-1.json").stat().st_mode & 0o077 == 0
