using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The whole report as a Word document (Office Open XML; opens in Word and WPS): title, the six sections with the
/// tables filled in the official layout and the narrative drafted from the data, on A4 in the usual government type
/// (仿宋 body, 黑体 headings), for the officer to edit and publish.
/// </summary>
public static class ReportDocx
{
    private const int TextWidthTwips = 9070; // A4 (11906) minus 2 × 1418 (2.5 cm) margins

    public static byte[] Write(AnnualReport report, ReportNarrative narrative)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(narrative.Title, font: "黑体", size: 36, bold: true, center: true, indent: false));
            foreach (var text in narrative.Preamble)
            {
                body.Append(Paragraph(text));
            }

            body.Append(Heading("一、总体情况"));
            foreach (var text in narrative.Overview)
            {
                body.Append(Paragraph(text));
            }

            foreach (var sheet in ReportSheets.All(report))
            {
                body.Append(Heading(sheet.Heading));
                body.Append(Table(sheet));
            }

            body.Append(Heading("五、存在的主要问题及改进情况"));
            foreach (var text in narrative.Problems)
            {
                body.Append(Paragraph(text));
            }

            body.Append(Heading("六、其他需要报告的事项"));
            foreach (var text in narrative.Other)
            {
                body.Append(Paragraph(text));
            }

            body.Append(Paragraph(narrative.VersionLine, size: 20, indent: false));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1418, Right = 1418, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text) => Paragraph(text, font: "黑体", size: 32, indent: false, spaceBefore: 240);

    /// <summary>A paragraph in one run; sizes in half-points (32 = 三号 16 pt), body text indented two characters.</summary>
    private static Paragraph Paragraph(string text, string font = "仿宋", int size = 32, bool bold = false, bool center = false, bool indent = true, int spaceBefore = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "0", Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        if (center)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        return new Paragraph(properties, Run(text, font, size, bold));
    }

    private static Run Run(string text, string font, int size, bool bold)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>An official table: merged cells as grid spans (across) and vertical merges (down).</summary>
    private static Table Table(Sheet sheet)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            border,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var total = sheet.ColumnWidths.Sum();
        var widths = sheet.ColumnWidths.Select(w => (int)(TextWidthTwips * w / total)).ToArray();
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var placed = SheetGrid.Place(sheet);
        var starts = placed.ToDictionary(p => (p.Row, p.Column));
        // Positions covered by a cell that started in an earlier row: they need a "continue" cell.
        var continued = new Dictionary<(int Row, int Column), PlacedCell>();
        foreach (var p in placed.Where(p => p.Cell.RowSpan > 1))
        {
            for (var dr = 1; dr < p.Cell.RowSpan; dr++)
            {
                continued[(p.Row + dr, p.Column)] = p;
            }
        }

        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < sheet.Columns;)
            {
                if (starts.TryGetValue((r, c), out var start))
                {
                    row.Append(Cell(start.Cell, widths, c, start.Cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                    c += start.Cell.ColSpan;
                }
                else if (continued.TryGetValue((r, c), out var above))
                {
                    row.Append(Cell(above.Cell with { Text = "" }, widths, c, MergedCellValues.Continue));
                    c += above.Cell.ColSpan;
                }
                else
                {
                    c++; // not reachable for a well-formed sheet: every position is started or continued
                }
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(SheetCell cell, int[] widths, int column, MergedCellValues? merge)
    {
        var width = widths.Skip(column).Take(cell.ColSpan).Sum();
        var properties = new TableCellProperties(
            new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColSpan });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var justification = cell.Kind == SheetCellKind.Label ? JustificationValues.Left : JustificationValues.Center;
        var paragraph = new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = justification }),
            Run(cell.Text, "宋体", 18, false));
        return new TableCell(properties, paragraph);
    }
}
