using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Reporting;

/// <summary>Which years a report can be asked for: from the 2008 Regulations to the current year.</summary>
public static class ReportYears
{
    public const int First = 2008;

    /// <summary>Why a year has no report (before the first, or after this one), or null when it has one.</summary>
    public static string? Refusal(int year, LocalDate today) =>
        year < First || year > today.Year ? $"报告年度 {year} 无效：应在 {First}–{today.Year} 之间" : null;

    public static int Check(Validation validation, int? year, LocalDate today)
    {
        if (year is null)
        {
            validation.Problem("缺少报告年度（year）");
            return 0;
        }

        if (Refusal(year.Value, today) is { } why)
        {
            validation.Problem(why);
        }

        return year.Value;
    }
}
