using System.Globalization;
using CaseFlow.Requests;

namespace CaseFlow.Reporting.Rendering;

public enum SheetCellKind
{
    Header,
    Label,
    Number,
}

/// <summary>One cell of an official table: text, its span, and for numbers the cell's address (for drill-down links).</summary>
public sealed record SheetCell(string Text, SheetCellKind Kind, int ColSpan = 1, int RowSpan = 1, string? Address = null);

/// <summary>
/// A table in the official layout: its heading, the number of grid columns, rows of (spanning) cells, the header rows
/// that repeat on every page, and whether the table is short enough to keep on one page.
/// </summary>
public sealed record Sheet(string Key, string Heading, int Columns, IReadOnlyList<IReadOnlyList<SheetCell>> Rows, IReadOnlyList<double> ColumnWidths,
    int HeaderRows, bool KeepTogether);

/// <summary>
/// Tables 二, 三 and 四 in the layout of the 2021 format (国办公开办函〔2021〕30号): merged headers and row labels verbatim.
/// HTML, XLSX and DOCX all render these same sheets, so the three outputs cannot drift apart.
/// </summary>
public static class ReportSheets
{
    public const string Table3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    public const string Table2Heading = "二、主动公开政府信息情况";
    public const string Table3Heading = "三、收到和处理政府信息公开申请情况";
    public const string Table4Heading = "四、政府信息公开行政复议、行政诉讼情况";

    public static IReadOnlyList<Sheet> All(AnnualReport report) => [Table2(report.Table2), Table3(report.Table3), Table4(report.Table4)];

    public static Sheet Table2(Table2 t)
    {
        static SheetCell H(string text, int span = 1) => new(text, SheetCellKind.Header, span);
        static SheetCell L(string text) => new(text, SheetCellKind.Label);
        static SheetCell N(decimal value, int span = 1) => new(value.ToString(CultureInfo.InvariantCulture), SheetCellKind.Number, span);
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new[] { H("第二十条第（一）项", 4) },
            new[] { H("信息内容"), H("本年制发件数"), H("本年废止件数"), H("现行有效件数") },
            new[] { L("规章"), N(t.Regulations.Issued), N(t.Regulations.Repealed), N(t.Regulations.InForce) },
            new[] { L("行政规范性文件"), N(t.NormativeDocuments.Issued), N(t.NormativeDocuments.Repealed), N(t.NormativeDocuments.InForce) },
            new[] { H("第二十条第（五）项", 4) },
            new[] { H("信息内容"), H("本年处理决定数量", 3) },
            new[] { L("行政许可"), N(t.Licensing, 3) },
            new[] { H("第二十条第（六）项", 4) },
            new[] { H("信息内容"), H("本年处理决定数量", 3) },
            new[] { L("行政处罚"), N(t.Penalties, 3) },
            new[] { L("行政强制"), N(t.Coercion, 3) },
            new[] { H("第二十条第（八）项", 4) },
            new[] { H("信息内容"), H("本年收费金额（单位：万元）", 3) },
            new[] { L("行政事业性收费"), N(t.FeesWanYuan, 3) },
        };
        // Its blocks each have their own header, so none repeats: the table stays on one page instead.
        return new Sheet("table2", Table2Heading, 4, rows, [28, 22, 22, 22], HeaderRows: 0, KeepTogether: true);
    }

    public static Sheet Table3(Grid grid)
    {
        SheetCell N(string row, string column) => new(grid[row, column].ToString(CultureInfo.InvariantCulture), SheetCellKind.Number, Address: $"table3:{row}:{column}");
        IEnumerable<SheetCell> Numbers(string row) => ReportLayout.Table3Columns.Select(column => N(row, column));

        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new[] { new SheetCell(Table3Note, SheetCellKind.Header, 3, 3), new SheetCell("申请人情况", SheetCellKind.Header, 7) },
            new[]
            {
                new SheetCell("自然人", SheetCellKind.Header, 1, 2), new SheetCell("法人或其他组织", SheetCellKind.Header, 5),
                new SheetCell("总计", SheetCellKind.Header, 1, 2),
            },
            ReportLayout.ApplicantColumns.Skip(1).Select(c => new SheetCell(ReportLayout.ColumnLabel(c), SheetCellKind.Header)).ToArray(),
        };
        rows.Add([new SheetCell(ReportLayout.RowLabel(ReportLayout.Received), SheetCellKind.Label, 3), .. Numbers(ReportLayout.Received)]);
        rows.Add([new SheetCell(ReportLayout.RowLabel(ReportLayout.CarriedIn), SheetCellKind.Label, 3), .. Numbers(ReportLayout.CarriedIn)]);

        var resultRows = OutcomeRows.All.Count + 1; // the 21 result rows and （七）总计
        var first = true;
        foreach (var group in OutcomeRows.All.GroupBy(r => r.GroupKey))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var row = members[i];
                var cells = new List<SheetCell>();
                if (first)
                {
                    cells.Add(new SheetCell("三、本年度办理结果", SheetCellKind.Label, 1, resultRows));
                    first = false;
                }

                if (row.Number == 0)
                {
                    cells.Add(new SheetCell(row.GroupLabel, SheetCellKind.Label, 2));
                }
                else
                {
                    if (i == 0)
                    {
                        cells.Add(new SheetCell(row.GroupLabel, SheetCellKind.Label, 1, members.Count));
                    }

                    cells.Add(new SheetCell($"{row.Number}.{row.Label}", SheetCellKind.Label));
                }

                cells.AddRange(Numbers(Codes.Outcomes.Code(row.Outcome)));
                rows.Add(cells);
            }
        }

        rows.Add([new SheetCell(ReportLayout.RowLabel(ReportLayout.TotalHandled), SheetCellKind.Label, 2), .. Numbers(ReportLayout.TotalHandled)]);
        rows.Add([new SheetCell(ReportLayout.RowLabel(ReportLayout.CarriedOut), SheetCellKind.Label, 3), .. Numbers(ReportLayout.CarriedOut)]);
        return new Sheet("table3", Table3Heading, 10, rows, [7, 13, 34, 7, 7, 7, 7, 7, 7, 7], HeaderRows: 3, KeepTogether: false);
    }

    public static Sheet Table4(Grid grid)
    {
        var groups = ReportLayout.Table4Groups;
        var results = ReportLayout.Table4Columns;
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new[] { new SheetCell("行政复议", SheetCellKind.Header, 5, 2), new SheetCell("行政诉讼", SheetCellKind.Header, 10) },
            new[] { new SheetCell("未经复议直接起诉", SheetCellKind.Header, 5), new SheetCell("复议后起诉", SheetCellKind.Header, 5) },
            groups.SelectMany(_ => results.Select(c => new SheetCell(ReportLayout.Table4ColumnLabel(c), SheetCellKind.Header))).ToArray(),
            groups.SelectMany(g => results.Select(c =>
                new SheetCell(grid[g, c].ToString(CultureInfo.InvariantCulture), SheetCellKind.Number, Address: $"table4:{g}:{c}"))).ToArray(),
        };
        return new Sheet("table4", Table4Heading, 15, rows, [.. Enumerable.Repeat(6.5, 15)], HeaderRows: 3, KeepTogether: true);
    }
}

/// <summary>A cell placed on the grid: its top-left position (0-based) after the spans above and left of it.</summary>
public sealed record PlacedCell(int Row, int Column, SheetCell Cell);

public static class SheetGrid
{
    /// <summary>Places the cells as HTML does: each row's cells fill the positions not covered by spans from above.</summary>
    public static IReadOnlyList<PlacedCell> Place(Sheet sheet)
    {
        var covered = new HashSet<(int, int)>();
        var placed = new List<PlacedCell>();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in sheet.Rows[r])
            {
                while (covered.Contains((r, c)))
                {
                    c++;
                }

                placed.Add(new PlacedCell(r, c, cell));
                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        covered.Add((r + dr, c + dc));
                    }
                }

                c += cell.ColSpan;
            }
        }

        return placed;
    }
}
