"""No data leaves the machine: index and ask open no network connection at all."""

import os
import subprocess
import sys
import textwrap

from conftest import KNOWLEDGE

GUARD = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(self, address, *a, **k):
        attempts.append(repr(address))
        with open(sys.argv[1], "a") as f:
            f.write(repr(address) + "\\n")
        raise OSError("network blocked by test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    _orig = socket.getaddrinfo
    def no_dns(host, *a, **k):
        with open(sys.argv[1], "a") as f:
            f.write("dns " + repr(host) + "\\n")
        raise OSError("dns blocked by test")
    socket.getaddrinfo = no_dns
    from kcqa.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def run_guarded(tmp_path, *args, env):
    log = tmp_path / "connections.log"
    log.write_text("")
    p = subprocess.run([sys.executable, "-c", GUARD, str(log), *args], env=env, capture_output=True, text=True)
    return p, log.read_text()


def test_index_and_ask_open_no_socket(tmp_path, model_cache):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_", "ANONYMIZED"))}
    env.update(KCQA_CACHE=str(model_cache), KCQA_INDEX=str(tmp_path / "index"))
    p, log = run_guarded(tmp_path, "index", str(KNOWLEDGE), env=env)
    assert p.returncode == 0, p.stderr
    assert log == "", log
    p, log = run_guarded(tmp_path, "ask", "--json", "Quảng Nam được bố trí bao nhiêu kinh phí?", env=env)
    assert p.returncode == 0, p.stderr
    assert "6,94 tỷ đồng" in p.stdout
    assert log == "", log


def test_a_hub_model_name_fails_at_once_with_a_clear_message(tmp_path):
    env = {**os.environ, "KCQA_INDEX": str(tmp_path / "index"), "KCQA_CACHE": str(tmp_path / "cache")}
    p, log = run_guarded(tmp_path, "index", "--model", "sentence-transformers/all-mpnet-base-v2", str(KNOWLEDGE),
                         env=env)
    # falls back honestly to lexical search, says so, and still indexes
    assert p.returncode == 0, p.stderr
    assert "BM25" in p.stderr
    assert log == "", log
