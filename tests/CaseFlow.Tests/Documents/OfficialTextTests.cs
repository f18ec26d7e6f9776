using CaseFlow.Documents;

namespace CaseFlow.Tests.Documents;

/// <summary>Measuring and breaking titles as a typesetter of 公文 does; every expected value counted by hand.</summary>
public sealed class OfficialTextTests
{
    [Theory]
    [InlineData("政府信息公开", 6)]
    [InlineData("2025年", 3)]        // four digits are two ems
    [InlineData("R2026-0010号", 6)]  // ten half-width characters and one Chinese
    [InlineData("（一）", 3)]        // full-width brackets are Chinese characters
    public void Width_counts_a_chinese_character_as_one_em_and_latin_and_digits_as_half(string text, double ems) =>
        OfficialText.Width(text).ShouldBe(ems);

    [Fact]
    public void A_title_that_fits_the_line_stays_on_one_line() =>
        OfficialText.TitleLines("政府信息公开申请答复书", 20).ShouldBe(["政府信息公开申请答复书"]);

    [Fact]
    public void A_report_title_breaks_where_a_phrase_ends_not_inside_the_year()
    {
        // 12 ems of agency, 3 of "2025年", 12 of the rest: 27 ems, two lines of at most 20. The evenest break (14 | 13)
        // would fall between "2025" and "年"; the phrases' ends (after the agency, 12 | 15, or after the year, 15 | 12)
        // are as even as each other, and the later one is taken.
        const string Title = "输出测试市卫生健康委员会2025年政府信息公开工作年度报告";
        OfficialText.TitleLines(Title, 20, [12, 17]).ShouldBe(["输出测试市卫生健康委员会2025年", "政府信息公开工作年度报告"]);
    }

    [Fact]
    public void A_title_one_character_too_long_splits_evenly_instead_of_leaving_a_character_alone()
    {
        // 21 ems in lines of 20: not 20 + 1, but 11 + 10.
        OfficialText.TitleLines("政府信息公开申请补正告知书及延期答复告知书", 20).ShouldBe(["政府信息公开申请补正告", "知书及延期答复告知书"]);
    }

    [Fact]
    public void A_line_never_starts_with_closing_punctuation_nor_breaks_a_number()
    {
        // 22 ems: the even break (11 | 11) would put "）" first on the second line; 12 | 10 and 10 | 12 are as even as
        // each other, and the later is taken.
        OfficialText.TitleLines("关于公开某某某（第一批）项目资金使用情况答复", 20).ShouldBe(["关于公开某某某（第一批）", "项目资金使用情况答复"]);
        // 6 + 6 + 10 ems: the digits stay whole, so the break falls after them (12 | 10).
        OfficialText.TitleLines("关于某某项目202520262027年度资金使用情况答复", 20).ShouldBe(["关于某某项目202520262027", "年度资金使用情况答复"]);
    }
}
