using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Reporting;

/// <summary>
/// Which years a report can be asked for: from 2019, the first year of the revised Regulations (Decree 711, in force
/// 2019-05-15) whose tables 二, 三 and 四 CaseFlow builds, to the current year. Reports before then had other tables.
/// </summary>
public static class ReportYears
{
    public const int First = 2019;

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
