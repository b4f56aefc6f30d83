"""Commands only: parse flags, call the library, print. Messages are Vietnamese.

    kcqa                 open the chat app (same as `kcqa chat`)
    kcqa index [PATH…]   bring the index in line with the records
    kcqa ask "…"         answer one question (or `-` for one per line on stdin)
    kcqa figures         list the figures found in the records
    kcqa chats [show|rename|delete] …   the kept conversations
    kcqa eval FILE       score questions with expected answers
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from .config import Config
from .messages import MAX_QUESTION, annotate, clean_question, debug, one_line  # noqa: F401


def _parser() -> argparse.ArgumentParser:
    # Global flags are accepted before or after the command; SUPPRESS keeps a subcommand
    # from overwriting a value given before it with its own default.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--index", metavar="THƯ_MỤC", help="thư mục chỉ mục (mặc định: index/ hoặc $KCQA_INDEX)")
    common.add_argument("--model", metavar="MÔ_HÌNH",
                        help="mô hình nhúng: tên mặc định, hoặc đường dẫn tới thư mục sentence-transformers")
    common.add_argument("--chroma-url", metavar="URL",
                        help="dùng máy chủ Chroma (vd. http://localhost:8000) thay cho Chroma cục bộ")
    common.add_argument("--chats", metavar="TỆP", help="tệp lưu hội thoại (mặc định: $KCQA_CHATS hoặc "
                        "~/.local/share/kcqa/chats.sqlite)")

    p = VietnameseParser(prog="kcqa", parents=[common], formatter_class=VietnameseHelp,
                         description="Hỏi đáp trên hồ sơ hội nghị (chạy hoàn toàn ngoại tuyến).")
    sub = p.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh")
    sub_kw = dict(parents=[common], formatter_class=VietnameseHelp)
    sub.add_parser("chat", help="mở giao diện hội thoại (mặc định)", **sub_kw)

    pi = sub.add_parser("index", help="lập / cập nhật chỉ mục từ thư mục hồ sơ", **sub_kw)
    pi.add_argument("paths", nargs="*", type=Path, metavar="ĐƯỜNG_DẪN",
                    help="thư mục hoặc tệp (mặc định: knowledge/)")
    pi.add_argument("--wait", type=float, default=0.0, metavar="GIÂY",
                    help="đợi tối đa bấy nhiêu giây nếu một lần lập chỉ mục khác đang chạy")

    pa = sub.add_parser("ask", help="hỏi một câu (dùng - để đọc nhiều câu từ stdin)", **sub_kw)
    pa.add_argument("question", metavar="CÂU_HỎI",
                    help="câu hỏi, hoặc - để đọc từ stdin: mỗi dòng một câu, hoặc JSON Lines "
                         '{"session": "…", "question": "…"} (các câu cùng session là một cuộc hội thoại)')
    pa.add_argument("-k", type=int, default=5, metavar="SỐ", help="số đoạn trích hiển thị (mặc định 5)")
    pa.add_argument("--json", action="store_true", help="in kết quả dạng JSON (JSON Lines với -)")
    pa.add_argument("--year", type=int, metavar="NĂM", help="chỉ dùng hồ sơ của năm này")
    pa.add_argument("--min-confidence", type=float, metavar="P",
                    help="chỉ trả lời khi độ tin cậy ≥ P (0–1); mặc định: ngưỡng đã chọn trên tập phát triển")
    pa.add_argument("--doc", metavar="TÊN", help="chỉ dùng hồ sơ có tên chứa chuỗi này")
    pa.add_argument("--session", metavar="TÊN",
                    help="tiếp tục cuộc hội thoại có tên này (tạo mới lần đầu; được lưu lại giữa các lần chạy)")

    pf = sub.add_parser("figures", help="liệt kê các số liệu đã trích", **sub_kw)
    pf.add_argument("--entity", metavar="TÊN", help="lọc theo đối tượng (tỉnh, đơn vị…)")
    pf.add_argument("--measure", metavar="CHỈ_TIÊU", help="lọc theo chỉ tiêu (kinh phí, doanh thu…)")
    pf.add_argument("--period", metavar="KỲ", help="lọc theo kỳ (năm 2019, 6 tháng…)")
    pf.add_argument("--doc", metavar="TÊN", help="lọc theo tên hồ sơ")
    pf.add_argument("--csv", action="store_true", help="in dạng CSV")
    pf.add_argument("--all", action="store_true",
                    help="gồm cả các số không gắn với đối tượng hay chỉ tiêu nào (mặc định bỏ qua)")

    pc = sub.add_parser("chats", help="các cuộc hội thoại đã lưu: liệt kê, xem, đổi tên, xóa", **sub_kw)
    pc.add_argument("action", nargs="?", default="list", choices=["list", "show", "rename", "delete"],
                    metavar="VIỆC", help="list (mặc định), show, rename hoặc delete")
    pc.add_argument("target", nargs="?", metavar="MÃ_HOẶC_TÊN", help="mã hoặc tên cuộc hội thoại")
    pc.add_argument("title", nargs="?", metavar="TIÊU_ĐỀ", help="tiêu đề mới (với rename)")
    pc.add_argument("--json", action="store_true", help="in dạng JSON")

    pe = sub.add_parser("eval", help="chấm điểm bộ câu hỏi có đáp án (JSONL)", **sub_kw)
    pe.add_argument("file", type=Path, metavar="TỆP", help="tệp câu hỏi JSONL (xem shared/eval/README.md)")
    pe.add_argument("--min", type=float, default=0.0, metavar="TỶ_LỆ",
                    help="thoát với mã lỗi nếu độ chính xác dưới ngưỡng (0–1)")
    pe.add_argument("--split", metavar="PHẦN", help="chỉ chấm các câu có split này (train, dev, test)")
    pe.add_argument("--json", action="store_true", help="in kết quả dạng JSON (từng câu và tổng hợp)")
    return p


# argparse's own words, in Vietnamese (it looks each one up through gettext at call time).
_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần tối đa một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng được cùng %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "%(prog)s: error: %(message)s\n": "Lỗi: %(message)s\n",
}


class VietnameseHelp(argparse.HelpFormatter):
    """Help laid out as argparse does, with its headings in Vietnamese."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """A usage error is one Vietnamese line on stderr (not the usage block in English)."""

    def error(self, message: str):
        self.exit(2, f"Lỗi: {message} (xem: {self.prog} --help)\n")


@contextmanager
def _vietnamese_argparse():
    original = argparse._
    argparse._ = lambda text: _ARGPARSE_VI.get(text, text)
    try:
        yield
    finally:
        argparse._ = original


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    with _vietnamese_argparse():
        return _parser().parse_args(argv)


def quiet_libraries() -> None:
    """Libraries log in English (pypdf: `invalid pdf header`, `EOF marker not found`) and Python
    prints a logger's warnings when no handler is set; kcqa says what matters itself, in
    Vietnamese. With KCQA_DEBUG=1 everything is shown."""
    if debug():
        return
    import logging
    import warnings
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
    warnings.filterwarnings("ignore")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quiet_libraries()
    cfg = Config.from_args(index=getattr(args, "index", None), model=getattr(args, "model", None),
                           chroma_url=getattr(args, "chroma_url", None))
    if getattr(args, "min_confidence", None) is not None:
        cfg.min_confidence = args.min_confidence
    command = args.command or "chat"
    if cfg.index_dir.exists() and not cfg.index_dir.is_dir():
        print(f"Lỗi: {cfg.index_dir} là một tệp, không phải thư mục chỉ mục (--index cần một thư mục).",
              file=sys.stderr)
        return 2
    try:
        if command == "chat":
            from .engine import Engine
            engine = Engine(cfg)
            engine.start_vector_worker()     # Chroma opens in a child while Textual starts
            from .app.app import run_app
            return run_app(cfg, engine)
        if command == "index":
            return cmd_index(cfg, args)
        if command == "ask":
            return cmd_ask(cfg, args)
        if command == "figures":
            return cmd_figures(cfg, args)
        if command == "chats":
            return cmd_chats(cfg, args)
        if command == "eval":
            return cmd_eval(cfg, args)
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu; chỉ mục trước đó vẫn dùng được.", file=sys.stderr)
        return 130
    except BrokenPipeError:          # `kcqa figures | head`: the reader left, nothing to say
        sys.stderr.close()
        return 0
    except Exception as exc:  # one clear line for the user; details with KCQA_DEBUG=1
        if debug():
            raise
        print(f"Lỗi: {_one_line(exc)}", file=sys.stderr)
        return 1
    return 0


def _one_line(exc: BaseException) -> str:
    return one_line(exc)


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
    for path, encoding in report.converted:
        err.print(f"Đã chuyển sang Unicode (từ bảng mã {encoding}): {path}", highlight=False)
    for path, pages in report.ocr:
        err.print(f"Đã nhận dạng chữ (OCR) {len(pages)} trang scan (trang {', '.join(map(str, pages))}): {path}",
                  highlight=False)
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


def _clean_question(q: str) -> str:
    """Questions pasted from a terminal may carry colour codes and control characters."""
    return clean_question(q)[0]


def cmd_ask(cfg: Config, args) -> int:
    from .engine import Engine
    engine = Engine(cfg)
    try:
        return _ask(engine, cfg, args)
    finally:
        engine.close()


def _ask(engine, cfg: Config, args) -> int:
    sessions = _Sessions(cfg, args)
    if args.question == "-":
        for n, line in enumerate(sys.stdin, 1):
            item = _stdin_item(line, n)
            if item is None:
                continue
            if "error" in item:
                _print_error_item(item, args.json)
                continue
            q, notes = item["question"], item["notes"]
            name = item.get("session")
            if name is not None:
                conv = sessions.scratch(name)        # a JSON Lines session: one conversation per name
            else:
                conv = sessions.named()              # --session NAME, or None: an independent question
            ans = _ask_one(engine, q, conv, args, notes)
            sessions.persist(conv, engine)
            if args.json:
                out = ans.to_json()
                out.update({k: item[k] for k in ("session", "id") if k in item})
                print(json.dumps(out, ensure_ascii=False), flush=True)
            else:
                _print_answer(ans, engine)
                print(flush=True)
        return 0
    q, cut = clean_question(args.question)
    if not q:
        print("Lỗi: câu hỏi trống.", file=sys.stderr)
        return 2
    if not args.session:
        engine.prefetch(q)           # embed it in a child while this process opens Chroma
    conv = sessions.named()
    ans = _ask_one(engine, q, conv, args, [cut] if cut else [])
    sessions.persist(conv, engine)
    if args.json:
        out = ans.to_json()
        if args.session:
            out["session"] = args.session
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print_answer(ans, engine)
    return 0


def _stdin_item(line: str, n: int) -> dict | None:
    """A plain line is one independent question; a JSON object line may name its session."""
    raw = line.strip()
    if not raw:
        return None
    if raw.startswith("{"):
        try:
            obj = json.loads(raw)
        except ValueError:
            return {"error": f"dòng {n}: không phải JSON hợp lệ (cần {{\"session\": \"…\", \"question\": \"…\"}})",
                    "line": n}
        if not isinstance(obj, dict) or not isinstance(obj.get("question"), str):
            return {"error": f"dòng {n}: thiếu trường \"question\" (chuỗi)", "line": n,
                    **(_echo(obj) if isinstance(obj, dict) else {})}
        q, cut = clean_question(obj["question"])
        if not q:
            return {"error": f"dòng {n}: câu hỏi trống", "line": n, **_echo(obj)}
        item = {"question": q, "notes": [cut] if cut else [], **_echo(obj)}
        return item
    q, cut = clean_question(line)
    return {"question": q, "notes": [cut] if cut else []} if q else None


def _echo(obj: dict) -> dict:
    out = {}
    if obj.get("session") is not None:
        out["session"] = str(obj["session"])
    if "id" in obj:
        out["id"] = obj["id"]
    return out


def _print_error_item(item: dict, as_json: bool) -> None:
    if as_json:
        out = {"status": "error", "message": item["error"]} | {k: item[k] for k in ("session", "id") if k in item}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    else:
        print(f"Lỗi: {item['error']}", file=sys.stderr, flush=True)


def _ask_one(engine, question: str, conv, args, notes: list[str]):
    before = len(conv.turns) if conv is not None else 0
    ans = engine.ask(question, conv, k=args.k, year=args.year, doc=args.doc)
    return annotate(ans, question, notes, conv, before)


class _Sessions:
    """Conversations for `kcqa ask`: the `--session NAME` one is kept in the chat store (so a
    follow-up works from a second command); JSON Lines sessions live for this process only,
    so a script's session names never pick up an earlier run's turns."""

    def __init__(self, cfg: Config, args):
        self.cfg = cfg
        self.name = getattr(args, "session", None)
        self.chats_path = getattr(args, "chats", None)
        self._named = None
        self._scratch: dict[str, object] = {}
        self._store = None
        self._warned = False

    @property
    def store(self):
        if self._store is None:
            from .chats import ChatStore
            self._store = ChatStore(Path(self.chats_path) if self.chats_path else None, self.cfg.index_dir)
        return self._store

    def named(self):
        if not self.name:
            return None
        if self._named is None:
            self._named = self.store.session(self.name)
        return self._named

    def scratch(self, name: str):
        from .ask.conversation import Conversation
        if name not in self._scratch:
            self._scratch[name] = Conversation(id=f"stdin-{name}", title=name)
        return self._scratch[name]

    def persist(self, conv, engine) -> None:
        if conv is None or conv is not self._named:
            return
        from .chats import ChatStoreError
        try:
            self.store.save(conv, engine.store.manifest())
        except ChatStoreError as exc:
            if not self._warned:
                self._warned = True
                print(f"Lưu ý: {exc} — câu trả lời không được lưu vào hội thoại «{self.name}».", file=sys.stderr)


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
    from .render import is_figure_of_something, record_label
    engine = Engine(cfg)
    rows = engine.figures(args.entity, args.measure, args.period, args.doc)
    if not args.all:
        rows = [f for f in rows if is_figure_of_something(f)]
    docs = engine.store.doc_metadata()
    if args.csv:
        import csv
        w = csv.writer(sys.stdout)
        w.writerow(["entity", "measure", "period", "text", "value", "unit", "qualifier", "doc", "title", "year",
                    "start", "end", "sentence"])
        for f in rows:
            title, meta = docs.get(f.doc, ("", {}))
            w.writerow([f.entity, f.measure, f.period, f.text, f"{f.value:.15g}", f.unit, f.qualifier or "",
                        f.doc, title, (meta or {}).get("year", ""), f.start, f.end, f.sentence])
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text
    console = Console(highlight=False)
    by_doc: dict[str, list] = {}
    for f in rows:
        by_doc.setdefault(f.doc, []).append(f)
    console.print(Text(f"{len(rows)} số liệu trong {len(by_doc)} hồ sơ", style="bold"))
    for doc, figs in by_doc.items():     # one table per record: the record is the table's title
        t = Table(title=record_label(doc, docs), title_justify="left", title_style="bold cyan")
        for head in ("Đối tượng", "Chỉ tiêu", "Kỳ", "Số liệu (như trong hồ sơ)"):
            t.add_column(head, overflow="fold")
        for f in figs:
            t.add_row(f.entity or "—", f.measure or "—", f.period or "—", f.text)
        console.print(t)
    return 0


def cmd_chats(cfg: Config, args) -> int:
    from .chats import ChatStore, answer_from_json
    store = ChatStore(Path(args.chats) if getattr(args, "chats", None) else None, cfg.index_dir)
    if args.action == "list":
        items = store.list()
        if args.json:
            print(json.dumps([vars(c) for c in items], ensure_ascii=False, indent=2))
            return 0
        if not items:
            print(f"Chưa có cuộc hội thoại nào được lưu cho chỉ mục {cfg.index_dir} (tệp {store.path}).")
            return 0
        from .app.texts import format_time
        for c in items:
            name = f" [{c.name}]" if c.name else ""
            print(f"{c.id}{name} · {c.turns} câu · {format_time(c.updated)} · {c.title or '(chưa có câu hỏi)'}")
        return 0
    if not args.target:
        print(f"Lỗi: cần mã hoặc tên cuộc hội thoại (xem: kcqa chats list).", file=sys.stderr)
        return 2
    conv_id = store.find(args.target)
    if conv_id is None:
        print(f"Lỗi: không có cuộc hội thoại «{args.target}» trong {store.path}.", file=sys.stderr)
        return 1
    if args.action == "delete":
        store.delete(conv_id)
        print(f"Đã xóa cuộc hội thoại {conv_id}.")
        return 0
    if args.action == "rename":
        if not args.title:
            print("Lỗi: cần tiêu đề mới (kcqa chats rename MÃ \"tiêu đề\").", file=sys.stderr)
            return 2
        store.rename(conv_id, args.title)
        print(f"Đã đổi tên cuộc hội thoại {conv_id}: {args.title}")
        return 0
    conv = store.load(conv_id)
    changed = _changed_turns(store, conv_id, cfg)
    if args.json:
        print(json.dumps({"id": conv.id, "title": conv.title,
                          "turns": [{"question": t.question, "resolved_question": t.resolved_question,
                                     "answer": t.answer, "record_changed": i in changed}
                                    for i, t in enumerate(conv.turns)]}, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.text import Text
    from .render import answer_renderables
    console = Console(highlight=False)
    console.print(Text(conv.title or conv.id, style="bold"))
    for i, t in enumerate(conv.turns):
        console.print(Text("Hỏi: ", style="bold") + Text(t.question))
        if i in changed:
            console.print(Text(CHANGED_RECORD, style="yellow"))
        for r in answer_renderables(answer_from_json(t.answer), passages=False):
            console.print(r)
        console.print()
    return 0


CHANGED_RECORD = "Lưu ý: hồ sơ được trích dẫn đã thay đổi (hoặc bị xóa) từ khi trả lời câu này; hãy hỏi lại."


def _changed_turns(store, conv_id: str, cfg: Config) -> set[int]:
    from .engine import Engine
    engine = Engine(cfg)
    if not engine.exists():
        return set()
    return store.changed_turns(conv_id, engine.store.manifest())


def cmd_eval(cfg: Config, args) -> int:
    from .engine import Engine
    from .evaluate import evaluate_file
    engine = Engine(cfg)
    result = evaluate_file(engine, args.file, as_json=args.json, split=args.split)
    return 0 if result.accuracy >= args.min else 1


def run() -> None:
    """The `kcqa` command. A one-shot `kcqa ask` leaves without Python's interpreter
    teardown: unloading Chroma's modules and their dependencies takes 0.2-0.4 s after the
    answer is printed (measured: `import chromadb` alone, then exit), and nothing is left
    to save — the answer is flushed, the chat store committed, the store closed."""
    argv = sys.argv[1:]
    rc = main(argv)
    if argv[:1] == ["ask"]:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            rc = rc or 1
        os._exit(rc or 0)
    sys.exit(rc)


if __name__ == "__main__":
    run()
