"""Time to first paint of the chat app, while the model is still loading.

Each run starts a fresh process (nothing cached in memory), so the model really
loads in the background; the script reports when the screen was first usable
and, for comparison, when loading ended (status "sẵn sàng").

    .venv/bin/python bench/first_paint.py                    # builds a temporary index first
    .venv/bin/python bench/first_paint.py --index DIR --runs 5
    .venv/bin/python bench/first_paint.py --mode inprocess   # headless, no tmux needed
    .venv/bin/python bench/first_paint.py --index DIR --ask  # also: the sample question typed at
                                                             # once, until its answer shows

Modes:
  tmux       the real `kcqa` in a real terminal (tmux); paint = the question box is on screen
  inprocess  a child process runs the app headless (App.run_test); paint = the app is ready to
             take input (first screen composed and mounted)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
PAINTED = "Nhập câu hỏi"      # the question box placeholder
QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
ANSWER = "6,94 tỷ đồng"       # the sample's answer, as the app shows it
READY = "sẵn sàng"            # status bar once the model and index are loaded


def env() -> dict:
    return dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def build_index(target: Path) -> None:
    print(f"Lập chỉ mục tạm ở {target} …", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "kcqa.cli", "index", "--index", str(target), str(REPO / "knowledge")],
                   env=env(), cwd=REPO, check=True, stdout=subprocess.DEVNULL)


def kcqa_command(index: Path) -> list[str]:
    exe = Path(sys.executable).with_name("kcqa")
    if exe.exists():
        return [str(exe), "--index", str(index)]
    return [sys.executable, "-m", "kcqa.cli", "--index", str(index)]


def run_tmux(index: Path, timeout: float, ask: str | None = None) -> dict:
    tmux = shutil.which("tmux")
    if tmux is None:
        raise SystemExit("tmux không có trên máy này; dùng --mode inprocess")
    name = f"kcqa-bench-{uuid.uuid4().hex[:10]}"
    cmd = " ".join(f"'{c}'" for c in ["env", f"PYTHONPATH={SRC}"] + kcqa_command(index))

    def screen() -> str:
        return subprocess.run([tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout

    t0 = time.perf_counter()
    subprocess.run([tmux, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", str(REPO), cmd], check=True)
    result: dict = {}
    try:
        while time.perf_counter() - t0 < timeout:
            out = screen()
            now = time.perf_counter() - t0
            if "paint" not in result and PAINTED in out:
                result["paint"] = now
                result["loading_at_paint"] = READY not in out
                if ask == "paint":    # typed the moment the box shows, as an impatient user would
                    subprocess.run([tmux, "send-keys", "-t", name, "-l", QUESTION])
                    subprocess.run([tmux, "send-keys", "-t", name, "Enter"])
            if "paint" in result and READY in out and "ready" not in result:
                result["ready"] = now
                if ask == "ready":    # typed once the status says ready: Enter to answer
                    subprocess.run([tmux, "send-keys", "-t", name, "-l", QUESTION])
                    subprocess.run([tmux, "send-keys", "-t", name, "Enter"])
                    result["asked"] = time.perf_counter() - t0
            if ask and "paint" in result and ANSWER in out:
                result["answer"] = now
            if "ready" in result and (not ask or "answer" in result):
                break
            time.sleep(0.01)
        subprocess.run([tmux, "send-keys", "-t", name, "C-q"])
        time.sleep(0.3)
    finally:
        subprocess.run([tmux, "kill-session", "-t", name], capture_output=True)
    return result


CHILD = r"""
import asyncio, json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from kcqa.app.app import KcqaApp
from kcqa.config import Config

async def main():
    app = KcqaApp(Config(index_dir=Path(sys.argv[1])), steady=True)
    async with app.run_test(size=(120, 40)) as pilot:
        out = {"paint": time.perf_counter() - t0, "loading_at_paint": app.state == "loading"}
        print(json.dumps(out), flush=True)
        while app.state == "loading":
            await pilot.pause(0.02)
        out["ready"] = time.perf_counter() - t0
        print(json.dumps(out), flush=True)

asyncio.run(main())
"""


def run_inprocess(index: Path, timeout: float) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(index)], env=env(), cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    result: dict = {}
    try:
        for line in proc.stdout:   # type: ignore[union-attr]
            data = json.loads(line)
            if "paint" not in result:
                # wall clock from spawn (includes interpreter start-up)
                result = {"paint": time.perf_counter() - start, "loading_at_paint": data["loading_at_paint"]}
            if "ready" in data:
                result["ready"] = data["ready"] + (result["paint"] - data["paint"])
        proc.wait(timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, help="chỉ mục có sẵn (mặc định: lập một chỉ mục tạm từ knowledge/)")
    ap.add_argument("--mode", choices=["tmux", "inprocess"], default="tmux" if shutil.which("tmux") else "inprocess")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--ask", nargs="?", const="paint", choices=["paint", "ready"],
                    help="tmux: type the sample question as soon as the box shows (or once the app is ready: "
                         "--ask ready); report when its answer shows")
    args = ap.parse_args()

    tmp = None
    index = args.index
    if index is None:
        tmp = tempfile.TemporaryDirectory(prefix="kcqa-bench-")
        index = Path(tmp.name) / "index"
        build_index(index)
    run = run_tmux if args.mode == "tmux" else run_inprocess
    if args.mode == "tmux":
        # a command that cannot start (e.g. this Python lacks kcqa's dependencies) would only
        # show as a tmux session that vanished: say why instead
        exe = Path(kcqa_command(index)[0])
        python = exe.with_name("python") if exe.name == "kcqa" else exe
        check = subprocess.run([str(python), "-c", "import kcqa.app.app"], env=env(), cwd=REPO,
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"{' '.join(kcqa_command(index))} không chạy được: {check.stderr.strip()[-500:]}")
    rows = []
    for i in range(args.runs):
        r = run(index, args.timeout, args.ask) if args.mode == "tmux" else run(index, args.timeout)
        rows.append(r)
        ready = f"{r['ready']:.2f}s" if "ready" in r else "—"
        paint = f"{r['paint']:.2f}s" if "paint" in r else "—"
        answer = f", first answer {r['answer']:.2f}s" if "answer" in r else ""
        if "asked" in r and "answer" in r:
            answer += f" (Enter to answer {r['answer'] - r['asked']:.2f}s)"
        print(f"run {i + 1}: first paint {paint} (model still loading: {r.get('loading_at_paint')}), "
              f"ready {ready}{answer}")
    paints = [r["paint"] for r in rows if "paint" in r]
    readies = [r["ready"] for r in rows if "ready" in r]
    if paints:
        loaded = f"{statistics.median(readies):.2f}s" if readies else "—"
        answers = [r["answer"] for r in rows if "answer" in r]
        first = f" · first answer median {statistics.median(answers):.2f}s" if answers else ""
        waits = [r["answer"] - r["asked"] for r in rows if "answer" in r and "asked" in r]
        first += f" · Enter to answer median {statistics.median(waits):.2f}s" if waits else ""
        print(f"{args.mode}: first paint median {statistics.median(paints):.2f}s · loaded median {loaded}{first}")
    if tmp is not None:
        tmp.cleanup()
    return 0 if paints else 1


if __name__ == "__main__":
    sys.exit(main())
