using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The report as an Excel workbook (Office Open XML, opens in Excel and WPS): one worksheet per table in the official
/// layout with merged headers and borders, numbers as numbers, and a worksheet of checks.
/// </summary>
public static class ReportXlsx
{
    private const uint Plain = 0;
    private const uint Header = 1;
    private const uint Label = 2;
    private const uint Number = 3;
    private const uint Title = 4;
    private const uint Failed = 5;

    public static byte[] Write(AnnualReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var failed = report.Checks.Where(c => !c.Ok).SelectMany(c => c.Cells).ToHashSet();
            uint id = 1;
            foreach (var sheet in ReportSheets.All(report))
            {
                AddSheet(workbook, sheets, id++, SheetName(sheet.Key), $"{report.AgencyName}{report.Year}年度 {sheet.Heading}", sheet, strings, failed);
            }

            AddChecks(workbook, sheets, id, report, strings);
            strings.Save();
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    public static string SheetName(string key) => key switch
    {
        "table2" => "表二 主动公开",
        "table3" => "表三 依申请公开",
        "table4" => "表四 复议诉讼",
        _ => key,
    };

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, string title, Sheet sheet, SharedStrings strings, IReadOnlySet<string> failed)
    {
        var cells = new SortedDictionary<(int Row, int Column), (string Text, bool IsNumber, uint Style)>();
        cells[(0, 0)] = (title, false, Title);
        var merges = new List<string> { $"{Ref(0, 0)}:{Ref(0, sheet.Columns - 1)}" };
        const int Top = 1;
        foreach (var placed in SheetGrid.Place(sheet))
        {
            var style = placed.Cell.Kind switch
            {
                SheetCellKind.Header => Header,
                SheetCellKind.Label => Label,
                _ => placed.Cell.Address is { } a && failed.Contains(a) ? Failed : Number,
            };
            var row = Top + placed.Row;
            for (var dr = 0; dr < placed.Cell.RowSpan; dr++)
            {
                for (var dc = 0; dc < placed.Cell.ColSpan; dc++)
                {
                    // Covered cells keep the style so the merged area has its borders.
                    cells[(row + dr, placed.Column + dc)] = dr == 0 && dc == 0
                        ? (placed.Cell.Text, placed.Cell.Kind == SheetCellKind.Number, style)
                        : ("", false, style);
                }
            }

            if (placed.Cell.RowSpan > 1 || placed.Cell.ColSpan > 1)
            {
                merges.Add($"{Ref(row, placed.Column)}:{Ref(row + placed.Cell.RowSpan - 1, placed.Column + placed.Cell.ColSpan - 1)}");
            }
        }

        var columns = new Columns(sheet.ColumnWidths.Select((width, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true }));
        AppendSheet(workbook, sheets, id, name, columns, cells, merges, strings);
    }

    private static void AddChecks(WorkbookPart workbook, Sheets sheets, uint id, AnnualReport report, SharedStrings strings)
    {
        var cells = new SortedDictionary<(int Row, int Column), (string Text, bool IsNumber, uint Style)>
        {
            [(0, 0)] = ("校验项", false, Header),
            [(0, 1)] = ("结果", false, Header),
            [(0, 2)] = ("说明", false, Header),
        };
        for (var i = 0; i < report.Checks.Count; i++)
        {
            var check = report.Checks[i];
            cells[(i + 1, 0)] = (check.Name, false, Label);
            cells[(i + 1, 1)] = (check.Ok ? "通过" : "未通过", false, check.Ok ? Label : Failed);
            cells[(i + 1, 2)] = (check.Detail, false, Label);
        }

        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 48, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 80, CustomWidth = true });
        AppendSheet(workbook, sheets, id, "校验", columns, cells, [], strings);
    }

    private static void AppendSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, Columns columns,
        SortedDictionary<(int Row, int Column), (string Text, bool IsNumber, uint Style)> cells, List<string> merges, SharedStrings strings)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var rowCells in cells.GroupBy(c => c.Key.Row))
        {
            var row = new Row { RowIndex = (uint)(rowCells.Key + 1) };
            foreach (var ((r, c), (text, isNumber, style)) in rowCells)
            {
                var cell = new Cell { CellReference = Ref(r, c), StyleIndex = style };
                if (isNumber && text.Length > 0)
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(text);
                }
                else if (text.Length > 0)
                {
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture));
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(columns, data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        part.Worksheet = worksheet;
        part.Worksheet.Save();
        sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    /// <summary>An A1 reference from 0-based row and column.</summary>
    public static string Ref(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        static Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues horizontal) => new(
            new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = true })
        { FontId = font, FillId = fill, BorderId = border, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true, ApplyFill = fill > 0 };

        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "黑体" })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFDE2E1" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(), Thin()),
            new CellFormats(
                new CellFormat(),                                          // Plain
                Format(0, 0, 1, HorizontalAlignmentValues.Center),         // Header
                Format(0, 0, 1, HorizontalAlignmentValues.Left),           // Label
                Format(0, 0, 1, HorizontalAlignmentValues.Center),         // Number
                Format(1, 0, 0, HorizontalAlignmentValues.Center),         // Title
                Format(0, 2, 1, HorizontalAlignmentValues.Center)));       // Failed
    }

    /// <summary>The workbook's shared strings, each stored once.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = [];
        private readonly SharedStringTable _table = new();

        public int Index(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _index.Count;
                _index[text] = i;
                _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return i;
        }

        public void Save()
        {
            part.SharedStringTable = _table;
            part.SharedStringTable.Save();
        }
    }
}
