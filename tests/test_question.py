"""Understanding questions: kind, unit, places, periods — accented or not."""

import pytest

from kcqa.text import lexicon

from kcqa.ask.frame import parse_question
from kcqa.text.vietnamese import strip_diacritics


@pytest.mark.parametrize("text,kind,unit_kind", [
    ("Quảng Nam được bố trí bao nhiêu kinh phí?", "amount", "money"),
    ("Năm 2019 kinh phí khuyến công đạt bao nhiêu phần trăm kế hoạch?", "percent", "percent"),
    ("Kinh phí khuyến công thực hiện năm 2019 tăng bao nhiêu so với năm 2018?", "figure", None),
    ("Có bao nhiêu tập thể và cá nhân được tặng bằng khen?", "count", "count"),
    ("Địa phương nào bố trí ngân sách cho khuyến công cao nhất?", "superlative", "money"),
    ("Thứ trưởng Bộ Công Thương nào dự hội nghị?", "who", None),
    ("Tỉnh nào đăng cai hội nghị năm 2021?", "place", None),
    ("Hoạt động khuyến công được thực hiện theo nghị định nào?", "document", None),
    ("Xã Krông Na được đổi tên thành xã gì?", "named", None),
    ("So sánh kinh phí khuyến công năm 2019 và 2020", "compare", "money"),
    ("Năm 2020 sản lượng sản xuất của BSR đạt bao nhiêu?", "figure", None),   # "lượng" is not "lương"
    # "ở mức nào" asks for the level reached, a figure, not the name of a "mức"
    ("Phiên hôm qua, chỉ số đóng cửa ở mức nào?", "figure", None),
    # a counted noun read on its marks, though folded it is a function word ("cho")
    ("Toàn tỉnh có bao nhiêu chợ?", "count", "count"),
    ("Năm 2020 chi bao nhiêu cho khuyến công?", "figure", None),
    ("Tỷ lệ nợ xấu được kiểm soát ở mức nào?", "percent", "percent"),
    ("Lợi suất trái phiếu giảm xuống muc nao?", "figure", None),
    # a month, a quarter, a decade or a century asked is a time, not a name
    ("Nhà máy bắt đầu xây dựng trong thập kỷ nào?", "when", None),
    ("Dự án dự kiến hoàn thành vào quý nào?", "when", None),
    ("Thang nao ngan hang dieu chinh lai suat?", "when", None),
])
def test_kinds(text, kind, unit_kind):
    q = parse_question(text)
    assert (q.kind, q.unit_kind) == (kind, unit_kind)


def test_places_years_periods_and_names():
    q = parse_question("Doanh thu quý 2/2021 của Vingroup ở TP.HCM là bao nhiêu?")
    assert q.years == {2021} and q.period == "quy 2"
    assert q.names == ["vingroup"]
    assert [p.name for _, ps in q.places for p in ps] == ["Hồ Chí Minh"]


def test_title_phrase_stops_at_lower_case():
    assert parse_question("Thứ trưởng Bộ Công Thương nào dự hội nghị?").title_phrase == "Thứ trưởng Bộ Công Thương"


@pytest.mark.parametrize("text,units", [
    ("6 tháng đầu năm 2022 tỉnh Bình Dương tiết kiệm được bao nhiêu điện?", {"kWh", "MWh", "GWh"}),
    ("Năm 2023 cả tỉnh tiêu thụ bao nhiêu điện năng?", {"kWh", "MWh", "GWh"}),
    ("Có bao nhiêu điện thoại bị thu giữ?", None),       # phones are counted
])
def test_energy_asked_as_a_good_is_asked_in_its_units(text, units):
    """"tiết kiệm được bao nhiêu điện?" had counted "điện" and refused "168,92 triệu kWh"."""
    assert parse_question(text).units == units


def test_a_title_held_with_another_is_asked_with_both():
    """"Chủ tịch kiêm Tổng Giám đốc …" had been read "Chủ tịch", whose first holder in the
    sentence (a province's "Chủ tịch HĐND tỉnh") was stated at 0.86."""
    q = parse_question("Ai là Chủ tịch kiêm Tổng Giám đốc Tổng Công ty Điện lực miền Trung dự lễ?")
    assert q.title_phrase.startswith("Chủ tịch kiêm Tổng Giám đốc Tổng Công")
    assert parse_question("Ai là Chủ tịch kiêm nhiệm?").title_phrase == "Chủ tịch"


def test_measures_that_imply_units():
    assert "ha" in parse_question("Diện tích trồng lúa là bao nhiêu?").units
    assert "người" in parse_question("Dân số của tỉnh là bao nhiêu?").units


def test_count_noun_is_read_from_unaccented_questions_too():
    q = parse_question(strip_diacritics("Có bao nhiêu doanh nghiệp rút lui khỏi thị trường?"))
    assert q.kind == "count" and q.count_noun.startswith("doanh nghiep")


@pytest.mark.parametrize("text,kind,unit_kind,noun", [
    # a rate is a percentage, whatever money word ("tiền gửi") stands beside it
    ("Lãi suất tối đa cho tiền gửi không kỳ hạn là bao nhiêu?", "percent", "percent", None),
    ("Tỉ trọng điện mặt trời so với các loại nhà máy điện khác là bao nhiêu?", "percent", "percent", None),
    # a currency after "bao nhiêu" asks for money, not for a count of yên
    ("Lợi nhuận quý thứ ba của SMFG là bao nhiêu yên?", "amount", "money", None),
    # a total of money after "bao nhiêu" is no count of "tổng tài sản" (no candidate was left)
    ("Tại ngày 31/12/2020 HAGL có bao nhiêu tổng tài sản?", "amount", "money", None),
    ("nam 2020 tinh chi bao nhieu tong kinh phi khuyen cong", "amount", "money", None),
    # "bao lâu", "bao nhiêu tháng": a length of time
    ("Nhà ga T3 có thời gian thực hiện bao nhiêu tháng?", "figure", "duration", None),
    ("Mỗi vụ hành tím bao lâu thì thu hoạch?", "figure", "duration", None),
    ("du an keo dai may nam", "figure", "duration", None),
    # "nhà máy nằm ở …" folds to "may nam" too, but asks no length of years; "lúc mấy giờ" a time of day
    ("Nhà máy đó nằm ở thị trấn nào?", "named", None, None),
    ("nha may nam o thi tran nao", "named", None, None),
    ("Buổi tổng duyệt bắt đầu lúc mấy giờ, ngày nào?", "when", None, None),
    # a plan or programme asked by its number is a document
    ("Kế hoạch tổ chức diễn tập năm 2022 là kế hoạch số mấy?", "document", None, None),
    ("Mức tăng đó vượt chỉ tiêu của chương trình hành động nào?", "document", None, None),
    # … but "bao nhiêu năm 2011" names the period of what is asked, not a length of years
    ("Ngôi nhà của Zuckerberg rộng bao nhiêu năm 2011?", "figure", None, None),
    # "bao nhiêu lần" counts times; "mỗi năm" after "bao nhiêu" is not the counted noun
    ("Jared Allen có bao nhiêu lần vật ngã?", "count", "count", "lan vat nga"),
    # a period after the counted noun is no part of it
    ("Quảng Nam trình độ cao đẳng bao nhiêu người năm 2020?", "count", "count", "nguoi"),
    ("Có bao nhiêu doanh nghiệp năm nay đạt giải?", "count", "count", "doanh nghiep"),
    ("Thủy điện tăng thêm sản lượng điện bao nhiêu mỗi năm?", "figure", None, None),
    # a purpose or a cause after "bao nhiêu" is not a counted noun
    ("Gia đình Samsung sẽ quyên góp bao nhiêu để chống bệnh truyền nhiễm?", "figure", None, None),
    ("Nhà hàng bị phạt bao nhiêu vì không có giấy chứng nhận?", "figure", None, None),
    # … judged on the marks: folded, "đề án" and "vị trí" look like "để" and "vì"
    ("Tại Quảng Nam có bao nhiêu đề án?", "count", "count", "de an"),
    ("Có bao nhiêu vị trí tuyển dụng?", "count", "count", "vi tri tuyen dung"),
    # a period right after "bao nhiêu" is not what is counted; a count of quarters still is
    ("Hà Nam doanh thu du lịch bao nhiêu quý 1/2021?", "amount", "money", None),
    ("Dự án chậm bao nhiêu quý so với kế hoạch?", "count", "count", "quy so voi ke hoach"),
])
def test_unit_kinds_that_need_more_than_a_money_word(text, kind, unit_kind, noun):
    q = parse_question(text)
    assert (q.kind, q.unit_kind, q.count_noun) == (kind, unit_kind, noun)


def test_a_length_of_time_is_not_a_reporting_period():
    assert parse_question("Lãi suất kỳ hạn 1 tháng là bao nhiêu?").period is None
    assert parse_question("Doanh thu 9 tháng của BSR đạt bao nhiêu?").period == "9 thang"
    # monthly reports add up the months so far: any count of months of a year named after it
    assert parse_question("Chỉ số sản xuất công nghiệp 10 tháng năm 2016 tăng bao nhiêu?").period == "10 thang"
    assert parse_question("Xuất khẩu 11 tháng 2023 đạt bao nhiêu?").period == "11 thang"
    assert parse_question("Gửi kỳ hạn 10 tháng năm 2016 lãi suất bao nhiêu?").period is None


def test_names_leave_out_measures_units_and_numerals():
    assert parse_question("Theo IMF, GDP Việt Nam năm 2021 tăng trưởng bao nhiêu?").names == ["imf", "viet nam"]
    assert parse_question("Lợi nhuận quý I/2021 của LienVietPostBank đạt bao nhiêu?").names == ["lienvietpostbank"]
    assert parse_question("Điện mặt trời mái nhà tăng lên bao nhiêu MWp?").names == []


def test_a_sector_after_nganh_is_no_name():
    """"ngành Công thương" is a sector: as a name ("cong") it became the subject carried into a
    follow-up ("Công năm 2022 đặt mục tiêu bao nhiêu") and a name every answer must mention."""
    q = parse_question("Theo hội nghị triển khai nhiệm vụ ngành Công thương năm 2022, tổng kim ngạch xuất nhập "
                       "khẩu năm 2021 đạt bao nhiêu?")
    assert q.names == []
    assert parse_question("Ngân hàng Nhà nước bơm bao nhiêu tiền?").names == ["ngan hang nha nuoc"]


def test_a_term_of_the_state_is_no_name():
    """"khu vực kinh tế Nhà nước", "ngân sách Nhà nước": "Nhà" had been a name every answer must
    mention, and a follow-up's rewrite put it first ("Số liệu Nhà do cơ quan nào cung cấp …")."""
    assert parse_question("9 tháng năm 2024 vốn đầu tư của khu vực kinh tế Nhà nước đạt bao nhiêu?").names == []
    assert parse_question("Nguồn vốn ngân sách Nhà nước hỗ trợ Vinamilk là bao nhiêu?").names == ["vinamilk"]
    assert parse_question("Vốn Trung ương hỗ trợ bao nhiêu?").names == []


def test_which_cases_or_goods_ask_for_a_passage_not_a_name():
    """"những vụ việc nổi cộm nào", "các mặt hàng … là những mặt hàng nào" ask for what the
    record lists, which no proper name answers (a named answer gave "Tổng Cục Quản")."""
    assert parse_question("Trong 10 tháng năm 2023, Cục QLTT tập trung xử lý những vụ việc nổi cộm nào?").kind == "passage"
    assert parse_question("Các mặt hàng xuất khẩu chủ yếu qua cửa khẩu Lào Cai là những mặt hàng nào?").kind == "passage"
    assert parse_question("Mặt hàng nào tăng mạnh nhất?").kind == "superlative"


def test_the_noun_asked_is_read_with_its_marks():
    """"cửa khẩu nào": folded, "cửa" is "của", a stop word, and the noun had been "khau"."""
    assert parse_question("Cửa khẩu nào của Cao Bằng được đề xuất nâng cấp?").noun == "cua khau"
    assert parse_question("Sản phẩm của đơn vị nào đạt giải?").noun == "don vi"


@pytest.mark.parametrize("text,noun", [
    ("Cơ quan nào đã kiểm tra 1.204 vụ?", "co quan"),          # "cơ" is no "có"
    ("co quan nao da kiem tra 1.204 vu", "co quan"),
    ("UBND tỉnh giao cơ quan nào chủ trì?", "co quan"),         # the verb before the noun is no part of it
    ("Chỉ tiêu này do đơn vị nào giao?", "don vi"),
    ("Hiệp hội nào đã kiến nghị đổi mới cơ chế?", "hiep hoi"),   # a body asked, not what it proposed
    ("Thị trường xuất khẩu chính là thị trường nào?", "thi truong"),   # "trường" there is no school
    ("Cơ sở nào được hỗ trợ?", "co so"),
])
def test_a_body_is_asked_by_its_noun(text, noun):
    q = parse_question(text)
    assert (q.kind, q.noun) == ("named", noun)


def test_a_percentage_the_question_states_is_not_the_unit_it_asks_for():
    q = parse_question("SMBC chi bao nhiêu yên để mua 10% vốn Gemadept?")
    assert (q.kind, q.unit_kind, q.units) == ("amount", "money", {"yên"})
    assert parse_question("Lợi nhuận cả năm tính bằng đô la Mỹ là bao nhiêu?").units == {"USD"}
    assert parse_question("Kinh phí đạt bao nhiêu phần trăm kế hoạch?").unit_kind == "percent"


def test_numbered_things_are_identifiers():
    assert parse_question("Tổng vốn đầu tư tuyến metro số 2 là bao nhiêu?").identifiers == [("so", "2")]
    assert parse_question("Tổ máy 3 phát điện khi nào?").identifiers == [("to may", "3")]
    assert parse_question("Theo Nghị quyết số 60 có bao nhiêu tỉnh?").identifiers == []


@pytest.mark.parametrize("question,name", [
    ("Ngân hàng Thế giới dự báo GDP năm 2021 tăng bao nhiêu?", "ngan hang the gioi"),
    ("Trung tâm Khuyến công Quảng Nam có bao nhiêu đề án?", "trung tam khuyen cong"),
    ("Theo Tổ chức Y tế Thế giới có bao nhiêu ca nhiễm?", "y te the gioi"),
    ("Học phí của Học viện Tài chính là bao nhiêu?", "hoc vien tai chinh"),
    ("Dự án ở Bệnh viện Nhân Dân 115 trị giá bao nhiêu?", "benh vien nhan dan"),
    # a one-syllable noun capitalised with the word after it: the word's other syllable too
    ("Theo Cục Thống kê tỉnh, sản lượng bia tăng bao nhiêu?", "cuc thong ke"),
    ("Ban Chỉ đạo 389 tỉnh xử lý bao nhiêu vụ?", "ban chi dao"),
])
def test_an_organisations_name_keeps_its_lower_case_syllables(question, name):
    # only the first syllable of each word is capitalised: "Thế" alone names nothing, and the
    # organisation noun that opens a name of Vietnamese words is part of it ("Bệnh" is no name)
    assert name in parse_question(question).names


def test_a_brand_after_its_organisation_noun_is_the_name():
    assert parse_question("Công ty Vinamilk có mặt tại bao nhiêu quốc gia?").names == ["vinamilk"]
    assert parse_question("Ngân hàng Standard Chartered dự báo bao nhiêu?").names == ["standard chartered"]


@pytest.mark.parametrize("question,name", [
    ("Xuất khẩu sang Mỹ vào năm 2020 đạt bao nhiêu?", "my"),           # a lone capital elsewhere stays alone
    ("Lợi nhuận quý I của SSI đạt bao nhiêu?", "ssi"),                   # "quý" is not "quỹ"
    ("loi nhuan quy I cua SSI dat bao nhieu", "ssi"),
])
def test_a_lone_capital_outside_an_organisations_name_is_not_extended(question, name):
    names = parse_question(question).names
    assert name in names and not any(n.startswith(name + " ") for n in names)


def test_a_word_no_vietnamese_syllable_can_be_is_a_name_even_first():
    """The first word of a sentence is capitalised anyway, so a single capitalised first word
    is a name only when it cannot be Vietnamese: "Vinhomes" (a follow-up's rewrite puts the
    company first), not "Tổng"; in "miền Trung - Tây Nguyên", "Trung" is a direction, not a name."""
    assert parse_question("Vinhomes lợi nhuận gộp quý 1/2021 là bao nhiêu?").names == ["vinhomes"]
    assert parse_question("Tổng kinh phí năm 2019 là bao nhiêu?").names == []
    q = parse_question("Năm 2019 tổng kinh phí của 15 tỉnh, thành phố miền Trung - Tây Nguyên là bao nhiêu?")
    assert q.names == ["tay nguyen"]


@pytest.mark.parametrize("text,change", [
    ("Kinh phí khuyến công thực hiện năm 2019 tăng bao nhiêu so với năm 2018?", True),
    ("tang bao nhieu so voi cung ky", True),
    ("Lợi nhuận giảm mấy phần trăm?", True),
    ("Doanh thu quý I đạt bao nhiêu?", False),
    ("Tăng trưởng GDP năm 2020 là bao nhiêu?", False),
])
def test_a_change_asked_is_a_slot(text, change):
    assert parse_question(text).change is change


def test_a_period_written_in_words_is_the_same_period():
    """"Sáu tháng đầu năm 2022" in a record is the "6 tháng đầu năm" a question asks about."""
    from kcqa.ask.features import period_parts
    assert period_parts("Sáu tháng đầu năm 2022") == (None, 6) == period_parts("6 tháng đầu năm")
    assert period_parts("chín tháng đầu năm") == (None, 9)
    assert parse_question("sau thang dau nam 2022 von dau tu dat bao nhieu").period == "sau thang dau nam"


def test_a_quarter_and_its_year_are_slots_not_words_to_cover():
    """"quý 1/2021" and "Quý I/2021" ask the same: the record may write "Quý I năm 2021"."""
    a, b = parse_question("Quý 1/2021 lợi nhuận đạt bao nhiêu?"), parse_question("Quý I/2021 lợi nhuận đạt bao nhiêu?")
    assert "1/2021" not in a.content and "i/2021" not in b.content
    assert a.years == b.years == {2021} and a.period and b.period


@pytest.mark.parametrize("text,days", [
    ("Phiên 27/4/2021, VN-Index tăng bao nhiêu điểm?", {(27, 4)}),
    ("sang 24/4 gia vang SJC ban ra bao nhieu", {(24, 4)}),
    ("Dịp lễ 30/4-1/5, bao nhiêu phòng đã kín chỗ?", {(30, 4), (1, 5)}),
    ("Lỗ lũy kế tại ngày 31/12/2019 là bao nhiêu?", {(31, 12)}),
    ("Phiên giao dịch hôm qua (27/4) thanh khoản đạt bao nhiêu?", {(27, 4)}),
    ("Quý 1/2021 lợi nhuận đạt bao nhiêu?", set()),                # a quarter, not a day
    ("12/15 địa phương đạt bao nhiêu phần trăm?", set()),         # ratios
    ("9/11 chuyên ngành thiết bị được hỗ trợ bao nhiêu?", set()),
    ("Tỷ lệ 1/5 số xã được sắp xếp là bao nhiêu?", set()),       # "lệ" is not "lễ"
    ("Phiên trước ngày nghỉ lễ 10/3 Âm lịch, thanh khoản đạt bao nhiêu?", set()),   # a lunar day
    ("Ngày 1.6.2021 lượng điện tiêu thụ là bao nhiêu?", {(1, 6)}),   # as some papers write a day
    ("Riêng ngày 1.6, lượng điện tiêu thụ toàn quốc là bao nhiêu?", {(1, 6)}),
    ("Giá tăng 1.6 lần thì sao?", set()),                             # no day without "ngày" or its year
])
def test_a_day_named_is_a_slot_and_a_ratio_is_not_a_day(text, days):
    assert parse_question(text).days == days


def test_a_general_classifier_counts_any_noun():
    from kcqa.text.lexicon import count_unit_fits
    assert count_unit_fits("xe", "chiec") and count_unit_fits("nha ga", "nha ga")
    assert not count_unit_fits("xe", "nguoi") and not count_unit_fits("xe", "")
    # another kind of the same head that the records count is not the kind asked
    assert count_unit_fits("giai nhat nam", "giai nhat") and not count_unit_fits("giai nhat nam", "giai nhi")
    assert count_unit_fits("nguoi nop don", "nguoi dan") and count_unit_fits("giai", "giai nhi")
    # people are counted in "người" by whatever noun names them ("tổng số lao động tham gia là 54.339 người")
    assert count_unit_fits("lao dong tham gia linh vuc", "nguoi") and not count_unit_fits("lao dong", "san pham")


@pytest.mark.parametrize("text,unit_kind,units", [
    ("Một chai rượu giá bao nhiêu đôla Singapore?", "money", {"đô la Singapore"}),
    ("gia bao nhieu do la singapore", "money", {"đô la Singapore"}),
    ("Kim ngạch đạt bao nhiêu đô la Úc?", "money", {"đô la Úc"}),
    ("Giá bao nhiêu đôla?", "money", {"USD"}),
    ("Còn lại bao nhiêu thời gian khi đội nhà ghi bàn?", "duration", None),
    ("Hóa thạch có niên đại bao nhiêu năm?", "duration", None),      # "đại" is no length ("dài")
    ("Đường dây dài bao nhiêu km?", "count", {"km", "m", "cm", "mm", "dặm"}),
    # the measure right before "bao nhiêu" is asked, whatever money word stands elsewhere ...
    ("Dây chuyền được khuyến công hỗ trợ có công suất bao nhiêu?", None, lexicon.MEASURE_UNITS[3][1]),
    # ... and money asked first is money, whatever measure qualifies what it paid for
    ("Kinh phí hỗ trợ dây chuyền công suất 3.000 tấn là bao nhiêu?", "money", None),
])
def test_what_a_question_is_answered_in(text, unit_kind, units):
    """Currencies as records write them (the question must not take "đôla Singapore" for USD or
    for a count of "đôla"), "bao nhiêu thời gian" as "bao lâu", and a measure's word read on its marks."""
    q = parse_question(text)
    assert (q.unit_kind, q.units) == (unit_kind, units)


@pytest.mark.parametrize("text,identifiers", [
    ("Cụm công nghiệp Phú Mỹ 1 ở thị xã Phú Mỹ có quy mô bao nhiêu ha?", [("phu my", "1")]),
    ("Nhà máy nhiệt điện Vĩnh Tân 4 có công suất bao nhiêu?", [("vinh tan", "4")]),
    ("Tổ máy 3 phát điện khi nào?", [("to may", "3")]),
    ("Hòa Phát 6 tháng đầu năm lãi bao nhiêu?", []),              # a time after a name
    ("Đông Anh 3 xã có bao nhiêu hộ?", []),                       # a count after a name
    ("Giấm mật hoa dừa đạt OCOP 4 sao do đơn vị nào sản xuất?", []),   # a rating after a name
])
def test_a_name_written_with_a_number_is_that_numbered_thing(text, identifiers):
    assert parse_question(text).identifiers == identifiers


@pytest.mark.parametrize("text,kind", [
    ("Vấn đề thứ hai được thảo luận tại hội nghị là gì?", "passage"),
    ("giai phap thu ba cua nganh cong thuong la gi", "passage"),
    ("Hội nghị lần thứ hai tổ chức ở đâu?", "place"),          # an edition, not a list's item
    # an abstract noun asked by "gì" is answered by a statement
    ("Tổng Công ty Điện lực đề ra kế hoạch gì để tiết kiệm điện?", "passage"),
    ("Hội chợ mang lại cơ hội gì cho các doanh nghiệp?", "passage"),
    ("cac vu vi pham phat hien trong thang 8 chu yeu la gi", "passage"),
])
def test_an_item_of_a_list_asked_by_its_ordinal_is_a_passage(text, kind):
    assert parse_question(text).kind == kind


@pytest.mark.parametrize("text,noun", [
    ("Làng nghề mộc Vạn An thuộc xã nào?", "xa"),
    ("lang nghe moc van an thuoc xa nao", "xa"),
    ("Cụm công nghiệp này thuộc huyện nào của tỉnh?", "huyen"),
])
def test_what_belongs_to_a_unit_asks_that_unit(text, noun):
    q = parse_question(text)
    assert (q.kind, q.noun) == ("named", noun)


def test_a_price_base_year_is_no_period_and_no_comparison():
    """"GRDP theo giá so sánh 2010": 2010 is the prices' base, not a year asked, and "giá so
    sánh" asks no comparison; a record's "(giá so sánh 2010)" dates no figure either."""
    from kcqa.extract.figures import periods_in
    q = parse_question("Quý I/2025 GRDP theo giá so sánh 2010 của Nam Định ước đạt bao nhiêu?")
    assert q.years == {2025} and q.kind != "compare"
    assert [p[2] for p in periods_in("Giá trị sản xuất (giá so sánh 2010) ước đạt 11.090 tỷ đồng năm 2019")] == ["năm 2019"]
    assert parse_question("So sánh kinh phí năm 2019 và 2020").kind == "compare"


@pytest.mark.parametrize("text,plan", [
    ("Kế hoạch năm đặt ra là bao nhiêu?", True),
    ("Techcombank đặt mục tiêu lợi nhuận trước thuế năm 2021 là bao nhiêu?", True),
    ("Năm 2020 kế hoạch kinh phí được duyệt là bao nhiêu?", True),
    ("Đạt bao nhiêu phần trăm kế hoạch?", False),            # the plan is the base of a share
    ("Tăng bao nhiêu so với kế hoạch năm?", False),
    ("Vượt chỉ tiêu bao nhiêu?", False),
    ("Quảng Nam được bố trí bao nhiêu kinh phí?", False),
])
def test_the_plan_itself_is_asked(text, plan):
    assert parse_question(text).plan is plan


@pytest.mark.parametrize("text,kind", [
    ("Ở Gia Lai, những sản phẩm công nghiệp chủ lực nào tăng trưởng tích cực so với cùng kỳ?", "named"),
    ("Quỹ nào được trích lập trong năm 2020?", "named"),
    ("Hội nghị tổ chức vào lúc nào?", "when"),
    ("Năm nào hội nghị được tổ chức?", "when"),
    ("hoi nghi to chuc luc nao", "when"),                 # without marks, "luc nao" is still a time
])
def test_a_when_is_read_on_the_marks(text, kind):
    """Folded, "chủ lực nào" reads "lúc nào" and "quỹ nào" "quý nào": a list of products had been
    answered with "năm 2023"."""
    assert parse_question(text).kind == kind


def test_a_level_asked_in_its_units_is_no_share_of_plan():
    """"Tổng sản lượng thủy sản … đạt bao nhiêu?" asks tonnes: "đạt gần 99% kế hoạch" is a share
    of the plan (stated at 0.73), while "tăng bao nhiêu?" still takes a percentage."""
    from kcqa.ask.candidates import unit_ok
    from kcqa.models import Figure
    sentence = "Năm 2022, tổng sản lượng thủy sản đạt hơn 622.000 tấn, đạt gần 99% so kế hoạch, tăng 3,2%."

    def figure(text, unit):
        at = sentence.index(text)
        return Figure(doc="d", value=0.0, unit=unit, text=text, start=at, end=at + len(text), sentence=sentence,
                      sentence_start=0)
    level = parse_question("Năm 2022 tổng sản lượng thủy sản của tỉnh Cà Mau đạt bao nhiêu?")
    assert unit_ok(level, figure("hơn 622.000 tấn", "tấn")) and not unit_ok(level, figure("gần 99%", "%"))
    assert unit_ok(parse_question("Năm 2022 tổng sản lượng thủy sản của Cà Mau tăng bao nhiêu?"), figure("3,2%", "%"))
    # a rate that is the level itself still answers "đạt bao nhiêu?"
    sentence = "Công suất sử dụng buồng phòng ước đạt 10,6%."
    assert unit_ok(parse_question("Công suất sử dụng buồng phòng của khách sạn ước đạt bao nhiêu?"), figure("10,6%", "%"))
    # a total asked after the period that opens the question is a total still ("… tổng công suất lắp
    # đặt là 23,1MWp, đạt 46,2% kế hoạch": the share had outranked the capacity)
    sentence = "Trong 6 tháng đầu năm 2020, tổng công suất lắp đặt là 23,1MWp, đạt 46,2% kế hoạch."
    total = parse_question("Trong 6 tháng đầu năm 2020, tổng công suất điện mặt trời mái nhà lắp đặt thêm của khách "
                           "hàng EVNNPC là bao nhiêu?")
    assert unit_ok(total, figure("23,1MWp", "MWp")) and not unit_ok(total, figure("46,2%", "%"))


@pytest.mark.parametrize("text", [
    "Ở Gia Lai, chỉ số sản xuất công nghiệp năm 2021 tăng bao nhiêu?",
    "Ở tỉnh Hà Tĩnh, kim ngạch xuất khẩu năm 2022 đạt bao nhiêu?",
])
def test_a_one_letter_opening_word_is_no_name(text):
    """"Ở" opening a question (as a follow-up carrying its subject is written) is a preposition:
    read as an acronym-like name, it made a record that does not write "ở" fail the question."""
    assert parse_question(text).names == []


@pytest.mark.parametrize("text,direction", [
    ("Năm 2021, tổng mức bán lẻ hàng hóa của Hưng Yên vượt kế hoạch bao nhiêu?", "vuot"),
    ("Vuot ke hoach bao nhieu?", "vuot"),
    ("Kim ngạch xuất khẩu năm 2022 tăng so với cùng kỳ bao nhiêu?", "tang"),
    ("Sản lượng điện giảm so với kế hoạch năm 2020 bao nhiêu?", "giam"),
])
def test_a_change_is_asked_with_its_base_between(text, direction):
    """"vượt kế hoạch bao nhiêu?" asks how far over the plan, not the level: the level in đồng
    had been stated at 0.96 where the record says "vượt 2,52% so với kế hoạch"."""
    q = parse_question(text)
    assert q.change and q.direction == direction and q.kind == "figure"


def test_a_percentage_over_the_plan_is_a_share_of_the_plan():
    # "vượt kế hoạch bao nhiêu phần trăm?" is answered by "tăng 20% so kế hoạch" as a share of
    # the plan is (0.94); read as a change it fell to 0.59
    q = parse_question("Tổng mức bán lẻ hàng hóa của Bắc Kạn năm 2023 vượt kế hoạch bao nhiêu phần trăm?")
    assert not q.change and q.kind == "percent"


@pytest.mark.parametrize("text", [
    "Năm 2019, có bao nhiêu doanh nghiệp tham gia Hội nghị kết nối cung - cầu hàng hóa giữa TP.HCM và các tỉnh?",
    "Có bao nhiêu đại biểu dự Hội nghị khuyến công năm 2020?",
])
def test_an_events_noun_is_no_name(text):
    """"Hội" of "Hội nghị …" had been read as a name, so that "Còn doanh nghiệp thu mua?" was
    put in its place ("… tham gia doanh nghiệp thu mua nghị kết nối …")."""
    assert parse_question(text).names == []


def test_the_year_of_a_cited_meeting_is_no_period_asked():
    q = parse_question("Theo Hội nghị khuyến công khu vực phía Nam năm 2019, Đồng Tháp bố trí bao nhiêu ngân sách?")
    assert q.source_years == {2019} and not q.years
    # a year the question asks of the figure stays the period asked
    q = parse_question("Theo báo cáo năm 2019, năm 2018 Đồng Tháp bố trí bao nhiêu ngân sách?")
    assert q.source_years == {2019} and q.years == {2018}
    assert parse_question("Năm 2019, Đồng Tháp bố trí bao nhiêu ngân sách?").years == {2019}


def test_a_terms_abbreviation_is_no_name():
    """"Chỉ số IIP … của Bắc Giang": "IIP" named no company; read as a name, it let the whole
    country's 8,6% answer for the province (0.90)."""
    assert parse_question("Chỉ số IIP 11 tháng năm 2022 của Bắc Giang tăng bao nhiêu?").names == []


def test_a_cited_meetings_year_is_the_period_of_a_name_asked():
    # only a figure asked is of the record's years; "theo quyết định nào …" keeps its year
    q = parse_question("Theo thông báo về Hội nghị khuyến công năm 2021, hoạt động khuyến công thực hiện theo "
                       "quyết định nào?")
    assert q.years == {2021} and not q.source_years


def test_goods_sold_by_weight_are_asked_in_tonnes_and_a_name_is_no_action():
    """"xuất khẩu bao nhiêu gạo sang Philippines?" asks tonnes (it was a count of "gạo sang
    Philippines"); the action counted is no name or year before "bao nhiêu": "Pele vô địch World
    Cup mấy lần?" counts the wins (the 6 assists after "World Cup" had been stated, 0.88), and
    "… Việt Nam 2009 có bao nhiêu doanh nghiệp …?" counts firms wherever a year stands before them."""
    from kcqa.ask.candidates import asked_verb
    q = parse_question("Năm 2019, Việt Nam xuất khẩu bao nhiêu gạo sang Philippines?")
    assert q.kind == "amount" and "tấn" in q.units and not q.count_noun
    assert asked_verb(parse_question("Pele vô địch World Cup mấy lần?"))[-1:] == ("dich",)
    assert asked_verb(parse_question("Lễ trao giải Thương mại dịch vụ Việt Nam 2009 có bao nhiêu doanh nghiệp "
                                     "được trao giải?")) == ()


def test_a_festival_is_no_name():
    """"Dịp Tết Quý Mão 2023, …": a time of the year ("Còn thịt heo, bò?" had put the meat in its place)."""
    assert parse_question("Dịp Tết Quý Mão 2023, Ninh Thuận chuẩn bị bao nhiêu lít dầu ăn?").names == []


def test_a_title_is_no_name_and_a_province_with_its_marks_is_no_country_typed_without_them():
    """"Chủ" of "Chủ tịch" and "Giám" of "Giám đốc" are no names a record must mention, and
    "Thanh Hóa ký" folds to "hoa ky" but is written with other marks than "Hoa Kỳ": no country
    (the country slot had kept the answer out); "xuat khau sang Hoa Ky" typed without marks is one."""
    from kcqa.ask.candidates import countries_asked
    q = "Tháng 10/2025, Chủ tịch UBND tỉnh Thanh Hóa ký quyết định bổ nhiệm bao nhiêu lãnh đạo sở?"
    assert "chu" not in parse_question(q).names
    assert "giam" not in parse_question("Giám đốc Sở Công Thương TP.HCM ông Bùi Tá Hoàng Vũ bao nhiêu tuổi?").names
    assert countries_asked(q) == set()
    assert countries_asked("xuat khau sang Hoa Ky dat bao nhieu?") == {"Mỹ"}


def test_a_deputys_title_is_read_whole():
    """"Phó Cục trưởng là ai?" asks the deputy: the title read was "Cục trưởng", and the head of
    the department was stated at 0.96 once a garbage name ("pho cuc") no longer kept it out."""
    assert parse_question("Phó Cục trưởng là ai?").title_phrase == "Phó Cục trưởng"
    assert parse_question("Ai là Phó Chánh Văn phòng UBND tỉnh?").title_phrase.startswith("Phó Chánh Văn phòng")


def test_a_title_runs_through_a_names_punctuation_and_a_bodys_rest():
    """A title ends at a clause's punctuation, not at a name's own ("TP.HCM", "EVNHCMC-1", "Bà Rịa -
    Vũng Tàu": a shadowed pattern had cut them to "TP", "EVNHCMC", "Bà Rịa"), and takes in a
    body's lower-case rest ("Sở Xây dựng") but no verb after it ("… miền Bắc đề nghị")."""
    from kcqa.ask.entities import _titles_of

    def title(text, name):
        at = text.index(name)
        s, e = _titles_of(text, (at, at + len(name)))
        return text[s:e]
    assert title("ông A, Giám đốc Sở Công Thương TP.HCM, cho biết", "ông A") == "Giám đốc Sở Công Thương TP.HCM"
    assert title("ông C, Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu cho biết", "ông C") == "Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu"
    assert title("Ông B, Giám đốc Sở Xây dựng được điều động", "Ông B") == "Giám đốc Sở Xây dựng"
    assert title("“Ông E, Phó Giám đốc Sở GTVT Nghệ An” cho biết", "Ông E") == "Phó Giám đốc Sở GTVT Nghệ An"
    assert title("ông D, Phó Tổng Giám đốc Tổng Công ty Điện lực miền Bắc đề nghị Công ty", "ông D") == \
        "Phó Tổng Giám đốc Tổng Công ty Điện lực miền Bắc"


def test_a_good_the_records_weigh_is_counted_in_its_weight():
    """"Sản xuất được bao nhiêu sợi?" is answered by "sợi đạt 7.200 tấn", "chuẩn bị bao nhiêu thịt
    gà?" by "14.000 tấn thịt gà": no count of the noun exists. A weight beside another good is not it."""
    from kcqa.ask.candidates import unit_ok
    from kcqa.models import Figure
    sentence = ("Năm 2021, sợi đạt 7.200 tấn, tăng 11%; Hà Nội chuẩn bị 14.000 tấn thịt gà và 9 cửa hàng; thu giữ "
                "2.000 đơn vị quần áo, cùng đó ngăn chặn 150kg pháo nổ; xử lý 12 vụ, thu 13 tấn hàng lậu.")

    def figure(text, unit):
        at = sentence.index(text)
        return Figure(doc="d", value=0.0, unit=unit, text=text, start=at, end=at + len(text), sentence=sentence,
                      sentence_start=0)
    assert unit_ok(parse_question("Năm 2021 Hà Tĩnh sản xuất được bao nhiêu sợi?"), figure("7.200 tấn", "tấn"))
    assert unit_ok(parse_question("Hà Nội chuẩn bị bao nhiêu thịt gà?"), figure("14.000 tấn", "tấn"))
    assert not unit_ok(parse_question("Hà Nội chuẩn bị bao nhiêu thịt gà?"), figure("7.200 tấn", "tấn"))
    assert not unit_ok(parse_question("Hà Nội có bao nhiêu cửa hàng?"), figure("14.000 tấn", "tấn"))
    assert not unit_ok(parse_question("Thu giữ bao nhiêu quần áo?"), figure("150kg", "kg"))
    assert not unit_ok(parse_question("Xử lý bao nhiêu vụ?"), figure("13 tấn", "tấn"))


@pytest.mark.parametrize("text,years,bases", [
    ("Doanh nghiệp TP.HCM xuất khẩu so với tháng 9/2021 tăng bao nhiêu?", {2021}, {2021}),
    ("Thu giữ đường cát so cùng kỳ 2018 giảm bao nhiêu?", {2018}, {2018}),
    ("Tăng bao nhiêu so với quý I/2021?", {2021}, {2021}),
    ("Tháng 9 năm 2022 tăng bao nhiêu so với tháng 9 năm 2021?", {2021, 2022}, {2021}),
    ("Dân số năm 2019 là bao nhiêu?", {2019}, set()),
])
def test_a_month_or_quarter_compared_with_is_a_base(text, years, bases):
    """"so với tháng 9/2021" is the base of a change, as "so với năm 2021" is: the change asked is
    the next year's September, not one of 2021."""
    q = parse_question(text)
    assert (q.years, q.base_years) == (years, bases)


@pytest.mark.parametrize("text,noun", [
    ("Gia Lai chuẩn bị bao nhiêu chai rượu cho Tết 2022?", "chai ruou"),
    ("Hà Nội chuẩn bị bao nhiêu quả trứng gia cầm cho Tết 2018?", "qua trung gia cam"),
    ("Có bao nhiêu doanh nghiệp trong nước?", "doanh nghiep trong nuoc"),
])
def test_what_for_is_no_part_of_the_counted_noun(text, noun):
    """"bao nhiêu chai rượu cho Tết 2022": the noun counted is "chai rượu"; read on as "chai rượu cho
    Tết", no figure of the record ("1,2 triệu chai rượu") fitted it. "trong nước" says whose."""
    assert parse_question(text).count_noun == noun


def test_words_that_read_as_money_without_marks_do_not_ask_money():
    """Typed without marks, "sản lượng" folds to "san luong" ("lương"), "lao động" to "lao dong"
    ("đồng"), "kíp nổ" to "kip no" ("nợ"), "quốc gia" to "quoc gia" ("giá"): each had asked money,
    and the kWh, tonnes or counts the records give were refused. A money word still asks money."""
    for text in ("san luong dien thuong pham cua Dong Thap nam 2016 la bao nhieu",
                 "so lao dong lam viec trong cac cum cong nghiep la bao nhieu",
                 "so kip no da su dung nam 2020 la bao nhieu",
                 "de an khuyen cong quoc gia nam 2018 co quy mo bao nhieu"):
        assert parse_question(text).unit_kind != "money", text
    for text in ("muc luong binh quan cua lao dong nam 2022 la bao nhieu",
                 "tri gia tang vat da ban la bao nhieu", "con lai vay phai tra la bao nhieu",
                 "gia ban dien binh quan nam 2022 la bao nhieu"):
        assert parse_question(text).unit_kind == "money", text


def test_what_so_opens_is_counted_when_bao_nhieu_names_nothing():
    """"Số kíp nổ đã sử dụng … là bao nhiêu?" counts kíp nổ, as "bao nhiêu kíp nổ" does: the noun
    had been left unasked and no count of it was looked for. Money opened by "số" ("số tiền"),
    a change ("số vụ … tăng bao nhiêu") and "so với" are no count."""
    for text, noun in (("Số kíp nổ đã sử dụng ở Lâm Đồng năm 2020 là bao nhiêu?", "kip no"),
                       ("so ho dan co dien o Bac Kan la bao nhieu", "ho dan"),
                       ("Tổng số vụ đã xử lý là bao nhiêu?", "vu")):
        q = parse_question(text)
        assert (q.kind, q.count_noun) == ("count", noun), text
    assert parse_question("so tien xu phat la bao nhieu").unit_kind == "money"
    assert parse_question("Số vụ vi phạm được xử lý giảm bao nhiêu so với cùng kỳ?").kind != "count"
    assert parse_question("So với năm 2019, kinh phí năm 2020 là bao nhiêu?").kind != "count"


def test_a_change_asked_on_average_is_a_change():
    """"… tăng bình quân bao nhiêu mỗi năm?", "tăng bình quân mỗi năm bao nhiêu?": the average rise
    asked had been read as an amount of money (the "kim ngạch" asked), and the "9,7%/năm" a record
    gives refused; an average level asked ("Thu nhập bình quân là bao nhiêu?") is still an amount."""
    for text in ("Kim ngạch xuất khẩu của Quảng Ninh giai đoạn 2016-2020 tăng bình quân bao nhiêu mỗi năm?",
                 "gia tri san xuat cong nghiep det may nam dinh giai doan 2011-2015 tang binh quan moi nam bao nhieu",
                 "Doanh thu tăng trung bình bao nhiêu?"):
        q = parse_question(text)
        assert (q.kind, q.change) == ("figure", True), text
    assert parse_question("Thu nhập bình quân là bao nhiêu?").change is False


def test_what_a_count_question_counts_keeps_words_that_fold_to_function_words():
    """"bao nhiêu chợ đầu mối": with the question's marks, "chợ" is no "cho" and "cửa" no "của" (folded,
    the markets had been dropped, and 8.539 markets of all kinds answered how many wholesale ones);
    typed without marks, the folded words are all there is."""
    from kcqa.ask.features import asked_count_phrase
    assert asked_count_phrase("Hết năm 2017 cả nước có bao nhiêu chợ đầu mối?") == ["cho", "dau", "moi"]
    assert asked_count_phrase("Tỉnh có bao nhiêu cửa hàng xăng dầu?") == ["cua", "hang", "xang", "dau"]
    assert asked_count_phrase("Có bao nhiêu vụ bị khởi tố trong năm?") == ["vu", "khoi", "to"]
    assert asked_count_phrase("co bao nhieu vu bi khoi to") == ["vu", "khoi", "to"]


def test_a_span_in_words_is_a_period_not_words_to_cover_and_a_span_starting_on_a_day_names_no_year():
    """"Sáu tháng đầu năm 2025" is the period of six months, and its count in words is no word a
    sentence must repeat ("Bốn tháng …": records write "4 tháng"; "bốn", restored from "bon" as
    "bón", had been half the question's weight); "từ 15/12/2024" starts a span that runs to the
    record's time: its year is no year asked."""
    from kcqa.ask.features import period_parts
    q = parse_question("Sáu tháng đầu năm 2025, QLTT cả nước xử phạt bao nhiêu tiền?")
    assert period_parts(q.period) == (None, 6) and "sau" not in q.content
    assert "bon" not in parse_question("Bốn tháng đầu năm 2023, Hưng Yên xử lý bao nhiêu vụ?").content
    assert "bon" not in parse_question("Bón tháng đầu năm 2023, Hưng Yên xử lý bao nhiêu vụ?").content
    q = parse_question("Trong đợt cao điểm từ 15/12/2024, lực lượng chức năng xử lý bao nhiêu vụ vi phạm?")
    assert q.years == set() and (15, 12) in q.days
    assert parse_question("Từ 15/12/2024 đến 15/1/2025 xử lý bao nhiêu vụ?").years == {2024, 2025}


def test_a_quarter_after_the_counted_noun_and_an_electric_seizure_are_no_part_of_what_is_asked():
    """"tịch thu mấy xe Quý III/2017?" counts "xe" (the quarter had been glued to it, "xe quy iii",
    and no count of vehicles fitted); "xe máy điện tịch thu" folds to "… dien tich …" but asks no area."""
    q = parse_question("Đội QLTT huyện Đông Hưng phạt vụ kinh doanh xe máy điện tịch thu mấy xe Quý III/2017?")
    assert q.count_noun == "xe" and q.units is None
    assert parse_question("Diện tích cụm công nghiệp là bao nhiêu?").units


def test_how_much_was_fined_asks_money():
    """"Các hộ bị phạt tổng cộng bao nhiêu?" asks the fines, an amount of money ("3 hộ" had answered
    it); "xử phạt bao nhiêu vụ" still counts cases, and "phát" (typed with its marks) is no fine."""
    assert parse_question("Đồng Tháp các hộ bị phạt tổng cộng bao nhiêu?").unit_kind == "money"
    assert parse_question("Dự kiến ông ấy bị phạt bao nhiêu?").unit_kind == "money"
    assert parse_question("Công ty xử phạt bao nhiêu vụ?").kind == "count"
    assert parse_question("Nhà máy phát bao nhiêu?").unit_kind != "money"


def test_the_words_that_name_a_period_are_a_slot_not_words_to_cover():
    """"Hết tháng 4/2024 …", "Quý III/2017 …": the period is read as a slot; its words
    are not asked of the sentence (a record says it in its heading: "hết", "tháng" had been half the
    question's weight, and "Thái Nguyên … đạt 10,96 tỷ USD" was not found)."""
    content = parse_question("Hết tháng 4/2024 Thái Nguyên xuất khẩu đạt bao nhiêu?").content
    assert "thang" not in content and "het" not in content and "xuat" in content
    assert "iii" not in parse_question("Quý III/2017 Chi cục thu nộp ngân sách bao nhiêu?").content
    assert parse_question("Năm 2020 Quảng Ngãi có bao nhiêu khách hàng?").years == {2020}


def test_consolidated_and_standalone_are_opposed_measures():
    """"tỷ lệ nợ xấu tại ngân hàng riêng lẻ" is not "tỷ lệ nợ xấu hợp nhất … 3%" (a bank's group figures
    and its own, as xuất khẩu and nhập khẩu)."""
    from kcqa.ask.features import measure_opposed
    q = parse_question("Quý 1/2021 tỷ lệ nợ xấu tại ngân hàng riêng lẻ của VPBank đạt bao nhiêu?")
    assert measure_opposed(q.measures, "tỷ lệ nợ xấu hợp nhất ở mức 3%")
    assert not measure_opposed(q.measures, "tỷ lệ nợ xấu tại ngân hàng riêng lẻ giảm xuống mức 1,79%")


def test_names_of_bodies_join_their_fields_and_a_quotation_or_a_nation_is_no_name():
    """"Cục Cạnh tranh và Bảo vệ người tiêu dùng" is one body (its "Bảo" had been a name of its own);
    the first word of a quotation ("nhóm “Hành vi khác”") and a nation said of goods ("hàng Việt")
    are no names: a follow-up's rewrite had put them first ("Hành ba nhóm …", "Việt tổng cộng …")."""
    q = parse_question("Năm 2021, nhóm “Hành vi khác” chiếm bao nhiêu phần trăm khiếu nại gửi Cục Cạnh tranh và "
                       "Bảo vệ người tiêu dùng?")
    assert q.names == ["cuc canh tranh va bao ve"]
    assert parse_question("Bộ Tài nguyên và Môi trường ban hành bao nhiêu thông tư?").names \
        == ["bo tai nguyen va moi truong"]
    assert parse_question("Sở Công Thương và Sở Tài chính kiểm tra bao nhiêu cơ sở?").names \
        == ["so cong thuong", "so tai chinh"]
    assert parse_question("Chương trình đưa hàng Việt về nông thôn của BSA đi qua bao nhiêu tỉnh?").names == ["bsa"]
    assert parse_question("Hai chuong trinh dua hang Viet ve nong thon thu hut bao nhieu doanh nghiep?").names == []
    assert parse_question("Tổng công ty Việt Thắng có bao nhiêu lao động?").names == ["tong cong ty viet thang"]


def test_a_count_opened_by_so_is_read_on_its_marks():
    """", Sở Công Thương Hà Nội xử phạt … số tiền bao nhiêu?": the "Sở" after a comma is no "số" that
    opens a count (its count noun had been "cong thuong ha"); a fine asked as "số tiền" is money."""
    q = parse_question("Đợt kiểm tra năm 2016, Sở Công Thương Hà Nội xử phạt doanh nghiệp vi phạm số tiền bao nhiêu?")
    assert (q.kind, q.unit_kind) == ("amount", "money")
    assert parse_question("Năm 2020, số doanh nghiệp được hỗ trợ là bao nhiêu?").count_noun == "doanh nghiep"
    assert parse_question("So kip no da su dung nam 2020 la bao nhieu?").count_noun == "kip no"


@pytest.mark.parametrize("text,unit_kind", [
    ("Sở Công Thương đã cấp bao nhiêu giấy chứng nhận đủ điều kiện?", "count"),
    ("So Cong Thuong thu hoi bao nhieu giay chung nhan?", "count"),
    ("Còn bao nhiêu giấy phép còn hiệu lực?", "count"),
    ("Mất bao nhiêu giây để sạc đầy?", "duration"),
])
def test_papers_are_counted_and_seconds_are_a_duration(text, unit_kind):
    assert parse_question(text).unit_kind == unit_kind


def test_how_a_figure_moved_against_a_base_asks_its_change():
    q = parse_question("9 tháng năm 2024 chỉ số sản xuất công nghiệp biến động thế nào so với cùng kỳ?")
    assert (q.kind, q.change) == ("figure", True)
    assert parse_question("Giá xăng biến động thế nào trong tháng 3?").kind == "passage"    # no base: a passage


@pytest.mark.parametrize("text", [
    "Đến hết tháng 10/2024, vốn đầu tư công của tỉnh giải ngân được bao nhiêu so với kế hoạch Thủ tướng giao?",
    "Thu ngân sách 6 tháng đầu năm 2020 của Nghệ An so với cùng kỳ năm 2019 thì bằng bao nhiêu?",
    "thu ngan sach nam 2023 dat bao nhieu du toan?",
])
def test_a_share_of_a_base_is_asked_without_saying_percent(text):
    """"giải ngân được bao nhiêu so với kế hoạch?", "… thì bằng bao nhiêu?" ask what the record writes
    "bằng 54,3% kế hoạch vốn", "bằng 94,4% so với cùng kỳ": the amount had been stated instead."""
    q = parse_question(text)
    assert q.kind == "percent" and q.unit_kind == "percent"


@pytest.mark.parametrize("text", [
    "Huyện Cần Giờ huy động được bao nhiêu vốn xây dựng nông thôn mới?",
    "Kim ngạch năm 2023 bằng bao nhiêu lần năm 2020?",
    "Năm 2023 Quảng Nam giải ngân được bao nhiêu tỷ đồng so với kế hoạch?",
])
def test_an_amount_or_a_multiple_asked_is_no_share_of_a_base(text):
    assert parse_question(text).kind != "percent"
