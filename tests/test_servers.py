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
    command = servers.voila_command(8123)
    assert "--template=projector" in command and "--Voila.ip=127.0.0.1" in command
    assert (servers.REPO_ROOT / "voila" / "templates" / "projector" / "index.html.j2").is_file()
