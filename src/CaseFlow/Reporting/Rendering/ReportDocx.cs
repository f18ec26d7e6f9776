using System.Globalization;
using CaseFlow.Documents;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The whole report as a Word document (Office Open XML; opens in Word, WPS and LibreOffice) in the 公文 format
/// (<see cref="OfficialDocx"/>): title, the six sections with the tables filled in the official layout and the
/// narrative drafted from the data, for the officer to edit and publish.
/// </summary>
public static class ReportDocx
{
    public static byte[] Write(AnnualReport report, ReportNarrative narrative) => OfficialDocx.Write(narrative.Title, document =>
    {
        // The title's phrases end after the agency's name and after the year.
        var year = $"{report.Year}年";
        var afterYear = narrative.Title.StartsWith(report.AgencyName + year, StringComparison.Ordinal) ? report.AgencyName.Length + year.Length : -1;
        document.Title(narrative.Title, [report.AgencyName.Length, afterYear]);
        foreach (var text in narrative.Preamble)
        {
            document.Paragraph(text);
        }

        document.Heading(1, "一、总体情况");
        foreach (var text in narrative.Overview)
        {
            document.Paragraph(text);
        }

        foreach (var sheet in ReportSheets.All(report))
        {
            document.Heading(1, sheet.Heading);
            document.Append(Table(sheet));
        }

        document.Heading(1, "五、存在的主要问题及改进情况");
        foreach (var text in narrative.Problems)
        {
            document.Paragraph(text);
        }

        document.Heading(1, "六、其他需要报告的事项");
        foreach (var text in narrative.Other)
        {
            document.Paragraph(text);
        }

        document.Note(narrative.VersionLine);
    });

    /// <summary>
    /// An official table: merged cells as grid spans (across) and vertical merges (down); its header rows repeat on every
    /// page, no row splits across pages, and a short table keeps to one page.
    /// </summary>
    private static Table Table(Sheet sheet)
    {
        var total = sheet.ColumnWidths.Sum();
        var widths = sheet.ColumnWidths.Select(w => (int)(OfficialDocx.TypeAreaWidth * w / total)).ToArray();
        var table = OfficialDocx.Table(widths);

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
            var rowProperties = new TableRowProperties(new CantSplit());
            if (r < sheet.HeaderRows)
            {
                rowProperties.Append(new TableHeader());
            }

            // Keeping each row with the next keeps a short table on one page.
            var keepWithNext = sheet.KeepTogether && r < sheet.Rows.Count - 1;
            var row = new TableRow(rowProperties);
            for (var c = 0; c < sheet.Columns;)
            {
                if (starts.TryGetValue((r, c), out var start))
                {
                    row.Append(Cell(start.Cell, widths, c, start.Cell.RowSpan > 1 ? MergedCellValues.Restart : null, keepWithNext));
                    c += start.Cell.ColSpan;
                }
                else if (continued.TryGetValue((r, c), out var above))
                {
                    row.Append(Cell(above.Cell with { Text = "" }, widths, c, MergedCellValues.Continue, keepWithNext));
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

    private static TableCell Cell(SheetCell cell, int[] widths, int column, MergedCellValues? merge, bool keepWithNext)
    {
        var width = widths.Skip(column).Take(cell.ColSpan).Sum();
        var properties = new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColSpan });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        // Every cell centred vertically, continued parts of a merge included, so no row sits at the top.
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = OfficialDocx.Properties(cell.Kind == SheetCellKind.Label ? OfficialDocx.StyleIds.TableLabel : OfficialDocx.StyleIds.TableText);
        if (keepWithNext)
        {
            paragraph.KeepNext = new KeepNext();
        }

        return new TableCell(properties, new Paragraph(paragraph, OfficialDocx.TextRun(cell.Text)));
    }
}
