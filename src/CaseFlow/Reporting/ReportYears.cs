using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Reporting;

/// <summary>Which years a report can be asked for: from the 2008 Regulations to the current year.</summary>
public static class ReportYears
{
    public const int First = 2008;

    public static int Check(Validation validation, int? year, LocalDate today)
    {
        if (year is null)
        {
            validation.Problem("缺少报告年度（year）");
            return 0;
        }

        if (year < First || year > today.Year)
        {
            validation.Problem($"报告年度 {year} 无效：应在 {First}–{today.Year} 之间");
        }

        return year.Value;
    }
}
