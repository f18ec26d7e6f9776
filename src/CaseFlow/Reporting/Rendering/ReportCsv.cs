using System.Text;
using CaseFlow.Reporting.Closing;
using CaseFlow.Requests;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The report as CSV for spreadsheets: one section per table, each row with its code and its official label, then the
/// numbers in the official column order. UTF-8 with a byte-order mark, so Excel and WPS open the Chinese correctly.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(AnnualReport report) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(report))];

    public static string Text(AnnualReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "agency", report.Agency, report.AgencyName, "year", report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        csv.Append("\r\n");

        Line(csv, "table", "item", "项目", "value");
        foreach (var (label, value) in ReportTables.Table2Cells(report.Table2))
        {
            Line(csv, "table2", "", label, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        csv.Append("\r\n");
        Line(csv, ["table", "row", "项目", .. report.Table3.Columns.Select(c => $"{c}（{ReportLayout.ColumnLabel(c)}）")]);
        foreach (var row in report.Table3.Rows)
        {
            Line(csv, ["table3", row, ReportLayout.RowLabel(row), .. report.Table3.Columns.Select(c => N(report.Table3[row, c]))]);
        }

        csv.Append("\r\n");
        Line(csv, ["table", "group", "项目", .. report.Table4.Columns.Select(c => $"{c}（{ReportLayout.Table4ColumnLabel(c)}）")]);
        foreach (var group in report.Table4.Rows)
        {
            Line(csv, ["table4", group, CaseGroups.Label(Reviews.CaseCodes.Groups.Parse(group)), .. report.Table4.Columns.Select(c => N(report.Table4[group, c]))]);
        }

        csv.Append("\r\n");
        Line(csv, "check", "ok", "detail");
        foreach (var check in report.Checks)
        {
            Line(csv, check.Name, check.Ok ? "true" : "false", check.Detail);
        }

        return csv.ToString();
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Quote));
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(field, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
