using System.Globalization;
using NodaTime;

namespace CaseFlow.Deadlines;

/// <summary>How a date was computed, line by line, in the officers' language (Chinese) and in English.</summary>
public sealed record Explanation(IReadOnlyList<string> Chinese, IReadOnlyList<string> English)
{
    public override string ToString() => string.Join(" ", English);
}

/// <summary>Collects explanation lines in both languages, with the date formats and calendar phrases they share.</summary>
internal sealed class ExplanationWriter
{
    private static readonly string[] s_weekdaysZh = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
    private readonly List<string> _zh = [];
    private readonly List<string> _en = [];

    public ExplanationWriter Line(string chinese, string english)
    {
        _zh.Add(chinese);
        _en.Add(english);
        return this;
    }

    public Explanation Build() => new([.. _zh], [.. _en]);

    public static string Zh(LocalDate date) => $"{Iso(date)}（{s_weekdaysZh[(int)date.DayOfWeek]}）";

    public static string En(LocalDate date) => $"{Iso(date)} ({date.DayOfWeek.ToString()[..3]})";

    public static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds what a working-day count met: the holidays it skipped, the make-up days it counted, uncovered years.</summary>
    public ExplanationWriter Calendar(WorkingDayCount count)
    {
        if (count.HolidaysSkipped.Count > 0)
        {
            var ranges = Ranges(count.HolidaysSkipped);
            Line($"其间 {string.Join("、", ranges.Select(r => r.Zh))} 为法定节假日，不计入。",
                $"{string.Join(", ", ranges.Select(r => r.En))} {(count.HolidaysSkipped.Count == 1 ? "is a public holiday" : "are public holidays")}, not counted.");
        }

        if (count.MakeUpDaysCounted.Count > 0)
        {
            Line($"{string.Join("、", count.MakeUpDaysCounted.Select(Zh))} 为调休上班日，计入。",
                $"{string.Join(" and ", count.MakeUpDaysCounted.Select(En))} {(count.MakeUpDaysCounted.Count == 1 ? "is a make-up working day" : "are make-up working days")} (调休), counted.");
        }

        if (count.Provisional)
        {
            var years = string.Join("、", count.UncoveredYears);
            Line($"{years} 年的节假日安排尚未载入，该年只按周六、周日休息计算，此日期为暂定，通知发布后将自动重算。",
                $"The holiday notice for {string.Join(", ", count.UncoveredYears)} is not loaded yet: weekends only are counted there, so this date is provisional and will be recomputed once the notice is loaded.");
        }

        return this;
    }

    /// <summary>Consecutive dates as ranges: 2025-10-01…2025-10-08.</summary>
    public static List<(string Zh, string En)> Ranges(IReadOnlyList<LocalDate> dates)
    {
        var result = new List<(string, string)>();
        var sorted = dates.Distinct().Order().ToList();
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j].PlusDays(1))
            {
                j++;
            }

            result.Add(i == j
                ? (Iso(sorted[i]), Iso(sorted[i]))
                : ($"{Iso(sorted[i])}至{Iso(sorted[j])}", $"{Iso(sorted[i])}…{Iso(sorted[j])}"));
            i = j + 1;
        }

        return result;
    }
}
