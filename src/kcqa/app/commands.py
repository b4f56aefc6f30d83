"""The command palette (Ctrl+P): every action of the app, by its Vietnamese name.

Textual's own system commands (Theme, Quit, Keys…) are English; these replace them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from textual.app import SystemCommand

if TYPE_CHECKING:
    from .app import KcqaApp


def palette_commands(app: "KcqaApp") -> Iterable[SystemCommand]:
    chat = app.chat

    def to_question() -> None:
        while len(app.screen_stack) > 1:
            app.pop_screen()
        chat.action_focus_question()

    yield SystemCommand("Hỏi câu mới", "Chuyển tới ô nhập câu hỏi", to_question)
    yield SystemCommand("Hội thoại mới", "Bắt đầu một cuộc hội thoại mới (Ctrl+N)", chat.action_new_conversation)
    yield SystemCommand("Lịch sử hội thoại", "Mở lại hoặc xóa một cuộc hội thoại đã lưu (F4)", app.action_chats)
    yield SystemCommand("Lập chỉ mục lại", "Cập nhật chỉ mục từ thư mục hồ sơ (Ctrl+R)", app.action_reindex)
    yield SystemCommand("Bảng số liệu", "Xem, lọc và sắp xếp các số liệu đã trích (F2)", app.action_figures)
    yield SystemCommand("Sao chép câu trả lời", "Sao chép câu trả lời đang chọn kèm trích dẫn (Ctrl+Y)",
                        app.action_copy_answer)
    yield SystemCommand("Ẩn / hiện nguồn", "Các đoạn trích dẫn và đoạn tìm được (F3)", chat.action_toggle_sources)
    yield SystemCommand("Câu trả lời trước", "Xem nguồn của câu trả lời trước (Alt+↑)",
                        lambda: chat.action_select_turn(-1))
    yield SystemCommand("Câu trả lời sau", "Xem nguồn của câu trả lời sau (Alt+↓)",
                        lambda: chat.action_select_turn(1))
    yield SystemCommand("Trợ giúp", "Các phím và cách dùng (F1)", app.action_help)
    yield SystemCommand("Đổi màu giao diện", "Chọn bảng màu", app.action_change_theme)
    yield SystemCommand("Thoát", "Đóng ứng dụng (Ctrl+Q)", app.action_quit)
