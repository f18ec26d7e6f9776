namespace CaseFlow.Reporting;

/// <summary>
/// Which facts each table cell counts, as SQL predicates over <c>rm.mt_doc_request_files</c> (table 三) and
/// <c>rm.mt_doc_case_files</c> (table 四); <c>$2</c> is 1 January and <c>$3</c> 31 December of the report year. The counts and
/// the trace of a cell use the same predicate, so the requests listed behind a cell are exactly the ones it counts.
/// </summary>
public static class ReportCells
{
    // §3.6 d: in the year of the statutory receipt date.
    public const string Received = "received_on between $2 and $3";

    // §3.6 c, e: open at the end of the previous year by business date (received before the year, not concluded before it).
    public const string CarriedIn = "received_on < $2 and (concluded_on is null or concluded_on >= $2)";

    // §3.6 e: concluded in the year (the date of the answer, lapse or withdrawal).
    public const string Handled = "concluded_on between $2 and $3";

    public const string CarriedOut = "received_on <= $3 and (concluded_on is null or concluded_on > $3)";

    /// <summary>Every request that appears anywhere in the year's table 三.</summary>
    public const string InYear = "received_on <= $3 and (concluded_on is null or concluded_on >= $2)";

    /// <summary>The predicate of a table-三 row (an outcome row adds the outcome code as a parameter).</summary>
    public static string? Table3Row(string row) => row switch
    {
        ReportLayout.Received => Received,
        ReportLayout.CarriedIn => CarriedIn,
        ReportLayout.TotalHandled => Handled,
        ReportLayout.CarriedOut => CarriedOut,
        _ when ReportLayout.OutcomeRows.Contains(row) => Handled + " and outcome = $4",
        _ => null,
    };

    /// <summary>§3.7: the cases in a year's table 四, and which of them are decided in it, by the year rule.</summary>
    public static (string InYear, string Decided) Table4(Table4YearRule rule) => rule switch
    {
        Table4YearRule.FiledInYear => ("filed_on between $2 and $3", "concluded_on <= $3"),
        _ => ("filed_on <= $3 and (concluded_on is null or concluded_on >= $2)", "concluded_on between $2 and $3"),
    };

    /// <summary>The predicate of a table-四 cell (group and result codes as parameters <c>$4</c>, <c>$5</c>).</summary>
    public static string? Table4Cell(Table4YearRule rule, string column)
    {
        var (inYear, decided) = Table4(rule);
        return column switch
        {
            "maintained" or "corrected" or "other" => $"counted and case_group = $4 and {inYear} and {decided} and result = $5",
            "pending" => $"counted and case_group = $4 and {inYear} and not coalesce({decided}, false)",
            ReportLayout.Total => $"counted and case_group = $4 and {inYear}",
            _ => null,
        };
    }
}
