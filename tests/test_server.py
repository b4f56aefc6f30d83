"""Server mode: a real `chroma run` on loopback; index and search through it."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kcqa.config import Config
from kcqa.engine import Engine
from kcqa.index.vectors import VectorStoreError

from conftest import KNOWLEDGE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    exe = Path(sys.executable).with_name("chroma")
    if not exe.exists():
        pytest.skip("chroma CLI not installed")
    port = free_port()
    proc = subprocess.Popen([str(exe), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={"ANONYMIZED_TELEMETRY": "False", "PATH": "/usr/bin:/bin"})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("chroma run did not start")
    yield f"http://127.0.0.1:{port}", proc
    proc.terminate()
    proc.wait(10)


@pytest.mark.slow
def test_index_and_answer_through_a_chroma_server(tmp_path, model_cache, chroma_server):
    url, _ = chroma_server
    eng = Engine(Config(index_dir=tmp_path / "index", knowledge=[KNOWLEDGE], cache_dir=model_cache, chroma_url=url))
    report = eng.index()
    assert report.new == 1 and report.chunks_embedded > 0
    assert eng.stats().backend.startswith("máy chủ Chroma")
    ans = eng.ask("Quảng Nam được bố trí bao nhiêu kinh phí?")
    assert ans.value.text == "6,94 tỷ đồng"
    assert eng.searcher.vectors is not None and eng.searcher.vectors.url == url
    assert not (tmp_path / "index" / "chroma").exists()      # vectors live on the server


def test_server_down_is_a_clear_error_and_nothing_is_marked_done(tmp_path, model_cache):
    url = f"http://127.0.0.1:{free_port()}"
    eng = Engine(Config(index_dir=tmp_path / "index", knowledge=[KNOWLEDGE], cache_dir=model_cache, chroma_url=url))
    with pytest.raises(VectorStoreError) as exc:
        eng.index()
    assert "Không kết nối được kho vector Chroma" in str(exc.value)
    if (tmp_path / "index" / "kcqa.sqlite").exists():
        assert Engine(Config(index_dir=tmp_path / "index")).store.manifest() == {}
