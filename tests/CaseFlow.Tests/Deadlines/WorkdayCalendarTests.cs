using CaseFlow.Deadlines;
using CaseFlow.Tests.Support;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Deadlines;

public sealed class WorkdayCalendarTests
{
    private static readonly WorkdayCalendar s_calendar = RequestSpec.Calendar;

    [Theory]
    // The worked examples of ogi-rules §1.10 (receipt day excluded).
    [InlineData("2025-09-26", 7, "2025-10-13")]
    [InlineData("2025-09-26", 20, "2025-10-30")]
    [InlineData("2025-09-26", 40, "2025-11-27")]
    [InlineData("2026-02-12", 7, "2026-02-28")]
    [InlineData("2026-02-12", 20, "2026-03-18")]
    [InlineData("2026-02-12", 40, "2026-04-16")]
    [InlineData("2025-12-31", 7, "2026-01-12")]
    [InlineData("2025-12-31", 20, "2026-01-29")]
    [InlineData("2025-12-31", 40, "2026-03-04")]
    // Spring Festival 2024 (2-10…2-17 off, Sunday 2-18 worked), National Day 2023 (9-29…10-06 off, 10-07/08 worked),
    // Spring Festival 2020 as extended by the January notice (1-24…2-02 off, the 2-01 make-up day lapsed),
    // National Day 2021 (10-01…07 off, Sunday 9-26 and Saturday 10-09 worked).
    [InlineData("2024-02-08", 20, "2024-03-13")]
    [InlineData("2023-09-27", 7, "2023-10-12")]
    [InlineData("2023-09-27", 20, "2023-10-31")]
    [InlineData("2020-01-17", 7, "2020-02-04")]
    [InlineData("2021-09-24", 7, "2021-10-09")]
    public void Counting_working_days_follows_the_State_Council_notices(string start, int days, string expected)
    {
        s_calendar.Count(Parse(start), days).End.ShouldBe(Parse(expected));
    }

    [Theory]
    [InlineData("2025-09-26", 20, "2025-10-29")]
    [InlineData("2026-02-12", 20, "2026-03-17")]
    [InlineData("2025-12-31", 20, "2026-01-28")]
    public void Counting_the_receipt_day_as_day_one_gives_the_earlier_date_of_the_worked_examples(string start, int days, string expected)
    {
        s_calendar.Count(Parse(start).PlusDays(-1), days).End.ShouldBe(Parse(expected));
    }

    [Fact]
    public void A_date_is_a_working_day_by_weekday_holidays_and_make_up_days()
    {
        s_calendar.IsWorkingDay(D(2025, 9, 28)).ShouldBeTrue();   // Sunday, make-up working day
        s_calendar.IsWorkingDay(D(2025, 10, 11)).ShouldBeTrue();  // Saturday, make-up working day
        s_calendar.IsWorkingDay(D(2025, 10, 8)).ShouldBeFalse();  // Wednesday, National Day holiday
        s_calendar.IsWorkingDay(D(2025, 10, 9)).ShouldBeTrue();
        s_calendar.IsWorkingDay(D(2025, 10, 12)).ShouldBeFalse(); // ordinary Sunday
        s_calendar.IsWorkingDay(D(2018, 12, 29)).ShouldBeTrue();  // a 2019-notice make-up day in 2018
        s_calendar.IsWorkingDay(D(2020, 2, 1)).ShouldBeFalse();   // the lapsed 2020 make-up day
    }

    [Fact]
    public void A_count_says_which_holidays_it_skipped_and_which_make_up_days_it_counted()
    {
        var count = s_calendar.Count(D(2025, 9, 26), 20);

        count.FirstCountedDay.ShouldBe(D(2025, 9, 28));
        count.HolidaysSkipped.ShouldBe(Enumerable.Range(1, 8).Select(d => D(2025, 10, d)));
        count.MakeUpDaysCounted.ShouldBe([D(2025, 9, 28), D(2025, 10, 11)]);
        count.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void A_period_running_into_a_year_without_a_notice_is_provisional_until_the_notice_is_loaded()
    {
        var count = s_calendar.Count(D(2026, 12, 20), 20);
        count.Provisional.ShouldBeTrue();
        count.UncoveredYears.ShouldBe([2027]);
        count.End.ShouldBe(D(2027, 1, 15)); // weekends only: 1-1 is counted as a working day

        var with2027 = new WorkdayCalendar([.. WorkdayCalendar.Shipped(),
            new CalendarYear(2027, [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)], [], "test notice")]);
        var recomputed = with2027.Count(D(2026, 12, 20), 20);
        recomputed.Provisional.ShouldBeFalse();
        recomputed.End.ShouldBe(D(2027, 1, 18));
    }

    [Fact]
    public void Rolling_a_calendar_day_period_forward_lands_on_the_next_working_day()
    {
        s_calendar.OnOrNextWorkingDay(D(2025, 10, 1)).ShouldBe(D(2025, 10, 9));
        s_calendar.OnOrNextWorkingDay(D(2026, 2, 15)).ShouldBe(D(2026, 2, 24));
        s_calendar.OnOrNextWorkingDay(D(2025, 10, 11)).ShouldBe(D(2025, 10, 11));
    }

    [Fact]
    public void The_shipped_calendar_holds_the_2019_to_2026_notices()
    {
        var years = WorkdayCalendar.Shipped();
        years.Select(y => y.Year).ShouldBe(Enumerable.Range(2019, 8));
        years.Sum(y => y.Holidays.Count).ShouldBe(232);
        years.Sum(y => y.Workdays.Count).ShouldBe(53);
    }

    [Theory]
    [InlineData("not json", "不是合法的 JSON")]
    [InlineData("{}", "缺少 \"years\"")]
    [InlineData("{\"years\":{\"2027\":{\"holidays\":[\"2027-02-30\"],\"workdays\":[]}}}", "“2027-02-30”不是日期")]
    [InlineData("{\"years\":{\"2027\":{\"holidays\":[7],\"workdays\":[]}}}", "“7”不是日期")]
    [InlineData("{\"years\":{\"2027\":{\"holidays\":[\"2025-10-01\"],\"workdays\":[]}}}", "2025-10-01 属于其他年份")]
    [InlineData("{\"years\":{\"2027\":{\"holidays\":[]}}}", "2027 年缺少 \"workdays\"")]
    public void A_bad_calendar_file_is_refused_with_a_readable_reason(string json, string reason)
    {
        Should.Throw<FormatException>(() => WorkdayCalendar.Parse(json)).Message.ShouldContain(reason);
    }

    private static LocalDate Parse(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
