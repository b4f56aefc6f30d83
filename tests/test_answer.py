"""Answers: the seed questions, the fidelity rule, and our own questions over real articles."""

import json
import re

import pytest

from kcqa.ask.frame import parse_question
from kcqa.ask.verify import number_tokens, verify
from kcqa.evaluate import judge

from conftest import ROOT, SEED_QUESTIONS, load_jsonl

NEWS_QUESTIONS = ROOT / "tests" / "data" / "news_questions.jsonl"
GOV_QUESTIONS = ROOT / "tests" / "data" / "gov_questions.jsonl"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ALL_ANSWERS: list = []     # every answer these tests produce, checked for fidelity at the end


def run_eval(engine, items):
    failures = []
    for item in items:
        ans = engine.ask(item["question"])
        ALL_ANSWERS.append(ans)
        ok, why = judge(item, ans.to_json())
        if not ok:
            failures.append((item.get("id"), item["question"], why, ans.text))
    return failures


def _stated(engine, question: str) -> str | None:
    """The figure or name stated in answer, or None when kcqa says it is not in the records."""
    ans = engine.ask(question)
    return ans.value.text if ans.status == "answered" else None


def _weighed(engine, question: str) -> set[str]:
    """The figures the ranker weighed for a question, after the hard slots."""
    from kcqa.ask.answer import answer_question
    trace = []
    answer_question(engine, question, trace=trace)
    return {c.figure.text for c in trace}


def _seed_check(engine):
    """No wrong answer at all; at most two seed questions left unanswered at the tests'
    operating point (seed-18, whose best candidate is the wrong figure, and seed-12, a host
    province the entity model is unsure of)."""
    items = load_jsonl(SEED_QUESTIONS)
    failures = run_eval(engine, items)
    wrong = [f for f in failures if "không trả lời" not in f[2]]
    assert not wrong, "\n".join(map(str, wrong))
    assert len(failures) <= 2, "\n".join(map(str, failures))


def test_seed_questions_on_the_sample_alone(seed_engine):
    _seed_check(seed_engine)


@pytest.mark.slow
def test_seed_questions_with_the_articles_beside(corpus_engine, monkeypatch):
    """Beside the 199 news articles and 12 resolutions, at the default threshold chosen out of
    fold: every seed question right (earlier versions gave two wrong ones at 0.5, and left the
    15 provinces' total unanswered when the provinces' own figures competed with it)."""
    monkeypatch.setattr(corpus_engine.cfg, "min_confidence", None)
    items = load_jsonl(SEED_QUESTIONS)
    failures = run_eval(corpus_engine, items)
    print(f"seed beside the articles: {len(items) - len(failures)}/{len(items)} right")
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.slow
def test_own_questions_over_the_articles(corpus_engine):
    items = load_jsonl(NEWS_QUESTIONS)
    failures = run_eval(corpus_engine, items)
    wrong = [f for f in failures if "không trả lời" not in f[2]]
    print(f"news questions: {len(items) - len(failures)}/{len(items)} right, {len(wrong)} wrong")
    for f in failures:
        print("  FAIL", f)
    assert len(wrong) / len(items) <= 0.2 and len(failures) < len(items) / 2


@pytest.mark.slow
def test_own_questions_over_the_resolutions(corpus_engine):
    if not (ROOT.parent / "shared" / "data" / "vn_resolutions_2025").exists():
        pytest.skip("resolutions not available")
    items = load_jsonl(GOV_QUESTIONS)
    failures = run_eval(corpus_engine, items)
    wrong = [f for f in failures if "không trả lời" not in f[2]]
    print(f"resolution questions: {len(items) - len(failures)}/{len(items)} right, {len(wrong)} wrong")
    for f in failures:
        print("  FAIL", f)
    assert len(wrong) / len(items) <= 0.2 and len(failures) < len(items) / 2


def test_a_date_from_the_records_date_line_also_cites_the_sentence_that_states_it(corpus_engine):
    """"… thông qua ngày nào?" is answered from the record's date line; the body's sentence
    that gives the same date is cited beside it, so a reader sees what was passed that day."""
    if not (ROOT.parent / "shared" / "data" / "vn_resolutions_2025").exists():
        pytest.skip("resolutions not available")
    ans = corpus_engine.ask("Nghị quyết sắp xếp xã của Cà Mau được thông qua ngày nào?")
    ALL_ANSWERS.append(ans)
    assert ans.status == "answered" and ans.value.text == "ngày 16 tháng 6 năm 2025"
    assert all("ca-mau" in c.path for c in ans.citations)
    assert any("thông qua ngày 16 tháng 6 năm 2025" in c.text for c in ans.citations[1:])


@pytest.mark.slow
def test_the_date_of_another_kind_of_record_is_not_the_answer(corpus_engine, monkeypatch):
    """The records hold no chỉ thị about Cà Mau's communes: neither the resolution's own date
    line nor the date of the đề án it cites ("Đề án số 364/ĐA-CP ngày 09 tháng 5 năm 2025")
    answers when one was issued, even with no threshold."""
    if not (ROOT.parent / "shared" / "data" / "vn_resolutions_2025").exists():
        pytest.skip("resolutions not available")
    monkeypatch.setattr(corpus_engine.cfg, "min_confidence", 0.0)
    ans = corpus_engine.ask("Chỉ thị về sắp xếp đơn vị hành chính cấp xã của Cà Mau được ban hành ngày nào?")
    assert ans.status == "not_found" or not re.search(r"ngày|tháng|\d/\d", ans.value.text, re.IGNORECASE), ans.text


def test_the_figure_is_quoted_exactly_with_its_qualifier(seed_engine):
    ans = seed_engine.ask("Lâm Đồng bố trí bao nhiêu kinh phí cho hoạt động khuyến công?")
    ALL_ANSWERS.append(ans)
    assert ans.value.text == "hơn 10 tỷ đồng" and ans.value.qualifier == "hơn"
    c = ans.citations[0]
    assert c.text[c.highlight[0]:c.highlight[1]] == "hơn 10 tỷ đồng"
    doc = seed_engine.document(c.path)
    assert doc.text[c.start:c.end] == c.text


def test_a_question_in_other_words_than_the_record_is_covered_by_the_lexicons_equivalents(seed_engine):
    """"giải ngân" where the record says "đã thực hiện": without the equivalence the sentence
    covers too little of the question and nothing is a candidate."""
    ans = seed_engine.ask("6 tháng đầu năm 2020 giải ngân được bao nhiêu?")
    ALL_ANSWERS.append(ans)
    assert ans.status == "answered" and ans.value.text == "19,9 tỷ đồng"
    assert "thực hiện đạt 19,9 tỷ đồng" in ans.citations[0].text


def test_not_in_the_records_says_so_with_the_merger_hint(seed_engine):
    ans = seed_engine.ask("Đà Nẵng được bố trí bao nhiêu kinh phí khuyến công?")
    ALL_ANSWERS.append(ans)
    assert ans.status == "not_found" and ans.value is None and not ans.citations
    assert any("Quảng Nam" in n for n in ans.notes)
    assert ans.passages          # the closest passages, marked as not the answer


def test_verify_refuses_a_number_missing_from_the_citation(seed_engine):
    ans = seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?")
    assert verify(ans)
    ans.text = ans.text.replace("6,94", "6,9")   # an altered figure
    ans.text += " 85%"
    assert not verify(ans)


def test_json_output_shape(seed_engine):
    out = seed_engine.ask("Quang Nam duoc bo tri bao nhieu kinh phi").to_json()
    json.dumps(out, ensure_ascii=False)
    assert out["status"] == "answered"
    assert set(out["answer"]) >= {"text", "value", "unit", "qualifier", "entity", "measure", "period"}
    assert {"doc", "path", "start", "end", "text"} <= set(out["citations"][0])
    assert out["restored_question"] == "Quảng Nam được bố trí bao nhiêu kinh phí"


def test_the_calibration_knows_whether_the_marks_were_typed_or_restored(seed_engine):
    """Restored marks are a guess, so the calibration is told which it was; read from the
    restored question, the feature was 1 for every question and the models could not learn it."""
    typed = seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?")
    restored = seed_engine.ask("Quang Nam duoc bo tri bao nhieu kinh phi")
    assert typed.value.text == restored.value.text == "6,94 tỷ đồng"
    assert (typed.features["diacritics"], restored.features["diacritics"]) == (1.0, 0.0)


def test_zz_every_answer_only_states_numbers_from_its_citations():
    """Runs last in this module: no produced answer contains a number absent from its citations."""
    answered = [a for a in ALL_ANSWERS if a.status == "answered"]
    if not answered:
        pytest.skip("no answers produced")
    for a in answered:
        cited = set()
        for c in a.citations:
            cited |= set(number_tokens(c.text)) | set(number_tokens(c.metadata.get("title", "")))
        for n in number_tokens(a.text):
            assert n in cited, (a.question, a.text)
        for text, c in a.others:
            for n in number_tokens(text):
                assert n in number_tokens(c.text) + number_tokens(c.metadata.get("title", "")), (a.question, text)


def test_an_answer_says_when_another_year_also_has_a_figure(tmp_path, model_cache):
    """A question naming no year gets the latest year's figure, and the other years the
    records give for the same entity are listed, each with its own citation."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-nghi-2020.txt":
            "Hội nghị khuyến công năm 2020\n\nNăm 2020, các địa phương bố trí kinh phí khuyến công như sau: "
            "Quảng Nam (6,94 tỷ đồng), Quảng Bình (3,94 tỷ đồng).\n",
        "hoi-nghi-2021.txt":
            "Hội nghị khuyến công năm 2021\n\nNăm 2021, các địa phương bố trí kinh phí khuyến công như sau: "
            "Quảng Nam (7,35 tỷ đồng), Quảng Bình (4,1 tỷ đồng).\n",
    })
    ans = engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí khuyến công?")
    assert ans.value.text == "7,35 tỷ đồng"
    assert "2021" in ans.text                                  # the period is stated
    assert [t for t, _ in ans.other_periods] and "6,94 tỷ đồng" in ans.other_periods[0][0]
    assert "2020" in ans.other_periods[0][0] and "6,94 tỷ đồng" in ans.other_periods[0][1].text
    assert ans.to_json()["other_periods"][0]["citation"]["path"].endswith("hoi-nghi-2020.txt")


@pytest.mark.slow
def test_a_follow_up_that_replaced_what_was_asked_never_gets_the_earlier_figure(tmp_path, model_cache):
    """'Còn vốn lưu động?' after 'vốn cố định': the record states only the fixed capital; the
    ranker's best is that same figure, at the same place — said not found, with why."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {  # the ranker's best, whatever its confidence
        "du-an.txt":
            "Dự án thép Dung Quất 2\n\nDự án thép Dung Quất 2 cần 70.000 tỷ đồng vốn cố định và dự kiến "
            "hoàn thành năm 2025.\n",
    })
    conv = Conversation()
    first = engine.ask("Dự án Dung Quất 2 cần bao nhiêu vốn cố định?", conv)
    assert first.status == "answered" and first.value.text == "70.000 tỷ đồng"
    second = engine.ask("Còn vốn lưu động?", conv)
    assert second.resolved_question and "vốn lưu động" in second.resolved_question
    assert second.status == "not_found"
    assert any("70.000 tỷ đồng" in n and "câu hỏi trước" in n for n in second.notes)
    # a follow-up that only adds what was implicit may repeat the figure
    conv = Conversation()
    engine.ask("Dự án Dung Quất 2 cần bao nhiêu vốn cố định?", conv)
    again = engine.ask("Năm 2025?", conv)
    assert again.status != "not_found" or not any("câu hỏi trước" in n for n in again.notes)


@pytest.mark.slow
def test_a_place_question_is_not_answered_from_a_sentence_about_other_provinces(tmp_path, model_cache):
    """The province a question names is a slot for names and places too: a merger sentence about
    Cần Thơ, Sóc Trăng and Hậu Giang does not say where An Giang's centre is, even with no threshold."""
    engine = _records_engine(tmp_path, model_cache, {
        "sap-nhap.txt":
            "Sắp xếp đơn vị hành chính cấp tỉnh\n\nHợp nhất thành phố Cần Thơ, tỉnh Sóc Trăng và tỉnh Hậu Giang; "
            "lấy tên là thành phố Cần Thơ, trung tâm chính trị - hành chính đặt tại thành phố Cần Thơ hiện nay.\n\n"
            "Hợp nhất tỉnh Kiên Giang và tỉnh An Giang; lấy tên là tỉnh An Giang, trung tâm chính trị - hành chính "
            "đặt tại tỉnh Kiên Giang.\n",
    })
    ans = engine.ask("Tỉnh An Giang mới có trung tâm hành chính đặt tại tỉnh nào?")
    assert ans.status == "answered" and "Kiên Giang" in ans.value.text
    docs = tmp_path / "records"                          # where _records_engine wrote them
    (docs / "sap-nhap.txt").write_text(
        "Sắp xếp đơn vị hành chính cấp tỉnh\n\nHợp nhất thành phố Cần Thơ, tỉnh Sóc Trăng và tỉnh Hậu Giang; "
        "lấy tên là thành phố Cần Thơ, trung tâm chính trị - hành chính đặt tại thành phố Cần Thơ hiện nay.\n",
        encoding="utf-8")
    engine.index([docs])
    engine.reload()
    ans = engine.ask("Tỉnh An Giang mới có trung tâm hành chính đặt tại tỉnh nào?")
    assert ans.status == "not_found" or "Cần Thơ" not in ans.value.text


@pytest.mark.slow
def test_which_ones_is_answered_with_the_whole_list(tmp_path, model_cache):
    """"Những xã nào …?" asks for every one: the list a resolution gives ("xã Tam Hải và xã Tân
    Hiệp", "các xã Ia O (huyện Ia Grai), Nhơn Châu và Krong"), not its first name; a list of
    another unit is not the answer."""
    engine = _records_engine(tmp_path, model_cache, {
        "da-nang.md": "Nghị quyết sắp xếp các đơn vị hành chính cấp xã của thành phố Đà Nẵng\n\n"
                      "93. Sau khi sắp xếp, thành phố Đà Nẵng có 94 đơn vị hành chính cấp xã, gồm 23 phường, "
                      "70 xã, 01 đặc khu; trong đó có 23 phường, 68 xã, 01 đặc khu hình thành sau sắp xếp và "
                      "02 xã không thực hiện sắp xếp là xã Tam Hải và xã Tân Hiệp.\n",
        "gia-lai.md": "Nghị quyết sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai\n\n"
                      "135. Sau khi sắp xếp, tỉnh Gia Lai có 135 đơn vị hành chính cấp xã; trong đó có 03 xã "
                      "không thực hiện sắp xếp là các xã Ia O (huyện Ia Grai), Nhơn Châu và Krong.\n",
        "hue.md": "Nghị quyết sắp xếp các đơn vị hành chính cấp xã của thành phố Huế\n\n"
                  "40. Sau khi sắp xếp, thành phố Huế có 40 đơn vị hành chính cấp xã, gồm 21 phường và 19 xã; "
                  "trong đó có 20 phường, 19 xã hình thành sau sắp xếp tại Điều này và 01 phường không thực "
                  "hiện sắp xếp là phường Dương Nỗ.\n",
    })
    ans = engine.ask("Những xã nào của Đà Nẵng không thực hiện sắp xếp?")
    assert ans.status == "answered" and ans.value.text == "xã Tam Hải và xã Tân Hiệp"
    assert ans.value.text in ans.citations[0].text
    ans = engine.ask("nhung xa nao cua Gia Lai khong thuc hien sap xep")
    assert ans.value.text == "xã Ia O (huyện Ia Grai), Nhơn Châu và Krong"
    # Huế left a ward as it was, no commune: neither the ward nor a count answers "những xã nào"
    assert _stated(engine, "Những xã nào của Huế không thực hiện sắp xếp?") is None


@pytest.mark.slow
def test_the_name_the_record_says_is_what_was_described_and_where_is_never_a_figure(tmp_path, model_cache):
    """"… thị trường xuất khẩu chính … là thị trường nào?" is answered by the name the record
    says is that market ("Châu Mỹ vẫn là thị trường xuất khẩu chính"), not by the one written
    after the noun ("thị trường Châu Âu"); "… nằm ở đâu?" with no place in the evidence is not
    answered by the cluster's area ("75 ha"), even with no threshold."""
    engine = _records_engine(tmp_path, model_cache, {
        "ben-tre.txt": "Ngành Công Thương Bến Tre 5 tháng đầu năm 2021\n\nChâu Mỹ vẫn là thị trường xuất khẩu chính "
                       "của các doanh nghiệp trên địa bàn tỉnh với ước đạt 144,5 triệu USD, chiếm tỷ trọng 27,4%; "
                       "thị trường Châu Âu ước đạt 58,6 triệu USD, chiếm tỷ trọng 11%.\n",
        "phu-tho.txt": "Phú Thọ bổ sung cụm công nghiệp vào quy hoạch năm 2022\n\nUBND tỉnh Phú Thọ bổ sung cụm công "
                       "nghiệp Phú Hộ với quy mô 75 ha vào quy hoạch phát triển cụm công nghiệp.\n",
    })
    ans = engine.ask("5 tháng đầu năm 2021, thị trường xuất khẩu chính của các doanh nghiệp Bến Tre là thị trường nào?")
    assert ans.status == "answered" and ans.value.text == "Châu Mỹ"
    assert _stated(engine, "Cụm công nghiệp Phú Hộ quy mô 75 ha mà Phú Thọ bổ sung vào quy hoạch nằm ở đâu?") \
        in (None, "Phú Thọ", "tỉnh Phú Thọ")


@pytest.mark.slow
def test_a_name_keeps_its_number_and_a_place_its_town(tmp_path, model_cache):
    """"Nhiệt điện Vũng Áng 1" is the plant's name, number included (a count after a name,
    "Quảng Ninh 2 nhà máy", is not); "tại thành phố Gia Nghĩa tỉnh Đắk Nông", with no comma
    between town and province, is where, whole (not the province a later body is of)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ha-tinh.txt": "Hoạt động công thương Hà Tĩnh năm 2019\n\nNăm 2019, nhà máy Nhiệt điện Vũng Áng 1 vận hành "
                       "luân phiên các tổ máy do thiếu nguyên liệu.\n",
        "dak-nong.txt": "Hội nghị khuyến công khu vực miền Trung - Tây Nguyên lần thứ XIII năm 2023\n\nChiều ngày "
                        "26/10, tại thành phố Gia Nghĩa tỉnh Đắk Nông, Cục Công Thương địa phương phối hợp với Sở "
                        "Công Thương tỉnh Đăk Nông tổ chức Hội nghị khuyến công khu vực miền Trung - Tây Nguyên lần "
                        "thứ XIII.\n",
    })
    plant = _stated(engine, "Nhà máy nhiệt điện nào ở Hà Tĩnh phải vận hành luân phiên các tổ máy năm 2019?")
    assert plant.endswith("Vũng Áng 1")          # with the noun asked, "Nhiệt điện Vũng Áng 1"
    assert _stated(engine, "Hội nghị khuyến công khu vực miền Trung - Tây Nguyên lần thứ XIII được tổ chức ở đâu?") \
        == "thành phố Gia Nghĩa tỉnh Đắk Nông"


@pytest.mark.slow
def test_which_ones_are_read_where_names_follow_the_noun_asked(tmp_path, model_cache):
    """"Sơn La có những khu công nghiệp nào?" is answered by the names right after "khu công
    nghiệp" ("2 khu công nghiệp (Mai Sơn, Vân Hồ)"), all of them, not by the source credit of a
    headline that covers more of the question ("Kinhtedothi"); "cửa khẩu nào" by "cửa khẩu Lóng
    Sập", the name with its noun."""
    engine = _records_engine(tmp_path, model_cache, {
        "son-la.txt": "Tỉnh Sơn La: công nghiệp, xây dựng đóng góp tích cực vào tăng trưởng kinh tế năm 2025\n\n"
                      "Kinhtedothi - 6 tháng đầu năm 2025, kinh tế Sơn La ghi nhận nhiều tín hiệu tích cực.\n\n"
                      "Toàn tỉnh hiện có 3 nhà máy thủy điện lớn, 2 khu công nghiệp (Mai Sơn, Vân Hồ), 2 cụm công "
                      "nghiệp (Mộc Châu, Gia Phù) và hơn 1.000 cơ sở sản xuất. Tỉnh đề xuất nâng cấp cửa khẩu "
                      "Lóng Sập thành cửa khẩu quốc tế.\n",
    })
    assert _stated(engine, "Sơn La có những khu công nghiệp nào?") == "Mai Sơn, Vân Hồ"
    # one asked: the name with the noun it was asked by; the paper's credit is no answer
    assert _stated(engine, "Cửa khẩu nào của Sơn La được đề xuất nâng cấp thành cửa khẩu quốc tế?") == \
        "cửa khẩu Lóng Sập"
    assert _stated(engine, "Đơn vị nào đưa tin kinh tế Sơn La 6 tháng đầu năm 2025 ghi nhận tín hiệu tích cực?") \
        != "Kinhtedothi"


@pytest.mark.slow
def test_a_body_asked_is_answered_by_its_whole_name(tmp_path, model_cache):
    """"Cơ quan nào …?": the body's name as Vietnamese writes it ("Chi cục Quản lý thị
    trường"), not the fragment a run of capitals gives ("Chi"), and not the body the question
    names itself ("UBND tỉnh giao cơ quan nào …")."""
    engine = _records_engine(tmp_path, model_cache, {
        "hung-yen.txt": "Hưng Yên: kết quả quản lý thị trường năm 2024\n\n"
                        "Năm 2024, Chi cục Quản lý thị trường (Sở Công Thương) đã kiểm tra 1.204 vụ, xử lý 380 vụ "
                        "vi phạm, thu nộp ngân sách 6,1 tỷ đồng.\n\n"
                        "Cũng trong năm, UBND tỉnh giao Sở Kế hoạch và Đầu tư chủ trì xây dựng đề án thu hút đầu tư "
                        "vào các cụm công nghiệp giai đoạn 2025 - 2030.\n",
    })
    assert _stated(engine, "Cơ quan nào đã kiểm tra 1.204 vụ năm 2024 ở Hưng Yên?") == \
        "Chi cục Quản lý thị trường (Sở Công Thương)"
    assert _stated(engine, "UBND tỉnh Hưng Yên giao cơ quan nào chủ trì xây dựng đề án thu hút đầu tư vào cụm "
                           "công nghiệp?") == "Sở Kế hoạch và Đầu tư"


@pytest.mark.slow
@pytest.mark.parametrize("question", ["6 tháng đầu năm 2024, xuất khẩu của Trà Vinh sang thị trường châu Âu ước đạt "
                                      "bao nhiêu?", "6 thang dau nam 2024 xuat khau cua tra vinh sang chau au dat bao nhieu"])
def test_a_market_asked_is_a_slot_like_a_country(tmp_path, model_cache, question):
    """A continent is a market the question names, whichever case "châu" is written in: "Châu
    Mỹ … ước đạt 120,3 triệu USD" does not answer for Europe, and Europe's own figure is the
    question's though the province's total is bound to the province."""
    engine = _records_engine(tmp_path, model_cache, {
        "tra-vinh.txt": "Trà Vinh: xuất khẩu 6 tháng đầu năm 2024\n\n"
                        "6 tháng đầu năm 2024, kim ngạch xuất khẩu của tỉnh Trà Vinh ước đạt 410,2 triệu USD. "
                        "Châu Mỹ vẫn là thị trường xuất khẩu chính của các doanh nghiệp trên địa bàn tỉnh với ước đạt "
                        "120,3 triệu USD, chiếm tỷ trọng 29,3%; thị trường Châu Âu ước đạt 61,4 triệu USD, chiếm tỷ "
                        "trọng 15%.\n",
    })
    assert _stated(engine, question) == "ước đạt 61,4 triệu USD"


@pytest.mark.slow
def test_a_sentence_opening_with_trong_do_lists_parts_of_the_whole_before_it(tmp_path, model_cache):
    """"… giá trị sản xuất công nghiệp toàn tỉnh ước đạt 1.520,4 tỷ đồng. Trong đó, … ngành sản xuất
    và phân phối điện ước đạt 610,2 tỷ đồng …": a question for the whole that names no part is not
    answered by a part, though the part's sentence says "sản xuất" too."""
    engine = _records_engine(tmp_path, model_cache, {
        "cong-nghiep.txt": "Công nghiệp 6 tháng đầu năm 2022 của tỉnh Lai Châu\n\n"
                           "6 tháng đầu năm 2022, giá trị sản xuất công nghiệp toàn tỉnh ước đạt 1.520,4 tỷ đồng, tăng "
                           "10,2% so với cùng kỳ. Trong đó, ngành khai khoáng ước đạt 150 tỷ đồng; ngành công nghiệp "
                           "sản xuất và phân phối điện ước đạt 610,2 tỷ đồng, tăng 8,1%.\n",
    })
    assert "ước đạt 610,2 tỷ đồng" not in _weighed(engine, "6 tháng đầu năm 2022 giá trị sản xuất công nghiệp của Lai Châu "
                                                   "ước được bao nhiêu?")
    assert "ước đạt 610,2 tỷ đồng" in _weighed(engine, "6 tháng đầu năm 2022 ngành sản xuất và phân phối điện của Lai Châu "
                                               "ước đạt bao nhiêu?")


@pytest.mark.slow
def test_industrial_clusters_are_asked_and_counted_by_their_abbreviation(tmp_path, model_cache):
    """"Những cụm công nghiệp nào …?" against "… 3 CCN (CCN Tân An, CCN Hòa Lạc, CCN Đông Sơn)":
    the noun asked stands as its abbreviation, which names no cluster itself ("CCN" had been the
    answer); "mấy cụm" is counted by "3 CCN"."""
    engine = _records_engine(tmp_path, model_cache, {
        "quy-hoach.txt": "Quy hoạch cụm công nghiệp tỉnh Tuyên Quang\n\n"
                         "Đến năm 2030, tỉnh quy hoạch 20 cụm công nghiệp với tổng diện tích 1.050 ha. Bên cạnh đó, "
                         "theo Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050, tỉnh đưa ra khỏi quy hoạch "
                         "3 CCN (CCN Tân An, CCN Hòa Lạc, CCN Đông Sơn) do không còn phù hợp.\n",
    })
    assert _stated(engine, "Tuyên Quang đưa những cụm công nghiệp nào ra khỏi quy hoạch đến năm 2030?") == \
        "CCN Tân An, CCN Hòa Lạc, CCN Đông Sơn"
    assert _stated(engine, "Đến năm 2030 Tuyên Quang đưa ra khỏi quy hoạch mấy cụm?") == "3 CCN"


@pytest.mark.slow
def test_electricity_sold_is_not_answered_by_electricity_generated(tmp_path, model_cache):
    """"Sản lượng điện thương phẩm" asks the electricity sold: the clause "sản lượng điện sản
    xuất … đạt 2.100,5 triệu kWh" shares the generic "sản lượng" only; and a share of the plan
    stated for the electricity generated is no answer for the electricity sold."""
    engine = _records_engine(tmp_path, model_cache, {
        "dien.txt": "Tình hình sản xuất công nghiệp 6 tháng đầu năm 2024 của tỉnh Lạng Sơn\n\n"
                    "Nhóm sản xuất và phân phối điện: sản lượng điện sản xuất lũy kế 6 tháng đạt 2.100,5 triệu kWh, "
                    "đạt 40,2% kế hoạch năm; sản lượng điện thương phẩm đạt 410,3 triệu kWh, tăng 9,1% so với cùng "
                    "kỳ; xi măng đạt 512.000 tấn.\n",
    })
    assert _stated(engine, "lang son 6 thang dau nam 2024 san luong dien thuong pham bao nhieu") == "410,3 triệu kWh"
    assert _stated(engine, "Điện thương phẩm 6 tháng đầu năm 2024 của Lạng Sơn đạt bao nhiêu phần trăm kế hoạch?") \
        is None


@pytest.mark.slow
def test_a_title_asked_in_short_stands_written_out(tmp_path, model_cache):
    """"Chủ tịch UBND tỉnh Yên Bái … là ai?" against "…; Lê Minh Hòa, Chủ tịch Ủy ban nhân dân
    tỉnh Yên Bái; …": the title is there, written out, and binds its own name, not the minister
    named first."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-nghi.txt": "Hội nghị ngành Công Thương các tỉnh phía Bắc năm 2025\n\n"
                        "Đến dự có đồng chí Trần Văn An, Ủy viên Trung ương Đảng, Bộ trưởng Công Thương; Lê Minh Hòa, "
                        "Chủ tịch Ủy ban nhân dân tỉnh Yên Bái; lãnh đạo các cục, vụ thuộc Bộ Công Thương.\n",
    })
    assert _stated(engine, "Chủ tịch UBND tỉnh Yên Bái dự Hội nghị ngành Công Thương các tỉnh phía Bắc năm 2025 "
                           "là ai?") == "Lê Minh Hòa"


@pytest.mark.slow
def test_which_thing_is_answered_by_the_phrase_in_its_place(tmp_path, model_cache):
    """"Khu vực kinh tế nào chiếm tỷ trọng chủ yếu …?": no name answers it, the words the
    sentence puts where the question has "nào" do ("khu vực kinh tế có vốn đầu tư nước ngoài"),
    with the noun asked whole though the question's noun is read from three words; a phrase
    that points elsewhere ("hãng công nghệ này trở thành …") names nothing."""
    engine = _records_engine(tmp_path, model_cache, {
        "bao-cao.txt": "Báo cáo công nghiệp 9 tháng năm 2024 của tỉnh Hưng Yên\n\n"
                       "Trong 9 tháng, khu vực kinh tế có vốn đầu tư nước ngoài chiếm tỷ trọng chủ yếu trong giá trị "
                       "sản xuất công nghiệp của tỉnh. Chi cục chú trọng chống buôn lậu mặt hàng thuốc lá điếu, "
                       "đường cát và phân bón. Năm nay hãng công nghệ này trở thành nhà sản xuất pin lớn thứ hai.\n",
    })
    assert _stated(engine, "Khu vực kinh tế nào chiếm tỷ trọng chủ yếu trong giá trị sản xuất công nghiệp của "
                           "Hưng Yên?") == "khu vực kinh tế có vốn đầu tư nước ngoài"
    assert _stated(engine, "Chi cục chú trọng chống buôn lậu mặt hàng nào?") == "mặt hàng thuốc lá điếu"
    assert _stated(engine, "Hãng nào là nhà sản xuất pin lớn thứ hai?") != "hãng công nghệ này trở thành"


@pytest.mark.slow
def test_a_phrase_in_place_of_the_noun_needs_the_nouns_head(tmp_path, model_cache):
    """"đội quản lý thị trường nào …?" is read from three words ("quản lý thị trường"): a sentence
    whose phrase has another head ("lực lượng quản lý thị trường kịp thời phát hiện") names no
    đội — its "kịp thời" had been answered at 0.91 — while the team named later in the sentence
    is the answer, without the "đã" before its verb."""
    engine = _records_engine(tmp_path, model_cache, {
        "qltt.txt": "Kết quả kiểm tra thị trường quý II/2019 của tỉnh Nam Định\n\n"
                    "Nhiều vụ việc đã được lực lượng quản lý thị trường kịp thời phát hiện, điển hình như Đội Quản lý "
                    "thị trường số 3 đã phát hiện cơ sở kinh doanh rượu không rõ nguồn gốc, xử phạt 15 triệu đồng. "
                    "Trong quý, Sở Công Thương đã tổ chức Hội chợ hàng Việt Nam Định 2019 với 200 gian hàng.\n",
    })
    assert _stated(engine, "Ở Nam Định, đội quản lý thị trường nào phát hiện cơ sở kinh doanh rượu không rõ "
                           "nguồn gốc?") == "Đội Quản lý thị trường số 3"
    # a verb ends the phrase, also one the noun was read from the second half of ("chuc hoi cho")
    assert "Hội chợ hàng Việt Nam Định 2019" in (_stated(engine, "Quý II/2019 Sở Công Thương Nam Định tổ chức "
                                                                 "hội chợ nào?") or "")


@pytest.mark.slow
def test_the_plan_asked_is_the_figure_stated_as_planned(tmp_path, model_cache):
    """"Kế hoạch năm đặt ra là bao nhiêu?" asks the plan: "(kế hoạch năm 8,5%)", not the sum
    achieved beside it (stated at 0.97) — a plan of a sum of money may be a rate — while the
    level asked without a plan word is still the sum."""
    engine = _records_engine(tmp_path, model_cache, {
        "tong-ket.txt": "Hội nghị tổng kết ngành Công Thương tỉnh Hà Nam năm 2023\n\n"
                        "Năm 2023, giá trị sản xuất công nghiệp đạt hơn 52.300 tỷ đồng, tăng 9,4% so với cùng kỳ "
                        "(kế hoạch năm 8,5%); kim ngạch xuất khẩu đạt 1,2 tỷ USD, tăng 6,1% so với cùng kỳ "
                        "(kế hoạch năm 5%).\n",
        "ngan-hang.txt": "Năm 2024, ngân hàng Nam Á đặt mục tiêu lợi nhuận trước thuế đạt 4.000 tỷ đồng, tăng 25% so "
                         "với năm 2023.\n",
    })
    # a planned sum answers a plan of money; the planned rate beside it only where no sum is planned
    assert _stated(engine, "Ngân hàng Nam Á đặt mục tiêu lợi nhuận trước thuế năm 2024 là bao nhiêu?") == "4.000 tỷ đồng"
    asked = "Năm 2023 giá trị sản xuất công nghiệp của Hà Nam "
    assert _stated(engine, asked + "đạt bao nhiêu?") == "hơn 52.300 tỷ đồng"
    assert _stated(engine, asked + "kế hoạch năm đặt ra là bao nhiêu?") == "8,5%"
    # a planned rise is what "kế hoạch … đặt mức tăng bao nhiêu?" asks, not the rise achieved
    assert _stated(engine, asked + "kế hoạch năm đặt mức tăng bao nhiêu?") == "8,5%"


def test_a_plan_stated_runs_to_its_clauses_end_and_a_plan_as_a_base_states_none():
    """"đặt mục tiêu doanh thu … 5.391 tỷ đồng, lợi nhuận trước thuế 319 tỷ đồng, lợi nhuận sau
    thuế là 255 tỷ đồng": every target of the list is the plan's (the third was out of a window
    of words, and a follow-up lost it); "vượt kế hoạch", "bằng 105% kế hoạch" name a plan as a
    base, and the figures beside them are what was done."""
    from kcqa.ask.candidates import stated_as_planned
    from kcqa.models import Figure

    def figure(sentence, text):
        at = sentence.index(text)
        return Figure(doc="d", value=0.0, unit="", text=text, start=at, end=at + len(text), sentence=sentence,
                      sentence_start=0)
    targets = ("Năm 2021, Habeco đặt mục tiêu doanh thu tiêu thụ sản phẩm chính là 5.391 tỷ đồng, lợi nhuận trước "
               "thuế 319 tỷ đồng, lợi nhuận sau thuế là 255 tỷ đồng; cổ tức 6,5%.")
    assert stated_as_planned(figure(targets, "255 tỷ đồng")) and not stated_as_planned(figure(targets, "6,5%"))
    done = "Năm 2023, doanh thu đạt 500 tỷ đồng, vượt kế hoạch 10%, lợi nhuận đạt 50 tỷ đồng, bằng 105% kế hoạch năm."
    assert not stated_as_planned(figure(done, "50 tỷ đồng")) and not stated_as_planned(figure(done, "10%"))


@pytest.mark.slow
def test_a_lists_lead_in_after_gom_belongs_to_every_item(tmp_path, model_cache):
    """"Nhiều mặt hàng xuất khẩu tăng, gồm thủy sản …; may mặc …; giày, da …": the words before
    "gồm" are every item's, so the first item does not own "xuất khẩu" and crowd out the item
    the question names."""
    engine = _records_engine(tmp_path, model_cache, {
        "xuat-khau.txt": "Kim ngạch xuất khẩu 8 tháng năm 2022 của tỉnh ước đạt 1,5 tỷ USD.\n\n"
                         "Nhiều mặt hàng có kim ngạch xuất khẩu tăng so với cùng kỳ, gồm thủy sản chế biến ước đạt "
                         "19,7 triệu USD; may mặc 66,4 triệu USD; giày, da các loại gần 139 triệu USD.\n",
    })
    assert "gần 139 triệu USD" in _weighed(engine, "Xuất khẩu giày, da các loại 8 tháng năm 2022 đạt bao nhiêu?")


@pytest.mark.slow
def test_a_group_asked_is_not_answered_by_another_groups_figure(tmp_path, model_cache):
    """"Lĩnh vực công nghiệp xây dựng … chiếm tỷ trọng bao nhiêu?" is not answered by "Điện
    trong lĩnh vực quản lý tiêu dùng chiếm 32,32%", which shares more of the question's words;
    the group noun may differ ("thành phần công nghiệp xây dựng"), its own words may not."""
    engine = _records_engine(tmp_path, model_cache, {
        "evnnpc.txt": "Điện thương phẩm EVNNPC 9 tháng năm 2016\n\nTrong 9 tháng đầu năm 2016, sản lượng điện thương "
                      "phẩm của EVNNPC ước đạt gần 37,8 tỷ kWh. Trong đó sản lượng điện thương phẩm của thành phần công "
                      "nghiệp xây dựng đạt 23,1 tỷ kWh. Điện trong lĩnh vực quản lý tiêu dùng chiếm 32,32% và tăng 2% "
                      "so với cùng kỳ.\n",
    })
    # the record gives no share for construction industry: not found, not the other group's
    assert _stated(engine, "Lĩnh vực công nghiệp xây dựng của EVNNPC chiếm tỷ trọng bao nhiêu?") is None
    assert _stated(engine, "Thành phần quản lý tiêu dùng của EVNNPC chiếm tỷ trọng bao nhiêu?") == "32,32%"


@pytest.mark.slow
def test_a_rating_in_stars_asked_is_matched_exactly(tmp_path, model_cache):
    """"bao nhiêu sản phẩm đạt 4 sao" is not answered by the count rated "từ 3 đến 4 sao" nor by
    the count received, which names no rating; the range asked is answered by the range."""
    engine = _records_engine(tmp_path, model_cache, {
        "ninh-thuan.txt": "Ninh Thuận có 61/69 sản phẩm OCOP đạt tiêu chuẩn từ 3 đến 4 sao năm 2020\n\nNăm 2020, Hội "
                          "đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Ninh Thuận đã tiếp nhận 69 sản phẩm. Qua đánh "
                          "giá, có 8 sản phẩm tiềm năng 5 sao, 61 sản phẩm còn lại đạt từ 3 đến 4 sao.\n",
    })
    assert _stated(engine, "Năm 2020 Ninh Thuận có bao nhiêu sản phẩm OCOP đạt 4 sao?") is None
    assert _stated(engine, "Năm 2020 Ninh Thuận có bao nhiêu sản phẩm OCOP tiềm năng 5 sao?") == "8 sản phẩm"


def test_a_selection_of_the_highest_does_not_give_the_lowest(seed_engine):
    """"một số địa phương bố trí nguồn ngân sách cao … là: Lâm Đồng (…), Quảng Nam (…), Quảng Bình
    (…)…": Lâm Đồng is the highest; Quảng Bình is not the lowest province, only the lowest named."""
    assert _stated(seed_engine, "Địa phương nào bố trí kinh phí cao nhất?") == "Lâm Đồng"
    assert _stated(seed_engine, "Địa phương nào bố trí kinh phí thấp nhất?") is None


def test_a_change_asked_is_not_filled_by_the_level_beside_it(seed_engine):
    """"tăng bao nhiêu?" wants "tăng 7,34%", not "là 64,47 tỷ đồng" in the same sentence."""
    from kcqa.ask.answer import answer_question
    trace: list = []
    answer_question(seed_engine, "Kinh phí khuyến công thực hiện năm 2019 tăng bao nhiêu so với năm 2018?", trace=trace)
    texts = {c.figure.text for c in trace}
    assert "7,34%" in texts and "64,47 tỷ đồng" not in texts


@pytest.mark.parametrize("question", [
    "Năm 2019 tổng kinh phí khuyến công của miền Trung - Tây Nguyên thay đổi bao nhiêu so với năm 2018?",
    "Năm 2019 tổng kinh phí khuyến công của miền Trung - Tây Nguyên chênh lệch bao nhiêu so với năm 2018?",
    "nam 2019 tong kinh phi khuyen cong mien Trung - Tay Nguyen thay doi bao nhieu so voi nam 2018?"])
def test_a_change_asked_without_its_direction_is_a_change(seed_engine, question):
    """"thay đổi bao nhiêu so với năm 2018?" asks the change, whichever way it went: it had been
    answered with the 2019 total (64,47 tỷ đồng, confidence 0.89)."""
    from kcqa.ask.answer import answer_question
    trace: list = []
    answer_question(seed_engine, question, trace=trace)
    texts = {c.figure.text for c in trace}
    assert "7,34%" in texts and "64,47 tỷ đồng" not in texts


def test_a_measure_the_record_names_in_other_words_is_named(seed_engine):
    """The sample lists the provinces under "bố trí nguồn ngân sách … là:"; a question says
    "kinh phí". The lexicon's equivalents count for the measure as they do for coverage."""
    from kcqa.ask.answer import answer_question
    trace: list = []
    answer_question(seed_engine, "Quảng Nam được bố trí bao nhiêu kinh phí?", trace=trace)
    best = max(trace, key=lambda c: c.score)
    assert best.figure.text == "6,94 tỷ đồng" and best.features["measure_in_clause"] == 1.0
    trace.clear()
    answer_question(seed_engine, "Quảng Nam được bố trí bao nhiêu tiền điện?", trace=trace)
    assert all(c.features["measure_in_clause"] == 0.0 for c in trace)


@pytest.mark.slow
def test_a_company_named_must_be_named_in_the_record(corpus_engine):
    """Every candidate for a question about Hòa Phát comes from a record that writes "Hòa Phát";
    a bank's article holding "hòa" and "phát" in other words does not count (its 1.112 tỷ đồng
    was given for Hòa Phát's profit)."""
    from kcqa.ask.answer import answer_question
    from kcqa.text.vietnamese import fold
    trace: list = []
    answer_question(corpus_engine, "Quý I/2021 Hòa Phát đạt lợi nhuận sau thuế bao nhiêu?", trace=trace)
    for c in trace:
        doc = corpus_engine.store.document(c.figure.doc)
        assert re.search(r"(?<!\w)hoa phat(?!\w)", fold(doc.title + " " + doc.text)), (c.figure.text, c.figure.doc)


@pytest.mark.slow
def test_a_day_named_is_the_figures_day_not_the_day_the_report_came_out(tmp_path, model_cache):
    """Daily reports: "phiên 27/4" is answered from the report of that session, not from the one
    published that day about the session before ("Phiên hôm qua (26/4)"), and a day no record
    covers is not found, even with no threshold."""
    engine = _records_engine(tmp_path, model_cache, {
        "chung-khoan-1.txt":
            "# date = 20210427\nChứng khoán phiên 26/4: VN-Index tăng mạnh\n"
            "Phiên giao dịch hôm qua (26/4), thị trường chứng khoán diễn biến tích cực.\n"
            "Kết phiên, VN-Index tăng 12,4 điểm lên 1.230,5 điểm.\n",
        "chung-khoan-2.txt":
            "# date = 20210428\nChứng khoán phiên 27/4: VN-Index đảo chiều\n"
            "Phiên giao dịch hôm qua (27/4), nhà đầu tư thận trọng.\n"
            "Kết phiên, VN-Index tăng 3,98 điểm lên 1.219,75 điểm.\n",
    })
    for day, expected in (("26/4", "12,4 điểm"), ("27/4", "3,98 điểm")):
        assert _stated(engine, f"Phiên {day}, VN-Index tăng bao nhiêu điểm?") == expected, day
    ans = engine.ask("Phiên 28/4, VN-Index tăng bao nhiêu điểm?")
    assert ans.status == "not_found"


@pytest.mark.slow
def test_a_figures_day_is_not_the_day_it_is_compared_with(tmp_path, model_cache):
    """"giảm 150.000 đồng/lượng so với chốt phiên 19/4" is the change on the day being reported
    (20/4), and in "nếu ở phiên 22/4 … thì ở phiên cuối tuần tăng 20,71 điểm" the rise is the
    later session's: the baseline's or the contrast's day does not date the figure."""
    engine = _records_engine(tmp_path, model_cache, {
        "gia-vang.txt":
            "# date = 20210420\nGiá vàng bất ngờ đảo chiều\n"
            "Mở cửa phiên sáng 20/4, giá vàng SJC tại Hà Nội ở mức 55,4 - 55,85 triệu đồng/lượng. "
            "Các mức giá này giảm mỗi chiều 150.000 đồng/lượng so với chốt phiên 19/4.\n",
        "chung-khoan.txt":
            "# date = 20210423\nChứng khoán hồi phục\n"
            "Thị trường chứng khoán trong phiên 23/4 đã lấy lại được phần nào thiệt hại.\n"
            "Cụ thể, nếu ở phiên 22/4, VN-Index mất hơn 40 điểm thì ở phiên cuối tuần, chỉ số chính "
            "tăng 20,71 điểm lên 1.248,53 điểm.\n",
    })
    assert _stated(engine, "Sáng 20/4, giá vàng SJC tại Hà Nội giảm bao nhiêu mỗi chiều?") == "150.000 đồng/lượng"
    assert _stated(engine, "Phiên 23/4 VN-Index tăng bao nhiêu điểm?") == "20,71 điểm"
    assert "20,71 điểm" not in _weighed(engine, "Phiên 22/4 VN-Index tăng bao nhiêu điểm?")


def test_a_part_asked_after_its_whole_is_the_part(tmp_path, model_cache):
    """In a conversation, "Trong đó nguồn khuyến công quốc gia bao nhiêu?" after the plan's total
    is the national part (it had been the total again, carried with "tổng")."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong.txt":
            "Quảng Trị: 3,5 tỷ đồng cho khuyến công năm 2019\n\n"
            "Trung tâm Khuyến công tỉnh Quảng Trị đã xây dựng kế hoạch khuyến công năm 2019 với tổng kinh phí "
            "hỗ trợ dự kiến 3,5 tỷ đồng.\n\n"
            "Trong đó, nguồn kinh phí khuyến công quốc gia 900 triệu đồng hỗ trợ cho 3 đề án; nguồn kinh phí "
            "khuyến công địa phương 2,6 tỷ đồng hỗ trợ cho 14 đề án.\n",
    })
    conv = Conversation()
    first = engine.ask("Năm 2019 Trung tâm Khuyến công Quảng Trị dự kiến tổng kinh phí hỗ trợ bao nhiêu?", conv)
    assert first.value.text == "3,5 tỷ đồng"
    part = engine.ask("Trong đó nguồn khuyến công quốc gia bao nhiêu?", conv)
    assert part.status == "answered" and part.value.text == "900 triệu đồng"
    assert "tổng" not in part.resolved_question


def test_a_lists_lead_in_figure_is_not_dropped_for_one_of_its_items(tmp_path, model_cache):
    """"… xoay quanh 3 vấn đề sau: Thứ nhất, … của khu vực Bắc Trung Bộ; Thứ hai, …": the count in
    the lead-in is the list's own; the item that shares the question's words must not drop it."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-thao.txt":
            "Hội thảo khuyến công năm 2022\n\n"
            "Nội dung thảo luận xoay quanh 3 vấn đề sau: Thứ nhất, đánh giá kết quả công tác khuyến công "
            "năm 2021 của khu vực Bắc Trung Bộ; Thứ hai, xác định nhiệm vụ trọng tâm những tháng cuối năm; "
            "Thứ ba, kiến nghị cơ chế hỗ trợ cơ sở công nghiệp nông thôn.\n",
    })
    assert _stated(engine, "Hội thảo khuyến công khu vực Bắc Trung Bộ thảo luận xoay quanh mấy vấn đề?") == "3 vấn đề"


def test_a_body_named_with_a_number_is_answered_whole(tmp_path, model_cache):
    """"Công ty TNHH MTV Chè 319": the number is part of the company's name (it had been cut
    to "Công ty TNHH MTV Chè"); a count after a body ("… cho 13 cơ sở") is not."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong.txt":
            "Hỗ trợ dây chuyền chế biến chè\n\n"
            "Vừa qua, Sở Công Thương tỉnh Phú Thọ đã chuyển giao Đề án hỗ trợ máy móc thiết bị chế biến chè "
            "cho Công ty TNHH MTV Chè 319 (xã Phú Hộ, thị xã Phú Thọ).\n",
    })
    ans = answer_question(engine, "Đề án hỗ trợ máy móc chế biến chè ở xã Phú Hộ được chuyển giao cho đơn vị nào?")
    assert ans.value.text == "Công ty TNHH MTV Chè 319"


def test_a_company_asked_is_the_one_of_the_figure_asked_named_whole(tmp_path, model_cache):
    """"… công ty nào cung cấp cho 40 cửa hàng?" is the item that writes 40, not the next
    company of the list (it had answered one that supplies none, at 0.87); a name inside a
    company's name ("TNHH TM Minh Phát") is answered with the whole of it."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "xang-dau.txt":
            "Nguồn cung xăng dầu tỉnh Hòa Định\n\n"
            "Các thương nhân phân phối cung cấp xăng dầu cho các cửa hàng bán lẻ trên địa bàn tỉnh Hòa Định:\n"
            "1. Chi nhánh xăng dầu Hòa Định: cung cấp xăng dầu cho 55 cửa hàng.\n"
            "2. Công ty cổ phần xăng dầu Minh Phát: cung cấp xăng dầu cho 40 cửa hàng.\n"
            "3. Công ty cổ phần xăng dầu Hòa Định: hiện không cung cấp cho cửa hàng bán lẻ xăng dầu nào.\n",
        "tet.txt":
            "Bình ổn thị trường Tết\n\n"
            "Dịp Tết, Công ty TNHH TM DV Minh Phát - Hòa Định tổ chức các chuyến đưa hàng Việt về vùng sâu, vùng xa.\n",
    })
    ans = answer_question(engine, "Ở tỉnh Hòa Định, công ty nào cung cấp xăng dầu cho 40 cửa hàng bán lẻ?")
    assert ans.value is not None and ans.value.text == "Công ty cổ phần xăng dầu Minh Phát"
    ans = answer_question(engine, "Dịp Tết, doanh nghiệp nào tổ chức các chuyến đưa hàng Việt về vùng sâu, vùng xa?")
    assert ans.value is not None and ans.value.text == "Công ty TNHH TM DV Minh Phát - Hòa Định"


def test_a_rating_is_no_names_number_and_a_total_asked_names_no_part(tmp_path, model_cache):
    """"… tổng cộng bao nhiêu sản phẩm OCOP 3 sao?": "OCOP 3" is no numbered name ("3 sao?" had
    been read with its "?", so "OCOP 4 sao," in the sentence was another OCOP), and "cộng" of
    "tổng cộng" does not name the part "du lịch cộng đồng" of the breakdown after it."""
    engine = _records_engine(tmp_path, model_cache, {
        "ocop.txt":
            "Kết quả OCOP tỉnh Hòa Định\n\n"
            "Đến nay, toàn tỉnh Hòa Định có 13 sản phẩm OCOP 4 sao, 131 sản phẩm OCOP 3 sao của 91 chủ thể, thuộc "
            "4 nhóm sản phẩm, trong đó 124 sản phẩm thuộc nhóm thực phẩm; 3 sản phẩm thuộc nhóm dịch vụ du lịch "
            "cộng đồng.\n",
    })
    assert _stated(engine, "Đến nay Hòa Định có tổng cộng bao nhiêu sản phẩm OCOP 3 sao?") == "131 sản phẩm"


def test_a_name_written_in_one_group_of_a_list_is_answered_from_that_group(tmp_path, model_cache):
    """"cụm A … 100%; cụm B … 50%; cụm C (huyện D) … 57%; …": the cluster asked is answered by its
    own ';' group (another group's 50% had been stated at 0.83), and the district in its bracket
    does not make it another place's figure; a group that names no one is its subject's
    ("…; lợi nhuận sau thuế đạt 1.069 tỷ đồng")."""
    engine = _records_engine(tmp_path, model_cache, {
        "cum-cong-nghiep.txt":
            "Cụm công nghiệp tỉnh Quảng Trị năm 2015\n\n"
            "Các cụm công nghiệp đã đi vào hoạt động gồm: cụm công nghiệp Thuận An (TP. Đông Hà) với diện tích "
            "25 ha, tỷ lệ lấp đầy 100%; cụm công nghiệp Bắc Sơn (TP. Đông Hà) diện tích 15 ha, tỷ lệ lấp đầy 50%; "
            "cụm công nghiệp Lưu Phong (huyện Gio Linh) với diện tích 4 ha, tỷ lệ lấp đầy 57%; cụm công nghiệp "
            "Yên Lạc (huyện Hải Lăng) diện tích 18 ha, tỷ lệ lấp đầy 30%.\n",
        "vang-bac.txt":
            "Kết quả kinh doanh năm 2020\n\n"
            "Tại Công ty Vàng bạc Mai Phương (HOSE: MPJ) năm 2020 doanh thu của MPJ đạt 17.511 tỷ đồng, tăng 3%; "
            "lợi nhuận trước thuế đạt 1.349 tỷ đồng; lợi nhuận sau thuế đạt 1.069 tỷ đồng.\n",
    })
    assert _stated(engine, "Cụm công nghiệp Lưu Phong ở Quảng Trị đã lấp đầy bao nhiêu phần trăm?") == "57%"
    assert _stated(engine, "Lợi nhuận sau thuế năm 2020 của MPJ là bao nhiêu?") == "1.069 tỷ đồng"


def test_the_months_added_up_to_a_month_are_that_many_months(tmp_path, model_cache):
    """"Lũy kế đến hết tháng 7/2018 … ước đạt 29.557 tỷ đồng" answers "lũy kế 7 tháng năm 2018":
    the month closes the months added up (it had been July's own period, no answer)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ban-le.txt":
            "Thương mại tỉnh Hải Dương tháng 7/2018\n\n"
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tháng 7/2018 ước đạt 4.400 tỷ đồng. Lũy kế đến hết "
            "tháng 7/2018 tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 29.557 tỷ đồng.\n",
    })
    asked = "Lũy kế 7 tháng năm 2018 tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của Hải Dương đạt bao nhiêu?"
    assert _stated(engine, asked) == "ước đạt 29.557 tỷ đồng"


def test_domestic_or_foreign_asked_is_a_slot(tmp_path, model_cache):
    """"… vốn đầu tư trong nước?" is not answered by the foreign investment of a sentence that
    speaks of foreign investment only (it had been, at 0.98); where a sentence gives both, each
    figure's own clause says whose it is."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoa-dinh-2012.txt":
            "Kinh tế tỉnh Hòa Định năm 2012\n\n"
            "Năm 2012, tỉnh Hòa Định thu hút 2,609 tỷ USD vốn đầu tư trực tiếp nước ngoài (FDI), trong đó có "
            "105 dự án cấp mới.\n",
        "an-phu-2013.txt":
            "Kinh tế tỉnh An Phú năm 2013\n\n"
            "Năm 2013, tỉnh An Phú thu hút 12.500 tỷ đồng vốn đầu tư trong nước và 850 triệu USD vốn đầu tư "
            "nước ngoài.\n",
    })
    assert _stated(engine, "Năm 2012 Hòa Định thu hút bao nhiêu vốn đầu tư trong nước?") is None
    assert _stated(engine, "Năm 2012 Hòa Định thu hút bao nhiêu vốn FDI?") == "2,609 tỷ USD"
    assert _stated(engine, "Năm 2013 An Phú thu hút bao nhiêu vốn đầu tư trong nước?") == "12.500 tỷ đồng"
    assert _stated(engine, "Năm 2013 An Phú thu hút bao nhiêu vốn đầu tư nước ngoài?") == "850 triệu USD"


def test_a_body_asked_after_a_preposition_is_the_one_after_it_in_the_record(tmp_path, model_cache):
    """"… được chuyển giao cho đơn vị nào?": of the two bodies, the one after "cho" (it had been
    the body acting, "Sở Công Thương tỉnh Phú Thọ", the nearer to the question's rarest word)."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong.txt":
            "Hỗ trợ dây chuyền chế biến chè\n\n"
            "Vừa qua, Sở Công Thương tỉnh Phú Thọ đã chuyển giao Đề án hỗ trợ máy móc thiết bị chế biến chè "
            "cho Công ty TNHH MTV Chè 319 (xã Phú Hộ, thị xã Phú Thọ).\n",
    })
    ans = answer_question(engine, "Đề án hỗ trợ máy móc chế biến chè được chuyển giao cho đơn vị nào?")
    assert ans.value.text == "Công ty TNHH MTV Chè 319"
    ans = answer_question(engine, "Đơn vị nào chuyển giao đề án hỗ trợ máy móc chế biến chè?")
    assert ans.value.text != "Công ty TNHH MTV Chè 319"


def test_a_signer_told_in_prose_is_found_where_no_signature_is(tmp_path, model_cache):
    """"Ai ký Quyết định …?" over a news report with no signature block: the person the report
    says signed it; a report that names people but says nobody signed has no answer."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "lang-nghe.txt":
            "Nam Định công nhận làng nghề truyền thống\n\n"
            "Phó Chủ tịch UBND tỉnh Nam Định Trần Lê Đoài vừa ký ban hành Quyết định số 1234/QĐ-UBND về việc "
            "công nhận danh hiệu làng nghề truyền thống cho làng nghề dệt Cổ Chất.\n",
        "hoi-nghi.txt":
            "Hội nghị làng nghề tỉnh Thái Bình\n\n"
            "Ông Nguyễn Khắc Thận, Phó Chủ tịch UBND tỉnh Thái Bình chủ trì hội nghị bàn về Quyết định số 567/QĐ-UBND "
            "công nhận làng nghề chạm bạc Đồng Xâm.\n",
    })
    ans = answer_question(engine, "Ai ký Quyết định 1234/QĐ-UBND công nhận danh hiệu làng nghề truyền thống?")
    assert ans.value is not None and ans.value.text == "Trần Lê Đoài"
    ans = answer_question(engine, "Ai ký Quyết định 567/QĐ-UBND công nhận làng nghề chạm bạc Đồng Xâm?")
    assert ans.value is None or ans.value.text != "Nguyễn Khắc Thận"


def test_an_item_asked_by_its_ordinal_is_quoted_from_the_records_list(tmp_path, model_cache):
    """"Vấn đề thứ hai … là gì?": the item the record opens "Thứ hai, …", alone (not its
    neighbours), though it repeats none of the question's words; an item the list lacks is not found."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-nghi.txt":
            "Hội nghị khuyến công khu vực phía Bắc năm 2022\n\n"
            "Hội nghị tổng kết công tác khuyến công của 14 tỉnh khu vực phía Bắc năm 2022 đã diễn ra tại Hà Nam.\n\n"
            "Nội dung thảo luận xoay quanh 3 vấn đề sau:\n"
            "Thứ nhất, đánh giá kết quả đạt được và những hạn chế trong năm 2022;\n"
            "Thứ hai, xác định các nhiệm vụ trọng tâm, bám sát tình hình của cơ sở công nghiệp nông thôn;\n"
            "Thứ ba, trao đổi kinh nghiệm tổ chức các hoạt động.\n",
    })
    ans = answer_question(engine, "Vấn đề thứ hai được thảo luận tại hội nghị khuyến công khu vực phía Bắc năm 2022 là gì?")
    assert ans.kind == "passage" and ans.status == "answered"
    assert ans.value.text == "Thứ hai, xác định các nhiệm vụ trọng tâm, bám sát tình hình của cơ sở công nghiệp nông thôn;"
    ans = answer_question(engine, "Vấn đề thứ năm được thảo luận tại hội nghị khuyến công khu vực phía Bắc năm 2022 là gì?")
    assert ans.status == "not_found"


def test_a_unit_asked_is_a_name_never_a_figure(tmp_path, model_cache):
    """"… thuộc xã nào?" is the commune the record names for it, and, when no commune can be
    told, not found: never the sentence's sum of money (it had answered "6.000.000 đồng")."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "lang-nghe.txt":
            "Hà Nam công nhận làng nghề\n\n"
            "Quyết định công nhận danh hiệu làng nghề đối với làng nghề dệt Nha Xá, xã Mộc Nam, huyện Duy Tiên. "
            "Mỗi làng nghề được công nhận được hỗ trợ 5.000.000 đồng.\n",
    })
    ans = answer_question(engine, "Làng nghề dệt Nha Xá thuộc xã nào?")
    assert ans.value is not None and ans.value.text.startswith("xã Mộc Nam")
    ans = answer_question(engine, "Làng nghề được hỗ trợ thuộc phường nào?")
    assert ans.value is None or "đồng" not in ans.value.text


def test_a_title_case_word_is_no_name(tmp_path, model_cache):
    """"Xúc tiến thương mại", "Quản lý thị trường" are words written in title case, not names:
    their first syllable ("Xúc", "Quản") is never an answer; a country of one syllable still is."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "ke-hoach.txt":
            "Kế hoạch năm 2024\n\n"
            "Năm 2024, UBND tỉnh Trà Vinh đã phê duyệt Kế hoạch Khuyến công địa phương và Xúc tiến thương mại "
            "với tổng kinh phí gần 11 tỷ đồng.\n",
    })
    for q in ("Năm 2024 UBND tỉnh Trà Vinh phê duyệt kế hoạch nào?", "Trà Vinh phê duyệt hoạt động nào năm 2024?"):
        ans = answer_question(engine, q)
        assert ans.value is None or ans.value.text not in ("Xúc", "Kế", "Khuyến"), q
    from kcqa.ask.entities import _sentence_opener
    for text, word in (("xuất khẩu sang Mỹ với kim ngạch", "Mỹ"), ("hợp tác với Lào trong", "Lào"),
                       ("đơn vị Vingroup cho biết", "Vingroup")):          # a name of one word still is one
        at = text.index(word)
        assert not _sentence_opener(text, (at, at + len(word))), word


def test_a_count_noun_the_lexicon_lacks_is_read_after_the_figure(tmp_path, model_cache):
    """"340 triệu smartphone": a figure with no known unit counts the noun asked when that noun is
    written right after it; a figure followed by another word does not."""
    engine = _records_engine(tmp_path, model_cache, {
        "smartphone.txt":
            "Thị trường smartphone quý I/2021\n"
            "Trong 3 tháng quý I/2021, đã có 340 triệu smartphone được bán ra trên toàn thế giới, "
            "với 12 hãng lớn tham gia thị trường.\n",
    })
    assert _stated(engine, "Quý I/2021 thế giới bán ra bao nhiêu smartphone?") == "340 triệu"
    assert "340 triệu" not in _weighed(engine, "Quý I/2021 có bao nhiêu máy tính bảng được bán ra?")


def test_a_follow_up_naming_no_subject_is_answered_from_the_conversations_record(tmp_path, model_cache):
    """"Tỷ lệ nợ xấu năm 2020 là bao nhiêu?" after a question on Vietcombank's report means
    Vietcombank's ratio, though another bank's record says it in the question's own words; asked
    alone, or naming the other bank, it is that bank's."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {  # which record answers, whatever the confidence
        "vietcombank.txt":
            "Đại hội cổ đông Vietcombank\n\nNăm 2020, lợi nhuận trước thuế hợp nhất của Vietcombank đạt "
            "23.050 tỷ đồng. Ngân hàng tiếp tục kiểm soát chặt chẽ chất lượng tín dụng: nợ xấu nội bảng "
            "là 5.229 tỷ đồng, tỷ lệ 0,62%.\n",
        "gia-xang.txt":
            "Giá xăng dầu tăng từ chiều nay\n\nSau điều chỉnh, giá dầu hỏa tối đa là 13.259 đồng/lít.\n",
        "sacombank.txt":
            "Sacombank công bố kết quả kinh doanh\n\nTỷ lệ nợ xấu năm 2020 của Sacombank là 1,64%. "
            "Lợi nhuận trước thuế năm 2020 đạt 3.317 tỷ đồng.\n",
    })
    conv = Conversation()
    first = engine.ask("Năm 2020 lợi nhuận trước thuế hợp nhất của Vietcombank đạt bao nhiêu?", conv)
    assert first.value.text == "23.050 tỷ đồng"
    follow = engine.ask("Tỷ lệ nợ xấu năm 2020 là bao nhiêu?", conv)
    assert follow.value.text == "0,62%" and follow.citations[0].path.endswith("vietcombank.txt")
    assert any("hồ sơ của câu trả lời trước" in n for n in follow.notes)
    alone = engine.ask("Tỷ lệ nợ xấu năm 2020 là bao nhiêu?")
    assert alone.value.text == "1,64%"
    # a question naming no subject takes the conversation's ("Vietcombank …") when its record
    # holds a candidate; when it holds none, it is a new topic, asked of every record as typed
    topic = engine.ask("Giá dầu hỏa sau điều chỉnh tối đa là bao nhiêu?", conv)
    assert topic.value.text == "13.259 đồng/lít" and topic.resolved_question is None
    other = engine.ask("Tỷ lệ nợ xấu năm 2020 của Sacombank là bao nhiêu?", conv)
    assert other.value.text == "1,64%"


def test_a_figures_comparison_base_does_not_lend_it_the_questions_words(tmp_path, model_cache):
    """"tăng 7,34% so với tổng kinh phí thực hiện năm 2018" is a change against a base: the
    words of the base are not what 7,34% is, so a question for the share of the plan, which
    names the same words, is answered by "đạt 95,27% so với kế hoạch năm"."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "bao-cao.txt":
            "Báo cáo khuyến công\n\nNăm 2019, tổng kinh phí khuyến công thực hiện của 15 tỉnh là 64,47 tỷ đồng, "
            "đạt 95,27% so với kế hoạch năm, tăng 7,34% so với tổng kinh phí khuyến công thực hiện năm 2018.\n",
    })
    trace: list = []
    ans = answer_question(engine, "Năm 2019 tổng kinh phí khuyến công thực hiện của 15 tỉnh đạt bao nhiêu phần "
                                  "trăm kế hoạch?", trace=trace)
    # a share of the plan asked: the change is not weighed at all (rank_figures._asks_share_of_plan)
    assert {c.figure.text for c in trace} == {"95,27%"}
    assert ans.value.text == "95,27%"
    # named without the plan, both are weighed, and the base's words do not count for 7,34%
    trace = []
    answer_question(engine, "Năm 2019 tổng kinh phí khuyến công thực hiện của 15 tỉnh đạt bao nhiêu phần trăm?",
                    trace=trace)
    clause = {c.figure.text: c.features["cov_clause"] for c in trace}
    assert clause["95,27%"] > clause["7,34%"]
    # asked about the change against that base, its words are the question's again
    trace = []
    answer_question(engine, "Năm 2019 tổng kinh phí khuyến công thực hiện tăng bao nhiêu so với tổng kinh phí "
                            "khuyến công thực hiện năm 2018?", trace=trace)
    assert {c.figure.text for c in trace} == {"7,34%"} or \
        max(trace, key=lambda c: c.features["cov_clause"]).figure.text == "7,34%"


def test_a_follow_up_whose_best_figure_answered_the_turn_before_takes_the_next(tmp_path, model_cache):
    """"Còn RON95?" after E5RON92's price: when the ranker's best is again E5RON92's figure, at the
    same place, that figure is set aside and the next best is answered, held to the same rules."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "gia-xang.txt":
            "Giá xăng lại tăng từ chiều nay\n\nTừ 15h ngày 27/4, giá xăng E5RON92 tối đa là 17.988 đồng/lít, "
            "RON95 là 19.161 đồng/lít, dầu diesel là 14.328 đồng/lít.\n",
    })
    conv = Conversation()
    assert engine.ask("Từ 15h ngày 27/4 giá xăng E5RON92 tối đa là bao nhiêu?", conv).value.text == "17.988 đồng/lít"
    for follow in ("Còn RON95?", "dau diesel thi sao"):
        ans = engine.ask(follow, conv)
        assert ans.status == "answered" and ans.value.text != "17.988 đồng/lít", follow


@pytest.mark.parametrize("question", ["Đơn vị nào đăng cai hội nghị lần thứ XII?",
                                      "don vi nao dang cai hoi nghi lan thu 12"])
def test_a_name_in_apposition_answers_which_unit(seed_engine, monkeypatch, question):
    """"… trao cờ cho Sở Công Thương Ninh Thuận, đơn vị đăng cai hội nghị … lần thứ XII": the
    name before ", đơn vị đăng cai" is the unit asked about, not a fragment of the region."""
    monkeypatch.setattr(seed_engine.cfg, "min_confidence", 0.0)
    assert seed_engine.ask(question).value.text == "Sở Công Thương Ninh Thuận"


@pytest.mark.parametrize("question", ["So sánh kinh phí khuyến công năm 2019 và 2020",
                                      "so sanh kinh phi khuyen cong nam 2019 va 2020"])
def test_a_comparison_naming_no_province_compares_the_whole(seed_engine, question):
    """Without a province named, "Quảng Nam (6,94 tỷ đồng)" is not one side of the comparison:
    the region's 2019 and 2020 figures are, each cited, each with its own measure stated."""
    ans = seed_engine.ask(question)
    assert ans.status == "answered"
    assert [c.text[c.highlight[0]:c.highlight[1]] for c in ans.citations] == ["64,47 tỷ đồng", "69,41 tỷ đồng"]
    assert "kế hoạch kinh phí" in ans.text and "6,94" not in ans.text


def test_a_comparison_of_years_does_not_take_half_a_year_for_a_year(tmp_path, model_cache):
    """Each side of "năm 2019 và 2020" covers a whole year: the first six months' spending,
    however close its wording to the question's, is not the year's figure."""
    engine = _records_engine(tmp_path, model_cache, {"bao-cao.md": (
        "# Báo cáo khuyến công\n\n"
        "Năm 2019, tổng kinh phí khuyến công thực hiện đạt 50,2 tỷ đồng. "
        "Tổng kế hoạch kinh phí khuyến công năm 2020 là 60,5 tỷ đồng. "
        "Trong 6 tháng đầu năm 2020, kinh phí khuyến công thực hiện đạt 20,1 tỷ đồng.\n")})
    ans = engine.ask("So sánh kinh phí khuyến công thực hiện năm 2019 và năm 2020")
    shown = [c.text[c.highlight[0]:c.highlight[1]] for c in ans.citations]
    assert "20,1 tỷ đồng" not in shown
    assert "50,2 tỷ đồng" in shown


def _records_engine(tmp_path, model_cache, records: dict[str, str]):
    """A real index (the real model) over a few records written for the test, {file name: text},
    stating the ranker's best whatever its confidence: these tests are about which figure wins."""
    from conftest import make_engine
    docs = tmp_path / "records"
    docs.mkdir()
    for name, text in records.items():
        (docs / name).write_text(text, encoding="utf-8")
    engine = make_engine(tmp_path / "index", [docs], model_cache)
    engine.cfg.min_confidence = 0.0
    return engine


# A record, then questions and what each must be answered with (None: the records do not say;
# these engines state their best at any confidence).
_OTHER_SUBJECT_CASES = {
    # a forecast for China (named in the sentence before: "GDP nước này …") or India does not
    # answer a question about Viet Nam; asked about China, the figure is China's
    "another country": (
        "Báo cáo đánh giá triển vọng kinh tế của Việt Nam và các nước trong khu vực. "
        "Xuất khẩu phục hồi sẽ thúc đẩy kinh tế Trung Quốc trong năm nay. "
        "GDP nước này được dự báo tăng 8,1% trong năm 2021. "
        "Trong khi đó, GDP của Ấn Độ được dự báo tăng 11% trong năm 2021.",
        [("GDP Việt Nam năm 2021 được dự báo tăng bao nhiêu?", None),
         ("GDP Trung Quốc năm 2021 được dự báo tăng bao nhiêu?", "8,1%")]),
    # a capital stands for its country ("Bắc Kinh đã cho phép …" is China's import), and a
    # country's other name is the same country ("Hoa Kỳ" answers "Mỹ")
    "a capital or another name": (
        "Vàng tăng giá còn do nhập khẩu vàng gia tăng tại Ấn Độ và Trung Quốc. "
        "Bắc Kinh đã cho phép các ngân hàng nhập khẩu khoảng 150 tấn vàng trong năm 2021. "
        "Năm 2021, Hoa Kỳ nhập khẩu 90 tấn bạc.",
        [("Ấn Độ nhập khẩu bao nhiêu tấn vàng năm 2021?", None),
         ("Trung Quốc nhập khẩu bao nhiêu tấn vàng năm 2021?", "khoảng 150 tấn"),
         ("Mỹ nhập khẩu bao nhiêu tấn bạc năm 2021?", "90 tấn")]),
    # a side of the country is a slot like a country: the south's price is not the north's,
    # and "miền Nam" is "phía Nam"
    "another region": (
        "Báo cáo thị trường bất động sản công nghiệp năm 2021. "
        "Hầu hết các chủ đầu tư khu công nghiệp tại phía Nam vẫn tăng giá đất, "
        "đạt đỉnh mới tại 111 USD/m2 trong năm 2021.",
        [("Giá đất công nghiệp tại phía Bắc năm 2021 đạt bao nhiêu?", None),
         ("Giá đất công nghiệp tại miền Nam năm 2021 đạt bao nhiêu?", "111 USD/m2")]),
    # revenue and profit after tax do not answer "lợi nhuận trước thuế"; a measure the record
    # binds in other words ("kế hoạch kinh phí" / "ngân sách") does answer
    "another measure": (
        "Năm 2020, doanh thu của công ty An Bình đạt 500 tỷ đồng. "
        "Lợi nhuận sau thuế năm 2020 của công ty An Bình đạt 40 tỷ đồng. "
        "Ngân sách bố trí cho khuyến công của công ty An Bình năm 2020 là 2,5 tỷ đồng.",
        [("Lợi nhuận trước thuế năm 2020 của công ty An Bình là bao nhiêu?", None),
         ("Kế hoạch kinh phí khuyến công năm 2020 của công ty An Bình là bao nhiêu?", "2,5 tỷ đồng")]),
    # "Cụm công nghiệp Phú Mỹ 1" is not "Phú Mỹ 2": a record about cluster 2 alone does not
    # answer a question about cluster 1 (it had stated 2's area at 0.94), and still answers 2's
    "another number of a named thing": (
        "Cụm công nghiệp Phú Mỹ 2 tại phường Tân Phước với quy mô 45 ha, gồm các ngành nghề cơ khí, "
        "chế biến gỗ. Tổng mức vốn đầu tư khoảng 512,4 tỷ đồng.",
        [("Cụm công nghiệp Phú Mỹ 2 có quy mô bao nhiêu ha?", "45 ha"),
         ("Cụm công nghiệp Phú Mỹ 1 có quy mô bao nhiêu ha?", None)]),
}


@pytest.mark.parametrize("case", sorted(_OTHER_SUBJECT_CASES))
def test_a_figure_of_another_country_or_measure_is_not_the_answer(tmp_path, model_cache, case):
    text, asked = _OTHER_SUBJECT_CASES[case]
    engine = _records_engine(tmp_path, model_cache, {"ho-so.md": f"# Hồ sơ\n\n{text}\n"})
    assert [_stated(engine, q) for q, _ in asked] == [want for _, want in asked]


def test_a_year_asked_is_not_answered_by_a_part_of_it(tmp_path, model_cache):
    """"năm 2021" is the whole year: the first six months' figure is not its answer, even
    the only revenue stated (this engine states its best at any confidence); a day asked
    ("tại ngày 30/6/2021") is a point in time and may be."""
    engine = _records_engine(tmp_path, model_cache, {"bao-cao.md": (
        "# Báo cáo sơ kết\n\n"
        "Trong 6 tháng đầu năm 2021, doanh thu của công ty Minh Phát đạt 120 tỷ đồng. "
        "Tổng tài sản của công ty Minh Phát tại ngày 30/6/2021 là 450 tỷ đồng.\n")})
    assert _stated(engine, "Doanh thu năm 2021 của công ty Minh Phát là bao nhiêu?") != "120 tỷ đồng"
    assert _stated(engine, "Doanh thu 6 tháng đầu năm 2021 của công ty Minh Phát là bao nhiêu?") == "120 tỷ đồng"
    assert _stated(engine, "Tổng tài sản của công ty Minh Phát tại ngày 30/6/2021 là bao nhiêu?") == "450 tỷ đồng"


def test_a_time_is_bound_to_the_predicate_before_it_or_after_it_when_it_opens_the_sentence(tmp_path, model_cache):
    """Of two times in a sentence, the one the asked event happened at: it follows its
    predicate ("… nhưng bắt đầu xuất khẩu … sau năm 2005"), unless it opens the sentence
    ("Vào tháng 3 năm 2019, … mở nhà máy thứ hai")."""
    engine = _records_engine(tmp_path, model_cache, {"lich-su.md": (
        "# Lịch sử công ty Minh Phát\n\n"
        "Công ty Minh Phát được thành lập năm 1995 nhưng bắt đầu xuất khẩu sang Nhật Bản sau năm 2005. "
        "Vào tháng 3 năm 2019, công ty Minh Phát mở nhà máy thứ hai tại Long An, sau khi đóng cửa xưởng cũ từ năm 2010.\n")})
    assert _stated(engine, "Công ty Minh Phát bắt đầu xuất khẩu sang Nhật Bản khi nào?") == "sau năm 2005"
    assert _stated(engine, "Công ty Minh Phát được thành lập khi nào?") == "năm 1995"
    assert _stated(engine, "Công ty Minh Phát mở nhà máy thứ hai khi nào?") == "tháng 3 năm 2019"


def test_the_days_of_an_event_are_answered_whole(tmp_path, model_cache):
    """A conference held over several days: "từ ngày nào đến ngày nào?" is answered with the
    span, not its first day ("từ ngày 10/4" alone is half an answer, and wrong)."""
    engine = _records_engine(tmp_path, model_cache, {"hoi-cho.md": (
        "# Hội chợ công thương khu vực năm 2016\n\n"
        "Hội chợ công thương khu vực năm 2016 diễn ra từ ngày 11 - 17/7 tại thành phố Vị Thanh "
        "với 300 gian hàng. Hội nghị tổng kết ngành Công Thương họp từ ngày 10/4 đến ngày 12/4/2017 "
        "tại Hà Nội.\n")})
    assert _stated(engine, "Hội chợ công thương khu vực năm 2016 diễn ra từ ngày nào đến ngày nào?") == "từ ngày 11 - 17/7"
    assert _stated(engine, "Hội nghị tổng kết ngành Công Thương họp từ ngày nào đến ngày nào?") == \
        "từ ngày 10/4 đến ngày 12/4/2017"


def test_a_share_of_the_whole_is_not_a_change(tmp_path, model_cache):
    """"… chiếm bao nhiêu phần trăm tổng mức bán lẻ …?" asks the part's share; the whole's
    change against last year ("tăng 9,6% so với cùng kỳ") is no share, and the whole named
    after the share ("tổng mức bán lẻ") is not the measure the part's figure must state."""
    engine = _records_engine(tmp_path, model_cache, {"ban-le.md": (
        "# Bán lẻ hàng hóa 6 tháng đầu năm 2021\n\n"
        "Tính chung 6 tháng đầu năm 2021, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của tỉnh "
        "ước đạt 25.400 tỷ đồng, tăng 9,6% so với cùng kỳ năm trước.\n\n"
        "Xét theo ngành hoạt động, doanh thu bán lẻ hàng hóa 6 tháng đầu năm ước đạt 19.300 tỷ đồng, "
        "chiếm 76% tổng mức và tăng 10,2% so với cùng kỳ.\n")})
    assert _stated(engine, "6 tháng đầu năm 2021 bán lẻ hàng hóa chiếm bao nhiêu phần trăm tổng mức bán lẻ "
                           "hàng hóa và doanh thu dịch vụ?") == "76%"


def test_the_parts_of_a_group_are_told_apart_against_their_own_whole(tmp_path, model_cache):
    """"…; kế hoạch khuyến công địa phương … 11.633 triệu đồng, trong đó: …, kinh phí huy động
    … 5.966 triệu đồng": a question naming "huy động" asks a part of that group's whole. The
    earlier group's "nguồn huy động" does not make the word common to the whole, so the whole
    is not its answer."""
    engine = _records_engine(tmp_path, model_cache, {"khuyen-cong.md": (
        "# Kế hoạch khuyến công năm 2023\n\n"
        "Năm 2023, tỉnh Đắk Nông xây dựng 4 đề án khuyến công quốc gia với tổng kinh phí 6.698,6 triệu đồng, "
        "trong đó kinh phí khuyến công quốc gia hỗ trợ 3.440 triệu đồng, nguồn huy động từ các cơ sở "
        "3.258,6 triệu đồng; kế hoạch khuyến công địa phương năm 2023 có tổng kinh phí 11.633 triệu đồng, "
        "trong đó: ngân sách tỉnh hỗ trợ 5.667 triệu đồng, kinh phí huy động từ các cơ sở 5.966 triệu đồng.\n")})
    asked = "Kế hoạch khuyến công địa phương năm 2023 của Đắk Nông huy động bao nhiêu?"
    assert "11.633 triệu đồng" not in _weighed(engine, asked)
    assert "5.966 triệu đồng" in _weighed(engine, asked)


def test_each_count_of_a_breakdown_has_its_own_rating(tmp_path, model_cache):
    """"…; trong đó, 9 sản phẩm đạt hạng 4 sao, 26 sản phẩm hạng 3 sao": the group after "trong
    đó" breaks the one before it down (it is no group beside it, which the question's words
    would have to pick), and each count is of the rating written after it, not of any rating
    its sentence names."""
    engine = _records_engine(tmp_path, model_cache, {"ocop.md": (
        "# Công nhận sản phẩm OCOP năm 2023\n\n"
        "Theo đó, 35 sản phẩm OCOP năm 2023 của 15 hộ kinh doanh, 6 công ty và 4 hợp tác xã tại địa phương "
        "được công nhận; trong đó, 9 sản phẩm đạt hạng 4 sao, 26 sản phẩm hạng 3 sao.\n")})
    assert _stated(engine, "Năm 2023 có bao nhiêu sản phẩm OCOP đạt 3 sao?") == "26 sản phẩm"
    assert _stated(engine, "Đợt công nhận OCOP năm 2023 có bao nhiêu sản phẩm đạt 4 sao?") == "9 sản phẩm"


def test_groups_told_apart_by_their_years_are_chosen_by_the_year_asked(tmp_path, model_cache):
    """"Nhìn lại năm 2004, … kim ngạch xuất khẩu … 50 triệu USD; năm 2006 đạt 130 triệu USD; …;
    năm 2008 đạt 195 triệu USD": the first group's words ("kim ngạch xuất khẩu") are the list's,
    and the year asked picks the group (its figure had been dropped for the first group's)."""
    engine = _records_engine(tmp_path, model_cache, {"xuat-khau.md": (
        "# Đắk Nông: xuất khẩu vượt mốc 1 tỷ USD\n\n"
        "Nhìn lại năm 2004 (năm đầu tái lập tỉnh), giá trị kim ngạch xuất khẩu chỉ đạt khoảng 50 triệu USD; "
        "năm 2006 đạt 130 triệu USD; năm 2007 đạt 165 triệu USD; năm 2008 đạt 195 triệu USD; năm 2009 là "
        "hơn 200 triệu USD.\n\n"
        "Kim ngạch xuất khẩu 6 tháng đầu năm 2018 ước đạt 618,9 triệu USD tăng 7,19% so với cùng kỳ 2017; "
        "kim ngạch nhập khẩu 6 tháng ước đạt 626 triệu USD, đạt 47,1% kế hoạch năm 2018.\n")})
    assert _stated(engine, "Kim ngạch xuất khẩu của Đắk Nông năm 2008 là bao nhiêu?") == "195 triệu USD"
    # a year in a group's baseline or plan does not date the group
    assert _stated(engine, "Kim ngạch xuất khẩu 6 tháng đầu năm 2018 ước đạt bao nhiêu?") == "ước đạt 618,9 triệu USD"


def test_a_part_of_the_provinces_whole_is_the_provinces(tmp_path, model_cache):
    """"… UBND tỉnh Trà Vinh đã phê duyệt Kế hoạch … với tổng kinh phí gần 11 tỷ đồng. Trong đó,
    kinh phí hỗ trợ cho hoạt động khuyến công gần 2,1 tỷ đồng, …": the part names no province,
    yet it is the province's (it had been dropped beside the whole bound to it)."""
    engine = _records_engine(tmp_path, model_cache, {"khuyen-cong-xttm.md": (
        "# Hỗ trợ cơ sở công nghiệp nông thôn\n\n"
        "Trong năm 2024, UBND tỉnh Trà Vinh đã phê duyệt Kế hoạch Khuyến công địa phương và Xúc tiến thương "
        "mại năm 2024 với tổng kinh phí gần 11 tỷ đồng. Trong đó, kinh phí hỗ trợ cho hoạt động khuyến công "
        "gần 2,1 tỷ đồng, kinh phí cho hoạt động xúc tiến thương mại hơn 3,4 tỷ đồng.\n")})
    assert "gần 2,1 tỷ đồng" in _weighed(engine, "Năm 2024 Trà Vinh bố trí bao nhiêu kinh phí cho hoạt động khuyến công?")


def test_a_summary_conference_asks_no_total(tmp_path, model_cache):
    """"Theo hội nghị tổng kết …, xuất khẩu ước được bao nhiêu?": "tổng kết" asks no total, so the
    export part after "trong đó" is not set aside for the whole (the surplus had been the only
    figure left)."""
    engine = _records_engine(tmp_path, model_cache, {"tong-ket.md": (
        "# Hội nghị tổng kết ngành Công Thương năm 2025\n\n"
        "Theo Bộ Công Thương, tổng kim ngạch xuất nhập khẩu năm 2025 ước đạt khoảng 920 tỉ USD, trong đó "
        "xuất khẩu ước đạt 470 tỉ USD. Nhờ đó, Việt Nam vươn lên nhóm 15 quốc gia có quy mô thương mại lớn "
        "nhất thế giới. Cán cân thương mại tiếp tục xuất siêu (năm 2025 ước xuất siêu đạt 22 tỉ USD).\n")})
    assert "ước đạt 470 tỉ USD" in _weighed(
        engine, "Theo hội nghị tổng kết ngành Công Thương, năm 2025 Việt Nam xuất khẩu ước được bao nhiêu?")


def test_an_amount_for_each_item_is_answered_by_the_sentence_that_says_each(tmp_path, model_cache):
    """"… thưởng bao nhiêu tiền cho mỗi sản phẩm?": the sentence that gives the award per item
    answers ("kèm theo mỗi sản phẩm … số tiền thưởng 5 triệu đồng"), though only the total names
    the city (it had been dropped beside it)."""
    engine = _records_engine(tmp_path, model_cache, {"cnnt.md": (
        "# Công nhận 52 sản phẩm công nghiệp nông thôn tiêu biểu năm 2019\n\n"
        "UBND TP Hà Nội vừa công nhận sản phẩm công nghiệp nông thôn tiêu biểu năm 2019 cho 52 sản phẩm với "
        "tổng giá trị 260 triệu đồng.\n\n"
        "Theo quyết định, kèm theo mỗi sản phẩm được công nhận là 1 giấy chứng nhận và số tiền thưởng 5 triệu đồng.\n")})
    assert _stated(engine, "Hà Nội thưởng bao nhiêu tiền cho mỗi sản phẩm công nghiệp nông thôn tiêu biểu năm 2019?") \
        == "5 triệu đồng"


def test_a_when_question_is_not_answered_with_a_sum(tmp_path, model_cache):
    """"… áp dụng đến ngày nào?" over a record that gives the discount but no date: the
    figure path's best (a sum of money) is not a time, so the records do not say."""
    engine = _records_engine(tmp_path, model_cache, {"khuyen-mai.md": (
        "# Khuyến mãi tháng 10\n\n"
        "Đầu tháng 10, hãng giảm giá 2 triệu đồng cho dòng điện thoại Galaxy Note20. "
        "Chương trình giảm giá dòng Galaxy Note20 áp dụng tại mọi cửa hàng của hãng.\n")})
    assert _stated(engine, "Chương trình giảm giá dòng Galaxy Note20 áp dụng đến ngày nào?") is None


def test_a_count_of_a_noun_only_the_question_names_keeps_its_qualifier(tmp_path, model_cache):
    """"chủ xe" is no count noun the indexer knows: the count is read at question time, and
    "gần 30" is near 30, not 30 (the qualifier was lost when it was matched in folded text)."""
    engine = _records_engine(tmp_path, model_cache, {
        "xe.txt": "Lỗi hộp số xe Suzuki\n\nTại Việt Nam, trong năm 2020, gần 30 chủ xe Suzuki Ertiga đã gặp "
                  "hiện tượng xe có tiếng hú từ hộp số.\n",
    })
    engine.cfg.min_confidence = 0.0
    ans = engine.ask("Năm 2020 có bao nhiêu chủ xe Suzuki Ertiga gặp lỗi hộp số?")
    assert ans.status == "answered" and ans.value.text == "gần 30 chủ xe Suzuki Ertiga"
    assert ans.value.qualifier == "gần"


def test_a_month_asked_is_answered_by_that_months_figure_only(tmp_path, model_cache):
    """"tháng 3/2024" is not answered by April's figure nor by the year's target (stated at 0.90),
    and a year is not answered by one month's figure; April asked, April answers."""
    engine = _records_engine(tmp_path, model_cache, {"cua-khau-thang-4.md": (
        "# Xuất nhập khẩu qua cửa khẩu tỉnh Cao Bằng tháng 4/2024\n\n"
        "Tổng giá trị xuất nhập khẩu qua các cửa khẩu trong tháng 4/2024 ước đạt 182,4 triệu USD, tăng 8,2% so "
        "với tháng 3/2024. Năm 2024, tỉnh đặt mục tiêu tổng giá trị xuất nhập khẩu qua các cửa khẩu đạt 3,2 tỷ "
        "USD.\n")})
    asked = "Tổng giá trị xuất nhập khẩu qua các cửa khẩu Cao Bằng {} đạt bao nhiêu?"
    assert _stated(engine, asked.format("tháng 4/2024")) == "ước đạt 182,4 triệu USD"
    assert _stated(engine, asked.format("tháng 3/2024")) is None
    assert "ước đạt 182,4 triệu USD" not in _weighed(engine, asked.format("năm 2024"))
    # the months up to April are not April's own figure
    assert "ước đạt 182,4 triệu USD" not in _weighed(engine, asked.format("lũy kế đến tháng 4/2024"))


def test_a_balance_at_a_quarters_last_day_answers_that_quarter_only(tmp_path, model_cache):
    """"Tính đến hết ngày 31/3/2021 … 80 trung tâm" is the first quarter's count; it says
    nothing of the second quarter, whose last day is 30/6."""
    engine = _records_engine(tmp_path, model_cache, {
        "vincom.txt": "Kết quả kinh doanh quý 1/2021 của Vincom Retail\n\nQuý 1/2021, Vincom Retail đạt doanh "
                      "thu 2.226 tỷ đồng. Tính đến hết ngày 31/3/2021, Vincom Retail sở hữu và vận hành 80 trung "
                      "tâm thương mại tại 43 tỉnh và thành phố.\n",
    })
    engine.cfg.min_confidence = 0.0
    assert _stated(engine, "Quý 1/2021 Vincom Retail vận hành bao nhiêu trung tâm thương mại?") == "80 trung tâm thương mại"
    ans = engine.ask("Quý 2/2021 Vincom Retail vận hành bao nhiêu trung tâm thương mại?")
    assert ans.status == "not_found" or ans.value.text != "80 trung tâm thương mại"


def test_a_title_followed_by_its_agency_and_the_name_answers_who(tmp_path, model_cache):
    """"Chủ tịch UBND tỉnh Hưng Yên Nguyễn Văn Phóng" writes the agency and the place before the
    name in one capitalised run; "GTVT" is how records write "Giao thông vận tải"."""
    engine = _records_engine(tmp_path, model_cache, {
        "hung-yen.txt": "Khu công nghiệp Thăng Long II mở rộng\n\nÔng Lê Việt Thanh, Phó Chủ tịch UBND xã Mỹ "
                        "Châu, cho biết giá hành tím thấp. Tới tháng 10/2020, Chủ tịch UBND tỉnh Hưng Yên Nguyễn "
                        "Văn Phóng đã trao bản ghi nhớ với nhà đầu tư.\n",
        "duong-sat.txt": "Đường sắt Cát Linh - Hà Đông\n\nTại cuộc họp, Bộ trưởng GTVT Nguyễn Văn Thể đã cam kết "
                         "đưa dự án vào vận hành thương mại.\n",
    })
    engine.cfg.min_confidence = 0.0
    assert _stated(engine, "Chủ tịch UBND tỉnh Hưng Yên là ai?") == "Nguyễn Văn Phóng"
    assert _stated(engine, "Ai là Bộ trưởng Giao thông vận tải?") == "Nguyễn Văn Thể"


def test_a_name_without_a_title_is_the_one_of_the_segment_of_the_place_asked(tmp_path, model_cache):
    """"A ứng cử ở Hà Nội; B ứng cử ở Hải Phòng; …" asked "Ai ứng cử … ở Hải Phòng?": the person
    of the ';' segment that holds the place, not the sentence's first ("Quốc hội", no longer a
    name the answer must hold, had let the first one through)."""
    engine = _records_engine(tmp_path, model_cache, {
        "bau-cu.txt": "Bầu cử đại biểu Quốc hội khóa XV\n\nCụ thể, trong đợt bầu cử đại biểu Quốc hội khóa XV, "
                      "Tổng Bí thư Nguyễn Phú Trọng ứng cử ở Hà Nội; Chủ tịch Quốc hội Vương Đình Huệ ứng cử ở Hải "
                      "Phòng; Thủ tướng Phạm Minh Chính ứng cử tại Cần Thơ.\n",
    })
    assert _stated(engine, "Ai ứng cử đại biểu Quốc hội ở Hải Phòng?") == "Vương Đình Huệ"
    assert _stated(engine, "Ai ứng cử ở Cần Thơ?") == "Phạm Minh Chính"


def test_an_agencys_abbreviation_is_searched_with_its_full_name():
    from kcqa.ask.frame import parse_question
    assert "GTVT" in parse_question("ai la bo truong giao thong van tai").search_text
    assert "ủy ban nhân dân" in parse_question("Chủ tịch UBND tỉnh Hưng Yên là ai?").search_text
    assert parse_question("Quảng Nam được bố trí bao nhiêu kinh phí?").search_text == \
        "Quảng Nam được bố trí bao nhiêu kinh phí?"


def test_an_increment_is_not_the_total_and_a_word_written_joined_is_the_same_word(tmp_path, model_cache):
    """"có thêm 5.120 người" is the day's increment; "đến nay đã có 96.400 người" the total
    reached, though the record writes "vắcxin" where the question says "vắc xin"."""
    engine = _records_engine(tmp_path, model_cache, {
        "tiem.txt": "Tình hình tiêm chủng tại tỉnh\n\nTrong ngày 15/5, tỉnh có thêm 5.120 người được tiêm vắc xin "
                    "phòng cúm. Như vậy đến nay toàn tỉnh đã có 96.400 người được tiêm vắcxin (cả hai mũi).\n",
    })
    engine.cfg.min_confidence = 0.0
    assert _stated(engine, "Đến nay tỉnh đã có bao nhiêu người được tiêm vắc xin?") == "96.400 người"
    assert _stated(engine, "Trong ngày 15/5 tỉnh có thêm bao nhiêu người được tiêm vắc xin?") == "5.120 người"


def test_a_part_given_after_trong_do_answers_only_a_question_that_names_the_part(tmp_path, model_cache):
    """"… 45 dự án, trong đó có 12 dự án đầu tư nước ngoài …": the question that names no part
    asks the whole (the resolutions' "Sau khi sắp xếp … có 110 xã; trong đó có 101 xã hình
    thành sau sắp xếp … và 09 xã không thực hiện sắp xếp", where the 09 won); a question naming
    what sets a part apart, a negation included, gets that part."""
    engine = _records_engine(tmp_path, model_cache, {"dau-tu.md": (
        "# Tình hình thu hút đầu tư\n\n"
        "Năm 2021, tỉnh Hòa Bình thu hút 45 dự án đầu tư, trong đó có 12 dự án đầu tư nước ngoài "
        "và 33 dự án không sử dụng vốn nhà nước. "
        "Kim ngạch xuất khẩu của công ty Minh An năm 2021 đạt 300 triệu USD, trong đó hàng dệt may "
        "đạt 120 triệu USD.\n\n"
        "Sau khi sắp xếp, huyện Tân Lạc có 16 xã; trong đó có 12 xã hình thành sau sắp xếp và 04 xã "
        "không thực hiện sắp xếp.\n")})
    assert _stated(engine, "Huyện Tân Lạc sau sắp xếp có bao nhiêu xã?") == "16 xã"
    assert _stated(engine, "Huyện Tân Lạc có bao nhiêu xã không thực hiện sắp xếp?") == "04 xã"
    assert _stated(engine, "Năm 2021 tỉnh Hòa Bình thu hút bao nhiêu dự án đầu tư?") == "45 dự án"
    assert _stated(engine, "Kim ngạch xuất khẩu của công ty Minh An năm 2021 đạt bao nhiêu?") == "300 triệu USD"
    assert _stated(engine, "Năm 2021 tỉnh Hòa Bình thu hút bao nhiêu dự án đầu tư nước ngoài?") == "12 dự án"
    assert _stated(engine, "Tinh Hoa Binh co bao nhieu du an khong su dung von nha nuoc") == "33 dự án"
    assert _stated(engine, "Kim ngạch xuất khẩu hàng dệt may của công ty Minh An đạt bao nhiêu?") == "120 triệu USD"


def test_a_part_ends_where_the_next_part_begins(tmp_path, model_cache):
    """"trong đó có 30 phường, 65 xã hình thành sau sắp xếp … và 08 đơn vị … không thực hiện sắp
    xếp": the 65 xã are not the ones left as they were (they were, at 0.91, the next part being
    of another unit); and the names a part lists are not its words ("Nậm Xé", "Lao Chải" do not
    make the 10 phường a part asked by "năm 2025 … Lào Cai")."""
    engine = _records_engine(tmp_path, model_cache, {
        "can-tho.md": "# Sắp xếp đơn vị hành chính cấp xã của thành phố Cần Thơ\n\n"
                      "Sau khi sắp xếp, thành phố Cần Thơ có 103 đơn vị hành chính cấp xã, gồm 31 phường và 72 "
                      "xã; trong đó có 30 phường, 65 xã hình thành sau sắp xếp quy định tại Điều này và 08 đơn vị "
                      "hành chính cấp xã không thực hiện sắp xếp là phường Tân Lộc, các xã Trường Long, Thạnh Phú.\n",
        "lao-cai.md": "# Sắp xếp đơn vị hành chính cấp xã của tỉnh Lào Cai năm 2025\n\n"
                      "Sau khi sắp xếp, tỉnh Lào Cai có 99 đơn vị hành chính cấp xã, gồm 10 phường, 89 xã; trong "
                      "đó có 81 xã, 10 phường hình thành sau sắp xếp quy định tại Điều này và 08 xã không thực "
                      "hiện sắp xếp là các xã Nậm Xé, Ngũ Chỉ Sơn, Lao Chải.\n"})
    assert _stated(engine, "Có bao nhiêu xã của Cần Thơ không thực hiện sắp xếp?") != "65 xã"
    assert _stated(engine, "Sau khi sắp xếp năm 2025, tỉnh Lào Cai có bao nhiêu phường?") == "10 phường"
    assert _stated(engine, "Có bao nhiêu xã của Lào Cai không thực hiện sắp xếp?") == "08 xã"


def test_a_commune_named_after_a_person_is_not_a_person(tmp_path, model_cache):
    """"xã Hồ Thị Kỷ", "các xã … Sơn Kim": a commune's name answered "Ai ký nghị quyết?" at 0.91."""
    engine = _records_engine(tmp_path, model_cache, {"ca-mau.md": (
        "# Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Cà Mau\n\n"
        "Sau khi sắp xếp, tỉnh Cà Mau có 64 đơn vị hành chính cấp xã; trong đó có 01 xã không thực hiện "
        "sắp xếp là xã Hồ Thị Kỷ và các xã Trần Văn Thời, Phan Ngọc Hiển.\n")})
    got = _stated(engine, "Ai ký nghị quyết sắp xếp đơn vị hành chính cấp xã của Cà Mau?")
    assert got not in ("Hồ Thị Kỷ", "Trần Văn Thời", "Phan Ngọc Hiển")


_SIGNED = ("# NGHỊ QUYẾT VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH CÀ MAU NĂM 2025\n\n"
           "Sau khi sắp xếp, tỉnh Cà Mau có 64 đơn vị hành chính cấp xã; trong đó có 01 xã không thực hiện "
           "sắp xếp là xã Hồ Thị Kỷ.\n\n"
           "Nghị quyết này có hiệu lực thi hành kể từ ngày thông qua.\n\n"
           "+--------------------------------+-------------------------------------+\n"
           "| ***Nơi nhận:\\***               | **TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\\    |\n"
           "| - Chính phủ;\\                  | CHỦ TỊCH\\                           |\n"
           "| - Lưu Văn phòng Quốc hội.      | \\                                   |\n"
           "|                                | Trần Thanh Mẫn**                    |\n"
           "+--------------------------------+-------------------------------------+\n")


def test_who_signed_a_record_is_read_from_its_signature(tmp_path, model_cache):
    """"Ai ký nghị quyết …?": the name under the signing title at the record's foot, not a
    recipient ("- Lưu Văn phòng …") nor a commune ("xã Hồ Thị Kỷ"); a record the question does
    not describe ("quyết định bổ nhiệm") has no signer to give."""
    engine = _records_engine(tmp_path, model_cache, {"ca-mau.md": _SIGNED})
    ans = engine.ask("Ai ký nghị quyết sắp xếp đơn vị hành chính cấp xã của tỉnh Cà Mau?")
    assert ans.status == "answered" and ans.value.text == "Trần Thanh Mẫn"
    assert "Trần Thanh Mẫn" in ans.citations[0].text
    assert _stated(engine, "ai ky nghi quyet sap xep don vi hanh chinh cap xa cua tinh Ca Mau") == "Trần Thanh Mẫn"
    assert _stated(engine, "Ai ký quyết định bổ nhiệm giám đốc sở?") is None


def test_a_cited_records_date_is_that_records(tmp_path, model_cache):
    """"Trên cơ sở Đề án số 341/ĐA-CP ngày 09 tháng 5 năm 2025 …": the đề án's date, not when the
    nghị quyết takes effect ("từ ngày được thông qua", no date: it answered 09/5 at 0.84 in every
    resolution)."""
    engine = _records_engine(tmp_path, model_cache, {"dak-lak.md": (
        "# NGHỊ QUYẾT VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH ĐẮK LẮK NĂM 2025\n\n"
        "Trên cơ sở Đề án số 341/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ về sắp xếp đơn vị hành chính "
        "cấp xã của tỉnh Đắk Lắk năm 2025, Ủy ban Thường vụ Quốc hội quyết định sắp xếp các đơn vị hành chính "
        "cấp xã của tỉnh Đắk Lắk như sau.\n\n"
        "Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.\n")})
    got = _stated(engine, "Nghị quyết sắp xếp đơn vị hành chính cấp xã của tỉnh Đắk Lắk có hiệu lực từ ngày nào?")
    assert got != "ngày 09 tháng 5 năm 2025"
    assert _stated(engine, "Đề án số 341/ĐA-CP của Chính phủ có ngày nào?") == "ngày 09 tháng 5 năm 2025"


def test_a_subject_named_in_the_sentence_before_across_a_passage_boundary_counts(tmp_path, model_cache):
    """"… cổ phiếu VCI … được mua vào rất mạnh." then, in the next paragraph (another passage),
    "… mã này tăng trần lên 30.800 đồng": the figure's subject is the sentence before's, so
    the figure is a candidate (it was left out: neither its sentence nor its passage names VCI)."""
    engine = _records_engine(tmp_path, model_cache, {"chung-khoan.md": (
        "# Chứng khoán sáng nay\n\n"
        "Thị trường chứng khoán sáng nay diễn biến sôi động với thanh khoản cao và nhiều nhóm ngành cùng "
        "tăng điểm mạnh. Phiên giao dịch sáng nay, cổ phiếu VCI của Công ty chứng khoán Bản Việt bất ngờ được "
        "mua vào rất mạnh.\n\n"
        "Do cung không đáp ứng đủ cầu nên mã này tăng trần lên 30.800 đồng, không còn dư bán trong khi vẫn "
        "còn dư mua giá trần. Trong khi đó, nhiều mã chứng khoán khác trên sàn vẫn giảm nhẹ do áp lực chốt "
        "lời cuối phiên.\n")})
    assert _stated(engine, "Cổ phiếu VCI tăng trần lên bao nhiêu?") == "30.800 đồng"


def test_a_follow_up_is_held_to_the_follow_up_threshold_unless_the_user_chose_one(seed_engine, monkeypatch):
    """A turn after the first carries slots the calibration never learnt from: it is answered
    only above the follow-ups' own threshold (here raised to 0.99 to see it act); the first
    turn keeps the questions' threshold, and `--min-confidence` overrides both."""
    from kcqa.ask import turn
    from kcqa.ask.conversation import Conversation
    monkeypatch.setattr(seed_engine.cfg, "min_confidence", None)
    monkeypatch.setattr(turn, "follow_up_threshold", lambda: 0.99)
    conv = Conversation()
    first = seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?", conv)
    follow = seed_engine.ask("Còn Quảng Bình thì sao?", conv)
    assert first.status == "answered" and follow.status == "not_found"
    monkeypatch.setattr(seed_engine.cfg, "min_confidence", 0.5)
    conv = Conversation()
    seed_engine.ask("Quảng Nam được bố trí bao nhiêu kinh phí?", conv)
    assert seed_engine.ask("Còn Quảng Bình thì sao?", conv).value.text == "3,94 tỷ đồng"


def test_a_province_figure_is_a_part_and_does_not_answer_the_total(tmp_path, model_cache):
    """"Tổng kế hoạch kinh phí … của 15 tỉnh là bao nhiêu?": a figure the record binds to one
    province ("Lâm Đồng (hơn 10 tỷ đồng)") is a part, never the total asked (beside the news
    articles the seed question was left unanswered at 0.44, its provinces close behind the total);
    the province's own question still gets it."""
    engine = _records_engine(tmp_path, model_cache, {"khuyen-cong.md": (
        "# Hội nghị khuyến công khu vực phía Bắc năm 2022\n\n"
        "Năm 2022, một số địa phương bố trí kinh phí khuyến công lớn như Thái Nguyên (hơn 9 tỷ đồng), "
        "Bắc Giang (7,5 tỷ đồng), Phú Thọ (6,2 tỷ đồng).\n")})
    assert _stated(engine, "Tổng kinh phí khuyến công năm 2022 của 12 tỉnh là bao nhiêu?") is None
    assert _stated(engine, "Tổng kinh phí khuyến công của các tỉnh năm 2022 là bao nhiêu?") is None
    assert _stated(engine, "Bắc Giang bố trí bao nhiêu kinh phí khuyến công năm 2022?") == "7,5 tỷ đồng"


def test_a_place_or_an_agency_written_another_way_is_the_same_one(tmp_path, model_cache):
    """"ĐH Bách khoa TPHCM" is the record's "Đại học Bách khoa TP.HCM": the city by another
    written form of its name, the university by its abbreviation (both dropped the answer)."""
    engine = _records_engine(tmp_path, model_cache, {"chuyen-giao.md": (
        "# Doanh thu chuyển giao công nghệ của các trường đại học\n\n"
        "Đại học Bách khoa TP.HCM doanh thu từ hoạt động chuyển giao công nghệ giai đoạn 2009-2019 đạt "
        "khoảng 1.300 tỷ đồng, trong đó đạt cao nhất trong năm 2017, 2018 lần lượt là 182.645 triệu đồng "
        "và 197.768 triệu đồng.\n")})
    assert _stated(engine, "Doanh thu chuyển giao công nghệ của ĐH Bách khoa TPHCM năm 2017 là bao nhiêu?") \
        == "182.645 triệu đồng"


def test_a_provincial_report_s_own_forms(tmp_path, model_cache):
    """What a provincial report writes that the news does not (found over real reports no set
    asked about): an agency's place before its head's name ("Giám đốc Sở Công Thương Bến Tre
    Trần Văn Hải", after "Cục trưởng … Ngô Quang Trung,": the Cục trưởng was stated at 0.98);
    a breakdown named by its measure ("trong đó, kim ngạch xuất khẩu …" of "xuất, nhập khẩu");
    a baseline's value in a bracket, of the baseline's year; amounts listed as "Trà Vinh
    (20 tỷ)" after "60 tỷ đồng", asked without marks ("Tra Vinh", not "trà vinh")."""
    engine = _records_engine(tmp_path, model_cache, {
        "ben-tre.md": "# Sở Công Thương Bến Tre tổng kết năm 2021\n\n"
                      "Hội nghị do Cục trưởng Cục Công Thương địa phương Ngô Quang Trung, Giám đốc Sở Công "
                      "Thương Bến Tre Trần Văn Hải chủ trì.\n\n"
                      "Năm 2021, chỉ số sản xuất công nghiệp ước tăng 6,5% so cùng kỳ; tổng kim ngạch xuất, "
                      "nhập khẩu ước đạt 2.100 triệu USD, tăng 5,1% so cùng kỳ (trong đó, kim ngạch xuất khẩu ước "
                      "đạt 1.500 triệu USD, tăng 4,2% so cùng kỳ).\n\n"
                      "Tổng kinh phí khuyến công thực hiện năm 2021 là 8.200 triệu đồng, tăng 12% so với tổng "
                      "kinh phí thực hiện năm 2020 (7.321 triệu đồng).\n",
        "han-man.md": "# Hỗ trợ các tỉnh khắc phục hạn mặn\n\n"
                      "Trung ương hỗ trợ 60 tỷ đồng cho 3 tỉnh khắc phục hậu quả hạn mặn, gồm Bến Tre (25 tỷ), "
                      "Trà Vinh (20 tỷ) và Sóc Trăng (15 tỷ).\n"})
    assert _stated(engine, "Giám đốc Sở Công Thương Bến Tre là ai?") == "Trần Văn Hải"
    assert "1.500 triệu USD" in (_stated(engine, "Kim ngạch xuất khẩu của Bến Tre năm 2021 đạt bao nhiêu?") or "")
    assert _stated(engine, "Tổng kinh phí khuyến công thực hiện năm 2020 là bao nhiêu?") == "7.321 triệu đồng"
    assert _stated(engine, "Tra Vinh duoc ho tro bao nhieu tien") == "20 tỷ"


def test_a_whole_territory_s_figure_is_not_one_province_s(seed_engine):
    """"Trong 6 tháng đầu năm, kinh phí toàn vùng đã thực hiện đạt 19,9 tỷ đồng" is the region's:
    asked for Quảng Nam's first half it was stated at 0.91."""
    assert _stated(seed_engine, "Quảng Nam 6 tháng đầu năm 2020 thực hiện được bao nhiêu kinh phí?") is None
    assert _stated(seed_engine, "Trong 6 tháng đầu năm 2020, kinh phí toàn vùng đã thực hiện được bao nhiêu?") \
        == "19,9 tỷ đồng"


def test_a_share_does_not_answer_a_question_asking_people_or_hectares(tmp_path, model_cache):
    """"Dân số … là bao nhiêu?" asks people: "chiếm 21,2% dân số cả nước" is a share, and
    "tổng diện tích bao nhiêu?" is not answered by "18,6%" (both were the ranker's best); asked
    as a share, or as a change, the percentage still answers."""
    engine = _records_engine(tmp_path, model_cache, {"tan-lac.md": (
        "# Huyện Tân Lạc năm 2021\n\n"
        "Dân số huyện Tân Lạc chiếm 2,1% dân số của tỉnh; diện tích rừng chiếm 18,6% diện tích của huyện.\n")})
    assert _stated(engine, "Dân số huyện Tân Lạc là bao nhiêu?") is None
    assert _stated(engine, "Diện tích rừng của huyện Tân Lạc là bao nhiêu ha?") is None
    assert _stated(engine, "Dân số huyện Tân Lạc chiếm bao nhiêu phần trăm dân số của tỉnh?") == "2,1%"


def test_a_record_titled_with_the_province_asked_is_about_it(tmp_path, model_cache):
    """"Gia Lai: bán lẻ 4 tháng đạt hơn 29% kế hoạch" binds the title's figure to Gia Lai; the
    body's own figures, which name no province, are Gia Lai's too and stay candidates (only the
    title's rounded one was, and 29,05% was never weighed)."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {"gia-lai.md": (
        "# Gia Lai: Tổng mức bán lẻ 4 tháng đầu năm 2022 đạt hơn 29% kế hoạch\n\n"
        "Theo báo cáo của Sở Công Thương, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tính chung 4 tháng "
        "đầu năm 2022 là hơn 24.694 tỷ đồng, đạt 29,05% kế hoạch, tăng 3,76% so với cùng kỳ năm trước.\n")})
    trace = []
    answer_question(engine, "Tổng mức bán lẻ 4 tháng đầu năm 2022 của Gia Lai đạt bao nhiêu phần trăm kế hoạch?",
                    trace=trace)
    assert "29,05%" in {c.figure.text for c in trace}


def test_a_province_s_own_record_answers_with_figures_that_name_no_province(tmp_path, model_cache):
    """A province's report names the province once ("UBND tỉnh Bến Tre vừa công nhận 25 sản
    phẩm …") and then states its figures bare: in a record naming no other province, a bare
    figure of another unit than the bound ones ("Phần thưởng … là 2 triệu đồng") is the
    province's and is weighed — it was set aside for the bound count, which then answered the
    money question at 0.86. A bare figure of a bound one's unit restates or splits it ("Trong
    đó có 10 sản phẩm …") and stays out, and a record naming several provinces keeps its bare
    figures from any one of them."""
    engine = _records_engine(tmp_path, model_cache, {
        "ben-tre.md": (
            "# Công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2021\n\n"
            "UBND tỉnh Bến Tre vừa quyết định công nhận 25 sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh "
            "năm 2021. Trong đó có 10 sản phẩm thủ công mỹ nghệ. "
            "Phần thưởng kèm theo mỗi giấy chứng nhận là 2 triệu đồng.\n"),
        "khu-vuc.md": (
            "# Công nhận sản phẩm công nghiệp nông thôn tiêu biểu khu vực năm 2021\n\n"
            "Tỉnh Trà Vinh có 12 sản phẩm và tỉnh Sóc Trăng có 9 sản phẩm được công nhận năm 2021. "
            "Phần thưởng kèm theo mỗi giấy chứng nhận là 5 triệu đồng.\n")})

    def weighed(question):
        return _weighed(engine, question)
    assert "2 triệu đồng" in weighed("Phần thưởng kèm theo mỗi giấy chứng nhận sản phẩm công nghiệp nông thôn "
                                     "tiêu biểu cấp tỉnh Bến Tre năm 2021 là bao nhiêu?")
    assert "10 sản phẩm" not in weighed("Năm 2021 tỉnh Bến Tre công nhận bao nhiêu sản phẩm công nghiệp nông "
                                        "thôn tiêu biểu cấp tỉnh?")
    assert "5 triệu đồng" not in weighed("Phần thưởng kèm theo mỗi giấy chứng nhận sản phẩm công nghiệp nông "
                                         "thôn tiêu biểu của tỉnh Trà Vinh năm 2021 là bao nhiêu?")


def test_the_scope_asked_is_the_figure_s_own(tmp_path, model_cache):
    """"Tổng kinh phí … năm 2017 của cả nước" is not answered by the region's 2017 total that
    follows "khu vực là …" (a follow-up "Năm 2017 thì sao?" stated it at 0.85); the whole of a
    share ("chiếm hơn 30% diện tích của cả nước") is not the scope of what follows it; a part
    named by a measure the question names within it ("nhập khẩu" of "kim ngạch nhập khẩu")."""
    engine = _records_engine(tmp_path, model_cache, {"khuyen-cong-2018.md": (
        "# Hội nghị khuyến công khu vực năm 2019\n\n"
        "Năm 2018, tổng kinh phí khuyến công thực hiện của cả nước là 290.767 triệu đồng, khu vực là 60.058 "
        "triệu đồng, tăng 35,55% so với tổng kinh phí thực hiện năm 2017 (44.309 triệu đồng).\n\n"
        "Khu vực chiếm hơn 30% diện tích của cả nước, với tổng chiều dài bờ biển hơn 1.456 km.\n\n"
        "Tổng kim ngạch xuất, nhập khẩu của khu vực năm 2018 ước đạt 1.050 triệu USD (trong đó, kim ngạch "
        "xuất khẩu ước đạt 890 triệu USD, kim ngạch nhập khẩu ước đạt 160 triệu USD).\n")})
    assert _stated(engine, "Tổng kinh phí khuyến công thực hiện năm 2017 của cả nước là bao nhiêu?") is None
    assert _stated(engine, "Tổng kinh phí khuyến công thực hiện năm 2018 của khu vực là bao nhiêu?") == "60.058 triệu đồng"
    assert _stated(engine, "Chiều dài bờ biển của khu vực là bao nhiêu km?") == "hơn 1.456 km"
    assert "160 triệu USD" in (_stated(engine, "Kim ngạch nhập khẩu của khu vực năm 2018 đạt bao nhiêu?") or "")
    from kcqa.ask.answer import answer_question
    trace = []
    answer_question(engine, "Nhập khẩu của khu vực năm 2018 đạt bao nhiêu?", trace=trace)
    assert any("160 triệu USD" in c.figure.text for c in trace)


def test_a_deputy_does_not_answer_who_heads_the_agency(tmp_path, model_cache):
    """"bổ nhiệm lại Phó Giám đốc Sở Công thương cho bà Đào Thị Thu Nguyệt" answered "Ai là Giám
    đốc Sở Công Thương tỉnh Gia Lai?" at 0.82 (the title asked stands there only after "Phó").
    Asked with its province bare ("… Sở Công Thương Kiên Giang"), a title still binds the name
    beside it where the record writes "… Sở Công Thương tỉnh Kiên Giang" (the first name of the
    sentence, another's, was stated)."""
    engine = _records_engine(tmp_path, model_cache, {"gia-lai-9-thang.md": (
        "# Gia Lai: sơ kết 9 tháng năm 2024 ngành Công Thương\n\n"
        "Tại hội nghị đã công bố và trao quyết định bổ nhiệm lại Phó Giám đốc Sở Công Thương cho bà Đào Thị "
        "Thu Nguyệt.\n"), "hoi-nghi-kien-giang.md": (
        "# Hội nghị khuyến công tại Kiên Giang\n\n"
        "Chủ trì Hội nghị có ông Hoàng Văn Nam – Cục trưởng Cục Công Thương địa phương; ông Trần Quốc Bảo – "
        "Giám đốc Sở Công Thương tỉnh Kiên Giang và ông Phạm Thanh Tùng – Phó Giám đốc Sở Công Thương tỉnh "
        "Kiên Giang.\n")})
    assert _stated(engine, "Ai là Giám đốc Sở Công Thương tỉnh Gia Lai?") is None
    assert _stated(engine, "Ai được bổ nhiệm lại Phó Giám đốc Sở Công Thương Gia Lai?") == "Đào Thị Thu Nguyệt"
    assert _stated(engine, "Phó Giám đốc Sở Công Thương Kiên Giang là ai?") == "Phạm Thanh Tùng"
    assert _stated(engine, "Giám đốc Sở Công Thương Kiên Giang là ai?") == "Trần Quốc Bảo"


def test_a_report_listing_provinces_is_not_about_each_of_them(tmp_path, model_cache):
    """A national figure with no province in its sentence, in a record that names several, is not
    one province's: asked for Quảng Nam's "10 tháng năm 2016", the country's 7,2% was the best
    (0.78). A province named in its own sentence still answers, and a province that only locates
    another subject ("chị H ở Thái Nguyên") leaves that subject to be matched."""
    engine = _records_engine(tmp_path, model_cache, {
        "iip.md": "# Chỉ số sản xuất công nghiệp tăng 7%\n\n"
                  "Tính chung 10 tháng năm 2016, chỉ số sản xuất toàn ngành công nghiệp tăng 7,2% so với cùng kỳ.\n\n"
                  "Một số địa phương có chỉ số tăng cao: Quảng Nam tăng 29,2%; Thái Nguyên tăng 26,6%; Hải Phòng "
                  "tăng 16,6%.\n",
        "coolcat.md": "# Sàn Coolcat sập, nhiều người mất tiền\n\n"
                      "Chị H ở Thái Nguyên cho biết đã rót vào Coolcat tổng cộng hơn 11 triệu đồng. Một người ở Hà "
                      "Nội cũng mất tiền.\n"})
    assert _stated(engine, "Chỉ số sản xuất công nghiệp tỉnh Quảng Nam 10 tháng năm 2016 tăng bao nhiêu?") != "7,2%"
    assert _stated(engine, "Chỉ số sản xuất công nghiệp của Hải Phòng tăng bao nhiêu?") == "16,6%"
    assert _stated(engine, "Chị H ở Thái Nguyên đã rót tổng cộng bao nhiêu tiền vào Coolcat?") == "hơn 11 triệu đồng"


def test_a_level_an_organisation_and_a_country_the_question_names_are_slots(tmp_path, model_cache):
    """Found on report text no question set holds. "cấp tỉnh" is not answered by the national
    level's 102 products (0.89), nor by a count under a title that names the national level; "Ngân
    hàng Thế giới" not by Standard Chartered's 7,8% (0.91); Thailand not by Cambodia's "4 lần" in
    a list of countries (0.90, its count "6/12" not being read)."""
    engine = _records_engine(tmp_path, model_cache, {
        "cnnt.md": "# Cơm sấy Nhật Quỳnh đạt sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2017\n\n"
                   "Hội đồng Bình chọn vừa công bố 102 sản phẩm được công nhận là sản phẩm công nghiệp nông thôn "
                   "tiêu biểu cấp quốc gia. Chia theo nhóm sản phẩm: có 19/34 sản phẩm thủ công mỹ nghệ, 42/73 "
                   "sản phẩm chế biến nông, lâm, thủy sản.\n",
        "gdp.md": "# Dự báo tăng trưởng kinh tế Việt Nam\n\n"
                  "Ngân hàng Standard Chartered dự báo Việt Nam sẽ đạt mức tăng trưởng 3% trong năm 2020 và 7,8% "
                  "vào năm 2021. Ngân hàng Thế giới chưa đưa ra dự báo mới.\n",
        "gao.md": "# Gạo ngon nhất thế giới\n\n"
                  "Qua 12 năm tổ chức thi, Thái Lan đoạt giải nhất sau 6/12 lần dự thi, Campuchia 4 lần, Mỹ 2 "
                  "lần, Việt Nam 1 lần.\n"})
    assert _stated(engine, "Năm 2017 có bao nhiêu sản phẩm đạt sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh?") is None
    assert _stated(engine, "Năm 2017 có bao nhiêu sản phẩm đạt sản phẩm công nghiệp nông thôn tiêu biểu "
                           "cấp quốc gia?") == "102 sản phẩm"
    assert _stated(engine, "Ngân hàng Thế giới dự báo kinh tế Việt Nam năm 2021 tăng trưởng bao nhiêu?") is None
    assert _stated(engine, "Thái Lan đoạt giải nhất cuộc thi gạo ngon nhất thế giới mấy lần?") != "4 lần"
    from kcqa.ask.answer import answer_question
    trace = []
    answer_question(engine, "Campuchia đoạt giải nhất cuộc thi gạo ngon nhất thế giới mấy lần?", trace=trace)
    assert trace and max(trace, key=lambda c: c.score).figure.text == "4 lần"


def test_where_it_was_held_is_the_place_after_tai_whole(tmp_path, model_cache):
    """"… tổ chức ở đâu?": the place the sentence puts after "tại", with its town ("thành phố Việt
    Trì, tỉnh Phú Thọ", not the host body's "tỉnh Phú Thọ"), or the body whose seat it was; a
    letterhead in capitals is no sentence about the meeting (it answered "HẢI DƯƠNG" at 0.86)."""
    engine = _records_engine(tmp_path, model_cache, {
        "phu-tho.md": "# Hội nghị công tác khuyến công khu vực phía Bắc lần thứ XII\n\n"
                      "Ngày 05 tháng 10 năm 2017, tại thành phố Việt Trì, tỉnh Phú Thọ, Cục Công Thương địa phương "
                      "phối hợp với Sở Công Thương tỉnh Phú Thọ tổ chức Hội nghị công tác khuyến công các tỉnh, "
                      "thành phố khu vực phía Bắc lần thứ XII.\n",
        "cum-thi-dua.txt": "Tổng kết Cụm thi đua số 2 Sở Công Thương các tỉnh khu vực Đồng bằng Bắc Bộ năm 2023\n"
                           "SỞ CÔNG THƯƠNG HẢI DƯƠNG HỘI NHẬP VÀ PHÁT TRIỂN\n"
                           "Ngày 20/12/2023 tại Sở Công Thương tỉnh Hưng Yên (đơn vị Cụm trưởng) đã diễn ra Hội nghị "
                           "tổng kết thi đua năm 2023 của Cụm thi đua số 2.\n"})
    engine.cfg.min_confidence = 0.0
    assert engine.ask("Hội nghị công tác khuyến công khu vực phía Bắc lần thứ XII được tổ chức ở đâu?").value.text \
        == "thành phố Việt Trì, tỉnh Phú Thọ"
    assert engine.ask("Hội nghị tổng kết thi đua năm 2023 của Cụm thi đua số 2 được tổ chức ở đâu?").value.text \
        == "Sở Công Thương tỉnh Hưng Yên"


def test_where_it_was_held_is_the_venue_written_whole(tmp_path, model_cache):
    """"… tổ chức ở đâu?": everything written after "tại" up to the place, not the province alone —
    a venue with its city, a town after a headline that named the province bare, a hall with its
    bracketed town; a stretch that is a clause ("tại Hà Nội, Thứ trưởng … cho biết …") is no venue."""
    engine = _records_engine(tmp_path, model_cache, {
        "le-trao-giai.txt": "Lễ trao giải Sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Nam năm 2022\n"
                            "Sáng 9/11, tại Trung tâm Hội nghị Quốc tế, Cần Thơ, Bộ Công Thương tổ chức Lễ trao giải "
                            "Sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Nam năm 2022.\n",
        "giao-ban.txt": "Hội nghị giao ban xúc tiến thương mại vùng Bắc Trung Bộ năm 2019 tại Thanh Hóa\n"
                        "Ngày 5/7/2019, tại thành phố Sầm Sơn, tỉnh Thanh Hóa, Cục Xúc tiến thương mại phối hợp với "
                        "UBND tỉnh Thanh Hóa tổ chức Hội nghị giao ban xúc tiến thương mại vùng Bắc Trung Bộ năm 2019.\n",
        "so-ket.txt": "Ngày 20/7/2021, Sở Công Thương tổ chức Hội nghị sơ kết công tác quản lý thị trường 6 tháng "
                      "đầu năm 2021 tại Hội trường Trung tâm Văn hóa (thị xã Sa Pa, tỉnh Lào Cai).\n",
    })
    assert _stated(engine, "Lễ trao giải Sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Nam năm 2022 "
                           "được tổ chức ở đâu?") == "Trung tâm Hội nghị Quốc tế, Cần Thơ"
    assert _stated(engine, "Hội nghị giao ban xúc tiến thương mại vùng Bắc Trung Bộ năm 2019 tổ chức ở đâu?") \
        == "thành phố Sầm Sơn, tỉnh Thanh Hóa"
    # "… tại thành phố nào?" asks where, as a unit of that type: not the province's body after it
    assert _stated(engine, "Hội nghị giao ban xúc tiến thương mại vùng Bắc Trung Bộ năm 2019 được tổ chức tại "
                           "thành phố nào?") == "thành phố Sầm Sơn, tỉnh Thanh Hóa"
    assert _stated(engine, "Hội nghị sơ kết công tác quản lý thị trường 6 tháng đầu năm 2021 tổ chức ở đâu?") \
        == "Hội trường Trung tâm Văn hóa (thị xã Sa Pa, tỉnh Lào Cai)"


def test_a_venue_is_a_name_not_a_clause():
    from kcqa.ask.entities import venue_after_at
    text = "Ngày 3/3, tại Hà Nội, Thứ trưởng Bộ Công Thương cho biết tỉnh Nghệ An đã hoàn thành kế hoạch."
    assert venue_after_at(text, (text.index("Nghệ An"), text.index("Nghệ An") + 7)) is None
    at = text.index("Hà Nội")
    assert venue_after_at(text, (at, at + 6)) == (at, at + 6)


def test_report_abbreviations_and_a_part_of_a_whole(tmp_path, model_cache):
    """Khuyến công reports write "KCQG" / "KCĐP" and "IIP"; "23 trong tổng số 25 sản phẩm"
    counts 23 (the whole's 25 was stated at 0.92); "Đồng bằng" in a question asks no money."""
    engine = _records_engine(tmp_path, model_cache, {
        "phia-bac.md": "# Hội nghị khuyến công khu vực phía Bắc năm 2017\n\n"
                       "Tổng kinh phí khuyến công thực hiện năm 2016 của khu vực phía Bắc hơn 123,37 tỷ đồng, đạt "
                       "97,02% so với kế hoạch. Trong đó kinh phí KCQG thực hiện là 56,3 tỷ đồng, đạt 99,98% so "
                       "với kế hoạch.\n",
        "thanh-hoa.md": "# Sản xuất công nghiệp Thanh Hóa năm 2022\n\n"
                        "Có 23 trong tổng số 25 sản phẩm công nghiệp chủ lực tăng so với cùng kỳ.\n",
        "cum.md": "# Cụm thi đua vùng Đồng bằng Bắc Bộ năm 2023\n\n"
                  "Chỉ số sản xuất công nghiệp (IIP) toàn Cụm vùng Đồng bằng Bắc Bộ năm 2023 ước tăng bình quân "
                  "10,95%. Tổng kim ngạch xuất khẩu của cả Cụm ước đạt 55,041 tỷ USD.\n"})
    engine.cfg.min_confidence = 0.0
    assert engine.ask("Kinh phí khuyến công quốc gia năm 2016 của khu vực phía Bắc thực hiện được bao nhiêu?"
                      ).value.text == "56,3 tỷ đồng"
    assert engine.ask("Năm 2022 Thanh Hóa có bao nhiêu sản phẩm công nghiệp chủ lực tăng so với cùng kỳ?"
                      ).value.text == "23 trong tổng số 25 sản phẩm"
    assert engine.ask("Năm 2023 chỉ số IIP vùng Đồng bằng Bắc Bộ tăng bình quân bao nhiêu?").value.text == "10,95%"


def test_a_region_or_agency_asked_by_its_abbreviation_is_its_full_name():
    """"ĐBSCL", "QLTT" in a question are the record's "Đồng bằng sông Cửu Long", "Quản lý thị
    trường": a name the question states must be in the record, and the abbreviation is one of
    its forms (the fair's figures were all set aside)."""
    from kcqa.ask.candidates import name_forms
    assert "hoi cho dong bang song cuu long" in name_forms("hoi cho dbscl")
    assert "doi quan ly thi truong so 1" in name_forms("doi qltt so 1")


def test_the_source_of_money_asked_is_the_figure_s_own():
    """Khuyến công reports split money by source: a question about the province's budget is
    not answered by the national programme's share beside it (it had been, as the best
    candidate), a total of two sources answers neither, and a question naming no source is
    not held to any."""
    from types import SimpleNamespace
    from kcqa.ask.candidates import funding_ok
    from kcqa.models import Figure
    from kcqa.text import lexicon
    from kcqa.text.vietnamese import fold
    sentence = ("Giai đoạn 2021 - 2025, tổng kinh phí hơn 40 tỷ đồng; trong đó, nguồn kinh phí khuyến công quốc gia "
                "1,5 tỷ đồng, nguồn kinh phí từ ngân sách tỉnh hơn 18,3 tỷ đồng, vốn đối ứng của doanh nghiệp "
                "20,2 tỷ đồng. Kinh phí khuyến công quốc gia và khuyến công địa phương năm 2020 là 9 tỷ đồng.")

    def figure(text):
        start = sentence.index(text)
        return Figure(doc="x.md", value=0.0, unit="đồng", text=text, start=start, end=start + len(text),
                      sentence=sentence, sentence_start=0)

    def ok(question, text):
        ctx = SimpleNamespace(funding=lexicon.funding_named(fold(question).lower()))
        return funding_ok(ctx, figure(text))
    local = "Ngân sách tỉnh bố trí bao nhiêu kinh phí cho khuyến công giai đoạn 2021 - 2025?"
    assert ok(local, "hơn 18,3 tỷ đồng") and not ok(local, "1,5 tỷ đồng") and not ok(local, "20,2 tỷ đồng")
    national = "Kinh phí khuyến công quốc gia là bao nhiêu?"
    assert ok(national, "1,5 tỷ đồng") and not ok(national, "hơn 18,3 tỷ đồng") and not ok(national, "9 tỷ đồng")
    assert ok("Tổng kinh phí giai đoạn 2021 - 2025 là bao nhiêu?", "hơn 40 tỷ đồng")
    assert ok("Tổng kinh phí giai đoạn 2021 - 2025 là bao nhiêu?", "1,5 tỷ đồng")


def test_a_province_s_report_that_never_names_it_beside_a_figure_still_answers_for_it(tmp_path, model_cache):
    """A provincial report names its province in the title only ("Tình hình sản xuất công
    nghiệp tỉnh Bến Tre 9 tháng đầu năm 2022") and states every figure bare: the figures are
    the province's (as if bound to it by name) and of the title's year, so the right one is
    weighed like a bound one (a probe's such answer ranked at 0.61 against 0.89 for a bound
    one). A record naming two provinces does not make its bare figures either one's."""
    from kcqa.ask.answer import answer_question
    engine = _records_engine(tmp_path, model_cache, {
        "ben-tre.md": ("# Tình hình sản xuất công nghiệp tỉnh Bến Tre 9 tháng đầu năm 2022\n\n"
                       "Chỉ số sản xuất công nghiệp 9 tháng đầu năm tăng 8,17% so với cùng kỳ năm trước.\n"),
        "hai-tinh.md": ("# Sản xuất công nghiệp tỉnh Trà Vinh và tỉnh Sóc Trăng 9 tháng đầu năm 2022\n\n"
                        "Chỉ số sản xuất công nghiệp chung 9 tháng đầu năm tăng 6,5% so với cùng kỳ năm trước.\n")})
    trace = []
    answer_question(engine, "Chỉ số sản xuất công nghiệp 9 tháng đầu năm 2022 của tỉnh Bến Tre tăng bao nhiêu?",
                    trace=trace)
    best = {c.figure.text: c for c in trace}["8,17%"]
    assert best.features["entity_exact"] == 1.0 and "2022" in best.figure.period
    trace = []
    answer_question(engine, "Chỉ số sản xuất công nghiệp 9 tháng đầu năm 2022 của tỉnh Trà Vinh tăng bao nhiêu?",
                    trace=trace)
    assert all(c.features["entity_exact"] == 0.0 for c in trace if c.figure.text == "6,5%")


def test_a_province_s_own_report_filed_under_its_name(tmp_path, model_cache):
    """A Sở's report seldom names its own province ("Sở Công Thương sơ kết …"); the file it is
    kept in does ("bao-cao-kon-tum-…"), and that names the record's province as its title
    would — another province's question is still not answered from it. In its list of
    things counted, the item of the kind asked ("cửa hàng xăng dầu", not the "cửa hàng bán lẻ
    khí hóa lỏng" beside it), a market counted ("chợ", folded a preposition), also after a
    question about money; the whole a question asks as "Tổng …" over the part after "trong
    đó", and the label of a prize ("giải C")."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "bao-cao-kon-tum-9-thang-2019.md": (
            "# Sở Công Thương sơ kết 9 tháng năm 2019\n\n"
            "Chỉ số phát triển công nghiệp 9 tháng năm 2019 tăng 12,4% so với cùng kỳ. Tổng mức bán lẻ hàng hóa "
            "và doanh thu dịch vụ 9 tháng năm 2019 đạt 9.870 tỷ đồng, tăng 11,2% so với cùng kỳ.\n\n"
            "Toàn tỉnh có 12 cụm công nghiệp, 76 chợ, 215 cửa hàng xăng dầu và 390 cửa hàng bán lẻ khí hóa "
            "lỏng đang hoạt động.\n\n"
            "Tổng kinh phí thực hiện đề án khuyến công quốc gia là hơn 8 tỷ đồng, trong đó kinh phí khuyến công "
            "quốc gia chiếm hơn 2 tỷ đồng. Hội đồng xét trao giải với cơ cấu 3 giải A, 5 giải B và 12 giải C.\n"),
        "bao-cao-gia-lai-2019.md": (
            "# Ngành Công Thương tỉnh Gia Lai năm 2019\n\n"
            "Chỉ số sản xuất công nghiệp tỉnh Gia Lai năm 2019 tăng 9,1% so với năm 2018.\n")})
    assert _stated(engine, "Chỉ số phát triển công nghiệp 9 tháng năm 2019 của Kon Tum tăng bao nhiêu?") == "12,4%"
    assert _stated(engine, "Chỉ số phát triển công nghiệp 9 tháng năm 2019 của Gia Lai tăng bao nhiêu?") != "12,4%"
    assert _stated(engine, "kon tum co bao nhieu cua hang xang dau dang hoat dong") == "215 cửa hàng"
    assert _stated(engine, "Tổng kinh phí thực hiện đề án khuyến công quốc gia ở Kon Tum là bao nhiêu?") == "hơn 8 tỷ đồng"
    assert _stated(engine, "Kon Tum có bao nhiêu giải C?") == "12 giải"
    conv = Conversation()
    engine.ask("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 9 tháng năm 2019 của Kon Tum tăng bao nhiêu?", conv)
    follow = engine.ask("toan tinh co bao nhieu cho?", conv)
    assert follow.value is not None and follow.value.text == "76 chợ"


def test_the_kind_counted_may_be_told_past_the_counted_nouns_first_words(tmp_path, model_cache):
    """"bao nhiêu gian hàng thực hiện từ nguồn kinh phí khuyến công quốc gia": the words that
    tell one list item from the other come after the noun's first six ("thực hiện từ nguồn"
    is both items'); the other item had been stated at 0.97."""
    engine = _records_engine(tmp_path, model_cache, {"hoi-cho.md": (
        "# Hội chợ Công thương khu vực Tây Nguyên - Kon Tum năm 2022\n\n"
        "Hội chợ có trên 260 gian hàng đến từ 12 tỉnh, thành, trong đó có 150 gian hàng thực hiện từ nguồn kinh "
        "phí khuyến công quốc gia năm 2022 và 60 gian hàng thực hiện từ nguồn xúc tiến thương mại của tỉnh Kon "
        "Tum năm 2022.\n\n"
        "Năm 2022, Kon Tum đón 1,2 triệu lượt khách, gấp 2,5 lần cùng kỳ, trong đó khách quốc tế 9,6 nghìn lượt, gấp "
        "6,2 lần cùng kỳ; doanh thu du lịch đạt 1.320 tỷ đồng, gấp 3,4 lần so với cùng kỳ.\n")})
    # a multiple's "lần" is no kind of list item: its base ("cùng kỳ") does not pick the item
    assert _stated(engine, "Năm 2022 doanh thu du lịch của Kon Tum gấp bao nhiêu lần cùng kỳ?") == "3,4 lần"
    assert _stated(engine, "Hội chợ Công thương Tây Nguyên - Kon Tum 2022 có bao nhiêu gian hàng thực hiện từ nguồn "
                           "kinh phí khuyến công quốc gia?") == "150 gian hàng"
    assert _stated(engine, "Ở Kon Tum, có bao nhiêu gian hàng thực hiện từ nguồn xúc tiến thương mại của tỉnh?") \
        == "60 gian hàng"


def test_a_product_count_counts_what_its_own_words_name(tmp_path, model_cache):
    """"Sản lượng linh kiện điện tử ước đạt 420 triệu sản phẩm" answers "bao nhiêu linh kiện điện
    tử?" (the unit "sản phẩm" was no "linh kiện": not found); it does not answer for another
    thing its words do not name."""
    engine = _records_engine(tmp_path, model_cache, {"bac-giang-2023.md": (
        "# Ngành Công Thương Bắc Giang năm 2023\n\n"
        "Sản lượng linh kiện điện tử ước đạt 420 triệu sản phẩm, tăng 35% so với năm 2022.\n\n"
        "Cuộc bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm 2023 thu hút 130 sản phẩm của 90 cơ sở tham "
        "gia.\n")})
    assert _stated(engine, "Năm 2023 Bắc Giang sản xuất được bao nhiêu linh kiện điện tử?") == "ước đạt 420 triệu sản phẩm"
    assert _stated(engine, "Năm 2023 Bắc Giang sản xuất được bao nhiêu ô tô?") is None
    # the products of the contestants do not count the contestants: only what comes before counts
    from kcqa.ask.candidates import unit_ok
    from kcqa.ask.frame import parse_question
    from kcqa.extract.figures import extract_figures
    from kcqa.read import read_document
    figures = {f.text: f for f in extract_figures(read_document(tmp_path / "records" / "bac-giang-2023.md"))}
    assert not unit_ok(parse_question("Bắc Giang có bao nhiêu cơ sở?"), figures["130 sản phẩm"])
    assert unit_ok(parse_question("Bắc Giang có bao nhiêu linh kiện điện tử?"), figures["ước đạt 420 triệu sản phẩm"])


def test_a_subject_asked_in_a_province_is_answered_from_that_provinces_record(tmp_path, model_cache):
    """"Đội Quản lý thị trường số 2 Long An thu nộp ngân sách bao nhiêu?": the figure's subject
    is the team asked, and its record is Long An's by its source address — the team being no
    province had set the figure aside. Asked of another province, not found."""
    engine = _records_engine(tmp_path, model_cache, {"doi-qltt-so-2.md": (
        "Nguồn: https://baolongan.vn/doi-quan-ly-thi-truong-so-2-a1234.html\n\n"
        "Đội Quản lý thị trường số 2: 6 tháng đầu năm xử phạt 41 vụ vi phạm\n\n"
        "Trong 6 tháng đầu năm 2016, Đội Quản lý thị trường số 2 đã kiểm tra 95 vụ, phát hiện và xử phạt 41 vụ "
        "vi phạm, thu nộp ngân sách hơn 190 triệu đồng.\n")})
    asked = "6 tháng đầu năm 2016, Đội Quản lý thị trường số 2 {} thu nộp ngân sách bao nhiêu?"
    assert _stated(engine, asked.format("Long An")) == "hơn 190 triệu đồng"
    assert _stated(engine, asked.format("Tây Ninh")) is None


def test_a_level_asked_is_where_a_change_ended_and_a_park_keeps_its_type(tmp_path, model_cache):
    """"… đóng cửa ở mức bao nhiêu điểm?" asks the level: of "tăng nhẹ 5,12 điểm … lên 1.230,4
    điểm" the end, not the change; "tăng bao nhiêu điểm?" still the change. An industrial
    park's name includes its type ("Khu công nghiệp Hòa Hiệp"), as a commune's does."""
    engine = _records_engine(tmp_path, model_cache, {"thi-truong.md": (
        "# Thị trường chứng khoán phiên 12/5\n\n"
        "Kết phiên 12/5, VN-Index tăng nhẹ 5,12 điểm tương ứng 0,42% lên 1.230,4 điểm.\n\n"
        "Nhà máy chế biến gỗ của Công ty Lâm sản Sông Cầu (Khu công nghiệp Hòa Hiệp) đi vào hoạt động từ "
        "tháng 3.\n")})
    assert _stated(engine, "Kết phiên 12/5, VN-Index đóng cửa ở mức bao nhiêu điểm?") == "1.230,4 điểm"
    assert _stated(engine, "Phiên 12/5 VN-Index tăng bao nhiêu điểm?") == "5,12 điểm"
    assert _stated(engine, "Công ty Lâm sản Sông Cầu nằm ở khu công nghiệp nào?") == "Khu công nghiệp Hòa Hiệp"


def test_a_source_of_money_asked_is_not_answered_by_the_sum_of_all_sources(tmp_path, model_cache):
    """"… bao nhiêu kinh phí khuyến công địa phương?" over a record that states the sum ("2,6 tỷ
    đồng cho khuyến công") and then each source ("nguồn kinh phí khuyến công địa phương 1,9 tỷ
    đồng"): the sum names no source and is not weighed (it answered at 0.6); asked for the sum,
    the sum still answers. A sum after the source in its sentence continues it ("kinh phí khuyến
    công địa phương được giao …, thực hiện 1,42 tỷ đồng"): dropped, the first sum alone answered
    a question for the second at 0.94. The province's own body, unnamed ("được UBND tỉnh giao"),
    acts for the province: its figure is not another subject's."""
    engine = _records_engine(tmp_path, model_cache, {"kc-ha-tinh-2019.md": (
        "# Hà Tĩnh: 2,6 tỷ đồng cho khuyến công năm 2019\n\n"
        "Năm 2019, tỉnh Hà Tĩnh dự kiến dành 2,6 tỷ đồng cho hoạt động khuyến công. Trong đó, nguồn kinh phí "
        "khuyến công quốc gia 700 triệu đồng hỗ trợ 3 đề án; nguồn kinh phí khuyến công địa phương 1,9 tỷ "
        "đồng hỗ trợ 12 đề án.\n\n"
        "Năm 2018, kinh phí khuyến công địa phương được giao 1,5 tỷ đồng, thực hiện 1,42 tỷ đồng.\n\n"
        "Năm 2017, trung tâm được UBND tỉnh giao 1,1 tỷ đồng kinh phí khuyến công địa phương cho 10 đề án.\n")})
    weighed = _weighed(engine, "Năm 2019 Hà Tĩnh dự kiến dành bao nhiêu kinh phí khuyến công địa phương?")
    assert "1,9 tỷ đồng" in weighed and "2,6 tỷ đồng" not in weighed
    assert _stated(engine, "Năm 2019 Hà Tĩnh dự kiến dành bao nhiêu tỷ đồng cho hoạt động khuyến công?") == "2,6 tỷ đồng"
    assert "1,42 tỷ đồng" in _weighed(engine, "Năm 2018 Hà Tĩnh thực hiện bao nhiêu kinh phí khuyến công địa phương?")
    assert "1,1 tỷ đồng" in _weighed(engine, "Năm 2017 Hà Tĩnh được giao bao nhiêu kinh phí khuyến công địa phương?")


def test_a_count_asked_by_its_verb_is_the_count_that_verb_governs(tmp_path, model_cache):
    """"… đã kiểm tra bao nhiêu vụ?" is the count after "kiểm tra" ("đã tiến hành kiểm tra 2.881
    vụ"), not the one after "xử lý" in the next sentence; "Sở Công Thương" in brackets is the
    province's body, not "Công Thương" (folded, "Sở" was "so" of "so với" and was dropped, and the
    bare "Công Thương" then counted as another subject: the right count was never weighed, the
    other stated at 0.85)."""
    engine = _records_engine(tmp_path, model_cache, {"qltt-2017.md": (
        "# Chi cục Quản lý thị trường tỉnh xử phạt hơn 3,7 tỷ đồng\n\n"
        "Năm 2017, Chi cục Quản lý thị trường (Sở Công Thương) đã tiến hành kiểm tra 2.881 vụ, tăng 0,95% so "
        "với cùng kỳ năm 2016. Hầu hết các mặt hàng kiểm tra bao gồm đồ điện, quần áo, rượu. Kết quả, lực "
        "lượng quản lý thị trường đã xử lý 2.611 vụ, tăng 6,53% so với cùng kỳ năm 2016.\n\n"
        "Theo Báo Hà Nam\n")})
    assert _stated(engine, "Năm 2017 Chi cục Quản lý thị trường Hà Nam đã kiểm tra bao nhiêu vụ?") in ("2.881 vụ", None)
    assert "2.881 vụ" in _weighed(engine, "Năm 2017 Chi cục Quản lý thị trường Hà Nam đã kiểm tra bao nhiêu vụ?")
    assert "2.611 vụ" not in _weighed(engine, "Năm 2017 Chi cục Quản lý thị trường Hà Nam đã kiểm tra bao nhiêu vụ?")
    assert "2.611 vụ" in _weighed(engine, "Năm 2017 lực lượng quản lý thị trường Hà Nam đã xử lý bao nhiêu vụ?")


def test_a_group_of_a_listed_sentence_is_answered_from_its_own_figures(tmp_path, model_cache):
    """Groups listed between semicolons, each with its count and its money: a question that names
    one group's own words weighs that group's figures, not another's with the same measure words
    ("kinh phí hỗ trợ"); the subject named once before the list is every group's ("Đề án … của
    tỉnh"), not one group's own words."""
    engine = _records_engine(tmp_path, model_cache, {"de-an-kcdp-2017.md": (
        "# Phê duyệt đề án khuyến công địa phương năm 2017\n\n"
        "Nguồn: https://baophuyen.vn/x\n\n"
        "UBND tỉnh vừa phê duyệt 18 chương trình, đề án khuyến công địa phương năm 2017, tổng kinh phí "
        "2,4 tỷ đồng. Cụ thể: Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, ứng dụng máy móc tiên tiến (gồm 11 "
        "chương trình, đề án với kinh phí hỗ trợ 1,9 tỷ đồng); Hỗ trợ đăng ký thương hiệu, phòng trưng bày sản "
        "phẩm (4 chương trình, đề án với kinh phí hỗ trợ 310 triệu đồng); Nâng cao năng lực quản lý hoạt động "
        "khuyến công (3 chương trình, gần 190 triệu đồng).\n")})
    weighed = _weighed(engine, "Nhóm nâng cao năng lực quản lý hoạt động khuyến công của Phú Yên năm 2017 được bao "
                               "nhiêu kinh phí?")
    assert "gần 190 triệu đồng" in weighed and "310 triệu đồng" not in weighed and "1,9 tỷ đồng" not in weighed
    weighed = _weighed(engine, "Phú Yên có bao nhiêu chương trình, đề án hỗ trợ xây dựng mô hình trình diễn kỹ "
                               "thuật năm 2017?")
    assert "11 chương trình" in weighed and "4 chương trình" not in weighed


def test_a_share_of_the_plan_is_not_a_change(tmp_path, model_cache):
    """"đạt bao nhiêu phần trăm kế hoạch?" asks a share of the plan: a record that gives only the
    change against last year ("tăng 4,85% so cùng kỳ") does not answer it (it was stated at 0.89),
    and "giá trị xuất khẩu" is the export's figure, not the "giá trị sản xuất" beside it."""
    engine = _records_engine(tmp_path, model_cache, {
        "tong-ket-2022.md": "# Sở Công Thương Bến Tre tổng kết năm 2022\n\n"
                            "Tổng kim ngạch xuất, nhập khẩu năm 2022 ước đạt 2.130 triệu USD, tăng 7,2% so cùng kỳ "
                            "(trong đó, kim ngạch xuất khẩu ước đạt 1.480 triệu USD, tăng 4,85% so cùng kỳ).\n",
        "9-thang-2021.md": "# Báo cáo 9 tháng năm 2021 của ngành Công Thương Phú Thọ\n\n"
                           "Tính chung 9 tháng năm 2021, giá trị sản xuất công nghiệp ước đạt 95.420 tỷ đồng, tăng "
                           "3,1% so với cùng kỳ, bằng 72,4% KH năm; giá trị xuất khẩu ước đạt 1,92 tỷ USD, giảm 2,6% so "
                           "với cùng kỳ, bằng 66,3% KH năm.\n"})
    assert _stated(engine, "Kim ngạch xuất khẩu của Bến Tre năm 2022 đạt bao nhiêu phần trăm kế hoạch?") is None
    assert _stated(engine, "Kim ngạch xuất khẩu của Bến Tre năm 2022 tăng bao nhiêu?") == "4,85%"
    assert _stated(engine, "Gia tri xuat khau 9 thang nam 2021 cua Phu Tho bang bao nhieu phan tram ke hoach nam?") \
        == "66,3%"


def test_a_name_written_against_its_title_is_bound():
    """A name joined to the title asked by nothing but honorifics and punctuation is that
    person's (the entity model's `bound`); a name further along a list is not."""
    from kcqa.ask.entities import _bound
    text = ("Dự hội nghị có ông Lê Văn Hải – Giám đốc Sở Công Thương tỉnh Kon Tum và bà Trần Thị Mai, "
            "Trưởng phòng Quản lý công nghiệp.")
    title = text.index("Giám đốc"), text.index("Giám đốc") + len("Giám đốc Sở Công Thương")
    span = lambda name: (text.index(name), text.index(name) + len(name))  # noqa: E731
    assert _bound(text, span("Lê Văn Hải"), title)
    assert not _bound(text, span("Trần Thị Mai"), title)
    lead = "Giám đốc Sở Công Thương tỉnh Kon Tum, đồng chí Lê Văn Hải phát biểu."
    assert _bound(lead, (lead.index("Lê"), lead.index(" phát")), (0, len("Giám đốc Sở Công Thương")))


def test_a_document_asked_by_its_year_is_the_one_of_that_year(tmp_path, model_cache):
    """"Nghị định ban hành năm 2022 là nghị định nào?" over a sentence citing the 2017 one first:
    the year is a slot the document must be of (its number or its date), as a figure's period
    is; the first of the list was stated. A year inside a document the question names by its
    number ("Nghị quyết 18/2025 … theo thông tư nào?") is that document's, not a slot."""
    engine = _records_engine(tmp_path, model_cache, {
        "kiem-tra-hoa-chat.txt":
            "Kiểm tra hoạt động hóa chất năm 2023\n\nCác doanh nghiệp chấp hành tốt các quy định tại Nghị định "
            "số 113/2017/NĐ-CP ngày 09/10/2017; Nghị định số 82/2022/NĐ-CP ngày 18/10/2022; Thông tư số "
            "32/2017/TT-BCT ngày 28/12/2017.\n\nNghị quyết 18/2025/NQ-HĐND phân bổ kinh phí khuyến công theo "
            "Thông tư số 28/2018/TT-BTC.\n",
    })
    # (cited with the day it was issued, written after its number)
    assert engine.ask("Nghị định ban hành năm 2022 là nghị định nào?").value.text \
        == "Nghị định số 82/2022/NĐ-CP ngày 18/10/2022"
    assert engine.ask("Nghị định ban hành năm 2019 là nghị định nào?").status == "not_found"
    ans = engine.ask("Nghị quyết 18/2025 phân bổ kinh phí khuyến công theo thông tư nào?")
    assert ans.value.text == "Thông tư số 28/2018/TT-BTC"


def test_a_document_asked_is_of_the_kind_issuer_and_programme_asked(tmp_path, model_cache):
    """Legal texts cite many documents: the one asked is of the kind asked, also when it is cited by
    its bare number ("2646/QĐ-BCT" is no nghị định), not the one the question names itself, of the
    issuer asked ("-BCT" is not Bộ Tài chính's "-BTC"), and of the programme asked, horizon and all
    ("… đến năm 2020" is not the programme of giai đoạn 2021-2025, a year of which the question's
    horizon is not); a record's own number ("Số: 1288/QĐ-TTg") answers when its head names that
    programme. Probe 48 had stated each of the others."""
    engine = _records_engine(tmp_path, model_cache, {
        "qd-khuyen-cong-2020.txt":
            "THỦ TƯỚNG CHÍNH PHỦ\nSố: 1288/QĐ-TTg | Hà Nội, ngày 01 tháng 08 năm 2014\n"
            "PHÊ DUYỆT CHƯƠNG TRÌNH KHUYẾN CÔNG QUỐC GIA ĐẾN NĂM 2020\n"
            "Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công;\n"
            "Điều 1. Phê duyệt Chương trình khuyến công quốc gia đến năm 2020 với những nội dung chủ yếu sau.\n",
        "qd-khuyen-cong-thanh-hoa.txt":
            "Khuyến công địa phương tỉnh Thanh Hóa giai đoạn 2022 - 2025\n\n"
            "Căn cứ Quyết định số 1881/QĐ-TTg ngày 20 tháng 11 năm 2020 của Thủ tướng Chính phủ phê duyệt "
            "Chương trình khuyến công quốc gia giai đoạn 2021-2025;\n"
            "Căn cứ Thông tư số 20/2017/TT-BCT ngày 29/9/2017 của Bộ Công Thương và Thông tư số "
            "28/2018/TT-BTC ngày 28/3/2018 của Bộ Tài chính về kinh phí khuyến công;\n"
            "Quyết định 2646/QĐ-BCT căn cứ Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025 của Chính phủ "
            "sửa đổi Nghị định số 45/2012/NĐ-CP về khuyến công.\n",
    })
    assert engine.ask("Chương trình khuyến công quốc gia đến năm 2020 được phê duyệt tại quyết định số mấy?"
                      ).value.text == "1288/QĐ-TTg"
    assert engine.ask("Quyết định phê duyệt kinh phí khuyến công căn cứ thông tư nào của Bộ Tài chính?"
                      ).value.text == "Thông tư số 28/2018/TT-BTC ngày 28/3/2018"
    assert engine.ask("Quyết định 2646/QĐ-BCT căn cứ nghị định nào sửa đổi Nghị định 45/2012/NĐ-CP về khuyến công?"
                      ).value.text.startswith("Nghị định số 235/2025/NĐ-CP")


def test_counts_capacities_and_goods_as_event_news_writes_them(tmp_path, model_cache):
    """Probe 50's event reports: "100 doanh nghiệp và 10 doanh nhân được lựa chọn" counts 100 firms
    ("10 doanh" had been read as firms, 0.87); a capacity is any unit by the year ("đá nhân tạo
    1.600.000 m²/năm": the 72.000 tấn/năm of the item before it had been stated for it, 0.89)."""
    engine = _records_engine(tmp_path, model_cache, {
        "giai-thuong-2009.txt":
            "Trao giải Thương mại dịch vụ năm 2009\n\nTừ trên 500 hồ sơ đề cử trên toàn quốc, 100 doanh nghiệp và "
            "10 doanh nhân được lựa chọn để trao giải năm 2009.\n",
        "nha-may-phong-dien.txt":
            "Khởi công nhà máy tại Huế\n\nQuy mô dự án có công suất dự kiến cho các loại sản phẩm như cristobalite "
            "khoảng 72.000 tấn/năm, đá nhân tạo gốc thạch anh 1.600.000 m²/năm.\n",
    })
    engine.cfg.min_confidence = 0.0          # the reading is tested, not the calibration
    ans = engine.ask("Năm 2009 có bao nhiêu doanh nghiệp được trao giải?")
    assert ans.value.text == "100 doanh nghiệp"
    ans = engine.ask("Ở Huế, công suất đá nhân tạo gốc thạch anh là bao nhiêu?")
    assert ans.value.text == "1.600.000 m²/năm"


def test_the_whole_a_share_is_of_and_the_kind_a_list_opens_with(tmp_path, model_cache):
    """Probe 54's provincial news: "chiếm bao nhiêu phần trăm diện tích cây ăn trái của Đắk Lắk?" is
    the share of that whole, though the sentence leaves its subject to the one before, not the share
    of the country's durian area bound to the province by name (17,6% had been stated, 0.95); "bao
    nhiêu doanh nghiệp trong tỉnh" is the item "… trong tỉnh", not "1 doanh nghiệp ngoài tỉnh bày
    bán hàng …", whose words say more of the question (0.93)."""
    engine = _records_engine(tmp_path, model_cache, {
        "sau-rieng-dak-lak-2022.txt":
            "Sầu riêng Đắk Lắk\n\nTheo thống kê, đến nay diện tích sầu riêng của tỉnh Đắk Lắk chiếm 17,6% diện "
            "tích trồng sầu riêng của cả nước. Tổng diện tích sầu riêng năm 2022 ước đạt 15.250 ha, chiếm 35,2% "
            "diện tích cây ăn trái của tỉnh.\n",
        "cho-hang-viet-2012.txt":
            "Phiên chợ hàng Việt năm 2012\n\nTham gia bán hàng ở phiên chợ có 10 doanh nghiệp trong tỉnh và 1 "
            "doanh nghiệp ngoài tỉnh bày bán hàng hóa sản xuất trong nước.\n",
        "chi-tieu-tphcm-2025.txt":
            "TPHCM phấn đấu năm 2025\n\nTPHCM đặt mục tiêu đạt tốc độ tăng trưởng tổng sản phẩm trên địa bàn trên "
            "10%; GRDP bình quân đầu người đạt khoảng 8.500 đô la; tỷ trọng khu vực dịch vụ trong GRDP đạt trên 60%.\n",
    })
    engine.cfg.min_confidence = 0.0
    assert engine.ask("Năm 2022, diện tích sầu riêng chiếm bao nhiêu phần trăm diện tích cây ăn trái của Đắk Lắk?"
                      ).value.text == "35,2%"
    assert engine.ask("Có bao nhiêu doanh nghiệp trong tỉnh tham gia bán hàng ở phiên chợ hàng Việt năm 2012?"
                      ).value.text == "10 doanh nghiệp"
    # a name spelt out in its own group of a ';' list is named there: "GRDP" had kept the growth
    # target out of the candidates (and "kinh tế số … 25% trong GRDP" was stated on probe 52)
    from kcqa.ask.answer import answer_question
    trace: list = []
    answer_question(engine, "TPHCM đặt mục tiêu tốc độ tăng trưởng GRDP năm 2025 là bao nhiêu?", trace=trace)
    assert "trên 10%" in {c.figure.text for c in trace}


def test_a_currency_in_capitals_is_no_name(tmp_path, model_cache):
    """"… đi qua cửa khẩu nào?" over a sentence whose only capitals are its unit: "USD" was
    stated as the gate (the records do not name one there)."""
    engine = _records_engine(tmp_path, model_cache, {
        "bien-gioi.txt": "Xuất nhập khẩu biên giới\n\nTháng 8/2014, kim ngạch nhập khẩu qua biên giới của tỉnh "
                         "đạt 2.237.600 USD, tăng 12% so với cùng kỳ.\n",
    })
    ans = engine.ask("Tháng 8/2014 nhập khẩu qua biên giới đi qua cửa khẩu nào?")
    assert ans.status == "not_found" or ans.value.text != "USD"


def test_a_count_is_the_one_that_counts_what_is_asked_whole(tmp_path, model_cache):
    """"bao nhiêu doanh nghiệp kinh doanh hóa chất công nghiệp?" is the count written before
    those words, not the inspection's 12 firms in the sentence that reads most like the question;
    "bao nhiêu nghề truyền thống, làng nghề, làng nghề truyền thống" is the 34 that counts all
    three, not the bracket's 04 that counts the first."""
    engine = _records_engine(tmp_path, model_cache, {
        "kiem-tra.txt":
            "Sở Công Thương Quảng Ngãi kiểm tra hoạt động hóa chất năm 2023\n\nĐoàn kiểm tra của Sở đã kiểm tra "
            "việc chấp hành quy định về hoạt động hóa chất công nghiệp của 12 doanh nghiệp trên địa bàn tỉnh năm "
            "2023.\n\nTheo đó, có 02 doanh nghiệp kinh doanh hóa chất công nghiệp (01 doanh nghiệp kinh doanh khí "
            "công nghiệp) và 10 doanh nghiệp sử dụng hóa chất công nghiệp để sản xuất.\n",
        "lang-nghe.txt":
            "Làng nghề Quảng Nam năm 2022\n\nToàn tỉnh Quảng Nam có 45 làng có nghề, trong đó có: 34 nghề truyền "
            "thống, làng nghề, và làng nghề truyền thống được UBND tỉnh công nhận (04 nghề truyền thống, 30 làng "
            "nghề, làng nghề truyền thống).\n",
    })
    ans = engine.ask("Năm 2023 Quảng Ngãi có bao nhiêu doanh nghiệp kinh doanh hóa chất công nghiệp?")
    assert ans.value.text == "02 doanh nghiệp"
    ans = engine.ask("Năm 2022 Quảng Nam có bao nhiêu nghề truyền thống, làng nghề, làng nghề truyền thống được "
                     "UBND tỉnh công nhận?")
    assert ans.value.value == 34


def test_a_fall_given_for_a_rise_asked_is_said_as_a_fall(tmp_path, model_cache):
    """"… tăng bao nhiêu?" of a branch the record says "giảm 12,05%": the answer read "12,05%",
    a rise to anyone reading it. It says "giảm 12,05%", highlighted whole; asked "giảm bao
    nhiêu?", it is the 12,05 % the record says. The value is the number written, 12,05, not
    -12,05: the answers' format gives the value of the text, and people write a fall's answer so
    (10 of the 12 falls in the probes' expected answers)."""
    engine = _records_engine(tmp_path, model_cache, {
        "iip.txt": "Chỉ số sản xuất công nghiệp tháng 5/2024\n\nTháng 5/2024, một số ngành có chỉ số sản xuất "
                   "giảm so với cùng kỳ: khai thác than cứng và than non giảm 12,05%; giấy và các sản phẩm từ giấy "
                   "giảm 21,52%.\n",
    })
    ans = engine.ask("Tháng 5/2024 ngành khai thác than cứng và than non có chỉ số sản xuất tăng bao nhiêu?")
    assert ans.value.text == "giảm 12,05%" and ans.value.value == pytest.approx(12.05)
    cit = ans.citations[0]
    assert cit.text[cit.highlight[0]:cit.highlight[1]] == "giảm 12,05%"
    ans = engine.ask("Tháng 5/2024 ngành khai thác than cứng và than non có chỉ số sản xuất giảm bao nhiêu?")
    assert ans.value.text == "12,05%" and ans.value.value == pytest.approx(12.05)
    # asked either way ("tăng hay giảm", "thay đổi"), the answer says which
    for asked in ("tăng hay giảm bao nhiêu", "thay đổi bao nhiêu"):
        ans = engine.ask(f"Tháng 5/2024 ngành khai thác than cứng và than non có chỉ số sản xuất {asked}?")
        assert ans.value.text == "giảm 12,05%" and ans.value.value == pytest.approx(12.05)


def test_a_place_in_a_ranking_is_not_answered_with_a_score(tmp_path, model_cache):
    """"Đà Nẵng xếp thứ mấy?" was answered "70 điểm", the city's score in the same sentence; a
    rank is a number written after "thứ", "hạng" or "vị trí". Folded, "doanh thu bao nhiêu" is
    no rank asked."""
    engine = _records_engine(tmp_path, model_cache, {
        "ebi.txt": "Chỉ số thương mại điện tử 2024\n\nNăm 2024, Đà Nẵng đạt 70 điểm chỉ số thương mại điện tử, đứng "
                   "thứ tư cả nước. Doanh thu thương mại điện tử của thành phố đạt 1.200 tỷ đồng.\n",
    })
    for question in ("Năm 2024 Đà Nẵng xếp thứ mấy về chỉ số thương mại điện tử?", "da nang xep thu may nam 2024"):
        ans = engine.ask(question)
        assert ans.status == "not_found" or "70" not in ans.value.text
    assert engine.ask("nam 2024 da nang dat doanh thu thuong mai dien tu bao nhieu").value.text == "1.200 tỷ đồng"


def test_a_figure_its_record_says_did_not_do_what_is_asked_is_not_the_answer(tmp_path, model_cache):
    """"02 xã không thực hiện sắp xếp" is not how many communes were formed by the merger (it
    was stated at 0.83 over the 58 xã); "chưa giải ngân 3 tỷ đồng" is not what was disbursed.
    A question that asks the negated count keeps it, and words that negate nothing ("hàng không",
    "không ngừng tăng") take nothing away."""
    engine = _records_engine(tmp_path, model_cache, {
        "nq-ha-tinh.md":
            "# Nghị quyết sắp xếp đơn vị hành chính cấp xã của tỉnh Hà Tĩnh năm 2025\n\n"
            "Sau khi sắp xếp, tỉnh Hà Tĩnh có 69 đơn vị hành chính cấp xã, gồm 60 xã và 09 phường; trong đó có "
            "58 xã, 09 phường hình thành sau sắp xếp quy định tại Điều này và 02 xã không thực hiện sắp xếp là "
            "xã Sơn Kim 1 và xã Sơn Kim 2.\n",
        "giai-ngan.md":
            "# Giải ngân vốn khuyến công tỉnh Kon Tum 6 tháng đầu năm 2024\n\n"
            "Đến hết tháng 6/2024, Sở Công Thương tỉnh Kon Tum đã giải ngân 12 tỷ đồng vốn khuyến công, còn "
            "chưa giải ngân 3 tỷ đồng.\n\nNăm 2024, Kon Tum có thêm 3 tuyến xe khách, hàng không chưa có tuyến "
            "nào; số khách không ngừng tăng 18%.\n\nNăm 2024, sản lượng vận tải hàng không tăng 9% so với "
            "năm 2023.\n",
    })
    asked = "Hà Tĩnh có bao nhiêu xã hình thành sau sắp xếp?"
    assert "02 xã" not in _weighed(engine, asked)
    assert _stated(engine, asked) == "58 xã"
    assert "02 xã" in _weighed(engine, "Hà Tĩnh có bao nhiêu xã không thực hiện sắp xếp?")
    assert "3 tỷ đồng" not in _weighed(engine, "6 tháng đầu năm 2024 Kon Tum đã giải ngân bao nhiêu vốn khuyến công?")
    assert "3 tuyến" in _weighed(engine, "Năm 2024 Kon Tum có thêm bao nhiêu tuyến xe khách?")
    assert "18%" in _weighed(engine, "Năm 2024 số khách đến Kon Tum tăng bao nhiêu?")
    # "hàng không" before the figure negates nothing either ("vận tải hàng không tăng 9%"), nor
    # in the question ("… hàng không … tăng bao nhiêu?" asks no negated count)
    assert "9%" in _weighed(engine, "Năm 2024 sản lượng vận tải của Kon Tum tăng bao nhiêu?")
    assert "3 tỷ đồng" not in _weighed(engine, "6 tháng đầu năm 2024 ngành hàng không Kon Tum đã giải ngân bao "
                                                "nhiêu vốn khuyến công?")


def test_the_title_of_a_person_named_is_what_the_records_write_against_the_name(tmp_path, model_cache):
    """"Trần Quang Nhất giữ chức vụ gì?" had been answered "Ban Thường vụ Tỉnh ủy", a fragment of
    the titles after the name: now the titles written against the name, after it (several, between
    commas) or before it; typed in lower case, or asked as a follow-up about "ông ấy". A person the
    records name with no title is not found, never given a neighbour's."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "phu-yen.md":
            "# Phú Yên tổng kết chương trình tiết kiệm năng lượng giai đoạn 2011-2015\n\n"
            "Ngày 4/9, UBND tỉnh tổng kết 5 năm thực hiện chương trình sử dụng năng lượng tiết kiệm và hiệu quả "
            "tỉnh Phú Yên giai đoạn 2011-2015. Đồng chí Trần Quang Nhất, Ủy viên Ban Thường vụ Tỉnh ủy, Phó chủ "
            "tịch UBND tỉnh, chủ trì hội nghị. Ông Lê Văn Hòa phát biểu tại hội nghị.\n",
        "ninh-thuan.md":
            "# Làm việc với Sở Công Thương 6 tháng đầu năm 2024\n\n"
            "Ngày 6/6, Phó Chủ tịch UBND tỉnh Trịnh Minh Hoàng làm việc với Sở Công Thương nghe báo cáo kết "
            "quả hoạt động 6 tháng đầu năm 2024.\n",
        "thai-nguyen.md":
            "# Sở Công Thương Thái Nguyên chuyển đổi số năm 2020\n\n"
            "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng thăm quan bộ phận một cửa của Sở Công "
            "Thương tỉnh Thái Nguyên.\n",
    })
    for asked in ("Trần Quang Nhất giữ chức vụ gì?", "tran quang nhat giu chuc vu gi"):
        ans = engine.ask(asked)
        assert ans.status == "answered" and ans.value.text == "Ủy viên Ban Thường vụ Tỉnh ủy, Phó chủ tịch UBND tỉnh"
        assert ans.value.text in ans.citations[0].text
    assert _stated(engine, "Chức vụ của ông Trịnh Minh Hoàng là gì?") == "Phó Chủ tịch UBND tỉnh"
    assert _stated(engine, "Ông Lê Văn Hòa giữ chức vụ gì?") is None
    # several titles before the name, a body's lower-case syllable inside them ("Văn phòng")
    assert _stated(engine, "Ông Mai Tiến Dũng giữ chức vụ gì?") == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    # "Lãnh đạo … nào" asks a person, not the body written before the name
    assert _stated(engine, "Lãnh đạo Chính phủ nào đã thăm bộ phận một cửa của Sở Công Thương Thái Nguyên?") \
        == "Mai Tiến Dũng"
    conv = Conversation()
    engine.ask("Ai chủ trì hội nghị tổng kết chương trình tiết kiệm năng lượng của Phú Yên?", conv)
    follow = engine.ask("Ông ấy giữ chức vụ gì?", conv)
    assert "Trần Quang Nhất" in (follow.resolved_question or "")
    assert follow.status == "answered" and "Phó chủ tịch UBND tỉnh" in follow.value.text


@pytest.mark.parametrize("text,name,title", [
    ("Ông Ngô Quang Trung, Cục trưởng Cục Công Thương địa phương, cho biết kinh phí tăng.", "Ngô Quang Trung",
     "Cục trưởng Cục Công Thương địa phương"),
    ("Dự hội nghị có Phó Cục trưởng Cục Công nghiệp địa phương Ngô Quang Trung.", "Ngô Quang Trung",
     "Phó Cục trưởng Cục Công nghiệp địa phương"),
    ("Ông Trần Văn An - Phó Chủ tịch UBND tỉnh yêu cầu các sở tiếp tục.", "Trần Văn An", "Phó Chủ tịch UBND tỉnh"),
])
def test_a_title_holds_its_agencys_name_to_the_lower_case_end(text, name, title):
    """An agency's name ends in lower case ("Cục Công Thương địa phương"): the title had been cut
    at its last capital ("Cục trưởng Cục Công Thương", "Phó Cục trưởng Cục Công", stated at 0.96),
    while the verb after a title is not part of it."""
    from kcqa.ask.entities import _titles_of
    a = text.index(name)
    s, e = _titles_of(text, (a, a + len(name)))
    assert text[s:e] == title


@pytest.mark.slow
def test_a_who_is_never_a_place_written_with_its_type(tmp_path, model_cache):
    """"Ai chủ trì …?": "UBND tỉnh Hậu Giang" holds a place, not a person — its "Hậu Giang" had
    been answered (0.75) from the sentence that best covers the question, over the host named in
    the next one."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-nghi.txt": "Ngành Công Thương miền Tây tăng tốc phát triển\n"
                        "Chiều 12-9, tại Hậu Giang, Bộ Công Thương phối hợp UBND tỉnh Hậu Giang tổ chức Hội nghị ngành "
                        "Công Thương khu vực đồng bằng sông Cửu Long lần thứ III năm 2023. Thứ trưởng Bộ Công Thương "
                        "Đỗ Thắng Hải chủ trì hội nghị.\n",
    })
    assert _stated(engine, "Ai chủ trì Hội nghị ngành Công Thương khu vực đồng bằng sông Cửu Long lần thứ III năm "
                           "2023?") == "Đỗ Thắng Hải"


@pytest.mark.slow
def test_a_headline_figure_has_the_period_the_body_states_it_with(tmp_path, model_cache):
    """A headline's undated "Doanh thu … đạt trên 5,1 nghìn tỷ đồng" restates the body's "Năm
    2018, … đạt trên 5,1 nghìn tỷ đồng": it is 2018's, and does not answer 2019 (stated at 0.98)."""
    engine = _records_engine(tmp_path, model_cache, {
        "lang-nghe.txt": "Doanh thu của các làng nghề ở Thái Bình đạt trên 5,1 nghìn tỷ đồng\n"
                         "Năm 2018, toàn tỉnh có 91 làng nghề hoạt động, giải quyết việc làm cho gần 40 nghìn lao động. "
                         "Năm 2018, doanh thu của các làng nghề đạt trên 5,1 nghìn tỷ đồng.\n",
    })
    assert _stated(engine, "Năm 2018 doanh thu của các làng nghề ở Thái Bình đạt bao nhiêu?") == "trên 5,1 nghìn tỷ đồng"
    assert _stated(engine, "Năm 2019 doanh thu của các làng nghề ở Thái Bình đạt bao nhiêu?") is None


def test_a_source_written_after_a_count_is_its_own():
    """"3 đề án … từ nguồn kinh phí khuyến công quốc gia và 10 đề án từ nguồn kinh phí khuyến
    côngđịa phương": the 10 are the province's own (a lost space does not hide it), though the
    sentence named the national source before them — they had answered the national count."""
    from kcqa.ask.candidates import funding_said
    from kcqa.models import Figure
    sentence = ("Trong đó có 3 đề án được thực hiện từ nguồn kinh phí khuyến công quốc gia và 10 đề án từ nguồn "
                "kinh phí khuyến côngđịa phương.")

    def figure(text):
        at = sentence.index(text)
        return Figure(doc="d", value=0.0, unit="đề án", text=text, start=at, end=at + len(text), sentence=sentence,
                      sentence_start=0)
    assert funding_said(figure("10 đề án")) == {"local"}
    assert funding_said(figure("3 đề án")) == {"national"}


def test_a_planned_figure_is_not_what_is_done_and_a_place_is_not_a_country(tmp_path, model_cache):
    """"… đã hoàn thành phát điện?" asks what is done: "dự kiến đến cuối năm 2017, Lào Cai sẽ có
    thêm 8 dự án … hoàn thành phát điện" is a plan (stated at 0.96 over the 37 done). The 37 had
    been dropped besides: "UBND tỉnh Lào Cai" in the list's last group was read as the country
    Laos, a market asked, and that group taken for the one the question names."""
    engine = _records_engine(tmp_path, model_cache, {
        "lao-cai.md":
            "# Thủy điện nhỏ và vừa tại Lào Cai năm 2017\n\n"
            "Sở Công Thương tỉnh Lào Cai cho biết, dự kiến đến cuối năm 2017, Lào Cai sẽ có thêm 8 dự án thủy "
            "điện nhỏ và vừa hoàn thành phát điện, hòa vào lưới điện quốc gia với công suất lắp máy là 166,3 MW.\n\n"
            "Tính đến nay, Lào Cai đã cho phép 46 nhà đầu tư khảo sát, lập dự án đầu tư 76 công trình thủy điện "
            "nhỏ và vừa. Trong số này, 37 dự án đã hoàn thành phát điện, hòa vào lưới điện quốc gia với tổng công "
            "suất lắp máy là 621,8 MW; 17 dự án đang thi công với tổng công suất lắp máy 315,5 MW; 18 dự án đã "
            "được UBND tỉnh Lào Cai phê duyệt chủ trương đầu tư, đang tiến hành giải phóng mặt bằng.\n",
    })
    asked = "Tính đến năm 2017 Lào Cai có bao nhiêu dự án thủy điện nhỏ và vừa đã hoàn thành phát điện?"
    weighed = _weighed(engine, asked)
    assert "37 dự án" in weighed and "8 dự án" not in weighed
    assert "8 dự án" in _weighed(engine, "Đến cuối năm 2017 Lào Cai dự kiến có thêm bao nhiêu dự án thủy điện "
                                         "hoàn thành phát điện?")


def test_a_figure_of_two_joined_periods_answers_both_and_its_parts_one_each(tmp_path, model_cache):
    """"6 tháng đầu năm 2020 xảy ra bao nhiêu vụ?" had been answered 53 vụ, the count of 2019 and
    the half-year together, at 0.96; the parts, told apart by their periods only, had been no
    part the question named. A province that closes a range ("từ Ninh Thuận đến Cà Mau") has no
    figure there."""
    engine = _records_engine(tmp_path, model_cache, {
        "evnspc.md":
            "# EVNSPC: tai nạn điện năm 2019 và 6 tháng đầu năm 2020\n\n"
            "Ông Nguyễn Bình Trung - Phó Trưởng Ban An toàn của EVNSPC - cho biết, trong năm 2019 và 6 tháng đầu "
            "năm 2020 tại 21 tỉnh thành miền Nam (từ Ninh Thuận đến Cà Mau), đã xẩy ra 53 vụ tai nạn về điện, "
            "trong đó 40 vụ xẩy ra năm 2019 và 13 vụ trong 6 tháng đầu năm 2020.\n",
    })
    assert _stated(engine, "EVNSPC cho biết năm 2019 xảy ra bao nhiêu vụ tai nạn về điện?") == "40 vụ"
    assert _stated(engine, "EVNSPC cho biết 6 tháng đầu năm 2020 xảy ra bao nhiêu vụ tai nạn về điện?") == "13 vụ"
    assert _stated(engine, "Năm 2019 và 6 tháng đầu năm 2020 EVNSPC ghi nhận bao nhiêu vụ tai nạn về điện?") == "53 vụ"
    assert "53 vụ" not in _weighed(engine, "Năm 2019 và 6 tháng đầu năm 2020 Cà Mau xảy ra bao nhiêu vụ tai nạn điện?")


def test_a_breakdown_by_counts_is_quoted_on_into_the_sentences_that_go_on_with_it(tmp_path, model_cache):
    """"… vì những lý do gì?" quoted only the first sentence of a breakdown ("có năm DN …, hai DN
    …") and left out the next, which goes on counting the same firms ("Hai DN …; một DN …"); a
    sentence that opens with a year ("Năm 2020, …") is no count of them."""
    engine = _records_engine(tmp_path, model_cache, {
        "da-cap.md":
            "# Bán hàng đa cấp năm 2020\n\n"
            "Tính đến tháng 8/2020, 12 doanh nghiệp bán hàng đa cấp đã chấm dứt hoạt động. Trong số 12 DN đã chấm "
            "dứt hoạt động có năm DN bị thu hồi giấy chứng nhận do không đáp ứng điều kiện mới của Nghị định 40, "
            "hai DN tự nguyện chấm dứt hoạt động. Hai DN không được gia hạn giấy chứng nhận do không duy trì các "
            "điều kiện theo quy định; một DN bị thu hồi giấy chứng nhận do vi phạm điều cấm. Năm 2020, các DN còn "
            "lại có doanh thu 6.000 tỷ đồng.\n",
    })
    ans = engine.ask("Tính đến tháng 8/2020, 12 doanh nghiệp bán hàng đa cấp chấm dứt hoạt động vì những lý do gì?")
    assert ans.status == "answered" and ans.kind == "passage"
    quoted = ans.value.text
    assert quoted.startswith("Trong số 12 DN") and quoted.endswith("một DN bị thu hồi giấy chứng nhận do vi phạm điều cấm.")


def test_the_level_of_the_measure_asked_answers_though_its_unit_was_only_inferred(tmp_path, model_cache):
    """"đảm bảo lợi nhuận bao nhiêu cho người trồng lúa?" was read as asking money, from "lợi
    nhuận" alone, and answered with the price in the same sentence ("giá không dưới 5.000
    đồng/kg") at 0.90: the record's "mức lợi nhuận 30%" is the level of the measure asked. A
    question that says money, or a change of the measure ("lợi nhuận tăng 20%"), keeps to money."""
    engine = _records_engine(tmp_path, model_cache, {
        "vfa.md":
            "# VFA tổng kết xuất khẩu gạo năm 2012\n\n"
            "VFA sẽ thu mua lúa gạo cho nông dân với giá không dưới 5.000 đồng/kg, đảm bảo mức lợi nhuận 30% cho "
            "người trồng lúa. Năm 2012, lợi nhuận của các doanh nghiệp xuất khẩu tăng 20%.\n",
    })
    assert _stated(engine, "VFA đảm bảo lợi nhuận bao nhiêu cho người trồng lúa?") == "30%"
    assert "30%" not in _weighed(engine, "VFA đảm bảo lợi nhuận bao nhiêu tiền cho người trồng lúa?")
    assert "20%" not in _weighed(engine, "Năm 2012 lợi nhuận của các doanh nghiệp xuất khẩu là bao nhiêu?")


def test_money_a_firm_contributes_is_a_source_and_a_place_keeps_its_tp(tmp_path, model_cache):
    """"… nguồn kinh phí doanh nghiệp đóng góp bao nhiêu?" had been answered with the state's
    3,7 tỷ đồng written before it in the sentence (a source the lexicon did not know); "ở đâu?"
    answers "TP Hồ Chí Minh", not "Hồ Chí Minh"; "Còn nước giải khát …?" is not answered with
    the beer industry's figure that answered the turn before."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "lam-dong.md":
            "# Lâm Đồng: chương trình sản xuất sạch hơn giai đoạn 2016-2020\n\n"
            "Tổng kinh phí thực hiện chương trình sản xuất sạch hơn của Lâm Đồng giai đoạn 2016-2020 là 3,7 tỷ "
            "đồng từ ngân sách nhà nước và nguồn kinh phí doanh nghiệp đóng góp 1,9 tỷ đồng.\n",
        "bia.md":
            "# Ngành bia, rượu, nước giải khát giai đoạn 2011-2015\n\n"
            "Ngày 20/5/2015, tại TP Hồ Chí Minh, Hiệp hội Bia - Rượu - Nước giải khát Việt Nam tổ chức Đại hội "
            "nhiệm kỳ III. Năm 2015 ngành bia ước nộp ngân sách đạt trên 26.000 tỷ đồng.\n",
    })
    asked = "Chương trình sản xuất sạch hơn của Lâm Đồng giai đoạn 2016-2020 có nguồn kinh phí doanh nghiệp đóng góp"
    assert _stated(engine, asked + " bao nhiêu?") == "1,9 tỷ đồng"
    assert _stated(engine, "Đại hội Hiệp hội Bia - Rượu - Nước giải khát Việt Nam năm 2015 tổ chức ở đâu?") \
        == "TP Hồ Chí Minh"
    conv = Conversation()
    assert engine.ask("Năm 2015 ngành bia ước nộp ngân sách bao nhiêu?", conv).value.text == "trên 26.000 tỷ đồng"
    follow = engine.ask("Còn nước giải khát nộp ngân sách bao nhiêu?", conv)
    assert follow.status == "not_found"


def test_a_multiple_of_change_is_not_a_level_asked(tmp_path, model_cache):
    """"… thặng dư thương mại đạt bao nhiêu?" had been answered "96,7 lần" at 0.92, the times the
    surplus grew; asked how many times it grew, that is the answer."""
    engine = _records_engine(tmp_path, model_cache, {
        "vitas.md":
            "# VITAS 20 năm\n\n"
            "Năm 2018, kim ngạch xuất khẩu dệt may đã đạt trên 36,2 tỉ USD; thặng dư thương mại dệt may tăng "
            "96,7 lần so với năm 1999.\n",
    })
    assert "96,7 lần" not in _weighed(engine, "Năm 2018 thặng dư thương mại dệt may đạt bao nhiêu?")
    assert _stated(engine, "Năm 2018 thặng dư thương mại dệt may tăng bao nhiêu lần so với năm 1999?") == "96,7 lần"


def test_where_it_was_held_is_a_typed_town_after_tai_though_no_province_is_named_there(tmp_path, model_cache):
    """"Ngày 12/6 tại TP. Buôn Ma Thuột, Cục … phối hợp với Sở Công Thương tỉnh Đắk Lắk tổ chức …":
    the town the gazetteer does not hold is where it was, not the province of the host body
    (stated at 0.90 on an unseen record); "thành phố Tuy Hòa" before the event's name likewise."""
    engine = _records_engine(tmp_path, model_cache, {
        "tay-nguyen.txt": "Hội nghị khuyến công các tỉnh Tây Nguyên năm 2021\n"
                          "Ngày 12/6 tại TP. Buôn Ma Thuột, Cục Công Thương địa phương phối hợp với Sở Công Thương "
                          "tỉnh Đắk Lắk tổ chức Hội nghị khuyến công các tỉnh Tây Nguyên năm 2021.\n",
        "hoi-cho.txt": "Tối 3/9, tại thành phố Tuy Hòa đã diễn ra Lễ khai mạc Hội chợ hàng Việt tỉnh Phú Yên năm 2022. "
                       "Hội chợ có 200 gian hàng.\n",
        "hop-bao.txt": "Ngày 2/4, tại TP Long Xuyên, UBND tỉnh An Giang tổ chức họp báo thông tin về ngày hội văn hóa "
                       "các dân tộc năm 2023.\n",
        "phia-nam.txt": "Đó là chủ đề của Hội nghị ngành Công Thương khu vực phía Nam lần thứ V, tổ chức ngày "
                        "24-8-2018 tại TP Sa Đéc, tỉnh Đồng Tháp.\n",
    })
    assert _stated(engine, "Hội nghị khuyến công các tỉnh Tây Nguyên năm 2021 được tổ chức ở đâu?") \
        == "TP. Buôn Ma Thuột"
    assert _stated(engine, "Lễ khai mạc Hội chợ hàng Việt tỉnh Phú Yên năm 2022 diễn ra ở đâu?") == "thành phố Tuy Hòa"
    # the town found, and the province written after it, whole
    assert _stated(engine, "Hội nghị ngành Công Thương khu vực phía Nam lần thứ V tổ chức ở đâu?") \
        == "TP Sa Đéc, tỉnh Đồng Tháp"
    # where the press conference about an event was is not where the event is
    assert _stated(engine, "Ngày hội văn hóa các dân tộc An Giang năm 2023 diễn ra ở đâu?") is None


def test_a_date_is_not_taken_from_another_provinces_record(tmp_path, model_cache):
    """Two year-end conferences whose records never name their province in the text: one saved
    from the Sở of Hưng Yên's site, one filed as Đắk Lắk's. Asked about Đắk Lắk's, Hưng Yên's date
    had been stated at 0.84; asked about a third province, neither answers."""
    engine = _records_engine(tmp_path, model_cache, {
        "tong-ket-a.txt": "Ngày 10/01/2022, Sở Công Thương tổ chức Hội nghị tổng kết công tác ngành công thương "
                          "năm 2021, triển khai nhiệm vụ năm 2022.\n"
                          "Nguồn: https://socongthuong.hungyen.gov.vn/hoi-nghi-tong-ket-2021.html\n",
        "tong-ket-dak-lak-2021.txt": "Ngành công thương triển khai nhiệm vụ năm 2022\n"
                                     "Ngày 4/1, Sở Công thương tổ chức Hội nghị tổng kết ngành công thương năm 2021 và "
                                     "triển khai nhiệm vụ công tác năm 2022.\n",
    })
    assert _stated(engine, "Hội nghị tổng kết ngành công thương Đắk Lắk năm 2021 diễn ra ngày nào?") == "Ngày 4/1"
    assert _stated(engine, "Hội nghị tổng kết ngành công thương Hưng Yên năm 2021 diễn ra ngày nào?") \
        == "Ngày 10/01/2022"
    assert _stated(engine, "Hội nghị tổng kết ngành công thương Kon Tum năm 2021 diễn ra ngày nào?") is None


def test_how_far_over_the_plan_is_the_excess_not_the_level(tmp_path, model_cache):
    """"… vượt kế hoạch bao nhiêu?" is answered by "vượt 2,52% so với kế hoạch", not by the level
    the sentence opens with (stated at 0.96)."""
    engine = _records_engine(tmp_path, model_cache, {
        "tong-ket.txt": "Tổng mức bán lẻ hàng hóa dịch vụ của tỉnh Hưng Yên: ước tính năm 2021 đạt 45.228 tỷ đồng, "
                        "tăng 7,28% so với năm 2020 (vượt 2,52% so với kế hoạch).\n",
    })
    assert _stated(engine, "Năm 2021, tổng mức bán lẻ hàng hóa dịch vụ của Hưng Yên vượt kế hoạch bao nhiêu?") == "2,52%"
    assert _stated(engine, "Năm 2021, tổng mức bán lẻ hàng hóa dịch vụ của Hưng Yên đạt bao nhiêu?") == "45.228 tỷ đồng"


def test_a_continents_market_and_a_share_of_the_whole(tmp_path, model_cache):
    """"Thị trường châu Á chiếm tỷ trọng bao nhiêu …?": the entity written "châu Á" (read "Á") is the
    market asked, so its 67,2% answers (8,42% of another clause had been stated at 0.86); and
    "chiếm tỷ trọng bao nhiêu?" is never a share of a plan ("đạt 42,5% kế hoạch vốn", stated at 0.95)."""
    engine = _records_engine(tmp_path, model_cache, {
        "xuat-khau.txt": "Kim ngạch xuất khẩu toàn tỉnh Bình Thuận 9 tháng năm 2022 đạt hơn 1,36 tỷ USD, tăng 11,73% so "
                         "với cùng kỳ, vượt tốc độ tăng trưởng so với kế hoạch đề ra là 8,42%. Các thị trường chính vẫn "
                         "tăng, cụ thể, châu Á (chiếm tỷ trọng 67,2% trong tổng kim ngạch xuất khẩu toàn tỉnh) tăng "
                         "12,09% so với cùng kỳ; châu Mỹ tăng 29,02% so với cùng kỳ.\n",
        "dien.txt": "PC Hà Tĩnh: 6 tháng đầu năm 2021, sản lượng điện thương phẩm đạt hơn 1 tỷ kWh. Đáng chú ý, sản lượng "
                    "điện công nghiệp - xây dựng chiếm tỷ trọng 50,2%, tăng 15,7% so với cùng kỳ. PC Hà Tĩnh thực hiện "
                    "giải ngân vốn đầu tư xây dựng 161 tỷ đồng, đạt 42,5% kế hoạch vốn.\n",
    })
    assert _stated(engine, "Thị trường châu Á chiếm tỷ trọng bao nhiêu trong kim ngạch xuất khẩu 9 tháng 2022 của "
                           "Bình Thuận?") == "67,2%"
    assert _stated(engine, "Ở Hà Tĩnh, điện công nghiệp - xây dựng chiếm tỷ trọng bao nhiêu?") == "50,2%"


def test_a_span_of_days_is_answered_whole_as_newspapers_write_it(tmp_path, model_cache):
    """"… diễn ra từ ngày nào đến ngày nào?" is the span "từ ngày 26 đến 29-9" (days written with a
    dash, as many newspapers do), not the opening day another sentence gives."""
    engine = _records_engine(tmp_path, model_cache, {
        "ket-noi.txt": "Ngày 26/9, tại Trung tâm Hội chợ quận 7 đã diễn ra lễ khai mạc Hội nghị kết nối cung cầu hàng "
                       "hóa năm 2019. Hội nghị diễn ra từ ngày 26 đến 29-9 với các nội dung hội thảo và trưng bày.\n",
    })
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa năm 2019 diễn ra từ ngày nào đến ngày nào?") \
        == "từ ngày 26 đến 29-9"


def test_a_listed_sum_is_the_group_that_names_what_is_asked(tmp_path, model_cache):
    """A list of sums apart by ';': the one whose group names the place asked, not a bare sum of
    another group ("bổ sung 110 triệu đồng … khác", stated at 0.87), though that group names no one."""
    engine = _records_engine(tmp_path, model_cache, {
        "xttm.txt": "Năm 2018, tỉnh Lạng Sơn điều chỉnh bổ sung 510 triệu đồng từ Chương trình xúc tiến thương mại cho "
                    "các đề án sau: bổ sung kinh phí tổ chức Hội nghị xúc tiến tiêu thụ hồi tại thành phố Lạng Sơn 200 "
                    "triệu đồng; bổ sung kinh phí tổ chức Hội nghị xúc tiến tiêu thụ hồi tại Bằng Tường, tỉnh Quảng "
                    "Tây, Trung Quốc 200 triệu đồng; bổ sung 110 triệu đồng để chi hoạt động xúc tiến thương mại khác.\n",
    })
    assert _stated(engine, "Lạng Sơn bổ sung bao nhiêu kinh phí tổ chức hội nghị xúc tiến tiêu thụ hồi tại Bằng Tường, "
                           "Quảng Tây năm 2018?") == "200 triệu đồng"
    assert "110 triệu đồng" not in _weighed(engine, "Lạng Sơn bổ sung bao nhiêu kinh phí tổ chức hội nghị xúc tiến "
                                                    "tiêu thụ hồi tại Bằng Tường, Quảng Tây năm 2018?")


def test_what_entered_a_selection_is_not_what_was_chosen(tmp_path, model_cache):
    """In a vote for outstanding products, "bao nhiêu sản phẩm được công nhận?" is not answered by
    those that entered (26, stated at 0.93) nor by a group of them; "tham gia bình chọn" is the
    entered count, not the ten chosen "được Hội đồng bình chọn". A term's abbreviation the record
    defines ("(SPCNNTTB)") is no one's name that would make a count another's."""
    engine = _records_engine(tmp_path, model_cache, {
        "binh-chon-soc-trang.txt": "Năm 2021, Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Sóc "
                                   "Trăng đã nhận được 26 sản phẩm tham gia bình chọn gồm 03 nhóm: nhóm thủ công mỹ "
                                   "nghệ gồm 05 sản phẩm; nhóm chế biến nông sản gồm 20 sản phẩm; nhóm khác gồm 01 "
                                   "sản phẩm.\n",
        "binh-chon-ben-tre.txt": "Tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Bến Tre năm 2016 có "
                                 "35 sản phẩm thuộc 4 nhóm. Kết quả đã có 10 sản phẩm được Hội đồng bình chọn và trao "
                                 "giấy chứng nhận.\n",
        "binh-chon-ha-nam.txt": "Ngày 10-5-2016, Ban Giám khảo bình chọn sản phẩm công nghiệp nông thôn tiêu biểu "
                                "(SPCNNTTB) tỉnh Hà Nam tiến hành chấm điểm đối với 23 sản phẩm của 6 huyện.\n",
    })
    assert _stated(engine, "Năm 2021, Sóc Trăng có bao nhiêu sản phẩm được công nhận sản phẩm công nghiệp nông thôn "
                           "tiêu biểu?") is None
    assert _stated(engine, "Năm 2021, Sóc Trăng có bao nhiêu sản phẩm tham gia bình chọn?") == "26 sản phẩm"
    assert _stated(engine, "Năm 2016, Bến Tre có bao nhiêu sản phẩm tham gia bình chọn sản phẩm công nghiệp nông thôn "
                           "tiêu biểu?") == "35 sản phẩm"
    assert _stated(engine, "Năm 2016, Bến Tre có bao nhiêu sản phẩm được công nhận?") == "10 sản phẩm"
    assert "23 sản phẩm" in _weighed(engine, "Năm 2016, Ban Giám khảo tỉnh Hà Nam chấm điểm bao nhiêu sản phẩm?")


def test_a_cited_meetings_year_names_the_record_not_the_figures_period(tmp_path, model_cache):
    """"Theo Hội nghị khuyến công … năm 2019, Đồng Tháp bố trí bao nhiêu …?": the meeting of 2019
    reports the budgets of 2018, which answer; a meeting of another year that no record holds does
    not (the 2019 record is no answer about the 2021 meeting)."""
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong-phia-nam-2019.txt": "Hội nghị khuyến công các tỉnh, thành khu vực phía Nam năm 2019\n"
                                         "Năm 2018, ngân sách địa phương bố trí cho hoạt động khuyến công cao nhất là "
                                         "Đồng Nai (14,55 tỉ đồng), Long An (5,26 tỉ đồng), Bình Dương (5,12 tỉ đồng).\n",
    })
    asked = "Theo Hội nghị khuyến công khu vực phía Nam năm {}, Long An bố trí bao nhiêu ngân sách cho khuyến công?"
    assert _stated(engine, asked.format(2019)) == "5,26 tỉ đồng"
    assert _stated(engine, asked.format(2021)) is None


def test_a_regions_budget_broken_down_by_source_in_the_next_sentence(tmp_path, model_cache):
    """A regional khuyến công report: the total with its share of plan, then "Trong đó, kinh phí
    khuyến công quốc gia … đạt 99,8% …; kinh phí khuyến công địa phương … đạt 87,3% …". A share
    goes on from the sum before it, whose source it names; the agency "Cục Công thương địa
    phương" in the sentence of the total is not the part's "địa phương"; and the breakdown is
    read with the sentence it continues. The total's 90,59% had answered the local source at 0.87."""
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong-phia-nam.txt": "Tại hội nghị, ông Ngô Quang Trung, Cục trưởng Cục Công thương địa phương cho biết, "
                                    "năm 2018 tổng kinh phí khuyến công của 20 tỉnh thành phía Nam thực hiện hơn 87,3 tỉ "
                                    "đồng, đạt 90,59% so với kế hoạch năm. Trong đó, kinh phí khuyến công quốc gia thực "
                                    "hiện hơn 24,8 tỉ đồng, đạt 99,8% so với kế hoạch; kinh phí khuyến công địa phương "
                                    "thực hiện hơn 62,5 tỉ đồng, đạt 87,3% so với kế hoạch.\n",
    })
    asked = "Năm 2018 kinh phí khuyến công {} của các tỉnh phía Nam đạt bao nhiêu phần trăm kế hoạch?"
    assert _stated(engine, asked.format("quốc gia")) == "99,8%"
    assert _stated(engine, asked.format("địa phương")) == "87,3%"
    assert _stated(engine, "Năm 2018 tổng kinh phí khuyến công của các tỉnh phía Nam đạt bao nhiêu phần trăm kế hoạch?") \
        == "90,59%"


def test_a_title_held_in_a_body_named_jointly(tmp_path, model_cache):
    engine = _records_engine(tmp_path, model_cache, {
        "trien-lam.txt": "Ông Lê Văn Tâm, Trưởng Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp Thanh Hóa chia "
                         "sẻ về hội chợ. Ông Trần Bình, Giám đốc Sở Công Thương và các Sở, ngành dự khai mạc.\n",
    })
    assert _stated(engine, "Ông Lê Văn Tâm giữ chức vụ gì?") \
        == "Trưởng Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp Thanh Hóa"
    assert _stated(engine, "Ông Trần Bình giữ chức vụ gì?") == "Giám đốc Sở Công Thương"


def test_a_town_asked_is_not_answered_by_its_provinces_whole(tmp_path, model_cache):
    """"Thành phố Biên Hòa có bao nhiêu cửa hàng tiện lợi?" where the record counts the province's
    stores only ("trên địa bàn tỉnh hiện có 253 cửa hàng …; Trong đó, TP.Biên Hòa là địa phương có
    … nhiều nhất"): not found (253 had been stated at 0.90); the province's question still has it.
    A month written "tháng 6-2021" is a time a when-question is answered with, and "Sáng ngày 15/12" whole."""
    engine = _records_engine(tmp_path, model_cache, {
        "cua-hang-dong-nai.txt": "Theo Sở Công thương Đồng Nai, trên địa bàn tỉnh hiện có 253 cửa hàng tiện lợi đang hoạt "
                                 "động. Trong đó, TP.Biên Hòa là địa phương có số lượng cửa hàng tiện lợi nhiều nhất.\n",
        "dien-gio.txt": "Cụm trang trại điện gió Hải Lăng ở Quảng Trị gồm trang trại Hải Lăng 1 dự kiến vận hành vào "
                        "tháng 6-2021.\n",
        "ton-vinh.txt": "Sáng ngày 15/12, Bộ Công Thương tổ chức Lễ tôn vinh sản phẩm công nghiệp nông thôn tiêu biểu "
                        "cấp quốc gia năm 2023.\n",
    })
    assert _stated(engine, "Thành phố Biên Hòa có bao nhiêu cửa hàng tiện lợi?") is None
    assert _stated(engine, "Đồng Nai có bao nhiêu cửa hàng tiện lợi?") == "253 cửa hàng"
    assert _stated(engine, "Trang trại điện gió Hải Lăng 1 dự kiến vận hành khi nào?") == "tháng 6-2021"
    # the part of the day the record gives is the time's
    assert _stated(engine, "Lễ tôn vinh sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2023 diễn ra ngày "
                           "nào?") == "Sáng ngày 15/12"


def test_a_provinces_total_detailed_in_the_next_sentence_by_source(tmp_path, model_cache):
    """"… tỉnh Hà Nam đã triển khai thực hiện 65 đề án với tổng kinh phí … trên 10 tỷ đồng. Cụ thể,
    có 56 đề án khuyến công địa phương … 8,3 tỷ đồng và 9 đề án khuyến công quốc gia … 1,8 tỷ đồng":
    the detail is the province's though it does not name it, and what it counts, named whole, is
    asked before the verb ("triển khai") the total was written after (65 and the total's 10 tỷ had
    answered the sources at 0.85 and 0.89)."""
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong-ha-nam-2017.txt": "Sở Công thương tỉnh Hà Nam cho biết, trong năm 2017, tỉnh Hà Nam đã triển khai "
                                       "thực hiện 65 đề án với tổng kinh phí ước thực hiện trên 10 tỷ đồng.\n"
                                       "Cụ thể, có 56 đề án khuyến công địa phương với kinh phí thực hiện 8,3 tỷ đồng và "
                                       "9 đề án khuyến công quốc gia với nguồn kinh phí thực hiện 1,8 tỷ đồng.\n",
    })
    assert _stated(engine, "Năm 2017, Hà Nam triển khai bao nhiêu đề án khuyến công địa phương?") == "56 đề án"
    assert _stated(engine, "Kinh phí thực hiện các đề án khuyến công quốc gia ở Hà Nam năm 2017 là bao nhiêu?") \
        == "1,8 tỷ đồng"
    assert _stated(engine, "Năm 2017, Hà Nam triển khai bao nhiêu đề án khuyến công?") == "65 đề án"


def test_lists_and_parts_answer_the_item_asked(tmp_path, model_cache):
    """Lists read by what each item says. Groups that each open with their count share the lead
    before the first count, and each is named by what it counts (68,9% of "chợ" had answered
    "cửa hàng xăng dầu", stated at 0.93). A lead every group writes its own of ("…, gồm …; công
    nhận lại …, gồm …") opens no list. A count at the stage asked by the verb before "bao nhiêu"
    ("công nhận bao nhiêu", not "tiếp nhận 65", stated at 0.87), and a part counted by the action
    asked ("trong đó xử lý 1.441 vụ" though the whole "quản lý … xử phạt" has both syllables).
    A measure told after its figure with "về" is that figure's own."""
    engine = _records_engine(tmp_path, model_cache, {
        "quy-hoach-mien-trung.txt": "Tính đến tháng 6/2015 khu vực miền Trung-Tây Nguyên đã thực hiện đầu tư so với "
                                    "quy hoạch là 1.475 chợ (đạt 68,9%); 132 siêu thị (đạt 42,8%); 21 trung tâm thương "
                                    "mại (đạt 19,09%); 2470 cửa hàng xăng dầu (đạt 68,06%); 1 trung tâm hội chợ triển "
                                    "lãm (đạt 12,5%).\n",
        "ocop-thai-nguyen.txt": "Năm 2022, UBND tỉnh Thái Nguyên đã công nhận 44 sản phẩm xếp hạng đạt tiêu chuẩn sản phẩm "
                                "OCOP lần đầu, gồm 07 sản phẩm đạt hạng 4 sao, 37 sản phẩm đạt hạng 3 sao; công nhận lại "
                                "13 sản phẩm đã hết hạn chứng nhận OCOP, gồm 04 sản phẩm đạt hạng 4 sao, 09 sản phẩm đạt "
                                "hạng 3 sao.\n",
        "cnnt-dong-thap.txt": "Trong năm 2022, Sở Công Thương tỉnh Đồng Tháp tiếp nhận 65 sản phẩm, bộ sản phẩm của 46 đơn "
                              "vị đăng ký xét chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh. Theo đó, UBND tỉnh "
                              "đã công nhận sản phẩm CNNT tiêu biểu cấp tỉnh năm 2022 cho 28 sản phẩm, bộ sản phẩm.\n",
        "qltt-thai-nguyen.txt": "Trong năm 2020, lực lượng quản lý thị trường tỉnh Thái Nguyên đã kiểm tra, xử phạt vi phạm "
                                "hành chính được trên 1.770 vụ, trong đó xử lý 1.441 vụ bằng 106,6% so với năm 2019.\n",
        "tinh-bot-san.txt": "Kết thúc 6 tháng đầu năm 2020, ngành tinh bột sắn tỉnh Kon Tum vẫn tăng trưởng tới 8,79% về "
                            "doanh thu và tăng 9,01% về sản lượng.\n",
    })
    asked = "Tính đến tháng 6/2015, khu vực miền Trung - Tây Nguyên đã đầu tư {} so với quy hoạch đạt bao nhiêu phần trăm " \
            "quy hoạch?"
    assert _stated(engine, asked.format("cửa hàng xăng dầu")) == "68,06%"
    assert _stated(engine, asked.format("chợ")) == "68,9%"
    assert _stated(engine, "Năm 2022, Thái Nguyên công nhận lần đầu bao nhiêu sản phẩm OCOP đạt hạng 4 sao?") \
        == "07 sản phẩm"
    assert "65 sản phẩm" not in _weighed(engine, "Năm 2022, Đồng Tháp công nhận bao nhiêu sản phẩm, bộ sản phẩm CNNT "
                                                 "tiêu biểu cấp tỉnh?")
    assert _stated(engine, "Năm 2020, lực lượng quản lý thị trường tỉnh Thái Nguyên đã xử lý bao nhiêu vụ?") == "1.441 vụ"
    assert _stated(engine, "Doanh thu ngành tinh bột sắn Kon Tum 6 tháng đầu năm 2020 tăng bao nhiêu?") == "tới 8,79%"
    assert _stated(engine, "Sản lượng ngành tinh bột sắn Kon Tum 6 tháng đầu năm 2020 tăng bao nhiêu?") == "9,01%"


def test_levels_scopes_wholes_and_groups_of_a_figure(tmp_path, model_cache):
    """The level of each item of a list ("79 … cấp tỉnh, 18 … cấp khu vực và 06 … cấp quốc gia":
    06 had answered the region's level at 0.98); "bình chọn cấp khu vực" is a level, not the scope
    of the country's 439 (stated at 0.90 for the south); of two shares in one sentence, the one
    whose whole is the whole asked (34,85% at 0.96 for 20,25%); an aside in brackets about the
    country is not the group's ("(cả nước tăng 9,2%)", and "tăng bình quân" is a change); the group
    the record counts apart is not answered by the whole's count."""
    engine = _records_engine(tmp_path, model_cache, {
        "cnnt-dong-thap.txt": "Tính đến tháng 6/2020, toàn tỉnh Đồng Tháp có 75 cơ sở tham gia với 79 sản phẩm đạt chứng "
                              "nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh, 18 sản phẩm đạt chứng nhận sản phẩm "
                              "tiêu biểu cấp khu vực và 06 sản phẩm đạt chứng nhận sản phẩm tiêu biểu cấp quốc gia.\n",
        "cnnt-phia-nam-2024.txt": "Năm 2024, cả nước có 889 sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh đăng ký tham "
                                  "gia bình chọn cấp khu vực, trong đó 439 sản phẩm được công nhận (đạt tỷ lệ 49%). Đối "
                                  "với khu vực phía Nam ghi nhận 18/20 tỉnh, thành phố đăng ký 382 sản phẩm tham gia bình "
                                  "chọn, trong đó có 189 sản phẩm được công nhận (đạt 49,5% tổng số sản phẩm đăng ký).\n",
        "khuyen-cong-phia-nam-2017.txt": "Tổng kế hoạch kinh phí khuyến công năm 2017 của khu vực phía Nam là 64.710 "
                                         "triệu đồng, tăng 8,00% so với kế hoạch năm 2016. Trong đó, kinh phí khuyến công "
                                         "quốc gia hỗ trợ 22.554 triệu đồng, chiếm 20,25% tổng kinh phí khuyến công quốc "
                                         "gia và chiếm 34,85% kinh phí khuyến công toàn Vùng.\n",
        "cum-thi-dua-2023.txt": "Năm 2023, tổng mức bán lẻ hàng hóa, dịch vụ của cả Cụm thi đua số 2 ước tăng bình quân "
                                "30,4% so với cùng kỳ năm trước (cả nước tăng 9,2%).\n",
        "cnnt-phia-bac-2020.txt": "24 địa phương khu vực phía Bắc đăng ký 194 sản phẩm tham gia bình chọn sản phẩm CNNT "
                                  "tiêu biểu năm 2020. Trong đó, Nhóm sản phẩm thủ công mỹ nghệ có 66 sản phẩm; Nhóm sản "
                                  "phẩm chế biến nông, lâm, thủy sản và thực phẩm có 104 sản phẩm.\n",
    })
    assert _stated(engine, "Tính đến tháng 6/2020, Đồng Tháp có bao nhiêu sản phẩm đạt chứng nhận sản phẩm công nghiệp "
                           "nông thôn tiêu biểu cấp khu vực?") == "18 sản phẩm"
    assert _stated(engine, "Năm 2024, khu vực phía Nam có bao nhiêu sản phẩm công nghiệp nông thôn tiêu biểu được công "
                           "nhận cấp khu vực?") == "189 sản phẩm"
    share = "Năm 2017, kinh phí khuyến công quốc gia hỗ trợ khu vực phía Nam chiếm bao nhiêu phần trăm {}?"
    assert _stated(engine, share.format("tổng kinh phí khuyến công quốc gia")) == "20,25%"
    assert _stated(engine, share.format("kinh phí khuyến công toàn Vùng")) == "34,85%"
    assert _stated(engine, "Năm 2023 tổng mức bán lẻ hàng hóa, dịch vụ của cả Cụm thi đua số 2 tăng bao nhiêu?") == "30,4%"
    assert "194 sản phẩm" not in _weighed(engine, "Nhóm thủ công mỹ nghệ có bao nhiêu sản phẩm đăng ký bình chọn sản "
                                                  "phẩm CNNT tiêu biểu khu vực phía Bắc năm 2020?")


def test_venues_titles_documents_and_times_read_whole(tmp_path, model_cache):
    """A venue named after its kind with its address ("quảng trường Royal City (72A Nguyễn Trãi, …)"),
    a town with its province in brackets, a body's name in lower case ("Công đoàn ngành"), a
    decision cited with its day, a name in quotation marks that says "và", the day of the decision
    asked rather than a date of a news paragraph (the meeting's 11/11 had answered), and the time
    of the farm asked by its number ("B&T 2", not B&T 1's tháng 12-2020). "Hà Nội", "TP. Phú Quốc",
    "Chủ tịch Công" and the quotation cut at "và" had been the answers."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-cho-ha-noi.txt": "Tối ngày 23/11, lễ khai mạc Hội chợ Đặc sản Vùng miền Việt Nam 2022 đã diễn ra tại quảng "
                              "trường Royal City (72A Nguyễn Trãi, quận Thanh Xuân, Hà Nội).\n",
        "hoi-cho-phu-quoc.txt": "Tối 10/10, Hội chợ Triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Nam năm "
                                "2024 đã chính thức khai mạc tại TP. Phú Quốc (tỉnh Kiên Giang).\n",
        "thi-dua-hai-phong.txt": "Thay mặt Ban Chấp hành, đồng chí Nguyễn Công Hòa - Chủ tịch Công đoàn ngành Công Thương "
                                 "Hải Phòng phát động phong trào thi đua năm 2025.\n",
        "tu-hao-hang-viet.txt": "Lễ hội thuộc Đề án Phát triển thị trường trong nước gắn với Cuộc vận động “Người Việt Nam "
                                "ưu tiên dùng hàng Việt Nam” giai đoạn 2021-2025 được Thủ tướng Chính phủ phê duyệt tại "
                                "Quyết định số 386/QĐ-TTg ngày 17/3/2021. Tại buổi lễ, các doanh nghiệp đã bấm nút phát "
                                "động phong trào “Xây dựng hệ sinh thái cộng đồng DN sản xuất và kinh doanh hàng Việt Nam”.\n",
        "cnnt-dong-thap.txt": "Qua đó ngày 11/11/2022, Hội đồng bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Tháp đã họp, xét "
                              "chọn các sản phẩm. Theo đó, UBND tỉnh đã ban hành Quyết định 1302/QĐ-UBND-HC ngày 23/11/2022 "
                              "về việc công nhận sản phẩm CNNT tiêu biểu cấp tỉnh năm 2022.\n",
        "dien-gio.txt": "Cụm trang trại điện gió B&T ở Quảng Bình gồm hai trang trại: B&T 1 với công suất 100,8 MW, dự "
                        "kiến vận hành vào tháng 12-2020 và B&T 2 với công suất 151,2 MW, dự kiến vận hành vào tháng "
                        "6-2021.\n",
    })
    assert _stated(engine, "Lễ khai mạc Hội chợ Đặc sản Vùng miền Việt Nam 2022 diễn ra ở đâu?") \
        == "quảng trường Royal City (72A Nguyễn Trãi, quận Thanh Xuân, Hà Nội)"
    assert _stated(engine, "Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Nam năm 2024 khai mạc ở "
                           "đâu?") == "TP. Phú Quốc (tỉnh Kiên Giang)"
    assert _stated(engine, "Ông Nguyễn Công Hòa giữ chức vụ gì?") == "Chủ tịch Công đoàn ngành Công Thương Hải Phòng"
    assert _stated(engine, "Đề án Phát triển thị trường trong nước giai đoạn 2021-2025 được phê duyệt tại quyết định "
                           "nào?") == "Quyết định số 386/QĐ-TTg ngày 17/3/2021"
    assert "và kinh doanh hàng Việt Nam" in _stated(engine, "Tại buổi lễ, các doanh nghiệp bấm nút phát động phong "
                                                             "trào gì?")
    assert _stated(engine, "UBND tỉnh Đồng Tháp ban hành quyết định công nhận sản phẩm CNNT tiêu biểu cấp tỉnh năm 2022 "
                           "vào ngày nào?") == "ngày 23/11/2022"
    assert _stated(engine, "Trang trại điện gió B&T 2 dự kiến vận hành khi nào?") == "tháng 6-2021"


def test_plans_programmes_and_the_whole_a_share_or_a_part_is_of(tmp_path, model_cache):
    """A programme's span is its name ("Theo Chương trình … giai đoạn 2021-2025, năm 2021 …"), and
    the five years' sum does not answer one year (75.300 triệu đồng at 0.86); a plan asked by its
    verb ("phấn đấu … đạt bao nhiêu?") is the target (the year's 35.360 tỷ had answered), and a share
    of the plan ("đạt 95,3% KH") is no plan; an item's result and its plan share its words ("xuất
    khẩu hàng hóa ước đạt 810 triệu USD/KH giao 850 triệu USD"); a body the question names does not
    name a part ("Cục Kỹ thuật …" and "quy chuẩn kỹ thuật"); of a record's shares, the one of the
    whole asked (47% of "… hàng dệt may của cả nước" had answered "… cả nước"); a zone's kind
    written short ("4 CCN") is no one's name."""
    engine = _records_engine(tmp_path, model_cache, {
        "khuyen-cong-lai-chau.txt": "Dự kiến tổng kinh phí thực hiện Chương trình khuyến công tỉnh Lai Châu giai đoạn "
                                    "2021-2025 là 75.300 triệu đồng. Trong đó, nguồn kinh phí khuyến công được phân kỳ "
                                    "theo năm thực hiện: Năm 2021 là 10.814 triệu đồng; năm 2022 là 21.004 triệu đồng.\n",
        "tong-ket-tra-vinh.txt": "Năm 2024, Sở Công Thương phấn đấu đạt giá trị sản xuất công nghiệp trên 40.000 tỷ đồng\n"
                                 "Chiều ngày 2/1, Sở Công Thương tỉnh Trà Vinh tổ chức hội nghị tổng kết. Giá trị sản "
                                 "xuất công nghiệp đạt trên 35.360 tỷ đồng, tăng 12,06% so cùng kỳ, vượt 4,44% kế hoạch.\n",
        "tong-ket-nghe-an.txt": "Năm 2020, tổng kim ngạch xuất khẩu của tỉnh Nghệ An ước đạt 1.120 triệu USD/KH giao 1.200 "
                                "triệu USD, đạt 93,33%/KH; trong đó xuất khẩu hàng hóa ước đạt 810 triệu USD/KH giao 850 "
                                "triệu USD, đạt 95,3% KH.\n",
        "cuc-atmt.txt": "Năm 2024, Cục Kỹ thuật an toàn và Môi trường công nghiệp đã chủ trì xây dựng và ban hành 14 văn "
                        "bản quy phạm pháp luật, gồm: 1 Nghị định, 13 Thông tư, trong đó có 11 Thông tư ban hành các quy "
                        "chuẩn kỹ thuật quốc gia.\n",
        "xuat-khau-my.txt": "3 tháng đầu năm 2020, kim ngạch xuất khẩu sang thị trường Mỹ đạt 15,95 tỷ USD, tăng tới 19,9% "
                            "so với cùng kỳ 2019 và chiếm đến 25,2% tổng kim ngạch xuất khẩu cả nước.\nTrong quý I/2020, "
                            "thị trường Mỹ vẫn chiếm đến 47% tổng kim ngạch xuất khẩu hàng dệt may của cả nước.\n",
        "ccn-dong-nai.txt": "Năm 2022, tỉnh Đồng Nai hiện có 4 CCN hạ tầng kỹ thuật tương đối hoàn chỉnh, 5 cụm đang triển "
                            "khai xây dựng hạ tầng và 4 cụm đang thực hiện công tác bồi thường.\n",
    })
    assert "75.300 triệu đồng" not in _weighed(engine, "Theo Chương trình khuyến công tỉnh Lai Châu giai đoạn 2021-2025, "
                                                       "năm 2021 được phân kỳ bao nhiêu kinh phí?")
    assert _stated(engine, "Năm 2024 Sở Công Thương Trà Vinh phấn đấu giá trị sản xuất công nghiệp đạt bao nhiêu?") \
        == "trên 40.000 tỷ đồng"
    assert _stated(engine, "Kế hoạch giao về kim ngạch xuất khẩu hàng hóa của Nghệ An năm 2020 là bao nhiêu?") \
        == "850 triệu USD"
    assert _stated(engine, "Năm 2024, Cục Kỹ thuật an toàn và Môi trường công nghiệp chủ trì xây dựng bao nhiêu Thông "
                           "tư?") == "13 Thông tư"
    assert _stated(engine, "Kim ngạch xuất khẩu sang Mỹ quý I/2020 chiếm bao nhiêu phần trăm tổng kim ngạch xuất khẩu "
                           "cả nước?") == "đến 25,2%"
    assert _stated(engine, "Năm 2022, Đồng Nai có bao nhiêu cụm đang triển khai xây dựng hạ tầng?").startswith("5 cụm")


def test_where_a_subject_is_and_which_one_a_figure_names(tmp_path, model_cache):
    """A seat named alone after "tại" is where a council met (a town inside a firm's name, "Công ty
    Cổ phần Chè Thái Bình Lạng Sơn", had answered "Thái Bình"); where the subject asked is, as the
    sentence writes it right after it ("HTX … MTQ (thị trấn Trại Cau)", "Nhà máy … Cần Thơ tại …");
    the zone a figure asked belongs to ("Khu công nghiệp công nghệ cao Long Thành hơn 6.000 tỷ
    đồng", not Long Đức 3, stated at 0.96)."""
    engine = _records_engine(tmp_path, model_cache, {
        "binh-chon-lang-son.txt": "Hôm nay (5/7/2019), tại Trung tâm Khuyến công và xúc tiến thương mại, Hội đồng bình "
                                  "chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Lạng Sơn họp, chấm điểm 8 sản "
                                  "phẩm.\nCác sản phẩm được công nhận gồm: trà Ô Long của Công ty Cổ phần Chè Thái Bình "
                                  "Lạng Sơn; bún ngô của Cơ sở Thuận Anh.\n",
        "ocop-dong-hy.txt": "8 sản phẩm gồm: Măng tươi lục trúc MTQ của HTX măng lục trúc MTQ (thị trấn Trại Cau); Trà "
                            "Hích của HTX Thương mại và Dịch vụ nông nghiệp Hòa Bình (xã Hòa Bình).\n",
        "vinatex.txt": "Sáng 22-4, Tập đoàn Dệt May Việt Nam khởi công Nhà máy May Vinatex Bạc Liêu tại KCN Trà Kha, "
                       "phường 8, thị xã Bạc Liêu và Nhà máy May Vinatex Cần Thơ tại trung tâm hành chính huyện Vĩnh "
                       "Thạnh, TP Cần Thơ.\n",
        "kcn-dong-nai.txt": "Năm 2023, Đồng Nai đã khởi công Khu công nghiệp công nghệ cao Long Thành hơn 6.000 tỷ đồng và "
                            "được chấp thuận đầu tư thêm Khu công nghiệp Long Đức 3 với tổng vốn 1.800 tỷ đồng.\n",
    })
    assert _stated(engine, "Hội đồng bình chọn sản phẩm CNNT tiêu biểu tỉnh Lạng Sơn năm 2019 họp ở đâu?") \
        == "Trung tâm Khuyến công và xúc tiến thương mại"
    assert _stated(engine, "HTX măng lục trúc MTQ ở đâu?") == "thị trấn Trại Cau"
    assert _stated(engine, "Nhà máy May Vinatex Cần Thơ được đặt ở đâu?") \
        == "trung tâm hành chính huyện Vĩnh Thạnh, TP Cần Thơ"
    assert _stated(engine, "Nhà máy May Vinatex Bạc Liêu được đặt ở đâu?") == "KCN Trà Kha, phường 8, thị xã Bạc Liêu"
    assert _stated(engine, "Năm 2023, Đồng Nai khởi công khu công nghiệp nào với vốn hơn 6.000 tỷ đồng?") \
        == "Khu công nghiệp công nghệ cao Long Thành"


def test_monthly_reports_pairs_shares_sectors_and_targets(tmp_path, model_cache):
    """A monthly report's breakdown writes each change twice without its bases ("tăng 2,6% và tăng
    46,7%"), in the order the whole gave them ("so với tháng trước và … so với cùng kỳ"); "chiếm bao
    nhiêu?" asks a share; a sector named by its ownership ("khu vực kinh tế trong nước") is counted
    apart from the total, and "tổng mức" names a measure, not a total; a list whose first item sets
    targets ("Phấn đấu …; tổng mức bán lẻ … đạt 43.500 tỷ đồng") is all targets; a count a sentence
    breaks down ("Bao gồm 3 phiên … về miền núi, 1 phiên … về hải đảo") is counted by the verb of
    the sentence before it; and "ngành … nào … tăng 75,64%?" is never answered by a figure."""
    engine = _records_engine(tmp_path, model_cache, {
        "ban-le-ha-noi.txt": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5/2024 của Hà Nội ước tính "
                             "đạt 69 nghìn tỷ đồng, tăng 1,6% so với tháng trước và tăng 12,2% so với cùng kỳ năm trước. "
                             "Trong đó: doanh thu khách sạn, nhà hàng đạt 8,9 nghìn tỷ đồng, chiếm 12,8% tổng mức, tăng "
                             "1,5% và tăng 10,4%; doanh thu du lịch lữ hành đạt 2,3 nghìn tỷ đồng, tăng 2,6% và tăng "
                             "46,7%.\n",
        "ban-le-binh-duong.txt": "6 tháng đầu năm 2019, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của tỉnh Bình Dương "
                                 "ước thực hiện 111.415 tỷ đồng, tăng 15,8% so cùng kỳ. Trong đó, khu vực kinh tế trong "
                                 "nước ước thực hiện 106.329,9 tỷ đồng, tăng 15,8%; khu vực kinh tế có vốn đầu tư nước "
                                 "ngoài ước thực hiện 5.085,2 tỷ đồng, tăng 15,6%.\n",
        "trien-khai-son-la.txt": "Năm 2026, tỉnh Sơn La phấn đấu chỉ số sản xuất công nghiệp toàn ngành tăng 2,5% so với "
                                 "năm 2025; tổng mức bán lẻ hàng hóa đạt 43.500 tỷ đồng, tăng 10% so với năm 2025.\n",
        "phien-cho.txt": "Năm 2024, Sở Công Thương Bình Thuận phối hợp với tỉnh Ninh Thuận tổ chức 4 phiên chợ hàng Việt "
                         "về miền núi, hải đảo. Bao gồm 3 phiên chợ hàng Việt về miền núi, 1 phiên chợ hàng Việt về hải "
                         "đảo.\n",
        "iip-bac-ninh.txt": "Quý I/2025, chỉ số sản xuất công nghiệp của tỉnh Bắc Ninh tăng 8,3%, trong đó một số ngành "
                            "tăng cao như: sản xuất giường, tủ, bàn ghế tăng 75,64%.\n",
    })
    asked = "Tháng 5/2024, doanh thu du lịch lữ hành của Hà Nội tăng bao nhiêu so với {}?"
    assert "2,6%" not in _weighed(engine, asked.format("cùng kỳ"))
    assert "46,7%" not in _weighed(engine, asked.format("tháng trước"))
    assert _stated(engine, "Tháng 5/2024, doanh thu khách sạn, nhà hàng của Hà Nội chiếm bao nhiêu?") == "12,8%"
    assert _stated(engine, "6 tháng đầu năm 2019, khu vực kinh tế trong nước của Bình Dương ước thực hiện tổng mức bán "
                           "lẻ và doanh thu dịch vụ bao nhiêu?") == "106.329,9 tỷ đồng"
    assert _stated(engine, "6 tháng đầu năm 2019, tổng mức bán lẻ và doanh thu dịch vụ của Bình Dương ước thực hiện "
                           "bao nhiêu?") == "111.415 tỷ đồng"
    assert _stated(engine, "Năm 2026, Sơn La phấn đấu tổng mức bán lẻ hàng hóa đạt bao nhiêu?") == "43.500 tỷ đồng"
    assert "1 phiên" in _weighed(engine, "Năm 2024, Bình Thuận và Ninh Thuận tổ chức bao nhiêu phiên chợ hàng Việt về "
                                         "hải đảo?")
    assert _stated(engine, "Quý I/2025, ngành công nghiệp cấp 2 nào của Bắc Ninh có chỉ số tăng 75,64%?") \
        not in ("8,3%", "75,64%")


def test_a_time_that_opens_its_clause_is_that_clauses(tmp_path, model_cache):
    """"Dự kiến, cuối tháng 11, Hội đồng … trình UBND tỉnh kết quả … năm 2021": the clause is the
    opening time's, the year closes a name (it was answered)."""
    engine = _records_engine(tmp_path, model_cache, {
        "cnnt-khanh-hoa.txt": "Dự kiến, cuối tháng 11, Hội đồng bình chọn cấp tỉnh trình UBND tỉnh Khánh Hòa kết quả "
                              "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2021.\n",
    })
    assert _stated(engine, "Khi nào Hội đồng bình chọn cấp tỉnh Khánh Hòa trình UBND tỉnh kết quả bình chọn?") \
        == "cuối tháng 11"


def test_the_time_written_after_the_subject_and_a_total_is_no_percentage(tmp_path, model_cache):
    """Two markets in one sentence, each with its days in brackets: the one asked is the one written
    right after its name (the other's "từ ngày 28 - 30/8" of another sentence had answered, 0.88);
    "Tổng … là bao nhiêu?" asks an amount, never a percentage (5,3% had answered at 0.91)."""
    engine = _records_engine(tmp_path, model_cache, {
        "phien-cho.txt": "Năm 2024, trên địa bàn Bình Thuận, các đơn vị phối hợp tổ chức Phiên chợ hàng Việt về hải đảo "
                         "huyện Phú Quý (từ ngày 10 - 12/9/2024) và Phiên chợ hàng Việt về miền núi huyện Bắc Bình (từ "
                         "ngày 27 - 29/9/2024).\nPhiên chợ hàng Việt về miền núi huyện Bác Ái, tỉnh Ninh Thuận diễn ra "
                         "từ ngày 28 - 30/8.\n",
        "dien-2022.txt": "Năm 2022, điện sản xuất và nhập khẩu toàn quốc tăng 5,3% so với năm 2021.\n",
    })
    assert _stated(engine, "Phiên chợ hàng Việt về miền núi huyện Bắc Bình diễn ra khi nào?") == "từ ngày 27 - 29/9/2024"
    assert _stated(engine, "Tổng điện sản xuất toàn quốc năm 2022 là bao nhiêu?") is None


def test_a_title_keeps_its_bodys_short_name():
    """"ông Đặng Phúc Nguyên, Tổng thư ký Hiệp hội Rau quả Việt Nam (Vinafruit)": the title holds the
    body's short name (probe 47 expected it whole)."""
    from kcqa.ask.entities import _titles_of
    text = "Ông Đặng Phúc Nguyên, Tổng thư ký Hiệp hội Rau quả Việt Nam (Vinafruit), cho biết xuất khẩu tăng."
    name = (text.index("Đặng"), text.index(","))
    a, b = _titles_of(text, name)
    assert text[a:b] == "Tổng thư ký Hiệp hội Rau quả Việt Nam (Vinafruit)"


def test_a_country_or_a_point_of_the_compass_is_no_person(tmp_path, model_cache):
    """"Ai là tỉnh trưởng …?" is answered by no country and no point of the compass (probe 50 had
    "Hàn Quốc", then "phía Tây Nam")."""
    engine = _records_engine(tmp_path, model_cache, {
        "ky-ket-dak-lak.txt":
            "Đắk Lắk và Jeollabuk-do ký kết thỏa thuận hợp tác\n\nJeollabuk-do là một tỉnh nằm ở phía Tây Nam "
            "của Hàn Quốc với diện tích khoảng 8.066,8 km², tỉnh trưởng dự lễ ký kết với Đắk Lắk.\n",
    })
    engine.cfg.min_confidence = 0.0
    ans = engine.ask("Ai là tỉnh trưởng tỉnh Jeollabuk-do dự lễ ký kết với Đắk Lắk?")
    assert ans.status == "not_found" or ans.value.text not in ("Hàn Quốc", "Tây Nam")


_DECISION = (
    "# Quyết định 22/2012/QĐ-UBND ban hành quy chế xúc tiến thương mại tỉnh Bình Dương\n\n"
    "Số hiệu: | 22/2012/QĐ-UBND | Loại văn bản: | Quyết định |\n"
    "Ngày ban hành: | 27/06/2012 | Ngày hiệu lực: | Đang cập nhật |\n\n"
    "Căn cứ Thông tư số 88/2011/TT-BTC ngày 17/6/2011 của Bộ Tài chính hướng dẫn cơ chế tài chính hỗ trợ "
    "xúc tiến thương mại và khuyến công;\n\n"
    "Căn cứ Thông tư số 46/2012/TT-BCT ngày 28/12/2012 của Bộ Công Thương quy định chi tiết một số nội "
    "dung của Nghị định số 45/2012/NĐ-CP của Chính phủ về khuyến công được sửa đổi, bổ sung;\n\n"
    "Căn cứ Nghị định số 45/2012/NĐ-CP của Chính phủ về khuyến công;\n\n"
    "Điều 2. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.\n")
_OTHER_DECISION = (
    "# Quyết định 29/2014/QĐ-UBND quy chế kinh phí khuyến công tỉnh Đồng Tháp\n\n"
    "- Ngày ban hành: 02-12-2014\n- Ngày có hiệu lực: 12-12-2014\n- Ngày hết hiệu lực: 12-04-2019\n")


def test_when_a_legal_text_takes_effect_is_read_from_what_it_says_of_its_effect(tmp_path, model_cache):
    """"… có hiệu lực từ khi nào?" is answered by the sentence that says when the text takes
    effect ("sau 10 ngày kể từ ngày ký", or a labelled day "Ngày có hiệu lực: 12-12-2014"), never
    by the day it was issued (a table cell "Ngày ban hành: | 27/06/2012" had been stated), nor by
    another record's day when the question names its document by number; the day it ceases to
    have effect is asked in its own words."""
    engine = _records_engine(tmp_path, model_cache, {"qd22.md": _DECISION, "qd29.md": _OTHER_DECISION})
    assert _stated(engine, "Quyết định 22/2012/QĐ-UBND có hiệu lực từ khi nào?") == "sau 10 ngày kể từ ngày ký"
    assert _stated(engine, "Quyết định 29/2014/QĐ-UBND có hiệu lực từ ngày nào?") == "12-12-2014"
    assert _stated(engine, "Quyết định 29/2014/QĐ-UBND hết hiệu lực ngày nào?") == "12-04-2019"
    assert _stated(engine, "Quyết định 22/2012/QĐ-UBND hết hiệu lực ngày nào?") is None


def test_a_document_asked_by_its_issuer_is_cited_where_it_is_cited_in_its_own_right(tmp_path, model_cache):
    """"… căn cứ nghị định nào?" cites the line that cites the nghị định first ("Căn cứ Nghị định số
    45/2012/NĐ-CP …"), not the thông tư's line that names it inside its description; and "thông
    tư hướng dẫn của Bộ Công Thương là thông tư nào?" names its issuer before "nào": not Bộ Tài
    chính's thông tư (-BTC)."""
    engine = _records_engine(tmp_path, model_cache, {"qd22.md": _DECISION})
    ans = engine.ask("Quyết định 22/2012/QĐ-UBND căn cứ nghị định nào của Chính phủ về khuyến công?")
    assert ans.status == "answered" and "45/2012/NĐ-CP" in ans.value.text
    assert ans.citations[0].text.startswith("Căn cứ Nghị định số 45/2012/NĐ-CP")
    got = _stated(engine, "Quyết định 22/2012/QĐ-UBND căn cứ thông tư hướng dẫn của Bộ Công Thương là thông tư nào?")
    assert got is not None and "46/2012/TT-BCT" in got


_FAIR = (
    "# Sắp diễn ra Hội chợ triển lãm Công Thương - OCOP Hòa Bình 2023\n\n"
    "Ngày 11-04-2023\n\n"
    "Mới đây, UBND tỉnh Hòa Bình đã ban hành Công văn số 584/UBND-TH đồng ý về việc tổ chức Hội chợ triển "
    "lãm Công Thương - OCOP Hòa Bình 2023.\n\n"
    "UBND tỉnh Hòa Bình giao Sở Công Thương xây dựng kế hoạch tổ chức Hội chợ triển lãm.\n\n"
    "Theo đó, địa điểm tổ chức Hội chợ tại Quảng trường Hòa Bình, thành phố Hòa Bình, tỉnh Hòa Bình. "
    "Thời gian từ ngày 19/5 đến hết ngày 23/5 (lắp đặt, tháo dỡ từ ngày 14/5 đến hết ngày 26/5).\n")


def test_where_and_when_an_event_was_are_its_own_venue_and_days(tmp_path, model_cache):
    """Where: the venue written after "tại" though its town is in the question, not the
    province of a body ("UBND tỉnh Hòa Bình giao …"); when: the days the sentence gives, not
    those of its bracketed aside, nor a page's date line alone ("Ngày 11-04-2023"); "bằng văn
    bản nào?" is any kind of document, a công văn too."""
    engine = _records_engine(tmp_path, model_cache, {"hoi-cho.md": _FAIR})
    assert _stated(engine, "Hội chợ triển lãm Công Thương - OCOP Hòa Bình 2023 tổ chức ở đâu?") == \
        "Quảng trường Hòa Bình, thành phố Hòa Bình, tỉnh Hòa Bình"
    assert _stated(engine, "Hội chợ triển lãm Công Thương - OCOP Hòa Bình 2023 diễn ra từ ngày nào đến ngày nào?") == \
        "từ ngày 19/5 đến hết ngày 23/5"
    assert _stated(engine, "UBND tỉnh Hòa Bình đồng ý tổ chức Hội chợ OCOP Hòa Bình 2023 bằng văn bản nào?") == \
        "Công văn số 584/UBND-TH"


_EXPORTS = (
    "# Bắc Ninh lần đầu tiên đạt kim ngạch xuất khẩu cao nhất cả nước\n\n"
    "Trong tháng 9/2023, kim ngạch xuất khẩu hàng hóa của Việt Nam đạt 30,6 tỷ USD. Lần đầu tiên trong tháng "
    "Bắc Ninh trở thành địa phương có kim ngạch xuất khẩu lớn nhất cả nước.\n\n"
    "Cụ thể, kim ngạch xuất khẩu của Bắc Ninh đạt 4,2 tỷ USD, trong khi của Hải Phòng là 3,4 tỷ USD.\n\n"
    "Tính chung trong 9 tháng (từ tháng 1 đến tháng 9/2023), Bắc Ninh đạt 28,66 tỷ USD; Bình Dương đạt "
    "22,51 tỷ USD. Dự án bán dẫn của Singapore giúp Bắc Ninh dẫn đầu thu hút FDI với 1,07 tỷ USD, Bắc "
    "Giang xếp sau với 0,5 tỷ USD.\n\n"
    "Trong năm, tỉnh đã triển khai 29 đề án khuyến công với tổng kinh phí 11,76 tỷ đồng.\n")


def test_a_month_is_not_the_months_up_to_it_nor_a_figure_the_question_states(tmp_path, model_cache):
    """"Tháng 9/2023" is September's figure (said in a paragraph opening "Cụ thể," under the
    month's), not the nine months' "(từ tháng 1 đến tháng 9/2023)"; a count the question states
    ("Trong số 29 đề án đó") is not what it asks; "nhà đầu tư nước nào" is not answered by the
    province the question names."""
    engine = _records_engine(tmp_path, model_cache, {"xuat-khau.md": _EXPORTS})
    assert _stated(engine, "Tháng 9/2023, kim ngạch xuất khẩu của Bắc Ninh đạt bao nhiêu?") == "4,2 tỷ USD"
    assert _stated(engine, "9 tháng năm 2023 kim ngạch xuất khẩu của Bắc Ninh đạt bao nhiêu?") == "28,66 tỷ USD"
    assert _stated(engine, "Trong số 29 đề án đó, bao nhiêu đề án thuộc khuyến công quốc gia?") is None
    assert _stated(engine, "Dự án giúp Bắc Ninh dẫn đầu thu hút FDI là của nhà đầu tư nước nào?") != "Bắc Ninh"


_REVIEW = (
    "# Tình hình kinh tế 6 tháng đầu năm 2024 của Đồng Nai\n\n"
    "Theo báo cáo của UBND tỉnh Đồng Nai, 6 tháng đầu năm 2024 tình hình kinh tế đạt nhiều kết quả. Cụ thể, tổng "
    "sản phẩm trên địa bàn tỉnh (GRDP) ước đạt hơn 122.000 tỷ đồng, tăng 6,8% so với cùng kỳ; nhiều doanh nghiệp "
    "ký được đơn hàng mới; chỉ số sản xuất công nghiệp 6 tháng đầu năm tăng 6,62% so với cùng kỳ.\n\n"
    "Theo báo cáo của Sở Công Thương, 9 tháng năm 2023, chỉ số sản xuất công nghiệp trên địa bàn tỉnh tăng "
    "4,22% so với cùng kỳ năm trước; tổng mức bán lẻ hàng hóa đạt hơn 37.338 tỷ đồng; giá trị kim ngạch xuất "
    "khẩu đạt 863,8 triệu USD, giảm 4,33%; kim ngạch nhập khẩu đạt 318,5 triệu USD.\n")


def test_a_measure_asked_by_its_acronym_and_a_period_said_once_for_a_list(tmp_path, model_cache):
    """"GRDP … ước đạt / tăng bao nhiêu?" is answered from the group that says GRDP, not by the
    index's 6,62% in another ';' group that repeats the period; a period said once at a list's
    head ("9 tháng năm 2023, …; …; kim ngạch xuất khẩu đạt 863,8 triệu USD") is every group's."""
    engine = _records_engine(tmp_path, model_cache, {"dong-nai.md": _REVIEW})
    assert _stated(engine, "GRDP 6 tháng đầu năm 2024 của Đồng Nai ước đạt bao nhiêu?") == "hơn 122.000 tỷ đồng"
    assert _stated(engine, "GRDP 6 tháng đầu năm 2024 của Đồng Nai tăng bao nhiêu so với cùng kỳ?") == "6,8%"
    assert _stated(engine, "9 tháng năm 2023 kim ngạch xuất khẩu của Đồng Nai đạt bao nhiêu?") == "863,8 triệu USD"


def test_a_part_named_before_its_whole_is_not_answered_by_the_whole(tmp_path, model_cache):
    """"Nguồn khác trong tổng kinh phí …?" asks a part of the total: "Tổng kinh phí … là 117.866
    triệu đồng, trong đó …" is the whole broken down (it was stated at 0.97); the total asked as
    such still is."""
    engine = _records_engine(tmp_path, model_cache, {"lao-cai.md": (
        "# Chương trình khuyến công tỉnh Lào Cai giai đoạn 2021-2025\n\n"
        "Tổng kinh phí thực hiện Chương trình khuyến công tỉnh Lào Cai giai đoạn 2021-2025 là 117.866 triệu đồng, "
        "trong đó nguồn ngân sách nhà nước là 64.841 triệu đồng, nguồn khác 53.025 triệu đồng.\n")})
    assert _stated(engine, "Nguồn khác trong tổng kinh phí Chương trình khuyến công Lào Cai 2021-2025 là bao nhiêu?") \
        != "117.866 triệu đồng"
    assert _stated(engine, "Tổng kinh phí Chương trình khuyến công Lào Cai 2021-2025 là bao nhiêu?") == \
        "117.866 triệu đồng"


def test_a_headlines_day_is_no_records_date_line_and_a_merged_provinces_place_keeps_its_when(tmp_path, model_cache):
    """"… được Quốc hội thông qua ngày nào?" is not answered by the headline "Các tỉnh … hoạt động
    từ ngày 1/7/2025" (a line of 80 characters that is no "Hà Nội, ngày …"); "đặt tại tỉnh Quảng
    Bình hiện nay" answers with "hiện nay", which says which Quảng Bình is meant; "chỉ số chứng
    khoán nào … mạnh nhất?" is never answered with a country's figure."""
    engine = _records_engine(tmp_path, model_cache, {
        "nq202.txt": "Các tỉnh, thành phố mới sau sắp xếp hoạt động từ ngày 1/7/2025\n13/06/2025 16:42 PM\n"
                     "Ngày 12/6/2025, Quốc hội thông qua Nghị quyết 202/2025/QH15 về việc sắp xếp đơn vị hành chính "
                     "cấp tỉnh.\n"
                     "Trung tâm hành chính – chính trị của tỉnh Quảng Trị sau hợp nhất đặt tại tỉnh Quảng Bình hiện nay.\n",
        "chung-khoan.txt": "Chứng khoán năm 2021\nNăm 2021, VN-Index của Việt Nam tăng 35,7%, chỉ số của Mỹ tăng 26,9%.\n"})
    assert _stated(engine, "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh được Quốc hội thông qua "
                           "ngày nào?") == "Ngày 12/6/2025"
    assert _stated(engine, "Trung tâm hành chính – chính trị của tỉnh Quảng Trị sau hợp nhất đặt ở đâu?") == \
        "tỉnh Quảng Bình hiện nay"
    assert _stated(engine, "Năm 2021, chỉ số chứng khoán nào tăng mạnh nhất thế giới?") not in ("Việt Nam", "Mỹ")


_SUPPLY_MEETING = (
    "Hội nghị kết nối cung cầu hàng hóa năm 2023 thu hút đông đảo doanh nghiệp các tỉnh tham gia\n"
    "Sáng 12-9, tại TP. Đồng Xoài, tỉnh Bình Phước, Bộ Công Thương phối hợp với UBND tỉnh Bình Phước tổ chức "
    "Hội nghị kết nối cung cầu hàng hóa năm 2023 nhằm quảng bá sản phẩm và mở rộng thị trường cho doanh nghiệp.\n"
    "Hội nghị thu hút 120 đơn vị trong và ngoài tỉnh tham gia, với 160 gian hàng. Trong đó có 95 đơn vị, với 130 "
    "gian hàng trong tỉnh; các tỉnh bạn có 25 đơn vị, với 30 gian hàng.\n"
    "Các gian hàng được trưng bày tại Quảng trường Trung tâm, TP Đồng Xoài trong 4 ngày.\n")


def test_a_meetings_place_is_written_whole_and_its_year_and_origins_are_slots(tmp_path, model_cache):
    """"tại TP. Pleiku, tỉnh Gia Lai": the abbreviation's full stop ends no place, but a body
    after the town ("…, UBND tỉnh …") is no part of it; a venue keeps its town (", TP …"); the
    units "trong tỉnh" are the part of "120 đơn vị trong và ngoài tỉnh" that says so, and those
    of other provinces are not the part of this one; another year's meeting is not this one."""
    engine = _records_engine(tmp_path, model_cache, {"ket-noi-cung-cau.txt": _SUPPLY_MEETING})
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa năm 2023 tổ chức ở đâu?") == \
        "TP. Đồng Xoài, tỉnh Bình Phước"
    assert _stated(engine, "Các gian hàng của hội nghị kết nối cung cầu hàng hóa Bình Phước 2023 được trưng bày "
                           "ở đâu?") == "Quảng trường Trung tâm, TP Đồng Xoài"
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa Bình Phước năm 2023 có bao nhiêu đơn vị trong tỉnh "
                           "tham gia?") == "95 đơn vị"
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa Bình Phước năm 2023 thu hút bao nhiêu đơn vị tham "
                           "gia?") == "120 đơn vị"
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa Bình Phước năm 2023 có bao nhiêu đơn vị trong tỉnh "
                           "tham gia?") != "25 đơn vị"
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa Bình Phước năm 2023, các tỉnh bạn có bao nhiêu gian "
                           "hàng?") != "160 gian hàng"
    assert _stated(engine, "Hội nghị kết nối cung cầu hàng hóa năm 2021 tổ chức ở đâu?") is None


def test_a_documents_own_day_answers_only_for_its_number(tmp_path, model_cache):
    """"Nghị định 91/2025/NĐ-CP … có hiệu lực từ ngày nào?" is not answered by the day of the
    decree it amends, cited with its number ("Nghị định số 45/2012/NĐ-CP ngày 21-5-2012"); a
    date line is the date of the record whose number the question names, not any decree's."""
    engine = _records_engine(tmp_path, model_cache, {"nd-91.txt": (
        "Nhiều điểm mới về khuyến công có hiệu lực từ ngày 1-11\n"
        "(TTXVN) - Nghị định số 91/2025/NĐ-CP của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số "
        "45/2012/NĐ-CP ngày 21-5-2012 về khuyến công sẽ chính thức có hiệu lực kể từ ngày 1-11, với nhiều điểm mới.\n")})
    assert _stated(engine, "Nghị định 91/2025/NĐ-CP sửa đổi nghị định về khuyến công có hiệu lực từ ngày nào?") \
        == "từ ngày 1-11"
    (tmp_path / "park").mkdir()
    park = _records_engine(tmp_path / "park", model_cache, {"vuon-quoc-gia.txt": (
        "Vườn quốc gia Phong Điền\nVườn quốc gia Phong Điền có diện tích 41.508 héc ta. Vườn được thành lập theo quyết "
        "định số 15/QĐ-TTg ngày 2 tháng 3 năm 2001 trên cơ sở mở rộng khu bảo tồn thiên nhiên Sông Ô Lâu (được thành "
        "lập theo quyết định số 194/CT, ngày 9 tháng 8 năm 1986 của Chủ tịch Hội đồng Bộ trưởng).\n")})
    assert _stated(park, "Khu bảo tồn thiên nhiên Sông Ô Lâu được thành lập theo quyết định nào?") == "quyết định số 194/CT"


def test_a_family_name_that_is_also_a_body_word_and_a_bodys_region_in_lower_case(tmp_path, model_cache):
    """"Đoàn Văn Hiểu Em" is a person whose family name is Đoàn (no "đoàn" before a name "Văn
    Hiểu Em"); "Tổng Công ty Điện lực miền Bắc" ends with its region, written "miền Bắc"."""
    engine = _records_engine(tmp_path, model_cache, {"hoi-nghi-dien.txt": (
        "Hội nghị tổng kết công tác năm 2023 của Công ty Điện lực Bắc Kạn\n"
        "Phát biểu chỉ đạo tại hội nghị, ông Lê Minh Tuấn, Phó Tổng Giám đốc Tổng Công ty Điện lực miền Bắc đề nghị "
        "Công ty quan tâm đầu tư lưới điện nông thôn.\n"
        "\"Chuỗi cửa hàng đã có lãi 4 tháng liên tiếp\", ông Đoàn Văn Hiểu Em – Thành viên HĐQT Thế Giới Di Động nói.\n")})
    assert _stated(engine, "Ông Lê Minh Tuấn giữ chức vụ gì?") == "Phó Tổng Giám đốc Tổng Công ty Điện lực miền Bắc"
    assert _stated(engine, "Ai nói chuỗi cửa hàng đã có lãi 4 tháng liên tiếp?") == "Đoàn Văn Hiểu Em"


def test_where_a_change_ended_is_not_where_it_started(tmp_path, model_cache):
    """"… xuống còn bao lâu?" asks where a change ended: "từ 3 giờ xuống còn 20 phút" answers 20
    phút (3 giờ had been stated, first in its sentence); "lên bao nhiêu" likewise."""
    engine = _records_engine(tmp_path, model_cache, {"cap-treo.txt": (
        "Tuyến cáp treo Bà Đen khánh thành năm 2020\n"
        "Tuyến cáp treo giúp rút ngắn thời gian đi lên đỉnh núi từ 3 giờ xuống còn 20 phút. Giá vé người lớn tăng từ "
        "250.000 đồng lên 300.000 đồng từ tháng 6/2023.\n")})
    assert _stated(engine, "Tuyến cáp treo Bà Đen rút ngắn thời gian lên đỉnh xuống còn bao lâu?") == "20 phút"
    assert _stated(engine, "Giá vé người lớn cáp treo Bà Đen tăng lên bao nhiêu?") == "300.000 đồng"


_WEEK_OF_GOODS = (
    "# Khai mạc Phiên chợ nông sản an toàn năm 2024 tại Cần Thơ\n\n"
    "Phiên chợ có quy mô 120 gian hàng, với sự tham gia của 85 doanh nghiệp, hợp tác xã đến từ Cần Thơ, "
    "Hậu Giang, Sóc Trăng, Vĩnh Long và Bạc Liêu.\n\n"
    "Tỷ lệ hộ dùng điện lưới ở Sóc Trăng đạt 99,5%, ở Vĩnh Long đạt 99,8%.\n")


def test_a_place_asked_as_where_the_event_is_held_is_the_events_not_the_figures_subject(tmp_path, model_cache):
    """"Phiên chợ … tại Cần Thơ có bao nhiêu gian hàng?": Cần Thơ is where the market is held, so
    the sentence that names it beside the provinces that came is about that market; a province
    only named among those who came (Hậu Giang) is not answered by the market's whole, and a
    place asked as a figure's subject ("ở Sóc Trăng") still needs a sentence of its own."""
    engine = _records_engine(tmp_path, model_cache, {"phien-cho.md": _WEEK_OF_GOODS})
    assert _stated(engine, "Phiên chợ nông sản an toàn năm 2024 tại Cần Thơ có quy mô bao nhiêu gian hàng?") == \
        "120 gian hàng"
    assert _stated(engine, "Phien cho nong san an toan 2024 o Can Tho co bao nhieu doanh nghiep, hop tac xa tham gia?") == \
        "85 doanh nghiệp"
    assert _stated(engine, "Hậu Giang có bao nhiêu gian hàng tại phiên chợ nông sản an toàn năm 2024?") is None
    assert _stated(engine, "Tỷ lệ hộ dùng điện lưới ở Sóc Trăng là bao nhiêu?") == "99,5%"


_APPOINTMENT = (
    "# Quảng Ngãi: điều động, bổ nhiệm Giám đốc Sở Công Thương\n\n"
    "Chiều 3/3/2025, Chủ tịch UBND tỉnh Quảng Ngãi trao các quyết định về công tác cán bộ.\n\n"
    "Theo đó, ông Lê Văn Hải, Phó Trưởng ban Quản lý Khu kinh tế Dung Quất và các khu công nghiệp "
    "tỉnh, được điều động, bổ nhiệm giữ chức Giám đốc Sở Công Thương, thay ông Trần Minh Đức nghỉ hưu "
    "theo chế độ.\n")


def test_a_post_given_in_the_passive_goes_to_its_clauses_subject_not_to_the_one_replaced(tmp_path, model_cache):
    """"Ông A, <former title>, được điều động, bổ nhiệm giữ chức Giám đốc Sở Công Thương, thay ông
    B": A holds the post, however long the former title, and B held it before; in the province's
    own record the title is written without the province, and that is enough to bind it (stated
    at the default threshold) — but not for another province's director."""
    engine = _records_engine(tmp_path, model_cache, {"quang-ngai.md": _APPOINTMENT})
    engine.cfg.min_confidence = None                 # the calibrated threshold users get
    assert _stated(engine, "Ai được bổ nhiệm giữ chức Giám đốc Sở Công Thương Quảng Ngãi?") == "Lê Văn Hải"
    assert _stated(engine, "Ông Lê Văn Hải thay ai làm Giám đốc Sở Công Thương Quảng Ngãi?") == "Trần Minh Đức"
    engine.cfg.min_confidence = 0.0
    assert _stated(engine, "Giám đốc Sở Công Thương Kon Tum là ai?") is None


_SERIES = (
    "# Hội nghị ngành Công Thương các tỉnh Tây Nam Bộ lần thứ X năm 2024\n\n"
    "Ngày 12/10/2024, tại TP Cà Mau, Bộ Công Thương phối hợp với UBND tỉnh Cà Mau tổ chức Hội nghị ngành Công "
    "Thương các tỉnh Tây Nam Bộ lần thứ X năm 2024 với sự tham gia của 13 tỉnh, thành phố.\n")


def test_which_of_a_series_an_event_is_is_answered_by_its_ordinal_never_by_a_count(tmp_path, model_cache):
    """"… là lần thứ mấy?" asks which of the yearly meetings it is: "lần thứ X", written with the
    event, not the "13 tỉnh, thành phố" beside it (typed without marks it had been stated at
    0.94); a year the records hold no meeting of is not answered."""
    engine = _records_engine(tmp_path, model_cache, {"tay-nam-bo.md": _SERIES})
    assert _stated(engine, "Hội nghị ngành Công Thương các tỉnh Tây Nam Bộ năm 2024 là lần thứ mấy?") == "lần thứ X"
    assert _stated(engine, "Hoi nghi nganh Cong Thuong cac tinh Tay Nam Bo nam 2024 la lan thu may?") == "lần thứ X"
    assert _stated(engine, "Hội nghị ngành Công Thương các tỉnh Tây Nam Bộ năm 2022 là lần thứ mấy?") is None


_POSTS = (
    "# Bình Định: điều động, bổ nhiệm lãnh đạo sở\n\n"
    "Ông Phan Văn Tâm, Giám đốc Sở Xây dựng, được điều động giữ chức Giám đốc Sở Tài nguyên và Môi trường, "
    "thay ông Đỗ Minh Quân nghỉ hưu theo chế độ.\n\n"
    "Trước khi giữ chức Giám đốc Sở Xây dựng, ông Phan Văn Tâm từng giữ chức Phó Chánh Văn phòng UBND tỉnh.\n")


def test_the_post_given_the_post_held_and_a_person_called_by_the_given_name(tmp_path, model_cache):
    """"… được điều động giữ chức gì?" asks the post given, not the title the person is introduced
    by; "trước khi …, … từng giữ chức vụ gì?" the one held before, not the post written before the
    name; "ông Tâm" is Phan Văn Tâm; a body's name is read whole ("Sở Xây dựng", "Sở Tài nguyên và
    Môi trường", not "Sở Xây", "Sở Tài")."""
    engine = _records_engine(tmp_path, model_cache, {"binh-dinh.md": _POSTS})
    assert _stated(engine, "Ông Phan Văn Tâm được điều động giữ chức gì?") == "Giám đốc Sở Tài nguyên và Môi trường"
    assert _stated(engine, "ong Tam duoc dieu dong giu chuc gi?") == "Giám đốc Sở Tài nguyên và Môi trường"
    assert _stated(engine, "Ông Phan Văn Tâm giữ chức vụ gì?") == "Giám đốc Sở Xây dựng"
    assert _stated(engine, "Trước khi giữ chức Giám đốc Sở Xây dựng, ông Phan Văn Tâm từng giữ chức vụ gì?") == \
        "Phó Chánh Văn phòng UBND tỉnh"


_CASHEW = (
    "# Nhập khẩu hạt điều thô 11 tháng năm 2023\n\n"
    "Trong 11 tháng năm 2023, Việt Nam đã nhập khẩu gần 2,7 triệu tấn hạt điều thô, tăng 23% so với cùng kỳ. "
    "Năm thị trường cung cấp hạt điều thô lớn nhất cho Việt Nam gồm Bờ Biển Ngà, Campuchia, Ghana, Tanzania "
    "và Nigeria.\n\n"
    "Trong 11 tháng năm 2023, xuất khẩu gạo của Việt Nam sang Philippines đạt 2,9 triệu tấn.\n")


def test_a_market_named_beside_the_subject_country_is_a_slot(tmp_path, model_cache):
    """"Việt Nam nhập khẩu … từ Bờ Biển Ngà": imports from one supplier, which Việt Nam's imports
    from everywhere are not (they had been stated at 0.94); without the market, the total."""
    engine = _records_engine(tmp_path, model_cache, {"hat-dieu.md": _CASHEW})
    assert _stated(engine, "11 tháng năm 2023 Việt Nam nhập khẩu bao nhiêu tấn hạt điều thô từ Bờ Biển Ngà?") is None
    assert _stated(engine, "11 tháng năm 2023 Việt Nam nhập khẩu bao nhiêu tấn hạt điều thô?") == "gần 2,7 triệu tấn"
    assert _stated(engine, "11 tháng năm 2023 xuất khẩu gạo của Việt Nam sang Philippines đạt bao nhiêu?") == \
        "2,9 triệu tấn"


_CEREMONY = (
    "# Công bố quyết định nhân sự tại Tổng công ty Điện lực miền Trung\n\n"
    "Tại hội nghị, đại diện lãnh đạo Bộ đã công bố Quyết định số 1520/QĐ-BCT ngày 5/6/2024 của Bộ Công "
    "Thương về việc bổ nhiệm ông Lê Hoàng Anh giữ chức Tổng Giám đốc; công bố Quyết định số 45-QĐ/ĐU ngày "
    "5/6/2024 của Đảng ủy Bộ Công Thương chỉ định ông Lê Hoàng Anh giữ chức Bí thư Đảng ủy Tổng công ty.\n\n"
    "Năm 2023, Tổng công ty Điện lực miền Trung được trao giải thưởng “Doanh nghiệp chuyển đổi số xuất sắc năm "
    "2023” của Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin Việt Nam.\n")


def test_a_documents_issuer_by_its_letters_and_an_award_named_in_quotes(tmp_path, model_cache):
    """A Party committee's decision is numbered "45-QĐ/ĐU", not "-BCT" (the ministry's decision
    beside it had been answered); an award the sentence quotes after "giải thưởng" is its name,
    whole, not the words before it."""
    engine = _records_engine(tmp_path, model_cache, {"evn-cpc.md": _CEREMONY})
    got = _stated(engine, "Quyết định của Đảng ủy Bộ Công Thương chỉ định ông Lê Hoàng Anh giữ chức Bí thư "
                          "Đảng ủy Tổng công ty là quyết định số mấy?")
    assert got is not None and "45-QĐ/ĐU" in got
    assert _stated(engine, "Năm 2023 Tổng công ty Điện lực miền Trung được trao giải thưởng nào?") == \
        "Doanh nghiệp chuyển đổi số xuất sắc năm 2023"


_REVIEW_MEETING = (
    "# Hậu Giang tổng kết ngành Công Thương\n\n"
    "Đó là chỉ đạo của Phó Chủ tịch UBND tỉnh Hậu Giang tại Hội nghị tổng kết ngành Công Thương tỉnh Hậu Giang "
    "năm 2023 và triển khai kế hoạch công tác năm 2024 vào chiều 12-1.\n\n"
    "Chiều 20/4, HĐND tỉnh Hậu Giang khóa X tổ chức kỳ họp thứ 15 để xem xét chủ trương sắp xếp đơn vị hành chính.\n")


def test_when_a_review_was_held_is_its_day_not_the_year_it_plans_and_a_sitting_is_of_its_own_series(
        tmp_path, model_cache):
    """"… năm 2023 diễn ra khi nào?": "vào chiều 12-1", not the "năm 2024" that names the plan
    the meeting also set out; "kỳ họp thứ mấy?" is the sitting's number ("kỳ họp thứ 15"), not
    the council's term ("khóa X")."""
    engine = _records_engine(tmp_path, model_cache, {"hau-giang.md": _REVIEW_MEETING})
    assert _stated(engine, "Hội nghị tổng kết ngành Công Thương tỉnh Hậu Giang năm 2023 diễn ra khi nào?") == "chiều 12-1"
    assert _stated(engine, "HĐND tỉnh Hậu Giang xem xét chủ trương sắp xếp đơn vị hành chính tại kỳ họp thứ mấy?") == \
        "kỳ họp thứ 15"


_HEADLINE = (
    "# Gia Lai: Tổng mức bán lẻ hàng hóa 4 tháng đầu năm 2022 đạt hơn 29% kế hoạch\n\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tháng 4/2022 ước đạt 6.500 tỷ đồng; tính chung 4 tháng đầu "
    "năm là hơn 24.694 tỷ đồng, đạt 29,05% kế hoạch, tăng 3,76% so với cùng kỳ năm trước.\n")


def test_a_headlines_rounded_figure_is_answered_as_its_body_states_it(tmp_path, model_cache):
    """The headline's "hơn 29% kế hoạch" is the body's "đạt 29,05% kế hoạch" rounded: the answer
    is the figure written in full, cited from the body (the headline had been answered, and scored
    wrong against the record's 29,05%)."""
    engine = _records_engine(tmp_path, model_cache, {"gia-lai.md": _HEADLINE})
    ans = engine.ask("Tính chung 4 tháng đầu năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của Gia Lai "
                     "đạt bao nhiêu phần trăm kế hoạch?")
    assert ans.value.text == "29,05%"
    assert "29,05%" in ans.citations[0].text


_EFFECT = (
    "# Sức mua 4 tháng đầu năm 2022 của Kon Tum\n\n"
    "Theo báo cáo của Sở Công Thương, hoạt động thương mại trên địa bàn tỉnh Kon Tum 4 tháng đầu năm 2022 có "
    "nhiều chuyển biến. Các chợ, siêu thị, cửa hàng tiện lợi mở cửa trở lại, hàng hóa phong phú, không xảy ra "
    "tình trạng khan hiếm hàng hóa hay tăng giá đột biến. Công tác kiểm tra, kiểm soát thị trường được tăng cường, "
    "nhiều vụ vi phạm về hàng giả, hàng kém chất lượng bị xử lý. Các doanh nghiệp phân phối đã chủ động ký hợp "
    "đồng với nhà cung cấp, dự trữ hàng hóa thiết yếu phục vụ nhu cầu của người dân. Hoạt động thương mại điện "
    "tử tiếp tục phát triển, nhiều hộ kinh doanh bán hàng qua mạng xã hội và các sàn giao dịch. Từ đầu năm đến "
    "nay, dịch bệnh được kiểm soát tốt, du lịch dần khôi phục và nhiều chương trình kết nối cung cầu được tổ "
    "chức.\n\n"
    "Vì vậy, trong 4 tháng đầu năm, tổng mức bán lẻ hàng hóa trên địa bàn tỉnh Kon Tum tăng trưởng khá, đạt hơn "
    "4.100 tỷ đồng, tăng 8,2% so với cùng kỳ năm trước và bằng 31% kế hoạch năm.\n")


def test_why_is_answered_with_the_cause_a_so_sentence_follows(tmp_path, model_cache):
    """"Vì sao … tăng trưởng khá?" against "Vì vậy, … tăng trưởng khá.": that sentence states the
    effect; its cause is the sentence before (here the paragraph before), quoted with it."""
    engine = _records_engine(tmp_path, model_cache, {"kon-tum.md": _EFFECT})
    ans = engine.ask("Vì sao 4 tháng đầu năm 2022 tổng mức bán lẻ hàng hóa của Kon Tum tăng trưởng khá?")
    assert ans.status == "answered" and "dịch bệnh được kiểm soát tốt" in ans.value.text
    assert ans.value.text in ans.citations[0].text or ans.citations[0].text in ans.value.text


_SHARES = (
    "# Trung Quốc nhập khẩu rau quả 11 tháng năm 2024\n\n"
    "Trong 11 tháng năm 2024, nhập khẩu rau quả của Trung Quốc đạt 22 tỉ USD, giảm 1,4% so với năm 2023.\n\n"
    "Thái Lan là nguồn cung số 1, thị phần giảm từ 38% xuống còn 31%; thị phần của Chile tăng lên 15%.\n\n"
    "Ngược lại, Việt Nam tăng trưởng đến 26%, đạt giá trị trên 4 tỉ USD, xếp vị trí thứ 2; thị phần tăng từ 14% "
    "lên 18%.\n")


def test_where_a_change_ended_is_never_how_much_something_changed(tmp_path, model_cache):
    """"… tăng lên bao nhiêu?" asks the level a change reached: "tăng lên 15%", never how much
    something changed ("tăng trưởng đến 26%", "giảm 1,4%" had been stated for a share that rose);
    where the end is not the period asked ("từ 14% lên 18%" under no "11 tháng"), not found."""
    engine = _records_engine(tmp_path, model_cache, {"rau-qua.md": _SHARES})
    assert _stated(engine, "11 tháng năm 2024 thị phần rau quả của Chile tại Trung Quốc tăng lên bao nhiêu?") == "15%"
    assert _stated(engine, "11 tháng năm 2024 thị phần rau quả của Việt Nam tại Trung Quốc tăng lên bao nhiêu?") is None


_SOURCES_AND_BASES = (
    "# Khuyến công Bắc Kạn và khu công nghiệp Hải Dương\n\n"
    "Giai đoạn 2014-2018, tỉnh Bắc Kạn thực hiện 65 đề án khuyến công, trong đó có 11 đề án KCQG và 54 đề án "
    "khuyến công địa phương.\n\n"
    "Tỷ lệ lấp đầy các khu công nghiệp của tỉnh Hải Dương trung bình khoảng 82%, cao hơn Hải Phòng.\n\n"
    "Lễ tôn vinh sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Sơn La năm 2021 dự kiến tổ chức vào trung tuần "
    "tháng 12/2021.\n")


def test_a_counts_source_written_after_it_a_place_compared_with_and_a_tenth_of_a_month(tmp_path, model_cache):
    """"54 đề án khuyến công địa phương" are the province's own though "KCQG" is named before them
    (they had answered the national count at 0.94); a place written as the base of a comparison
    ("cao hơn Hải Phòng") is not the figure's subject (stated at 0.98); "trung tuần tháng 12/2021"
    is a time, whole (the bare year had been answered)."""
    engine = _records_engine(tmp_path, model_cache, {"tong-hop.md": _SOURCES_AND_BASES})
    assert _stated(engine, "Giai đoạn 2014-2018 Bắc Kạn thực hiện bao nhiêu đề án khuyến công quốc gia?") == "11 đề án"
    assert _stated(engine, "Giai đoạn 2014-2018 Bắc Kạn thực hiện bao nhiêu đề án khuyến công địa phương?") == \
        "54 đề án"
    assert _stated(engine, "Tỷ lệ lấp đầy khu công nghiệp của Hải Phòng là bao nhiêu?") is None
    assert _stated(engine, "Tỷ lệ lấp đầy khu công nghiệp của Hải Dương là bao nhiêu?") == "khoảng 82%"
    assert _stated(engine, "Lễ tôn vinh sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Sơn La năm 2021 dự kiến "
                           "tổ chức khi nào?") == "trung tuần tháng 12/2021"


_GROUPS_LISTED = (
    "# Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Sơn La năm 2021\n\n"
    "Năm 2021, Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Sơn La đã nhận được 58 hồ sơ, "
    "gồm: 48 sản phẩm chế biến nông, lâm, thủy sản; 6 sản phẩm nhóm thủ công mỹ nghệ; 1 sản phẩm thiết bị, máy "
    "móc, dụng cụ cơ khí; 3 sản phẩm thuộc nhóm các sản phẩm khác.\n")


def test_a_group_named_before_a_semicolon_is_its_own_items(tmp_path, model_cache):
    """"6 sản phẩm nhóm thủ công mỹ nghệ; 1 sản phẩm thiết bị, …": the group is the 6's, not the
    next item's (the 1 had been stated, its nearest group before it read across the ";")."""
    engine = _records_engine(tmp_path, model_cache, {"son-la.md": _GROUPS_LISTED})
    assert _stated(engine, "Năm 2021 Sơn La nhóm thủ công mỹ nghệ có mấy sản phẩm?") == "6 sản phẩm"


_PRESS = (
    "# Họp báo Tuần lễ thương mại điện tử quốc gia 2025\n\n"
    "Đó là thông tin tại cuộc họp báo công bố tổ chức \"Tuần lễ thương mại điện tử quốc gia 2025\" do Bộ Công "
    "Thương tổ chức chiều ngày 4/11 tại Hà Nội.\n\n"
    "Tuần lễ thương mại điện tử quốc gia 2025 diễn ra từ ngày 13 - 17/11 với hơn 500 doanh nghiệp tham gia.\n")


def test_an_events_day_is_not_the_day_of_the_press_conference_that_announced_it(tmp_path, model_cache):
    """"Tuần lễ … diễn ra vào những ngày nào?": the press conference "công bố tổ chức “Tuần lễ …”"
    has its own day ("chiều ngày 4/11", stated at 0.84), the event the days the other sentence gives."""
    engine = _records_engine(tmp_path, model_cache, {"tuan-le.md": _PRESS})
    assert _stated(engine, "Tuần lễ thương mại điện tử quốc gia 2025 diễn ra vào những ngày nào?") == \
        "từ ngày 13 - 17/11"


_EFFECT_THEN_CAUSE = (
    "# Giá điện và sức mua năm 2023 của tỉnh Bình Phước\n\n"
    "Theo báo cáo của Sở Công Thương, hoạt động thương mại trên địa bàn tỉnh Bình Phước năm 2023 có nhiều "
    "chuyển biến. Các chợ, siêu thị, cửa hàng tiện lợi hoạt động ổn định, hàng hóa phong phú, không xảy ra "
    "tình trạng khan hiếm hàng hóa hay tăng giá đột biến. Công tác kiểm tra, kiểm soát thị trường được tăng "
    "cường, nhiều vụ vi phạm về hàng giả, hàng kém chất lượng bị xử lý. Các doanh nghiệp phân phối đã chủ động "
    "ký hợp đồng với nhà cung cấp, dự trữ hàng hóa thiết yếu phục vụ nhu cầu của người dân. Nhiều chương trình "
    "kết nối cung cầu được tổ chức trong năm.\n\n"
    "Vì vậy, tổng mức bán lẻ hàng hóa trên địa bàn tỉnh Bình Phước năm 2023 tăng khá so với năm trước. Giá "
    "điện sinh hoạt năm 2023 tăng 4,5% do chi phí mua điện và giá nhiên liệu đầu vào của các nhà máy tăng cao.\n")


def test_a_passage_opening_with_its_effect_still_quotes_its_own_later_sentences(tmp_path, model_cache):
    """A passage whose first sentence opens "Vì vậy, …" is quoted with the paragraph before; its
    other sentences are still read from the passage itself (they had been read at the grown
    passage's offsets, a stretch of other words)."""
    engine = _records_engine(tmp_path, model_cache, {"binh-phuoc.md": _EFFECT_THEN_CAUSE})
    ans = engine.ask("Vì sao giá điện sinh hoạt năm 2023 ở Bình Phước tăng?")
    assert ans.status == "answered" and "giá nhiên liệu đầu vào" in ans.value.text
    assert ans.value.text in ans.citations[0].text


def test_the_months_so_far_answer_from_the_start_of_a_year_and_a_headline_reached_is_stated_precisely(
        tmp_path, model_cache):
    """"Từ đầu năm 2025 đến nay … thành lập mới bao nhiêu doanh nghiệp?" asks the months so far:
    the nine months' "hơn 3.200 doanh nghiệp", not the stock "gần 32.000 doanh nghiệp" (a year
    asked had ruled out every part of it). A headline's "đạt doanh thu trên 17 tỷ đồng", its verb
    before the measure, is the body's "doanh thu đạt 17,4 tỷ đồng" written in full."""
    engine = _records_engine(tmp_path, model_cache, {
        "tay-ninh.md": (
            "# Tây Ninh: kinh tế - xã hội 9 tháng năm 2025\n\n"
            "Trong 9 tháng năm 2025, tỉnh Tây Ninh đạt kim ngạch xuất khẩu 22,8 tỷ USD. Từ đầu năm đến nay, tỉnh "
            "thành lập mới hơn 3.200 doanh nghiệp, tăng hơn gấp rưỡi so với cùng kỳ.\n\n"
            "Lũy kế đến nay, Tây Ninh có gần 32.000 doanh nghiệp và 1.928 dự án FDI.\n"),
        "ocop.md": (
            "# Hội chợ OCOP Quảng Ninh – Hè 2023 đạt doanh thu trên 17 tỷ đồng\n\n"
            "Sau 6 ngày diễn ra, Hội chợ OCOP Quảng Ninh - Hè 2023 đã thu hút được trên 55 nghìn lượt khách, "
            "doanh thu đạt 17,4 tỷ đồng.\n")})
    assert _stated(engine, "Từ đầu năm 2025 đến nay, Tây Ninh thành lập mới bao nhiêu doanh nghiệp?") \
        == "hơn 3.200 doanh nghiệp"
    assert _stated(engine, "Doanh thu Hội chợ OCOP Quảng Ninh Hè 2023 đạt bao nhiêu?") == "17,4 tỷ đồng"


def test_a_venue_keeps_its_towns_short_type_its_number_and_its_country(tmp_path, model_cache):
    """"tại Trung tâm Thể thao TP.Đông Hưng (Trung Quốc)" had been answered "Trung tâm Thể thao
    TP" (the town's short type ended it); "tại Quảng trường 20-8 (T.P Thái Nguyên)" was no venue
    (a number after its kind), and nothing was answered."""
    engine = _records_engine(tmp_path, model_cache, {
        "dong-hung.md": ("# Hội chợ Thương mại - Du lịch quốc tế Trung - Việt 2018\n\n"
                         "Năm nay, Hội chợ sẽ được tổ chức tại Trung tâm Thể thao TP.Đông Hưng (Trung Quốc) từ ngày "
                         "21 đến 27/12.\n"),
        "thai-nguyen.md": ("# Khai mạc Hội chợ Xuân Thái Nguyên 2012\n\n"
                           "Ngày 5/1, tại Quảng trường 20-8 (T.P Thái Nguyên) Sở Công Thương đã tổ chức Khai mạc Hội "
                           "chợ Xuân Thái Nguyên 2012.\n")})
    assert _stated(engine, "Hội chợ Thương mại - Du lịch quốc tế Trung - Việt năm 2018 được tổ chức ở đâu?") \
        == "Trung tâm Thể thao TP.Đông Hưng (Trung Quốc)"
    assert _stated(engine, "Hội chợ Xuân Thái Nguyên 2012 khai mạc ở đâu?") == "Quảng trường 20-8 (T.P Thái Nguyên)"


def test_a_change_against_the_month_before_does_not_answer_one_against_the_year_before(tmp_path, model_cache):
    """"tăng 6,9% so tháng trước và tăng 19,4% so cùng kỳ": each change's base is written after it;
    "giảm 2,8% so với tháng 8/2023" (of September) is against the month before. Asked "so với cùng
    kỳ", the first of each pair had been stated at 0.96 once the index was read as its measure
    ("chỉ số IIP" is "chỉ số sản xuất toàn ngành công nghiệp")."""
    engine = _records_engine(tmp_path, model_cache, {
        "thai-binh-6.md": ("# Công Thương Thái Bình 6 tháng năm 2022\n\n"
                           "Chỉ số sản xuất toàn ngành công nghiệp (IIP) tháng 6/2022 tăng 6,9% so tháng trước và "
                           "tăng 19,4% so cùng kỳ năm 2021.\n"),
        "thai-binh-9.md": ("# IIP Thái Bình 9 tháng năm 2023\n\n"
                           "Tại Thái Bình, chỉ số sản xuất toàn ngành công nghiệp (chỉ số IIP) tháng 9/2023 của tỉnh "
                           "giảm 2,8% so với tháng 8/2023 và tăng 5% so với cùng kỳ năm 2022.\n")})
    asked = "Tháng 6/2022, chỉ số IIP của Thái Bình tăng bao nhiêu so với cùng kỳ năm 2021?"
    assert "6,9%" not in _weighed(engine, asked) and _stated(engine, asked) == "19,4%"
    asked = "Tháng 9/2023, chỉ số IIP của Thái Bình tăng bao nhiêu so với cùng kỳ năm 2022?"
    assert "2,8%" not in _weighed(engine, asked) and _stated(engine, asked) == "5%"


def test_a_word_of_an_event_s_name_does_not_name_a_part_by_a_longer_name(tmp_path, model_cache):
    """"Hội chợ … Trung - Việt … có quy mô bao nhiêu gian hàng tiêu chuẩn?" asks the whole 800:
    the event's "Việt" does not name the part "100 gian hàng của … doanh nghiệp Việt Nam" (stated
    at 0.92), while the Vietnamese firms' own question is answered by that part."""
    engine = _records_engine(tmp_path, model_cache, {"dong-hung.md": (
        "# Hội chợ Thương mại - Du lịch quốc tế Trung - Việt 2018 tại Đông Hưng\n\n"
        "Hội chợ năm nay có quy mô trên 800 gian hàng tiêu chuẩn, trong đó có 700 gian hàng của các tổ chức, "
        "doanh nghiệp Trung Quốc, 100 gian hàng của các tổ chức, doanh nghiệp Việt Nam.\n")})
    assert _stated(engine, "Hội chợ Thương mại - Du lịch quốc tế Trung - Việt năm 2018 tại Đông Hưng có quy mô bao "
                           "nhiêu gian hàng tiêu chuẩn?") == "trên 800 gian hàng"
    assert _stated(engine, "Các tổ chức, doanh nghiệp Việt Nam có bao nhiêu gian hàng tại Hội chợ Trung - Việt năm "
                           "2018 ở Đông Hưng?") == "100 gian hàng"


def test_a_change_against_a_year_alone_is_the_next_years_and_a_change_of_another_base_is_not_it(
        tmp_path, model_cache):
    """"Số vụ chuyển cơ quan điều tra tăng bao nhiêu so với cùng kỳ 2024?" asks the change of the
    same months of 2025: 2024's own "tăng 2% so với cùng kỳ năm 2023" had been stated at 0.90 (the
    year asked read as the figure's own), and 2025's "tăng 50% so với cùng kỳ năm 2024" of six
    months was no answer to a year."""
    engine = _records_engine(tmp_path, model_cache, {
        "lao-cai-2024.md": ("# Quản lý thị trường Lào Cai năm 2024\n\n"
                            "Năm 2024, lực lượng chức năng đã chuyển cơ quan điều tra 178 vụ có dấu hiệu tội phạm "
                            "(tăng 2% so với cùng kỳ năm 2023).\n"),
        "ca-nuoc-2025.md": ("# Quản lý thị trường 6 tháng đầu năm 2025\n\n"
                            "Trong 6 tháng đầu năm 2025, lực lượng Quản lý thị trường đã kiểm tra 11.568 vụ. Có 26 vụ "
                            "chuyển cơ quan điều tra, tăng 50% so với cùng kỳ năm 2024.\n"),
        "ben-tre-2010.md": ("# Bến Tre: kết quả năm 2010\n\n"
                            "Giá trị sản xuất CN-TTCN của tỉnh Bến Tre tăng mạnh nhất so những năm qua (tăng trên 23% "
                            "so năm 2009).\n")})
    asked = "Số vụ chuyển cơ quan điều tra tăng bao nhiêu so với cùng kỳ 2024?"
    assert "2%" not in _weighed(engine, asked) and _stated(engine, asked) == "50%"
    # (a figure whose period was read from its own base, "so năm 2009", is not of another year for it)
    assert _stated(engine, "Năm 2010, giá trị sản xuất CN-TTCN của Bến Tre tăng bao nhiêu so với năm 2009?") \
        == "trên 23%"
    assert parse_question(asked).base_years == {2024}
    assert parse_question("Kinh phí năm 2019 tăng bao nhiêu so với năm 2018?").base_years == {2018}


def test_a_target_does_not_answer_what_was_achieved(tmp_path, model_cache):
    """"… năm 2020 … đạt bao nhiêu?" asks what was sold: the record of 2019's "đặt mục tiêu đạt 1.159
    triệu kWh" had been stated at 0.90 over the next record's "năm 2020 … đạt 1.093 triệu kWh" (and
    "dat bao nhieu" had been restored "đặt" after that record's "Hà Tĩnh đặt mục tiêu"). The plan
    asked is still the target's."""
    engine = _records_engine(tmp_path, model_cache, {
        "dien-ha-tinh-2019.txt": (
            "Năm 2020, Điện lực Hà Tĩnh đặt mục tiêu đạt 1.159 triệu kWh điện thương phẩm\n"
            "Sản lượng điện thương phẩm năm 2019 của Công ty Điện lực Hà Tĩnh đạt 1.035 triệu kWh, tăng 12,85% so với "
            "năm 2018. Trong năm 2020, đơn vị này phấn đấu sản lượng điện thương phẩm đạt và vượt 1.159 triệu kWh.\n"),
        "dien-ha-tinh-2020.txt": (
            "Điện lực Hà Tĩnh phấn đấu đạt 1.170 triệu kWh điện thương phẩm\n"
            "Với nhiều giải pháp, năm 2021, Công ty Điện lực Hà Tĩnh đặt mục tiêu sản lượng điện thương phẩm đạt 1.170 "
            "triệu kWh, tăng trên 7% so với năm 2020.\n"
            "Năm 2020, mặc dù trong điều kiện nhiều khó khăn song sản lượng điện thương phẩm của Công ty Điện lực Hà "
            "Tĩnh vẫn tăng trưởng khá.\n"
            "Theo đó, sản lượng điện thương phẩm năm 2020 của doanh nghiệp đạt 1.093 triệu kWh (tăng 5,7% so với năm "
            "2019 và hoàn thành kế hoạch của Tổng Công ty Điện lực Miền Bắc giao).\n")})
    assert _stated(engine, "San luong dien thuong pham nam 2020 cua Cong ty Dien luc Ha Tinh dat bao nhieu?") \
        == "1.093 triệu kWh"
    assert _stated(engine, "Năm 2020, Điện lực Hà Tĩnh đặt mục tiêu sản lượng điện thương phẩm bao nhiêu?") \
        == "1.159 triệu kWh"


def test_the_verb_asked_counts_what_was_named_before_and_a_count_is_read_without_its_passive(tmp_path, model_cache):
    """"kiểm tra và bắt giữ 3.378 vụ liên quan đến buôn lậu, gian lận thương mại và hàng giả; xử lý
    3.257 vụ, gồm … 9 vụ khởi tố": "xử lý bao nhiêu vụ buôn lậu …?" is the 3.257 the verb asked
    counts (the phrase named whole had kept only the 3.378, stated at 0.96); "bao nhiêu vụ bị khởi
    tố?" is "9 vụ khởi tố" ("bị" had ended what is counted at "vụ", and 3.257 was stated)."""
    engine = _records_engine(tmp_path, model_cache, {"ha-noi.md": (
        "# Ban Chỉ đạo 389 TP Hà Nội quý III năm 2025\n\n"
        "Theo Ban Chỉ đạo 389 TP Hà Nội, trong quý III năm 2025, các lực lượng chức năng đã kiểm tra và bắt giữ "
        "3.378 vụ liên quan đến buôn lậu, gian lận thương mại và hàng giả; xử lý 3.257 vụ, gồm 3.248 vụ xử lý "
        "hành chính và 9 vụ khởi tố với 19 bị can.\n")})
    assert _stated(engine, "Quý III/2025, Hà Nội xử lý bao nhiêu vụ buôn lậu, gian lận thương mại và hàng giả?") \
        == "3.257 vụ"
    assert _stated(engine, "Quý III/2025, Hà Nội kiểm tra và bắt giữ bao nhiêu vụ buôn lậu, gian lận thương mại và "
                           "hàng giả?") == "3.378 vụ"
    assert _stated(engine, "Quý III/2025, Hà Nội xử lý bao nhiêu vụ bị khởi tố?") == "9 vụ"


def test_a_count_broken_down_after_with_voi_and_a_count_before_a_verb(tmp_path, model_cache):
    """"tổ chức 120 lớp truyền, dạy nghề, với 80 lớp … tại các làng thuần nông, 40 lớp tại các làng
    đã có nghề": the verb's count is broken down after ", với", and a part named is the part's (the
    120 had been stated at 0.98 for the 40, and the parts after the verb's count had been dropped
    as counts of another verb). "có 09 nhóm tăng giá" counts "nhóm hàng …": a verb after its noun
    does not run on into another word (the whole's 11 had been stated at 0.96)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ha-noi-2016.md": ("# Khuyến công Hà Nội năm 2016\n\n"
                           "Năm 2016, khuyến công thành phố Hà Nội sẽ hỗ trợ 700 cơ sở công nghiệp nông thôn. Trong "
                           "đó, tổ chức 120 lớp truyền, dạy nghề, với 80 lớp truyền, dạy nghề tại các làng thuần "
                           "nông, 40 lớp tại các làng đã có nghề; tổ chức mười lớp tập huấn.\n"),
        "kon-tum.md": ("# Chỉ số giá tiêu dùng Kon Tum tháng 11/2023\n\n"
                       "So với cùng kỳ năm trước, CPI tháng 11/2023 của tỉnh Kon Tum tăng 3,3%. Trong 11 nhóm hàng "
                       "tiêu dùng chính có 09 nhóm tăng giá, gồm: nhóm hàng ăn và dịch vụ ăn uống tăng 3,12%.\n")})
    asked = "Năm 2016 Hà Nội tổ chức bao nhiêu lớp truyền, dạy nghề"
    assert _stated(engine, asked + " tại các làng thuần nông?") == "80 lớp"
    assert _stated(engine, asked + " tại các làng đã có nghề?") == "40 lớp"
    assert _stated(engine, asked + "?") == "120 lớp"
    assert "09 nhóm" in _weighed(engine, "Kon Tum tháng 11/2023 có bao nhiêu nhóm hàng tiêu dùng chính tăng giá so "
                                         "với cùng kỳ năm trước?")


def test_a_name_joined_to_its_title_by_a_hyphen_is_the_person_and_a_market_is_no_one(tmp_path, model_cache):
    """"Ông Dương Đình Kiệt-Giám đốc Công ty … Kbang-cho biết: “Chợ Kbang …”": the name glued to
    the title is who holds it; "Chợ Kbang" had been answered for the director at 0.89."""
    engine = _records_engine(tmp_path, model_cache, {"gia-lai.md": (
        "# Đẩy mạnh xã hội hóa đầu tư xây dựng chợ ở Gia Lai\n\n"
        "Ông Dương Đình Kiệt-Giám đốc Công ty TNHH Xây dựng và Phát triển hạ tầng Kbang-cho biết: “Chợ Kbang được "
        "xây dựng theo chủ trương xã hội hóa. Công ty đã đầu tư 12,5 tỷ đồng để thi công các hạng mục thiết yếu.\n")})
    assert _stated(engine, "Ở Gia Lai, ai là Giám đốc Công ty TNHH Xây dựng và Phát triển hạ tầng Kbang?") \
        == "Dương Đình Kiệt"


def test_parts_after_gom_are_named_by_a_rating_and_not_by_the_records_own_title(tmp_path, model_cache):
    """", gồm 07 sản phẩm đạt hạng 4 sao, 37 sản phẩm đạt hạng 3 sao" breaks the 44 down: "4 sao"
    names the part (its words are a number and "sao"). The fair's "350 gian hàng, gồm 250 gian hàng
    dành cho các cơ sở công nghiệp nông thôn …" is still the whole asked by a question naming the
    fair "… hàng công nghiệp nông thôn …": words the record's title shares with the question name
    what the record is about, not a part. A figure of another ';' group is no whole of a
    breakdown after it ("… 3.440 triệu đồng, …; Kế hoạch … 11.633 triệu đồng, trong đó: … hỗ trợ …")."""
    engine = _records_engine(tmp_path, model_cache, {
        "ocop.md": ("# Thái Nguyên có thêm 44 sản phẩm đạt tiêu chuẩn OCOP\n\n"
                    "Theo đó, UBND tỉnh Thái Nguyên đã công nhận 44 sản phẩm xếp hạng đạt tiêu chuẩn sản phẩm OCOP lần "
                    "đầu năm 2022, gồm 07 sản phẩm đạt hạng 4 sao, 37 sản phẩm đạt hạng 3 sao.\n"),
        "hoi-cho.md": ("# Khai mạc Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Nam năm 2024\n\n"
                       "Hội chợ triển lãm tại Kiên Giang có quy mô 350 gian hàng, gồm 250 gian hàng dành cho các cơ sở "
                       "công nghiệp nông thôn và 100 gian hàng xã hội hóa dành cho cơ sở sản xuất, thương mại.\n"),
        "dak-nong.md": ("# Đắk Nông: xây dựng 04 đề án khuyến công quốc gia năm 2023\n\n"
                        "Năm 2023, tỉnh Đắk Nông sẽ xây dựng 4 đề án khuyến công quốc gia với tổng kinh phí thực hiện "
                        "là 6.698,6 triệu đồng. Trong đó kinh phí khuyến công quốc gia hỗ trợ là 3.440 triệu đồng, nguồn "
                        "huy động từ các cơ sở là 3.258,6 triệu đồng; Kế hoạch khuyến công địa phương năm 2023 với tổng "
                        "kinh phí thực hiện là 11.633 triệu đồng, trong đó: kinh phí khuyến công địa phương đề nghị hỗ "
                        "trợ là 5.667 triệu đồng.\n")})
    assert _stated(engine, "Năm 2022, Thái Nguyên công nhận lần đầu bao nhiêu sản phẩm OCOP đạt hạng 4 sao?") \
        == "07 sản phẩm"
    assert _stated(engine, "Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Nam năm 2024 ở Kiên "
                           "Giang có quy mô bao nhiêu gian hàng?") == "350 gian hàng"
    assert "350 gian hàng" not in _weighed(engine, "Hội chợ triển lãm hàng công nghiệp nông thôn khu vực phía Nam năm "
                                                   "2024 có bao nhiêu gian hàng xã hội hóa?")
    assert _stated(engine, "Năm 2023, kinh phí khuyến công quốc gia hỗ trợ cho các đề án ở Đắk Nông là bao nhiêu?") \
        == "3.440 triệu đồng"


def test_a_list_items_own_words_after_its_number_name_the_count_asked(tmp_path, model_cache):
    """"39 xã đạt tiêu chí giao thông, 75 xã đạt tiêu chí thủy lợi, 48 xã đạt tiêu chí điện, …":
    the counts share "xã đạt tiêu chí"; "thủy lợi" is the 75's own (the 48 written right after
    "thủy lợi," had been stated, and "điện" the 39 after it)."""
    engine = _records_engine(tmp_path, model_cache, {"tay-ninh.md": (
        "# Tây Ninh: xây dựng nông thôn mới\n\n"
        "Cuối năm 2020, Tây Ninh đã có 39 xã đạt tiêu chí giao thông, 75 xã đạt tiêu chí thủy lợi, 48 xã đạt tiêu chí "
        "điện, 39 xã đạt tiêu chí trường học, 66 xã đạt tiêu chí cơ sở hạ tầng thương mại nông thôn.\n")})
    assert _stated(engine, "Cuối năm 2020, Tây Ninh có bao nhiêu xã đạt tiêu chí thủy lợi?") == "75 xã"
    assert _stated(engine, "Cuối năm 2020, Tây Ninh có bao nhiêu xã đạt tiêu chí điện?") == "48 xã"


def test_a_figure_reported_for_every_locality_is_not_the_provinces(tmp_path, model_cache):
    """A province's record quoting the national committee: "Theo báo cáo của Ban Chỉ đạo 389 quốc
    gia, quý I/2025, các đơn vị, địa phương bắt giữ, xử lý 30.651 vụ việc vi phạm. Trong đó, … 1.113
    vụ hàng giả …" are the country's (both had been stated for Bắc Giang, at 0.89 and 0.86); the
    province's own sentence answers."""
    engine = _records_engine(tmp_path, model_cache, {"bac-giang.md": (
        "# Bắc Giang tập trung đấu tranh với buôn lậu, gian lận thương mại và hàng giả\n\n"
        "Theo báo cáo của Ban Chỉ đạo 389 quốc gia, quý I/2025, các đơn vị, địa phương bắt giữ, xử lý 30.651 vụ việc "
        "vi phạm. Trong đó, các lực lượng chức năng phát hiện 22.774 vụ gian lận thương mại; 1.113 vụ hàng giả, vi phạm "
        "sở hữu trí tuệ.\n\nTrong quý I/2025, tại Bắc Giang, lực lượng chức năng xử phạt vi phạm hành chính 532 vụ.\n")})
    asked = "Quý I/2025, Bắc Giang phát hiện bao nhiêu vụ hàng giả, vi phạm sở hữu trí tuệ?"
    assert "1.113 vụ" not in _weighed(engine, asked)
    assert _stated(engine, "Quý I/2025, Bắc Giang xử phạt vi phạm hành chính bao nhiêu vụ?") == "532 vụ"



def test_a_part_of_a_whole_and_the_whole_each_answer_their_own_question(tmp_path, model_cache):
    """"40 trong tổng số 96 sản phẩm tham gia bình chọn … được công nhận": the part (40) answers
    how many were recognised, the whole (96) a total asked ("tổng cộng bao nhiêu sản phẩm tham
    gia?"; it had been no figure, and the 40 was stated at 0.97). "năm 2022 trên tổng số 364 …" is
    no part of a year. A level asked is not an amount's change beside it ("tiếp nhận 226 (tăng 55
    hồ sơ so với năm 2017) hồ sơ": 55 had been stated at 0.95)."""
    engine = _records_engine(tmp_path, model_cache, {
        "hai-duong.md": ("# Hải Dương công nhận 40 sản phẩm công nghiệp nông thôn tiêu biểu\n\n"
                         "Theo Sở Công Thương tỉnh Hải Dương, đã có 40 trong tổng số 96 sản phẩm tham gia bình chọn sản "
                         "phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2012 được công nhận.\n"),
        "quoc-gia.md": ("# Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2019\n\n"
                        "Năm 2019, Hội đồng bình chọn cấp quốc gia (Bộ Công Thương) đã tiếp nhận 226 (tăng 55 hồ sơ so "
                        "với năm 2017) hồ sơ sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực.\n")})
    assert _stated(engine, "Năm 2012 Hải Dương có tổng cộng bao nhiêu sản phẩm tham gia bình chọn sản phẩm công "
                           "nghiệp nông thôn tiêu biểu cấp tỉnh?") == "96 sản phẩm"
    recognised = engine.ask("Năm 2012 Hải Dương có bao nhiêu sản phẩm được công nhận sản phẩm công nghiệp nông thôn "
                            "tiêu biểu cấp tỉnh?")
    assert (recognised.value.text, recognised.value.value) == ("40 trong tổng số 96 sản phẩm", 40)
    assert "55 hồ sơ" not in _weighed(engine, "Năm 2019 Hội đồng bình chọn cấp quốc gia tiếp nhận bao nhiêu hồ sơ "
                                               "sản phẩm công nghiệp nông thôn tiêu biểu?")


def test_the_item_of_the_owner_named_and_where_the_owner_is(tmp_path, model_cache):
    """A list of products written with their owners ("Nhất diệp hảo trà của HTX chè an toàn
    Nguyên Việt; Chè móc câu của HTX chè Hảo Đạt; …") answers "HTX chè Hảo Đạt có sản phẩm nào
    …?" with that owner's item ("sản phẩm CNNTTB" had been stated at 0.89); "… ở đâu?" with the
    units written after the owner ("HTX chè Hảo Đạt, xã Tân Cương, TP. Thái Nguyên", whose "Đạt"
    had been read as the verb "đặt"); of two quoted products, the one whose own words hold the place
    asked ("… của Quế Sơn …?")."""
    engine = _records_engine(tmp_path, model_cache, {
        "thai-nguyen.md": ("# Thái Nguyên: 5 sản phẩm công nghiệp nông thôn tiêu biểu đạt cấp quốc gia\n\n"
                           "Trong đó, tỉnh Thái Nguyên được công nhận 5 sản phẩm CNNTTB cấp quốc gia năm 2023, gồm: Nhất "
                           "diệp hảo trà của HTX chè an toàn Nguyên Việt; Chè móc câu của HTX chè Hảo Đạt; Miến tỏi đen "
                           "Việt Cường của HTX miến Việt Cường.\n\n"
                           "Sản phẩm chè móc câu của HTX chè Hảo Đạt, xã Tân Cương, TP. Thái Nguyên.\n"),
        "quang-nam.md": ("# Quảng Nam trao giải sản phẩm công nghiệp nông thôn tiêu biểu năm 2024\n\n"
                         "Theo đó, 2 sản phẩm CNNT dự kiến được trao giải A năm 2024 gồm: sản phẩm “Hội An chiều thu” "
                         "của Cơ sở Chạm khắc gỗ nghệ thuật Lạc Việt (xã Điện Phong, Điện Bàn) và sản phẩm “Bánh dừa "
                         "nướng mè đen Quý Thu” của Công ty TNHH Quý Thu (xã Quế Xuân, Quế Sơn).\n")})
    assert _stated(engine, "HTX chè Hảo Đạt có sản phẩm nào đạt CNNT tiêu biểu cấp quốc gia năm 2023?") == "Chè móc câu"
    assert _stated(engine, "HTX chè Hảo Đạt ở đâu?") == "xã Tân Cương, TP. Thái Nguyên"
    assert _stated(engine, "Sản phẩm nào của Quế Sơn được giải A năm 2024?") == "Bánh dừa nướng mè đen Quý Thu"
    assert _stated(engine, "Sản phẩm nào của Điện Bàn được giải A năm 2024?") == "Hội An chiều thu"


def test_what_each_got_and_the_zone_and_the_period_of_a_breakdown(tmp_path, model_cache):
    """"thưởng bao nhiêu một sản phẩm?" is not how many products there were ("20 sản phẩm" had been
    stated at 0.95); "cụm công nghiệp" asked is not a park's ("9 KCN với tổng diện tích quy hoạch
    2.146ha", stated at 0.86); a breakdown ("Trong đó có 22 CCN … 445,41ha") of a whole stated as of
    now ("Hiện tại, …") is as of now too, not of the plan's year two sentences before."""
    engine = _records_engine(tmp_path, model_cache, {
        "bac-ninh.md": ("# Bắc Ninh bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm 2016\n\n"
                        "Ngày 13-5-2016, 20 sản phẩm đạt giải sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm "
                        "2016 đã được trao giấy chứng nhận và giải thưởng.\n"),
        "nam-dinh.md": ("# Nam Định phát triển cụm công nghiệp năm 2022\n\n"
                        "Theo quy hoạch đã được phê duyệt đến năm 2025 trên địa bàn tỉnh Nam Định có 9 KCN với tổng "
                        "diện tích quy hoạch 2.146ha. Cũng theo quy hoạch đến năm 2025, trên địa bàn tỉnh có 59 CCN với "
                        "tổng diện tích 1.773,77ha. Hiện tại, đã thành lập 24 CCN với tổng diện tích 495,21ha. Trong đó "
                        "có 22 CCN với tổng diện tích 445,41ha đã đi vào hoạt động.\n")})
    assert "20 sản phẩm" not in _weighed(engine, "Bắc Ninh năm 2016 thưởng bao nhiêu một sản phẩm?")
    assert "2.146ha" not in _weighed(engine, "Theo quy hoạch đến năm 2025, tổng diện tích các cụm công nghiệp của tỉnh "
                                              "Nam Định là bao nhiêu?")
    assert _stated(engine, "Năm 2022 Nam Định có bao nhiêu ha cụm công nghiệp đã đi vào hoạt động?") == "445,41ha"


def test_a_sum_a_share_a_region_and_the_measure_each_figure_is_bound_to(tmp_path, model_cache):
    """A sum of named things ("số tiền xử phạt và hàng hóa tịch thu gần 440 triệu đồng") does not
    answer one of them ("xử phạt được bao nhiêu tiền?", stated at 0.93); of two figures each bound
    to its measure ("thu nộp ngân sách nhà nước hơn 20,7 triệu đồng và thu giữ một số hàng hóa trị
    giá gần 2 triệu đồng") each answers its own (they had been swapped); the region's share of the
    country ("phía Bắc chiếm bao nhiêu % … của cả nước?") is not a share the country's sentence
    gives ("65%", stated at 0.99), nor is the country's figure the north's."""
    engine = _records_engine(tmp_path, model_cache, {
        "ha-tinh.md": ("# Quản lý thị trường Hà Tĩnh xử lý 201 vụ vi phạm hàng hóa\n\n"
                       "Dịp cao điểm tết Nguyên đán 2022, Cục Quản lý thị trường Hà Tĩnh đã xử lý 201 vụ vi phạm, tổng "
                       "số tiền xử phạt và hàng hóa tịch thu gần 440 triệu đồng.\n"),
        "khanh-hoa.md": ("# Quản lý thị trường Khánh Hòa tháng 10\n\n"
                         "Trong tháng 10, Cục Quản lý thị trường tỉnh Khánh Hòa đã phát hiện 7 vụ vi phạm, đã xử lý, thu "
                         "nộp ngân sách nhà nước hơn 20,7 triệu đồng và thu giữ một số hàng hóa trị giá gần 2 triệu "
                         "đồng.\n"),
        "phia-bac.md": ("# Hội nghị khuyến công khu vực phía Bắc năm 2014\n\n"
                        "Theo đó, tổng kinh phí khuyến công thực hiện năm 2013 của cả nước là 215,668 tỷ đồng; trong "
                        "đó, kinh phí khuyến công quốc gia là 75,421 tỷ đồng (chiếm 35% tổng kinh phí thực hiện), kinh "
                        "phí khuyến công địa phương là 140,247 tỷ đồng (chiếm 65% tổng kinh phí thực hiện).\n\n"
                        "Tổng kinh phí khuyến công thực hiện năm 2013 của 28 tỉnh, thành phố khu vực phía Bắc là 106,128 "
                        "tỷ đồng (chiếm 49,21% tổng kinh phí của cả nước). Trong đó, kinh phí khuyến công quốc gia là "
                        "46,549 tỷ đồng, kinh phí khuyến công địa phương là 59,578 tỷ đồng.\n")})
    assert "gần 440 triệu đồng" not in _weighed(engine, "Dịp Tết Nguyên đán 2022, Cục Quản lý thị trường Hà Tĩnh xử "
                                                         "phạt được bao nhiêu tiền?")
    assert _stated(engine, "Tháng 10, Cục Quản lý thị trường Khánh Hòa thu nộp ngân sách được bao nhiêu?") \
        == "hơn 20,7 triệu đồng"
    assert _stated(engine, "Tháng 10, hàng hóa Cục Quản lý thị trường Khánh Hòa thu giữ trị giá bao nhiêu?") \
        == "gần 2 triệu đồng"
    assert _stated(engine, "Khu vực phía Bắc chiếm bao nhiêu % tổng kinh phí khuyến công thực hiện của cả nước năm "
                           "2013?") == "49,21%"
    national = "Năm 2013 kinh phí khuyến công quốc gia thực hiện của 28 tỉnh phía Bắc là bao nhiêu?"
    weighed = _weighed(engine, national)
    # (nor the whole the next sentence breaks down: "Trong đó, kinh phí khuyến công quốc gia là …")
    assert "75,421 tỷ đồng" not in weighed and "106,128 tỷ đồng" not in weighed
    assert _stated(engine, national) == "46,549 tỷ đồng"


def test_an_ordinal_has_its_number_a_bound_its_canonical_word_and_a_plan_its_aside(tmp_path, model_cache):
    """"lần thứ 5" answers with its number (5) as a script reads it; a qualifier that opens a
    sentence ("Gần 300 gian hàng") is "gần" in the answer's JSON, its text as written; a plan stated
    with an aside in brackets before its figure ("Tổng kế hoạch kinh phí … (bao gồm cả kinh phí KCQG
    và KCĐP) của 63 tỉnh, thành phố là 230,9 tỷ đồng") is still stated as the plan."""
    engine = _records_engine(tmp_path, model_cache, {
        "quoc-gia.md": ("# Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2023\n\n"
                        "Bộ Công Thương công nhận 173 sản phẩm trong kỳ bình chọn sản phẩm CNNTTB cấp quốc gia lần thứ "
                        "5, năm 2023.\n\nGần 300 gian hàng tham gia hội chợ năm 2023.\n"),
        "phia-bac.md": ("# Hội nghị khuyến công khu vực phía Bắc năm 2016\n\n"
                        "Tổng kế hoạch kinh phí khuyến công năm 2016 được phê duyệt (bao gồm cả kinh phí KCQG và KCĐP) "
                        "của 63 tỉnh, thành phố là 230,9 tỷ đồng, tăng 6,2% so với cùng kỳ năm 2015. 28/28 tỉnh, thành "
                        "phố đã phê duyệt kế hoạch kinh phí KCĐP, với tổng kinh phí là 68,5 tỷ đồng.\n")})
    ordinal = engine.ask("Kỳ bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia năm 2023 là lần thứ mấy?")
    assert (ordinal.value.text, ordinal.value.value) == ("lần thứ 5", 5)
    stalls = engine.ask("Năm 2023 có bao nhiêu gian hàng tham gia hội chợ?")
    assert (stalls.value.text, stalls.value.qualifier) == ("Gần 300 gian hàng", "gần")
    assert "230,9 tỷ đồng" in _weighed(engine, "Năm 2016 tổng kế hoạch kinh phí khuyến công được phê duyệt của 63 "
                                                "tỉnh, thành phố là bao nhiêu?")


def test_a_bracketed_change_is_its_items_and_a_committees_name_names_no_part(tmp_path, model_cache):
    """"…, trị giá hàng hóa tịch thu gần 169 tỷ đồng (tăng 12%), trị giá hàng hóa buộc tiêu hủy trên
    176 tỷ đồng (tăng 87%)": each bracketed change is its item's ("buộc tiêu hủy … tăng bao nhiêu
    %?" had been answered 12% at 0.87). The steering committee's name ("Ban chỉ đạo chống buôn lậu,
    gian lận thương mại và hàng giả thành phố Đà Nẵng") does not make "hàng giả" a word of the whole
    its sentence counts: "2 vụ hàng giả" in the breakdown after it answers "mấy vụ hàng giả?" (the
    whole's 626 vụ had been stated at 0.93)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ca-nuoc.md": ("# Quản lý thị trường cả nước 9 tháng năm 2024\n\n"
                       "Tổng số tiền xử lý là 715 tỷ đồng (tăng 23% so với cùng kỳ năm 2023); trong đó, xử phạt vi phạm "
                       "hành chính 370 tỷ đồng (tăng 11%), trị giá hàng hóa tịch thu gần 169 tỷ đồng (tăng 12%), trị giá "
                       "hàng hóa buộc tiêu hủy trên 176 tỷ đồng (tăng 87%).\n"),
        "da-nang.md": ("# Đà Nẵng xử lý 626 vụ buôn lậu, gian lận thương mại tháng 8\n\n"
                       "Ban chỉ đạo chống buôn lậu, gian lận thương mại và hàng giả thành phố Đà Nẵng cho biết, trong "
                       "tháng 8 vừa qua, lực lượng chức năng của thành phố đã phát hiện, xử lý 626 vụ vi phạm. Trong đó "
                       "có 23 vụ buôn bán, vận chuyển hàng cấm, hàng lậu; 601 vụ gian lận thương mại, gian lận thuế; 2 "
                       "vụ hàng giả.\n")})
    assert _stated(engine, "9 tháng năm 2024, trị giá hàng hóa buộc tiêu hủy của QLTT cả nước tăng bao nhiêu %?") \
        == "87%"
    assert _stated(engine, "Đà Nẵng tháng 8 có mấy vụ hàng giả?") == "2 vụ"


def test_a_rank_asked_is_the_places_the_sentence_ranks_so(tmp_path, model_cache):
    """"tỉnh nào xếp thứ 3?" is the place its sentence ranks third ("tỉnh Bình Dương xếp thứ 3"), not
    the one ranked fourth before it (Đà Nẵng had been stated at 0.92); "đứng thứ hai là Hà Nội"
    ranks the place after it."""
    engine = _records_engine(tmp_path, model_cache, {"ebi.md": (
        "# Chỉ số thương mại điện tử Việt Nam năm 2024\n\n"
        "Theo báo cáo Chỉ số thương mại điện tử (EBI) Việt Nam năm 2024, chỉ số EBI của Đà Nẵng xếp thứ 4 cả nước. "
        "Theo đó, thành phố Hồ Chí Minh tiếp tục dẫn đầu chỉ số EBI năm 2024 với 87 điểm, đứng thứ hai là Hà Nội với "
        "84,3 điểm, tỉnh Bình Dương xếp thứ 3 với 51 điểm.\n")})
    assert _stated(engine, "Năm 2024 tỉnh nào xếp thứ 3 về chỉ số EBI?") == "tỉnh Bình Dương"
    assert _stated(engine, "Năm 2024 địa phương nào đứng thứ hai về chỉ số EBI?") == "Hà Nội"


def test_who_presided_when_it_was_held_the_foreign_part_and_the_item_asked(tmp_path, model_cache):
    """A town written with its type ("Thành phố Sầm Sơn") is no one's name (it had been "who
    presided"); a day says when better than the year beside it ("năm 2016 vừa diễn ra chiều
    19/9/2016" had been answered "năm 2016"); "dự án FDI" names the part "46 dự án đầu tư trực
    tiếp nước ngoài" of "804 dự án đầu tư", not the whole (stated at 0.85); "tăng 11,6% về số doanh
    nghiệp đăng ký và tăng 17,8% về vốn đăng ký": each change is of what follows its "về"; an item
    of a list answers by its own name ("ô tô các loại đạt 319 tỷ đồng, tăng 11,1%, xăng dầu các
    loại đạt 1.429 tỷ đồng": 319 had been stated at 0.75), and by its words after the figure too
    ("giao 1 tỷ đồng kinh phí khuyến công địa phương cho 12 đề án; kinh phí quốc gia được giao 800
    triệu đồng"); a target is a level, whose change a question against a year asks."""
    engine = _records_engine(tmp_path, model_cache, {
        "thanh-hoa.md": ("# Thanh Hóa: Họp báo thông tin Hội nghị xúc tiến đầu tư năm 2017\n\n"
                         "Hội nghị sẽ chính thức diễn ra vào ngày 19-5-2017 tại Trung tâm Hội nghị FLC – Thành phố "
                         "Sầm Sơn, tỉnh Thanh Hóa dưới sự chủ trì của đồng chí Nguyễn Xuân Phúc, Ủy viên Bộ Chính trị, "
                         "Thủ tướng Chính phủ.\n"),
        "hai-phong.md": ("# Hải Phòng thu hút 12,8 tỷ USD\n\n"
                         "12,8 tỷ USD từ các biên bản ghi nhớ hợp tác đầu tư, hợp đồng tín dụng đã được kí kết tại Hội "
                         "nghị Xúc tiến đầu tư TP. Hải Phòng năm 2016 vừa diễn ra chiều 19/9/2016.\n"),
        "nghe-an.md": ("# Nghệ An gặp mặt nhà đầu tư năm 2017\n\n"
                       "Qua 8 lần tổ chức hội nghị, đến nay, Nghệ An đã thu hút được 804 dự án đầu tư, trong đó 758 dự "
                       "án đầu tư trong nước và 46 dự án đầu tư trực tiếp nước ngoài với tổng số vốn đăng ký hơn "
                       "261.000 tỉ đồng.\n"),
        "binh-dinh.md": ("# Bình Định 6 tháng đầu năm 2025\n\n"
                         "Ước 6 tháng đầu năm có 700 doanh nghiệp thành lập mới với tổng vốn đăng ký 7.000 tỷ đồng. So "
                         "với cùng kỳ năm trước tăng 11,6% về số doanh nghiệp đăng ký và tăng 17,8% về vốn đăng ký.\n"),
        "thanh-hoa-ban-le.md": ("# Tổng mức bán lẻ hàng hóa tháng 1 của Thanh Hóa đạt 9.451 tỷ đồng\n\n"
                                "Trong tháng 1 năm 2021, có một số nhóm hàng có mức độ tăng trưởng khá, như: Nhóm hàng "
                                "may mặc đạt 669 tỷ đồng, tăng 1,6 % so với cùng kỳ; ô tô các loại đạt 319 tỷ đồng, "
                                "tăng 11,1%, xăng dầu các loại đạt 1.429 tỷ đồng, tăng 9,0%.\n"),
        "quang-ninh.md": ("# Khuyến công Quảng Ninh năm 2017\n\n"
                          "Năm 2017, trung tâm được UBND tỉnh Quảng Ninh giao 1 tỷ đồng kinh phí khuyến công địa phương "
                          "cho 12 đề án; kinh phí quốc gia được giao 800 triệu đồng cho 2 đề án.\n"),
        "gia-lai.md": ("# Ngành chế biến chiếm hơn 66% tổng giá trị sản xuất công nghiệp Gia Lai\n\n"
                       "Năm 2023, ngành công nghiệp chế biến của Gia Lai đặt mục tiêu giá trị sản xuất ngành công nghiệp "
                       "chế biến, chế tạo ước đạt 19.483 tỷ đồng (tăng 12,3% so với năm 2022).\n")})
    assert _stated(engine, "Ai chủ trì Hội nghị xúc tiến đầu tư Thanh Hóa năm 2017?") == "Nguyễn Xuân Phúc"
    assert _stated(engine, "Hội nghị Xúc tiến đầu tư TP Hải Phòng diễn ra khi nào?") == "chiều 19/9/2016"
    foreign = _weighed(engine, "qua 8 lan to chuc hoi nghi, nghe an thu hut duoc bao nhieu du an fdi")
    assert "804 dự án" not in foreign and "46 dự án" in foreign
    assert _stated(engine, "Vốn đăng ký của doanh nghiệp thành lập mới ở Bình Định 6 tháng đầu năm 2025 tăng bao "
                           "nhiêu phần trăm so với cùng kỳ?") == "17,8%"
    assert _stated(engine, "doanh thu xang dau cac loai thang 1 nam 2021 o thanh hoa dat bao nhieu") == "1.429 tỷ đồng"
    assert _stated(engine, "Quảng Ninh năm 2017 được giao bao nhiêu kinh phí khuyến công địa phương?") == "1 tỷ đồng"
    # a target is a level: "mục tiêu … tăng bao nhiêu so với năm 2022?" asks its change (the level had
    # been stated at 0.92, as a planned rate would be)
    assert "ước đạt 19.483 tỷ đồng" not in _weighed(engine, "Mục tiêu năm 2023 của ngành công nghiệp chế biến Gia Lai "
                                                             "tăng bao nhiêu so với năm 2022?")


def test_a_part_told_in_the_next_sentence_an_items_own_words_and_a_superlative_said_in_words(tmp_path, model_cache):
    """A part the next sentence tells without naming the province ("… Đồng Nai … phát hiện 206 vụ vi
    phạm. Lĩnh vực phát hiện vi phạm nhiều là nhãn hàng hóa khoảng 69 vụ") is weighed for the question
    that names it, though the province's own figures are of its unit (it had been no candidate); the
    words "năm 2019" of the period asked name no group of a list ("… sau 7 tháng năm 2019 cho thấy,
    …; mặt hàng gốm, sứ tăng 4,6%": the first group had won by them); "Mỹ là thị trường tiêu thụ lớn
    nhất" says which country in words, with no figures to rank."""
    engine = _records_engine(tmp_path, model_cache, {
        "dong-nai.txt": ("Xử lý 206 vụ vi phạm hàng hóa\n08:05, 14/05/2015\n"
                        "(ĐN)- Trong tháng 4-2015, Chi cục Quản lý thị trường Đồng Nai đã kiểm tra 218 vụ kinh doanh sản "
                        "xuất hàng hóa, phát hiện 206 vụ vi phạm.\n"
                        "(ĐN)- Trong tháng 4-2015, Chi cục Quản lý thị trường Đồng Nai đã kiểm tra 218 vụ kinh doanh sản "
                        "xuất hàng hóa, phát hiện 206 vụ vi phạm. Lĩnh vực phát hiện vi phạm nhiều là nhãn hàng hóa khoảng "
                        "69 vụ, tiếp đến là an toàn vệ sinh thực phẩm phát hiện xử lý 42 vụ.\n"),
        "thu-cong.md": ("# Xuất khẩu hàng thủ công 7 tháng năm 2019\n\n"
                        "Số liệu từ Tổng cục Hải quan về xuất khẩu hàng thủ công sau 7 tháng năm 2019 cho thấy, so với "
                        "cùng kỳ năm 2018, kim ngạch xuất khẩu mặt hàng túi xách, ví, vali, mũ, ô dù tăng 10,6% (tăng "
                        "206 triệu USD); mặt hàng đồ chơi, dụng cụ thể thao và bộ phận tăng 6,5% (tăng trên 50 triệu "
                        "USD); mặt hàng gốm, sứ tăng 4,6% (tăng trên 13 triệu USD).\n\n"
                        "Các sản phẩm thủ công của Việt Nam đã có mặt tại 163 quốc gia và vùng lãnh thổ trên thế giới. "
                        "Trong đó, Mỹ là thị trường tiêu thụ lớn nhất, với doanh số chiếm 35% kim ngạch xuất khẩu hàng "
                        "năm.\n"),
        "khach-san.md": ("# Du lịch 9 tháng năm 2020\n\n"
                         "Công suất bình quân sử dụng buồng phòng khá thấp, ước tính khối khách sạn 1-5 sao đạt 10.6%, "
                         "giảm 53.4 % so với cùng kỳ năm 2019.\n")})
    assert "khoảng 69 vụ" in _weighed(engine, "Ở Đồng Nai, vi phạm về nhãn hàng hóa là bao nhiêu vụ tháng 4/2015?")
    assert "4,6%" in _weighed(engine, "xuat khau gom su 7 thang nam 2019 tang bao nhieu %")
    assert _stated(engine, "thi truong tieu thu lon nhat cua hang thu cong viet nam la nuoc nao?") == "Mỹ"
    # a change written after its level ("đạt 10.6%, giảm 53.4 %") is told apart from it by the words asked
    occupancy = _weighed(engine, "Công suất sử dụng buồng phòng của khách sạn 1-5 sao ước đạt bao nhiêu?")
    assert "10.6%" in occupancy and not any("53.4" in t for t in occupancy)


def test_a_running_total_said_far_before_its_figure_is_one(tmp_path, model_cache):
    """"Lũy kế đến hết tháng 6/2023, các KCN nói trên đã thu hút 1.869 dự án": the running total is
    said thirteen words before the figure, out of the window looked at, and the figure was taken
    for June's own and dropped."""
    engine = _records_engine(tmp_path, model_cache, {
        "kcn.txt":
            "Khu công nghiệp tỉnh Bắc Ninh thu hút đầu tư\n\n"
            "Trong tháng 6/2023, các khu công nghiệp cấp mới 12 dự án. Lũy kế đến hết tháng 6/2023, các khu công "
            "nghiệp trên địa bàn tỉnh nói trên đã thu hút 1.869 dự án đầu tư với tổng vốn đầu tư đăng ký trên 24,469 "
            "tỷ USD.\n",
    })
    assert _stated(engine, "Lũy kế đến hết tháng 6/2023 các khu công nghiệp Bắc Ninh thu hút bao nhiêu dự án?") \
        == "1.869 dự án"


def test_an_earlier_question_typed_without_marks_is_carried_as_understood(tmp_path, model_cache):
    """"hoi nghi nganh cong thuong phia nam thang 10 nam 2023 …" then "ai phat bieu khai mac": the
    event carried was folded, and the year taken off it took the south with it ("… phía?")."""
    engine = _records_engine(tmp_path, model_cache, {
        "phia-nam.txt":
            "Hội nghị ngành Công Thương khu vực phía Nam năm 2023\n\n"
            "Tháng 10 năm 2023, tại TP Vị Thanh, Bộ Công Thương phối hợp với UBND tỉnh Hậu Giang tổ chức Hội nghị "
            "ngành Công Thương khu vực phía Nam. Phát biểu khai mạc Hội nghị, bà Phan Thị Thắng, Thứ trưởng Bộ Công "
            "Thương cho biết Hội nghị nhằm đánh giá tình hình thực hiện nhiệm vụ năm 2023.\n",
    })
    from kcqa.ask.conversation import Conversation
    conv = Conversation()
    engine.ask("hoi nghi nganh cong thuong phia nam thang 10 nam 2023 to chuc o dau", conv)
    follow = engine.ask("ai phat bieu khai mac", conv)
    assert "phía nam" in follow.resolved_question.lower()


def test_the_whole_after_a_parts_own_words_is_the_whole(tmp_path, model_cache):
    """"công nhận 03 sản phẩm của tỉnh Hải Dương trên tổng số 63 sản phẩm": the part's own words
    stand between it and "trên tổng số"; the region's 63 had answered the province's count at 0.96."""
    engine = _records_engine(tmp_path, model_cache, {
        "hai-duong-2018.txt": (
            "Hải Dương có 3 sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc\n\n"
            "Hội đồng bình chọn đã chấm điểm và quyết định công nhận 03 sản phẩm của tỉnh Hải Dương trên tổng số 63 "
            "sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2018.\n")})
    assert _stated(engine, "Hải Dương có bao nhiêu sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu "
                           "khu vực phía Bắc năm 2018?") == "03 sản phẩm"
    # and the part is no total asked (the region's total itself is not found yet: its region slot)
    assert _stated(engine, "Năm 2018 khu vực phía Bắc có tổng cộng bao nhiêu sản phẩm được công nhận sản phẩm công "
                           "nghiệp nông thôn tiêu biểu?") != "03 sản phẩm"


def test_a_rate_that_is_a_change_is_asked_with_tang(tmp_path, model_cache):
    """"ADB dự báo lạm phát tăng bao nhiêu?" asks the inflation rate, which the record writes as a
    level ("dự báo lạm phát … ở mức 3,8%"): read as no change, it was dropped and the industry's
    "tăng 9,5%" beside it was stated at 0.86."""
    engine = _records_engine(tmp_path, model_cache, {
        "adb.txt": ("ADB dự báo kinh tế Việt Nam năm 2021\n\n"
                    "Công nghiệp dự báo sẽ tăng 9,5% trong năm 2021, đóng góp 3,5 điểm phần trăm vào tăng trưởng GDP. "
                    "Về lạm phát, ADB dự báo lạm phát của Việt Nam trong năm 2021 ở mức 3,8% và 4% trong năm 2022.\n")})
    assert _stated(engine, "ADB dự báo lạm phát tăng bao nhiêu trong năm 2021?") == "3,8%"
    assert _stated(engine, "ADB dự báo công nghiệp tăng bao nhiêu trong năm 2021?") == "9,5%"


def test_imports_are_not_named_by_the_two_way_trade_they_are_part_of(tmp_path, model_cache):
    """"nhập khẩu" asked is the imports after "Trong đó", not the whole "xuất nhập khẩu" whose
    words hold it: the part named by its measure was taken for one its whole names too, and
    the whole's change was the only figure left."""
    engine = _records_engine(tmp_path, model_cache, {"xnk.md": (
        "# Kết quả xuất nhập khẩu tỉnh Cao Bằng năm 2023\n\n"
        "Năm 2023, tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh Cao Bằng đạt 800 triệu USD, "
        "tăng 20,5% so với cùng kỳ. Trong đó, kim ngạch xuất nhập khẩu mở tờ khai tại Cục Hải quan "
        "Cao Bằng đạt 500 triệu USD, tăng 15,3% so với cùng kỳ, xuất khẩu 300 triệu USD, tăng 10,1%, "
        "nhập khẩu đạt 200 triệu USD, tăng 9,2% so với cùng kỳ.\n")})
    assert _stated(engine, "Năm 2023 nhập khẩu của Cao Bằng tăng bao nhiêu so với cùng kỳ?") == "9,2%"


def test_a_direction_of_change_asked_is_not_answered_by_the_other_direction(tmp_path, model_cache):
    """"… điều chỉnh tăng mấy lần?" is not "điều chỉnh giảm 9 lần" of the same sentence (it had
    been the best candidate, at 0.82); a question naming both directions keeps both."""
    engine = _records_engine(tmp_path, model_cache, {"gia-xang.md": (
        "# Quỹ bình ổn giá xăng dầu năm 2016\n\n"
        "Được biết, trong năm 2016, giá xăng được điều chỉnh giảm 9 lần, giữ ổn định 2 lần, tăng 13 lần.\n")})
    weighed = _weighed(engine, "Năm 2016 giá xăng được điều chỉnh tăng mấy lần?")
    assert weighed and not any("9 lần" in t for t in weighed)
    assert _stated(engine, "Năm 2016 giá xăng được điều chỉnh tăng mấy lần?") == "13 lần"


def test_a_drills_plan_hour_host_and_town_are_read_as_written(tmp_path, model_cache):
    """Over a record no one had read: "kế hoạch số mấy?" had no document kind, the time of day
    was its minutes ("30 phút"), "Công ty Cổ phần" was a company's whole name, and "Nhà máy …
    nằm ở thị trấn nào?" (folded, "may nam") asked a length of years, answered "30 phút"."""
    engine = _records_engine(tmp_path, model_cache, {
        "dien-tap.txt":
            "Diễn tập ứng phó sự cố hóa chất tỉnh An Giang năm 2022\n"
            "Thực hiện Kế hoạch số 451/KH-UBND ngày 05/07/2022 của UBND tỉnh An Giang về tổ chức diễn tập ứng phó "
            "sự cố hóa chất cấp tỉnh năm 2022.\n"
            "Thời gian hợp luyện và tổng duyệt bắt đầu từ 07 giờ 30 phút ngày 14 tháng 12 năm 2022 (thứ Tư).\n"
            "Địa điểm hợp luyện và tổng duyệt được tổ chức tại Nhà máy Thuốc bảo vệ thực vật Châu Thành – trực thuộc "
            "Công ty Cổ phần Tập đoàn Lộc Trời (Quốc lộ 91, thị trấn An Châu, huyện Châu Thành, tỉnh An Giang).\n"
            "Các doanh nghiệp da giày buộc phải cho lao động làm việc 4-5 ngày/tuần và không tăng ca.\n"
            "Dự báo khó khăn của ngành da giày sẽ kéo dài đến gần giữa năm 2024.\n",
    })
    assert "451/KH-UBND" in _stated(engine, "Kế hoạch diễn tập ứng phó sự cố hóa chất An Giang năm 2022 là kế hoạch số mấy?")
    assert _stated(engine, "Tổng duyệt diễn tập ứng phó sự cố hóa chất An Giang bắt đầu lúc mấy giờ?") \
        .startswith("07 giờ 30 phút")
    assert _stated(engine, "Nhà máy tổ chức tổng duyệt diễn tập An Giang trực thuộc công ty nào?") \
        == "Công ty Cổ phần Tập đoàn Lộc Trời"
    town = _stated(engine, "Nhà máy Thuốc bảo vệ thực vật Châu Thành nằm ở thị trấn nào?")
    assert town and "An Châu" in town
    assert _stated(engine, "Lao động da giày làm việc mấy ngày một tuần?") == "4-5 ngày/tuần"
    assert _stated(engine, "Khó khăn của ngành da giày dự báo kéo dài đến khi nào?") == "gần giữa năm 2024"


def test_a_rate_of_change_is_not_how_much_of_an_amount(tmp_path, model_cache):
    """"xuất khẩu gạo được bao nhiêu?" had been answered "gần 34%" (0.94), how much exports
    grew; an index asked ("chỉ số sản xuất công nghiệp là bao nhiêu?") is given by its change."""
    engine = _records_engine(tmp_path, model_cache, {
        "soc-trang.txt":
            "Xuất khẩu Sóc Trăng năm 2023\n"
            "Năm 2023, xuất khẩu gạo của Sóc Trăng tăng gần 34%.\n"
            "Năm 2023, chỉ số sản xuất công nghiệp của Sóc Trăng tăng 8,5%.\n",
    })
    assert _stated(engine, "Năm 2023 Sóc Trăng xuất khẩu gạo được bao nhiêu?") is None
    assert _stated(engine, "Năm 2023 xuất khẩu gạo của Sóc Trăng tăng bao nhiêu?") == "gần 34%"
    assert _stated(engine, "Năm 2023 chỉ số sản xuất công nghiệp của Sóc Trăng là bao nhiêu?") == "8,5%"


def test_a_subject_typed_without_capitals_binds_its_figure_to_the_province_asked(tmp_path, model_cache):
    """"nhà máy xi măng phú sơn ở nho quan ninh bình vốn đầu tư bao nhiêu": the figure's subject
    (Phú Sơn) is written in the question, in lower case, so it is not read as a name; the figure
    was held to be about something other than Ninh Bình and the question was not answered. A
    record about another province that names the same subject is still not the one asked."""
    engine = _records_engine(tmp_path, model_cache, {
        "ninh-binh.txt": ("Ninh Bình phát triển công nghiệp vật liệu xây dựng năm 2012\n"
                          "Trên địa bàn huyện Nho Quan đã quy hoạch Nhà máy xi măng Phú Sơn với công suất 1,2 triệu "
                          "tấn/năm, vốn đầu tư 2.180 tỷ đồng.\n"),
        "thanh-hoa.txt": ("Thanh Hóa thu hút đầu tư năm 2012\n"
                          "Nhà máy xi măng Công Thanh có vốn đầu tư 7.000 tỷ đồng.\n")})
    assert _stated(engine, "nha may xi mang phu son o nho quan ninh binh von dau tu bao nhieu") == "2.180 tỷ đồng"
    assert _stated(engine, "nha may xi mang cong thanh o ninh binh von dau tu bao nhieu") is None


def test_places_listed_after_a_figure_are_its_items_not_where_it_is(tmp_path, model_cache):
    """"Hội chợ có quy mô 230 gian hàng của … các tỉnh: Ninh Bình, Nghệ An, …": the provinces listed
    after the figure are whose the booths are, not where the fair is; they had made the figure
    another place's and the question on Thanh Hóa's fair went unanswered. A province listed is
    still not answered by the whole fair's figure. A place in an earlier figure's list is that
    list's too, not where the next figure is."""
    engine = _records_engine(tmp_path, model_cache, {
        "thanh-hoa.txt": ("Khai mạc Hội chợ thương mại miền Tây Thanh Hóa năm 2023\n"
                          "Hội chợ có quy mô 230 gian hàng của các địa phương, các hiệp hội, làng nghề, doanh nghiệp "
                          "tiêu biểu trong tỉnh và các tỉnh: Ninh Bình, Nghệ An, Hòa Bình, Sơn La.\n"),
        "ha-tinh.txt": ("Hà Tĩnh kiểm tra vật liệu nổ công nghiệp năm 2022\n"
                        "Đoàn kiểm tra của Sở Công Thương đã kiểm tra 09 đơn vị trực tiếp sử dụng, quản lý VLNCN, gồm: "
                        "Công ty CP xây dựng ngầm Hà Nội, Công ty TNHH Sơn Nguyệt, Công ty CP Hồng Sơn; 02 đơn vị cung "
                        "ứng vật liệu nổ và dịch vụ nổ mìn, gồm: Chi nhánh công nghiệp hóa chất mỏ Hà Tĩnh, Chi "
                        "nhánh VLNCN Miền Trung.\n")})
    assert _stated(engine, "Hội chợ thương mại miền Tây Thanh Hóa năm 2023 có bao nhiêu gian hàng?") == "230 gian hàng"
    assert _stated(engine, "Sở Công Thương Hà Tĩnh đã kiểm tra bao nhiêu đơn vị sử dụng VLNCN năm 2022?") == "09 đơn vị"
    # (an earlier figure's list is its own: "Hà Nội" in the 09 units' list is not where the 02 are)
    assert "02 đơn vị" in _weighed(engine, "Ở Hà Tĩnh, có mấy đơn vị cung ứng vật liệu nổ và dịch vụ nổ mìn được kiểm tra?")
    assert _stated(engine, "Hội chợ ở Ninh Bình năm 2023 có bao nhiêu gian hàng?") is None


def test_a_headlines_round_figure_is_answered_as_its_body_states_it_whatever_the_rounding(tmp_path, model_cache):
    """"hơn 370 vụ" in a headline rounds to tens the body's "372 vụ" ("hơn 10.300" to hundreds), and
    a sum the body says "là hơn 134,33 tỷ đồng" is a level as "đạt" would be: the body's figure is
    the answer (the headlines' had been stated, scored wrong against the records' own figures)."""
    engine = _records_engine(tmp_path, model_cache, {
        "dak-nong.md": ("# Đắk Nông xử lý hơn 370 vụ vi phạm trong tháng 10/2024\n\n"
                        "Theo Sở Công Thương Đắk Nông, trong tháng 10/2024, các lực lượng chức năng của tỉnh Đắk "
                        "Nông đã phát hiện, xử lý 372 vụ vi phạm, thu nộp ngân sách hơn 5 tỷ đồng.\n"),
        "binh-phuoc.md": ("# Bình Phước: tiết kiệm hơn 56 tỷ đồng tiền điện năm 2018\n\n"
                          "Năm 2018, sản lượng điện tiết kiệm của tỉnh Bình Phước đạt 31,2 triệu kWh. Với giá bán "
                          "điện bình quân 1.800 đồng/kWh, tổng số tiền tiết kiệm được là hơn 56,21 tỷ đồng.\n")})
    assert _stated(engine, "Tháng 10/2024 Đắk Nông xử lý bao nhiêu vụ vi phạm?") == "372 vụ"
    assert _stated(engine, "Năm 2018 Bình Phước tiết kiệm được bao nhiêu tiền điện?") == "hơn 56,21 tỷ đồng"


def test_of_two_counts_the_one_whose_own_words_are_asked_answers(tmp_path, model_cache):
    """"937 người đạt yêu cầu/975 người dự kiểm tra": each count's own words, written after it, say
    which is asked, whole or part (the 937 who passed had answered how many sat the test)."""
    engine = _records_engine(tmp_path, model_cache, {"lang-son.md": (
        "# Lạng Sơn: an toàn thực phẩm năm 2019\n\n"
        "Năm 2019, Sở Công Thương tỉnh Lạng Sơn tổ chức kiểm tra kiến thức về an toàn thực phẩm, kết quả cấp 716 "
        "giấy xác nhận kiến thức cho 937 người đạt yêu cầu/975 người dự kiểm tra.\n")})
    assert _stated(engine, "Năm 2019 Lạng Sơn có bao nhiêu người dự kiểm tra kiến thức an toàn thực phẩm?") == "975 người"
    assert _stated(engine, "Năm 2019 Lạng Sơn có bao nhiêu người đạt yêu cầu kiểm tra kiến thức an toàn thực phẩm?") \
        == "937 người"


def test_a_label_written_before_its_count_is_no_word_of_the_count_before_it(tmp_path, model_cache):
    """"khí 753 TOE, sản phẩm dầu 15.596 TOE, than 8.217 TOE": "than" labels the 8.217 written after it,
    not the 15.596 it follows; nor is the province asked any count's words ("Hà Tĩnh" folded is the "hạ"
    of "cột hạ áp")."""
    engine = _records_engine(tmp_path, model_cache, {
        "ha-noi.md": ("# Hà Nội tiết kiệm năng lượng năm 2011\n\n"
                      "Năm 2011, Hà Nội tiết kiệm được 41.000 TOE, trong đó, tiết kiệm điện được 16.684 TOE, sản phẩm "
                      "dầu 15.596 TOE, than 8.217 TOE.\n"),
        "ha-tinh.md": ("# Hà Tĩnh khắc phục hậu quả bão năm 2025\n\n"
                       "Bão năm 2025 làm 18 cột 110kV gãy đổ, 8.685 cột hạ áp bị hư hỏng tại Hà Tĩnh.\n")})
    assert _stated(engine, "Năm 2011 Hà Nội tiết kiệm được bao nhiêu TOE than?") == "8.217 TOE"
    assert _stated(engine, "Bão năm 2025 làm gãy đổ bao nhiêu cột 110kV ở Hà Tĩnh?") == "18 cột"


def test_a_figure_bound_to_the_name_asked_answers_over_its_sentences_unbound_one(tmp_path, model_cache):
    """"11 xã có tỷ lệ hộ sử dụng điện … đạt 100%, gồm: …; còn lại các xã khác: …, Vũ Muộn đạt 97,4%"
    asked of xã Vũ Muộn: the figure whose subject is the commune asked, though its ';' group says
    fewer of the question's words (the 100% of the eleven others had been stated at 0.94)."""
    engine = _records_engine(tmp_path, model_cache, {"bach-thong.md": (
        "# Bạch Thông: tiêu chí điện năm 2019\n\n"
        "Năm 2019, toàn huyện Bạch Thông có 16 xã đạt tiêu chí số 4 về điện. Trong đó, 11 xã có tỷ lệ hộ sử dụng "
        "điện thường xuyên, an toàn đạt 100%, gồm: Quân Bình, Cẩm Giàng, Tân Tiến, Quang Thuận, Sỹ Bình, Cao Sơn, "
        "Lục Bình, Hà Vị, Tú Trĩ, Mỹ Thanh và Dương Phong; còn lại các xã khác: Phương Linh đạt 99,75%, Vi Hương "
        "đạt 99,8%, Vũ Muộn đạt 97,4%, Nguyên Phúc đạt 95%.\n")})
    assert _stated(engine, "Xã Vũ Muộn có tỷ lệ hộ sử dụng điện thường xuyên, an toàn là bao nhiêu?") == "97,4%"


def test_a_figure_after_the_name_asked_may_be_the_names_with_its_subject_left_out(tmp_path, model_cache):
    """"TKV … tiêu thụ 1,45 triệu tấn; khai thác 105.000 tấn tinh quặng đồng": the figure bound to TKV
    by name does not rule out the later ones, whose subject is TKV left unsaid."""
    engine = _records_engine(tmp_path, model_cache, {"tkv.md": (
        "# TKV: kết quả sản xuất năm 2022\n\n"
        "Năm 2022, TKV cũng sản xuất 1,47 triệu tấn alumin tăng 4% so với năm 2021 và tiêu thụ 1,45 triệu tấn; khai "
        "thác 105.000 tấn tinh quặng đồng, tăng 4,7%; sản xuất 30.000 tấn đồng, tăng 3%.\n")})
    assert _stated(engine, "TKV khai thác được bao nhiêu tấn tinh quặng đồng trong năm 2022?") == "105.000 tấn"


def test_one_thing_stated_for_two_periods_between_semicolons_is_chosen_by_the_period(tmp_path, model_cache):
    """"… tháng 7/2016 đạt 2.579,11 tỷ đồng, …; lũy kế 7 tháng đạt 18.182,25 tỷ đồng, …": the second
    group has no subject of its own, so the first group's words are not what tells them apart (the
    seven months' sum had been dropped for the month's words); and "hàng hoá" in the whole is the
    "hàng hóa" of its breakdown, no word of the part's own."""
    engine = _records_engine(tmp_path, model_cache, {"hau-giang.md": (
        "# Hậu Giang: thương mại tháng 7/2016\n\n"
        "Theo đó, tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tháng 7/2016 đạt 2.579,11 tỷ đồng, tăng 17,46% so "
        "với cùng kỳ; lũy kế 7 tháng đạt 18.182,25 tỷ đồng, tăng 7,48% so với cùng kỳ. Trong đó, tổng mức bán lẻ "
        "hàng hóa thực hiện được 13.201,27 tỷ đồng, tăng 8,08% so với cùng kỳ; ngành dịch vụ đạt 1.738 tỷ đồng.\n")})
    assert _stated(engine, "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ lũy kế 7 tháng năm 2016 của Hậu Giang "
                           "đạt bao nhiêu?") == "18.182,25 tỷ đồng"


def test_the_end_of_a_span_asked_is_never_the_day_it_opened(tmp_path, model_cache):
    """"… kéo dài đến ngày nào?" asks when it ended: the span "từ ngày 26 đến 29-9", not the opening
    "Ngày 26/9, … khai mạc" the lead gives (stated at 0.85); "kết thúc khi nào?" is not answered by
    how long it ran ("giai đoạn 2019 – 2020") but by the time said to end it."""
    engine = _records_engine(tmp_path, model_cache, {
        "hcm.md": ("# Hội nghị kết nối cung cầu hàng hóa giữa TP.HCM và các tỉnh năm 2019\n\n"
                   "Ngày 26/9, tại Trung tâm Văn hóa thể thao quận Tân Bình đã diễn ra lễ khai mạc Hội nghị kết nối "
                   "cung cầu hàng hóa giữa TP.HCM và các tỉnh, thành phố năm 2019.\n\n"
                   "Hội nghị kết nối cung cầu hàng hóa giữa TP.HCM và các tỉnh diễn ra từ ngày 26 đến 29-9 với các "
                   "nội dung chính như hội thảo, kết nối và trưng bày sản phẩm.\n"),
        "ben-tre.md": ("# Bến Tre: đề án khuyến công quốc gia điểm về sản phẩm từ dừa\n\n"
                       "Đề án khuyến công quốc gia điểm về sản phẩm từ dừa của Bến Tre giai đoạn 2019 – 2020 được Bộ "
                       "Công Thương giao. Đề án khuyến công quốc gia điểm về sản phẩm từ dừa bắt đầu từ tháng 01/2020 "
                       "và kết thúc vào tháng 12/2020.\n")})
    ended = _stated(engine, "Hội nghị kết nối cung cầu hàng hóa giữa TP.HCM và các tỉnh kéo dài đến ngày nào?")
    assert ended is not None and "29-9" in ended
    assert _stated(engine, "Đề án khuyến công quốc gia điểm về sản phẩm từ dừa của Bến Tre kết thúc khi nào?") \
        == "tháng 12/2020"


def test_a_counts_label_written_before_it_is_its_own_not_the_count_before(tmp_path, model_cache):
    """"… sang doanh nghiệp là 7 chợ và chuyển đổi sang mô hình hợp tác xã 9 chợ, còn lại 7 chợ …":
    the words between "và" and the 9 are the 9's label, not words the 7 counts (the 7 had been taken
    for the markets turned into cooperatives, at 0.97)."""
    engine = _records_engine(tmp_path, model_cache, {"vinh-long.md": (
        "# Vĩnh Long chuyển đổi mô hình quản lý chợ năm 2016\n\n"
        "Năm 2016, toàn tỉnh Vĩnh Long có 25 chợ chuyển đổi mô hình quản lý. Trong đó, thực hiện chuyển đổi mô hình "
        "ban quản lý chợ sang doanh nghiệp là 7 chợ và chuyển đổi sang mô hình hợp tác xã 9 chợ, còn lại 7 chợ do "
        "doanh nghiệp tham gia đầu tư xây dựng khai thác quản lý.\n")})
    assert _stated(engine, "Ở Vĩnh Long, năm 2016 có bao nhiêu chợ chuyển sang mô hình hợp tác xã?") == "9 chợ"


def test_beside_the_item_that_says_all_asked_an_item_that_says_part_is_another(tmp_path, model_cache):
    """"gạo 193.600 tấn; thịt lợn 50.000 tấn; thịt gà 14.000 tấn; thịt bò 13.800 tấn" asked "bao nhiêu
    tấn thịt bò": the beef's label says it all; the pork's "thịt" is half of it and no reason to keep
    the pork beside the beef (kept, it made "thịt" a word the items share and the beef no longer told
    apart)."""
    engine = _records_engine(tmp_path, model_cache, {"ha-noi.md": (
        "# Hà Nội tính mở rộng điểm bán hàng bình ổn giá dịp Tết\n\n"
        "Theo báo cáo của Sở Công Thương Hà Nội, dự kiến, số lượng hàng hóa chuẩn bị để phục vụ nhu cầu của người dân "
        "trong dịp Tết năm 2018 gồm: gạo 193.600 tấn; thịt lợn 50.000 tấn; thịt gà 14.000 tấn; thịt bò 13.800 tấn; "
        "trứng gia cầm 200 triệu quả…\n")})
    weighed = _weighed(engine, "Hà Nội chuẩn bị bao nhiêu tấn thịt bò cho Tết 2018?")
    assert "13.800 tấn" in weighed and not weighed & {"50.000 tấn", "14.000 tấn"}


def test_a_span_of_days_written_without_ngay_is_the_days_asked(tmp_path, model_cache):
    """"Từ 24-25/5/2025, tại …": both days, though no "ngày" is written (the 25th alone had been
    stated, scored wrong against the record's two days)."""
    engine = _records_engine(tmp_path, model_cache, {"lai-chau.md": (
        "# Lai Châu: thương mại điện tử vùng Trung du và miền núi phía Bắc\n\n"
        "Từ 24-25/5/2025, tại Trung tâm Hội nghị tỉnh Lai Châu, Cục Thương mại điện tử và Kinh tế số phối hợp với "
        "Ủy ban nhân dân tỉnh Lai Châu tổ chức chuỗi sự kiện thúc đẩy liên kết vùng trong phát triển thương mại điện "
        "tử vùng Trung du và miền núi phía Bắc.\n")})
    when = _stated(engine, "Chuỗi sự kiện thúc đẩy liên kết vùng trong phát triển thương mại điện tử vùng Trung du và "
                           "miền núi phía Bắc diễn ra vào ngày nào?")
    assert when is not None and "24-25/5/2025" in when


def test_a_title_runs_through_its_bodys_lower_case_words_and_kiem(tmp_path, model_cache):
    """"Cục trưởng Cục Thương mại điện tử và Kinh tế số" is one title (it had stopped at "Thương mại",
    the lower-case "điện tử" read as its end); "Chủ tịch Hội đồng quản trị kiêm Giám đốc Hợp tác xã …" is
    two titles joined by "kiêm", both the person's; a photograph's credit ("(Ảnh minh họa: AI/Trần
    Thường)") names no one the record reports on."""
    engine = _records_engine(tmp_path, model_cache, {
        "lai-chau.md": ("# Hội nghị thương mại điện tử vùng năm 2025\n\n"
                        "Phát biểu tại hội nghị, bà Lê Hoàng Oanh, Cục trưởng Cục Thương mại điện tử và Kinh tế số, "
                        "cho rằng chuyển đổi số đã trở thành yêu cầu tất yếu.\n"),
        "quang-binh.md": ("# Đưa hàng Việt về nông thôn Quảng Bình năm 2024\n\n"
                          "Ông Hồ Văn Son, Chủ tịch Hội đồng quản trị kiêm Giám đốc Hợp tác xã Thống Nhất, cho biết "
                          "hàng Việt được người dân tin dùng.\n"),
        "da-nang.md": ("# Thanh tra hóa chất tại Đà Nẵng năm 2025\n\n"
                       "Thanh tra thành phố phát hiện nhiều vi phạm trong kinh doanh hóa chất của các doanh nghiệp "
                       "(Ảnh minh họa: AI/Trần Thường)\n")})
    assert _stated(engine, "Bà Lê Hoàng Oanh giữ chức vụ gì?") == "Cục trưởng Cục Thương mại điện tử và Kinh tế số"
    assert _stated(engine, "Ở Quảng Bình, ông Hồ Văn Son giữ chức vụ gì?") == \
        "Chủ tịch Hội đồng quản trị kiêm Giám đốc Hợp tác xã Thống Nhất"
    assert _stated(engine, "Thanh tra Đà Nẵng phát hiện vi phạm hóa chất ở những doanh nghiệp nào?") not in \
        ("AI", "Trần Thường", "AI/Trần Thường")
    assert _stated(engine, "Ai chụp ảnh thanh tra hóa chất ở Đà Nẵng?") != "Trần Thường"


def test_of_names_listed_together_the_one_the_question_places_and_cua_is_not_cua(tmp_path, model_cache):
    """"(Trung tâm thương mại Big C Đà Lạt và Vincom Plaza Bảo Lộc)" asked "… nằm ở Bảo Lộc": the name
    holding the town asked (the first, cut to "tâm thương mại Big C Đà Lạt", had been stated); "cửa khẩu
    Xín Mần" folds like "của Xín Mần" and is no owner ("Còn" had been stated as the item it owned); of
    two sentences that cover the question alike, the one naming the gate asked."""
    engine = _records_engine(tmp_path, model_cache, {
        "lam-dong.md": ("# Hạ tầng thương mại Lâm Đồng năm 2018\n\n"
                        "Lâm Đồng có 4 siêu thị và 2 trung tâm thương mại quy mô hạng 2 (Trung tâm thương mại Big C "
                        "Đà Lạt và Vincom Plaza Bảo Lộc).\n"),
        "ha-giang.md": ("# Xuất nhập khẩu qua các cửa khẩu của Hà Giang năm 2024\n\n"
                        "Theo tỉnh Hà Giang, cửa khẩu Săm Pun ở huyện Mèo Vạc mở vào tháng 10-2023 để thông thương "
                        "với cửa khẩu Điền Bồng thuộc huyện Phú Ninh, tỉnh Vân Nam (Trung Quốc). Còn cửa khẩu Xín Mần "
                        "thuộc huyện Xín Mần, tỉnh Hà Giang thông thương với cửa khẩu Đô Long thuộc huyện Mã Quan, "
                        "tỉnh Vân Nam (Trung Quốc).\n")})
    for asked in ("Trung tâm thương mại nào của Lâm Đồng nằm ở Bảo Lộc?",
                  "trung tam thuong mai nao cua lam dong nam o bao loc"):
        assert _stated(engine, asked) in (None, "Vincom Plaza Bảo Lộc")
    assert _stated(engine, "Trung tâm thương mại nào của Lâm Đồng nằm ở Đà Lạt?") in \
        (None, "Trung tâm thương mại Big C Đà Lạt")
    assert _stated(engine, "Cửa khẩu Xín Mần của Hà Giang thông thương với cửa khẩu nào của Trung Quốc?") in \
        (None, "cửa khẩu Đô Long")


def test_a_record_asked_by_its_bare_number_is_dated_only_by_its_own_date(tmp_path, model_cache):
    """"Công văn số 6513 … ban hành ngày nào?" is not answered by the date of công văn số 6380 in the
    sentence before (stated at 0.90); the question names the record by its number without a year."""
    engine = _records_engine(tmp_path, model_cache, {"dong-nai.md": (
        "# Đồng Nai: kết quả bình ổn thị trường Tết Giáp Thìn 2024\n\n"
        "- Triển khai Kế hoạch số 240/KH-UBND ngày 10/10/2023 của UBND tỉnh, Sở Công Thương đã ban hành Công văn "
        "số 6380/SCT-TM ngày 23/10/2023 hướng dẫn thực hiện chương trình bình ổn giá đến các sở, ngành.\n"
        "- Ban hành Công văn số 6513/SCT-TM ngày 30/10/2023 của Sở Công Thương về việc đăng ký tham gia chương "
        "trình bình ổn thị trường.\n")})
    assert _stated(engine, "Công văn số 6513 của Sở Công Thương Đồng Nai ban hành ngày nào?") in (None, "ngày 30/10/2023")
    assert _stated(engine, "Công văn số 6380 của Sở Công Thương Đồng Nai ban hành ngày nào?") in (None, "ngày 23/10/2023")


def test_goods_counted_by_the_piece_and_a_term_the_record_abbreviates(tmp_path, model_cache):
    """"116.437 kíp nổ" is a count ("kíp" was no counted noun, and "413.900 mét" of the same list was
    stated; typed "so kip no …", the question had opened "Sở" and asked no count); a count's noun is
    a word of the question ("m" is no part of "Lâm"). "Số lượng VLNCN các đơn vị đã sử dụng trong năm
    2021 là hơn 370 tấn": VLNCN is a term the record defines, not another subject, and the count
    follows the verb asked past its period and "là" (the 1 tấn each organisation uses had been stated
    at 0.96)."""
    engine = _records_engine(tmp_path, model_cache, {
        "lam-dong.md": ("# Lâm Đồng quản lý vật liệu nổ công nghiệp năm 2020\n\n"
                        "Năm 2020, các doanh nghiệp hoạt động vật liệu nổ công nghiệp trên địa bàn tỉnh Lâm Đồng đã sử "
                        "dụng trên 957 ngàn kg thuốc nổ các loại, bao gồm: 116.437 kíp nổ, 413.900 mét dây nổ và "
                        "15.477 quả mồi nổ.\n"),
        "quang-tri.md": ("# Tăng cường quản lý vật liệu nổ công nghiệp\n\n"
                         "Vật liệu nổ công nghiệp (VLNCN) là loại vật tư đặc biệt, có yêu cầu an toàn nghiêm ngặt. "
                         "Năm 2021, trên địa bàn tỉnh Quảng Trị có 9 tổ chức được cấp phép sử dụng VLNCN.\n\n"
                         "Riêng 3 tổ chức tại tỉnh Quảng Trị hiện đang thuê kho của Bộ Chỉ huy quân sự tỉnh để bảo "
                         "quản thuốc nổ với số lượng sử dụng khoảng 1 tấn thuốc nổ/năm/tổ chức. Số lượng VLNCN các "
                         "đơn vị đã sử dụng trong năm 2021 là hơn 370 tấn thuốc nổ công nghiệp.\n")})
    for asked in ("Số kíp nổ đã sử dụng ở Lâm Đồng năm 2020 là bao nhiêu?",
                  "so kip no da su dung o Lam Dong nam 2020 la bao nhieu"):
        assert _stated(engine, asked) == "116.437 kíp nổ"
    assert _stated(engine, "Năm 2021 các đơn vị ở Quảng Trị đã sử dụng bao nhiêu tấn thuốc nổ công nghiệp?") \
        == "hơn 370 tấn"



def test_a_list_that_names_each_level_before_its_figure(tmp_path, model_cache):
    """"Trong đó, kinh phí cấp huyện 558 triệu đồng, cấp tỉnh hơn 543 triệu đồng, …": each level is
    written before its figure, so the 558 is the district level's (the words after it, "cấp tỉnh", had
    made it the province level's, and the district level's part was refused: the whole, "hơn 1,3 tỷ
    đồng", had been stated at 0.83); "cấp huyện" is a level the part is set apart by, not a unit noun."""
    engine = _records_engine(tmp_path, model_cache, {"khanh-hoa.md": (
        "# Khánh Hòa: 10 năm bình chọn sản phẩm công nghiệp nông thôn tiêu biểu\n\n"
        "Trong 10 năm qua, tỉnh Khánh Hòa có 95 sản phẩm được công nhận sản phẩm CNNT tiêu biểu các cấp. Tổng kinh "
        "phí hỗ trợ, tổ chức bình chọn sản phẩm CNNT tiêu biểu các cấp hơn 1,3 tỷ đồng. Trong đó, kinh phí cấp huyện "
        "558 triệu đồng, cấp tỉnh hơn 543 triệu đồng, cấp khu vực hơn 116 triệu đồng và kinh phí cấp quốc gia 85 "
        "triệu đồng.\n")})
    assert _stated(engine, "Khánh Hòa kinh phí bình chọn sản phẩm CNNT tiêu biểu cấp huyện trong 10 năm là bao "
                           "nhiêu?") in (None, "558 triệu đồng")
    assert _stated(engine, "Khánh Hòa kinh phí bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia trong 10 năm là bao "
                           "nhiêu?") in (None, "85 triệu đồng")


def test_a_share_written_before_the_measure_asked_is_not_of_it(tmp_path, model_cache):
    """"… đào tạo nghề cho 4.875 lao động, đạt 82% kế hoạch, với kinh phí giải ngân là 8,6 tỷ đồng, đạt
    84%": asked the disbursement's share of plan, the 82% written before the sentence names "kinh phí
    giải ngân" is the labour's (it had been stated at 0.95), though it names no measure of its own."""
    engine = _records_engine(tmp_path, model_cache, {"phia-bac.md": (
        "# Hội nghị khuyến công các tỉnh phía Bắc 9 tháng năm 2016\n\n"
        "Trong 9 tháng đầu năm 2016, các địa phương đã tổ chức đào tạo nghề và nâng cao tay nghề cho 4.875 lao "
        "động, đạt 82% kế hoạch, với kinh phí giải ngân là 8,6 tỷ đồng, đạt 84%.\n")})
    assert _stated(engine, "Kinh phí giải ngân cho đào tạo nghề 9 tháng 2016 đạt bao nhiêu % kế hoạch?") in (None, "84%")
    assert _stated(engine, "9 tháng 2016 đào tạo nghề cho bao nhiêu lao động?") == "4.875 lao động"


def test_a_province_typed_without_its_capital_names_no_part(tmp_path, model_cache):
    """"Điện biên …" (as a follow-up restored from "dien bien" carries it) names the province, not a
    part whose word "biên" the sentence must say ("biên giới" of the part after "Trong đó"): the whole's share
    of plan had been refused and the growth
    beside it, "87,68%", stated for it at 0.97."""
    engine = _records_engine(tmp_path, model_cache, {"dien-bien.md": (
        "# Điện Biên: hạ tầng thương mại biên giới\n\n"
        "Chỉ trong 2 tháng đầu năm 2024, kim ngạch xuất khẩu hàng hóa giữa Điện Biên và các tỉnh bắc Lào có sự tăng "
        "trưởng ấn tượng 87,68% so với cùng kỳ năm trước, ước đạt 28,02 triệu USD và bằng 21,55% kế hoạch năm. Trong "
        "đó, xuất khẩu và hoạt động thương mại biên giới ước đạt 15,07 triệu USD, tăng 37,5% so với cùng kỳ năm 2023 và "
        "bằng 17,13% kế hoạch năm.\n")})
    for asked in ("Điện Biên 2 tháng đầu năm 2024 xuất khẩu sang các tỉnh bắc Lào đạt bao nhiêu % kế hoạch năm?",
                  "Điện biên 2 tháng đầu năm 2024 xuất khẩu sang các tỉnh bắc Lào đạt bao nhiêu % kế hoạch năm?"):
        assert _stated(engine, asked) == "21,55%"


def test_several_asked_are_read_after_a_colon_and_the_plural_is_no_part_of_the_noun(tmp_path, model_cache):
    """"những cửa khẩu nào …?" asks by "cửa khẩu" ("những" had been read as part of the noun, so no name
    followed it); of "3 cửa khẩu: Cốc Nam, Na Hình, Nà Nưa không làm thủ tục … qua 3 cửa khẩu Hữu Nghị, Chi
    Ma và Tân Thanh", the names listed after the colon are the ones asked; "những nhà máy thép nào" is
    answered with the plants named after its noun."""
    engine = _records_engine(tmp_path, model_cache, {
        "lang-son.md": ("# Lạng Sơn: xe chở hàng thông quan đầu năm 2024\n\n"
                        "Riêng ngày 1/1/2024, mặc dù 3 cửa khẩu: Cốc Nam, Na Hình, Nà Nưa không làm thủ tục thông quan "
                        "hàng hóa do phía Trung Quốc nghỉ Tết Dương lịch, nhưng số lượng xe chở hàng hóa thông quan qua "
                        "3 cửa khẩu Hữu Nghị, Chi Ma và Tân Thanh đã đạt gần 1.000 xe.\n"),
        "da-nang.md": ("# Đà Nẵng: sản xuất công nghiệp 6 tháng đầu năm 2018\n\n"
                       "Như sản xuất sắt thép giảm 11% do hoạt động của 2 nhà máy thép Dana Ý và Dana Úc bị gián đoạn, "
                       "sản xuất săm lốp cao su giảm 10,5%.\n")})
    assert _stated(engine, "Ngày 1/1/2024 những cửa khẩu nào của Lạng Sơn không làm thủ tục thông quan hàng hóa?") \
        in (None, "Cốc Nam, Na Hình, Nà Nưa")
    assert _stated(engine, "Ở Đà Nẵng, sản xuất sắt thép 6 tháng đầu năm 2018 giảm 11% do những nhà máy thép nào bị "
                           "gián đoạn?") == "Dana Ý và Dana Úc"


def test_where_a_thing_is_placed_is_read_after_the_verb_asked(tmp_path, model_cache):
    """"Chợ kiểu mẫu biên giới chung … đầu tiên được đặt ở đâu?" over "Chợ kiểu mẫu biên giới xã Đa được
    đặt tại khu vực cửa khẩu Đa của Campuchia": the subject's first words, its own name, the verb asked,
    then where (the province of the residents a later sentence names, "tỉnh Tây Ninh", had been stated
    at 0.89)."""
    engine = _records_engine(tmp_path, model_cache, {"tay-ninh.md": (
        "# Tây Ninh: chợ kiểu mẫu biên giới đầu tiên\n\n"
        "Chợ kiểu mẫu biên giới xã Đa được đặt tại khu vực cửa khẩu Đa của Campuchia. Đây là chợ kiểu mẫu biên giới "
        "đầu tiên được Việt Nam hỗ trợ xây dựng, nhằm tạo điều kiện cho cư dân biên giới của hai tỉnh Tây Ninh và "
        "Tboung Khmum qua lại giao thương.\n")})
    assert _stated(engine, "Chợ kiểu mẫu biên giới chung Việt Nam – Campuchia đầu tiên được đặt ở đâu?") in \
        (None, "khu vực cửa khẩu Đa của Campuchia")


def test_a_province_asked_leaves_a_word_alike_folded_and_a_lead_restated_is_broken_down(tmp_path, model_cache):
    """"Gia Lai … vi phạm giá điện": the province takes no "giá" from the question, nor from the lead
    that names it ("Công ty Điện lực Gia Lai phát hiện … vụ vi phạm sử dụng điện" had covered "giá");
    and the body restates the lead's whole before breaking it down ("… gồm 21 vụ trộm cắp điện,
    187 vụ vi phạm giá điện …"): a part named by the question is asked, not the whole."""
    engine = _records_engine(tmp_path, model_cache, {"dien.txt": (
        "Gia Lai: kiểm tra sử dụng điện\n\n"
        "Qua kiểm tra, Công ty Điện lực Gia Lai phát hiện gần 1.200 vụ vi phạm sử dụng điện.\n\n"
        "Từ đầu năm, công ty đã thực hiện trên 30.000 lượt kiểm tra. Qua kiểm tra phát hiện gần 1.200 vụ vi "
        "phạm sử dụng điện, gồm 21 vụ trộm cắp điện, 187 vụ vi phạm giá điện và 992 vụ vi phạm khác.\n")})
    assert _stated(engine, "Gia Lai phát hiện bao nhiêu vụ vi phạm giá điện?") == "187 vụ"
    assert _stated(engine, "Gia Lai phat hien bao nhieu vu trom cap dien?") == "21 vụ"


def test_a_ranking_of_the_other_trade_direction_answers_no_leader_asked(tmp_path, model_cache):
    """"… dẫn đầu cả nước về xuất khẩu?" is not ranked by the imports' list ("… có kim ngạch nhập khẩu
    cao nhất cả nước lần lượt là …"): the sentence that says who leads the exports answers."""
    engine = _records_engine(tmp_path, model_cache, {"xnk.txt": (
        "Xuất nhập khẩu 9 tháng năm 2023 của các địa phương\n\n"
        "Tính chung 9 tháng năm 2023, thành phố Hồ Chí Minh vẫn là địa phương dẫn đầu cả nước về kim ngạch xuất "
        "khẩu với 31,5 tỷ USD. Về nhập khẩu, 9 tháng đầu năm, 03 địa phương có kim ngạch nhập khẩu cao nhất cả "
        "nước lần lượt là Hà Nội (27,1 tỷ USD), Bắc Ninh (24,3 tỷ USD) và Hải Phòng (15,2 tỷ USD).\n")})
    assert _stated(engine, "9 tháng năm 2023, địa phương nào dẫn đầu cả nước về xuất khẩu?") in \
        (None, "thành phố Hồ Chí Minh")
    assert _stated(engine, "9 tháng năm 2023 địa phương nào có kim ngạch nhập khẩu cao nhất?") == "Hà Nội"


def test_an_events_year_is_no_period_and_a_count_of_provinces_no_amount(tmp_path, model_cache):
    """"Hội chợ … 2023 có bao nhiêu gian hàng …?": the year names the fair, whose month ("trong tháng
    8/2023") is its time, not a month's count; and "cả nước xuất khẩu được bao nhiêu?" is not answered
    by how many provinces exported over a billion ("09 tỉnh, thành phố")."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoi-cho.txt": "Hội chợ thương mại vùng cao Nghệ An năm 2023\n\n"
                       "Hội chợ dự kiến tổ chức 05 ngày trong tháng 8/2023 tại huyện Quỳ Hợp. Quy mô hội chợ khoảng "
                       "200 gian hàng; trong đó 60 gian hàng được ngân sách tỉnh hỗ trợ kinh phí, bao gồm: 22 gian "
                       "của các huyện miền núi; 38 gian hàng của các làng nghề.\n",
        "xuat-khau.txt": "Xuất khẩu tháng 9/2023\n\n"
                         "Trong tháng 9/2023, cả nước có 09 tỉnh, thành phố có kim ngạch xuất khẩu đạt trên 01 tỷ USD.\n",
    })
    assert _stated(engine, "Hội chợ thương mại vùng cao Nghệ An 2023 có bao nhiêu gian hàng được ngân sách tỉnh "
                           "hỗ trợ?") == "60 gian hàng"
    assert "09 tỉnh, thành phố" not in _weighed(engine, "Tháng 9/2023 cả nước xuất khẩu được bao nhiêu?")
    assert _stated(engine, "Tháng 9/2023 cả nước có bao nhiêu tỉnh có kim ngạch xuất khẩu trên 1 tỷ USD?") == \
        "09 tỉnh, thành phố"


def test_on_average_is_no_action_and_one_item_of_a_summed_list_is_its_part(tmp_path, model_cache):
    """"mỗi ngày xuất khẩu trung bình bao nhiêu toa?": the count after "xuất khẩu", not after "nhập khẩu
    trung bình" ("trung bình" had been read as the verb asked); and a whole that sums a list ("Tổng số
    tiền xử phạt vi phạm hành chính, tiền bán hàng hóa tịch thu, … và trị giá hàng hóa tiêu hủy …") does
    not answer a question that names one of its items, which the next sentence gives."""
    engine = _records_engine(tmp_path, model_cache, {
        "ga.txt": "Cửa khẩu ga đường sắt Đồng Đăng năm 2023\n\n"
                  "Tại cửa khẩu Ga đường sắt quốc tế Đồng Đăng, lưu lượng hàng hóa trung bình xuất khẩu 21 toa/ngày, "
                  "nhập khẩu trung bình 40-45 toa/ngày.\n",
        "qltt.txt": "Quản lý thị trường tỉnh Thái Bình tháng 5/2023\n\n"
                    "Trong tháng 5/2023, lực lượng Quản lý thị trường tỉnh Thái Bình đã kiểm tra 96 vụ. Tổng số tiền xử "
                    "phạt vi phạm hành chính, tiền bán hàng hóa tịch thu, tiền thu từ thu lợi bất hợp pháp và trị giá "
                    "hàng hóa tiêu hủy trong tháng 5 là 930.450.000 đồng. Trong đó, lực lượng chức năng đã xử phạt vi "
                    "phạm hành chính 715.200.000 đồng; tiền bán hàng hóa tịch thu 105.000.000 đồng.\n",
    })
    assert _stated(engine, "Ở cửa khẩu Ga đường sắt quốc tế Đồng Đăng năm 2023, mỗi ngày xuất khẩu trung bình bao "
                           "nhiêu toa?") == "21 toa/ngày"
    assert _stated(engine, "Tháng 5 Thái Bình xử phạt vi phạm hành chính bao nhiêu tiền?") == "715.200.000 đồng"


def test_a_span_of_months_in_words_and_among_the_whole_in_the_sentence_before(tmp_path, model_cache):
    """"Bốn tháng đầu năm 2023" is "4 tháng đầu năm 2023", also typed without marks ("bon" had been
    restored as "bón"); and "Trong số các sản phẩm tham gia bình chọn có 95 sản phẩm thủ công mỹ nghệ,
    …" breaks down the count the sentence before gives: the whole answers a question naming no part."""
    engine = _records_engine(tmp_path, model_cache, {
        "qltt.txt": "Quản lý thị trường Hưng Yên 4 tháng đầu năm 2023\n\n"
                    "Trong 4 tháng đầu năm 2023, lực lượng Quản lý thị trường tỉnh Hưng Yên đã kiểm tra 231 vụ và "
                    "xử lý 158 vụ vi phạm.\n",
        "binh-chon.txt": "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Nam Định năm 2019\n\n"
                         "Chương trình bình chọn sản phẩm công nghiệp nông thôn cấp tỉnh năm nay thu hút 204 sản "
                         "phẩm của 131 cơ sở, doanh nghiệp trong tỉnh tham gia, tăng gần gấp đôi so với năm trước. "
                         "Trong số các sản phẩm tham gia bình chọn có 95 sản phẩm thủ "
                         "công mỹ nghệ, 41 sản phẩm nông, lâm sản, 68 sản phẩm khác.\n",
    })
    assert _stated(engine, "Bốn tháng đầu năm 2023, QLTT Hưng Yên xử lý bao nhiêu vụ vi phạm?") == "158 vụ"
    assert _stated(engine, "Bon thang dau nam 2023 QLTT Hung Yen xu ly bao nhieu vu vi pham?") == "158 vụ"
    assert _stated(engine, "Nam Định năm 2019 có bao nhiêu sản phẩm tham gia bình chọn?") == "204 sản phẩm"
    assert _stated(engine, "Nam Dinh nam 2019 co bao nhieu san pham tham gia binh chon CNNT cap tinh?") == "204 sản phẩm"
    assert _stated(engine, "Nam Định năm 2019 có bao nhiêu sản phẩm thủ công mỹ nghệ tham gia bình chọn?") == \
        "95 sản phẩm"
    # a label written after its number is its own, not the next part's ("… mỹ nghệ, | 41 sản phẩm nông, lâm sản")
    assert _stated(engine, "Nam Định sản phẩm thủ công mỹ nghệ bao nhiêu năm 2019?") == "95 sản phẩm"


def test_who_a_question_says_someone_is_is_read_where_a_sentence_says_it(tmp_path, model_cache):
    """"Chủ cơ sở là ai?" over "… Đội Quản lý thị trường số 9 … chủ trì …" and "chủ cơ sở là ông
    Trần Văn Lộc": the sentence that says who the owner is, though the first covers "chủ" (of "chủ
    trì") and "cơ sở" too ("Đội Quản" had been stated)."""
    engine = _records_engine(tmp_path, model_cache, {"tui-xach.txt": (
        "Hà Nội: phát hiện túi xách giả nhãn hiệu\n\n"
        "Ngày 5/10, Đội Quản lý thị trường số 9 (Chi cục Quản lý thị trường Thành phố Hà Nội) chủ trì kiểm tra một "
        "cơ sở kinh doanh túi xách tại Thành phố Hà Nội. Theo thông tin ban đầu, chủ cơ sở là ông Trần Văn Lộc.\n")})
    assert _stated(engine, "Hà Nội chủ cơ sở là ai?") == "Trần Văn Lộc"


def test_one_provinces_figures_rank_no_provinces_and_second_largest_is_not_the_largest(tmp_path, model_cache):
    """"Tỉnh nào xuất siêu lớn nhất …?" is not ranked by one province's own figures ("Bình Dương …
    xuất siêu 8,13 tỷ USD … xuất khẩu đạt 28,97 tỷ USD và … nhập khẩu đạt 20,84 tỷ USD"), nor answered
    by the sentence that names the second ("… là địa phương xuất siêu lớn thứ 2"): the one that says "lớn nhất"."""
    engine = _records_engine(tmp_path, model_cache, {"xuat-sieu.txt": (
        "Các địa phương xuất siêu 10 tháng đầu năm 2022\n\n"
        "Vĩnh Phúc là địa phương xuất siêu lớn nhất trong 63 tỉnh, thành. Lũy kế 10 tháng đầu năm 2022, Vĩnh Phúc "
        "xuất siêu 9,7 tỷ USD.\n\n"
        "Sau Vĩnh Phúc, Bình Dương là địa phương xuất siêu lớn thứ 2 cả nước, đạt 8,13 tỷ USD trong 10 tháng đầu "
        "năm 2022. Cụ thể, kim ngạch xuất khẩu của Bình Dương đạt 28,97 tỷ USD và kim ngạch nhập khẩu đạt 20,84 tỷ "
        "USD trong 10 tháng đầu năm 2022.\n")})
    assert _stated(engine, "Tỉnh nào xuất siêu lớn nhất cả nước trong 10 tháng đầu năm 2022?") in (None, "Vĩnh Phúc")


def test_a_level_asked_is_not_a_share_of_the_plan_and_a_fine_is_money(tmp_path, model_cache):
    """"Xuất khẩu … đạt bao nhiêu?" asks the level ("1.250 triệu USD"), not "đạt 211,5% kế hoạch" beside
    it; "các hộ bị phạt tổng cộng bao nhiêu?" asks the fines, not how many households ("3 hộ")."""
    engine = _records_engine(tmp_path, model_cache, {
        "hai-quan.txt": "Xuất nhập khẩu qua Cục Hải quan Cao Bằng năm 2023\n\n"
                        "Năm 2023, kim ngạch xuất nhập khẩu mở tờ khai tại Cục Hải quan Cao Bằng đạt 1.975 triệu USD, "
                        "đạt 130% kế hoạch; xuất khẩu 1.250 triệu USD, đạt 211,5% kế hoạch, tăng 68,8% so với cùng kỳ.\n",
        "dong-thap.txt": "Đồng Tháp xử phạt hộ kinh doanh hàng nhập lậu\n\n"
                         "Đội Quản lý thị trường số 3 tỉnh Đồng Tháp kiểm tra 3 hộ kinh doanh điện thoại nhập lậu; "
                         "các hộ bị phạt tổng cộng 90 triệu đồng.\n",
    })
    assert _stated(engine, "Xuất khẩu mở tờ khai tại Cục Hải quan Cao Bằng đạt bao nhiêu năm 2023?") in \
        (None, "1.250 triệu USD")
    assert "211,5%" not in _weighed(engine, "Xuất khẩu mở tờ khai tại Cục Hải quan Cao Bằng đạt bao nhiêu năm 2023?")
    assert _stated(engine, "Đồng Tháp các hộ bị phạt tổng cộng bao nhiêu?") == "90 triệu đồng"


def test_a_percentage_sign_says_phan_tram(seed_engine):
    """"… tăng bao nhiêu phần trăm so với năm 2019?" is covered by "tăng 10,59% so với năm 2019" as by
    "tăng 10,59 phần trăm …": the sign is the words (the sentence had covered half the question, below
    the bar, and nothing was found)."""
    from kcqa.ask.candidates import Evidence
    q = parse_question("Điện thương phẩm của Quảng Ngãi năm 2020 tăng bao nhiêu phần trăm so với năm 2019?")
    ctx = Evidence(seed_engine, q, [], None)
    sign = ctx.coverage("Điện thương phẩm thực hiện 1.714 triệu kWh, tăng 10,59% so với năm 2019")
    words = ctx.coverage("Điện thương phẩm thực hiện 1.714 triệu kWh, tăng 10,59 phần trăm so với năm 2019")
    assert sign == words > 0.9


def test_which_item_place_and_award_a_figure_is_said_of(tmp_path, model_cache):
    """A list's lead is every item's ("Tỷ lệ lấp đầy trên diện tích đất quy hoạch đạt 62,60%, trên diện
    tích đất thu hồi 87,16%": the first item had been the only one naming "tỷ lệ lấp đầy"); a level asked
    is not where a rise started ("tăng từ 87% lên 91%"); "của 1 người tiêu dùng" counts no one; a figure
    several places share ("TPHCM, … và Bình Dương có … trên 10 tỷ USD") is no one's own; a count over all
    awards ("để trao giải A, B, C") is not one award's; another district's count, or the province's own,
    is not the district asked; a place before "bao nhiêu" is no action counted."""
    engine = _records_engine(tmp_path, model_cache, {
        "kcn.txt": "Các khu công nghiệp Bắc Ninh năm 2017\n\nTính đến tháng 12/2017, các khu công nghiệp Bắc Ninh đã "
                   "cho thuê 1.632,95 ha đất công nghiệp; tỷ lệ lấp đầy trên diện tích đất quy hoạch đạt 62,60%, trên "
                   "diện tích đất thu hồi 87,16%.\n",
        "tmdt.txt": "Mua sắm trực tuyến năm 2021\n\nNăm 2021, tỷ lệ người tiêu dùng đặt hàng qua điện thoại di động "
                    "tăng từ 87% lên 91%. Giá trị mua sắm trực tuyến của 1 người tiêu dùng Việt Nam năm 2021 là 251 "
                    "USD.\n",
        "xk.txt": "Xuất khẩu của các địa phương 4 tháng năm 2024\n\nTPHCM, Bắc Ninh, Thái Nguyên và Bình Dương có kim "
                  "ngạch xuất khẩu trên 10 tỷ USD trong 4 tháng năm 2024. Kim ngạch xuất khẩu của Bình Dương đạt "
                  "10,7 tỷ USD.\n",
        "cnnt.txt": "Quảng Nam bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm 2024\n\nBan giám khảo đã chọn "
                    "ra 20 sản phẩm đạt điểm cao nhất để trao giải A, B, C và Khuyến khích.\n",
        "xang-dau.txt": "Nghệ An: cửa hàng xăng dầu dừng hoạt động năm 2023\n\nNăm 2023, Nghệ An có 12 cửa hàng "
                        "xăng dầu dừng hoạt động. Tiếp theo là huyện Nam Đàn với 2 cửa hàng dừng hoạt động.\n",
        "ebi.txt": "Chỉ số thương mại điện tử của Đà Nẵng năm 2024\n\nĐiểm các chỉ số thành phần của Đà Nẵng là: chỉ "
                   "số B2C 31 điểm; chỉ số B2B 52 điểm. Tổng điểm các chỉ số thành phần của Đà Nẵng là 47 điểm.\n",
    })
    weighed = _weighed(engine, "Ở Bắc Ninh, tính trên diện tích đất thu hồi thì tỷ lệ lấp đầy là bao nhiêu?")
    assert "87,16%" in weighed and "62,60%" not in weighed
    weighed = _weighed(engine, "Năm 2021 tỷ lệ người tiêu dùng đặt hàng qua điện thoại di động là bao nhiêu?")
    assert "91%" in weighed and "87%" not in weighed
    assert "1 người" not in _weighed(engine, "Năm 2021 Việt Nam có bao nhiêu người mua sắm trực tuyến?")
    weighed = _weighed(engine, "4 tháng năm 2024 Bình Dương xuất khẩu đạt bao nhiêu?")
    assert "10,7 tỷ USD" in weighed and "trên 10 tỷ USD" not in weighed
    assert "20 sản phẩm" not in _weighed(engine, "Ở Quảng Nam, có bao nhiêu sản phẩm được trao giải B?")
    assert not _weighed(engine, "Năm 2023 huyện Yên Thành (Nghệ An) có mấy cửa hàng xăng dầu dừng hoạt động?") \
        & {"2 cửa hàng", "12 cửa hàng"}
    assert "2 cửa hàng" in _weighed(engine, "Năm 2023 huyện Nam Đàn có mấy cửa hàng xăng dầu dừng hoạt động?")
    assert "52 điểm" in _weighed(engine, "Chỉ số B2B của Đà Nẵng được bao nhiêu điểm năm 2024?")


def test_a_place_in_a_companys_name_is_no_person_and_the_investor_is_a_body(tmp_path, model_cache):
    """"Ai làm chủ đầu tư …?" of "… do CTCP Năng lượng Tái tạo Vĩnh Châu - TDC làm chủ đầu tư": "Vĩnh
    Châu", inside the company's name, had been answered as the person; the body said to hold the role
    asked is the answer, of the plant the question names."""
    engine = _records_engine(tmp_path, model_cache, {
        "dien-gio.txt": "Sóc Trăng: hai nhà máy điện gió hòa lưới\n\nNhà máy Điện gió Lạc Hòa đặt tại thị xã Vĩnh Châu, "
                        "tỉnh Sóc Trăng do CTCP Năng lượng Tái tạo Vĩnh Châu - TDC làm chủ đầu tư.\n\nNhà máy Điện "
                        "gió Quốc Vinh đặt tại thị xã Vĩnh Châu, tỉnh Sóc Trăng do Công ty TNHH Điện gió Quốc Vinh "
                        "Sóc Trăng chủ đầu tư.\n",
    })
    assert _stated(engine, "Ai làm chủ đầu tư Nhà máy điện gió Lạc Hòa?") == "CTCP Năng lượng Tái tạo Vĩnh Châu - TDC"
    assert _stated(engine, "Ai làm chủ đầu tư Nhà máy Điện gió Quốc Vinh?") == "Công ty TNHH Điện gió Quốc Vinh Sóc Trăng"


def test_a_bar_a_milestone_a_pool_and_the_parts_of_a_whole_described(tmp_path, model_cache):
    """A level asked is not the bar a counted set clears ("09 tỉnh … đạt trên 01 tỷ USD"), nor a milestone
    whose exact level the bracket states ("vượt mốc 10 tỷ USD (đạt 10,8 tỷ USD)"); a sum of the counted
    set is no bar ("có 348 dự án … với tổng số vốn đăng ký hơn 5.738 tỷ đồng"). In a selection, "Từ 218
    sản phẩm …" is the pool, not those chosen; "Trong số các sản phẩm … có 21 sản phẩm cấp lại, …" breaks
    down the whole its opening words describe (the question's "cấp tỉnh" had named the part "cấp lại");
    the count the verb asked is said of ("chọn ra 20 sản phẩm … để trao giải") is weighed."""
    engine = _records_engine(tmp_path, model_cache, {
        "xk.txt": "Xuất khẩu tháng 9/2023\n\nTrong tháng 9/2023, cả nước có 09 tỉnh, thành phố có kim ngạch xuất khẩu "
                  "đạt trên 01 tỷ USD; 05 địa phương cao nhất là: Bắc Ninh, Bắc Giang, Hải Phòng và Bình Dương.\n",
        "tmdt.txt": "Thương mại điện tử B2C\n\nNếu như năm 2018, doanh thu thương mại điện tử B2C Việt Nam mới chỉ đạt "
                    "khoảng 8 tỷ USD, thì đến năm 2019, đã vượt mốc 10 tỷ USD (đạt 10,8 tỷ USD).\n",
        "ccn.txt": "Cụm công nghiệp Hà Tĩnh năm 2025\n\nTheo đó, có 348 dự án đã đầu tư vào các CCN với tổng số vốn "
                   "đăng ký hơn 5.738 tỷ đồng.\n",
        "cnnt.txt": "Sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2024\n\nCục trưởng Cục Công Thương "
                    "địa phương đã ban hành quyết định về việc công nhận 126 sản phẩm là sản phẩm công nghiệp nông thôn "
                    "tiêu biểu khu vực phía Bắc năm 2024. Từ 218 sản phẩm CNNT tiêu biểu cấp tỉnh của hơn 200 cơ sở "
                    "CNNT trong khu vực phía Bắc đăng ký tham gia bình chọn cấp khu vực được Ban Giám khảo chấm điểm, "
                    "Hội đồng bình xét đã thông qua danh sách.\n",
        "ocop.txt": "Quảng Ninh: OCOP 4 sao năm 2023\n\nTheo đó, toàn tỉnh có 40 sản phẩm được công nhận và cấp giấy "
                    "chứng nhận đạt 4 sao OCOP cấp tỉnh năm 2023. Trong đó, 1 sản phẩm có tiềm năng đạt 5 sao.\n\n"
                    "Trong số các sản phẩm được cấp giấy chứng nhận đạt 4 sao OCOP cấp tỉnh năm 2023 có 21 sản phẩm cấp "
                    "lại, 7 sản phẩm cấp mới và 12 sản phẩm nâng hạng.\n",
        "qn.txt": "Quảng Nam dự kiến trao giải cho 20 sản phẩm năm 2024\n\nTrong số 68 sản phẩm được công nhận sản "
                  "phẩm công nghiệp nông thôn (CNNT) tiêu biểu năm 2024, Ban giám khảo đã chọn ra 20 sản phẩm đạt điểm "
                  "cao nhất để trao giải A, B, C và Khuyến khích.\n",
    })
    assert "trên 01 tỷ USD" not in _weighed(engine, "Tháng 9/2023 cả nước xuất khẩu được bao nhiêu?")
    weighed = _weighed(engine, "Doanh thu TMĐT B2C của Việt Nam năm 2019 là bao nhiêu?")
    assert "10,8 tỷ USD" in weighed and "10 tỷ USD" not in weighed
    assert "hơn 5.738 tỷ đồng" in _weighed(engine, "348 dự án vào các CCN ở Hà Tĩnh có tổng vốn đăng ký bao nhiêu?")
    weighed = _weighed(engine, "Năm 2024 có bao nhiêu sản phẩm được công nhận CNNT tiêu biểu khu vực phía Bắc?")
    assert "126 sản phẩm" in weighed and "218 sản phẩm" not in weighed
    weighed = _weighed(engine, "Năm 2023 Quảng Ninh có bao nhiêu sản phẩm được công nhận OCOP 4 sao cấp tỉnh?")
    assert "40 sản phẩm" in weighed and "21 sản phẩm" not in weighed
    assert "20 sản phẩm" in _weighed(engine, "Năm 2024 Quảng Nam dự kiến trao giải cho bao nhiêu sản phẩm CNNT tiêu biểu?")


def test_a_good_asked_is_never_a_body(tmp_path, model_cache):
    """"… chủ yếu là mặt hàng gì?" is not answered by the customs office that reports it ("Cục Hải
    quan Lạng Sơn" had been stated)."""
    engine = _records_engine(tmp_path, model_cache, {
        "lang-son.txt": "Lạng Sơn: xuất nhập khẩu năm 2023\n\nNăm 2023, tổng kim ngạch xuất nhập khẩu hàng hóa qua địa "
                        "bàn tỉnh Lạng Sơn tăng mạnh. Trong đó, kim ngạch xuất nhập khẩu hàng hóa mở tờ khai hải quan "
                        "tại Cục Hải quan Lạng Sơn đạt 4.250 triệu USD. Xuất khẩu hàng hóa địa phương đạt 156 triệu "
                        "USD, tăng 9,9% (mặt hàng chủ yếu là thạch đen, hoa hồi, nhựa thông, ván bóc).\n",
    })
    assert _stated(engine, "Hàng hóa địa phương Lạng Sơn xuất khẩu năm 2023 chủ yếu là mặt hàng gì?") != \
        "Cục Hải quan Lạng Sơn"


def test_a_good_is_named_with_its_kind(tmp_path, model_cache):
    """"Sản phẩm nào …?" of "… có sản phẩm cơm sấy Nhật Quỳnh của Công ty TNHH … Nhật Quỳnh": the good
    with the kind written in lower case before its brand (found on a probe read after it was scored:
    "Nhật Quỳnh" alone had been stated)."""
    engine = _records_engine(tmp_path, model_cache, {
        "vinh-long.txt": "Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2017\n\nTrong đó, Vĩnh Long có sản "
                         "phẩm cơm sấy Nhật Quỳnh của Công ty TNHH TM- DV- SX thực phẩm Nhật Quỳnh (Hòa Thạnh- Tam Bình) "
                         "được công nhận và tôn vinh.\n",
    })
    assert _stated(engine, "Sản phẩm nào của Vĩnh Long đạt CNNT tiêu biểu cấp quốc gia năm 2017?") == "cơm sấy Nhật Quỳnh"


def test_a_part_asked_after_its_whole_is_broken_down_after_the_whole_answered(tmp_path, model_cache):
    """"Trong đó bao nhiêu sản phẩm 4 sao?" after "… công nhận lại bao nhiêu sản phẩm …?" answered "13 sản
    phẩm": the part is where that sentence breaks the 13 down, not the other group's 4-star count (07,
    stated at 0.91); a part of another kind than the figure answered is not looked for after it."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "thai-nguyen-ocop.txt": "Thái Nguyên công nhận sản phẩm OCOP năm 2022\n\nTheo đó, UBND tỉnh Thái Nguyên đã công "
                                "nhận 44 sản phẩm xếp hạng đạt tiêu chuẩn sản phẩm OCOP lần đầu năm 2022, gồm 07 sản phẩm "
                                "đạt hạng 4 sao, 37 sản phẩm đạt hạng 3 sao; công nhận lại 13 sản phẩm đã hết hạn chứng "
                                "nhận OCOP, gồm 04 sản phẩm đạt hạng 4 sao, 09 sản phẩm đạt hạng 3 sao.\n",
    })
    conv = Conversation(id="t")
    first = engine.ask("Năm 2022 Thái Nguyên công nhận lại bao nhiêu sản phẩm OCOP đã hết hạn?", conv)
    assert first.value.text == "13 sản phẩm"
    part = engine.ask("Trong đó bao nhiêu sản phẩm 4 sao?", conv)
    assert part.status == "answered" and part.value.text == "04 sản phẩm"


def test_readings_found_on_the_probes_of_year_end_reviews_fairs_and_prices(tmp_path, model_cache):
    """Found on probes read after they were scored, each a reading many records need:
    - "Riêng năm 2016 …" is not the stock up to now ("Đến nay đã có 1.349 hợp đồng … được ký kết");
    - "so với cùng tháng năm trước" is the same period a year before, also written before its verb
      ("…, so với cùng tháng năm trước tăng 6,03%"; the month-on-month 0,22% had been stated);
    - a document's letters may be joined by "&" ("1966/SGD&ĐT-KHTC" had been cut at "&");
    - "nhóm hàng nào có …" is not answered by "nhóm hàng có", the question's own words;
    - "nhóm thủ công mỹ nghệ có bao nhiêu sản phẩm …" counts no action "mỹ nghệ" (the next item's
      42/73, written after those words, had been the only count weighed);
    - the person who led the meeting says which record is meant, not what the sentence says."""
    engine = _records_engine(tmp_path, model_cache, {
        "hcm.txt": "Kết nối cung cầu TP.HCM năm 2016\n\nHội nghị kết nối cung - cầu năm 2016 đã không còn gói gọn ở khu "
                   "vực miền Nam. Đến nay đã có 1.349 hợp đồng cung ứng, tiêu thụ sản phẩm được ký kết giữa các địa "
                   "phương.\n",
        "ha-tinh.txt": "Hà Tĩnh: CPI tháng 12 năm 2020\n\nLương thực, thực phẩm: Chỉ số giá lương thực tăng 0,22% so với "
                       "tháng trước, so với cùng tháng năm trước tăng 6,03%.\n",
        "nghe-an.txt": "Nghệ An: CPI tháng 9 năm 2024\n\nTháng 9/2024, dịch vụ giáo dục thực hiện theo Quyết định "
                       "1966/SGD&ĐT-KHTC ngày 5/9/2024 của Sở Giáo dục và Đào tạo.\n",
        "da-nang.txt": "Đà Nẵng: CPI quý I năm 2023\n\nNhững nhóm hàng có chỉ số giá tăng cao hơn so với mức tăng chung, "
                       "đó là: nhà ở, điện, nước, chất đốt và vật liệu xây dựng (+21,59%); giáo dục (+11,5%).\n",
        "cnnt.txt": "Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2017\n\nChia theo nhóm sản phẩm: có 19/34 "
                    "sản phẩm thủ công mỹ nghệ, 42/73 sản phẩm chế biến nông- lâm- thủy sản và đồ uống, 22/31 sản phẩm "
                    "máy móc, thiết bị, dụng cụ và phụ tùng cơ khí.\n",
        "an-giang.txt": "Hội nghị tổng kết ngành Công Thương năm 2019\n\nTham dự và chủ trì Hội nghị có đồng chí Nguyễn "
                        "Minh Hùng – Giám đốc Sở Công Thương. Năm 2019, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước "
                        "đạt 123.363 tỷ đồng, tăng 25,6% so cùng kỳ.\n",
    })
    assert "1.349 hợp đồng" not in _weighed(engine, "Riêng năm 2016 TP.HCM ký được bao nhiêu hợp đồng cung ứng?")
    assert _stated(engine, "Hà Tĩnh tháng 12/2020, chỉ số giá lương thực tăng bao nhiêu so với cùng tháng năm "
                           "trước?") == "6,03%"
    assert "1966/SGD&ĐT-KHTC" in (_stated(engine, "Tháng 9/2024, dịch vụ giáo dục ở Nghệ An thực hiện theo quyết "
                                                  "định nào?") or "")
    assert _stated(engine, "Quý I/2023 ở Đà Nẵng, nhóm hàng nào có chỉ số giá tăng 21,59%?") != "nhóm hàng có"
    assert "19/34 sản phẩm" in _weighed(engine, "Năm 2017 nhóm thủ công mỹ nghệ có bao nhiêu sản phẩm đạt CNNT "
                                                "tiêu biểu cấp quốc gia?")
    assert _stated(engine, "Hội nghị tổng kết năm 2019 do Giám đốc Sở Nguyễn Minh Hùng chủ trì: tổng mức bán lẻ hàng "
                           "hóa và doanh thu dịch vụ ước đạt bao nhiêu?") == "ước đạt 123.363 tỷ đồng"


def test_what_a_question_excepts_does_not_answer_it(tmp_path, model_cache):
    """"Ngoài các huyện miền núi thì có bao nhiêu điểm bán?" asks the rest: "tập trung tại các huyện miền
    núi 31 điểm bán" is what it excepts (it had been stated at 0.90), "còn lại … 35 điểm bán" may answer."""
    engine = _records_engine(tmp_path, model_cache, {
        "quang-nam.txt": "Quảng Nam chuẩn bị hàng Tết năm 2011\n\nQuảng Nam dự kiến phân bổ tại 66 điểm bán hàng bình ổn "
                         "giá. Trong đó, tập trung tại các huyện miền núi 31 điểm bán, còn lại tổ chức 35 điểm bán ở các "
                         "vùng còn lại trên địa bàn.\n",
    })
    weighed = _weighed(engine, "Ở Quảng Nam, ngoài các huyện miền núi thì có bao nhiêu điểm bán?")
    assert "31 điểm bán" not in weighed
    assert "31 điểm bán" in _weighed(engine, "Ở Quảng Nam, các huyện miền núi có bao nhiêu điểm bán?")


def test_a_good_counted_by_the_piece_is_named_by_the_label_before_its_count(tmp_path, model_cache):
    """"bao nhiêu trứng gia cầm …?" of "…; trứng gia cầm khoảng 401 triệu quả; …": the item's label opens
    the noun asked, which the question runs on with its own words; a piece ("quả") counts it as a
    tonne weighs a good (the count had been ruled out by its unit)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ha-noi.txt": "Hà Nội chuẩn bị hàng Tết Bính Ngọ 2026\n\nHà Nội chuẩn bị hàng Tết: gạo khoảng 301 nghìn tấn; thịt "
                      "bò 16 nghìn tấn; trứng gia cầm khoảng 401 triệu quả.\n",
    })
    assert "khoảng 401 triệu quả" in _weighed(engine, "Hà Nội chuẩn bị bao nhiêu trứng gia cầm cho Tết?")


def test_a_document_is_of_the_kind_its_subject_names_and_of_the_words_asked(tmp_path, model_cache):
    """"Kết luận kiểm tra … là văn bản số mấy?" is a kết luận ("Văn bản số 512/KL-SCT"), not the quyết
    định the same sentence cites after it; of two resolutions a sentence lists, the one asked is the
    one whose own words say what the question asks, not the first (probes 151-152 had stated each)."""
    engine = _records_engine(tmp_path, model_cache, {
        "kiem-tra-xang-dau.txt":
            "Kiểm tra kinh doanh xăng dầu năm 2024\n\nNgày 05/12/2024, Giám đốc Sở Công Thương đã ban hành Văn bản số "
            "512/KL-SCT kết luận kiểm tra việc chấp hành quy định về kinh doanh xăng dầu năm 2024, theo Quyết định số "
            "77/QĐ-SCT ngày 10/6/2024 của Giám đốc Sở về việc kiểm tra kinh doanh xăng dầu.\n",
        "chinh-sach-tinh.txt":
            "Chính sách công nghiệp của tỉnh\n\nSở Công Thương đã tham mưu ban hành 2 chính sách gồm: Nghị quyết số "
            "41/2022/NQ-HĐND (Nghị quyết 41) của Hội đồng nhân dân tỉnh quy định chính sách khuyến công và phát triển "
            "làng nghề; Nghị quyết số 58/2023/NQ-HĐND (Nghị quyết 58) của Hội đồng nhân dân tỉnh quy định về chính "
            "sách phát triển công nghiệp chế biến nông sản.\n",
    })
    assert _stated(engine, "Kết luận kiểm tra kinh doanh xăng dầu năm 2024 của Sở Công Thương là văn bản số mấy?") \
        == "Văn bản số 512/KL-SCT"
    assert _stated(engine, "Nghị quyết nào của HĐND tỉnh quy định chính sách phát triển công nghiệp chế biến nông "
                           "sản?") == "Nghị quyết số 58/2023/NQ-HĐND"
    assert _stated(engine, "Nghị quyết nào của HĐND tỉnh quy định chính sách khuyến công?") \
        == "Nghị quyết số 41/2022/NQ-HĐND"


def test_licences_granted_and_revoked_are_counted_apart(tmp_path, model_cache):
    """"bao nhiêu giấy chứng nhận" counts papers, not seconds ("giấy" folds to "giây": the question had
    wanted a duration and nothing answered); "thu hồi bao nhiêu …" is the count right after "thu hồi",
    also typed without marks (folded "hoi" had been dropped as the question word "hỏi", and the
    licences granted were stated at 0.97)."""
    engine = _records_engine(tmp_path, model_cache, {
        "hoa-chat.txt":
            "Quản lý hóa chất 6 tháng năm 2024\n\nTrong 6 tháng, Sở Công Thương đã cấp 23 giấy chứng nhận đủ điều "
            "kiện sản xuất, kinh doanh hóa chất, thẩm định 8 hồ sơ, thu hồi 4 giấy chứng nhận (không duy trì điều "
            "kiện).\n",
    })
    assert _stated(engine, "6 tháng năm 2024, Sở Công Thương đã cấp bao nhiêu giấy chứng nhận đủ điều kiện sản xuất, "
                           "kinh doanh hóa chất?").startswith("23 giấy chứng nhận")
    assert _stated(engine, "6 thang nam 2024 So Cong Thuong thu hoi bao nhieu giay chung nhan hoa chat?") \
        == "4 giấy chứng nhận"


def test_an_item_of_a_list_says_its_kind_by_an_abbreviation_too(tmp_path, model_cache):
    """"bao nhiêu lượt doanh nghiệp" of "… hơn 80.000 lượt DN và 60.000 gian hàng, thu hút hơn 4 triệu lượt
    người dân tới tham quan": "DN" is "doanh nghiệp" (the people's visits had been stated)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ban-hang.txt":
            "Đưa hàng Việt về nông thôn\n\nQua 8 năm, các địa phương đã tổ chức gần 3.000 đợt bán hàng về nông thôn "
            "với sự tham gia của hơn 80.000 lượt DN và 60.000 gian hàng, thu hút hơn 4 triệu lượt người dân tới "
            "tham quan mua sắm.\n",
    })
    assert _stated(engine, "Qua 8 năm, các đợt bán hàng về nông thôn có bao nhiêu lượt doanh nghiệp tham gia?") \
        == "hơn 80.000 lượt"
    assert _stated(engine, "Qua 8 năm, các đợt bán hàng về nông thôn thu hút bao nhiêu lượt người dân?") \
        == "hơn 4 triệu lượt"


def test_an_item_after_a_colon_is_named_by_its_capitalised_label(tmp_path, model_cache):
    """"… bình quân 9 tháng là 75,6%, trong đó một số ngành có tỷ lệ tồn kho cao: Dệt 119,3%; …": the
    item's label is capitalised as a list item's, not as a name, and "ngành dệt" names that part
    (the whole had been stated at 0.98, with and without marks)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ton-kho.txt":
            "Tồn kho ngành chế biến, chế tạo\n\nTỷ lệ tồn kho toàn ngành chế biến, chế tạo bình quân 6 tháng năm 2021 "
            "là 78,4%, trong đó một số ngành có tỷ lệ tồn kho cao: Dệt 121,5%; sản xuất giấy và sản phẩm từ giấy "
            "106,2%; sản xuất xe có động cơ 93,7%.\n",
    })
    assert _stated(engine, "Tỷ lệ tồn kho bình quân 6 tháng năm 2021 của ngành dệt là bao nhiêu?") == "121,5%"
    assert _stated(engine, "nganh det thi ty le ton kho binh quan 6 thang nam 2021 la bao nhieu?") == "121,5%"
    assert _stated(engine, "Tỷ lệ tồn kho toàn ngành chế biến, chế tạo bình quân 6 tháng năm 2021 là bao "
                           "nhiêu?") == "78,4%"


def test_a_title_written_after_a_name_without_a_comma_is_no_part_of_it():
    """"ông Trần Đức Thắng Bí thư Tỉnh uỷ thông tin": the name ends before "Bí thư" (it had been
    answered "Trần Đức Thắng Bí")."""
    from kcqa.ask.entities import _person_names
    text = "Tại hội nghị, ông Trần Đức Thắng Bí thư Tỉnh uỷ thông tin, bà Lê Thị Hoa Giám đốc Sở phát biểu."
    assert [text[a:b] for a, b in _person_names(text)][:2] == ["Trần Đức Thắng", "Lê Thị Hoa"]


def test_how_a_figure_moved_against_a_base_is_its_change_whichever_way(tmp_path, model_cache):
    """"… biến động thế nào so với cùng kỳ?" asks how much it rose or fell (it had been a passage, or a
    name); and the words of the change asked ("tăng hay giảm", the "biến" of "biến động") name no part
    of a whole that fell ("ngành … tăng 0,6%", "chế biến"): the whole had been ruled out as a part's."""
    engine = _records_engine(tmp_path, model_cache, {
        "iip.txt":
            "Sản xuất công nghiệp 9 tháng năm 2024\n\nTheo Sở Công Thương, 9 tháng năm 2024, chỉ số sản xuất công "
            "nghiệp giảm 0,5% so với cùng kỳ; trong đó: ngành khai khoáng giảm 8,2%; ngành công nghiệp chế biến, chế "
            "tạo giảm 1,1%; ngành sản xuất và phân phối điện tăng 0,6% so với cùng kỳ.\n",
    })
    for question in ("9 tháng năm 2024 chỉ số sản xuất công nghiệp biến động thế nào so với cùng kỳ?",
                     "9 thang nam 2024 chi so san xuat cong nghiep bien dong the nao so voi cung ky?",
                     "9 tháng năm 2024 chỉ số sản xuất công nghiệp tăng hay giảm bao nhiêu so với cùng kỳ?"):
        assert _stated(engine, question) == "giảm 0,5%", question
    assert _stated(engine, "9 tháng năm 2024 chỉ số sản xuất ngành khai khoáng biến động thế nào so với cùng "
                           "kỳ?") == "giảm 8,2%"


def test_a_sentence_of_the_same_time_takes_the_period_of_the_one_before(tmp_path, model_cache):
    """"… chỉ trong 6 tháng đầu năm 2019, Cục … đã tiếp nhận … | Đồng thời, tổng đài … đã ghi nhận 4.120
    cuộc gọi đến": the count is of those six months, not the record's year alone (it had failed the period
    asked); a sentence that names its own period keeps it."""
    engine = _records_engine(tmp_path, model_cache, {
        "tong-dai.txt":
            "Bảo vệ người tiêu dùng năm 2019\n\nTheo đó, chỉ trong 6 tháng đầu năm 2019, Cục Cạnh tranh và "
            "Bảo vệ người tiêu dùng đã tiếp nhận và xử lý trên 1.300 khiếu nại của người tiêu dùng.\n\nĐồng thời, tổng "
            "đài tư vấn hỗ trợ người tiêu dùng thuộc Cục đã ghi nhận 4.120 cuộc gọi đến, trong đó các tổng đài viên đã "
            "trả lời 2.300 cuộc gọi.\n",
    })
    assert _stated(engine, "6 tháng đầu năm 2019, tổng đài tư vấn của Cục Cạnh tranh và Bảo vệ người tiêu dùng ghi nhận "
                           "bao nhiêu cuộc gọi đến?") == "4.120 cuộc"


def test_a_rating_asked_is_a_part_of_a_stock_of_a_range_of_ratings(tmp_path, model_cache):
    """"Đến nay, tỉnh … đã có 210 sản phẩm OCOP đạt từ 3 sao trở lên. Trong đó, …; 52 sản phẩm đạt 4 sao; …":
    a range of ratings states no one rating, and a question naming no period asks the stock; the 4-star
    part answers "bao nhiêu sản phẩm OCOP đạt 4 sao?" (it had been ruled out as a part not asked)."""
    engine = _records_engine(tmp_path, model_cache, {
        "ocop.txt":
            "Nghệ An đẩy mạnh sản phẩm OCOP\n\nĐến nay, tỉnh Nghệ An đã có 210 sản phẩm OCOP đạt từ 3 sao trở lên. "
            "Trong đó, có 2 sản phẩm đạt 5 sao; 52 sản phẩm đạt 4 sao; 156 sản phẩm đạt 3 sao.\n",
    })
    assert _stated(engine, "Nghệ An có bao nhiêu sản phẩm OCOP đạt 4 sao?") == "52 sản phẩm"
    assert _stated(engine, "Nghệ An có bao nhiêu sản phẩm OCOP đạt từ 3 sao trở lên?") == "210 sản phẩm"


def test_an_item_told_by_what_was_done_to_it_is_named_by_those_words(tmp_path, model_cache):
    """"… có 12 HTX được hỗ trợ ứng dụng máy móc trong sản xuất chế biến, bảo quản chè và nông sản; 3 HTX được
    hỗ trợ máy móc thiết bị trong sản xuất gia công đồ gỗ; …": each item's kind is told after "được", and
    the question's words name the first (its neighbour had been stated at 0.86)."""
    engine = _records_engine(tmp_path, model_cache, {
        "htx.txt":
            "Hỗ trợ hợp tác xã đổi mới máy móc\n\nGiai đoạn 2016-2021, tỉnh Phú Thọ đã hỗ trợ 19 HTX. Cụ thể, có 12 HTX "
            "được hỗ trợ ứng dụng máy móc trong sản xuất chế biến, bảo quản chè và nông sản; 3 HTX được hỗ trợ máy "
            "móc thiết bị trong sản xuất gia công đồ gỗ; 4 HTX được hỗ trợ máy móc thiết bị trong sản xuất hàng may "
            "mặc.\n",
    })
    assert _stated(engine, "Giai đoạn 2016-2021, bao nhiêu HTX ở Phú Thọ được hỗ trợ máy móc chế biến, bảo quản chè và "
                           "nông sản?") == "12 HTX"
    assert _stated(engine, "Giai đoạn 2016-2021, bao nhiêu HTX ở Phú Thọ được hỗ trợ máy móc sản xuất hàng may mặc?") \
        == "4 HTX"


def test_a_count_of_those_that_moved_one_way_is_not_of_those_that_moved_the_other(tmp_path, model_cache):
    """"GRDP … tăng ở 58 địa phương và giảm ở 5 địa phương": "có bao nhiêu địa phương có GRDP giảm?" is the 5
    (the 58 had been stated: "giảm" after it was read as its own words)."""
    engine = _records_engine(tmp_path, model_cache, {
        "grdp.txt":
            "Tăng trưởng GRDP quý I/2023\n\nXét theo từng địa phương, trong quý I/2023, GRDP so với cùng kỳ năm trước "
            "tăng ở 58 địa phương và giảm ở 5 địa phương trên cả nước.\n",
    })
    assert _stated(engine, "Quý I/2023 có bao nhiêu địa phương có GRDP giảm so với cùng kỳ?") == "5 địa phương"
    assert _stated(engine, "Quy I/2023 co bao nhieu dia phuong co GRDP tang?") == "58 địa phương"


def test_families_are_counted_and_a_count_asked_is_no_measure(tmp_path, model_cache):
    """"110 gia đình đạt tiêu chí …" counts families ("gia đình" was no counted noun, and folded "gia" is
    the "giá" of a price): "bao nhiêu gia đình" had been answered with the "55.874 kWh" saved."""
    engine = _records_engine(tmp_path, model_cache, {
        "tiet-kiem-dien.txt":
            "Gia đình tiết kiệm điện ở Lạng Sơn\n\nTrong năm 2014, chương trình đã thu hút được 5.322 hộ gia đình "
            "tham gia. Trong đó, 110 gia đình đạt tiêu chí Gia đình tiết kiệm điện và Gia đình tiết kiệm điện tiêu "
            "biểu đã giúp tiết kiệm được 55.874 kWh điện.\n",
    })
    assert _stated(engine, "Năm 2014 Lạng Sơn có bao nhiêu gia đình đạt tiêu chí?") == "110 gia đình"
    assert _stated(engine, "Nam 2014 Lang Son co bao nhieu gia dinh dat tieu chi?") == "110 gia đình"


def test_a_part_asked_after_a_whole_not_found_is_still_a_part(tmp_path, model_cache):
    """"Trong do dien mat troi co may du an?" asks a part even when the turn before found no whole: its
    rewrite ("Ninh Thuận điện mặt trời có mấy dự án?") says "trong đó" no more, and the whole's "08 dự án
    điện gió và điện mặt trời" had been stated as the part."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "nang-luong.txt":
            "Ninh Thuận phát triển năng lượng tái tạo\n\nĐến nay, Ninh Thuận đang dẫn đầu cả nước về năng lượng tái "
            "tạo với 08 dự án điện gió và điện mặt trời đưa vào vận hành thương mại. Trong đó, điện gió có 03 dự án; "
            "điện mặt trời có 05 dự án.\n",
    })
    conv = Conversation()
    engine.ask("Tỉnh Ninh Thuận đã thu hút bao nhiêu dự án thủy điện tích năng?", conv)
    part = engine.ask("Trong do dien mat troi co may du an?", conv)
    assert part.resolved_question and "điện mặt trời" in part.resolved_question
    assert part.status == "answered" and part.value.text == "05 dự án"


def test_a_change_in_brackets_after_its_base_is_of_that_base(tmp_path, model_cache):
    """"Chỉ số sản xuất công nghiệp giảm nhẹ so tháng trước (-1,54%) và tăng so với tháng cùng kỳ (+21.13%)":
    each change follows its base, in brackets with its sign; the month before's had answered the same
    month a year before."""
    engine = _records_engine(tmp_path, model_cache, {
        "iip.txt":
            "Tình hình sản xuất công nghiệp tỉnh Tây Ninh tháng 9/2023\n\nTháng 9/2023, Chỉ số sản xuất công nghiệp "
            "giảm nhẹ so tháng trước (-1,54%) và tăng so với tháng cùng kỳ (+21.13%); 9 tháng đầu năm 2023 tăng "
            "(+7,64%) so với cùng kỳ năm 2022.\n",
    })
    assert _stated(engine, "Tháng 9/2023, chỉ số sản xuất công nghiệp Tây Ninh so với tháng cùng kỳ tăng bao nhiêu?") \
        == "+21.13%"
    assert _stated(engine, "Tháng 9/2023, chỉ số sản xuất công nghiệp Tây Ninh giảm bao nhiêu so với tháng trước?") \
        == "-1,54%"


def test_a_change_listed_for_another_item_does_not_answer_an_item_without_one(tmp_path, model_cache):
    """"Các phân ngành … tăng so với cùng kỳ như: công nghiệp chế biến, chế tạo (+7,92), sản xuất và phân phối
    điện (+1,35%), …": the item asked is written with no percentage, and the electricity's "+1,35%" had been
    stated for it. It is not weighed for that item; the electricity's is still its own."""
    engine = _records_engine(tmp_path, model_cache, {
        "iip.txt":
            "Sản xuất công nghiệp tỉnh Tây Ninh 9 tháng năm 2023\n\nChỉ số sản xuất công nghiệp 9 tháng đầu năm 2023 so "
            "với cùng kỳ năm 2022 tăng (+7,64%). Các phân ngành kinh tế tăng so với cùng kỳ như: công nghiệp chế biến, "
            "chế tạo (+7,92), sản xuất và phân phối điện (+1,35%), cung cấp nước; hoạt động quản lý và xử lý rác thải, "
            "nước thải (+5,85%).\n",
    })
    assert "+1,35%" not in _weighed(engine, "9 tháng 2023, công nghiệp chế biến, chế tạo Tây Ninh tăng bao nhiêu so "
                                            "cùng kỳ?")
    assert _stated(engine, "9 tháng 2023, sản xuất và phân phối điện Tây Ninh tăng bao nhiêu so cùng kỳ?") == "+1,35%"


def test_a_phase_or_a_round_asked_is_not_answered_by_another(tmp_path, model_cache):
    """"Trung tâm thương mại giai đoạn 2 … có tổng vốn đầu tư bao nhiêu?" of a record that gives only
    "Giai đoạn 1 có tổng vốn đầu tư 72 tỷ đồng": the first phase's sum had been stated. A phase or a
    round is a numbered thing, in either numerals; a span of years is no phase."""
    engine = _records_engine(tmp_path, model_cache, {
        "cho.txt":
            "Khánh thành chợ Châu Úy giai đoạn 1\n\nCông ty Cổ phần Minh Sơn đã tổ chức Lễ khánh thành chợ Châu Úy giai "
            "đoạn 1 và khởi công Trung tâm thương mại (giai đoạn 2). Giai đoạn 1 có tổng vốn đầu tư 72 tỷ đồng, gồm "
            "nhà đình chợ với 402 ki-ốt.\n",
    })
    assert _stated(engine, "Trung tâm thương mại giai đoạn 2 của chợ Châu Úy có tổng vốn đầu tư bao nhiêu?") is None
    assert _stated(engine, "Cho Chau Uy giai doan I co tong von dau tu bao nhieu?") == "72 tỷ đồng"


def test_a_count_of_two_kinds_together_does_not_answer_one_kind(tmp_path, model_cache):
    """"… với 08 dự án điện gió và điện mặt trời đưa vào vận hành thương mại": "bao nhiêu dự án điện mặt trời?"
    is not that count of both kinds (it had been stated at 0.91); asked of both, it is."""
    engine = _records_engine(tmp_path, model_cache, {
        "nang-luong.txt":
            "Ninh Thuận phát triển năng lượng tái tạo\n\nĐến nay, Ninh Thuận đang dẫn đầu cả nước về năng lượng tái "
            "tạo với 08 dự án điện gió và điện mặt trời đưa vào vận hành thương mại.\n",
    })
    assert "08 dự án" not in _weighed(engine, "Ninh Thuận đã có bao nhiêu dự án điện mặt trời vận hành thương mại?")
    assert _stated(engine, "Ninh Thuận có bao nhiêu dự án điện gió và điện mặt trời đã vận hành thương mại?") \
        == "08 dự án"


def test_so_many_out_of_a_whole_written_with_tren(tmp_path, model_cache):
    """"đơn giản hóa 223 trên 486 thủ tục hành chính": "trên" right after a number is "out of", as
    "223/486" is; the whole 486 had been read as "over 486" and stated for the count simplified."""
    engine = _records_engine(tmp_path, model_cache, {
        "cai-cach.txt":
            "Bộ Công Thương đẩy mạnh cải cách hành chính\n\nNăm 2025, Bộ Công Thương đã hoàn thành phân cấp, cắt giảm "
            "và đơn giản hóa 223 trên 486 thủ tục hành chính, đạt tỷ lệ 45,8%.\n",
    })
    assert _stated(engine, "Năm 2025 Bộ Công Thương đã phân cấp, cắt giảm, đơn giản hóa bao nhiêu thủ tục hành "
                           "chính?") == "223 trên 486 thủ tục hành chính"


def test_a_fine_is_a_measure_of_money(tmp_path, model_cache):
    """Fines are in every market-surveillance report. "Thu phạt được bao nhiêu?" after the value of
    the goods names its own measure: the goods' "trị giá" is not carried to it ("trên 90 triệu đồng",
    the goods' value, had been stated). A fine is money only: "xử phạt … 1.770 vụ, trong đó xử lý
    1.441 vụ bằng 106,6% so với năm 2019" gives no percentage of a fine."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "qltt.txt":
            "Tiền Giang: kết quả quản lý thị trường 6 tháng đầu năm 2023\n\nTrong 6 tháng đầu năm 2023, Cục QLTT "
            "tỉnh Tiền Giang đã kiểm tra 130 vụ, phát hiện 118 vụ vi phạm, đã xử lý 113 vụ, thu phạt gần 250 triệu "
            "đồng, trị giá hàng hóa vi phạm trên 90 triệu đồng.\n\nTrong năm 2022, lực lượng quản lý thị trường "
            "tỉnh đã kiểm tra, xử phạt vi phạm hành chính được trên 1.770 vụ, trong đó xử lý 1.441 vụ bằng 106,6% "
            "so với năm 2021.\n",
    })
    conv = Conversation()
    assert engine.ask("Tien Giang 6 thang dau nam 2023 hang hoa vi pham tri gia bao nhieu?", conv).value.text \
        == "trên 90 triệu đồng"
    assert engine.ask("Thu phạt được bao nhiêu?", conv).value.text == "gần 250 triệu đồng"
    assert _stated(engine, "Số vụ xử lý năm 2022 của lực lượng quản lý thị trường tỉnh Tiền Giang bằng bao nhiêu "
                           "phần trăm so với năm 2021?") == "106,6%"


def test_the_level_before_a_change_is_where_it_started(tmp_path, model_cache):
    """"… trước khi cải cách là bao nhiêu ngày?" of "giảm từ 132 ngày xuống còn 33 đến 41 ngày" asks
    where the change started (41 had been stated); so does a follow-up "Trước đó là bao nhiêu?"
    after where it ended (30% had been stated again)."""
    from kcqa.ask.conversation import Conversation
    engine = _records_engine(tmp_path, model_cache, {
        "cai-cach.txt":
            "Bộ Công Thương cắt giảm thủ tục hành chính năm 2016\n\nNhờ cải cách thủ tục, thời gian tiếp cận điện "
            "năng giảm từ 132 ngày xuống còn 33 đến 41 ngày.\n",
        "trai-cay.txt":
            "Xuất khẩu trái cây năm 2022\n\nNăm 2022, tỷ trọng của trái thanh long trong cơ cấu trái cây tươi xuất "
            "khẩu giảm từ 44% xuống còn 30%.\n",
    })
    assert _stated(engine, "Thời gian tiếp cận điện năng trước khi cải cách là bao nhiêu ngày?") == "132 ngày"
    conv = Conversation()
    assert engine.ask("Tỷ trọng thanh long trong cơ cấu trái cây tươi xuất khẩu năm 2022 còn bao nhiêu?",
                      conv).value.text == "30%"
    assert engine.ask("Truoc do la bao nhieu?", conv).value.text == "44%"


def test_a_figure_within_a_time_span_written_after_it_is_that_spans(tmp_path, model_cache):
    """"xóa bỏ thuế quan đối với 86,5% kim ngạch xuất khẩu thủy sản trong vòng 3 năm, 90,3% trong vòng 5
    năm và 100% trong vòng 7 năm": the span each share is within is written after it (the 90,3% had
    been stated for 3 years, the 86,5% for 5)."""
    engine = _records_engine(tmp_path, model_cache, {
        "evfta.txt":
            "Cơ hội từ EVFTA cho thủy sản Cà Mau\n\nTrong lĩnh vực thủy sản, EU dành mức ưu đãi xóa bỏ thuế quan đối "
            "với 86,5% kim ngạch xuất khẩu trong vòng 3 năm, 90,3% trong vòng 5 năm và 100% trong vòng 7 năm tới.\n",
    })
    assert _stated(engine, "EU xóa thuế cho bao nhiêu phần trăm kim ngạch thủy sản trong vòng 3 năm?") == "86,5%"
    assert _stated(engine, "EU xoa thue cho bao nhieu phan tram kim ngach thuy san trong vong 5 nam?") == "90,3%"


def test_a_persons_title_is_given_in_full_where_a_record_writes_it_so(tmp_path, model_cache):
    """"Cục trưởng Phùng Mạnh Ngọc nhấn mạnh …" and elsewhere "ông Phùng Mạnh Ngọc - Cục trưởng Cục Hóa
    chất (Bộ Công Thương) cho biết …": "Ông Phùng Mạnh Ngọc giữ chức vụ gì?" is the title in full (the
    bare "Cục trưởng" of the sentence that says more of the question had been stated)."""
    engine = _records_engine(tmp_path, model_cache, {
        "dien-tap.txt":
            "Diễn tập ứng phó sự cố hóa chất\n\nCục trưởng Phùng Mạnh Ngọc nhấn mạnh tầm quan trọng của công tác "
            "diễn tập năm 2023.\n\nPhát biểu khai mạc buổi diễn tập, ông Phùng Mạnh Ngọc - Cục trưởng Cục Hóa chất "
            "(Bộ Công Thương) cho biết công tác phòng ngừa sự cố hóa chất đã được tăng cường.\n",
    })
    assert _stated(engine, "Ong Phung Manh Ngoc giu chuc vu gi nam 2023?").startswith("Cục trưởng Cục Hóa chất")
