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

    // Heights in points: a line of 宋体 10 pt in Excel, WPS and LibreOffice, and the padding around a cell's lines.
    private const double LineHeight = 13.5;
    private const double Padding = 5;
    private const double TitleHeight = 27;

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
            var printTitles = new DefinedNames();
            var failed = report.Checks.Where(c => !c.Ok).SelectMany(c => c.Cells).ToHashSet();
            uint id = 1;
            foreach (var sheet in ReportSheets.All(report))
            {
                var name = SheetName(sheet.Key);
                AddSheet(workbook, sheets, id, name, $"{report.AgencyName}{report.Year}年度 {sheet.Heading}", sheet, strings, failed);
                // 打印标题: the title row and the header rows print at the top of every page.
                printTitles.Append(new DefinedName($"'{name}'!$1:${1 + sheet.HeaderRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = id - 1 });
                id++;
            }

            AddChecks(workbook, sheets, id, report, strings);
            workbook.Workbook.Append(printTitles);
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
        var spans = new List<(int Row, int Column, SheetCell Cell)>();
        foreach (var placed in SheetGrid.Place(sheet))
        {
            var style = placed.Cell.Kind switch
            {
                SheetCellKind.Header => Header,
                SheetCellKind.Label => Label,
                _ => placed.Cell.Address is { } a && failed.Contains(a) ? Failed : Number,
            };
            var row = Top + placed.Row;
            spans.Add((row, placed.Column, placed.Cell));
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
        var heights = RowHeights(spans, sheet.ColumnWidths, Top + sheet.Rows.Count);
        heights[0] = TitleHeight;
        AppendSheet(workbook, sheets, id, name, columns, cells, merges, heights, frozenRows: Top + sheet.HeaderRows, strings);
    }

    private static void AddChecks(WorkbookPart workbook, Sheets sheets, uint id, AnnualReport report, SharedStrings strings)
    {
        var cells = new SortedDictionary<(int Row, int Column), (string Text, bool IsNumber, uint Style)>
        {
            [(0, 0)] = ("校验项", false, Header),
            [(0, 1)] = ("结果", false, Header),
            [(0, 2)] = ("说明", false, Header),
        };
        var spans = new List<(int Row, int Column, SheetCell Cell)>();
        for (var i = 0; i < report.Checks.Count; i++)
        {
            var check = report.Checks[i];
            cells[(i + 1, 0)] = (check.Name, false, Label);
            cells[(i + 1, 1)] = (check.Ok ? "通过" : "未通过", false, check.Ok ? Label : Failed);
            cells[(i + 1, 2)] = (check.Detail, false, Label);
            spans.Add((i + 1, 0, new SheetCell(check.Name, SheetCellKind.Label)));
            spans.Add((i + 1, 2, new SheetCell(check.Detail, SheetCellKind.Label)));
        }

        double[] widths = [48, 10, 80];
        var columns = new Columns(widths.Select((width, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true }));
        AppendSheet(workbook, sheets, id, "校验", columns, cells, [], RowHeights(spans, widths, report.Checks.Count + 1), frozenRows: 1, strings);
    }

    /// <summary>
    /// The height of every row, so that every label shows whole: Excel, WPS and LibreOffice do not fit the height of a
    /// row to a merged cell. A cell needs as many lines as its text takes in its (merged) width; a cell over several
    /// rows shares what it lacks among them.
    /// </summary>
    public static double[] RowHeights(IReadOnlyList<(int Row, int Column, SheetCell Cell)> cells, IReadOnlyList<double> columnWidths, int rows)
    {
        var heights = Enumerable.Repeat(LineHeight + Padding, rows).ToArray();
        double Needed(int row, int column, SheetCell cell)
        {
            var width = columnWidths.Skip(column).Take(cell.ColSpan).Sum();
            // A column of width w holds about (w − 1) / 2 Chinese characters of 宋体 10 pt.
            var perLine = Math.Max(1, (width - 1) / 2);
            var lines = Math.Max(1, (int)Math.Ceiling(Documents.OfficialText.Width(cell.Text) / perLine));
            return (lines * LineHeight) + Padding;
        }

        foreach (var (row, column, cell) in cells.Where(c => c.Cell.RowSpan == 1))
        {
            heights[row] = Math.Max(heights[row], Needed(row, column, cell));
        }

        foreach (var (row, column, cell) in cells.Where(c => c.Cell.RowSpan > 1))
        {
            var lacking = Needed(row, column, cell) - heights.Skip(row).Take(cell.RowSpan).Sum();
            for (var r = row; lacking > 0 && r < row + cell.RowSpan; r++)
            {
                heights[r] += lacking / cell.RowSpan;
            }
        }

        return heights;
    }

    private static void AppendSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, Columns columns,
        SortedDictionary<(int Row, int Column), (string Text, bool IsNumber, uint Style)> cells, List<string> merges,
        IReadOnlyList<double> heights, int frozenRows, SharedStrings strings)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var rowCells in cells.GroupBy(c => c.Key.Row))
        {
            var row = new Row { RowIndex = (uint)(rowCells.Key + 1), Height = Math.Round(heights[rowCells.Key], 1), CustomHeight = true };
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

        var topLeft = Ref(frozenRows, 0);
        var worksheet = new Worksheet(
            // Without fitToPage, Excel and LibreOffice ignore fitToWidth.
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { WorkbookViewId = 0, TabSelected = id == 1 }),
            columns,
            data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        worksheet.Append(new PrintOptions { HorizontalCentered = true });
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        worksheet.Append(new HeaderFooter(new OddFooter("&C— &P —")));
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
