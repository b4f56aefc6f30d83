"""Commands only: parse flags, call the library, print. Messages are Vietnamese.

    kcqa                 open the chat app (same as `kcqa chat`)
    kcqa index [PATH…]   bring the index in line with the records
    kcqa ask "…"         answer one question (or `-` for one per line on stdin)
    kcqa figures         list the figures found in the records
    kcqa eval FILE       score questions with expected answers
"""

from __future__ import annotations

import argparse
import errno
import json
import re
import sys
from pathlib import Path

from .config import Config

MAX_QUESTION = 2000


def _parser() -> argparse.ArgumentParser:
    # Global flags are accepted before or after the command; SUPPRESS keeps a subcommand
    # from overwriting a value given before it with its own default.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--index", metavar="THƯ_MỤC", help="thư mục chỉ mục (mặc định: index/ hoặc $KCQA_INDEX)")
    common.add_argument("--model", help="mô hình nhúng: tên mặc định, hoặc đường dẫn tới thư mục sentence-transformers")
    common.add_argument("--chroma-url", help="dùng máy chủ Chroma (vd. http://localhost:8000) thay cho Chroma cục bộ")

    p = argparse.ArgumentParser(prog="kcqa", parents=[common],
                                description="Hỏi đáp trên hồ sơ hội nghị (chạy hoàn toàn ngoại tuyến).")
    sub = p.add_subparsers(dest="command", metavar="LỆNH")
    sub.add_parser("chat", parents=[common], help="mở giao diện hội thoại (mặc định)")

    pi = sub.add_parser("index", parents=[common], help="lập / cập nhật chỉ mục từ thư mục hồ sơ")
    pi.add_argument("paths", nargs="*", type=Path, help="thư mục hoặc tệp (mặc định: knowledge/)")
    pi.add_argument("--wait", type=float, default=0.0, metavar="GIÂY",
                    help="đợi tối đa bấy nhiêu giây nếu một lần lập chỉ mục khác đang chạy")

    pa = sub.add_parser("ask", parents=[common], help="hỏi một câu (dùng - để đọc nhiều câu từ stdin)")
    pa.add_argument("question", help="câu hỏi, hoặc - để đọc mỗi dòng một câu từ stdin")
    pa.add_argument("-k", type=int, default=5, help="số đoạn trích hiển thị (mặc định 5)")
    pa.add_argument("--json", action="store_true", help="in kết quả dạng JSON (JSON Lines với -)")
    pa.add_argument("--year", type=int, help="chỉ dùng hồ sơ của năm này")
    pa.add_argument("--doc", help="chỉ dùng hồ sơ có tên chứa chuỗi này")

    pf = sub.add_parser("figures", parents=[common], help="liệt kê các số liệu đã trích")
    pf.add_argument("--entity", help="lọc theo đối tượng (tỉnh, đơn vị…)")
    pf.add_argument("--measure", help="lọc theo chỉ tiêu (kinh phí, doanh thu…)")
    pf.add_argument("--period", help="lọc theo kỳ (năm 2019, 6 tháng…)")
    pf.add_argument("--doc", help="lọc theo tên hồ sơ")
    pf.add_argument("--csv", action="store_true", help="in dạng CSV")

    pe = sub.add_parser("eval", parents=[common], help="chấm điểm bộ câu hỏi có đáp án (JSONL)")
    pe.add_argument("file", type=Path)
    pe.add_argument("--min", type=float, default=0.0, help="thoát với mã lỗi nếu độ chính xác dưới ngưỡng (0–1)")
    pe.add_argument("--json", action="store_true", help="in kết quả từng câu dạng JSON Lines")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    cfg = Config.from_args(index=getattr(args, "index", None), model=getattr(args, "model", None),
                           chroma_url=getattr(args, "chroma_url", None))
    command = args.command or "chat"
    if cfg.index_dir.exists() and not cfg.index_dir.is_dir():
        print(f"Lỗi: {cfg.index_dir} là một tệp, không phải thư mục chỉ mục (--index cần một thư mục).",
              file=sys.stderr)
        return 2
    try:
        if command == "chat":
            from .app.app import run_app
            return run_app(cfg)
        if command == "index":
            return cmd_index(cfg, args)
        if command == "ask":
            return cmd_ask(cfg, args)
        if command == "figures":
            return cmd_figures(cfg, args)
        if command == "eval":
            return cmd_eval(cfg, args)
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu; chỉ mục trước đó vẫn dùng được.", file=sys.stderr)
        return 130
    except Exception as exc:  # one clear line for the user; details with KCQA_DEBUG=1
        import os
        if os.environ.get("KCQA_DEBUG"):
            raise
        print(f"Lỗi: {_one_line(exc)}", file=sys.stderr)
        return 1
    return 0


_DISK_FULL = ("database or disk is full", "no space left", "disk full", "failed to apply logs", "compaction")


def _one_line(exc: BaseException) -> str:
    chain = [exc] + [e for e in (exc.__cause__, exc.__context__) if e is not None]
    for e in chain:
        text = str(e).lower()
        if getattr(e, "errno", None) == errno.ENOSPC or any(k in text for k in _DISK_FULL):
            return ("ổ đĩa đã đầy (hết dung lượng khi ghi chỉ mục); hãy giải phóng dung lượng rồi chạy lại "
                    "— chỉ mục trước đó không bị mất.")
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def cmd_index(cfg: Config, args) -> int:
    import os
    import time

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .engine import Engine

    err = Console(stderr=True, soft_wrap=True)     # one message, one line, whatever the width
    if not args.paths and not any(k.exists() for k in cfg.knowledge):
        where = ", ".join(str(k.resolve()) for k in cfg.knowledge)
        print(f"Lỗi: không có thư mục hồ sơ {where}: `kcqa index` không kèm đường dẫn sẽ lập chỉ mục các hồ sơ ở đó "
              f"vào {cfg.index_dir.resolve()}; hãy chạy từ thư mục chứa knowledge/ hoặc ghi rõ: kcqa index THƯ_MỤC",
              file=sys.stderr)
        return 2
    target = cfg.index_dir if cfg.index_dir.exists() else next(
        (p for p in cfg.index_dir.resolve().parents if p.exists()), Path("/"))
    if not os.access(target, os.W_OK):
        print(f"Lỗi: không có quyền ghi vào {target}: chỉ `kcqa index` cần quyền ghi; hỏi đáp (ask, figures, "
              f"giao diện) chỉ cần quyền đọc.", file=sys.stderr)
        return 1
    engine = Engine(cfg)
    piped = not err.is_terminal
    started = time.time()
    last_line = [started]
    first_embed: list[float] = []

    def eta(p) -> str:
        if not first_embed or p.embedded <= 0 or p.to_embed <= p.embedded:
            return ""
        rate = p.embedded / max(time.time() - first_embed[0], 1e-6)
        minutes = (p.to_embed - p.embedded) / rate / 60
        return f" · còn khoảng {minutes:.0f} phút" if minutes >= 1 else " · còn dưới 1 phút"

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                  TextColumn("{task.fields[embedded]}/{task.fields[to_embed]} đoạn · {task.fields[docs]} tài liệu"
                             " · {task.fields[path]}"),
                  TimeElapsedColumn(), TextColumn("còn"), TimeRemainingColumn(),
                  console=err, transient=True, disable=piped) as bar:
        task = bar.add_task("Lập chỉ mục", total=None, embedded=0, to_embed=0, docs="", path="")

        def on_progress(p) -> None:
            if p.stage == "embed" and not first_embed:
                first_embed.append(time.time())
            bar.update(task, total=p.to_embed or None, completed=p.embedded, embedded=p.embedded,
                       to_embed=p.to_embed, docs=f"{p.done}/{p.total}", path=Path(p.path).name[:40])
            if piped and time.time() - last_line[0] >= 60:
                last_line[0] = time.time()
                print(f"Lập chỉ mục: {p.embedded}/{p.to_embed} đoạn đã nhúng, {p.done}/{p.total} tài liệu"
                      f"{eta(p)} · {Path(p.path).name}", file=sys.stderr, flush=True)
        report = engine.index(args.paths or None, on_progress, lock_wait=args.wait)
    for path, reason in report.failed:
        err.print(f"[yellow]Bỏ qua[/] {path}: {reason}", highlight=False)
    for w in report.warnings:
        err.print(f"[yellow]Cảnh báo:[/] {w}", highlight=False)
    if report.migrated:
        err.print(f"Đã nâng cấp chỉ mục lên lược đồ mới (từ phiên bản {report.migrated[0]}), không cần lập lại.",
                  highlight=False)
    reused = f", {report.chunks_reused} đoạn dùng lại vector cũ" if report.chunks_reused else ""
    freed = f" · giải phóng {report.bytes_freed / 1e6:.1f} MB" if report.bytes_freed >= 1e5 else ""
    print(f"Đã lập chỉ mục: {report.new} mới, {report.changed} thay đổi, {report.removed} đã xóa, "
          f"{report.unchanged} không đổi, {len(report.failed)} lỗi · "
          f"{report.chunks_embedded} đoạn được nhúng{reused} (tổng {report.chunks_total} đoạn) · "
          f"{report.figures} số liệu · {report.seconds:.1f} giây{freed} · {cfg.index_dir}")
    if report.chunks_embedded == 0 and not (report.new or report.changed or report.removed):
        print("Không có gì thay đổi: không cần nhúng lại đoạn nào.")
    return 0


_ANSI = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|.)")


def _clean_question(q: str) -> str:
    """Questions pasted from a terminal may carry colour codes and control characters."""
    q = _ANSI.sub("", q)
    q = "".join(ch if ch.isprintable() else " " for ch in q)
    q = " ".join(q.split())
    return q[:MAX_QUESTION]


def cmd_ask(cfg: Config, args) -> int:
    from .engine import Engine
    engine = Engine(cfg)
    if args.question == "-":
        for line in sys.stdin:
            q = _clean_question(line)
            if not q:
                continue
            ans = engine.ask(q, k=args.k, year=args.year, doc=args.doc)
            if args.json:
                print(json.dumps(ans.to_json(), ensure_ascii=False), flush=True)
            else:
                _print_answer(ans, engine)
                print()
        return 0
    q = _clean_question(args.question)
    if not q:
        print("Lỗi: câu hỏi trống.", file=sys.stderr)
        return 2
    ans = engine.ask(q, k=args.k, year=args.year, doc=args.doc)
    if args.json:
        print(json.dumps(ans.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_answer(ans, engine)
    return 0


def _print_answer(ans, engine) -> None:
    from rich.console import Console
    from .render import answer_renderables
    console = Console(highlight=False)
    for w in engine.warnings:
        console.print(f"[yellow]Lưu ý:[/] {w}")
    engine.warnings.clear()
    for r in answer_renderables(ans):
        console.print(r)


def cmd_figures(cfg: Config, args) -> int:
    from .engine import Engine
    rows = Engine(cfg).figures(args.entity, args.measure, args.period, args.doc)
    cols = ["entity", "measure", "period", "text", "value", "unit", "qualifier", "doc"]
    if args.csv:
        import csv
        w = csv.writer(sys.stdout)
        w.writerow(cols + ["start", "end", "sentence"])
        for f in rows:
            w.writerow([f.entity, f.measure, f.period, f.text, f.value, f.unit, f.qualifier or "",
                        f.doc, f.start, f.end, f.sentence])
        return 0
    from rich.console import Console
    from rich.table import Table
    t = Table("Đối tượng", "Chỉ tiêu", "Kỳ", "Số liệu", "Giá trị", "Đơn vị", "Hồ sơ", title=f"{len(rows)} số liệu")
    for f in rows:
        t.add_row(f.entity, f.measure, f.period, f.text, f"{f.value:,.6g}", f.unit, Path(f.doc).name)
    Console().print(t)
    return 0


def cmd_eval(cfg: Config, args) -> int:
    from .engine import Engine
    from .evaluate import evaluate_file
    engine = Engine(cfg)
    result = evaluate_file(engine, args.file, json_lines=args.json)
    return 0 if result.accuracy >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
