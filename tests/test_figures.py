"""Figure extraction on the sample: entity, measure, period and relation of every figure."""

from kcqa.extract.figures import extract_figures
from kcqa.read import read_document

from conftest import KNOWLEDGE


def _figures():
    doc = read_document(next(KNOWLEDGE.glob("*.txt")))
    return doc, {f.text: f for f in extract_figures(doc)}


def test_every_figure_points_at_its_exact_text():
    doc, figs = _figures()
    for f in figs.values():
        assert doc.text[f.start:f.end] == f.text
        assert doc.text[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence
        assert f.text in f.sentence


def test_list_items_get_their_own_entity_and_the_sentence_period():
    _, figs = _figures()
    lam = figs["hơn 10 tỷ đồng"]
    assert (lam.entity, lam.value, lam.qualifier) == ("Lâm Đồng", 10e9, "hơn")
    assert figs["6,94 tỷ đồng"].entity == "Quảng Nam"
    assert figs["3,94 tỷ đồng"].entity == "Quảng Bình"
    # the period is the sentence's "Năm 2020", not the baseline "so với kế hoạch năm 2019"
    assert lam.period.lower() == "năm 2020"


def test_relations_and_periods():
    _, figs = _figures()
    assert figs["95,27%"].relation.startswith("đạt") and figs["95,27%"].period == "năm 2019"
    assert figs["7,34%"].relation.startswith("tăng") and "2018" in figs["7,34%"].relation
    assert figs["19,9 tỷ đồng"].period == "6 tháng đầu năm 2020"
    assert figs["69,41 tỷ đồng"].measure == "kế hoạch kinh phí"


def test_document_numbers_and_years_are_not_figures():
    _, figs = _figures()
    assert not any("45/2012" in t or t.startswith("2019") or t.startswith("2020") for t in figs)


def _extract(text: str):
    from kcqa.models import Document
    return {f.text: f for f in extract_figures(Document(path="x.txt", text=text))}


def test_respectively_pairs_years_and_provinces_with_figures_in_order():
    figs = _extract("GDP năm 2020 và 2021 lần lượt đạt tăng trưởng 1,6% và 6,7%. "
                    "Quảng Nam và Quảng Ngãi lần lượt được bố trí 6,94 tỷ đồng và 5 tỷ đồng.")
    assert (figs["1,6%"].period, figs["6,7%"].period) == ("năm 2020", "năm 2021")
    assert (figs["6,94 tỷ đồng"].entity, figs["5 tỷ đồng"].entity) == ("Quảng Nam", "Quảng Ngãi")


def test_a_period_right_after_a_figure_is_its_own():
    figs = _extract("Ngân hàng dự báo Việt Nam tăng trưởng 3% trong năm 2020 và 7,8% vào năm 2021. "
                    "Thị phần giảm từ 60% vào năm 2018 xuống 47% vào năm 2019. "
                    "Năm 2020, kinh phí đạt 64,47 tỷ đồng, tăng 5% so với năm 2019.")
    assert (figs["3%"].period, figs["7,8%"].period) == ("năm 2020", "năm 2021")
    assert (figs["60%"].period, figs["47%"].period) == ("năm 2018", "năm 2019")
    # a comparison's baseline after the figure is still not its period
    assert figs["5%"].period == "Năm 2020"


def test_the_months_added_up_so_far_are_the_period():
    """"Lũy kế 7 tháng đạt …" after "Tháng 7/2016, …": the seven months of that year, not July
    (the month's figure and the months' added up had the same period)."""
    figs = _extract("Tháng 7/2016, giá trị sản xuất công nghiệp toàn tỉnh đạt trên 1.560 tỷ đồng. "
                    "Lũy kế 7 tháng đạt 10.206 tỷ đồng, tăng 9,83% so với cùng kỳ.")
    assert figs["trên 1.560 tỷ đồng"].period == "Tháng 7/2016"
    assert figs["10.206 tỷ đồng"].period == figs["9,83%"].period == "7 tháng năm 2016"


def test_a_period_in_an_earlier_sentences_bracket_dates_none_of_the_next():
    """"(tháng 6/2012 là 21,4%, nhưng đến tháng 11/2012 giảm còn 7,1%)" is an aside: the next
    sentence's output is the year's, not November's (it had been no answer to "năm 2012")."""
    from kcqa.models import Document
    text = ("Năm 2012, sản xuất công nghiệp phát triển ổn định, chỉ số hàng tồn kho giảm dần (tháng 6/2012 là "
            "21,4%, nhưng đến tháng 11/2012 giảm còn 7,1%). Giá trị sản xuất công nghiệp ước đạt 140.660 tỷ đồng.")
    figs = {f.text: f for f in extract_figures(Document(path="x.txt", text=text, metadata={"year": "2012"}))}
    assert figs["ước đạt 140.660 tỷ đồng"].period == "Năm 2012"


def test_a_year_written_without_nam_and_a_span_of_years_are_periods():
    """News writes "trong 2025", "đến 2030", "Cuối 2020": a year after such a word is the
    figure's period (not the "năm 2019" earlier in the sentence); "từ năm 2008 đến 2013" is one
    span, not its first year."""
    figs = _extract("Tổng giá trị hàng hóa gần 12 tỷ USD trong năm 2019, dự đoán tăng lên đến 43 tỷ USD trong 2025. "
                    "Ngân hàng đặt tham vọng đến 2030 vốn hóa đạt 20 tỷ USD. "
                    "Cuối 2020, tổng tài sản của công ty là 1.649 tỷ đồng. "
                    "Tỷ lệ cổ tức từ năm 2008 đến 2013 là 82,55%.")
    assert (figs["gần 12 tỷ USD"].period, figs["đến 43 tỷ USD"].period) == ("năm 2019", "2025")
    assert figs["20 tỷ USD"].period == "2030"
    assert figs["1.649 tỷ đồng"].period == "2020"
    assert figs["82,55%"].period == "năm 2008 đến 2013"


def test_a_figure_restated_for_another_period_in_brackets_keeps_the_measure():
    """"chiếm tỷ lệ 8,83% tổng dư nợ (năm 2019 là 3,15%)": the bracket's figure is the same rate
    in 2019, not a figure of "dư nợ" (the nearest measure word, the first figure's base); a
    bracket that names its own measure keeps it."""
    figs = _extract("Nợ xấu lại tăng vọt, chiếm tỷ lệ 8,83% tổng dư nợ (năm 2019 là 3,15%). "
                    "Công ty lỗ 1.255 tỷ đồng (cùng kỳ vẫn có lãi 116,6 tỷ đồng).")
    assert figs["3,15%"].measure == figs["8,83%"].measure == "tỷ lệ"
    assert figs["3,15%"].period == "năm 2019"
    assert figs["116,6 tỷ đồng"].measure == "lãi"


def test_a_year_a_figure_is_compared_with_is_not_the_period_of_the_next_sentence():
    # "tương đương với năm 2019" and "cao hơn năm 2019" name a baseline, as "so với" does: the
    # figures after it, whose own sentence names no year of its own, belong to 2020
    figs = _extract("Năm 2020, ngân hàng lãi 23.050 tỷ đồng, tương đương với năm 2019. "
                    "Tổng tài sản đạt 1.326.230 tỷ đồng, tăng 8,5% so với năm 2019.\n\n"
                    "Năm 2020, doanh thu đạt 500 tỷ đồng, cao hơn năm 2019. Lợi nhuận đạt 50 tỷ đồng.")
    assert figs["1.326.230 tỷ đồng"].period == "Năm 2020" and figs["8,5%"].period == "Năm 2020"
    assert figs["50 tỷ đồng"].period == "Năm 2020"


def test_a_baseline_with_a_decimal_figure_is_still_a_baseline_and_its_figure_keeps_its_year():
    # "1,98%" has a comma that does not end the clause; the baseline's own figure takes the
    # year written right after it, the figure compared with it the earlier sentence's quarter
    figs = _extract("Đến cuối quý 1/2021, tỷ lệ nợ xấu hợp nhất ở mức 3%. Tại ngân hàng riêng lẻ, tỷ lệ "
                    "nợ xấu giảm xuống mức 1,79% so với mức 1,98% cuối năm 2020. "
                    "Tỷ suất lợi nhuận gộp đạt 6,48%, giảm so với mức xấp xỉ 11% của năm 2019.")
    assert (figs["1,79%"].period, figs["1,98%"].period) == ("quý 1/2021", "năm 2020")
    assert figs["xấp xỉ 11%"].period == "năm 2019"


def test_the_first_three_months_and_the_first_quarter_are_one_period():
    from kcqa.ask.features import period_parts
    q1 = period_parts("quý 1/2021")
    assert period_parts("quý I") == period_parts("3 tháng đầu năm") == period_parts("Ba tháng đầu năm 2021") == q1
    assert period_parts("quý đầu tiên của năm 2021") == q1
    assert period_parts("3 tháng cuối năm")[0] == 4 and period_parts("6 tháng đầu năm") != q1
    assert period_parts("3 tháng")[0] is None          # "3 tháng qua" is a span, not a quarter
    assert period_parts("3 tháng năm 2016") == q1       # the year's months so far, as "10 tháng năm 2016"
    figs = _extract("Trong quý đầu tiên của năm 2021, mỗi phút Apple kiếm được 691.234 USD. "
                    "Quý 4/2020, VinCommerce đã có quý đầu tiên đạt lợi nhuận 16 tỷ đồng.")
    assert figs["691.234 USD"].period == "quý đầu tiên của năm 2021"
    assert figs["16 tỷ đồng"].period == "Quý 4/2020"     # its first profitable quarter ever


def test_a_date_with_its_year_is_a_period_and_years_are_read_after_a_slash():
    from kcqa.extract.figures import years_in
    figs = _extract("Tại ngày 31/3/2021, ROE của ngân hàng đạt 23,5%.")
    assert years_in(figs["23,5%"].period) == {2021}
    assert years_in("quý I/2021") == {2021} and years_in("tháng 12/2020") == {2020}
    # a decree's number and a number's digits are not years
    assert years_in("Nghị định 15/2020/NĐ-CP") == set() and years_in("1.2021 tấn") == set()
    # a comma or full stop after a year ends the clause; before a digit it is a decimal mark
    assert years_in("Năm 2024, tỉnh đặt mục tiêu 3,2 tỷ USD.") == {2024} and years_in("hết năm 2023.") == {2023}
    assert years_in("đạt 2024,5 tỷ đồng") == set()


def test_a_quarter_is_a_numeral_word_not_the_first_letter_of_the_next_word():
    """"quý vừa rồi" (the last quarter) is not "quý V"; "quý IV", "quý 1/2021" are quarters."""
    figs = _extract("Lợi nhuận gộp của Vinhomes quý vừa rồi ghi nhận mức 6.212 tỷ đồng. "
                    "Doanh thu quý IV đạt 12 tỷ đồng. Lãi quý 1/2021 đạt 3 tỷ đồng.")
    assert "quý v" not in figs["6.212 tỷ đồng"].period.lower()
    assert figs["12 tỷ đồng"].period == "quý IV" and figs["3 tỷ đồng"].period == "quý 1/2021"


def test_durations_are_figures_and_not_periods():
    figs = _extract("Năm 2021, dự án có thời gian thực hiện 37 tháng; lãi suất kỳ hạn 6 tháng là 4%.")
    assert figs["37 tháng"].unit == "tháng" and figs["37 tháng"].value == 37
    assert figs["4%"].period == "Năm 2021"          # "kỳ hạn 6 tháng" is a term, not the period


def test_dates_and_reporting_periods_are_not_durations():
    from kcqa.text.numbers import find_durations
    for text in ("6 tháng đầu năm 2020 đạt", "9 tháng năm 2023", "ngày 15 tháng 6 năm 2025", "quý 3 năm 2021",
                 "tháng 6/2021", "năm 2020"):
        assert find_durations(text) == [], text
    assert [d.text for d in find_durations("hơn 10 năm kinh nghiệm, khoảng 75 ngày")] == ["hơn 10 năm", "khoảng 75 ngày"]
    # the minutes of a time of day are no length of time
    assert find_durations("bắt đầu từ 07 giờ 30 phút ngày 14 tháng 12") == []


def test_a_range_of_time_is_one_duration_whole():
    """"làm việc 4-5 ngày/tuần" had been read "5 ngày", and stated as the days worked a week."""
    from kcqa.text.numbers import find_durations
    [d] = find_durations("buộc phải cho lao động làm việc 4-5 ngày/tuần và không tăng ca")
    assert (d.text, d.value, d.value_max, d.unit) == ("4-5 ngày/tuần", 4, 5, "ngày")
    [d] = find_durations("dự án kéo dài 3 - 5 năm")
    assert (d.text, d.value, d.value_max) == ("3 - 5 năm", 3, 5)


def test_a_range_with_a_pair_of_labels_is_two_values_each_named():
    """A buying and a selling price ("55,2 - 55,65 triệu đồng/lượng (mua - bán)") are two
    figures, each quoting its own part of the record; a range without labels stays one."""
    from kcqa.models import Document
    text = ("Giá vàng\n\nSáng 24/4, vàng miếng SJC được niêm yết ở 55,2 - 55,65 triệu đồng/lượng (mua - bán). "
            "Tỷ giá trung tâm ở mức 23.050 - 23.260 đồng/USD (mua vào - bán ra). "
            "Dự án cần từ 5 - 7 tỷ đồng (giai đoạn 2021 - 2025).\n")
    doc = Document(path="gia-vang.txt", title="Giá vàng", text=text, body_start=len("Giá vàng\n\n"))
    figs = {f.text: f for f in extract_figures(doc)}
    assert (figs["55,2"].value, figs["55,2"].measure, figs["55,2"].value_max) == (55.2e6, "mua", None)
    assert (figs["55,65 triệu đồng/lượng"].value, figs["55,65 triệu đồng/lượng"].measure) == (55.65e6, "bán")
    assert (figs["23.260 đồng/USD"].value, figs["23.260 đồng/USD"].measure) == (23260, "bán ra")
    assert figs["từ 5 - 7 tỷ đồng"].value_max == 7e9          # a period after it is not a pair of labels
    for f in figs.values():
        assert text[f.start:f.end] == f.text


def test_a_change_stated_at_a_level_and_an_increment_are_changes():
    """"tăng trưởng mạnh mẽ ở mức 37,6%" is how much it grew; "tăng nhẹ lên mức 1.794 USD" is
    where it ended and "giảm so với mức 20,2%" its base; "có thêm 512 người" adds to a total."""
    figs = _extract(
        "Lợi nhuận của ngân hàng quý 1/2021 đã tăng trưởng mạnh mẽ ở mức 37,6% so với cùng kỳ. "
        "Giá vàng tăng nhẹ lên mức 1.794 USD/ounce. Thị phần giảm so với mức 20,2% của quý trước. "
        "Trong ngày, tỉnh có thêm 512 người được tiêm vắc xin.")
    assert figs["37,6%"].relation.startswith("tăng")
    assert not figs["1.794 USD"].relation.startswith("tăng")
    assert not figs["20,2%"].relation.startswith("giảm")
    assert figs["512 người"].relation == "thêm"


def test_a_change_that_rose_high_or_fairly_is_a_change():
    """"doanh thu nhóm hàng ô tô các loại tăng cao 14,6%", "quý I tăng khá 8,3% so với cùng kỳ":
    how much it grew, however it is qualified (both had no relation, and a change asked never
    reached them)."""
    figs = _extract("Doanh thu nhóm hàng ô tô các loại tăng cao 14,6%. Chỉ số tiêu thụ quý I tăng khá 8,3% so với "
                    "cùng kỳ.")
    assert figs["14,6%"].relation.startswith("tăng") and figs["8,3%"].relation.startswith("tăng")


def test_a_change_for_each_side_is_still_a_change():
    """"giảm mỗi chiều 150.000 đồng/lượng", "tăng lần lượt 7%, 3% và 6%": the change of each side
    or item, written between the verb and the figure, is a change as "giảm 150.000" is."""
    figs = _extract(
        "Các mức giá này giảm mỗi chiều 150.000 đồng/lượng so với chốt phiên 19/4. "
        "Doanh số ở siêu thị và chợ tăng lần lượt 7% và 3%.")
    assert figs["150.000 đồng/lượng"].relation.startswith("giảm")
    assert figs["7%"].relation == "tăng"


def test_a_title_naming_only_the_year_planned_does_not_date_the_results():
    """"Sở Công Thương triển khai nhiệm vụ năm 2026" over a report of 2025: a figure whose
    paragraph names no year is of the year the lead reports, not the year planned; a title
    naming the year reported still dates it."""
    from kcqa.models import Document
    body = ("Ngày 9/1, Sở Công Thương tổ chức hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026.\n\n"
            "Ngành đã tham mưu ban hành 9 văn bản quy phạm pháp luật.\n")
    for title, period in (("Sở Công Thương triển khai nhiệm vụ năm 2026", "năm 2025"),
                          ("Kết quả công tác năm 2024", "năm 2024")):
        text = title + "\n\n" + body
        figs = {f.text: f for f in extract_figures(Document(path="x.txt", title=title, text=text,
                                                             body_start=len(title) + 2))}
        assert figs["9 văn bản"].period == period, title


def test_a_quarter_reviewed_before_the_quarter_planned_dates_the_results():
    """"… triển khai nhiệm vụ quý II-2024" over a review of quý I: the lead says "sơ kết quý I,
    triển khai nhiệm vụ quý II-2024", and quý I's results had been dated quý II (and answered a
    question on quý II, which the record does not report). "Ban Chỉ đạo 389" counts no provinces."""
    from kcqa.models import Document
    title = "Ban Chỉ đạo 389 tỉnh Gia Lai triển khai nhiệm vụ quý II-2024"
    text = (title + "\n\nSáng 24-4, Ban Chỉ đạo 389 tỉnh Gia Lai tổ chức hội nghị sơ kết quý I, triển khai nhiệm vụ "
            "quý II-2024.\n\nCác lực lượng đã xử phạt vi phạm hành chính 270 vụ, thu nộp ngân sách nhà nước hơn 5 tỷ "
            "đồng.\n")
    figs = {f.text: f for f in extract_figures(Document(path="x.txt", title=title, text=text,
                                                         body_start=len(title) + 2))}
    assert figs["hơn 5 tỷ đồng"].period.split()[:2] == ["quý", "I"]      # the record's year, when it has one
    assert "389 tỉnh" not in figs


def test_who_tells_a_figure_by_title_is_not_what_it_is_about():
    """"Tổng Giám đốc Tập đoàn Central Retail Việt Nam Olivier Langlet cho biết, dự án có tổng vốn
    đầu tư 164 tỷ đồng": the speaker had been the investment's subject, so the mall the question
    named (in a record of its province) could not own it."""
    figs = _extract("Tổng Giám đốc Tập đoàn Central Retail Việt Nam Olivier Langlet cho biết, dự án có tổng vốn "
                    "đầu tư 164 tỷ đồng, quy mô 13.000m².")
    assert "Central" not in figs["164 tỷ đồng"].entity


def test_growth_written_before_its_rate_is_a_change():
    """"đạt mức tăng trưởng 55,2%", "dự báo tăng trưởng 2,5-3%": a growth rate, as "tăng 55,2%"
    is; "tăng trưởng tín dụng 12%" names what grew and is left to the clause."""
    figs = _extract(
        "Tại ngân hàng riêng lẻ, lợi nhuận đạt mức tăng trưởng 55,2% trong quý 1/2021. "
        "Ngân hàng Thế giới dự báo kinh tế tăng trưởng 6,8% năm 2021.")
    assert figs["55,2%"].relation == "tăng"
    assert figs["6,8%"].relation == "tăng"


def test_a_year_in_a_bracket_beside_a_figure_of_its_own_is_that_figures():
    """"8,83% tổng dư nợ (năm 2019 là 3,15%)": 2019 is the bracket's 3,15%; the 8,83% is of the
    year the paragraph gave before. A bracket that holds only a period is the figure's own."""
    figs = _extract("Năm 2020, công ty Minh An lãi 2,3 tỷ đồng. Nợ xấu chiếm tỷ lệ 8,83% tổng dư nợ "
                    "(năm 2019 là 3,15%). Tỉnh đón trên 14 triệu lượt khách (năm 2019).")
    assert figs["8,83%"].period == "Năm 2020"
    assert figs["3,15%"].period == "năm 2019"
    assert figs["trên 14 triệu lượt khách"].period == "năm 2019"


def test_a_figure_restated_in_other_units_keeps_the_change():
    """"tăng 700 đồng (tương ứng 4,13%)": the percentage is the same rise, so it answers "tăng bao
    nhiêu phần trăm?"; a figure after "tương ứng" that follows no figure is left alone."""
    figs = _extract("SSI tăng 700 đồng (tương ứng 4,13%) lên 17.700 đồng; VN-Index giảm 16,91 điểm "
                    "tương ứng 1,3% còn 1.280 điểm. Thanh khoản đạt 198 triệu cổ phiếu, tương đương "
                    "3.765 tỷ đồng. Kế hoạch tương ứng 12% tổng vốn.")
    assert figs["4,13%"].relation == "tăng"
    assert figs["1,3%"].relation == "giảm"
    assert figs["3.765 tỷ đồng"].relation == "đạt"
    assert figs["12%"].relation == ""


def test_each_item_of_a_list_of_tickers_is_its_own_entity():
    """"HPG tăng 3,8%; SSI tăng 2,2%": the 2,2% is SSI's, not HPG's (a capital after ";" is a name,
    and an acronym opening a sentence is one too); a capitalised first word is not."""
    figs = _extract("Ngược lại, HPG tăng 3,8%; SSI tăng 2,2%; CTG tăng 2,1%. VCI tăng 6,9% lên 30.800 đồng. "
                    "Giá vàng tăng 1,5% trong tuần.")
    assert figs["3,8%"].entity == "HPG"
    assert figs["2,2%"].entity == "SSI"
    assert figs["2,1%"].entity == "CTG"
    assert figs["6,9%"].entity == "VCI"
    assert figs["1,5%"].entity == ""


def test_a_bare_scale_word_counts_the_money_named_before_it():
    """"Hỗ trợ 60 tỷ đồng cho 3 tỉnh, gồm Bến Tre (25 tỷ), Trà Vinh (20 tỷ)": 25 and 20 tỷ đồng,
    each the province's; a scale word before a noun counts that noun ("300 triệu quả trứng"), and
    with no money before it "5 tỷ" stays a bare number."""
    figs = _extract("Trung ương hỗ trợ 60 tỷ đồng cho 3 tỉnh, gồm Bến Tre (25 tỷ), Trà Vinh (20 tỷ). "
                    "Công ty đặt mục tiêu 300 triệu quả trứng. Dân số tỉnh khoảng 5 triệu, tăng 1%.")
    assert (figs["25 tỷ"].unit, figs["25 tỷ"].value, figs["25 tỷ"].entity) == ("đồng", 25e9, "Bến Tre")
    assert (figs["20 tỷ"].unit, figs["20 tỷ"].entity) == ("đồng", "Trà Vinh")
    assert (figs["300 triệu quả"].unit, figs["300 triệu quả"].value) == ("quả", 300e6)     # eggs counted one by one
    assert _extract("Dân số tỉnh khoảng 5 triệu, tăng 1%.")["khoảng 5 triệu"].unit != "đồng"


def test_a_baseline_s_value_in_a_bracket_is_of_the_baseline_s_year():
    """"tăng 35,55% so với tổng kinh phí thực hiện năm 2017 (44.309 triệu đồng)": the bracket is
    2017's; "cao hơn tỷ lệ … cùng thời điểm (0,67%)" names no year of its own before the bracket."""
    figs = _extract("Năm 2018, kinh phí thực hiện đạt 60.058 triệu đồng, tăng 35,55% so với tổng kinh phí "
                    "thực hiện năm 2017 (44.309 triệu đồng).")
    assert figs["44.309 triệu đồng"].period == "năm 2017"
    assert figs["60.058 triệu đồng"].period == "Năm 2018"


def test_a_currency_is_not_what_a_figure_is_about_and_a_name_before_a_bracket_is():
    """"kim ngạch … 1.050 triệu USD, tăng 6,1%": the 6,1% was USD's; "vượt Singapore (337,5 tỷ USD)"
    is Singapore's, not the sentence's Việt Nam; "209 mẫu Anh (85 ha)" is a conversion, not Anh's."""
    figs = _extract("Kim ngạch xuất nhập khẩu ước đạt 1.050 triệu USD, tăng 6,1% so cùng kỳ. Quy mô GDP của "
                    "Việt Nam đạt 340,6 tỷ USD, vượt Singapore (337,5 tỷ USD). Khuôn viên rộng 209 mẫu Anh (85 ha).")
    assert figs["6,1%"].entity == ""
    assert figs["337,5 tỷ USD"].entity == "Singapore"
    assert figs["85 ha"].entity != "Anh"


def test_a_reporting_body_and_a_disease_are_not_what_a_figure_is_about():
    """"Theo báo cáo của Sở Công Thương, tổng mức bán lẻ … đạt trên 6.487 tỷ đồng": the Sở reports
    it (its entity "Công Thương" kept the province's own question from it); "dịch COVID-19" is not
    a subject either; a company's own report still names its subject ("báo cáo của BSR")."""
    figs = _extract("Theo báo cáo của Sở Công Thương, tổng mức bán lẻ tháng 4/2022 đạt trên 6.487 tỷ đồng. "
                    "Sau khi dịch COVID-19 được kiểm soát, doanh thu dịch vụ ước đạt 24.209 tỷ đồng. "
                    "Theo báo cáo tài chính của BSR, doanh thu thuần đạt 21.048,6 tỷ đồng.")
    assert figs["trên 6.487 tỷ đồng"].entity == ""
    assert figs["ước đạt 24.209 tỷ đồng"].entity == ""
    assert figs["21.048,6 tỷ đồng"].entity == "BSR"


def test_a_baseline_written_so_cung_ky_is_a_baseline():
    """"tăng 25% so cùng kỳ năm 2010 và đạt 94% kế hoạch năm": 2010 is the baseline's (reports
    drop the "với"), so the 94% is of the sentence's own 11 months of 2011."""
    figs = _extract("Tổng mức bán lẻ trong 11 tháng đầu năm 2011 đạt hơn 64,5 tỷ đồng, tăng 25% so cùng kỳ "
                    "năm 2010 và đạt 94% kế hoạch năm.")
    assert figs["94%"].period == "11 tháng đầu năm 2011"


def test_a_note_in_brackets_before_a_figure_is_not_its_measure():
    """"giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt …": the measure is the value of
    production, not "giá" (price); a label right before the figure still names it ("(lỗ ròng)")."""
    figs = _extract("Trong 6 tháng đầu năm, giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt hơn 11.090 "
                    "tỷ đồng (đạt 44,72% kế hoạch). Công ty ghi nhận lỗ sau thuế thuộc về công ty mẹ (lỗ ròng) "
                    "hơn 1.255 tỷ đồng.")
    assert figs["hơn 11.090 tỷ đồng"].measure == "giá trị sản xuất công nghiệp"
    assert figs["hơn 1.255 tỷ đồng"].measure == "lỗ"


def test_exports_and_imports_together_are_one_measure():
    """"Tổng kim ngạch xuất, nhập khẩu … 1.050 triệu USD" is the trade total, not the imports."""
    figs = _extract("Tổng kim ngạch xuất, nhập khẩu hàng hóa ước đạt 1.050 triệu USD; kim ngạch xuất nhập khẩu "
                    "dịch vụ đạt 20 triệu USD.")
    assert figs["ước đạt 1.050 triệu USD"].measure == "kim ngạch xuất, nhập khẩu"
    assert figs["20 triệu USD"].measure == "kim ngạch xuất nhập khẩu"


def test_each_item_of_a_list_of_countries_or_districts_is_its_own_entity():
    figs = _extract('Qua 12 năm tổ chức thi, Thái Lan đoạt giải nhất sau 6/12 lần dự thi, Campuchia 4 lần, '
                    'Mỹ 2 lần, Myanmar 1 lần. Theo địa bàn: Thành phố Đồng Hới 06/41 sản phẩm; thị xã Ba Đồn '
                    '01/41 sản phẩm; huyện Quảng Ninh 07/41 sản phẩm và huyện Lệ Thủy với 09/41 sản phẩm.')
    # a country's name before a count is no model name ("Star 5 lần"): the count is a figure
    assert (figs["4 lần"].entity, figs["2 lần"].entity, figs["1 lần"].entity) == ("Campuchia", "Mỹ", "Myanmar")
    assert figs["06/41 sản phẩm"].entity == "Thành phố Đồng Hới"       # "Đồng" before a capital is a name
    # the district named before the previous figure is that one's, not the province of that name
    assert figs["09/41 sản phẩm"].entity == "huyện Lệ Thủy"
    assert figs["07/41 sản phẩm"].entity != "Quảng Ninh"


def test_so_many_of_a_whole_is_the_part_and_the_whole():
    figs = _extract("Có 23 trong tổng số 25 sản phẩm công nghiệp chủ lực tăng so với cùng kỳ.")
    assert list(figs) == ["23 trong tổng số 25 sản phẩm", "25 sản phẩm"]
    assert (figs["23 trong tổng số 25 sản phẩm"].value, figs["23 trong tổng số 25 sản phẩm"].unit) == (23, "sản phẩm")
    assert (figs["25 sản phẩm"].value, figs["25 sản phẩm"].unit) == (25, "sản phẩm")


def test_a_breakdown_of_a_whole_stated_as_of_now_is_as_of_now():
    """"Cũng theo quy hoạch đến năm 2025, … 59 CCN …. Hiện tại, đã thành lập 24 CCN với tổng diện
    tích 495,21ha. Trong đó có 22 CCN với tổng diện tích 445,41ha …": the 445,41ha is of the
    record's own time, as its whole is, not of the plan's 2025."""
    figs = _extract("Cũng theo quy hoạch đến năm 2025, trên địa bàn tỉnh có 59 CCN với tổng diện tích 1.773,77ha. "
                    "Hiện tại, đã thành lập 24 CCN với tổng diện tích 495,21ha. Trong đó có 22 CCN với tổng diện tích "
                    "445,41ha đã đi vào hoạt động.")
    assert "2025" in figs["1.773,77ha"].period
    assert "2025" not in figs["445,41ha"].period


def test_a_figure_valued_at_is_measured_by_its_own_value():
    """"thu nộp ngân sách nhà nước hơn 20,7 triệu đồng và thu giữ một số hàng hóa trị giá gần 2 triệu
    đồng": the 2 triệu's measure is "trị giá", not the "ngân sách" before it."""
    figs = _extract("Trong tháng 10, cục đã xử lý, thu nộp ngân sách nhà nước hơn 20,7 triệu đồng và thu giữ một số "
                    "hàng hóa trị giá gần 2 triệu đồng.")
    assert (figs["hơn 20,7 triệu đồng"].measure, figs["gần 2 triệu đồng"].measure) == ("ngân sách", "trị giá")


def test_a_review_s_figures_are_of_the_period_reviewed_not_the_one_planned():
    """A report titled "Tổng kết công tác năm 2015 và triển khai nhiệm vụ năm 2016" reports
    2015: a paragraph naming no year takes the title's reviewed year, not the planned one
    (a 2016 question was answered with the 2015 output at 0.94); likewise "Sơ kết 6 tháng đầu
    năm …, triển khai nhiệm vụ 6 tháng cuối năm"."""
    from kcqa.models import Document
    body = "Giá trị sản xuất công nghiệp đạt 4.013 tỷ đồng, tăng 16,7% so với năm 2014."
    for title, period in (("Ngành Công Thương tổng kết công tác năm 2015 và triển khai nhiệm vụ năm 2016", "năm 2015"),
                          ("Sơ kết 6 tháng đầu năm 2018, triển khai nhiệm vụ 6 tháng cuối năm 2018",
                           "6 tháng đầu năm 2018"),
                          ("Phương hướng, nhiệm vụ năm 2021", "năm 2021")):
        text = f"{title}\n\n{body}"
        doc = Document(path="x.txt", title=title, text=text, body_start=len(title) + 2)
        figs = {f.text: f for f in extract_figures(doc)}
        assert figs["4.013 tỷ đồng"].period == period, title


def test_a_period_named_without_its_year_takes_the_year_reported():
    """"Chỉ số sản xuất công nghiệp 9 tháng đầu năm tăng 8,17%" under a title of "9 tháng đầu
    năm 2022" is of 2022 (the figure's year did not match a question's, so a report's right
    answer ranked low); with no year around it, a month is of the record's year, or of the year
    before when the record is dated earlier in the year than that month."""
    from kcqa.models import Document
    title = "Tình hình sản xuất công nghiệp 9 tháng đầu năm 2022"
    text = f"{title}\n\nChỉ số sản xuất công nghiệp 9 tháng đầu năm tăng 8,17% so với cùng kỳ năm trước."
    doc = Document(path="x.txt", title=title, text=text, body_start=len(title) + 2)
    assert {f.text: f for f in extract_figures(doc)}["8,17%"].period == "9 tháng đầu năm 2022"
    text = "Giá cổ phiếu\n\nTrong tháng 12, giá cổ phiếu dao động quanh 66.200 đồng. Tháng 4, doanh thu đạt 35 tỷ đồng."
    doc = Document(path="y.txt", title="Giá cổ phiếu", text=text, body_start=len("Giá cổ phiếu") + 2,
                   metadata={"year": 2021, "date": "2021-04-29"})
    figs = {f.text: f for f in extract_figures(doc)}
    assert figs["66.200 đồng"].period == "tháng 12 năm 2020" and figs["35 tỷ đồng"].period == "Tháng 4 năm 2021"


def test_a_report_s_shorthand_for_plan_or_output_is_no_one_s_name_nor_a_prize_label():
    """"bằng 70,7% KH năm; tổng mức bán lẻ … ước đạt 28.354,9 tỷ đồng": "KH" is the plan, not
    the subject of what follows (it made a province's own figure another subject's, so the
    province's question was not found); a prize's letter labels, it names no one."""
    figs = _extract("Giá trị sản xuất công nghiệp tăng 2,5% so với cùng kỳ, bằng 70,7% KH năm; tổng mức bán lẻ "
                    "hàng hóa ước đạt 28.354,9 tỷ đồng. Hội đồng trao 3 giải A, 5 giải B và 12 giải C.")
    assert figs["ước đạt 28.354,9 tỷ đồng"].entity == ""
    assert (figs["5 giải"].entity, figs["12 giải"].entity) == ("", "")
    # "giá trị sản xuất CN", "các DN": shorthand for industry and firms, no one's name ("CN" had
    # made the province's own output another subject's, and a question naming the province not found)
    figs = _extract("Năm 2018, giá trị sản xuất CN trên địa bàn tỉnh ước đạt trên 90.260 tỷ đồng. Các DN đã nộp "
                    "ngân sách 1.250 tỷ đồng.")
    assert figs["trên 90.260 tỷ đồng"].entity == "" and figs["1.250 tỷ đồng"].entity == ""


def test_a_roman_numeral_alone_numbers_a_period_or_a_class_and_is_no_one_s_name():
    """"toàn tỉnh có … 1 chợ loại I, 18 chợ loại II": "I" is a class, so the markets counted
    are the record's province's (as subject "I", a question naming Sóc Trăng set the right
    figure aside and answered "1 chợ"); "Theo SSI, trong quý I, …": the quarter names no one, SSI does. A
    ticker of such letters ("VIC") is still a name."""
    figs = _extract("Năm 2008, toàn tỉnh có 119 chợ, trong đó có 1 chợ loại I, 18 chợ loại II, "
                    "100 chợ loại III. Theo SSI, trong quý I, giá trị giao dịch bình quân đạt 20.000 tỷ đồng. "
                    "Cổ phiếu VIC tăng 1.700 đồng.")
    assert figs["18 chợ"].entity == figs["100 chợ"].entity == ""
    assert figs["20.000 tỷ đồng"].entity == "SSI"
    assert figs["1.700 đồng"].entity == "VIC"


def test_a_marked_word_is_judged_as_written_when_it_may_open_a_name():
    """Folded, "Sở" is "so" (of "so với") and "Đông" is "đồng": both were dropped from the names
    they open, leaving "Công Thương" and "Á" as the figures' subjects."""
    figs = _extract("Năm 2017, Chi cục Quản lý thị trường (Sở Công Thương) đã tiến hành kiểm tra 2.881 vụ. "
                    "Tăng trưởng của khu vực Đông Nam Á đạt khoảng 4,4%.")
    assert figs["2.881 vụ"].entity == "Sở Công Thương"
    assert figs["khoảng 4,4%"].entity == "Đông Nam Á"


def test_months_so_far_are_a_period_before_their_estimate():
    """"… 5 tháng ước đạt 13.480 tỷ đồng" adds up the months of the record's year (a bare "5
    tháng" had been read as a length of time, and the figure as the whole year's); "kỳ hạn 5
    tháng" is still a length."""
    from kcqa.extract.figures import periods_in
    assert [p[2] for p in periods_in("giá trị sản xuất công nghiệp 5 tháng ước đạt 13.480 tỷ đồng")] == ["5 tháng"]
    assert periods_in("gửi kỳ hạn 5 tháng đạt lãi suất 5%") == []
    assert periods_in("dự án kéo dài 7 tháng") == []


def test_a_sentence_of_now_is_of_the_record_not_of_the_period_before_it():
    """"Từ sau ngày giải phóng đến năm 1984, … Đến nay, thành phố đã hình thành … 6 trung tâm
    thương mại": the count is as of the record (2013), not of 1984 (a question for 2013 found
    nothing); with no such word the sentence before still gives the period."""
    from kcqa.models import Document
    text = ("Trung tâm thương mại của vùng\n\nTừ sau ngày giải phóng đến năm 1984, hạ tầng thương mại Đà Nẵng chỉ "
            "có chợ Hàn, chợ Cồn. Đến nay, thành phố đã hình thành 6 trung tâm thương mại tổng hợp. "
            "Quý I năm 2013, thành phố mở thêm 2 siêu thị. Thành phố có 35 siêu thị.\n\n6 tháng đầu năm 2013, "
            "bán lẻ tăng mạnh. Từ đầu năm đến nay, chỉ số sản xuất công nghiệp tăng 9,5%.")
    doc = Document(path="da-nang-2013.txt", title="Trung tâm thương mại của vùng", text=text,
                   body_start=len("Trung tâm thương mại của vùng") + 2, metadata={"year": 2013})
    figs = {f.text: f for f in extract_figures(doc)}
    assert figs["6 trung tâm thương mại"].period == "năm 2013"
    assert figs["35 siêu thị"].period == "Quý I năm 2013"
    assert figs["9,5%"].period == "6 tháng đầu năm 2013"       # the months so far are the report's


def test_a_list_after_a_count_gives_its_items_counts_bare():
    """"huyện Ninh Hải có 16 sản phẩm, Thuận Bắc 3, …, Ninh Phước 14": each item's bare number
    counts the same thing, and its name is its subject; a year after a name is no count."""
    figs = _extract("Hội đồng đã tiếp nhận 69 sản phẩm; trong đó huyện Ninh Hải có 16 sản phẩm, Thuận Bắc 3, "
                    "Ninh Sơn 13, Ninh Phước 14 và thành phố Phan Rang - Tháp Chàm 14 sản phẩm. Công ty có 5 cửa "
                    "hàng, Việt Nam 2021 là năm khó khăn.")
    assert (figs["13"].unit, figs["13"].entity) == ("sản phẩm", "Ninh Sơn")
    assert (figs["14"].value, figs["14"].entity) == (14, "Ninh Phước")
    assert "2021" not in figs


def test_a_year_is_a_whole_token():
    """"9 tháng năm 20214" (a typo for 2024) is no "năm 2021": the figures take the record's year."""
    figs = _extract("Năm 2024 ngành công thương phát triển.\n\n9 tháng năm 20214, chỉ số sản xuất công nghiệp giảm "
                    "0,23% so với cùng kỳ.")
    assert "2021" not in figs["0,23%"].period


def test_a_sector_and_report_shorthand_are_no_ones_figure():
    """"ngành Công Thương" is a sector, and "KCĐP", "CNNT" are the report's shorthand for a source
    of money and a kind of industry: none is the subject of the figure after it."""
    figs = _extract("Ngành Công Thương 15 tỉnh, thành phố đã vượt qua khó khăn. UBND tỉnh vừa phê duyệt 20 chương "
                    "trình, đề án KCĐP. Xây dựng chương trình về phát triển ngành Công Thương (2 chương trình tuyên "
                    "truyền, 60 triệu đồng). Năm 2023, số sản phẩm CNNT tiêu biểu đạt 25 sản phẩm.")
    assert figs["15 tỉnh, thành phố"].entity == ""
    assert figs["60 triệu đồng"].entity == ""
    assert figs["25 sản phẩm"].entity == ""
    assert figs["20 chương trình"].entity == "UBND"
    # a field, not a body: "tuyển mới GDNN … 1.138 người" is no one's but the province's (it had
    # been the subject "GDNN", and a question naming the province set the figure aside)
    figs = _extract("Tổng số tuyển mới GDNN năm 2020 là 32.816 lượt người; bao gồm cao đẳng 1.138 người.")
    assert figs["1.138 người"].entity == ""


def test_a_list_items_own_label_ends_the_name_of_the_item_before():
    """"… dầu FO 82,4 triệu USD; thép 560 triệu USD": FO named the item before, not the steel;
    an item that goes on with another measure of the same subject keeps it ("PNJ … doanh thu …;
    lợi nhuận …"), and so does one that goes on with a change ("…; giảm 10% …")."""
    figs = _extract("Nhiều mặt hàng xuất khẩu tăng, gồm may mặc 66,4 triệu USD; dầu FO 82,4 triệu USD (tăng 50,7%); "
                    "thép 560 triệu USD (tăng 44,6%) và giày, da các loại gần 139 triệu USD.")
    assert figs["82,4 triệu USD"].entity == "FO"
    assert figs["560 triệu USD"].entity == figs["gần 139 triệu USD"].entity == ""
    figs = _extract("Năm 2020 doanh thu của PNJ đạt 17.511 tỷ đồng, tăng 3%; lợi nhuận trước thuế đạt 1.349 tỷ đồng.")
    assert figs["1.349 tỷ đồng"].entity == "PNJ"


def test_electricity_sold_and_generated_are_measures_and_a_product_measure_stays_with_its_item():
    """"sản lượng điện thương phẩm" (sold) and "điện sản xuất" (generated) are measures of their
    own; the next item of the list, another product, is not measured by them, but keeps the
    generic "sản lượng" they were written with."""
    figs = _extract("Lũy kế 6 tháng, sản lượng điện sản xuất đạt 2.100,5 triệu kWh, đạt 40,2% kế hoạch năm; sản lượng "
                    "điện thương phẩm đạt 410,3 triệu kWh, tăng 9,1%; xi măng đạt 512.000 tấn.")
    assert figs["2.100,5 triệu kWh"].measure == figs["40,2%"].measure == "điện sản xuất"
    assert figs["410,3 triệu kWh"].measure == "điện thương phẩm"
    assert figs["512.000 tấn"].measure == "sản lượng"


def test_an_industrial_zone_abbreviation_counts_and_a_plans_horizon_is_not_its_period():
    """"3 CCN", "2 KCN" are counts as "3 cụm công nghiệp" is; "thời kỳ 2021-2030, tầm nhìn đến năm
    2050" states where the plan looks, not the period of what it decides."""
    figs = _extract("Theo Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050, tỉnh đưa ra khỏi quy hoạch 3 CCN "
                    "và quy hoạch mới 2 KCN.")
    assert (figs["3 CCN"].unit, figs["2 KCN"].unit) == ("CCN", "KCN")
    assert "2050" not in figs["3 CCN"].period


def test_a_year_counted_from_is_not_the_period_of_the_next_sentences():
    """"… tăng cao nhất kể từ năm 2015 trở về đây": 2015 is where the count starts; the next
    sentence's "4 tháng đầu năm" is of the year the paragraph reports (2019)."""
    figs = _extract("Tổng mức bán lẻ 4 tháng năm 2019 đạt tốc độ tăng cao nhất kể từ năm 2015 trở về đây. "
                    "Doanh thu bán lẻ hàng hóa 4 tháng đầu năm ước đạt 1,2 triệu tỷ đồng, chiếm 76,8% tổng mức.")
    assert figs["76,8%"].period == "4 tháng đầu năm 2019"
    figs = _extract("Sản lượng điện tăng mạnh từ năm 2018 đến nay. Quý I ước đạt 120 triệu kWh.")
    assert figs["ước đạt 120 triệu kWh"].period == "Quý I"      # of no year the record states


def test_a_title_that_counts_from_a_year_gives_its_reported_year():
    """A news lead as the record's title: "… 4 tháng năm 2019 … cao nhất kể từ năm 2015 trở về
    đây"; a figure whose paragraph names no period is of 2019's months, not of 2015."""
    from kcqa.models import Document
    title = "Tổng mức bán lẻ 4 tháng năm 2019 đạt tốc độ tăng cao nhất kể từ năm 2015 trở về đây"
    doc = Document(path="x.txt", title=title,
                   text=title + ".\n\nTrong đó, doanh thu du lịch lữ hành đạt 3,6 nghìn tỷ đồng, tăng 13,2%.")
    figs = {f.text: f for f in extract_figures(doc)}
    assert figs["3,6 nghìn tỷ đồng"].period == "4 tháng năm 2019"


def test_a_paragraph_opening_with_trong_do_is_of_the_period_before_it():
    """"Trong đó, …" opens a paragraph that breaks the one before down: its figures are of that
    paragraph's period ("9 tháng đầu năm 2020"), not of the record's year."""
    from kcqa.models import Document
    doc = Document(path="x.txt", metadata={"year": 2021}, text=(
        "Doanh nghiệp rút lui\n\n9 tháng đầu năm 2020 đã có hơn 78.300 doanh nghiệp rút lui khỏi thị trường.\n\n"
        "Trong đó, gần 27.600 doanh nghiệp chờ giải thể.\n\nNăm nay có 120 doanh nghiệp mới."))
    figs = {f.text: f for f in extract_figures(doc)}
    assert figs["gần 27.600 doanh nghiệp"].period == "9 tháng đầu năm 2020"
    assert figs["120 doanh nghiệp"].period != "9 tháng đầu năm 2020"


def test_a_programme_abbreviation_is_not_a_figures_subject():
    """"28 sản phẩm OCOP năm 2022 của 13 hộ kinh doanh, 5 hợp tác xã": "OCOP" names the programme
    ("mỗi xã một sản phẩm"), not what the counts are about (it had failed them for the province)."""
    figs = _extract("Theo đó, 28 sản phẩm OCOP năm 2022 của 13 hộ kinh doanh, 5 công ty, 5 hợp tác xã tại địa phương.")
    assert "OCOP" not in {figs[t].entity for t in ("13 hộ", "5 hợp tác xã")}


def test_half_a_year_is_six_months_and_a_year_counted_up_to_now_is_no_period():
    """"Nửa đầu năm 2025" is the first six months of 2025, as records and questions both write
    it; "… 9,49% - mức cao nhất từ năm 2021 đến nay" is 2025's figure, not 2021's."""
    from kcqa.ask.features import period_parts
    figs = _extract("6 tháng đầu năm 2025, Long An đạt 9,49% - mức cao nhất từ năm 2021 đến nay. "
                    "Nửa cuối năm 2024 đạt 5 tỷ đồng.")
    assert figs["9,49%"].period == "6 tháng đầu năm 2025"
    assert figs["5 tỷ đồng"].period == "Nửa cuối năm 2024"
    assert period_parts("nửa đầu năm 2025") == period_parts("6 tháng đầu năm 2025") == (None, 6)


def test_a_range_s_ends_are_no_subject_and_two_joined_periods_are_one_figure_s():
    """"21 tỉnh thành miền Nam (từ Ninh Thuận đến Cà Mau), đã xẩy ra 53 vụ": Cà Mau closes the
    range, it is not whose 53 accidents they are (a follow-up "Còn Cà Mau?" was answered 53 vụ).
    "trong năm 2019 và 6 tháng đầu năm 2020 … 53 vụ" counts both periods; "40 vụ xẩy ra năm 2019"
    is that year's, written after it."""
    figs = _extract("Ông Nguyễn Bình Trung - Phó Trưởng Ban An toàn của EVNSPC - cho biết, trong năm 2019 và "
                    "6 tháng đầu năm 2020 tại 21 tỉnh thành miền Nam (từ Ninh Thuận đến Cà Mau), đã xẩy ra 53 vụ "
                    "tai nạn về điện, trong đó 40 vụ xẩy ra năm 2019 và 13 vụ trong 6 tháng đầu năm 2020.")
    assert figs["53 vụ"].entity not in ("Cà Mau", "Ninh Thuận")
    assert figs["53 vụ"].period == "năm 2019 và 6 tháng đầu năm 2020"
    assert (figs["40 vụ"].period, figs["13 vụ"].period) == ("năm 2019", "6 tháng đầu năm 2020")


def test_months_of_the_year_and_a_value_are_read_as_news_writes_them():
    """"sau 8 tháng của năm nay với trị giá đạt 33 tỉ USD": the eight months of the record's year
    (it had taken the whole year, so "8 tháng đầu năm 2019" found no figure), and a value, not a
    price ("trị giá" is no "giá"); "106Mwp", "điện lượng … 815 triệu Kwh" as written."""
    from kcqa.models import Document
    doc = Document(path="xk-dien-thoai-2019.txt", metadata={"year": 2019}, title="Điện thoại xuất khẩu", text=(
        "Điện thoại xuất khẩu\n\nNhóm hàng điện thoại có giá trị xuất khẩu lớn nhất sau 8 tháng của năm nay với "
        "trị giá đạt 33 tỉ USD.\n\nGiai đoạn II của nhà máy có công suất 106Mwp, điện lượng trung bình hàng năm "
        "815 triệu Kwh."))
    figs = {f.text: f for f in extract_figures(doc)}
    assert figs["33 tỉ USD"].period == "8 tháng của năm 2019"
    assert figs["33 tỉ USD"].measure == "giá trị xuất khẩu"
    assert figs["106Mwp"].unit == "MWp"
    assert figs["815 triệu Kwh"].measure == "điện lượng"


def _figures_by_text(year: int, text: str) -> dict:
    """The figures of a record of `year` whose text is `text`, by their text as written."""
    from kcqa.models import Document
    return {f.text: f for f in extract_figures(Document(path="x.txt", metadata={"year": year}, text=text))}


def test_the_date_a_paper_was_issued_is_no_period_of_what_it_reports():
    """"Theo Báo cáo số 188/BC-BCĐ ngày 24/11/2025, trong tháng, … xử lý 372 vụ": the date is the
    report's, not when the cases were handled (it had dated them by the day, so a question about
    the month ruled them out); a day that is no paper's still dates its figure."""
    figs = _figures_by_text(2025, "Theo số liệu thống kê tại Báo cáo số 188/BC-BCĐ ngày 24/11/2025, trong tháng, các "
                                  "lực lượng chức năng đã phát hiện, xử lý 372 vụ vi phạm.")
    assert "24/11/2025" not in figs["372 vụ"].period
    figs = _figures_by_text(2025, "Ngày 24/11/2025, lực lượng chức năng đã xử lý 12 vụ vi phạm.")
    assert figs["12 vụ"].period == "Ngày 24/11/2025"


def test_months_from_january_are_the_months_so_far_and_cu_the_details_the_paragraph_before():
    """"Tính chung trong 9 tháng (từ tháng 1 đến tháng 9/2023)" is the nine months, not
    September; a paragraph opening "Cụ thể," (or "Theo đó,") gives the details of the one before,
    of its period."""
    figs = _figures_by_text(2023, "Xuất khẩu\n\nTrong tháng 9/2023, kim ngạch xuất khẩu của cả nước đạt 30,6 tỷ USD.\n\n"
                                  "Cụ thể, kim ngạch xuất khẩu của Bắc Ninh đạt 4,2 tỷ USD.\n\n"
                                  "Tính chung trong 9 tháng (từ tháng 1 đến tháng 9/2023), Bắc Ninh đạt 28,66 tỷ USD.")
    assert figs["4,2 tỷ USD"].period == "tháng 9/2023"
    assert figs["28,66 tỷ USD"].period == "9 tháng năm 2023"
    # to a day of a month: the months up to it ("từ tháng 1 đến 30-8" had been January alone, and the
    # eight months' seizures refused to "năm 2019")
    figs = _figures_by_text(2019, "Long An chống buôn lậu 8 tháng\n\nTừ tháng 1 đến 30-8, lực lượng chức năng thu giữ "
                                  "1.340.320 gói thuốc lá ngoại.")
    assert figs["1.340.320 gói"].period.startswith("8 tháng")


def test_a_period_is_read_from_its_own_group_and_the_year_of_the_same_month_named_before():
    """A period after ";" is the next group's ("… đạt 3.397,5 nghìn tỷ đồng; giá trị … 6 tháng đầu
    năm 2018 …" is not 2018's); "trong tháng 1" after "tháng 1/2017" in the paragraph before is
    January 2017, though that paragraph ends on "cuối năm 2016"; a context naming a year and a
    programme's span reports the year; "Sáu tháng qua" is a half-year review's six months."""
    figs = _figures_by_text(2018, (
        "Hội nghị\n\nNăm 2017 công nghiệp tăng trưởng. Giá trị sản xuất công nghiệp toàn khu vực đạt 3.397,5 "
        "nghìn tỷ đồng, tăng 20,3% so với năm 2016; giá trị sản xuất công nghiệp 6 tháng đầu năm 2018 của khu "
        "vực ước đạt 1.772,4 nghìn tỷ đồng.\n\n"
        "Vốn FDI tháng 1/2017 đạt 1,423 tỷ USD, tăng trở lại sau sự sụt giảm trong các tháng cuối năm 2016.\n\n"
        "Theo đó, trong tháng 1, cả nước cấp phép 175 dự án mới.\n\n"
        "Ngày 07/9/2023, tỉnh phê duyệt Kế hoạch khuyến công năm 2023 theo chương trình giai đoạn 2021-2025.\n\n"
        "Theo đó, Trung tâm thực hiện 7 đề án.\n\n"
        "Sáu tháng qua, tổng kim ngạch xuất khẩu đạt 2,089 tỷ USD."))
    assert "2018" not in figs["3.397,5 nghìn tỷ đồng"].period
    assert figs["175 dự án"].period == "tháng 1 năm 2017"
    assert figs["7 đề án"].period == "năm 2023"
    assert figs["2,089 tỷ USD"].period == "Sáu tháng qua năm 2018"


def test_a_period_in_an_aside_with_its_own_figure_does_not_date_what_follows_it():
    """"tính chung 10 tháng, … tăng 1,45% (do quý 3/2021 giảm 19,92% so cùng kỳ) trong đó, công
    nghiệp chế biến, chế tạo tăng 1,5%": the bracket's quarter is its own figure's, and the share
    after it is of the ten months; a bracket that only dates ("(tính đến 31/12/2020)") still dates."""
    figs = _figures_by_text(2021, "Tính chung 10 tháng, chỉ số sản xuất công nghiệp tăng 1,45% (do quý 3/2021 "
                                  "giảm 19,92% so cùng kỳ) trong đó, công nghiệp chế biến, chế tạo tăng 1,5%.")
    assert figs["19,92%"].period == "quý 3/2021"
    assert figs["1,5%"].period == "10 tháng năm 2021"
    dated = _figures_by_text(2021, "Tổng tài sản (tính đến 31/12/2020) đạt 492.516 tỷ đồng.")
    assert "31/12/2020" in dated["492.516 tỷ đồng"].period


def test_a_unit_against_its_number_is_no_subject_nor_ever_now():
    """"… đã đạt 423MW, vượt kỷ lục từ trước đến nay, tăng hơn 21MW …": "MW" was the subject of
    the change, and "từ trước đến nay" (ever) made it a figure of now, of the record's year
    rather than the half-year the paragraph reports."""
    figs = _figures_by_text(2023, "Trong 6 tháng đầu năm 2023, điện thương phẩm đạt 1.182 triệu kWh. Trong khi đó, "
                                  "công suất cực đại (Pmax) toàn tỉnh đã đạt 423MW, vượt kỷ lục từ trước đến nay, "
                                  "tăng hơn 21MW so với cùng kỳ năm 2022.")
    assert figs["hơn 21MW"].entity == ""
    assert figs["hơn 21MW"].period == "6 tháng đầu năm 2023"


def test_who_reports_a_figure_is_not_its_subject():
    """"Theo Tổng giám đốc Nguyễn Anh Tuấn, …", "Theo Trung tâm Khuyến công … (Sở Công thương), …"."""
    figs = _figures_by_text(2025, "Theo Tổng giám đốc Nguyễn Anh Tuấn, đến cuối năm 2025, tổng công suất nguồn điện "
                                  "ước đạt khoảng 87.600 MW.")
    assert figs["khoảng 87.600 MW"].entity == ""
    figs = _figures_by_text(2011, "Theo Trung tâm Khuyến công & Tư vấn Phát triển công nghiệp (Sở Công thương), toàn "
                                  "tỉnh đang triển khai 13 đề án, với tổng kinh phí hỗ trợ là trên 1,2 tỉ đồng.")
    assert figs["trên 1,2 tỉ đồng"].entity == ""


def test_a_leads_part_of_the_year_frames_paragraphs_that_name_no_period():
    """A news lead "Trong 6 tháng đầu năm, Khánh Hòa …" frames "Kim ngạch xuất khẩu đạt 1.266
    triệu USD" in a later paragraph, but not when the lead states a figure first ("… bán được 1,2
    triệu smartphone trong 17 tháng, trong đó phần lớn … đến từ 4 tháng đầu năm nay"); months
    written in words are a period ("bốn tháng đầu năm")."""
    text = ("Khánh Hòa thu ngân sách đạt 15.390 tỷ đồng\nTrong 6 tháng đầu năm, Khánh Hòa đã triển khai các nhiệm vụ.\n"
            "Kinh tế tiếp tục tăng trưởng. Kim ngạch xuất khẩu đạt 1.266 triệu USD.")
    from kcqa.models import Document
    figs = {f.text: f for f in extract_figures(Document(path="x.txt", title="Khánh Hòa thu ngân sách đạt 15.390 tỷ đồng",
                                                        metadata={"year": 2025}, text=text))}
    assert figs["1.266 triệu USD"].period == "6 tháng đầu năm 2025"
    text = ("VinSmart bán được 1,2 triệu smartphone\nTập đoàn VinSmart đã bán được 1,2 triệu smartphone trong 17 "
            "tháng, trong đó phần lớn doanh số đến từ 4 tháng đầu năm nay.\nHãng đang có 12 cửa hàng.")
    figs = {f.text: f for f in extract_figures(Document(path="x.txt", title="VinSmart bán được 1,2 triệu smartphone",
                                                        metadata={"year": 2020}, text=text))}
    assert figs["12 cửa hàng"].period == "năm 2020"
    figs = _figures_by_text(2024, "Tính chung bốn tháng đầu năm 2024, IIP ước tính tăng 6,0% so với cùng kỳ năm trước.")
    assert figs["6,0%"].period == "bốn tháng đầu năm 2024"
    assert figs["6,0%"].measure == "iip"         # the index's abbreviation is its measure


def test_a_saved_pages_date_line_is_no_lead_and_the_other_indices_are_measures():
    """A page saved with its headline, then its date line ("09:40 10/04/2025"), then the lead
    "Quý I, chỉ số sản xuất công nghiệp …": the lead's quarter frames the next paragraph (whose
    figures had been the year's, and no quarter question could reach them). The consumption index
    is a measure of its own, not the IIP named before it in the sentence."""
    from kcqa.models import Document
    text = ("Chỉ số sản xuất công nghiệp tăng 12,06%\n09:40 10/04/2025\nQuý I, chỉ số sản xuất công nghiệp (IIP) của "
            "tỉnh tăng 12,06% so với cùng kỳ năm trước.\nXét theo ngành công nghiệp cấp 1, ngành chế biến, chế tạo có "
            "chỉ số tăng 13,1%.\nTrong tháng 3, chỉ số IIP tăng 31,41% so với tháng trước; chỉ số tiêu thụ toàn ngành "
            "công nghiệp chế biến, chế tạo quý I tăng khá 8,3% so với cùng kỳ.")
    figs = {f.text: f for f in extract_figures(Document(path="x.txt", title="Chỉ số sản xuất công nghiệp tăng 12,06%",
                                                        metadata={"year": 2025}, text=text))}
    assert figs["13,1%"].period == "Quý I năm 2025"
    assert figs["8,3%"].measure == "chỉ số tiêu thụ"


def test_a_headlines_target_year_dates_no_result_of_the_body():
    """"Năm 2024, Sở Công Thương phấn đấu đạt giá trị sản xuất công nghiệp trên 40.000 tỷ đồng" heads
    a review of 2023: the body's results that name no year are the lead's 2023, not the target's
    2024 (a year question about 2023 had ruled them out)."""
    from kcqa.models import Document
    title = "Năm 2024, Sở Công Thương phấn đấu đạt giá trị sản xuất công nghiệp trên 40.000 tỷ đồng"
    text = (title + "\nChiều ngày 2/1, Sở Công Thương tổ chức hội nghị tổng kết công tác năm 2023 và triển khai "
            "nhiệm vụ năm 2024.\nGiá trị sản xuất công nghiệp ước đạt trên 35.360 tỷ đồng, tăng 12,06%.")
    figs = {f.text: f for f in extract_figures(Document(path="x.txt", title=title, metadata={"year": 2024}, text=text))}
    assert figs["trên 35.360 tỷ đồng"].period == "năm 2023"


def test_each_count_of_a_list_has_the_owner_written_after_it():
    """"… trong đó có 700 gian hàng của các tổ chức, doanh nghiệp Trung Quốc, 100 gian hàng của …
    Việt Nam": each count's owner follows it with "của" (the 100 booths were China's, and the
    Vietnamese firms' question was answered with China's 700 at 0.93); a count of shares "của" a
    company names the issuer, not the holder, and no list of owners means none is read."""
    figs = _figures_by_text(2018, "Hội chợ năm nay có quy mô trên 800 gian hàng tiêu chuẩn, trong đó có 700 gian hàng "
                                  "của các tổ chức, doanh nghiệp Trung Quốc, 100 gian hàng của các tổ chức, doanh "
                                  "nghiệp Việt Nam.")
    assert (figs["700 gian hàng"].entity, figs["100 gian hàng"].entity) == ("Trung Quốc", "Việt Nam")
    figs = _figures_by_text(2020, "Nhập toàn bộ 6.464 người của phường An Hội và 10.257 người của phường An Lạc vào "
                                  "phường Tân An.")
    assert (figs["6.464 người"].entity, figs["10.257 người"].entity) == ("An Hội", "An Lạc")
    figs = _figures_by_text(2012, "Berkshire sở hữu 415 triệu cổ phiếu của tập đoàn bán lẻ Tesco (Anh).")
    assert figs["415 triệu cổ phiếu"].entity != "Tesco"


def test_a_comparisons_baseline_ends_with_its_sentence():
    """"… tăng 1,52% so với cùng kỳ năm trước. Riêng trong quý III năm 2020, …": the baseline of the
    first sentence had run on past its full stop and made the quarter a baseline, so the breakdown
    opening the next paragraph ("Trong đó, công nghiệp khai khoáng giảm 43,68%") took the nine months."""
    figs = _figures_by_text(2020, "9 tháng đầu năm 2020, chỉ số sản xuất công nghiệp tăng 5,87% so với cùng kỳ năm "
                                  "trước. Riêng trong quý III năm 2020, chỉ số sản xuất công nghiệp tăng 7,32% so với "
                                  "cùng kỳ năm trước.\n\nTrong đó, công nghiệp khai khoáng giảm 43,68%.")
    assert figs["43,68%"].period == "quý III năm 2020"
    assert figs["5,87%"].period == "9 tháng đầu năm 2020"


def test_a_person_who_tells_a_figure_is_not_its_subject(tmp_path):
    """"Ông Nguyễn Khắc Nhu cho biết thêm, … đã triển khai được 20/32 dự án, trong đó có 8 dự án đi
    vào hoạt động": the speaker had been the figures' entity, so a question about the province
    found them of someone else."""
    path = tmp_path / "vinh-long.txt"
    path.write_text("Vĩnh Long thu hút đầu tư năm 2019\n\nÔng Nguyễn Khắc Nhu cho biết thêm, trong 32 dự án được ký "
                    "kết tại hội nghị xúc tiến đầu tư của tỉnh năm 2018, đến nay đã triển khai được 20/32 dự án, trong "
                    "đó có 8 dự án đi vào hoạt động.\n", encoding="utf-8")
    figs = {f.text: f for f in extract_figures(read_document(path))}
    assert "Nguyễn Khắc Nhu" not in figs["8 dự án"].entity and "Nguyễn Khắc Nhu" not in figs["20/32 dự án"].entity


def test_a_month_written_with_a_hyphen_keeps_its_year():
    """"Trong tháng 4-2015, …" (as papers write it) is April 2015: read as "tháng 4", the next
    sentence's figures lost the year and failed the period asked."""
    from kcqa.extract.figures import periods_in
    assert [p for _, _, p in periods_in("(ĐN)- Trong tháng 4-2015, Chi cục đã kiểm tra 218 vụ")] == ["tháng 4-2015"]
    assert [p for _, _, p in periods_in("tháng 3-20 người")] == ["tháng 3"]


def test_a_month_named_again_takes_its_year_from_no_baseline():
    """"Xuất khẩu tháng 1 … giảm 14,5% so với tháng 1/2022. Nhập khẩu tháng 1 ước …": the month
    named again is this year's; the year of last January, its baseline, had dated it."""
    figs = _figures_by_text(2023, "Bắc Ninh: sản xuất công nghiệp tháng 1/2023\n\nKim ngạch xuất khẩu tháng 1 ước "
                                  "đạt 3.276 triệu USD, giảm 14,5% so với tháng 1/2022. Nhập khẩu tháng 1 ước 2.815 "
                                  "triệu USD, giảm 24% so với cùng kỳ.")
    assert figs["ước 2.815 triệu USD"].period == figs["24%"].period == "tháng 1 năm 2023"


def test_a_change_written_as_its_sign_in_brackets_is_a_rise_or_a_fall():
    """Statistics reports list branches with their change as a sign in brackets ("ngành khai
    khoáng (+16,2%); … ngành cung cấp nước (-5,6%)"): each is a change, which "tăng bao nhiêu?"
    asks (they had no relation, and a change question never reached them); a range is not."""
    figs = _extract(
        "Chỉ số sản xuất ngành công nghiệp 6 tháng đầu năm 2022 ước tính tăng gần 25% so với cùng kỳ năm trước; "
        "trong đó ngành khai khoáng (+16,2%); ngành sản xuất và phân phối điện (+ 25,3%); "
        "ngành cung cấp nước và xử lý rác thải (-5,6%). Tỷ lệ đạt 10-15%.")
    assert figs["+16,2%"].relation == "tăng" and figs["25,3%"].relation == "tăng"
    assert figs["-5,6%"].relation == "giảm"
    assert not figs["10-15%"].relation.startswith(("tăng", "giảm"))


def test_a_papers_tag_opening_a_line_and_a_holiday_are_no_ones_figure():
    """"KTĐT - Gần 58 tỷ đồng là …" opens with the paper's tag, and "trước và sau Tết Đinh Dậu 2017"
    dates a figure: neither is its subject. Taken for one, the figure was held to be about
    something other than the city its record reports on, and a question naming the city lost it."""
    figs = _figures_by_text(2011, "Hà Nội tiết kiệm năng lượng năm 2011\n\nKTĐT - Gần 58 tỷ đồng là số tiền "
                                  "tiết kiệm được qua Chương trình năm 2011.\n\n"
                                  "Tổng giá trị hàng hóa dự trữ cho hai tháng trước và sau Tết Đinh Dậu 2017 là hơn "
                                  "17.000 tỉ đồng.")
    assert figs["Gần 58 tỷ đồng"].entity == ""
    assert "Dậu" not in figs["hơn 17.000 tỉ đồng"].entity and "Tết" not in figs["hơn 17.000 tỉ đồng"].entity
    # a name that opens the line and goes on with a hyphen is still a name
    assert _figures_by_text(2020, "Tin\n\nPC Quảng Ngãi - Công ty Điện lực đạt 3.200 tỷ đồng.")["3.200 tỷ đồng"].entity


def test_a_year_bracketed_after_a_figure_dates_that_figure_and_no_other():
    """"từ 1,62 tỉ đô la Mỹ (2015) lên đến 2,23 tỉ đô la Mỹ (2019)": each bracket dates the figure
    it follows, not the span named before ("giai đoạn 2015-2019"); and "cấp điện cho 17.540 hộ, …,
    từ 86,7% (năm 2015) lên 97,5% (năm 2020)" does not date the 17.540 hộ by a later figure's 2015."""
    figs = _figures_by_text(2020, "Sơn La: kết quả năm 2020\n\nHoàn thành cấp điện cho 17.540 hộ tại 333 thôn/bản, góp "
                                  "phần nâng tỷ lệ hộ được sử dụng điện từ 86,7% (năm 2015) lên 97,5% (năm 2020).\n\n"
                                  "Kim ngạch xuất khẩu hàng thủ công mỹ nghệ giai đoạn 2015-2019 tăng trung bình "
                                  "9,5%/năm, từ 1,62 tỉ đô la Mỹ (2015) lên đến 2,23 tỉ đô la Mỹ (2019).")
    assert figs["17.540 hộ"].period == "năm 2020"
    assert figs["86,7%"].period == "năm 2015"
    assert figs["1,62 tỉ đô la Mỹ"].period == "năm 2015"
    assert figs["9,5%/năm"].period == "giai đoạn 2015-2019"


def test_a_span_that_ends_with_part_of_a_year_is_one_period():
    """"(giai đoạn 2021 - sáu tháng đầu năm 2023) ước đạt 6.784 triệu USD": two and a half years, not
    the first half of 2023 its end names (a question on the half-year alone was answered by them)."""
    figs = _figures_by_text(2023, "Quảng Ninh: xuất khẩu\n\nTổng kim ngạch xuất khẩu hai năm rưỡi (giai đoạn 2021 - sáu "
                                  "tháng đầu năm 2023) ước đạt 6.784 triệu USD, tăng bình quân 9,7%/năm.")
    assert figs["ước đạt 6.784 triệu USD"].period == figs["9,7%/năm"].period == "giai đoạn 2021 - sáu tháng đầu năm 2023"


def test_a_cited_works_year_and_a_passive_agent_and_the_rest_of_the_provinces():
    """"theo Sách Thương mại điện tử Việt Nam năm 2022, … ở mức 16%, … năm 2021": the year names the
    book, the sentence's other year is its figures' (a question about 2021 had not been answered);
    "… đã được Bộ Công thương cấp giấy …, … và 3 doanh nghiệp …": who granted it is no one's subject;
    "…, thì 61 địa phương còn lại … chỉ đạt 4,5 điểm" is of no province named before it."""
    figs = _figures_by_text(2022, "Thương mại điện tử\n\nTrong bối cảnh đó, theo Sách Thương mại điện tử Việt Nam năm "
                                  "2022, thương mại điện tử Việt Nam vẫn giữ tốc độ tăng trưởng ổn định ở mức 16%, doanh "
                                  "thu bán lẻ đạt 13,7 tỷ USD năm 2021.")
    assert figs["16%"].period == "năm 2021"
    figs = _figures_by_text(2021, "Xăng dầu\n\nHiện nay trên địa bàn tỉnh có 7 doanh nghiệp đã được Bộ Công thương cấp "
                                  "giấy xác nhận đủ điều kiện làm thương nhân phân phối xăng dầu, 1 doanh nghiệp làm "
                                  "thương nhân xuất nhập khẩu xăng dầu và 3 doanh nghiệp làm tổng đại lý xăng dầu.")
    assert figs["3 doanh nghiệp"].entity == ""
    figs = _figures_by_text(2025, "Chỉ số\n\nNếu như chỉ số B2C của Hà Nội và thành phố Hồ Chí Minh đạt từ 62,9 điểm "
                                  "trở lên, thì 61 địa phương còn lại có số điểm cao nhất chỉ đạt 4,5 điểm.")
    assert figs["4,5 điểm"].entity == ""


def test_a_region_a_count_of_places_reaches_is_not_the_next_counts():
    """"… 17 tỉnh, thành miền Trung - Tây Nguyên và 9 tỉnh phía Bắc": Tây Nguyên is how far the 17
    reach, not the subject of the 9 (asked how many provinces of Tây Nguyên took part, 9 had been
    stated at 0.97); a company after a count of places is still the subject of its own."""
    figs = _figures_by_text(2019, "Kết nối cung cầu\n\nChương trình năm nay có 45 địa phương tham gia, gồm: 6 tỉnh, thành "
                                  "Đông Nam bộ; 13 tỉnh, thành Tây Nam bộ; 17 tỉnh, thành miền Trung - Tây Nguyên và 9 "
                                  "tỉnh phía Bắc.")
    assert figs["9 tỉnh"].entity == ""
    figs = _figures_by_text(2020, "Cửa hàng\n\nTrong số 45 địa phương tham gia, Saigon Co.op có 800 cửa hàng.")
    assert figs["800 cửa hàng"].entity == "Saigon Co.op"


def test_a_province_name_holds_no_measure():
    """"tỉnh Tiền Giang có 12 sản phẩm": "Tiền" of the name is no money measure ("tiền"), which had made
    the province's own count rank below the region's total."""
    figs = _figures_by_text(2022, "Tiền Giang\n\nTrong đó, tỉnh Tiền Giang có 12 sản phẩm được công nhận và trao giải.")
    assert figs["12 sản phẩm"].measure == "sản phẩm"
    figs = _figures_by_text(2023, "Gia Lai\n\nNăm 2023, doanh thu của Gia Lai đạt 120 tỷ đồng.")
    assert figs["120 tỷ đồng"].measure == "doanh thu"


def test_a_signed_change_keeps_its_verb_and_its_sign():
    """"giảm nhiều hơn (-13,01%)": the figure is the record's "-13,01%", of the verb before its sign (read
    from the number, the verb had been lost with the sign in the span and the fall no longer answered
    "giảm bao nhiêu?"); a sign alone in a bracket says the way it moved."""
    figs = _extract("GRDP quý I/2023 giảm (-11,38%), sang quý II tiếp tục giảm nhiều hơn (-13,01%) so với cùng kỳ. "
                    "Trong đó ngành khai khoáng (-5,6%), ngành chế biến (+7,9%).")
    assert figs["-13,01%"].relation.startswith("giảm") and figs["-13,01%"].value == -13.01
    assert figs["-11,38%"].relation.startswith("giảm")
    assert figs["-5,6%"].relation == "giảm" and figs["+7,9%"].relation == "tăng" and figs["+7,9%"].value == 7.9


def test_a_breakdown_in_brackets_does_not_measure_the_next_figure():
    """"điện tử có 44% doanh nghiệp cung cấp cho thị trường trong nước (trong đó 22% cung cấp hoàn toàn cho
    FDI), 16% cung cấp cho thị trường xuất khẩu": the bracket breaks the 44% down; the 16% had been measured
    by its "FDI" and stated for "bao nhiêu phần trăm … cung cấp hoàn toàn cho FDI?"."""
    figs = _extract("Ngành điện tử có 44% doanh nghiệp cung cấp cho thị trường trong nước (trong đó 22% cung cấp hoàn "
                    "toàn cho FDI), 16% cung cấp cho thị trường xuất khẩu.")
    assert "fdi" not in figs["16%"].measure.lower()


def test_the_place_of_an_earlier_shares_base_is_not_the_next_shares_entity():
    """"chiếm 38% giá trị xuất khẩu của ngành gỗ Việt Nam và 18,5% tổng kim ngạch xuất khẩu của tỉnh":
    Việt Nam ends the 38%'s base; the 18,5% (the province's share) had been Việt Nam's, and a
    question about the province then found only the 38%. A name that opens an item of its own
    stays its figure's entity."""
    figs = _extract("Năm 2024, ngành gỗ của tỉnh chiếm 38% giá trị xuất khẩu của ngành gỗ Việt Nam và 18,5% tổng "
                    "kim ngạch xuất khẩu của tỉnh. Thị phần của Hoa Kỳ chiếm 40% tổng kim ngạch của tỉnh, "
                    "Nhật Bản chiếm 12%.")
    assert figs["18,5%"].entity == ""
    assert figs["12%"].entity == "Nhật Bản"
    # … with the earlier figure's own span after its base
    figs = _extract("EU sẽ xóa bỏ thuế quan đối với 86,5% kim ngạch xuất khẩu thủy sản của Việt Nam trong vòng 3 năm, "
                    "90,3% trong vòng 5 năm.")
    assert figs["90,3%"].entity == ""
