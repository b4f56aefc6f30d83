"""The answering core: the frame, verification to the number token, follow-up resolution,
the packaged ranker files, passage answers and conversations in the engine."""

import pytest

from kcqa.ask.conversation import Conversation
from kcqa.ask.features import NAMES, SIGNS, dates_in
from kcqa.ask.followup import looks_like_followup, resolve
from kcqa.ask.frame import parse_question
from kcqa.ask.rank import (CALIBRATION_MODEL, CALIBRATION_NAMES, CALIBRATION_SIGNS, ENTITY_MODEL, ENTITY_NAMES,
                           ENTITY_SIGNS, PASSAGE_MODEL, PASSAGE_NAMES, PASSAGE_SIGNS, TreeRanker, load_ranker)
from kcqa.ask.verify import number_tokens, numbers_cited
from kcqa.models import Citation
from kcqa.text.vietnamese import fold


# -- frame ----------------------------------------------------------------------

def test_an_ordinal_is_one_frame_slot_in_either_form():
    assert parse_question("Hội nghị lần thứ 12 tổ chức ở đâu?").ordinal == "XII"
    assert parse_question("Hoi nghi lan thu XII to chuc o dau?").ordinal == "XII"
    assert "XII" in parse_question("Hội nghị lần thứ 12 tổ chức ở đâu?").search_text


@pytest.mark.parametrize("question", ["Vì sao năm 2019 không đạt 100% kế hoạch?", "Thứ trưởng lưu ý những gì?",
                                      "Các hình thức trộm cắp điện chủ yếu là gì?", "vi sao gia vang giam"])
def test_why_and_what_questions_want_a_passage_not_a_figure(question):
    assert parse_question(question).kind == "passage"


def test_a_span_of_years_after_how_much_is_a_period_not_phases_counted():
    """A follow-up carried "giai đoạn 2011-2015" to its end ("… tiết kiệm được bao nhiêu giai đoạn
    2011-2015?"): read as counting phases, no kWh figure could answer it."""
    q = parse_question("Phú Yên sinh hoạt gia đình tiết kiệm được bao nhiêu giai đoạn 2011-2015?")
    assert q.kind != "count" and not q.count_noun
    assert parse_question("Dự án chia làm bao nhiêu giai đoạn?").count_noun == "giai doan"


def test_a_figure_question_is_not_a_passage_question():
    assert parse_question("Quảng Nam được bố trí bao nhiêu kinh phí?").kind != "passage"


def test_stop_words_are_judged_on_the_marks_when_the_question_has_them():
    # folded, "hội" (conference) is "hỏi" (ask) and "tài" is "tại"
    assert "hoi" in parse_question("Hội nghị tổ chức ở đâu?").content
    assert "hoi" not in parse_question("Cho hỏi kinh phí là bao nhiêu?").content


def test_frame_slots_and_json():
    q = parse_question("Năm 2019 tổng kinh phí khuyến công của 15 tỉnh đạt bao nhiêu phần trăm kế hoạch?")
    j = q.to_json()
    assert j["years"] == [2019] and j["whole"] and "đạt" in j["relations"] and j["answer_type"] == "percentage"
    assert "tăng" not in parse_question("So với năm 2018 thì tăng bao nhiêu?").measures


def test_dates_are_read_in_both_spellings():
    assert dates_in("Sau điều chỉnh ngày 27/4, giá xăng") == {(27, 4)}
    assert dates_in("ngày 16 tháng 6 năm 2025") == {(16, 6)}
    assert dates_in("quý 1/2021") == set()


# -- verification ------------------------------------------------------------------

def _cit(text):
    return Citation(doc="a.txt", path="a.txt", start=0, end=len(text), text=text)


def test_number_tokens_are_whole():
    assert number_tokens("Quảng Nam (6,94 tỷ đồng), năm 2010.") == ["6,94", "2010"]


@pytest.mark.parametrize("shown,ok", [("6,94 tỷ đồng", True), ("6,9 tỷ đồng", False), ("10 tỷ", False),
                                      ("năm 2010", True), ("94 tỷ", False)])
def test_a_shown_number_must_be_a_whole_token_of_its_citation(shown, ok):
    assert numbers_cited(shown, [_cit("Quảng Nam (6,94 tỷ đồng) trong năm 2010.")]) is ok


# -- follow-ups (pure: no index needed) -------------------------------------------------

def _turn(question, resolved=None, kind="amount", answer_text=None):
    return {"question": question, "resolved_question": resolved, "frame": {"kind": kind},
            "answer": {"status": "answered" if answer_text else "not_found",
                       "answer": {"text": answer_text} if answer_text else None}}


@pytest.mark.parametrize("follow,expected", [
    ("Còn Quảng Bình thì sao?", "Quảng Bình được bố trí bao nhiêu kinh phí?"),
    ("còn Lâm Đồng?", "Lâm Đồng được bố trí bao nhiêu kinh phí?"),
    ("Quảng Bình thì sao?", "Quảng Bình được bố trí bao nhiêu kinh phí?"),
    ("Năm 2019 thì sao?", "Quảng Nam được bố trí bao nhiêu kinh phí năm 2019?"),
    ("Đạt bao nhiêu phần trăm kế hoạch?", "Quảng Nam kinh phí đạt bao nhiêu phần trăm kế hoạch?"),
])
def test_ellipsis_and_subjectless_follow_ups_are_rewritten(follow, expected):
    r = resolve(follow, [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")])
    assert r.resolved and r.question == expected


@pytest.mark.parametrize("follow,expected", [
    ("Năm trước đó thì sao?", "Năm 2012 tổng kinh phí khuyến công thực hiện là bao nhiêu?"),
    ("Còn năm sau thì sao?", "Năm 2014 tổng kinh phí khuyến công thực hiện là bao nhiêu?"),
    ("nam truoc do thi sao", "Năm 2012 tổng kinh phí khuyến công thực hiện là bao nhiêu?"),
])
def test_a_year_counted_from_the_earlier_one_is_that_year(follow, expected):
    """"Năm trước đó" is the year before the one the conversation is about, not "năm trước"
    left for the records to match (it had been answered with the earlier year's own figure)."""
    r = resolve(follow, [_turn("Năm 2013 tổng kinh phí khuyến công thực hiện là bao nhiêu?")])
    assert r.resolved and r.question == expected


def test_a_relative_year_counts_from_the_latest_turn_that_names_a_year_and_growth_keeps_the_measure():
    turns = [_turn("Năm 2014 điện thương phẩm nội địa đạt bao nhiêu?", answer_text="khoảng 127,55 tỷ kWh")]
    # "tăng trưởng" names no new measure: it asks how the earlier one grew
    assert resolve("Tăng trưởng bao nhiêu?", turns).question == "Năm 2014 điện thương phẩm nội địa tăng trưởng bao nhiêu?"
    turns.append(_turn("Nếu loại trừ yếu tố giá thì tăng bao nhiêu?", kind="percent", answer_text="9%"))
    assert "2013" in resolve("Năm trước đó thì sao?", turns).question


def test_a_relative_year_needs_one_earlier_year_and_a_baseline_is_not_one():
    r = resolve("Năm trước đó thì sao?", [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")])
    assert r.unresolvable and "năm" in r.unresolvable.lower()
    r = resolve("Tăng bao nhiêu so với năm trước?", [_turn("Năm 2013 tổng kinh phí khuyến công thực hiện là bao nhiêu?")])
    assert "2012" not in r.question and "năm trước" in r.question


def test_another_programme_takes_the_earlier_programmes_place():
    """"Còn xúc tiến thương mại thì sao?" after a question about khuyến công money asks the same
    of the other programme (it had been glued where the province stood)."""
    r = resolve("Còn xúc tiến thương mại thì sao?",
                [_turn("Năm 2024 Trà Vinh bố trí bao nhiêu kinh phí cho hoạt động khuyến công?", answer_text="gần 2,1 tỷ đồng")])
    assert r.question == "Năm 2024 Trà Vinh bố trí bao nhiêu kinh phí cho hoạt động xúc tiến thương mại?"


def test_a_baseline_year_is_not_the_period_asked():
    r = resolve("So với năm 2018 thì tăng bao nhiêu?",
                [_turn("Năm 2019 tổng kinh phí khuyến công thực hiện là bao nhiêu?")])
    assert r.question == "Năm 2019 tổng kinh phí khuyến công thực hiện so với năm 2018 tăng bao nhiêu?"


def test_a_comparisons_base_year_is_not_carried_as_the_period():
    # the earlier turn asked a change against 2019: 2019 is its base, not its period
    r = resolve("Công ty này có mặt tại bao nhiêu quốc gia?",
                [_turn("Thương hiệu Vinamilk được định giá bao nhiêu?"),
                 _turn("tang bao nhieu so voi nam 2019",
                       "Giá trị thương hiệu Vinamilk tăng bao nhiêu so với năm 2019?")])
    assert r.question == "Công ty Vinamilk có mặt tại bao nhiêu quốc gia?"
    r = resolve("Công ty này có mặt tại bao nhiêu quốc gia?",
                [_turn("Năm 2020 Vinamilk tăng bao nhiêu so với năm 2019?")])
    assert r.question == "Công ty Vinamilk có mặt tại bao nhiêu quốc gia năm 2020?"


def test_a_new_measure_after_a_plan_question_asks_its_plan():
    """A plan asked ("Kế hoạch năm đặt mức tăng bao nhiêu?") is a figure of its own, not only how
    the earlier measure changed: "Còn xuất khẩu thì sao?" asks the export plan, and the earlier
    measure's phrase ends before "kế hoạch" (the plan had been swallowed with it, and the
    achieved rise stated at 0.95)."""
    turns = [_turn("Năm 2024 tổng mức bán lẻ hàng hóa của Hà Nam đạt bao nhiêu?"),
             _turn("Kế hoạch năm đặt mức tăng bao nhiêu?",
                   "Hà Nam tổng mức bán lẻ hàng hóa kế hoạch năm đặt mức tăng bao nhiêu năm 2024?")]
    assert resolve("Còn kim ngạch xuất khẩu thì sao?", turns).question == \
        "Hà Nam kim ngạch xuất khẩu kế hoạch năm đặt mức tăng bao nhiêu năm 2024?"


def test_a_new_measure_after_a_change_question_asks_what_the_question_before_it_asked():
    # "Tăng bao nhiêu so với năm 2019?" asked how total assets moved; the next measure is asked
    # as the first question asked, a level; a measure named in the change question itself stays
    turns = [_turn("Tổng tài sản của Vietcombank năm 2020 đạt bao nhiêu?"),
             _turn("Tăng bao nhiêu so với năm 2019?",
                   "Tổng tài sản của Vietcombank năm 2020 tăng bao nhiêu so với năm 2019?")]
    assert resolve("Dư nợ tín dụng thì sao?", turns).question == "Dư nợ tín dụng của Vietcombank năm 2020 đạt bao nhiêu?"
    assert resolve("Năm 2021 thì sao?", turns).question == \
        "Tổng tài sản của Vietcombank năm 2021 tăng bao nhiêu so với năm 2019?"
    own = [_turn("ADB dự báo xuất khẩu của Việt Nam tăng bao nhiêu trong năm 2021?")]
    assert "tăng bao nhiêu" in resolve("Còn nhập khẩu?", own).question
    # a change question with a year of its own besides its base is not "only a change"
    dated = turns[:1] + [_turn("Năm 2021 tăng bao nhiêu so với năm 2020?",
                               "Tổng tài sản của Vietcombank năm 2021 tăng bao nhiêu so với năm 2020?")]
    assert "tăng bao nhiêu" in resolve("Dư nợ tín dụng thì sao?", dated).question


def test_a_follow_up_keeps_what_was_counted_and_whose_it_was():
    """A report's follow-ups, written over records kcqa never saw: "Tăng bao nhiêu so với cùng
    kỳ?" after "… sản xuất được bao nhiêu gạch khối …?" asks about the bricks (the rewrite had
    dropped them and answered production at large, 0.89); a new measure takes the old one's
    place but not the province written after it ("… tỉnh Lạng Sơn năm 2015" had become "… qua
    địa bàn năm 2015"); and after "Đạt bao nhiêu phần trăm kế hoạch?" a new measure asks what
    the question before it asked, as after a change question (the level, not its share of plan)."""
    bricks = [_turn("9 tháng năm 2023, tỉnh Quảng Trị sản xuất được bao nhiêu gạch khối bằng bê tông?")]
    assert resolve("Tăng bao nhiêu so với cùng kỳ?", bricks).question == \
        "9 tháng năm 2023, tỉnh Quảng Trị sản xuất gạch khối bằng bê tông tăng bao nhiêu so với cùng kỳ?"
    output = [_turn("Giá trị sản xuất công nghiệp tỉnh Lạng Sơn năm 2015 đạt bao nhiêu?")]
    assert resolve("Còn kim ngạch xuất nhập khẩu thì sao?", output).question == \
        "Kim ngạch xuất nhập khẩu tỉnh Lạng Sơn năm 2015 đạt bao nhiêu?"
    of_plan = output + [_turn("Đạt bao nhiêu phần trăm kế hoạch?",
                              "Giá trị sản xuất công nghiệp tỉnh Lạng Sơn năm 2015 đạt bao nhiêu phần trăm kế hoạch?")]
    assert resolve("Còn kim ngạch xuất nhập khẩu thì sao?", of_plan).question == \
        "Kim ngạch xuất nhập khẩu tỉnh Lạng Sơn năm 2015 đạt bao nhiêu?"


def test_money_asked_after_a_count_is_the_money_of_what_was_counted():
    """"Kinh phí bao nhiêu?" after "… có bao nhiêu đề án … hỗ trợ máy móc?" asks the money of
    those projects (it had become the province's whole budget, stated at 0.97); a multiple
    ("Gấp bao nhiêu lần cùng kỳ?") counts no new thing and keeps the earlier subject and measure,
    and a place's name is no measure ("Tiền Giang" measures no "tiền")."""
    projects = [_turn("Năm 2021 Kon Tum có bao nhiêu đề án khuyến công địa phương hỗ trợ máy móc thiết bị?")]
    assert resolve("Kinh phí bao nhiêu?", projects).question == \
        "Kon Tum kinh phí của các đề án khuyến công địa phương hỗ trợ máy móc thiết bị bao nhiêu năm 2021?"
    assert resolve("Có bao nhiêu cơ sở tham gia?", projects).question != \
        "Kon Tum có bao nhiêu cơ sở tham gia của các đề án khuyến công địa phương hỗ trợ máy móc thiết bị năm 2021?"
    tourism = [_turn("6 tháng năm 2023 doanh thu du lịch của Ninh Bình đạt bao nhiêu?")]
    assert resolve("Gấp bao nhiêu lần cùng kỳ?", tourism).question == \
        "6 tháng năm 2023 doanh thu du lịch của Ninh Bình gấp bao nhiêu lần cùng kỳ?"
    assert parse_question("Gấp bao nhiêu lần cùng kỳ?").count_noun == "lan"
    assert parse_question("Hội chợ ở Tiền Giang có bao nhiêu gian hàng?").measures == []
    # a capacity adds up over the works counted as money does (it had become the province's
    # whole 1.132 MW, answered at the follow-up threshold)
    works = [_turn("Năm 2017 ở Lào Cai có bao nhiêu công trình thủy điện đang khảo sát lập dự án đầu tư?")]
    assert "công suất của các công trình thủy điện đang khảo sát lập dự án đầu tư" in \
        resolve("Công suất dự kiến bao nhiêu?", works).question


def test_a_thing_typed_in_lower_case_takes_the_place_of_what_was_measured_or_counted():
    """Reports list products: "con phan bon thi sao?" after a question about steel asks the
    same of fertiliser (such follow-ups were "unclear": a lower-case phrase was taken for a
    name only when the earlier question had one); after "… được bao nhiêu máy kéo?" the new
    thing is what is counted. Times, places and references are not things."""
    steel = [_turn("6 tháng đầu năm 2024, thép xây dựng của khu vực phía Nam đạt bao nhiêu?")]
    assert resolve("con phan bon thi sao?", steel).question == \
        "6 tháng đầu năm 2024, phan bon của khu vực phía Nam đạt bao nhiêu?"
    counted = [_turn("Năm 2023, tỉnh Bắc Ninh sản xuất được bao nhiêu máy kéo?")]
    assert resolve("Còn xe tải thì sao?", counted).question == "Năm 2023, tỉnh Bắc Ninh sản xuất được bao nhiêu xe tải?"
    for other in ("Còn tháng sau thì sao?", "Còn tỉnh này thì sao?"):
        assert not resolve(other, steel).resolved, other
    # "năm sau" is no thing either: it is the year after the one asked (the thing stays)
    assert resolve("con nam sau thi sao?", steel).question == \
        "6 tháng đầu năm 2025, thép xây dựng của khu vực phía Nam đạt bao nhiêu?"


def test_a_reference_takes_the_earlier_phrase():
    r = resolve("Hội nghị đó tổ chức vào năm nào?", [_turn("Tỉnh nào đăng cai hội nghị lần thứ XII?", kind="place",
                                                          answer_text="Ninh Thuận")])
    assert r.question.startswith("hội nghị lần thứ XII") or r.question.startswith("Hội nghị lần thứ XII")
    r = resolve("Tỉnh này được bố trí bao nhiêu kinh phí?",
                [_turn("Tỉnh nào đăng cai hội nghị lần thứ XII?", kind="place", answer_text="Ninh Thuận")])
    assert "Ninh Thuận" in r.question


@pytest.mark.parametrize("follow,expected", [
    # the whole noun phrase gives way to the name, the words before it stay, no second subject
    # (the records write "tập đoàn Hòa Phát": the type noun stays, and finds the sentence)
    ("Ai là tổng giám đốc tập đoàn này?", "Ai là tổng giám đốc tập đoàn Sacombank năm 2020?"),
    ("Lợi nhuận của công ty này là bao nhiêu?", "Lợi nhuận của công ty Sacombank là bao nhiêu năm 2020?"),
    ("ngân hàng này có bao nhiêu chi nhánh?", "Ngân hàng Sacombank có bao nhiêu chi nhánh năm 2020?"),
])
def test_an_organisation_reference_is_replaced_whole(follow, expected):
    r = resolve(follow, [_turn("Năm 2020 Sacombank lãi bao nhiêu?")])
    assert r.resolved and r.question == expected


@pytest.mark.parametrize("q", ["Trong đó có bao nhiêu phường?", "Trong số đó, bao nhiêu phường?",
                               "trong do bao nhieu phuong"])
def test_among_those_asks_a_part_of_the_earlier_subject(q):
    base = [_turn("Sau khi sắp xếp, tỉnh Lâm Đồng có bao nhiêu đơn vị hành chính cấp xã?")]
    r = resolve(q, base)
    assert r.resolved and fold(r.question).startswith("sau khi sap xep, tinh lam dong")
    assert fold(r.question).rstrip(" ?").endswith("bao nhieu phuong")
    # with nothing before it, "trong đó" refers to nothing
    assert resolve(q, []).unresolvable


@pytest.mark.parametrize("earlier, part, subject", [
    ("Xưởng may của Quý tạo việc làm cho bao nhiêu công nhân?", "Trong đó có bao nhiêu người khuyết tật?",
     "Xưởng may của Quý"),
    ("Năm 2020 giá đất công nghiệp tăng bao nhiêu?", "Đạt bao nhiêu phần trăm kế hoạch?",
     "Năm 2020 giá đất công nghiệp"),
])
def test_a_subject_ends_at_its_predicate_as_written_not_at_a_word_that_folds_like_one(earlier, part, subject):
    """Folded, "may" of "xưởng may" is "mấy" and "đất" is "đạt": the follow-up was asked of
    "Xưởng" and of "Năm 2020 giá", the rest of the subject lost."""
    r = resolve(part, [_turn(earlier)])
    assert r.resolved and r.question.startswith(subject)


@pytest.mark.parametrize("q", ["Trong đó nguồn khuyến công quốc gia bao nhiêu?",
                               "trong do nguon khuyen cong quoc gia bao nhieu"])
def test_a_part_among_those_is_not_the_total(q):
    """"Trong đó nguồn khuyến công quốc gia bao nhiêu?" after "… tổng kinh phí …" asks a part:
    it does not carry "tổng", and no earlier turn's figure (the whole's) may answer it."""
    r = resolve(q, [_turn("Năm 2018 Quảng Trị dự kiến tổng kinh phí khuyến công bao nhiêu?", answer_text="3 tỷ đồng")])
    assert r.resolved and r.substituted
    assert "tong" not in fold(r.question).split() and "quoc gia" in fold(r.question)
    # a body named with "Tổng" keeps it
    r = resolve("Trong đó Tổng cục Hải quan thu bao nhiêu?", [_turn("Năm 2020 thu ngân sách đạt bao nhiêu?")])
    assert "Tổng cục Hải quan" in r.question


@pytest.mark.parametrize("earlier, part, expected", [
    ("Năm 2023 các doanh nghiệp hóa chất ở Quảng Ngãi chấp hành những văn bản pháp luật nào?",
     "Trong đó nghị định ban hành năm 2022 là nghị định nào?", "Nghị định ban hành năm 2022 là nghị định nào?"),
    ("Năm 2020 cả khu vực có bao nhiêu đề án khuyến công?", "Trong đó Quảng Bình có mấy đề án?",
     "Quảng Bình có mấy đề án năm 2020?"),
])
def test_a_part_among_those_that_names_what_it_asks_is_asked_as_it_stands(earlier, part, expected):
    """"Trong đó" is the whole before, not a place to put in: the part was asked as "Trong Quảng
    Ngãi nghị định …" (and a 2017 nghị định stated), or not resolved at all; it keeps the whole's
    period when it names none."""
    r = resolve(part, [_turn(earlier)])
    assert r.resolved and r.substituted and r.question == expected


def test_a_bodys_name_written_in_lower_case_past_its_capitals_is_the_subject_whole():
    """"Cục Cạnh tranh và Bảo vệ người tiêu dùng" capitalises two syllables; the subject carried
    to the next question was "Cục Cạnh"."""
    r = resolve("Ngành hàng bị phản ánh nhiều thứ hai là gì?",
                [_turn("Năm 2017 Cục Cạnh tranh và Bảo vệ người tiêu dùng nhận được bao nhiêu đơn khiếu nại?")])
    assert r.resolved and r.question.startswith("Cục Cạnh tranh và Bảo vệ người tiêu dùng ngành hàng")


@pytest.mark.parametrize("follow", ["con chuong trinh thu ba", "Còn chương trình thứ ba?"])
def test_another_ordinal_with_the_lists_own_noun_asks_its_next_item(follow):
    """"con chuong trinh thu ba" after "… chương trình … đầu tiên …": the third programme, the
    earlier ordinal replaced ("thu ba" had been taken for a new thing and restored "thu bá");
    a noun the earlier ordinal does not number is no such follow-up."""
    r = resolve(follow, [_turn("Năm 2018 Bắc Giang giảm bao nhiêu kinh phí của chương trình xúc tiến thương mại "
                               "đầu tiên?")])
    assert r.resolved and "chương trình xúc tiến thương mại thứ ba" in r.question and "đầu tiên" not in r.question
    other = resolve("con hoi nghi thu ba", [_turn("Vấn đề thứ hai hội nghị nêu là gì?")])
    assert "Vấn đề thứ ba" not in other.question


@pytest.mark.parametrize("follow, period", [("10 thang thi sao", "10 tháng đầu năm 2018"),
                                             ("Còn 10 tháng?", "10 tháng đầu năm 2018"),
                                             ("luy ke 10 thang thi sao", "Luy ke 10 thang năm 2018"),
                                             ("Cùng kỳ năm trước thì sao?", "Tháng 10/2017")])
def test_a_bare_count_of_months_or_the_same_period_a_year_before_is_another_period(follow, period):
    """"10 tháng thì sao?" after a month's figure asks the months so far; "Cùng kỳ năm trước?"
    the same period a year earlier. Both were "not understood"."""
    r = resolve(follow, [_turn("Tháng 10/2018 tổng mức bán lẻ hàng hóa của Vĩnh Phúc ước đạt bao nhiêu?")])
    assert r.resolved and r.question.startswith(period) and "tổng mức bán lẻ" in r.question


def test_months_after_a_deposits_term_are_not_a_period():
    r = resolve("6 tháng thì sao?", [_turn("Lãi suất kỳ hạn 1 tháng tại ACB là bao nhiêu?")])
    assert "đầu năm" not in r.question


def test_a_span_of_years_is_carried_whole():
    """"Giai đoạn 2011-2015" was carried as "năm 2011". One pattern reads every span: a second one
    defined later in the module (for this) had shadowed the first, and "Năm 2020 thì sao?" after
    "Từ năm 2019 đến năm 2021 …" became "Từ năm 2020 đến năm 2021 …"."""
    r = resolve("Trong đó sinh hoạt gia đình tiết kiệm được bao nhiêu?",
                [_turn("Giai đoạn 2011-2015, lượng điện Phú Yên tiết kiệm được bao nhiêu kWh?")])
    assert r.resolved and "giai đoạn 2011-2015" in r.question.lower() and "năm 2011" not in r.question
    r = resolve("Năm 2020 thì sao?", [_turn("Từ năm 2019 đến năm 2021, Quảng Nam thu hút bao nhiêu dự án?")])
    assert r.resolved and r.question.startswith("Năm 2020, Quảng Nam") and "2021" not in r.question


def test_another_gate_takes_the_earlier_gates_name_not_its_kind():
    """"Cửa" of "Cửa khẩu quốc gia Mỹ Quý Tây" is the gate's kind: "Còn cửa khẩu Bình Hiệp?" had
    replaced it ("qua Bình Hiệp khẩu quốc gia Mỹ Quý Tây")."""
    assert parse_question("Năm 2020 Khu công nghiệp Tịnh Phong có bao nhiêu doanh nghiệp?").names == ["tinh phong"]
    r = resolve("Còn cửa khẩu Bình Hiệp?", [_turn("Tháng 8/2014 kim ngạch xuất khẩu qua Cửa khẩu quốc gia Mỹ Quý Tây "
                                                  "của Long An đạt bao nhiêu?")])
    assert r.resolved and "Bình Hiệp" in r.question and "Mỹ Quý Tây" not in r.question
    assert "qua Cửa khẩu quốc gia Bình Hiệp" in r.question


def test_a_predicate_asked_of_a_body_carries_the_bodys_whole_name():
    r = resolve("Xử lý thành công bao nhiêu vụ?",
                [_turn("Năm 2017 Cục Cạnh tranh và Bảo vệ người tiêu dùng tiếp nhận tổng số bao nhiêu vụ việc?")])
    assert r.resolved and r.question.startswith("Cục Cạnh tranh và Bảo vệ người tiêu dùng xử lý")


@pytest.mark.parametrize("follow", ["Khai thác than cứng và than non thì sao?", "Ngành khai thác than thì sao?",
                                    "Còn ngành khai thác than cứng và than non?"])
def test_another_industry_typed_alone_takes_the_earlier_industrys_place(follow):
    """A branch of industry typed as the follow-up ("Khai thác than … thì sao?") had replaced the
    province as if it were a name, been "not understood", or lost what was asked of it."""
    r = resolve(follow, [_turn("Tháng 5/2024 ngành khai khoáng của Thái Nguyên có chỉ số sản xuất tăng bao nhiêu?")])
    assert r.resolved and r.question.startswith("Tháng 5/2024 ngành khai thác than")
    assert r.question.endswith("của Thái Nguyên có chỉ số sản xuất tăng bao nhiêu?") and "khai khoáng" not in r.question


@pytest.mark.parametrize("follow", ["Riêng các làng nghề thì sao?", "Còn các làng nghề thì sao?"])
def test_a_group_asked_alone_is_the_subject_not_what_it_is_counted_in(follow):
    """"Riêng các làng nghề thì sao?" after "… các cơ sở ngành nghề nông thôn … giải quyết việc làm
    cho bao nhiêu lao động?": the villages employ, they are not the workers counted ("bao nhiêu
    các làng nghề"), and "Riêng" opens an ellipsis as "Còn" does."""
    r = resolve(follow, [_turn("Năm 2022 các cơ sở ngành nghề nông thôn ở Quảng Nam giải quyết việc làm cho bao "
                               "nhiêu lao động?")])
    assert r.resolved and r.question == ("Năm 2022 các làng nghề ở Quảng Nam giải quyết việc làm cho bao nhiêu "
                                         "lao động?")


def test_a_whole_question_naming_no_subject_takes_the_conversations_subject():
    """Asked in a conversation about Vinhomes, "Lãi ròng thuộc về công ty mẹ là bao nhiêu?" is
    Vinhomes'; about a province, the province's, said as "Ở tỉnh …, …"."""
    r = resolve("Lãi ròng thuộc về công ty mẹ là bao nhiêu?",
                [_turn("Quý 1/2021 tổng doanh thu thuần hợp nhất của Vinhomes đạt bao nhiêu?")])
    assert r.resolved and r.carried and r.question == "Vinhomes lãi ròng thuộc về công ty mẹ là bao nhiêu quý 1/2021?"
    r = resolve("Chính quyền các xã mới chính thức hoạt động từ ngày nào?",
                [_turn("Nghị quyết sắp xếp đơn vị hành chính cấp xã của tỉnh Hà Tĩnh có số hiệu là gì?")])
    assert r.carried and r.question == "Ở tỉnh Hà Tĩnh, chính quyền các xã mới chính thức hoạt động từ ngày nào?"


@pytest.mark.parametrize("earlier, question", [
    # a person is not what later questions are about
    ("Cao Quốc Hưng lưu ý những gì khi kết luận hội nghị?", "Các chương trình nào được triển khai từ kinh phí?"),
    # the whole country, a place asked for, a subject of its own: nothing carried
    ("Theo Nghị quyết 60-NQ/TW, tỉnh Gia Lai hợp nhất với tỉnh nào?",
     "Sau sáp nhập cả nước còn bao nhiêu tỉnh, thành phố?"),
    ("Quảng Nam được bố trí bao nhiêu kinh phí năm 2020?", "Tỉnh nào bố trí kinh phí cao nhất năm 2020?"),
    ("Năm 2020 lợi nhuận của Vietcombank đạt bao nhiêu?", "Tỷ lệ nợ xấu năm 2020 của Sacombank là bao nhiêu?"),
])
def test_a_whole_question_keeps_no_subject_that_is_not_its_own(earlier, question):
    r = resolve(question, [_turn(earlier)])
    assert not r.carried and r.question == question


def test_a_reference_keeps_the_words_before_it_and_the_count_asked():
    base = [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")]
    assert resolve("Tại tỉnh này có bao nhiêu đề án?", base).question == "Tại Quảng Nam có bao nhiêu đề án?"
    # typed without marks: the accented name put in does not turn "mấy" into "máy"
    assert resolve("tinh nay co may de an", base).question == "Quảng Nam co may de an"


def test_an_unmarked_noun_takes_the_earlier_names_place_and_dau_is_not_dau():
    base = [_turn("Từ 15h ngày 27/4 giá xăng RON95 tối đa là bao nhiêu?")]
    # "dau diesel" is "dầu diesel", not "đâu": a slot, not a new question
    assert resolve("dau diesel thi sao", base).question == "Từ 15h ngày 27/4 giá xăng dau diesel tối đa là bao nhiêu?"


def test_a_predicate_alone_takes_the_earlier_subject_whole_when_it_holds_every_slot():
    """The earlier subject names the region, the year and the measure: it is kept whole, not
    cut down to "Tây Nguyên tổng kinh phí …"."""
    base = [_turn("Năm 2019 tổng kinh phí khuyến công thực hiện của 15 tỉnh, thành phố miền Trung - "
                  "Tây Nguyên là bao nhiêu?")]
    assert resolve("Đạt bao nhiêu phần trăm kế hoạch?", base).question == (
        "Năm 2019 tổng kinh phí khuyến công thực hiện của 15 tỉnh, thành phố miền Trung - Tây Nguyên "
        "đạt bao nhiêu phần trăm kế hoạch?")


def test_a_new_measure_replaces_the_earlier_one_up_to_the_period_not_inside_a_name():
    """"năm" ends a measure phrase only before a year: "Việt Nam" is not cut in half."""
    r = resolve("Còn xuất khẩu?", [_turn("Năm 2021 ADB dự báo doanh thu Việt Nam tăng bao nhiêu?")])
    assert r.question == "Năm 2021 ADB dự báo xuất khẩu tăng bao nhiêu?"
    # nor does a reporting period in words: "6 tháng đầu" was swallowed with the measure
    r = resolve("Còn kim ngạch xuất khẩu?", [_turn("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2021 của Gia Lai "
                                                   "so với cùng kỳ tăng bao nhiêu?")])
    assert r.question == "Kim ngạch xuất khẩu 6 tháng đầu năm 2021 của Gia Lai so với cùng kỳ tăng bao nhiêu?"
    # a provincial report's measures are whole phrases ("tổng mức bán lẻ hàng hóa", not "doanh thu")
    r = resolve("Còn tổng mức bán lẻ hàng hóa?", [_turn("Kim ngạch xuất khẩu tháng 4/2022 của Gia Lai đạt bao nhiêu?")])
    assert r.question == "Tổng mức bán lẻ hàng hóa tháng 4/2022 của Gia Lai đạt bao nhiêu?"


def test_a_slot_that_replaces_nothing_is_not_answered_as_the_earlier_question():
    r = resolve("Còn tháng sau?", [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")])
    assert r.unresolvable and not r.resolved


def test_a_reference_in_a_question_of_its_own_is_not_taken_for_a_slot():
    """'tỉnh này có mấy đặc khu' names the same province as before: it is still its own question."""
    base = [_turn("Gia Lai sau sắp xếp có bao nhiêu xã?"),
            _turn("Còn An Giang?", resolved="An Giang sau sắp xếp có bao nhiêu xã?", answer_text="85 xã")]
    assert resolve("tỉnh này có mấy đặc khu", base).question == "An Giang có mấy đặc khu"


def test_a_generic_reference_keeps_the_question_words_before_it():
    r = resolve("Vì sao mảng này giảm?", [_turn("Doanh thu mảng du lịch quý 1/2021 giảm bao nhiêu?")])
    assert r.question.startswith("Vì sao mảng du lịch")


def test_a_follow_up_with_nothing_before_it_is_not_guessed():
    r = resolve("Còn Quảng Bình thì sao?", [])
    assert r.unresolvable and "trước" in r.unresolvable


def test_ong_ay_without_a_person_before_is_not_guessed():
    r = resolve("Ông ấy giữ chức vụ gì?", [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?", answer_text="6,94 tỷ đồng")])
    assert r.unresolvable


def test_ong_ay_is_the_person_an_earlier_question_named():
    """When the last answer was no person, "ông ấy" is the one person the questions before named,
    however many turns back; with two people named there it is not guessed."""
    base = [_turn("Thứ trưởng Cao Quốc Hưng đề nghị các địa phương làm gì?", kind="passage"),
            _turn("Hội nghị tổ chức ở đâu?", kind="where", answer_text="tỉnh Gia Lai")]
    assert resolve("Ông ấy nói gì về kinh phí?", base).question == "Cao Quốc Hưng nói gì về kinh phí?"
    assert resolve("ong ay noi gi?", base).question == "Cao Quốc Hưng noi gi?"   # the engine restores marks first
    two = [_turn("Thứ trưởng Cao Quốc Hưng và Cục trưởng Ngô Quang Trung dự hội nghị nào?", kind="named",
                 answer_text="Hội nghị khuyến công")]
    assert resolve("Ông ấy giữ chức vụ gì?", two).unresolvable
    # a name after an honorific is a person's whatever its family name, and keeps the honorific
    her = [_turn("Chị Danh Thêl ở Vĩnh Châu vừa bán được bao nhiêu tấn hành tím?", answer_text="5 tấn")]
    assert resolve("Chị ấy thu hoạch được bao nhiêu?", her).question == "Chị Danh Thêl thu hoạch được bao nhiêu?"


@pytest.mark.parametrize("follow", ["Phó Chủ tịch UBND tỉnh đó dự hội nghị là ai?",
                                    "Pho Chu tich UBND tinh do du hoi nghi la ai?"])
def test_tinh_do_after_a_venue_is_its_province(follow):
    """An answer that says where whole ("thành phố Sầm Sơn, tỉnh Thanh Hóa") holds a town and a
    province: "tỉnh đó" is the province (it became "UBND thành phố Sầm Sơn, tỉnh Thanh Hóa"), and
    typed without marks it is still the reference ("tinh do" was restored as "tính độ")."""
    from kcqa.text.vietnamese import DiacriticRestorer
    base = [_turn("Hội nghị giao ban xúc tiến thương mại vùng Bắc Trung Bộ năm 2019 tổ chức ở đâu?", kind="place",
                  answer_text="thành phố Sầm Sơn, tỉnh Thanh Hóa")]
    restored = DiacriticRestorer({"tinh": [("tính", 9), ("tỉnh", 5)], "do": [("độ", 9), ("do", 5)],
                                  "tinh do": [("tính độ", 3)]}).restore(follow)
    r = resolve(restored, base)
    assert r.resolved and "UBND tỉnh Thanh Hóa" in r.question and "Sầm Sơn" not in r.question


@pytest.mark.parametrize("follow", ["Anh ấy nhập ốc hương giá bao nhiêu?", "anh ta nhap oc huong gia bao nhieu?",
                                    "Chị ấy nhập ốc hương giá bao nhiêu?"])
def test_he_and_she_are_the_person_the_last_answer_named(follow):
    """"anh ta", "chị ấy" refer to the person answered, as "ông ấy" does."""
    r = resolve(follow, [_turn("Ai là chủ nhà hàng Tháp Bà 86?", kind="who", answer_text="Nguyễn Văn Vương")])
    assert r.resolved and r.question.startswith("Nguyễn Văn Vương ")
    assert resolve(follow, [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?", answer_text="6,94 tỷ đồng")]).unresolvable


@pytest.mark.parametrize("follow, expected", [
    # a period and nothing else asks what the earlier question asked, of that period; a year
    # replaces the earlier span whole
    ("nam 2017 dat bao nhieu?", "Doanh thu chuyển giao công nghệ của ĐH Bách khoa TPHCM năm 2017 là bao nhiêu?"),
    ("Năm 2019 thì sao?", "Doanh thu chuyển giao công nghệ của ĐH Bách khoa TPHCM năm 2019 là bao nhiêu?"),
])
def test_a_period_alone_asks_the_earlier_question_of_that_period(follow, expected):
    prev = [_turn("Doanh thu chuyển giao công nghệ của ĐH Bách khoa TPHCM giai đoạn 2009-2019 là bao nhiêu?")]
    assert resolve(follow, prev).question == expected


def test_a_year_and_a_predicate_ask_the_earlier_measure_of_that_year():
    """"năm 2022 đặt mục tiêu bao nhiêu" names a year and nothing it measures: the earlier
    measure's target for that year, with the earlier year taken out (a sector, "ngành Công
    thương", is no subject to carry: it had given "Công năm 2022 đặt mục tiêu bao nhiêu")."""
    prev = [_turn("Theo hội nghị triển khai nhiệm vụ ngành Công thương năm 2022, tổng kim ngạch xuất nhập khẩu "
                  "hàng hóa, dịch vụ năm 2021 đạt bao nhiêu?")]
    r = resolve("năm 2022 đặt mục tiêu bao nhiêu", prev)
    assert r.resolved and r.question == ("Theo hội nghị triển khai nhiệm vụ ngành Công thương năm 2022, tổng kim "
                                         "ngạch xuất nhập khẩu hàng hóa, dịch vụ năm 2022 đặt mục tiêu bao nhiêu")
    # a year only compared with keeps the earlier one
    prev = [_turn("Năm 2019 tổng kinh phí khuyến công thực hiện là bao nhiêu?")]
    assert "Năm 2019" in resolve("so với năm 2018 thì tăng bao nhiêu", prev).question


def test_a_district_or_town_takes_the_earlier_ones_place_and_a_long_measure_its_thing():
    """A town typed in lower case ("thanh pho phan rang thap cham thi sao") stands for the
    earlier district, capitalised as the proper name it is (no province, so the place slot did
    not swap it: it was unresolvable); a product stands for a measure of up to ten words
    ("chỉ số sản xuất công nghiệp toàn ngành", seven, was too long to be replaced): the thing
    measured is replaced, the measure asked of it stays ("chỉ số sản xuất công nghiệp xi măng")."""
    prev = [_turn("Huyện Ninh Phước có bao nhiêu sản phẩm tham gia năm 2020?")]
    assert resolve("thành phố phan rang tháp chàm thì sao", prev).question == \
        "Thành phố Phan Rang Tháp Chàm có bao nhiêu sản phẩm tham gia năm 2020?"
    assert not resolve("thành phố phan rang tháp chàm thì sao", [_turn("Quảng Nam có bao nhiêu huyện?")]).resolved
    prev = [_turn("6 tháng đầu năm 2025 chỉ số sản xuất công nghiệp toàn ngành của Sơn La tăng bao nhiêu?")]
    assert resolve("Còn xi măng thì sao?", prev).question == \
        "6 tháng đầu năm 2025 chỉ số sản xuất công nghiệp xi măng của Sơn La tăng bao nhiêu?"


def test_a_part_among_those_is_of_their_period_and_a_replaced_reference_is_not_named_twice():
    """"Trong đó có bao nhiêu đề án ứng dụng máy móc?" after a question about 2022 asks about
    2022 (without the year the next year's plan answered it); "các đề án đó", once replaced by
    what the earlier turn counted, is not named again before it."""
    prev = [_turn("Năm 2022 tổng kinh phí các đề án khuyến công của Khánh Hòa là bao nhiêu?")]
    part = resolve("Trong đó có bao nhiêu đề án ứng dụng máy móc, thiết bị tiên tiến?", prev)
    assert part.resolved and "năm 2022" in part.question
    prev.append(_turn("Trong đó có bao nhiêu đề án ứng dụng máy móc, thiết bị tiên tiến?", part.question, kind="count"))
    money = resolve("Kinh phí hỗ trợ cho các đề án đó là bao nhiêu?", prev).question
    assert money.count("đề án") == 1 and "ứng dụng máy móc" in money


def test_another_group_of_the_same_kind_takes_the_earlier_groups_place():
    """"Còn khối công nghiệp địa phương?" after "… khối công nghiệp Trung ương …" (and a plan
    question about it) asks the local sector's output; "Còn nhóm nông, lâm sản, đồ uống?" the
    other product group, whose name holds commas, read with its marks ("cơ khí" is no "có")."""
    prev = [_turn("Quý I năm 2012 giá trị sản xuất của khối công nghiệp Trung ương đạt bao nhiêu?"),
            _turn("Đạt bao nhiêu phần trăm kế hoạch năm?", "Quý I năm 2012 giá trị sản xuất của khối công nghiệp "
                  "Trung ương đạt bao nhiêu phần trăm kế hoạch năm?")]
    assert resolve("Còn khối công nghiệp địa phương?", prev).question == \
        "Quý I năm 2012 giá trị sản xuất của khối công nghiệp địa phương đạt bao nhiêu?"
    prev = [_turn("Năm 2018 ở Hải Dương, nhóm phụ tùng, cơ khí có bao nhiêu sản phẩm?", kind="count")]
    assert resolve("Còn nhóm nông, lâm sản, đồ uống?", prev).question == \
        "Năm 2018 ở Hải Dương, nhóm nông, lâm sản, đồ uống có bao nhiêu sản phẩm?"


def test_this_indicator_is_the_earlier_measure_and_another_base_replaces_the_earlier_one():
    """"chỉ tiêu này" is what the earlier question measured and "thành phần này" the group it
    named (both had become the owner: "chỉ tiêu Bà Rịa - Vũng Tàu", "Thành phần EVNNPC");
    "So với năm 2018 thì sao?" asks the same change against another base."""
    prev = [_turn("Tại hội nghị tổng kết, tổng mức bán lẻ hàng hóa của Bà Rịa - Vũng Tàu năm 2024 được báo cáo là "
                  "bao nhiêu?")]
    assert "kế hoạch tăng trưởng năm của tổng mức bán lẻ hàng hóa" in \
        resolve("Còn kế hoạch tăng trưởng năm của chỉ tiêu này là bao nhiêu?", prev).question
    prev = [_turn("9 tháng năm 2016 điện thương phẩm lĩnh vực công nghiệp xây dựng của EVNNPC tăng bao nhiêu?")]
    group = resolve("Thành phần này chiếm tỷ trọng bao nhiêu?", prev).question
    assert "lĩnh vực công nghiệp xây dựng" in group.lower() and "EVNNPC" in group and "Thành phần" not in group
    prev = [_turn("Năm 2019 kinh phí tăng bao nhiêu so với năm 2017?")]
    assert resolve("So với năm 2018 thì sao?", prev).question == "Năm 2019 kinh phí tăng bao nhiêu so với năm 2018?"


def test_which_is_highest_ranks_the_earlier_measure():
    """"Tỉnh nào cao nhất?" after a province's budget ranks that budget; "thấp nhất" next ranks it
    the other way; a superlative that names what it ranks stands on its own."""
    prev = [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")]
    first = resolve("Tỉnh nào cao nhất?", prev)
    assert first.resolved and first.question == "Tỉnh nào được bố trí kinh phí cao nhất?"
    prev.append(_turn("Tỉnh nào cao nhất?", first.question, kind="superlative"))
    assert resolve("Còn tỉnh nào thấp nhất?", prev).question == "Tỉnh nào được bố trí kinh phí thấp nhất?"
    assert not resolve("Tỉnh nào có doanh thu cao nhất?", prev[:1]).resolved


def test_a_new_topic_starts_fresh():
    q = "Doanh thu quý 1/2021 của Vingroup đạt bao nhiêu?"
    r = resolve(q, [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")])
    assert not r.resolved and r.question == q


# -- the packaged models -------------------------------------------------------------

def test_the_packaged_rankers_match_their_features():
    fig = load_ranker()
    assert isinstance(fig, TreeRanker) and fig.names == list(NAMES) and fig.trees
    assert all(0 <= n[0] < len(NAMES) or n[0] == -1 for tree in fig.trees for n in tree)
    ent = load_ranker(ENTITY_MODEL)
    assert ent.names == list(ENTITY_NAMES) and len(ent.coef) == len(ENTITY_NAMES)
    cal = load_ranker(CALIBRATION_MODEL)
    assert cal.names == list(CALIBRATION_NAMES) and len(cal.coef) == len(CALIBRATION_NAMES)
    pas = load_ranker(PASSAGE_MODEL)
    assert pas.names == list(PASSAGE_NAMES) and len(pas.coef) == len(PASSAGE_NAMES)
    for r in (fig, ent, cal, pas):
        assert 0.0 <= r.threshold <= 1.01
        assert 0.0 < r.probability({n: 0.5 for n in r.names}) < 1.0


def test_the_packaged_weights_push_the_declared_way():
    """Retraining keeps each feature to its declared direction: a matching period can never
    lower a candidate's odds, a conflicting year never raise them."""
    for model, signs in ((load_ranker(CALIBRATION_MODEL), CALIBRATION_SIGNS),
                         (load_ranker(ENTITY_MODEL), ENTITY_SIGNS), (load_ranker(PASSAGE_MODEL), PASSAGE_SIGNS)):
        assert set(signs) <= set(model.names)
        for name, w in zip(model.names, model.coef):
            assert w * signs.get(name, 0) >= 0, (name, w)
    assert SIGNS["period_match"] == 1 and SIGNS["year_conflict"] == -1


def test_the_candidate_trees_move_each_feature_its_declared_way():
    """The trees' monotonic constraints, checked on what they output: raising a feature
    declared to help never lowers a candidate's probability, from many starting points."""
    import random
    fig = load_ranker()
    assert fig.monotonic == [SIGNS.get(n, 0) for n in NAMES]
    rng = random.Random(0)
    moved = 0
    for _ in range(300):
        x = {n: rng.choice((0.0, 1.0, rng.random())) for n in NAMES}
        for name, sign in SIGNS.items():
            lo, hi = dict(x), dict(x)
            lo[name], hi[name] = 0.0, 1.0
            diff = fig.probability(hi) - fig.probability(lo)
            assert diff * sign >= -1e-12, (name, diff)
            moved += abs(diff) > 1e-6
    assert moved          # the check is not vacuous: features do move the probability


def test_a_tree_is_walked_by_its_thresholds():
    t = TreeRanker(["a", "b"], 0.0, [[[0, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, -2.0], [-1, 0, 0, 0, 2.0]]], [1, 0])
    assert t.logit({"a": 0.2}) == -2.0 and t.logit({"a": 0.9}) == 2.0 and t.logit({"a": 0.5}) == -2.0


# -- with the real engine over the sample ----------------------------------------------------

def test_confidence_in_json(seed_engine):
    out = seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?").to_json()
    assert out["status"] == "answered" and 0.0 <= out["answer"]["confidence"] <= 1.0
    assert out["answer"]["kind"] == "figure"


def test_a_three_turn_conversation_in_the_engine(seed_engine):
    conv = Conversation()
    a1 = seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?", conv)
    a2 = seed_engine.ask("Còn Quảng Bình thì sao?", conv)
    a3 = seed_engine.ask("con Lam Dong?", conv)
    assert a1.value.text == "6,94 tỷ đồng" and a1.resolved_question is None
    assert a2.resolved_question == "Quảng Bình được bố trí bao nhiêu kinh phí?" and a2.value.text == "3,94 tỷ đồng"
    assert a3.value.text == "hơn 10 tỷ đồng"
    assert len(conv.turns) == 3 and conv.turns[1].resolved_question == a2.resolved_question
    assert conv.turns[0].frame["places"] == ["Quảng Nam"]


def test_a_carried_slot_the_evidence_does_not_match_is_not_found(seed_engine):
    conv = Conversation()
    seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?", conv)
    a = seed_engine.ask("Năm 2019 thì sao?", conv)      # the record gives only the region's 2019 total
    assert a.resolved_question and "2019" in a.resolved_question
    assert a.status == "not_found"


def test_a_passage_answer_is_quoted_exactly_with_its_span(seed_engine):
    a = seed_engine.ask("Thứ trưởng lưu ý những gì?")
    assert a.status == "answered" and a.kind == "passage"
    c = a.citations[0]
    doc = seed_engine.document(c.path)
    assert doc.text[c.start:c.end] == c.text and "lưu ý" in c.text
    assert c.highlight == (0, len(c.text))


def test_a_passage_answer_can_pass_the_default_threshold(seed_engine, monkeypatch):
    """The passage model's features could not lift any quoted sentence to the shared threshold
    (its probabilities topped out at 0.82 < 0.835), so at the default no what/how/why question
    was ever answered. With the gap to the best sentence of any other passage and the
    sentence's own coverage, the sample's clear what-questions are answered; a "why" the
    sample does not explain is still not found."""
    monkeypatch.setattr(seed_engine.cfg, "min_confidence", None)
    for question in ("Thứ trưởng lưu ý những gì?", "Các chương trình nào được triển khai?"):
        a = seed_engine.ask(question)
        assert a.status == "answered" and a.kind == "passage", question
    assert seed_engine.ask("Vì sao năm 2019 không đạt 100% kế hoạch?").status == "not_found"


def test_a_cause_is_read_with_its_marks():
    """Folded, "vị" (đơn vị) was "vì", "đó" was "do", "nền" was "nên": a resolution's list of
    communes gave the "cause" of why two communes were not merged (stated at 0.95 out of fold)."""
    from kcqa.text.lexicon import gives_cause
    assert not gives_cause("Sau khi sắp xếp, tỉnh Hà Tĩnh có 69 đơn vị hành chính cấp xã.")
    assert not gives_cause("Đó là nền tảng của ngành.")
    assert gives_cause("Giá vàng tăng do USD suy yếu.") and gives_cause("Vì thế, doanh nghiệp không dám mua.")
    assert gives_cause("gia vang tang do usd suy yeu")          # a record typed without marks


def test_a_why_is_answered_by_the_sentence_whose_effect_it_asks():
    """"Vì sao lượng khách … tăng?": "A, từ đó B" gives a cause ("từ đó đến nay" does not), and a
    sentence whose rise is its cause ("do nhu cầu … tăng cao nên hội chợ được kéo dài") explains
    something else — it was quoted at 0.85 over the sentence that answers."""
    from kcqa.ask.frame import parse_question
    from kcqa.ask.passage import _explains_another
    from kcqa.text.lexicon import cause_and_effect, gives_cause
    other = "Do nhu cầu mua sắm của người dân tăng cao nên hội chợ được kéo dài thêm hai ngày."
    answer = "Vé vào cổng được miễn phí, từ đó lượng khách tham quan tăng mạnh."
    assert gives_cause(answer) and not gives_cause("Từ đó đến nay, hội chợ được tổ chức mỗi năm.")
    assert cause_and_effect(other) == ("nhu cầu mua sắm của người dân tăng cao", "hội chợ được kéo dài thêm hai ngày.")
    # "B là do A, khiến C": the cause is between; "Bởi A …" is all cause, its effect said before
    assert cause_and_effect("Nhu cầu vàng tăng là do số ca mắc tăng mạnh đã khiến nhà đầu tư lo ngại.") == \
        ("số ca mắc tăng mạnh đã", "Nhu cầu vàng tăng là nhà đầu tư lo ngại.")
    assert cause_and_effect("Bởi lãi suất không phải là rào cản mà là do sức cầu yếu.") is None
    assert cause_and_effect("Đó là lý do cần phải tăng vốn.") is None             # "lý do" is no connective
    q = parse_question("Vì sao lượng khách tham quan hội chợ tăng mạnh?")
    assert _explains_another(q, other) and not _explains_another(q, answer)
    assert not _explains_another(parse_question("Vì sao hội chợ được kéo dài?"), other)


def test_the_default_operating_point_abstains_rather_than_guess(seed_engine, monkeypatch):
    """At the thresholds chosen on dev, the seed questions get no wrong answer; what is below
    them is said not to be in the records, with the closest figure marked as not the answer."""
    from kcqa.evaluate import judge
    from conftest import SEED_QUESTIONS, load_jsonl
    monkeypatch.setattr(seed_engine.cfg, "min_confidence", None)
    for item in load_jsonl(SEED_QUESTIONS):
        out = seed_engine.ask(item["question"]).to_json()
        ok, _ = judge(item, out)
        assert ok or out["status"] == "not_found", item["id"]
    low = seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?")
    if low.status == "not_found":
        assert any("không phải câu trả lời" in n for n in low.notes)


def test_an_unresolvable_follow_up_is_marked_as_such_not_as_missing_from_the_records(seed_engine):
    from rich.console import Console, Group
    from kcqa.render import UNRESOLVED_HEAD, answer_renderables
    ans = seed_engine.ask("Còn Quảng Bình thì sao?", Conversation())
    j = ans.to_json()
    assert j["status"] == "not_found" and j["unresolved"] is True and "trước" in j["message"]
    console = Console(width=100, record=True)
    console.print(Group(*answer_renderables(ans, passages=False)))
    assert UNRESOLVED_HEAD in console.export_text()
    assert seed_engine.ask("Đà Nẵng được bố trí bao nhiêu kinh phí?", Conversation()).to_json()["unresolved"] is False


def test_a_passage_answer_takes_the_sentence_its_connective_points_to():
    from kcqa.ask.passage import _widen
    text = ("Hành Thái Lan bán giá rẻ. Vì thế, doanh nghiệp không dám mua hành. Chi phí giảm 21%. "
            "Đây là kết quả của chuyển đổi công nghệ. Giá tăng.")
    s = text.index("Vì thế")
    a, b = _widen(text, s, text.index("hành.", s) + 5, why=True)
    assert text[a:b] == "Hành Thái Lan bán giá rẻ. Vì thế, doanh nghiệp không dám mua hành."
    s = text.index("Chi phí")
    a, b = _widen(text, s, text.index("21%.") + 4, why=True)
    assert text[a:b] == "Chi phí giảm 21%. Đây là kết quả của chuyển đổi công nghệ."
    assert _widen(text, s, text.index("21%.") + 4, why=False) == (s, text.index("21%.") + 4)


def test_there_is_the_earlier_place_and_no_word_is_cut():
    """"ở đó" (there) is the earlier place; with none, it is dropped. It was read as a noun
    phrase "… đa ở" whose head "o" was then found inside "tối": "… tối đa ối đa tiền gửi …"."""
    got = resolve("Còn lãi suất cho vay ngắn hạn tối đa ở đó là bao nhiêu?",
                  [_turn("Năm 2020 Quảng Nam có lãi suất tiền gửi tối đa là bao nhiêu?")]).question
    assert "Quảng Nam" in got and "ối" not in got.replace("tối", "")
    got = resolve("Thế lãi suất cho vay ngắn hạn tối đa ở đó là bao nhiêu?",
                  [_turn("Từ 1/10/2020 lãi suất tối đa tiền gửi kỳ hạn từ 1 tháng đến dưới 6 tháng là bao nhiêu?")])
    assert "ối" not in got.question.replace("tối", "") and " ở " not in got.question


def test_a_reference_finds_its_noun_in_an_earlier_question_and_ends_with_the_name():
    """"trường này" two turns after the school was named: the turn before ("ký túc xá …")
    does not hold the noun, the one before it does; the phrase ends with the school's name,
    not with the predicate that followed it ("… Yên Bái rộng")."""
    prev = [_turn("Trường Cao đẳng nghề Yên Bái rộng bao nhiêu ha?"), _turn("Ký túc xá có bao nhiêu chỗ?")]
    assert resolve("Hiệu trưởng trường này là ai?", prev).question == "Hiệu trưởng Trường Cao đẳng nghề Yên Bái là ai?"
    # a title that runs on in lower case ends with its years, not with its last capital
    prev = [_turn("Hội nghị tổng kết Chương trình khuyến công giai đoạn 2021-2025 ở Đà Lạt diễn ra ngày nào?")]
    assert resolve("Ai chủ trì hội nghị đó?", prev).question == (
        "Ai chủ trì Hội nghị tổng kết Chương trình khuyến công giai đoạn 2021-2025?")


def test_a_name_typed_in_lower_case_is_still_the_one_the_next_name_replaces():
    prev = [_turn("Hết tháng 3/2021, Toyota Vios bán được bao nhiêu chiếc?"),
            _turn("con hyundai accent?", "Hết tháng 3/2021, hyundai accent bán được bao nhiêu chiếc?")]
    assert resolve("Honda City thì sao?", prev).question == "Hết tháng 3/2021, Honda City bán được bao nhiêu chiếc?"


@pytest.mark.parametrize("earlier, follow, expected", [
    # "hôm đó" / "phiên đó" is the earlier day with its words, not the rest of that subject;
    # "trên HSX" is on HSX, not "the above"
    ("Tạm đóng cửa phiên sáng 27/4/2021, VN-Index còn bao nhiêu điểm?",
     "Giá trị giao dịch trên HSX sáng hôm đó đạt bao nhiêu?",
     "Giá trị giao dịch trên HSX phiên sáng 27/4/2021 đạt bao nhiêu?"),
    ("Phiên sáng 1/10/2020 cổ phiếu VCI tăng trần lên bao nhiêu?", "VN-Index phiên đó tăng bao nhiêu điểm?",
     "VN-Index Phiên sáng 1/10/2020 tăng bao nhiêu điểm?"),
    # a country takes the earlier country's place, not that of another name ("Gạo ngon nhất …")
    ("Trong cuộc thi Gạo ngon nhất thế giới, Thái Lan đoạt giải nhất mấy lần?", "Còn Campuchia?",
     "Trong cuộc thi Gạo ngon nhất thế giới, Campuchia đoạt giải nhất mấy lần?"),
    ("Theo IMF, GDP Việt Nam năm 2021 tăng bao nhiêu?", "Còn Thái Lan thì sao?",
     "Theo IMF, GDP Thái Lan năm 2021 tăng bao nhiêu?"),
    # typed without marks: a capitalised "Viet Nam", a loan name in lower case ("malaysia")
    ("Theo IMF, quy mo GDP cua Viet Nam nam 2020 la bao nhieu?", "malaysia thi sao",
     "Theo IMF, quy mo GDP cua Malaysia nam 2020 la bao nhieu?"),
    ("Theo IMF, GDP Trung Quoc nam 2021 tang bao nhieu?", "con An Do?",
     "Theo IMF, GDP Ấn Độ nam 2021 tang bao nhieu?"),
    # a longer measure phrase replaces the earlier one whole
    ("Cuối quý 1/2021, tỷ lệ nợ xấu hợp nhất của VPBank là bao nhiêu?", "tỷ lệ nợ xấu tại ngân hàng riêng lẻ thì sao",
     "Cuối quý 1/2021, tỷ lệ nợ xấu tại ngân hàng riêng lẻ của VPBank là bao nhiêu?"),
    ("Quý 1/2021 lợi nhuận gộp của Vinhomes là bao nhiêu?", "Lợi nhuận sau thuế thì sao?",
     "Quý 1/2021 lợi nhuận sau thuế của Vinhomes là bao nhiêu?"),
    # news names private people by initials ("chị L.T"): a follow-up's takes the earlier one's
    # place, beside a new place ("ở Vĩnh Phúc" for "ở Hà Nội")
    ("Chị L.T ở Hà Nội mất bao nhiêu tiền vào sàn Coolcat?", "Còn anh M.H ở Vĩnh Phúc?",
     "Anh M.H ở Vĩnh Phúc mất bao nhiêu tiền vào sàn Coolcat?"),
    ("Theo thanh tra, ông P.T.V. phải hoàn trả bao nhiêu tiền?", "con ba N.L.N.H thi sao?",
     "Theo thanh tra, ba N.L.N.H phải hoàn trả bao nhiêu tiền?"),
    # a member of a class in another member's place: a level of schooling, a side of the country
    ("Năm 2020 Quảng Nam có bao nhiêu người học trình độ cao đẳng?", "con trung cap?",
     "Năm 2020 Quảng Nam có bao nhiêu người học trình độ trung cap?"),
    ("Giá đất công nghiệp tại phía Bắc đã đạt mức bao nhiêu?", "Còn phía Nam?",
     "Giá đất công nghiệp tại phía Nam đã đạt mức bao nhiêu?"),
    # a title in another title's place ("Còn tổng giám đốc?" had replaced "Chủ" as if it were a name)
    ("Ai là Chủ tịch PVcomBank?", "Con tong giam doc?", "Ai là tong giam doc PVcomBank?"),
    # a side of where members come from ("trong tỉnh" / "ngoài tỉnh", "trong nước" / "nước ngoài")
    ("Có bao nhiêu doanh nghiệp trong tỉnh tham gia hội chợ năm 2023?", "Con doanh nghiep ngoai tinh?",
     "Có bao nhiêu doanh nghiệp ngoai tinh tham gia hội chợ năm 2023?"),
    ("Năm 2023 Bình Dương đón bao nhiêu lượt khách nước ngoài?", "Còn khách trong nước?",
     "Năm 2023 Bình Dương đón bao nhiêu lượt khách trong nước?"),
    # members joined into one phrase ("cao đẳng - trung cấp", "công nghiệp và xây dựng") are
    # replaced whole, and a member leading a coordination takes its place with the rest of it
    ("Giai đoạn 2021-2025 sẽ đào tạo bao nhiêu lao động trình độ cao đẳng - trung cấp?", "Còn sơ cấp?",
     "Giai đoạn 2021-2025 sẽ đào tạo bao nhiêu lao động trình độ sơ cấp?"),
    ("Khu vực công nghiệp và xây dựng tăng bao nhiêu?", "Còn dịch vụ?", "Khu vực dịch vụ tăng bao nhiêu?"),
    ("Giai đoạn 2021-2025 đào tạo trình độ cao đẳng - trung cấp là bao nhiêu?",
     "con so cap va cac chuong trinh dao tao khac?",
     "Giai đoạn 2021-2025 đào tạo trình độ so cap va cac chuong trinh dao tao khac là bao nhiêu?"),
])
def test_a_follow_ups_slot_takes_the_place_of_the_earlier_one(earlier, follow, expected):
    assert resolve(follow, [_turn(earlier)]).question == expected


@pytest.mark.parametrize("earlier, follow", [
    ("Quảng Nam được bố trí bao nhiêu kinh phí?", "Còn các chương trình khuyến công khác?"),
    ("Năm 2020 Trung tâm đào tạo bao nhiêu học viên trình độ cao đẳng?", "con cac chuong trinh boi duong ngan han?"),
])
def test_a_rewrite_that_no_longer_asks_anything_is_not_answered_with_a_passage(earlier, follow):
    """Glued to the earlier subject, "… các chương trình khuyến công khác?" asks nothing: it reads
    as a what-question only by the noun it holds, and a sentence was quoted for it at 0.92."""
    r = resolve(follow, [_turn(earlier)])
    assert r.unresolvable and not r.resolved


@pytest.mark.parametrize("earlier, follow, expected", [
    ("Hội nghị khuyến công khu vực miền Trung - Tây Nguyên lần thứ XII tổ chức ở đâu?",
     "Hội nghị có bao nhiêu đại biểu tham dự?",
     "Hội nghị khuyến công khu vực miền Trung - Tây Nguyên lần thứ XII có bao nhiêu đại biểu tham dự?"),
    ("Xưởng may của Quý tạo việc làm cho bao nhiêu công nhân?", "Xưởng đã vận hành được bao lâu?",
     "Xưởng may của Quý đã vận hành được bao lâu?"),
    # "Công" of "Công ty Vinaxuki" is no name of its own ("Công ty Công lãi …")
    ("Quý 1/2021 Công ty Vinaxuki bán được bao nhiêu xe tải?", "Công ty lãi bao nhiêu?",
     "Công ty Vinaxuki lãi bao nhiêu quý 1/2021?"),
])
def test_a_follow_up_opening_with_the_bare_head_noun_refers_to_the_thing_named_before(earlier, follow, expected):
    """"Hội nghị có bao nhiêu đại biểu?" is "hội nghị đó": it had been glued after the earlier
    subject ("Tây Nguyên hội nghị có …", "Xưởng may … cho công nhân xưởng đã …")."""
    assert resolve(follow, [_turn(earlier)]).question == expected


@pytest.mark.parametrize("earlier, follow", [
    ("Sở Công Thương Quảng Nam có bao nhiêu cán bộ?", "Sở Công Thương Quảng Nam có bao nhiêu phòng?"),
    ("hieu truong truong nay ten gi?", "Trường đã ký hợp đồng với bao nhiêu doanh nghiệp?"),
    ("Hội nghị khuyến công lần thứ XII tổ chức ở đâu?", "truong da duoc nhan nhung khen thuong gi?"),
])
def test_a_head_noun_that_names_its_own_or_nothing_named_before_is_no_reference(earlier, follow):
    """The same words after the noun, a reference after it in the earlier question ("trường
    này"), or one unmarked syllable ("truong": trường or trưởng) refer to nothing new."""
    assert "đó" not in resolve(follow, [_turn(earlier)]).question


@pytest.mark.parametrize("earlier, follow, expected", [
    # "dầu" is no "đâu" where the marks are typed; the province and the tonnes stay
    ("Hà Tĩnh gạo bao nhiêu tấn năm 2021?", "Còn dầu ăn?", "Hà Tĩnh dầu ăn bao nhiêu tấn năm 2021?"),
    ("Năm 2021 Hà Tĩnh dự trữ bao nhiêu tấn gạo?", "Còn dầu ăn?", "Năm 2021 Hà Tĩnh dự trữ bao nhiêu tấn dầu ăn?"),
    # the measure stays, of the new thing
    ("Năm 2020 sản lượng xi măng đạt bao nhiêu tấn?", "Còn thép?", "Năm 2020 sản lượng thép đạt bao nhiêu tấn?"),
])
def test_a_new_thing_takes_the_place_of_the_thing_not_of_its_unit_or_province(earlier, follow, expected):
    """"Còn dầu ăn?" had been unresolvable ("dau" read as "đâu"), and a thing took the place of
    "tấn" ("bao nhiêu thép") or of the province with it."""
    assert resolve(follow, [_turn(earlier)]).question == expected


def test_now_is_no_reference_to_an_earlier_turn():
    """"Đến nay …", "Hiện nay …" had been read as "… này": a first question starting so was
    refused as a follow-up with nothing before it."""
    for q in ("Đến nay Cao Bằng có bao nhiêu sản phẩm OCOP 3 sao?", "hien nay tinh co bao nhieu xa"):
        assert not resolve(q, []).unresolvable
    assert resolve("Tỉnh này có bao nhiêu xã?", []).unresolvable


@pytest.mark.parametrize("follow, expected", [
    ("Cái thứ ba?", "Vấn đề thứ ba được thảo luận tại hội nghị là gì?"),
    ("thu tu thi sao", "Vấn đề thứ tư được thảo luận tại hội nghị là gì?"),
    ("Còn mục thứ hai?", "Vấn đề thứ hai được thảo luận tại hội nghị là gì?"),
])
def test_another_ordinal_asks_another_item_of_the_same_list(follow, expected):
    """"Cái thứ ba?" had taken the place of "Vấn đề thứ nhất" whole, and without "vấn đề" no item
    of the list was asked any more."""
    assert resolve(follow, [_turn("Vấn đề thứ nhất được thảo luận tại hội nghị là gì?")]).question == expected


@pytest.mark.parametrize("follow", ["còn cụm bắc nghĩa", "Còn cụm Bắc Nghĩa?"])
def test_a_name_typed_with_its_short_type_noun_takes_the_name_s_place_once(follow):
    """"Cụm công nghiệp cụm bắc nghĩa": the type noun was written twice and the name in lower case."""
    prev = [_turn("Cụm công nghiệp Thuận Đức ở Quảng Bình rộng bao nhiêu ha?")]
    assert resolve(follow, prev).question == "Cụm công nghiệp Bắc Nghĩa ở Quảng Bình rộng bao nhiêu ha?"


def test_a_follow_up_that_says_what_it_measures_takes_only_the_earlier_subject():
    """"Ngôi nhà đó rộng bao nhiêu?" after a price asks an area: it does not take "giá" along
    (nor, asking a time, "hồ sơ"); a person the earlier turn quoted is not the new subject."""
    price = [_turn("Năm 2011 Zuckerberg mua ngôi nhà ở Palo Alto với giá bao nhiêu?")]
    got = resolve("Ngôi nhà đó rộng bao nhiêu?", price).question
    assert "rộng bao nhiêu" in got and "giá" not in got and "2011" in got
    quoted = [_turn("Theo ông Vũ Bá Phú, đã có bao nhiêu hồ sơ đăng ký thương hiệu gạo ST25 nộp ở Mỹ?")]
    got = resolve("Quy trình xét duyệt mất bao lâu?", quoted).question
    assert "mất bao lâu" in got and "hồ sơ" not in got and "Vũ Bá Phú" not in got


def test_a_follow_up_knows_whether_it_replaced_or_only_added():
    base = [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")]
    assert resolve("Còn Quảng Bình thì sao?", base).substituted
    assert not resolve("Năm 2020 thì sao?", base).substituted


def test_a_new_name_takes_the_place_of_the_earlier_name_of_its_shape():
    """A code ("K2800") replaces the code of the earlier question, not the company beside it,
    and a type noun written twice ("xe tải … Xe tải K2800") is written once."""
    prev = [{"question": "Công ty Vinaxuki bán được bao nhiêu xe tải K3500 trong năm 2020?",
             "resolved_question": None, "frame": {"kind": "count"}, "answer": {}}]
    got = resolve("Còn K2800?", prev).question
    assert "Vinaxuki" in got and "K2800" in got and "K3500" not in got
    got = resolve("Xe tải K2800 thì sao?", prev).question
    assert fold(got).count("xe tai") == 1 and "K2800" in got and "Vinaxuki" in got


def test_a_document_reference_takes_the_document_an_earlier_answer_cites():
    prev = [{"question": "Tỉnh nào được hỗ trợ kinh phí khuyến công nhiều nhất?", "resolved_question": None,
             "frame": {"kind": "place"},
             "answer": {"status": "answered", "answer": {"text": "tỉnh Lâm Đồng"},
                        "citations": [{"metadata": {"title": "Nghị quyết số 12/2021/NQ-HĐND về khuyến công"}}]}}]
    got = resolve("Nghị quyết này ban hành ngày nào?", prev)
    assert got.resolved and got.question.startswith("Nghị quyết số 12/2021/NQ-HĐND")
    prev[0]["answer"]["citations"] = [{"metadata": {"title": "Báo cáo tổng kết năm 2021"}}]
    assert resolve("Nghị quyết này ban hành ngày nào?", prev).unresolvable     # no such document cited


@pytest.mark.parametrize("earlier, follow, expected", [
    # a period of its own ("cuối năm") replaces the earlier period whole, not only its year
    ("Cuối quý 1/2021, tỷ lệ nợ xấu tại ngân hàng riêng lẻ VPBank là bao nhiêu?", "Cuối năm 2020 thì sao?",
     "Cuối năm 2020, tỷ lệ nợ xấu tại ngân hàng riêng lẻ VPBank là bao nhiêu?"),
    ("Quý 1/2021 lợi nhuận của VPBank là bao nhiêu?", "cuoi nam 2020 thi sao",
     "Cuoi nam 2020 lợi nhuận của VPBank là bao nhiêu?"),
    # inside a date only the year changes
    ("Lỗ lũy kế của Hoàng Anh Gia Lai tại ngày 31/12/2020 là bao nhiêu?", "Cuối năm 2019 thì sao?",
     "Lỗ lũy kế của Hoàng Anh Gia Lai tại ngày 31/12/2019 là bao nhiêu?"),
    # a bare year keeps the earlier kind of period
    ("Quý 1/2021 lợi nhuận của VPBank là bao nhiêu?", "Năm 2020 thì sao?",
     "Quý 1/2020 lợi nhuận của VPBank là bao nhiêu?"),
    # a period without its year keeps the earlier year ("Lũy kế 7 tháng thì sao?" had been
    # unresolvable, no period read, and "6 tháng đầu năm" lost 2021)
    ("Tháng 7/2018 tổng mức bán lẻ của Hải Dương ước đạt bao nhiêu?", "Lũy kế 7 tháng thì sao?",
     "Lũy kế 7 tháng năm 2018 tổng mức bán lẻ của Hải Dương ước đạt bao nhiêu?"),
    ("Quý 1/2021 lợi nhuận gộp của Vinhomes là bao nhiêu?", "6 tháng đầu năm thì sao?",
     "6 tháng đầu năm 2021 lợi nhuận gộp của Vinhomes là bao nhiêu?"),
])
def test_a_period_named_whole_replaces_the_earlier_period(earlier, follow, expected):
    assert resolve(follow, [_turn(earlier)]).question == expected


@pytest.mark.parametrize("earlier, follow, expected", [
    # a day replaces the earlier day, with its word when the follow-up gives one
    ("Phiên 27/4 VN-Index tăng bao nhiêu điểm?", "Phiên 28/4 thì sao?", "Phiên 28/4 VN-Index tăng bao nhiêu điểm?"),
    ("Phiên 27/4 VN-Index tăng bao nhiêu điểm?", "Còn 28/4?", "Phiên 28/4 VN-Index tăng bao nhiêu điểm?"),
    ("Sáng 24/4, giá bán vàng SJC ở Hà Nội là bao nhiêu?", "chieu 24/4 thi sao",
     "Chieu 24/4, giá bán vàng SJC ở Hà Nội là bao nhiêu?"),
    # and changes along with another slot; a question that named no day gets one
    ("Phiên 27/4 VN-Index tăng bao nhiêu điểm?", "Còn VN30-Index phiên 28/4?",
     "Phiên 28/4 VN30-Index tăng bao nhiêu điểm?"),
    ("Giá vàng SJC tại Hà Nội là bao nhiêu?", "Sáng 24/4 thì sao?", "Giá vàng SJC tại Hà Nội là bao nhiêu sáng 24/4?"),
])
def test_a_day_named_in_a_follow_up_replaces_the_earlier_day(earlier, follow, expected):
    r = resolve(follow, [_turn(earlier)])
    assert r.resolved and r.question == expected


def test_an_acronym_taking_the_earlier_measures_place_keeps_its_capitals():
    r = resolve("con GDP?", [_turn("Quý I/2021 xuất khẩu của Việt Nam tăng bao nhiêu?")])
    assert r.question == "Quý I/2021 GDP của Việt Nam tăng bao nhiêu?"


def test_a_new_measure_takes_the_earlier_measures_tong_with_it():
    r = resolve("Tỷ lệ nợ xấu thì sao?", [_turn("Quý 1/2021 tổng lợi nhuận của VPBank tăng bao nhiêu so với cùng kỳ?")])
    assert r.question == "Quý 1/2021 tỷ lệ nợ xấu của VPBank tăng bao nhiêu so với cùng kỳ?"


@pytest.mark.parametrize("earlier, follow, expected", [
    ("Theo Nghị quyết 60-NQ/TW, tỉnh Quảng Bình hợp nhất với tỉnh nào?", "Trung tâm hành chính đặt ở tỉnh nào?",
     "Trung tâm hành chính của tỉnh Quảng Bình đặt ở tỉnh nào?"),
    ("Vinhomes đạt doanh thu bao nhiêu trong quý 1/2021?", "Trụ sở đặt ở đâu?", "Trụ sở của Vinhomes đặt ở đâu?"),
])
def test_something_owned_asked_without_its_owner_belongs_to_the_earlier_subject(earlier, follow, expected):
    r = resolve(follow, [_turn(earlier, kind="place")])
    assert r.resolved and r.question == expected


def test_a_unit_is_answered_with_the_larger_units_written_after_it():
    """"bản Phì Cao, xã Phình Giàng, huyện Điện Biên Đông": a location as the record writes it,
    the settlement alone inside it; a list or a sentence going on is not taken along."""
    from kcqa.ask.entities import _with_enclosing
    text = "Lễ khánh thành tại bản Phì Cao, xã Phình Giàng, huyện Điện Biên Đông, tỉnh Điện Biên đã diễn ra."
    s = text.index("bản Phì Cao")
    a, b = _with_enclosing(text, (s, s + len("bản Phì Cao")))
    assert text[a:b] == "bản Phì Cao, xã Phình Giàng, huyện Điện Biên Đông, tỉnh Điện Biên"
    text = "gồm xã Tam Hải, Tam Hiệp và huyện Núi Thành"
    s = text.index("xã Tam Hải")
    assert _with_enclosing(text, (s, s + len("xã Tam Hải"))) == (s, s + len("xã Tam Hải"))


def test_a_place_asked_for_is_still_not_inherited():
    assert not resolve("Tỉnh nào đăng cai hội nghị?", [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")]).resolved


@pytest.mark.parametrize("text,name,whole", [
    ("cá hồi Sa Pa được nuôi tại bản Khoang (Sa Pa)", "Khoang", "bản Khoang"),
    ("sáp nhập vào xã Sơn Kim 1 của huyện", "Sơn Kim", "xã Sơn Kim 1"),
    ("người dân ấp Tân Lập đã", "Tân Lập", "ấp Tân Lập"),
    ("theo văn bản Hướng dẫn của Bộ", "Hướng", "Hướng"),        # "văn bản" is no village
    # what a record writes between the type noun and the name stays with them
    ("tổ chức phiên chợ tại huyện biên giới Ngọc Hồi để", "Ngọc Hồi", "huyện biên giới Ngọc Hồi"),
])
def test_a_place_name_keeps_its_type_word_villages_included(text, name, whole):
    from kcqa.ask.entities import _with_type_noun
    s = text.index(name)
    a, b = _with_type_noun(text, (s, s + len(name)))
    assert text[a:b] == whole


@pytest.mark.parametrize("follow,expected", [
    ("Lạm phát thì sao?", "ADB dự báo lạm phát Việt Nam tăng bao nhiêu trong năm 2021?"),
    ("Còn dịch vụ?", "ADB dự báo dịch vụ Việt Nam tăng bao nhiêu trong năm 2021?"),
    ("Năm 2022?", "ADB dự báo công nghiệp Việt Nam tăng bao nhiêu trong năm 2022?"),
])
def test_a_sector_is_the_slot_a_new_measure_or_sector_takes(follow, expected):
    """"công nghiệp" is no measure, but a follow-up's measure or sector stands in its place,
    not at the end of the question ("… trong năm 2021 lạm phát?")."""
    r = resolve(follow, [_turn("ADB dự báo công nghiệp Việt Nam tăng bao nhiêu trong năm 2021?")])
    assert r.resolved and r.question == expected


@pytest.mark.parametrize("question,countries", [
    ("GDP Trung Quốc năm 2022 tăng bao nhiêu?", {"Trung Quốc"}),
    ("GDP Trung Quoc nam 2022 tang bao nhieu", {"Trung Quốc"}),     # unaccented, capitalised
    ("An Do nhap khau bao nhieu tan vang", {"Ấn Độ"}),
    ("an do xuat khau bao nhieu", set()),                            # lower case: could be any words
    ("Doanh số mỹ phẩm tăng bao nhiêu?", set()),                     # "mỹ phẩm" is not "Mỹ"
    # a one-syllable country opening a place's name is not the country: "Lào Cai", "Nga Sơn"
    ("Năm 2017 Lào Cai có bao nhiêu dự án thủy điện?", set()),
    ("Xuất khẩu sang Lào năm 2017 đạt bao nhiêu?", {"Lào"}),
    ("Huyện Nga Sơn xuất khẩu sang Nga bao nhiêu?", {"Nga"}),
    ("Tổng thống Mỹ Donald Trump áp thuế bao nhiêu?", {"Mỹ"}),      # not a Vietnamese syllable after it
])
def test_countries_a_question_names(question, countries):
    from kcqa.ask.candidates import countries_asked
    assert countries_asked(question) == countries


def test_a_name_of_capitalised_words_keeps_its_capitals_and_a_longer_one_stands_in_for_it():
    """"Còn Standard Chartered …" had become "GDP standard Chartered …"; a lower-case name of
    four syllables after "thì sao" takes the earlier organisation's place ("ngân hàng thế giới"
    had been glued on, "thì sao" and all: "Chartered GDP ngân hàng thế giới thì sao năm 2021?");
    what cannot stand in for anything is said to be unclear, not answered."""
    prev = [_turn("IMF dự báo GDP Việt Nam năm 2021 tăng trưởng bao nhiêu?")]
    r = resolve("Còn Standard Chartered dự báo bao nhiêu?", prev)
    assert "Standard Chartered" in r.question
    prev.append(_turn("Còn Standard Chartered dự báo bao nhiêu?", r.question))
    r = resolve("ngân hàng thế giới thì sao?", prev)
    assert r.resolved and "ngân hàng thế giới" in r.question and "Chartered" not in r.question
    r = resolve("dự báo của các tổ chức khác thì sao?", prev)
    assert not r.resolved and r.unresolvable


@pytest.mark.parametrize("text,kind,unit_kind,units", [
    ("Quảng Nam trình độ cao đẳng bao nhiêu người năm 2020?", "count", "count", None),   # not a height
    ("Sau bao nhiêu năm thì hoàn vốn?", "figure", "duration", None),                      # not a depth
    ("Hầm sâu bao nhiêu mét?", "count", "count", {"km", "m", "cm", "mm", "dặm"}),
    ("Lâm Đồng được bố trí bao nhiêu?", "figure", None, None),                            # "Đồng" is no money
    ("Chỉ số IIP vùng Đồng bằng Bắc Bộ tăng bình quân bao nhiêu?", "figure", None, None),
    ("Tổng mức bán lẻ hàng hóa của Đồng Nai năm 2011 đạt bao nhiêu?", "amount", "money", None),   # a sum of money
])
def test_words_inside_other_words_ask_no_unit(text, kind, unit_kind, units):
    from kcqa.ask.frame import parse_question
    q = parse_question(text)
    assert (q.kind, q.unit_kind, q.units) == (kind, unit_kind, units)


def test_a_noun_with_nay_is_the_earlier_question_s_one_subject_or_the_answer_it_asked_for():
    """"Ai là chủ tịch UBND thị xã này?" after a question about Vĩnh Châu (named without
    "thị xã"); "Xe đó …" after "… là xe nào?" is that answer's, and with no answer there is
    nothing to go on (the earlier subject would be the wrong car)."""
    r = resolve("Ai là chủ tịch UBND thị xã này?",
                [_turn("Sau gần 10 ngày phát động, Vĩnh Châu tiêu thụ được bao nhiêu tấn hành tím?")])
    assert r.resolved and r.question == "Ai là chủ tịch UBND thị xã Vĩnh Châu?"
    prev = [_turn("3 tháng đầu năm 2021 Toyota Innova bán được bao nhiêu chiếc?"),
            _turn("Đối thủ chính của mẫu xe này là xe nào?", "Đối thủ chính của mẫu xe Toyota Innova là xe nào?",
                  kind="named")]
    assert not resolve("Xe đó 3 tháng đầu năm bán được bao nhiêu chiếc?", prev).resolved
    prev[-1] = _turn("Đối thủ chính của mẫu xe này là xe nào?", "Đối thủ chính của mẫu xe Toyota Innova là xe nào?",
                     kind="named", answer_text="Xpander")
    assert "Xpander" in resolve("Xe đó 3 tháng đầu năm bán được bao nhiêu chiếc?", prev).question


@pytest.mark.parametrize("follow", ["Cả nước thì tăng bao nhiêu?", "Cả nước thì sao?", "Còn cả nước?",
                                    "Cả nước tăng bao nhiêu?", "Ca nuoc tang bao nhieu?"])
def test_a_whole_territory_asked_instead_replaces_the_earlier_province(follow):
    """"Cả nước thì tăng bao nhiêu?" asks the earlier measure and period of the whole country (it
    stood alone and lost both; "Còn cả nước?" was unresolvable). Without "thì", a scope asked only
    how much it changed ("Cả nước tăng bao nhiêu?") is the same follow-up."""
    prev = [_turn("Kim ngạch xuất khẩu 6 tháng đầu năm 2022 của tỉnh Gia Lai tăng bao nhiêu?", answer_text="12%")]
    assert fold(resolve(follow, prev).question) == fold("Kim ngạch xuất khẩu 6 tháng đầu năm 2022 của cả nước tăng bao nhiêu?")
    # a question of its own about the country is not rewritten: a thing counted, a measure named
    for own in ("Cả nước có bao nhiêu tỉnh?", "Cả nước nhập khẩu tăng bao nhiêu?"):
        assert resolve(own, prev).question == own


@pytest.mark.parametrize("follow, base", [("So với cùng kỳ thì thế nào?", "cùng kỳ"),
                                          ("Còn so với năm 2021 thì sao?", "năm 2021"),
                                          ("so voi cung ky thi sao?", "cung ky")])
def test_how_it_stands_against_a_base_asks_the_change_either_way(follow, base):
    """"So với cùng kỳ thì thế nào?" after "… sản xuất được bao nhiêu dầu diesel?" asks how much the
    figure rose or fell against that base ("Không rõ «So với cùng kỳ» thay cho điều gì …" before)."""
    prev = [_turn("9 tháng năm 2022 Thanh Hóa sản xuất được bao nhiêu dầu diesel?", answer_text="3.157 nghìn tấn")]
    assert resolve(follow, prev).question == \
        f"9 tháng năm 2022 Thanh Hóa sản xuất dầu diesel tăng hay giảm bao nhiêu so với {base}?"


def test_the_whole_region_after_a_question_about_the_region_is_that_region():
    """"Cả vùng thì đạt bao nhiêu phần trăm kế hoạch?" after the region's total asks the share of
    that total (it was "Tây Nguyên cả vùng thì đạt …")."""
    prev = [_turn("Năm 2019 tổng kinh phí khuyến công của miền Trung - Tây Nguyên là bao nhiêu?",
                  answer_text="64,47 tỷ đồng")]
    assert resolve("Cả vùng thì đạt bao nhiêu phần trăm kế hoạch?", prev).question == (
        "Năm 2019 tổng kinh phí khuyến công của miền Trung - Tây Nguyên đạt bao nhiêu phần trăm kế hoạch?")


@pytest.mark.parametrize("follow, expected", [
    ("Còn khuyến công quốc gia?", "Năm 2022 tỉnh Quảng Trị bố trí bao nhiêu kinh phí khuyến công quốc gia?"),
    ("Còn KCQG?", "Năm 2022 tỉnh Quảng Trị bố trí bao nhiêu kinh phí KCQG?"),
    ("Còn khuyến công quốc gia năm 2023?", "Năm 2023 tỉnh Quảng Trị bố trí bao nhiêu kinh phí khuyến công quốc gia?"),
])
def test_another_source_of_money_takes_the_earlier_sources_place(follow, expected):
    """A source of money is a class of its own: "Còn KCQG?" is not a name in the province's stead
    (it was "Năm 2022 KCQG bố trí …"), nor "Còn khuyến công quốc gia?" a question without its verb."""
    prev = [_turn("Năm 2022 tỉnh Quảng Trị bố trí bao nhiêu kinh phí khuyến công địa phương?", answer_text="2,5 tỷ đồng")]
    assert resolve(follow, prev).question == expected


@pytest.mark.parametrize("follow, level, year", [("Cấp khu vực thì sao?", "cấp khu vực", "2023"),
                                                 ("Còn cấp quốc gia năm 2022?", "cấp quốc gia", "2022")])
def test_another_level_of_a_selection_takes_the_earlier_levels_place(follow, level, year):
    prev = [_turn("Có bao nhiêu sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2023?",
                  answer_text="25 sản phẩm")]
    assert resolve(follow, prev).question == (
        f"Có bao nhiêu sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu {level} năm {year}?")


@pytest.mark.parametrize("follow, branch", [("Còn ngành sản xuất và phân phối điện?", "sản xuất và phân phối điện"),
                                            ("Còn khai khoáng?", "khai khoáng")])
def test_another_industry_branch_takes_the_branch_asked_not_the_measures_sector(follow, branch):
    """The statistics office's branches of industry are siblings; the branch replaced is the one
    named after "ngành", not the "công nghiệp" of "giá trị sản xuất công nghiệp" (it was
    "giá trị sản xuất khai khoáng ngành chế biến, chế tạo"), and "tăng bao nhiêu" stays."""
    prev = [_turn("Giá trị sản xuất công nghiệp năm 2023 của tỉnh Kon Tum đạt bao nhiêu?", answer_text="10.000 tỷ đồng"),
            _turn("Ngành chế biến, chế tạo tăng bao nhiêu?", answer_text="5%",
                  resolved="Tỉnh Kon Tum giá trị sản xuất công nghiệp ngành chế biến, chế tạo tăng bao nhiêu năm 2023?")]
    assert resolve(follow, prev).question == (
        f"Tỉnh Kon Tum giá trị sản xuất công nghiệp ngành {branch} tăng bao nhiêu năm 2023?")


def test_a_subject_ends_before_its_estimate_and_a_label_is_no_subject():
    """"… năm 2024 ước đạt bao nhiêu?" then "Tăng bao nhiêu so với cùng kỳ?": the subject ends
    before "ước" (it was "… năm 2024 ước tăng bao nhiêu …"); "giải C" asked before is a label,
    not a subject to glue to the next question (it was "C sản phẩm đăng ký …")."""
    prev = [_turn("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của Gia Lai 9 tháng năm 2024 ước đạt bao nhiêu?",
                  answer_text="43.873 tỷ đồng")]
    assert resolve("Tăng bao nhiêu so với cùng kỳ?", prev).question == (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của Gia Lai 9 tháng năm 2024 tăng bao nhiêu so với cùng kỳ?")
    prev = [_turn("Cơ cấu giải thưởng có bao nhiêu giải C?", kind="count", answer_text="6 giải")]
    assert not resolve("Còn sản phẩm đăng ký đến từ bao nhiêu huyện?", prev).question.startswith("C ")


def test_figures_listed_side_by_side_share_what_follows_the_last(tmp_path):
    """"54 xã, 09 phường hình thành sau sắp xếp": the predicate is the 54 communes' too; cut at
    the comma, "54 xã" said nothing and "01 xã không thực hiện sắp xếp" answered "Có bao nhiêu xã
    … hình thành sau sắp xếp?". A decimal comma lists nothing."""
    from kcqa.ask.features import clause
    from kcqa.extract.figures import extract_figures
    from kcqa.read import read_document
    record = tmp_path / "nghi-quyet.txt"
    record.write_text("Sau khi sắp xếp, tỉnh Cà Mau có 64 đơn vị hành chính cấp xã; trong đó có 54 xã, 09 phường "
                      "hình thành sau sắp xếp và 01 xã không thực hiện sắp xếp.\nVàng SJC niêm yết tại 55,2 - 55,65 "
                      "triệu đồng/lượng, giảm 200.000 đồng.\n", encoding="utf-8")
    figures = {f.text: f for f in extract_figures(read_document(record))}
    assert "hình thành sau sắp xếp" in clause(figures["54 xã"])
    assert "giảm" not in clause(next(f for t, f in figures.items() if t.startswith("55,2")))


@pytest.mark.parametrize("earlier,follow,expected", [
    # "đơn vị này" is the body named before, whole, and not "đơn vị Tập đoàn …" (it had been read as
    # "vì" + "này", no reference, and the question glued after the earlier one up to "bao nhiêu công")
    ("7 tháng năm 2020 Tập đoàn Điện lực Việt Nam hoàn thành đóng điện bao nhiêu công trình lưới điện 110 - 500 kV?",
     "Đơn vị này khởi công được bao nhiêu công trình?",
     "Tập đoàn Điện lực Việt Nam khởi công được bao nhiêu công trình 7 tháng năm 2020?"),
    ("Năm 2020 Hòa Phát lãi bao nhiêu?", "Tập đoàn này có bao nhiêu lao động?",
     "Tập đoàn Hòa Phát có bao nhiêu lao động năm 2020?"),
    # a body of a kind the earlier question named no name of: the province's
    ("Tổng kinh phí Chương trình 30a hỗ trợ điện cho các huyện nghèo ở Lai Châu là bao nhiêu?",
     "Đoàn công tác làm việc với công ty điện lực này đến từ đơn vị nào?",
     "Ở Lai Châu, đoàn công tác làm việc với công ty điện lực này đến từ đơn vị nào?"),
    # "vì vậy" refers to nothing
    ("Năm 2019 tổng kinh phí khuyến công là bao nhiêu?", "Vì vậy năm 2020 thì sao?",
     "Năm 2020 tổng kinh phí khuyến công là bao nhiêu?"),
])
def test_a_body_referred_to_is_the_body_named_before(earlier, follow, expected):
    r = resolve(follow, [_turn(earlier)])
    assert r.resolved and r.question == expected


def test_a_long_counted_noun_is_carried_whole():
    """"bao nhiêu người tham gia bán hàng đa cấp" counts seven words: a follow-up about its change
    had lost "cấp" ("… bán hàng đa so với cuối năm 2018 …")."""
    r = resolve("So với cuối năm 2018 tăng hay giảm bao nhiêu?",
                [_turn("Năm 2019 có bao nhiêu người tham gia bán hàng đa cấp?")])
    assert r.resolved and "bán hàng đa cấp so với cuối năm 2018" in r.question


def test_a_person_referred_to_is_the_holder_of_the_title_named_before():
    """"Ông ấy là ai?" after "Theo Chủ tịch VFA, …" names no one, but a title the person holds:
    "Chủ tịch VFA là ai …?" (it was unresolved); after a question naming neither, still unresolved."""
    r = resolve("Ông ấy là ai?", [_turn("Theo Chủ tịch VFA, năm 2013 lượng gạo hàng hóa trong nước dự tính khoảng "
                                        "bao nhiêu?")])
    assert r.resolved and r.question.startswith("Chủ tịch VFA là ai")
    assert resolve("Ông ấy là ai?", [_turn("Năm 2020 Hòa Phát lãi bao nhiêu?")]).unresolvable


def test_a_trade_balance_is_a_measure_of_its_own():
    """"thặng dư thương mại", "nhập siêu" are measures: a follow-up naming one takes the earlier
    measure's place ("… kim ngạch xuất khẩu … thặng dư thương mại …" had been glued)."""
    assert resolve("Còn nhập siêu?", [_turn("Năm 2020 kim ngạch xuất khẩu của Việt Nam đạt bao nhiêu?")]).question \
        == "Năm 2020 nhập siêu của Việt Nam đạt bao nhiêu?"
    assert "kim ngạch" not in resolve("năm 2018 thặng dư thương mại đạt bao nhiêu", [
        _turn("Theo VITAS, năm 2019 kim ngạch xuất khẩu dệt may tăng bao nhiêu phần trăm so với năm 2018?")]).question


def test_a_measure_with_a_sector_in_its_name_is_another_measure_not_another_sector():
    """"Còn chỉ số sản xuất công nghiệp?" after a retail question about goods and services asks
    the index of production; its "công nghiệp" had been swapped for "dịch vụ", asking "tổng mức
    bán lẻ hàng hóa công nghiệp". A sector alone is still swapped."""
    turns = [_turn("Năm 2021, tổng mức bán lẻ hàng hóa dịch vụ của Hưng Yên ước đạt bao nhiêu?")]
    for follow in ("Còn chỉ số sản xuất công nghiệp?", "Con chi so san xuat cong nghiep?"):
        asked = fold(resolve(follow, turns).question)
        assert "chi so san xuat cong nghiep" in asked and "ban le" not in asked and "hung yen" in asked.lower()
    sector = [_turn("Giá trị sản xuất ngành công nghiệp của tỉnh Bình Định năm 2022 đạt bao nhiêu?")]
    assert "ngành dịch vụ" in resolve("Còn dịch vụ?", sector).question


def test_another_measure_after_an_index_change_asks_its_level():
    """An index is told by its change ("chỉ số sản xuất công nghiệp tăng bao nhiêu?"); "Còn giá
    trị hàng hóa xuất khẩu?" after it asks that value, not its change. Its words had also been
    taken for a sector of "ngành Công Thương …", dropping the province."""
    turns = [_turn("Năm 2026, ngành Công Thương Sơn La phấn đấu chỉ số sản xuất công nghiệp tăng bao nhiêu so với "
                   "năm 2025?")]
    asked = resolve("Còn giá trị hàng hóa tham gia xuất khẩu?", turns).question
    assert "giá trị hàng hóa tham gia xuất khẩu đạt bao nhiêu" in asked and "Sơn La" in asked and "tăng" not in asked
    # a measure that is not an index keeps the change asked
    own = [_turn("ADB dự báo xuất khẩu của Việt Nam tăng bao nhiêu trong năm 2021?")]
    assert "tăng bao nhiêu" in resolve("Còn nhập khẩu?", own).question


def test_a_question_typed_with_marks_reads_do_as_by_not_that():
    """"… lần thứ VIII do Bộ Công Thương phối hợp với tỉnh nào tổ chức?" opens a conversation: its
    "do" (by) had been read as "đó" (that), so the first question was refused as a follow-up with
    nothing before it. Typed without marks, "hoi nghi do" still refers back."""
    first = "Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ VIII do Bộ Công Thương phối hợp " \
            "với tỉnh nào tổ chức?"
    assert not resolve(first, []).unresolvable
    assert resolve("hoi nghi do to chuc o dau?", []).unresolvable
    # "hội nghị đó" after it is the meeting named whole, past "tỉnh, thành phố"
    asked = resolve("Thứ trưởng nào dự hội nghị đó?", [_turn(first, kind="place", answer_text="Thanh Hóa")]).question
    assert "Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ VIII" in asked


def test_there_is_the_place_the_earlier_turn_answered_or_nowhere():
    """"Ở đó có bao nhiêu cửa hàng?" after "Địa phương nào … nhiều nhất?": there is the place
    answered; unanswered, there is nowhere, and the question is not asked of the province's
    whole ("there" had been dropped, and the province's 253 stores stated at 0.95)."""
    asked = [_turn("Địa phương nào trong tỉnh Đồng Nai có nhiều cửa hàng tiện ích nhất?", kind="superlative",
                   answer_text="TP.Biên Hòa")]
    assert resolve("Ở đó có bao nhiêu cửa hàng tiện ích?", asked).question == "Ở TP.Biên Hòa có bao nhiêu cửa hàng tiện ích?"
    unanswered = [_turn("Địa phương nào trong tỉnh có nhiều cửa hàng tiện ích nhất?", kind="superlative")]
    assert resolve("O do co bao nhieu cua hang tien ich?", unanswered).unresolvable


def test_after_a_turn_not_understood_a_reference_is_not_guessed():
    """"Còn B&T 2?" was not understood; "trang trại đó" next had been read as the farm of the turn
    before it (B&T 1, whose date was stated at 0.87). An ellipsis skips that turn."""
    not_understood = {"question": "Còn B&T 2?", "resolved_question": None, "frame": None,
                      "answer": {"status": "not_found", "answer": None, "unresolved": True}}
    turns = [_turn("Trang trại điện gió B&T 1 ở Quảng Bình có công suất bao nhiêu?"), not_understood]
    assert resolve("Trang trại đó dự kiến vận hành khi nào?", turns).unresolvable
    assert resolve("Còn Quảng Trị?", turns).question == "Trang trại điện gió B&T 1 ở Quảng Trị có công suất bao nhiêu?"
    # the name's number is its name's
    assert "B&T 2" in resolve("Trang trại đó dự kiến vận hành khi nào?",
                              [_turn("Trang trại điện gió B&T 2 ở Quảng Bình có công suất bao nhiêu?")]).question

def test_a_complement_of_the_earlier_count_keeps_what_it_counted():
    """"của bao nhiêu đơn vị?" after "… công nhận bao nhiêu sản phẩm …?": the units the products
    recognised belong to, not any units in the province (it was "Đồng Tháp của bao nhiêu đơn vị
    năm 2022?", answered with the 46 units that entered, stated at 0.97)."""
    prev = [_turn("Năm 2022, Đồng Tháp công nhận bao nhiêu sản phẩm, bộ sản phẩm CNNT tiêu biểu cấp tỉnh?",
                  kind="count", answer_text="28 sản phẩm")]
    assert resolve("của bao nhiêu đơn vị?", prev).question == \
        "Năm 2022, Đồng Tháp công nhận sản phẩm, bộ sản phẩm CNNT tiêu biểu cấp tỉnh của bao nhiêu đơn vị?"
    assert resolve("cua bao nhieu don vi?", prev).question.endswith("cấp tỉnh cua bao nhieu don vi?")
    # after an amount, what the money was for ("Cho bao nhiêu đề án?": that money's projects; this test
    # had said the opposite, when a sum had no complement to ask, and the province's whole count answered)
    amount = [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?", answer_text="6,94 tỷ đồng")]
    assert resolve("Cho bao nhiêu đề án?", amount).question == "Quảng Nam được bố trí kinh phí cho bao nhiêu đề án?"


def test_the_same_words_around_another_number_take_the_earlier_ones_place():
    """"Còn hạng 3 sao?" after "… đạt hạng 4 sao?" had been left unresolved."""
    prev = [_turn("Năm 2022, Thái Nguyên công nhận lần đầu bao nhiêu sản phẩm OCOP đạt hạng 4 sao?", kind="count",
                  answer_text="07 sản phẩm")]
    assert resolve("Còn hạng 3 sao?", prev).question == \
        "Năm 2022, Thái Nguyên công nhận lần đầu bao nhiêu sản phẩm OCOP đạt hạng 3 sao?"
    # a year is a period, not a number to swap in the words' place
    assert "2021" in resolve("Còn năm 2021?", prev).question and "4 sao" in resolve("Còn năm 2021?", prev).question


def test_a_share_compared_with_another_whole_takes_that_whole():
    """"… chiếm bao nhiêu phần trăm tổng kinh phí khuyến công quốc gia?" then "còn so với kinh phí
    khuyến công toàn Vùng thì chiếm bao nhiêu?": the same share of another whole (it had lost its
    subject and been answered with the sum, 22.554 triệu đồng)."""
    prev = [_turn("Năm 2017, kinh phí khuyến công quốc gia hỗ trợ khu vực phía Nam chiếm bao nhiêu phần trăm tổng "
                  "kinh phí khuyến công quốc gia?", kind="percent", answer_text="20,25%")]
    assert resolve("còn so với kinh phí khuyến công toàn Vùng thì chiếm bao nhiêu?", prev).question == \
        "Năm 2017, kinh phí khuyến công quốc gia hỗ trợ khu vực phía Nam chiếm bao nhiêu phần trăm kinh phí " \
        "khuyến công toàn Vùng?"


def test_a_measure_written_short_is_no_industry_in_the_sectors_place():
    """"Con chi so IIP?" after "… giá trị sản xuất ngành công nghiệp Quảng Bình …": the index is a
    measure; it had replaced "công nghiệp Quảng Bình" as an industry, and the province was lost
    for the turns after it."""
    prev = [_turn("Năm 2024, giá trị sản xuất ngành công nghiệp Quảng Bình ước tăng bao nhiêu?", kind="percent",
                  answer_text="8,05%")]
    assert "Quảng Bình" in resolve("Còn chỉ số IIP?", prev).question


def test_a_document_referred_to_is_its_number_without_its_day():
    """"Quyết định đó ban hành ngày nào?" after an answer "quyết định số 1886/QĐ-UBND ngày 12 tháng 7
    năm 2021": the day asked is not written into the question (whose own numbers are never its answer)."""
    prev = [_turn("Mạng lưới cộng tác viên khuyến công Bà Rịa – Vũng Tàu được thành lập theo quyết định nào?",
                  kind="document", answer_text="quyết định số 1886/QĐ-UBND ngày 12 tháng 7 năm 2021")]
    asked = resolve("Quyết định đó ban hành ngày nào?", prev).question
    assert "1886/QĐ-UBND" in asked and "tháng 7" not in asked


def test_a_document_answered_is_the_one_referred_to_and_a_counted_noun_stays():
    """"Ai ký quyết định đó?" after "… được phê duyệt bằng quyết định số mấy?" answered "Quyết định
    số 407/QĐ-UBND": that decision (it had become "… ai ký quyết định số mấy …?" and been answered
    with the number); "Còn cấp lại?" after "… bao nhiêu sản phẩm cấp mới …?" keeps the products
    counted ("… bao nhiêu cấp lại …?" had been answered with another item, 0.96)."""
    prev = [_turn("Chương trình khuyến công tỉnh Lai Châu giai đoạn 2021-2025 được phê duyệt bằng quyết định số mấy?",
                  kind="document", answer_text="Quyết định số 407/QĐ-UBND")]
    assert "Quyết định số 407/QĐ-UBND" in resolve("Ai ký quyết định đó?", prev).question
    counted = [_turn("Trong đó bao nhiêu sản phẩm cấp mới?", resolved="Quảng Ninh bao nhiêu sản phẩm cấp mới năm 2023?",
                     kind="count", answer_text="7 sản phẩm")]
    assert resolve("Còn cấp lại?", counted).question == "Quảng Ninh bao nhiêu sản phẩm cấp lại năm 2023?"


def test_a_document_answered_by_its_number_alone_is_referred_to_with_its_noun():
    """"Ai được giao chủ trì … quyết định đó?" after "… kèm quyết định số mấy?" answered
    "20/2014/QĐ-UBND" (its letters say it is a quyết định): that decision, not "quyết định số mấy"
    (which had been answered with the number again); a phrase taken from an earlier question stops
    at its question words ("chương trình … 2022-2025 bằng tờ trình số mấy" had been carried whole)."""
    prev = [_turn("Quy định xúc tiến thương mại của thành phố Đà Nẵng được ban hành kèm quyết định số mấy?",
                  kind="document", answer_text="20/2014/QĐ-UBND")]
    asked = resolve("Ai được giao chủ trì tổ chức triển khai quyết định đó?", prev).question
    assert "quyết định 20/2014/QĐ-UBND" in asked and "số mấy" not in asked
    proposal = [_turn("Sở Công Thương Thanh Hóa đề nghị phê duyệt chương trình khuyến công địa phương 2022-2025 "
                      "bằng tờ trình số mấy?", kind="document", answer_text="Tờ trình số 682/TTr-SCT")]
    asked = resolve("Tổng kinh phí của chương trình khuyến công đó là bao nhiêu?", proposal).question
    assert "chương trình khuyến công địa phương 2022-2025" in asked and "tờ trình" not in asked


def test_a_record_named_by_its_number_is_what_follow_ups_ask_about():
    """After "Nghị quyết 38/2020/NQ-HĐND của Quảng Trị … do ai ký?" (typed with marks, "do" is "by",
    not "đó": it had been refused as a follow-up with nothing before it), "ban hanh ngay nao?" asks
    that resolution's day (it had become "Quảng Trị ban hành ngày nào năm 2020?", answered with
    another record's 22/6/2015), and "nghị quyết này" is that resolution, no more of the question."""
    asked = "Nghị quyết 38/2020/NQ-HĐND của Quảng Trị về mức chi hỗ trợ hoạt động khuyến công do ai ký?"
    assert not looks_like_followup(asked)
    prev = [_turn(asked, kind="who", answer_text="Nguyễn Văn Hùng")]
    day = resolve("ban hanh ngay nao?", prev).question
    assert day.startswith("Nghị quyết 38/2020/NQ-HĐND") and "Quảng Trị" not in day
    prev.append(_turn("ban hanh ngay nao?", resolved=day, kind="when", answer_text="ngày 23 tháng 7 năm 2020"))
    assert resolve("HDND tinh khoa may thong qua nghi quyet nay?", prev).question.endswith(
        "thong qua Nghị quyết 38/2020/NQ-HĐND?")


def test_a_reference_to_a_name_with_digits_is_a_reference():
    """"tỷ lệ B2C đó" (typed "ty le B2C do dat"): "đó" after a name holding a digit, before a verb in
    lower case — "đ" is no capital, though the range À-Ỹ holds it; and a term ("B2C") is no subject
    of its own: the earlier province is kept (probe 48 had answered with another province's 2025 target)."""
    prev = [_turn("Đến năm 2030, Gia Lai đặt mục tiêu bao nhiêu phần trăm doanh nghiệp kinh doanh trực tuyến?",
                  kind="percent", answer_text="70%")]
    turn = resolve("Còn giá trị giao dịch B2C chiếm bao nhiêu?", prev)
    assert "Gia Lai" in turn.question
    prev.append(_turn("Còn giá trị giao dịch B2C chiếm bao nhiêu?", resolved=turn.question, kind="percent",
                      answer_text="50%"))
    asked = resolve("nam 2025 thi ty le B2C do dat bao nhieu?", prev).question
    assert "Gia Lai" in asked and "2025" in asked


def test_the_period_asked_anew_is_not_the_cited_programmes_span():
    """"Năm 2022 thì sao?" after "Theo Chương trình … giai đoạn 2021-2025, năm 2021 …?": the year
    asked changes, the programme keeps its name (it had become "Theo Chương trình … năm 2022, năm
    2021 …" and been answered with 2021's sum)."""
    prev = [_turn("Theo Chương trình khuyến công tỉnh Lai Châu giai đoạn 2021-2025, năm 2021 được phân kỳ bao nhiêu "
                  "kinh phí?", answer_text="10.814 triệu đồng")]
    assert resolve("Năm 2022 thì sao?", prev).question == \
        "Theo Chương trình khuyến công tỉnh Lai Châu giai đoạn 2021-2025, năm 2022 được phân kỳ bao nhiêu kinh phí?"
    spanned = [_turn("Giai đoạn 2009-2019 tổng kinh phí là bao nhiêu?", answer_text="1 tỷ đồng")]
    assert resolve("Năm 2017 thì sao?", spanned).question == "Năm 2017 tổng kinh phí là bao nhiêu?"


def test_a_predicate_alone_or_who_attended_asks_of_the_event_asked_before():
    """"tổ chức ở đâu?" after a question about a fair is where the fair was (it was asked as it
    stood, of no event); "Thứ trưởng Bộ Công thương nào tham dự?" after one about a conference is
    who attended that conference ("phía Nam" is no verb "nằm" that would cut its name)."""
    fair = "Hội chợ triển lãm Công Thương - OCOP Thái Nguyên diễn ra từ ngày nào đến ngày nào năm 2023?"
    r = resolve("tổ chức ở đâu?", [_turn(fair)])
    assert r.resolved and r.question == "Hội chợ triển lãm Công Thương - OCOP Thái Nguyên tổ chức ở đâu năm 2023?"
    meeting = "Hội nghị ngành công thương các tỉnh khu vực phía Nam lần thứ IX năm 2023 diễn ra vào ngày nào?"
    r = resolve("Thứ trưởng Bộ Công thương nào tham dự?", [_turn(meeting)])
    assert r.resolved and r.question == ("Thứ trưởng Bộ Công thương nào tham dự hội nghị ngành công thương các "
                                         "tỉnh khu vực phía Nam lần thứ IX năm 2023?")


def test_a_document_named_before_is_carried_and_its_numbers_year_is_no_period():
    """After "Quyết định 26/2018/QĐ-UBND … căn cứ nghị định nào …?", "Còn thông tư hướng dẫn của
    Bộ Công Thương là thông tư nào?" asks of that decision (its issuer is no new subject), and
    "2018" of its number is not carried as "năm 2018"."""
    base = "Quyết định 26/2018/QĐ-UBND của Hà Nam căn cứ nghị định nào của Chính phủ?"
    r = resolve("Còn thông tư hướng dẫn của Bộ Công Thương là thông tư nào?", [_turn(base)])
    assert r.resolved and r.question.startswith("Quyết định 26/2018/QĐ-UBND") and "năm 2018" not in r.question


def test_a_follow_ups_own_point_in_time_replaces_the_earlier_day():
    """"còn dư nợ tín dụng ước đến cuối năm?" after "Đến 30/11/2021, …" asks the year's end, not
    30/11 (it had kept both, and stated the 30/11 figure)."""
    base = "Đến 30/11/2021, tổng nguồn vốn huy động của các ngân hàng ở Hà Tĩnh đạt bao nhiêu?"
    r = resolve("còn dư nợ tín dụng ước đến cuối năm?", [_turn(base)])
    assert r.resolved and "30/11" not in r.question and "cuối năm" in r.question and "2021" in r.question


def test_what_is_counted_stops_before_where_and_a_grade_is_an_identifier():
    """"bao nhiêu smartphone tại Việt Nam" counts smartphones; "học sinh lớp 11" is grade 11's."""
    q = parse_question("Theo IDC, quý 3/2022 Samsung bán ra bao nhiêu smartphone tại Việt Nam?")
    assert q.count_noun == "smartphone"
    assert ("lop", "11") in parse_question("Quảng Trị có bao nhiêu học sinh lớp 11 dự thi?").identifiers


def test_an_event_named_by_its_noun_alone_is_the_event_asked_before():
    """"Thứ trưởng Bộ Công thương dự hội nghị là ai?" after a question about one conference is who
    attended that conference, named as it was named, up to its year (it had been asked of any
    conference, and answered with another's deputy minister); "hội nghị đó" is still a reference."""
    base = ("Hội nghị ngành công thương miền Trung - Tây Nguyên lần thứ VI năm 2019 đánh giá tình hình thực hiện "
            "nhiệm vụ của giai đoạn nào?")
    r = resolve("Thứ trưởng Bộ Công thương dự hội nghị là ai?", [_turn(base)])
    assert r.resolved and r.question == ("Thứ trưởng Bộ Công thương dự hội nghị ngành công thương miền Trung - Tây "
                                         "Nguyên lần thứ VI năm 2019 là ai?")
    r = resolve("Ông ấy lưu ý những gì khi kết luận hội nghị?",
                [_turn("Ai chủ trì hội nghị khuyến công năm 2020?", kind="who", answer_text="Cao Quốc Hưng")])
    assert "Cao Quốc Hưng" in r.question


def test_months_written_in_words_are_a_period_and_the_whole_industrys_index_a_measure():
    q = parse_question("Tính chung bốn tháng đầu năm 2024, IIP cả nước tăng bao nhiêu?")
    assert q.period == "bon thang dau nam" and q.years == {2024}
    q = parse_question("Quý I/2023, chỉ số sản xuất toàn ngành công nghiệp của Tuyên Quang tăng bao nhiêu?")
    assert q.measures == ["chỉ số sản xuất toàn ngành công nghiệp"]


def test_a_total_asked_without_a_scope_is_of_the_subject_asked_before():
    """"Tổng số tiền xử phạt là bao nhiêu?" after a question about Cục QLTT Ninh Thuận is that
    body's total (it had been asked of any record, and the region's 61 tỷ đồng was stated); a
    total of a scope ("toàn vùng", "cả nước") is still the scope's."""
    base = "Từ tháng 6/2022 đến tháng 5/2023, Cục QLTT Ninh Thuận đã xử lý bao nhiêu vụ?"
    r = resolve("Tổng số tiền xử phạt là bao nhiêu?", [_turn(base)])
    assert r.resolved and "Ninh Thuận" in r.question
    r = resolve("Tổng kinh phí toàn vùng là bao nhiêu?", [_turn("Quảng Nam được bố trí bao nhiêu kinh phí?")])
    assert "Quảng Nam" not in r.question


def test_the_things_counted_before_keep_their_clause_when_referred_to():
    """"Tổng diện tích các cụm đó" after "… bao nhiêu cụm công nghiệp đã đi vào hoạt động?" is of
    the clusters in operation: the reference had been cut at "vào" ("các cụm công nghiệp đã đi")."""
    base = "Đầu năm 2018, Đắk Lắk có bao nhiêu cụm công nghiệp đã đi vào hoạt động?"
    r = resolve("Tổng diện tích các cụm đó là bao nhiêu?", [_turn(base, kind="count")])
    assert "các cụm công nghiệp đã đi vào hoạt động là bao nhiêu" in r.question
    base = "Năm 2024, ngành Công thương Tiền Giang nghiệm thu bàn giao bao nhiêu dự án chợ?"
    assert "của các dự án chợ" in resolve("Tổng mức đầu tư là bao nhiêu?", [_turn(base, kind="count")]).question


def test_another_measure_asked_replaces_the_measure_not_its_sector():
    """"Còn doanh thu du lịch?" after "… tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng …"
    asks tourism revenue: it had swapped "dịch vụ" for "du lịch" inside the retail measure."""
    base = "6 tháng đầu năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của Khánh Hòa đạt bao nhiêu?"
    assert resolve("Con doanh thu du lich?", [_turn(base)]).question == \
        "6 tháng đầu năm 2025, doanh thu du lich của Khánh Hòa đạt bao nhiêu?"


def test_another_setting_asked_takes_the_earlier_settings_place():
    """"Còn tại các làng thuần nông?" after "… bao nhiêu lớp truyền, dạy nghề tại các làng đã có
    nghề?" asks the same count in the other villages (it had become "Hà Nội tại các làng thuần nông
    năm 2016?", with nothing asked). A place typed is still swapped as a place."""
    base = "Năm 2016 Hà Nội tổ chức bao nhiêu lớp truyền, dạy nghề tại các làng đã có nghề?"
    assert resolve("con tai cac lang thuan nong?", [_turn(base, kind="count")]).question == \
        "Năm 2016 Hà Nội tổ chức bao nhiêu lớp truyền, dạy nghề tai cac lang thuan nong?"
    assert resolve("Còn tại Hải Phòng?", [_turn("Hội nghị tại Hà Nội có bao nhiêu đại biểu?", kind="count")]).question \
        == "Hội nghị tại Hải Phòng có bao nhiêu đại biểu?"


def test_a_thing_of_the_same_head_noun_takes_the_earlier_things_place():
    """"con duong day trung the?" after "… bao nhiêu km đường dây 110 kV năm 2019?" asks the
    medium-voltage lines of that year (it had taken the company's name's place: "đường dây trung
    thế Hà Tĩnh quản lý bao nhiêu km đường dây 110 kV …")."""
    base = "Công ty Điện lực Hà Tĩnh quản lý bao nhiêu km đường dây 110 kV năm 2019?"
    assert resolve("Còn đường dây trung thế?", [_turn(base, kind="count")]).question == \
        "Công ty Điện lực Hà Tĩnh quản lý bao nhiêu km đường dây trung thế năm 2019?"


@pytest.mark.parametrize("follow, sector", [("Còn khu vực có vốn đầu tư nước ngoài?", "khu vực có vốn đầu tư nước ngoài"),
                                           ("Khu vực ngoài Nhà nước thì sao?", "khu vực ngoài Nhà nước")])
def test_a_sibling_may_repeat_the_earlier_measure_or_name_in_its_own(follow, sector):
    """"Còn khu vực có vốn đầu tư nước ngoài?" after "… vốn đầu tư của khu vực kinh tế Nhà nước …":
    the measure ("vốn đầu tư") and the name ("Nhà nước") the sibling repeats are the earlier
    question's, not new ones, so it still takes the sibling's place (it had been rewritten
    "Nhà khu vực có vốn đầu tư nước ngoài 9 tháng năm 2024?" and "unclear")."""
    base = "9 tháng năm 2024 vốn đầu tư của khu vực kinh tế Nhà nước đạt bao nhiêu?"
    assert resolve(follow, [_turn(base)]).question == f"9 tháng năm 2024 vốn đầu tư của {sector} đạt bao nhiêu?"



def test_another_firm_and_another_source_of_money_take_the_earlier_ones_place():
    """"Còn HTX miến Việt Cường?" after "HTX chè Hảo Đạt …": the firm's noun and name whole ("HTX
    Việt Cường chè Hảo Đạt …" had been asked, and "Công ty TNHH Minh Long số kiến thiết …"); a
    source of money after "Trong đó" or "Còn" goes into the earlier "khuyến công" ("… 28 tỉnh phía
    Bắc khuyến công quốc gia là bao nhiêu?" had been asked, and "Còn khuyến công địa phương?" kept both)."""
    product = [_turn("HTX chè Hảo Đạt có sản phẩm nào đạt CNNT tiêu biểu cấp quốc gia năm 2023?", kind="named",
                     answer_text="Chè móc câu")]
    assert resolve("Còn HTX miến Việt Cường?", product).question == \
        "HTX miến Việt Cường có sản phẩm nào đạt CNNT tiêu biểu cấp quốc gia năm 2023?"
    firm = [_turn("Doanh thu năm 2022 của Công ty TNHH MTV Xổ số kiến thiết Bình Dương là bao nhiêu?")]
    assert resolve("Còn Công ty TNHH Minh Long?", firm).question == \
        "Doanh thu năm 2022 của Công ty TNHH Minh Long là bao nhiêu?"
    whole = [_turn("Năm 2013 tổng kinh phí khuyến công thực hiện của 28 tỉnh phía Bắc là bao nhiêu?")]
    assert resolve("Trong đó khuyến công quốc gia là bao nhiêu?", whole).question == \
        "Năm 2013 kinh phí khuyến công quốc gia thực hiện của 28 tỉnh phía Bắc là bao nhiêu?"
    part = [_turn("Năm 2013 kinh phí khuyến công quốc gia thực hiện của 28 tỉnh phía Bắc là bao nhiêu?")]
    assert resolve("Còn khuyến công địa phương?", part).question == \
        "Năm 2013 kinh phí khuyến công địa phương thực hiện của 28 tỉnh phía Bắc là bao nhiêu?"


def test_a_bare_how_much_after_a_which_question_asks_of_the_thing_answered():
    """"Tăng bao nhiêu?" after "Ngành nào của Đà Nẵng có mức tăng cao nhất …?" answered "sản xuất
    linh kiện điện tử" asks that sector's rise, not Đà Nẵng's (the city's 7,81% had been stated at
    0.90); unanswered, there is nothing to ask it of."""
    which = "Ngành nào của Đà Nẵng có mức tăng cao nhất trong 6 tháng đầu năm 2018?"
    assert resolve("Tăng bao nhiêu?", [_turn(which, kind="superlative", answer_text="sản xuất linh kiện điện tử")]
                   ).question == "Ngành sản xuất linh kiện điện tử của Đà Nẵng tăng bao nhiêu 6 tháng đầu năm 2018?"
    assert resolve("Tăng bao nhiêu?", [_turn(which, kind="superlative")]).unresolvable


def test_a_thing_that_opens_the_question_takes_the_things_place_not_the_provinces():
    """"Bánh, kẹo, mứt thì sao?" after "Cần Thơ chuẩn bị bao nhiêu tấn gạo, tấm …?": its capital is
    the question's, not a name's ("Bánh, kẹo, mứt chuẩn bị bao nhiêu tấn gạo …" had been asked)."""
    r = resolve("Bánh, kẹo, mứt thì sao?", [_turn("Cần Thơ chuẩn bị bao nhiêu tấn gạo, tấm cho Tết Mậu Tuất 2018?",
                                                  kind="count")])
    assert r.question.startswith("Cần Thơ chuẩn bị bao nhiêu tấn bánh, kẹo, mứt")


def test_that_group_after_a_which_question_is_the_one_answered_or_nothing():
    """"Mức thu nhập của nhóm đó …?" after "Nhóm ngành nghề nào có thu nhập cao nhất?" is of the group
    answered ("Mức thu nhập của Nhóm ngành nghề nào …" had been asked, and answered with the whole
    sector's income); "Thị trường đó …" after "thị trường … lớn nhất là nước nào?" is the country
    answered. Unanswered, there is nothing to ask it of."""
    group = "Nhóm ngành nghề nào có thu nhập cao nhất?"
    assert resolve("Mức thu nhập của nhóm đó là bao nhiêu?", [_turn(group, kind="named")]).unresolvable
    assert resolve("Mức thu nhập của nhóm đó là bao nhiêu?", [_turn(group, kind="named", answer_text="sinh vật cảnh")]
                   ).question == "Mức thu nhập của nhóm sinh vật cảnh là bao nhiêu?"
    market = "thi truong tieu thu lon nhat la nuoc nao?"
    assert resolve("Thị trường đó chiếm bao nhiêu phần trăm kim ngạch?", [_turn(market, kind="superlative")]
                   ).unresolvable
    assert resolve("Thị trường đó chiếm bao nhiêu phần trăm kim ngạch?",
                   [_turn(market, kind="superlative", answer_text="Mỹ")]).question.startswith("Thị trường Mỹ chiếm")


def test_what_a_sum_was_for_is_asked_its_count():
    """"Cho bao nhiêu chương trình?" after "… dành bao nhiêu tiền cho nâng cao năng lực …?" counts
    what that money was for ("Bình Định cho bao nhiêu chương trình năm 2021?" had lost it, and was
    answered with the province's 33 programmes)."""
    base = "Bình Định năm 2021 dành bao nhiêu tiền cho nâng cao năng lực quản lý?"
    assert resolve("Cho bao nhiêu chương trình?", [_turn(base)]).question == \
        "Bình Định năm 2021 dành tiền cho nâng cao năng lực quản lý cho bao nhiêu chương trình?"


def test_a_firm_typed_in_lower_case_takes_the_firms_place_not_the_countrys():
    """"walmart thi sao" after "Thị phần bán lẻ trực tuyến tại Mỹ của công ty Amazon …?": a name
    stands for a name of its kind ("… tại walmart của công ty Amazon" had been asked, and answered
    with Amazon's figure)."""
    base = "Thị phần bán lẻ trực tuyến tại Mỹ của công ty Amazon là bao nhiêu năm 2020?"
    assert resolve("walmart thi sao", [_turn(base)]).question == \
        "Thị phần bán lẻ trực tuyến tại Mỹ của công ty walmart là bao nhiêu năm 2020?"


def test_a_branch_of_industry_written_with_its_industry_takes_the_branchs_place():
    """"Còn công nghiệp khai khoáng?" after "Công nghiệp sản xuất và phân phối điện, khí đốt của Gia
    Lai …": the branch whole for the branch ("Công nghiệp công nghiệp, khí đốt …" had been asked)."""
    base = "Công nghiệp sản xuất và phân phối điện, khí đốt của Gia Lai ước đạt bao nhiêu?"
    assert resolve("Còn công nghiệp khai khoáng?", [_turn(base)]).question.lower() == \
        "công nghiệp khai khoáng của gia lai ước đạt bao nhiêu?"


def test_a_measure_after_a_things_question_takes_the_things_place():
    """"Còn điện thương phẩm?" after "Quảng Trị 7 tháng đầu năm 2016 ván ép tăng bao nhiêu?" asks the
    electricity's growth: appended, it asked "ván ép tăng bao nhiêu điện thương phẩm" and found nothing;
    the period and the province that open the question stay."""
    turns = [_turn("Quảng Trị 7 tháng đầu năm 2016 ván ép tăng bao nhiêu?")]
    r = resolve("Còn điện thương phẩm?", turns)
    assert r.question == "Quảng Trị 7 tháng đầu năm 2016 điện thương phẩm tăng bao nhiêu?"
    turns.append(_turn("Còn điện thương phẩm?", r.question))
    assert resolve("Gỗ cưa, gỗ xẻ thì sao?", turns).question == "Quảng Trị 7 tháng đầu năm 2016 gỗ cưa, gỗ xẻ tăng bao nhiêu?"


@pytest.mark.parametrize("base,follow,expected", [
    ("6 tháng đầu năm 2017 Vĩnh Long có thêm mấy chợ chuyển đổi sang mô hình doanh nghiệp?",
     "Lũy kế đến lúc đó đã chuyển đổi bao nhiêu chợ?",
     "Vĩnh Long lũy kế đến 6 tháng đầu năm 2017 đã chuyển đổi bao nhiêu chợ?"),
    ("Đến giữa tháng 2/2019 Đồng Nai có bao nhiêu cụm công nghiệp?", "Thời điểm đó có bao nhiêu cụm đã lấp đầy?",
     "Đồng Nai tháng 2/2019 có bao nhiêu cụm đã lấp đầy?"),
])
def test_then_is_the_earlier_questions_whole_period(base, follow, expected):
    """"lúc đó", "thời điểm đó" refer to when the earlier question asked about, all of it ("6 tháng
    đầu năm 2017", not "năm 2017"); "lúc đó" had been read as no reference and the period was lost."""
    assert resolve(follow, [_turn(base)]).question == expected


def test_a_carried_period_goes_before_a_closing_comparison():
    """"Tăng bao nhiêu so với cùng kỳ?": the earlier period written after "so với cùng kỳ" read as
    the base compared with, and the change asked was of the next year."""
    r = resolve("Tăng bao nhiêu so với cùng kỳ?", [_turn("kim ngạch xuất khẩu gia lai 9 tháng năm 2024")])
    assert r.question.endswith("9 tháng năm 2024 so với cùng kỳ?")
    assert parse_question(r.question).base_years == set()


@pytest.mark.parametrize("follow", ["Quảng Bình được bố trí bao nhiêu?", "Quảng Bình bao nhiêu?", "quang binh dat bao nhieu"])
def test_a_place_with_a_bare_how_much_asks_the_earlier_question_of_that_place(follow):
    """A place and a predicate with nothing measured cannot stand on their own: they ask what the
    earlier question asked (its measure and its period), of that place."""
    r = resolve(follow, [_turn("Năm 2020 Quảng Nam được bố trí bao nhiêu kinh phí?")])
    assert r.resolved and "2020" in r.question and "kinh phí" in r.question.lower()
    assert "quảng nam" not in r.question.lower() and "quang nam" not in fold(r.question).lower()
    # one that names what it measures stands on its own
    assert not resolve("Quảng Bình có bao nhiêu cơ sở?", [_turn("Năm 2020 Quảng Nam được bố trí bao nhiêu kinh phí?")]).resolved


def test_a_phrase_that_opened_the_earlier_question_loses_its_sentence_capital_inside_another():
    """"cơ sở này" after "Cơ sở làm diều … ở phường nào?": put after "Mỗi tháng", its capital had
    made "Cơ" a name, which the next turn then carried as its subject ("Cơ ngoài 30 triệu …")."""
    first = _turn("Cơ sở làm diều của nghệ nhân Nguyễn Đăng Hoàng ở phường nào?")
    r = resolve("Mỗi tháng cơ sở này sản xuất bao nhiêu sản phẩm?", [first])
    assert r.question == "Mỗi tháng cơ sở làm diều của nghệ nhân Nguyễn Đăng Hoàng sản xuất bao nhiêu sản phẩm?"
    assert "co" not in parse_question(r.question).names


def test_a_time_referred_to_brings_no_subject_and_a_fund_named_in_lower_case_is_carried_whole():
    """"Đến hết quý II năm đó còn bao nhiêu?" after a question about "Quỹ bình ổn giá xăng dầu":
    "năm đó" is the year, not the subject, so the earlier subject is carried, without its own
    period and the words that led it ("Đầu năm 2016"); the fund's "giá" is no price asked and
    its "Quỹ" no name (the rewrite had been "Giá đến hết quý II năm 2016 còn bao nhiêu?")."""
    r = resolve("Đến hết quý II năm đó còn bao nhiêu?",
                [_turn("Đầu năm 2016 Quỹ bình ổn giá xăng dầu có số dư bao nhiêu?")])
    assert r.question == "Quỹ bình ổn giá xăng dầu đến hết quý II năm 2016 còn bao nhiêu?"
    assert parse_question("Quỹ bình ổn giá xăng dầu có bao nhiêu tiền?").measures == ["tiền"]
    r = resolve("Trong quý II/2018 trích lập thêm bao nhiêu?",
                [_turn("Cuối năm 2017 Quỹ bình ổn giá xăng dầu có bao nhiêu tiền?")])
    assert r.question.startswith("Quỹ bình ổn giá xăng dầu trong quý II/2018")


def test_another_thing_of_the_same_head_takes_the_subjects_place_not_the_wholes():
    """"Còn 2 đề án cung cấp thông tin …?" after "Trong 16 đề án KCĐP năm 2020, đề án phát triển
    … được bao nhiêu kinh phí?": the thing asked of is the subject's "đề án", not the count of the
    whole before it (the shorter one had taken "KCĐP"'s place, the counted one was only appended)."""
    prev = [_turn("Trong 16 đề án KCĐP năm 2020, đề án phát triển công nghiệp nông thôn được bao nhiêu kinh phí?")]
    assert resolve("Còn đề án cung cấp thông tin?", prev).question == (
        "Trong 16 đề án KCĐP năm 2020, đề án cung cấp thông tin được bao nhiêu kinh phí?")
    assert resolve("Còn 2 đề án cung cấp thông tin về chính sách phát triển công nghiệp?", prev).question == (
        "Trong 16 đề án KCĐP năm 2020, 2 đề án cung cấp thông tin về chính sách phát triển công nghiệp "
        "được bao nhiêu kinh phí?")


def test_a_region_referred_to_is_the_region_the_earlier_question_named_by_any_noun():
    """"khu vực này" after "… khuyến công các tỉnh phía Bắc …": the region, though the earlier
    question called it "các tỉnh", not "khu vực" (it was not understood)."""
    prev = [_turn("Hội nghị tổng kết khuyến công các tỉnh phía Bắc lần thứ 11 năm 2016 tổ chức ở đâu?", kind="place")]
    r = resolve("Tổng kế hoạch kinh phí khuyến công năm 2016 của khu vực này là bao nhiêu?", prev)
    assert r.resolved and r.question == "Tổng kế hoạch kinh phí khuyến công năm 2016 của khu vực phía Bắc là bao nhiêu?"


def test_a_predicate_said_again_asks_the_turn_it_repeats_of_the_new_thing():
    """"Còn khuyến công địa phương được giao bao nhiêu?" after a share was asked of the national
    programme's sum: the predicate repeats the first turn, so it asks that turn of the other
    programme (it had been glued into the share's question); "… là ai?" said again still asks who."""
    prev = [_turn("kinh phi khuyen cong quoc gia ca nuoc nam 2016 duoc giao bao nhieu",
                  "Kinh phí khuyến công quốc gia cả nước năm 2016 được giao bao nhiêu"),
            _turn("chiem bao nhieu phan tram tong kinh phi?",
                  "Kinh phí khuyến công quốc gia cả nước năm 2016 chiếm bao nhiêu phần trăm tổng kinh phí?")]
    assert resolve("Còn khuyến công địa phương được giao bao nhiêu?", prev).question == (
        "Kinh phí khuyến công địa phương cả nước năm 2016 được giao bao nhiêu")
    who = resolve("Còn Phó Chủ tịch UBND tỉnh Nghệ An dự lễ khai mạc là ai?",
                  [_turn("Phó Cục trưởng Cục Xúc tiến thương mại dự lễ khai mạc là ai?", kind="who")])
    assert who.question.endswith("là ai?")


def test_a_whole_figure_question_takes_the_conversations_period_and_a_time_asked_takes_none():
    """"bao nhiêu hộ đạt danh hiệu …?" after "… năm 2019 có bao nhiêu hộ đăng ký?" is of 2019
    (another year's figure had been stated); "… kết thúc khi nào?" asks the time, and the earlier
    year carried had made "2019-2020" the end of a project of 2020; a why asks of no period."""
    base = _turn("Chương trình gia đình tiết kiệm điện ở Sơn La năm 2019 có bao nhiêu hộ đăng ký?", kind="count")
    r = resolve("Bao nhiêu hộ đạt danh hiệu gia đình tiết kiệm điện tiêu biểu?", [base])
    assert r.resolved and r.question.endswith("năm 2019?")
    r = resolve("Vì sao ngân hàng nâng chỉ tiêu lợi nhuận cả năm?",
                [_turn("Quý I năm 2021 TPBank báo lãi bao nhiêu?")])
    assert "2021" not in r.question
    r = resolve("Đề án đó kết thúc khi nào?",
                [_turn("Đơn vị nào thực hiện đề án khuyến công quốc gia điểm về sản phẩm từ dừa ở Bến Tre năm 2020?",
                       kind="named")])
    assert r.resolved and "đề án" in r.question.lower() and "2020" not in r.question


def test_a_how_or_a_why_does_not_take_the_earlier_figures_period():
    """"… thì tỉnh này thế nào?" after a ranking of 2022 asks how the province compares: the
    year carried into it had left the passage that says so below its coverage."""
    r = resolve("So với các tỉnh lân cận thì tỉnh này thế nào?",
                [_turn("Lâm Đồng đứng thứ mấy trong bảng xếp hạng chỉ số thương mại điện tử năm 2022?", kind="ordinal")])
    assert r.resolved and "Lâm Đồng" in r.question and "2022" not in r.question


def test_a_thing_referred_to_is_named_without_the_earlier_predicate():
    """"đề án điểm này" after "… đề án … từ dừa kết thúc khi nào?" had become "đề án … từ dừa kết
    thúc khi": the event's verb and "khi" belong to the earlier predicate, not to the thing."""
    earlier = [_turn("Đơn vị nào thực hiện đề án khuyến công quốc gia điểm về sản phẩm từ dừa ở Bến Tre năm 2020?",
                     kind="named"),
               _turn("Đề án đó kết thúc khi nào?",
                     resolved="Bến Tre đề án khuyến công quốc gia điểm về sản phẩm từ dừa kết thúc khi nào?", kind="when")]
    r = resolve("Đây là năm thứ mấy Bến Tre được giao kinh phí cho đề án điểm này?", earlier)
    assert r.resolved and "sản phẩm từ dừa" in r.question and "kết thúc" not in r.question


@pytest.mark.parametrize("part", ["Trong đó bao nhiêu dự án FDI?", "trong do bao nhieu du an fdi"])
def test_a_part_is_asked_at_the_day_its_whole_was_counted(part):
    """"Tính đến 15/11/2022 … bao nhiêu dự án còn hiệu lực?" then "Trong đó bao nhiêu dự án FDI?":
    the projects in force on that day, not the year's (carried as "năm 2022", it was answered with
    the 23 new projects of the year's eleven months)."""
    r = resolve(part, [_turn("Tính đến 15/11/2022 các KCN Vĩnh Phúc có bao nhiêu dự án còn hiệu lực?")])
    assert r.resolved and "15/11/2022" in r.question and "năm 2022" not in r.question
    # the day an event took place dates no stock: its parts are of its year, as before
    r = resolve(part, [_turn("Ngày 02/7/2021 hội nghị trực tuyến kết nối với bao nhiêu dự án?")])
    assert r.resolved and "02/7" not in r.question


@pytest.mark.parametrize("part", ["Trong đó bao nhiêu sản phẩm đạt 3 sao?", "trong do bao nhieu san pham dat 3 sao"])
def test_a_part_is_asked_of_its_wholes_round(part):
    """"Đợt 2 năm 2022 Đồng Tháp công nhận bao nhiêu sản phẩm OCOP?" then "Trong đó bao nhiêu sản phẩm
    đạt 3 sao?": the round's products, not the year's (asked of "năm 2022" alone, the 272 of the year's
    end had been stated for the round's 109)."""
    r = resolve(part, [_turn("Đợt 2 năm 2022 Đồng Tháp công nhận bao nhiêu sản phẩm OCOP?", kind="count")])
    assert r.resolved and "đợt 2" in r.question.lower() and "2022" in r.question
    r = resolve(part, [_turn("Năm 2022 Đồng Tháp công nhận bao nhiêu sản phẩm OCOP?", kind="count")])
    assert r.resolved and "đợt" not in r.question.lower()


def test_a_year_written_only_in_the_day_a_span_starts_is_carried_as_that_day():
    """"Trong đợt cao điểm từ 15/12/2024, …" runs to the record's time: a follow-up carries "từ
    15/12/2024", not "năm 2024" (which had let the year's national figure answer)."""
    r = resolve("Hàng hóa buộc tiêu hủy trị giá bao nhiêu?",
                [_turn("Trong đợt cao điểm từ 15/12/2024, lực lượng chức năng xử lý bao nhiêu vụ vi phạm?",
                       kind="count")])
    assert "15/12/2024" in r.question and "năm 2024" not in r.question


def test_a_period_referred_to_is_that_period_not_the_earlier_subject():
    """"Trong tháng đó …" after "Tháng 9/2023 cả nước xuất khẩu …" is "trong tháng 9/2023" ("Trong Tháng
    9/2023 cả nước xuất khẩu có …" had been asked); "4 tháng đó" is the span whole, its count once."""
    r = resolve("Trong tháng đó có bao nhiêu tỉnh xuất khẩu trên 1 tỷ USD?",
                [_turn("Tháng 9/2023 cả nước xuất khẩu được bao nhiêu?", kind="figure")])
    assert r.resolved and "tháng 9/2023" in r.question.lower() and "cả nước xuất khẩu có" not in r.question
    r = resolve("Trong 4 tháng đó công ty cấp điện mới bao nhiêu trường hợp?",
                [_turn("Lũy kế 4 tháng đầu năm 2022, Công ty Điện lực Bình Định đạt sản lượng điện thương phẩm bao nhiêu?",
                       kind="figure")])
    assert "4 tháng đầu năm 2022" in r.question and "4 4" not in r.question


def test_a_follow_up_naming_its_own_thing_takes_the_earlier_measure_but_not_its_total():
    """"Doi ung cua don vi thu huong bao nhieu?" after "Tổng kinh phí … là bao nhiêu?" asks the
    counterpart's funds, not the total ("tổng kinh phí đối ứng …" had found nothing); a bare
    predicate keeps the earlier measure whole."""
    turns = [_turn("Tổng kinh phí khuyến công địa phương của Đắk Lắk năm 2020 là bao nhiêu?")]
    r = resolve("Đối ứng của đơn vị thụ hưởng bao nhiêu?", turns)
    assert r.resolved and "kinh phí" in r.question and "tổng" not in r.question.lower()
    assert "tổng kinh phí" in resolve("Đạt bao nhiêu phần trăm kế hoạch?", turns).question.lower()


def test_so_many_months_referred_to_after_a_month_are_the_years_first_months_and_a_field_is_no_measure():
    """"Trong 4 tháng đó …" after "Đến hết tháng 4/2022, …" is "4 tháng đầu năm 2022", not April alone;
    "lĩnh vực này" after a question naming no field is not its measure ("trong tiền" had been asked):
    the follow-up is said not to be understood."""
    r = resolve("Trong 4 tháng đó công ty cấp điện mới bao nhiêu trường hợp?",
                [_turn("Đến hết tháng 4/2022, Công ty Điện lực Bình Định có bao nhiêu khách hàng?", kind="count")])
    assert "4 tháng đầu năm 2022" in r.question
    r = resolve("Trị giá hàng hóa vi phạm trong lĩnh vực này là bao nhiêu?",
                [_turn("Vi phạm trên môi trường thương mại điện tử năm 2024 bị xử phạt hành chính bao nhiêu tiền?")])
    assert "tiền là" not in r.question and (r.unresolvable or "thương mại điện tử" in r.question)


def test_a_measure_asked_alone_is_how_much_it_is():
    """"Tổng kinh phí hỗ trợ?" after "… phê duyệt mấy đề án …?" asks those projects' sum (glued to the
    count question it had asked "mấy đề án … tổng kinh phí?", a count)."""
    r = resolve("Tổng kinh phí hỗ trợ?", [_turn("Hòa Bình năm 2021 phê duyệt mấy đề án khuyến công địa phương?",
                                                kind="count", answer_text="02 đề án")])
    assert r.resolved and "mấy" not in r.question and "bao nhiêu" in r.question and "kinh phí" in r.question


def test_a_thing_in_lower_case_takes_the_place_of_the_thing_weighed_not_of_a_name():
    """"Còn bột sắn?" after "… qua lối mở Km 3+4 Hải Yên đã xuất bao nhiêu tấn hoa quả?" asks the
    cassava's tonnes ("… Km 3+4 bột sắn … tấn hoa quả" had been asked); a capitalised place still
    takes the place's stead."""
    base = [_turn("Tính đến 19/3/2023, qua lối mở Km 3+4 Hải Yên đã xuất bao nhiêu tấn hoa quả?", kind="count",
                  answer_text="43.301 tấn")]
    assert resolve("Còn bột sắn?", base).question.endswith("bao nhiêu tấn bột sắn?")
    assert "Hải Yên" in resolve("Còn bột sắn?", base).question


def test_an_elliptic_follow_up_passing_the_same_place_swaps_only_what_it_changes():
    """"Còn nhập khẩu qua lối mở này?" after "… lối mở Km 3+4 Hải Yên xuất khẩu được bao nhiêu tấn hàng?":
    the gate is the earlier question's own; only the measure is swapped (the gate had been written twice)."""
    r = resolve("Còn nhập khẩu qua lối mở này?",
                [_turn("5 tháng 2025 lối mở Km 3+4 Hải Yên xuất khẩu được bao nhiêu tấn hàng?", answer_text="300.485 tấn")])
    assert r.question.count("Hải Yên") == 1 and "nhập khẩu" in r.question and "xuất khẩu" not in r.question


def test_there_is_the_place_asked_before_not_a_measures_acronym():
    """"ở đó" after "… làm thủ tục XNK qua Móng Cái?" is Móng Cái: "XNK" (xuất nhập khẩu) names what
    is measured, no one's name ("Thu ngân sách ở XNK" had been asked)."""
    assert "xnk" not in parse_question("5 tháng đầu năm 2025 có bao nhiêu doanh nghiệp mới làm thủ tục XNK qua "
                                       "Móng Cái?").names
    r = resolve("Thu ngân sách ở đó tăng bao nhiêu so với cùng kỳ?",
                [_turn("5 tháng đầu năm 2025 có bao nhiêu doanh nghiệp mới làm thủ tục XNK qua Móng Cái?", kind="count",
                       answer_text="120 doanh nghiệp")])
    assert "ở Móng Cái" in r.question


def test_that_year_is_the_figures_not_the_cited_books_and_a_share_opens_a_follow_up():
    """"năm đó" after "Theo Sách TMĐT Việt Nam 2022, năm 2021 …" is 2021 (the book's year had been
    carried); "Chiếm bao nhiêu phần trăm tổng doanh thu bán lẻ cả nước?" names the share's base, not a
    subject: it asks the earlier subject's share (it had been asked of the whole country's records)."""
    assert parse_question("Theo Sách TMĐT Việt Nam 2022, năm 2021 TMĐT tăng trưởng bao nhiêu phần trăm?").years == {2021}
    r = resolve("Tỷ trọng trong tổng mức bán lẻ năm đó đạt bao nhiêu?",
                [_turn("Theo Sách TMĐT Việt Nam 2022, năm 2021 TMĐT tăng trưởng bao nhiêu phần trăm?", answer_text="16%")])
    assert "năm 2021" in r.question and "năm 2022" not in r.question
    r = resolve("Chiem bao nhieu phan tram tong doanh thu ban le ca nuoc?",
                [_turn("Doanh thu B2C năm 2022 là bao nhiêu?", answer_text="16,4 tỷ USD")])
    assert r.resolved and "B2C năm 2022" in r.question


def test_a_reference_finds_its_head_as_reports_shorten_it():
    """"cụm này" after "CCN Minh Hải 2 …", "khu này" after "KCN Tiên Sơn …": the head is written short
    before the name (the follow-up had been said not to be understood)."""
    r = resolve("Chu dau tu ha tang cum nay la ai?", [_turn("CCN Minh Hải 2 ở Hưng Yên có quy mô bao nhiêu ha?",
                                                            answer_text="gần 65 ha")])
    assert r.resolved and "CCN Minh Hải 2" in r.question
    r = resolve("Ban đầu khu này rộng bao nhiêu ha?", [_turn("KCN Tiên Sơn ở Bắc Ninh có tổng diện tích quy hoạch "
                                                             "bao nhiêu?", answer_text="348 ha")])
    assert r.resolved and "KCN Tiên Sơn" in r.question


def test_only_of_is_a_follow_up_and_that_year_looks_back_past_a_turn_that_names_none():
    """"Riêng CCN Nam Hồng …?" asks a part of what was asked before (it had been asked as a new topic,
    with no period); "năm đó" two turns after "… tính đến cuối năm 2020?" is 2020 though the turn between
    names no year (it had been said not to be understood)."""
    r = resolve("Riêng cầu Bắc Luân II?", [_turn("5 tháng đầu năm 2025 khối lượng hàng XNK qua các cửa khẩu Móng Cái "
                                                "đạt bao nhiêu tấn?", answer_text="1.059.000 tấn")])
    assert r.resolved and "5 tháng đầu năm 2025" in r.question and "Móng Cái" not in r.question
    r = resolve("Doanh thu nam do dat bao nhieu?",
                [_turn("PC Quảng Ngãi bán điện trực tiếp cho bao nhiêu hộ dân tính đến cuối năm 2020?",
                       answer_text="363 nghìn hộ dân"),
                 _turn("Chiếm bao nhiêu phần trăm số hộ toàn tỉnh?", answer_text="99,73%",
                       resolved="PC Quảng Ngãi bán điện trực tiếp cho hộ dân chiếm bao nhiêu phần trăm số hộ toàn tỉnh?")])
    assert r.resolved and "năm 2020" in r.question


def test_a_syllable_typed_with_its_marks_keeps_them_and_gives_its_neighbours_context(seed_engine):
    """A follow-up's rewrite mixes words typed with and without marks ("Trong EBI 2023, Ha Noi đạt bao
    nhiêu điểm?"): a marked syllable was no key of the restorer's, so "bao" lost "nhiêu" as its context
    and became "báo". The question is restored whole without marks, then the typed syllables put back."""
    restored = seed_engine.searcher.restore("Trong EBI 2023, Ha Noi đạt bao nhiêu điểm?")
    assert restored == "Trong EBI 2023, Hà Nội đạt bao nhiêu điểm?"
    assert seed_engine.searcher.restore("Quảng Nam duoc bo tri bao nhieu kinh phi?") == \
        "Quảng Nam được bố trí bao nhiêu kinh phí?"


def test_this_person_is_the_name_answered_and_that_decision_the_one_answered_turns_ago():
    """"Người này …" after "… tên là gì?" answered with a person's name is that person; "quyết định đó"
    two turns after "… là quyết định số mấy?" is the decision answered then (both had been said not to
    be understood)."""
    r = resolve("Người này tàng trữ bao nhiêu thùng thuốc lá điếu?",
                [_turn("Đối tượng bị Công an tỉnh Quảng Ninh bắt quả tang tàng trữ thuốc lá lậu tên là gì?", kind="named",
                       answer_text="Phạm Đình Phi")])
    assert r.resolved and r.question.startswith("Phạm Đình Phi tàng trữ")
    r = resolve("Kết quả công nhận theo quyết định đó có giá trị bao lâu?",
                [_turn("Quyết định công nhận sản phẩm OCOP đợt 1 năm 2022 của Quảng Nam là quyết định số mấy?",
                       kind="document", answer_text="Quyết định số 3026"),
                 _turn("Hội đồng cấp tỉnh họp đánh giá từ ngày nào?", kind="when", answer_text="từ ngày 24/9/2022",
                       resolved="Ở Quảng Nam, hội đồng cấp tỉnh họp đánh giá từ ngày nào?")])
    assert r.resolved and "Quyết định số 3026" in r.question


def test_a_good_named_before_is_the_good_referred_to_and_a_year_alone_stays_alone():
    """"mặt hàng này" two turns after "… mặt hàng vàng?" is that good ("hàng", folded, had read as
    "hãng", a firm: "hàng QLTT"); "Riêng năm 2016 …" keeps asking that year alone in its rewrite."""
    r = resolve("Tổng số tiền xử phạt đối với mặt hàng này là bao nhiêu?",
                [_turn("Năm 2024 QLTT xử lý bao nhiêu vụ vi phạm liên quan đến mặt hàng vàng?", kind="count",
                       answer_text="953 vụ"),
                 _turn("Vu chuyen co quan dieu tra o tinh nao?", kind="place",
                       resolved="QLTT vụ vi phạm liên quan chuyển cơ quan điều tra ở tỉnh nào năm 2024?")])
    assert r.resolved and "mặt hàng vàng" in r.question and "hàng QLTT" not in r.question
    r = resolve("Riêng năm 2016 ký được bao nhiêu hợp đồng?",
                [_turn("Hội nghị kết nối cung cầu TP.HCM với các tỉnh năm 2016 có Sở Công thương của bao nhiêu tỉnh "
                       "phối hợp?", kind="count", answer_text="38 tỉnh, thành")])
    assert r.resolved and "riêng năm 2016" in r.question


def test_an_event_keeps_its_year_and_is_asked_when_it_lasted():
    """"Hội nghị đó" after "Hội nghị kết nối cung cầu TP.HCM 2019 …" is the 2019 one (its year had been
    cut with the predicate, and a 2016 count answered), but "Năm 2023 hội chợ đó" is that fair of 2023;
    "Kéo dài đến ngày nào?" asks when the event asked about before ended ("TP.HCM kéo dài …" had been asked)."""
    first = _turn("Hội nghị kết nối cung cầu TP.HCM 2019 khai mạc ở đâu?", kind="place",
                  answer_text="Trung tâm Văn hóa thể thao quận Tân Bình")
    r = resolve("Hoi nghi do ky duoc bao nhieu hop dong?", [first])
    assert r.resolved and "TP.HCM 2019" in r.question
    r = resolve("Kéo dài đến ngày nào?", [first])
    assert r.resolved and r.question.startswith("Hội nghị kết nối cung cầu TP.HCM 2019 kéo dài")
    r = resolve("Năm 2023 hội chợ đó có bao nhiêu gian hàng?",
                [_turn("Đơn vị nào chủ trì tổ chức Hội chợ Đặc sản Vùng miền Việt Nam 2022?", kind="named")])
    assert r.resolved and "2022" not in r.question and "Hội chợ Đặc sản Vùng miền Việt Nam" in r.question


def test_the_words_that_say_which_record_is_meant_are_no_words_to_cover():
    """A question that picks its record by the meeting and who led it ("… do Giám đốc Sở Nguyễn Minh Hùng
    chủ trì", "(hội nghị có Phó Chủ tịch UBND thành phố Phan Quý Phương)") asks the person's record, not
    a sentence that names the meeting: those words are not covered, only the person is a name ("Sở
    Nguyễn Minh Hùng" and "PCT Thường" had been names no record writes)."""
    q = parse_question("Hội nghị tổng kết năm 2019 do Giám đốc Sở Nguyễn Minh Hùng chủ trì: tổng mức bán lẻ hàng "
                       "hóa và doanh thu dịch vụ ước đạt bao nhiêu?")
    assert q.names == ["nguyen minh hung"] and "hoi" not in q.content and "tong" in q.content and q.years == {2019}
    q = parse_question("Kim ngach xuat khau nam 2021 (hoi nghi tong ket co PCT Thuong truc Nguyen Tuan Ha du) dat "
                       "bao nhieu phan tram ke hoach?")
    assert q.names == ["nguyen tuan ha"] and "pct" not in q.content and "ngach" in q.content
    q = parse_question("Năm 2025 chỉ số sản xuất công nghiệp của thành phố ước tăng bao nhiêu (hội nghị có Phó Chủ "
                       "tịch UBND thành phố Phan Quý Phương)?")
    assert "Phan" not in q.without_record_context() and "chỉ số sản xuất" in q.without_record_context()
    assert parse_question("Hội nghị có bao nhiêu đại biểu tham dự?").record_context == []


def test_an_index_of_production_is_a_measure_and_a_new_measure_takes_its_place():
    """"Còn kim ngạch xuất khẩu dự kiến?" after "… dự kiến chỉ số sản xuất ngành công nghiệp năm 2024 tăng
    bao nhiêu?" asks the exports, not "chỉ số sản xuất ngành kim ngạch xuất khẩu" (the index was no measure,
    so the new one had taken the sector's place)."""
    r = resolve("Con kim ngach xuat khau du kien?",
                [_turn("Gia Lai dự kiến chỉ số sản xuất ngành công nghiệp năm 2024 tăng bao nhiêu?", kind="percent")])
    assert r.resolved and "chỉ số" not in r.question and "ngành kim" not in r.question
    assert "Gia Lai" in r.question and "2024" in r.question


@pytest.mark.parametrize("first,follow,expected", [
    # a thing of the same head, though the question's first word is capitalised, keeps the province after it
    ("CPI khu vực thành thị Hà Tĩnh tháng 12 tăng bao nhiêu so với cùng kỳ năm trước?", "Khu vực nông thôn thì sao?",
     "CPI khu vực nông thôn Hà Tĩnh tháng 12 tăng bao nhiêu so với cùng kỳ năm trước?"),
    # a group after a year ("Năm 2017 nhóm …" had read as a count of groups, "2017 nhóm")
    ("Năm 2017 nhóm thủ công mỹ nghệ có bao nhiêu sản phẩm đạt CNNT tiêu biểu cấp quốc gia?",
     "Nhóm chế biến nông - lâm - thủy sản và đồ uống thì sao?",
     "Năm 2017 nhóm chế biến nông - lâm - thủy sản và đồ uống có bao nhiêu sản phẩm đạt CNNT tiêu biểu cấp quốc gia?"),
    # another noun counted by the same action
    ("Ở Vĩnh Phúc, tỉnh đã phong tặng danh hiệu cho bao nhiêu làng nghề?", "Còn nghệ nhân cấp tỉnh?",
     "Ở Vĩnh Phúc, tỉnh đã phong tặng danh hiệu cho bao nhiêu nghệ nhân cấp tỉnh?"),
    ("Bao nhiêu doanh nghiệp đầu mối xuất khẩu tham gia kết nối cung cầu TP.HCM 2019?", "Còn khách sạn từ 3 sao trở lên?",
     "Bao nhiêu khách sạn từ 3 sao trở lên tham gia kết nối cung cầu TP.HCM 2019?"),
    # a span of the earlier year, and what was done rather than the target ("Bộ Công Thương đặt mục tiêu
    # xuất khẩu" had been read as one body's name, and the year lost)
    ("Năm 2015 Bộ Công Thương đặt mục tiêu xuất khẩu bao nhiêu?", "6 tháng đầu năm đã đạt được bao nhiêu?",
     "Bộ Công Thương xuất khẩu 6 tháng đầu năm 2015 đã đạt được bao nhiêu?"),
    # "số …" is the number of what follows; a span said against another year is not dated by the earlier one
    ("Năm 2022 Trà Vinh hỗ trợ cơ sở, doanh nghiệp tham gia bao nhiêu kỳ hội chợ trong nước?",
     "Còn số cuộc kết nối cung cầu?",
     "Năm 2022 Trà Vinh hỗ trợ cơ sở, doanh nghiệp tham gia bao nhiêu cuộc kết nối cung cầu?"),
    ("Cùng thời điểm năm 2019, chỉ số tồn kho toàn ngành chế biến, chế tạo tăng bao nhiêu?",
     "Còn tỷ lệ tồn kho bình quân 9 tháng của cùng kỳ năm trước?",
     "Tỷ lệ tồn kho bình quân 9 tháng của cùng kỳ năm trước?"),
])
def test_siblings_counted_nouns_and_spans_of_the_earlier_year(first, follow, expected):
    r = resolve(follow, [_turn(first)])
    assert r.resolved and r.question == expected


def test_the_source_an_earlier_question_cites_is_not_swapped_for_a_thing():
    """"con nuoc mam?" after "Theo Cục Thống kê tỉnh, … sản lượng bia …" asks of no other source: it had
    become "Theo nuoc mam tỉnh, … sản lượng bia …" (answered with the beer's figure); not understood
    is honest. A name past the source is still swapped."""
    base = "Theo Cục Thống kê tỉnh, 9 tháng năm 2020 sản lượng bia tăng bao nhiêu so với cùng kỳ?"
    r = resolve("con nuoc mam?", [_turn(base, answer_text="11,1%")])
    assert "Cục Thống kê" not in r.question or not r.resolved
    assert "nuoc mam tỉnh" not in r.question
    r = resolve("Còn Vinamilk?", [_turn("Theo Cục Thống kê, năm 2020 doanh thu của Habeco là bao nhiêu?",
                                        answer_text="5.000 tỷ đồng")])
    assert r.resolved and "Vinamilk" in r.question and "Cục Thống kê" in r.question


def test_the_plan_a_share_is_of_is_what_a_follow_up_compares_with():
    """"… đạt bao nhiêu phần trăm dự toán Trung ương giao?" then "Con so voi du toan HDND tinh giao?": the
    share of the other plan is asked; the rewrite had lost the question ("Ngân sách so voi du toan …
    6 tháng đầu năm 2024?") and an amount was stated."""
    base = "Thu ngân sách 6 tháng đầu năm 2024 của Gia Lai đạt bao nhiêu phần trăm dự toán Trung ương giao?"
    r = resolve("Con so voi du toan HDND tinh giao?", [_turn(base, answer_text="59,9%")])
    assert r.resolved
    assert r.question == ("Thu ngân sách 6 tháng đầu năm 2024 của Gia Lai đạt bao nhiêu phần trăm du toan HDND "
                          "tinh giao?")


@pytest.mark.parametrize("follow", ["Gấp bao nhiêu lần năm 2022?", "Gap bao nhieu lan nam 2022?"])
def test_a_multiples_base_year_is_not_the_period_asked(follow):
    """"Gấp bao nhiêu lần năm 2022?" after "Năm 2024 xuất khẩu sầu riêng thu về bao nhiêu?": 2022 is the base
    the multiple is of, as in "so với năm 2022"; read as the year asked, the turn stood alone and
    another record's "gấp 3 lần" was stated."""
    r = resolve(follow, [_turn("Năm 2024 xuất khẩu sầu riêng thu về bao nhiêu?", answer_text="3,3 tỷ USD")])
    assert r.resolved and r.question.startswith("Năm 2024 xuất khẩu sầu riêng")


def test_an_industry_a_follow_up_names_takes_the_earlier_industrys_place():
    """"nganh khai khoang thang do tang bao nhieu so voi cung ky?" after "Tháng 4/2018, ngành công nghiệp chế
    biến, chế tạo của tỉnh tăng …": the earlier subject had been glued whole before it ("Ngành công nghiệp chế
    biến, chế tạo của tỉnh nganh khai khoang …") and the processing industry's figure was stated."""
    r = resolve("nganh khai khoang thang do tang bao nhieu so voi cung ky?",
                [_turn("Tháng 4/2018, ngành công nghiệp chế biến, chế tạo của tỉnh tăng bao nhiêu so với tháng trước?",
                       answer_text="3,08%")])
    assert r.resolved and "chế biến" not in r.question and "khai khoang" in r.question and "4/2018" in r.question


def test_the_earlier_period_written_after_its_predicate_is_carried():
    """"Đạt bao nhiêu phần trăm kế hoạch năm?" after "Kim ngạch xuất khẩu tăng bao nhiêu phần trăm 6 tháng đầu
    năm 2024?": of those six months; the rewrite carried the subject without its period, and another
    record's "đạt 93,33% kế hoạch" of nine months was stated."""
    r = resolve("Dat bao nhieu phan tram ke hoach nam?",
                [_turn("Kim ngạch xuất khẩu tăng bao nhiêu phần trăm 6 tháng đầu năm 2024?", answer_text="1,26%")])
    assert r.resolved and "6 tháng đầu năm 2024" in r.question and "ke hoach nam" in r.question
