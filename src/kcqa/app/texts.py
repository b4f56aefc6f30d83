"""Every Vietnamese sentence the app shows, and the plain-text forms of an answer.

Kept apart from the widgets so wording is reviewed in one place and tests can
assert on the same strings the user reads.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..models import Answer
from ..render import citation_label

MAX_QUESTION = 2000

LOADING = "đang tải…"
LOADING_DETAIL = "Đang tải mô hình và chỉ mục… Bạn có thể gõ câu hỏi ngay; câu hỏi sẽ được trả lời khi tải xong."
WAITING = "Đang chờ tải xong mô hình và chỉ mục…"
WAITING_INDEX = "Đang chờ lập chỉ mục xong…"
THINKING = "Đang tìm câu trả lời…"
READY = "sẵn sàng"
EMPTY_QUESTION = "Câu hỏi trống: hãy gõ một câu hỏi rồi nhấn Enter."
NOT_FOUND_HEAD = "Không có trong hồ sơ"
NOT_THE_ANSWER = "Các đoạn gần nhất (không phải câu trả lời):"
CITED = "Trích dẫn"
RETRIEVED = "Đoạn tìm được"
RETRIEVED_NOT_ANSWER = "Đoạn tìm được (không phải câu trả lời)"
NO_SOURCES = "Chưa có nguồn. Hãy đặt một câu hỏi."
NO_ANSWER_TO_COPY = "Chưa có câu trả lời để sao chép."
REINDEX_RUNNING = "Đang lập chỉ mục, hãy đợi lần này xong."
REINDEX_START = "Bắt đầu lập chỉ mục…"
QUIT_WHILE_INDEXING = ("Đang lập chỉ mục. Nhấn Ctrl+Q lần nữa để thoát ngay: lần lập chỉ mục này dừng lại, "
                       "chỉ mục trước đó vẫn dùng được.")
MISSING_STATE = "chưa có chỉ mục"
INDEXING_STATE = "đang lập chỉ mục"
WELCOME = ("Hỏi về số liệu trong hồ sơ hội nghị khuyến công, ví dụ: "
           "“Quảng Nam được bố trí bao nhiêu kinh phí?” (gõ không dấu cũng được).")
INPUT_PLACEHOLDER = "Nhập câu hỏi (có dấu hoặc không dấu) rồi nhấn Enter…"
FILTER_PLACEHOLDER = "Lọc số liệu (đối tượng, chỉ tiêu, kỳ, hồ sơ…)"
DOC_NOT_FOUND = "Không mở được hồ sơ này: không có trong chỉ mục (hãy lập chỉ mục lại)."


def missing_index(index_dir: Path, knowledge: list[Path]) -> str:
    folders = ", ".join(str(k) for k in knowledge)
    return (f"Chưa có chỉ mục ở {index_dir}. Nhấn Ctrl+R (hoặc nút bên dưới) để lập chỉ mục "
            f"từ thư mục hồ sơ {folders}; câu hỏi đã gõ sẽ được trả lời sau khi lập xong.")


def index_busy(index_dir: Path) -> str:
    return (f"Chỉ mục {index_dir} đang được một tiến trình khác cập nhật (đang bị khóa). "
            "Hãy đợi tiến trình đó xong rồi thử lại.")


def load_failed(exc: BaseException) -> str:
    return f"Không tải được chỉ mục: {one_line(exc)}"


def ask_failed(exc: BaseException) -> str:
    return f"Lỗi khi trả lời: {one_line(exc)}. Ứng dụng vẫn chạy, hãy thử lại."


def reindex_failed(exc: BaseException) -> str:
    return f"Lập chỉ mục thất bại: {one_line(exc)}. Chỉ mục trước đó vẫn dùng được."


def copied(path: Path | None, error: str | None = None) -> str:
    if path is not None:
        return f"Đã sao chép câu trả lời vào bộ nhớ tạm và lưu vào tệp {path}"
    return f"Đã sao chép câu trả lời vào bộ nhớ tạm (không ghi được tệp: {error})"


def one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def clean_question(text: str) -> str:
    """Same cleaning as `kcqa ask`: printable characters, single spaces, bounded length."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:MAX_QUESTION]


def report_counts(report) -> str:
    """The one-line summary of an IndexReport, worded like `kcqa index`."""
    return (f"Đã lập chỉ mục: {report.new} mới, {report.changed} thay đổi, {report.removed} đã xóa, "
            f"{report.unchanged} không đổi, {len(report.failed)} lỗi · {report.figures} số liệu mới trích")


def progress_line(done: int, total: int, embedded: int, path: str) -> str:
    name = Path(path).name if path else ""
    return f"{done}/{total} hồ sơ · {embedded} đoạn đã nhúng · {name}"


def format_time(ts: float | None) -> str:
    if not ts:
        return "chưa bao giờ"
    return time.strftime("%d/%m/%Y %H:%M", time.localtime(ts))


def answer_plain(ans: Answer) -> str:
    """The answer as the user would paste it: question, answer, citation, notes."""
    lines = [f"Hỏi: {ans.question}"]
    if ans.restored_question:
        lines.append(f"(Hiểu câu hỏi là: {ans.restored_question})")
    if ans.status == "answered":
        lines.append(f"Trả lời: {ans.text}")
        for c in ans.citations:
            lines.append(f"Nguồn: “{c.text.strip()}”")
            lines.append(f"  ({citation_label(c).replace(chr(10), ' — ')})")
    else:
        lines.append(f"{NOT_FOUND_HEAD}: {ans.text}")
    for note in ans.notes:
        lines.append(f"Lưu ý: {note}")
    return "\n".join(lines) + "\n"
