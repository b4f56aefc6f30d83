"""Every Vietnamese sentence the app shows, and the plain-text forms of an answer.

Kept apart from the widgets so wording is reviewed in one place and tests can
assert on the same strings the user reads.
"""

from __future__ import annotations

import time
from pathlib import Path

from .. import messages
from ..models import Answer
from ..render import citation_label, understood_lines

MAX_QUESTION = messages.MAX_QUESTION

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
CITED_PASSAGE = "Trích dẫn (đoạn trả lời được tô sáng)"
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
           "“Quảng Nam được bố trí bao nhiêu kinh phí?” (gõ không dấu cũng được), rồi hỏi tiếp "
           "“Còn Quảng Bình thì sao?”. Ctrl+N: hội thoại mới · F4: lịch sử hội thoại.")
NEW_CONVERSATION = "Đã bắt đầu hội thoại mới."
WAIT_BEFORE_NEW = "Đang trả lời câu hỏi: hãy đợi xong rồi mở hội thoại khác."
CHANGED_RECORD = "Hồ sơ được trích dẫn đã thay đổi (hoặc bị xóa) từ khi trả lời câu này; hãy hỏi lại."
NO_CHATS = "Chưa có cuộc hội thoại nào được lưu cho chỉ mục này."
CHATS_TITLE = "Lịch sử hội thoại (các cuộc hội thoại đã lưu)"
CHATS_HELP = "Enter: mở lại · F2: đổi tên · Delete: xóa · Esc: quay lại"
RENAME_PROMPT = "Tên mới của cuộc hội thoại (Enter: lưu · Esc: bỏ qua):"
INDEX_CHANGED = "Chỉ mục vừa được cập nhật từ bên ngoài ứng dụng: đã tải lại, câu hỏi tiếp theo dùng chỉ mục mới."
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
        return (f"Đã sao chép câu trả lời kèm trích dẫn vào bộ nhớ tạm (nếu terminal cho phép) "
                f"và lưu vào tệp {path}")
    return f"Đã sao chép câu trả lời vào bộ nhớ tạm (nếu terminal cho phép); không ghi được tệp: {error}"


def chats_failed(exc: BaseException) -> str:
    return f"Không lưu được hội thoại: {one_line(exc)}"


def chat_deleted(title: str) -> str:
    return f"Đã xóa hội thoại: {title}"


def one_line(exc: BaseException) -> str:
    return messages.one_line(exc)


def clean_question(text: str) -> str:
    """Same cleaning as `kcqa ask`: printable characters, single spaces, bounded length."""
    return messages.clean_question(text)[0]


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
    lines = [f"Hỏi: {ans.question}"] + understood_lines(ans)
    if ans.status == "answered":
        lines.append(f"{'Trả lời (trích nguyên văn)' if ans.kind == 'passage' else 'Trả lời'}: {ans.text}")
        for c in ans.citations:
            lines.append(f"Nguồn: “{c.text.strip()}”")
            lines.append(f"  ({citation_label(c).replace(chr(10), ' — ')})")
    else:
        from ..render import UNRESOLVED_HEAD
        lines.append(f"{UNRESOLVED_HEAD if ans.unresolved else NOT_FOUND_HEAD}: {ans.text}")
    for note in ans.notes:
        lines.append(f"Lưu ý: {note}")
    return "\n".join(lines) + "\n"
