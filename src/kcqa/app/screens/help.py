"""Help in Vietnamese: what the app does and every key, on one modal page (F1 or ?)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Enter", "Gửi câu hỏi (trong ô hỏi) · mở hồ sơ của nguồn / số liệu đang chọn"),
    ("↑ / ↓", "Các câu đã hỏi trước / sau (trong ô hỏi)"),
    ("Alt+↑ / Alt+↓", "Chọn câu trả lời trước / sau để xem nguồn"),
    ("F3", "Ẩn / hiện bảng nguồn (và chuyển vào đó)"),
    ("Tab / Shift+Tab", "Chuyển giữa ô hỏi, hội thoại và bảng nguồn"),
    ("Esc", "Quay lại ô hỏi · đóng màn hình đang mở"),
    ("F2", "Bảng số liệu: gõ để lọc, bấm tiêu đề cột (hoặc Ctrl+O) để sắp xếp"),
    ("Ctrl+R", "Lập chỉ mục lại từ thư mục hồ sơ (ứng dụng vẫn dùng được trong lúc chạy)"),
    ("Ctrl+N", "Bắt đầu hội thoại mới (câu hỏi tiếp theo không nối vào các câu trước)"),
    ("F4", "Lịch sử hội thoại đã lưu: Enter mở lại, F2 đổi tên, Delete xóa"),
    ("Ctrl+Y", "Sao chép câu trả lời đang chọn kèm trích dẫn (và lưu vào tệp kcqa-cau-tra-loi.txt trong thư mục nhà)"),
    ("Ctrl+P", "Bảng lệnh: tìm mọi thao tác theo tên"),
    ("F1 hoặc ?", "Mở / đóng trang trợ giúp này"),
    ("Ctrl+Q", "Thoát"),
]

ABOUT = (
    "kcqa trả lời câu hỏi về số liệu trong hồ sơ hội nghị khuyến công, hoàn toàn ngoại tuyến. "
    "Mỗi câu trả lời là một đoạn nguyên văn của hồ sơ, có trích dẫn (tên hồ sơ, đoạn, vị trí ký tự); "
    "số liệu được tô sáng trong câu trích. Có thể gõ không dấu: câu hỏi được khôi phục dấu và hiển thị lại. "
    "Có thể hỏi tiếp như khi trò chuyện (“Còn Quảng Bình thì sao?”): câu hỏi được hiểu theo các câu trước "
    "và hiển thị lại dưới dòng “Hiểu là: …”. Các cuộc hội thoại được lưu lại để mở lại sau (F4). "
    "Khi hồ sơ không có thông tin, ứng dụng nói rõ “không có trong hồ sơ” và chỉ đưa các đoạn gần nhất "
    "để tham khảo (không phải câu trả lời)."
)


def help_renderable() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for key, what in KEYS:
        table.add_row(key, what)
    return table


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,question_mark,q", "app.pop_screen", "Đóng")]

    def compose(self):
        with VerticalScroll(id="help"):
            yield Static(Text("Trợ giúp", style="bold"), id="help-title")
            yield Static(ABOUT, id="help-about")
            yield Static(help_renderable(), id="help-keys")
            yield Static("Nhấn Esc để đóng.", id="help-close")
