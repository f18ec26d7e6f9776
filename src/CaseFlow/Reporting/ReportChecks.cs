using CaseFlow.Requests;
namespace CaseFlow.Reporting;

/// <summary>
/// The check relations computed with every report (ogi-rules §3.3, §3.4, §3.6 c). A failing check names the cells
/// involved (as <c>table3:row:column</c> or <c>table4:group:column</c>) so a screen can highlight them.
/// </summary>
public static class ReportChecks
{
    /// <param name="previousCarriedOut">The previous year's frozen 四、结转下年度继续办理 row (its version and cells), when that year is closed.</param>
    public static IReadOnlyList<ReportCheck> Compute(Grid table3, Grid table4, (int Version, IReadOnlyDictionary<string, int> Row)? previousCarriedOut)
    {
        var checks = new List<ReportCheck>();

        // 本列数据的勾稽关系: 一 + 二 = 三（七）+ 四, per column.
        foreach (var column in ReportLayout.Table3Columns)
        {
            var left = table3[ReportLayout.Received, column] + table3[ReportLayout.CarriedIn, column];
            var right = table3[ReportLayout.TotalHandled, column] + table3[ReportLayout.CarriedOut, column];
            checks.Add(Check($"表三 一+二=（七）+四（{ReportLayout.ColumnLabel(column)}）", left == right,
                $"{table3[ReportLayout.Received, column]} + {table3[ReportLayout.CarriedIn, column]} = {left}；{table3[ReportLayout.TotalHandled, column]} + {table3[ReportLayout.CarriedOut, column]} = {right}",
                [Cell3(ReportLayout.Received, column), Cell3(ReportLayout.CarriedIn, column), Cell3(ReportLayout.TotalHandled, column), Cell3(ReportLayout.CarriedOut, column)]));
        }

        // （七）总计 is the sum of the 21 result rows, per column.
        foreach (var column in ReportLayout.Table3Columns)
        {
            var sum = ReportLayout.OutcomeRows.Sum(row => table3[row, column]);
            var total = table3[ReportLayout.TotalHandled, column];
            checks.Add(Check($"表三 各办理结果之和=（七）总计（{ReportLayout.ColumnLabel(column)}）", sum == total,
                $"各项之和 {sum}，（七）总计 {total}",
                [.. ReportLayout.OutcomeRows.Select(row => Cell3(row, column)), Cell3(ReportLayout.TotalHandled, column)]));
        }

        // 总计 column is the sum of the six applicant columns, per row.
        var badRows = ReportLayout.Table3Rows
            .Where(row => ReportLayout.ApplicantColumns.Sum(column => table3[row, column]) != table3[row, ReportLayout.Total])
            .ToList();
        checks.Add(Check("表三 申请人各列之和=总计", badRows.Count == 0,
            badRows.Count == 0 ? $"{ReportLayout.Table3Rows.Count} 行均相符"
                : string.Join("；", badRows.Select(row => $"{ReportLayout.RowLabel(row)}：各列之和 {ReportLayout.ApplicantColumns.Sum(c => table3[row, c])}，总计 {table3[row, ReportLayout.Total]}")),
            [.. badRows.SelectMany(row => ReportLayout.Table3Columns.Select(column => Cell3(row, column)))]));

        // Table 四: within each group 维持 + 纠正 + 其他 + 尚未审结 = 总计.
        foreach (var group in ReportLayout.Table4Groups)
        {
            var parts = ReportLayout.Table4Columns.Where(c => c != ReportLayout.Total).ToList();
            var sum = parts.Sum(c => table4[group, c]);
            var total = table4[group, ReportLayout.Total];
            checks.Add(Check($"表四 {CaseGroups.Label(Reviews.CaseCodes.Groups.Parse(group))} 各结果之和=总计", sum == total,
                $"{string.Join(" + ", parts.Select(c => table4[group, c]))} = {sum}，总计 {total}",
                [.. ReportLayout.Table4Columns.Select(c => $"table4:{group}:{c}")]));
        }

        // §3.6 c: 二 of this year equals 四 of the previous year's published (frozen) report, per column.
        if (previousCarriedOut is { } previous)
        {
            var mismatched = ReportLayout.Table3Columns.Where(c => previous.Row.GetValueOrDefault(c) != table3[ReportLayout.CarriedIn, c]).ToList();
            checks.Add(Check("跨年衔接：本年“上年结转”=上年报告“结转下年度继续办理”", mismatched.Count == 0,
                mismatched.Count == 0
                    ? $"与上年报告第 {previous.Version} 版一致（{table3[ReportLayout.CarriedIn, ReportLayout.Total]} 件）"
                    : $"上年报告第 {previous.Version} 版结转 {previous.Row.GetValueOrDefault(ReportLayout.Total)} 件，本年上年结转 {table3[ReportLayout.CarriedIn, ReportLayout.Total]} 件："
                      + string.Join("；", mismatched.Select(c => $"{ReportLayout.ColumnLabel(c)} {previous.Row.GetValueOrDefault(c)}≠{table3[ReportLayout.CarriedIn, c]}"))
                      + "。上年报告需要更正（更正版本）。",
                [.. mismatched.Select(c => Cell3(ReportLayout.CarriedIn, c))]));
        }
        else
        {
            checks.Add(Check("跨年衔接：本年“上年结转”=上年末仍在办理的申请", true,
                $"上年尚未关账，按事件计算的上年末在办申请 {table3[ReportLayout.CarriedIn, ReportLayout.Total]} 件", []));
        }

        return checks;
    }

    private static string Cell3(string row, string column) => $"table3:{row}:{column}";

    private static ReportCheck Check(string name, bool ok, string detail, IReadOnlyList<string> cells) => new(name, ok, detail, ok ? [] : cells);
}
