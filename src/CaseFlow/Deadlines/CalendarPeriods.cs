using NodaTime;

namespace CaseFlow.Deadlines;

/// <summary>
/// Periods counted in calendar days or months (review and litigation windows, trial periods). The start day does not
/// count (ALL-Interp art. 48, CPL art. 85); a period whose last day is a holiday or weekend ends on the next working
/// day [U: weekends as 休假日, the near-universal practice].
/// </summary>
public static class CalendarPeriods
{
    public static (LocalDate Due, Explanation Explanation, bool Provisional) Days(
        LocalDate start, int days, WorkdayCalendar calendar, string startZh, string startEn, string groundZh, string groundEn, int excludedDays = 0, string? excludedZh = null, string? excludedEn = null)
    {
        var raw = start.PlusDays(days + excludedDays);
        var writer = new ExplanationWriter()
            .Line($"{startZh} {ExplanationWriter.Zh(start)}，次日起算{days}日（{groundZh}）。", $"{startEn} {ExplanationWriter.En(start)}; {days} days count from the next day ({groundEn}).");
        return Finish(raw, calendar, writer, excludedDays, excludedZh, excludedEn);
    }

    public static (LocalDate Due, Explanation Explanation, bool Provisional) Months(
        LocalDate start, int months, WorkdayCalendar calendar, string startZh, string startEn, string groundZh, string groundEn, int excludedDays = 0, string? excludedZh = null, string? excludedEn = null)
    {
        var raw = start.PlusMonths(months).PlusDays(excludedDays);
        var writer = new ExplanationWriter()
            .Line($"{startZh} {ExplanationWriter.Zh(start)}，期间为{months}个月（{groundZh}）。", $"{startEn} {ExplanationWriter.En(start)}; the period is {months} months ({groundEn}).");
        return Finish(raw, calendar, writer, excludedDays, excludedZh, excludedEn);
    }

    private static (LocalDate, Explanation, bool) Finish(LocalDate raw, WorkdayCalendar calendar, ExplanationWriter writer, int excludedDays, string? excludedZh, string? excludedEn)
    {
        if (excludedDays > 0)
        {
            writer.Line($"{excludedZh}共 {excludedDays} 日不计入。", $"{excludedEn}: {excludedDays} days not counted.");
        }

        var due = calendar.OnOrNextWorkingDay(raw);
        if (due != raw)
        {
            writer.Line($"期间届满日 {ExplanationWriter.Zh(raw)} 为法定休假日，顺延至其后的第一个工作日 {ExplanationWriter.Zh(due)}。",
                $"The last day, {ExplanationWriter.En(raw)}, is not a working day: the period ends on the next working day, {ExplanationWriter.En(due)}.");
        }
        else
        {
            writer.Line($"届满于 {ExplanationWriter.Zh(due)}。", $"It ends on {ExplanationWriter.En(due)}.");
        }

        var provisional = !calendar.Covers(due.Year) || !calendar.Covers(raw.Year);
        if (provisional)
        {
            writer.Line($"{due.Year} 年的节假日安排尚未载入，此日期为暂定。", $"The {due.Year} holiday notice is not loaded: this date is provisional.");
        }

        return (due, writer.Build(), provisional);
    }
}
