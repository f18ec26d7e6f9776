using System.Net;
using System.Text;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The report as HTML: the official tables (merged headers, labels verbatim), the checks, and a print style for A4.
/// <see cref="Tables"/> is the fragment the web page embeds (cells link to the requests behind them);
/// <see cref="Document"/> is the standalone file of <c>--format html</c>.
/// </summary>
public static class ReportHtml
{
    /// <summary>
    /// The print style, as the DOCX is set (GB/T 9704, see <c>OfficialDocx</c>): A4 with the 156 × 225 mm type area,
    /// 仿宋 三号 on 28.95 pt lines, title 小标宋 二号 in balanced lines, headings 黑体, header rows repeated on every
    /// page, no row split, page numbers "— 1 —" outside at the bottom (odd pages right, even left).
    /// </summary>
    public const string PrintCss = """
        @page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;
          @bottom-right { content: "— " counter(page) " —"; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 14pt; vertical-align: top; padding-top: 7mm; margin-right: 14pt; } }
        @page :left { @bottom-right { content: none; }
          @bottom-left { content: "— " counter(page) " —"; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 14pt; vertical-align: top; padding-top: 7mm; margin-left: 14pt; } }
        @media screen { body { max-width: 156mm; margin: 24pt auto; } }
        body { font-family: "仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; color: #000; }
        h1 { font-family: "方正小标宋简体", "华文中宋", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; line-height: 1.4; text-align: center; text-wrap: balance; margin: 0 0 28.95pt; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; break-after: avoid; }
        p { text-indent: 2em; text-align: justify; margin: 0; }
        table.official { border-collapse: collapse; table-layout: fixed; width: 100%; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 10.5pt; line-height: 1.3; page-break-inside: auto; }
        table.official thead { display: table-header-group; }
        table.official th, table.official td { border: 0.5pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; }
        table.official th { font-weight: normal; text-align: center; }
        table.official td.label { text-align: left; }
        table.official td.number { text-align: center; font-variant-numeric: tabular-nums; }
        table.official td.number a { color: inherit; text-decoration: none; display: block; }
        table.official td.failed { background: #fde2e1; outline: 2px solid #b42318; }
        table.official tr { break-inside: avoid; page-break-inside: avoid; }
        ul.checks { list-style: none; padding: 0; font-size: 10.5pt; line-height: 1.5; }
        ul.checks li.ok::before { content: "✓ "; color: #067647; }
        ul.checks li.failed::before { content: "✗ "; color: #b42318; }
        ul.checks li.failed { color: #b42318; font-weight: bold; }
        .meta { font-size: 12pt; color: #444; text-indent: 0; }
        """;

    /// <summary>The three tables, each under its section heading, and the checks.</summary>
    /// <param name="link">The link of a number cell (by its address), or null for plain numbers.</param>
    public static string Tables(AnnualReport report, Func<string, string?>? link = null, string headingTag = "h2")
    {
        var failed = report.Checks.Where(c => !c.Ok).SelectMany(c => c.Cells).ToHashSet();
        var html = new StringBuilder();
        foreach (var sheet in ReportSheets.All(report))
        {
            html.Append('<').Append(headingTag).Append(" id=\"").Append(sheet.Key).Append("\">").Append(E(sheet.Heading)).Append("</").Append(headingTag).Append(">\n");
            html.Append("<table class=\"official\" aria-label=\"").Append(E(sheet.Heading)).Append("\">\n<colgroup>");
            // The columns in the proportions of the DOCX and the XLSX.
            var total = sheet.ColumnWidths.Sum();
            foreach (var width in sheet.ColumnWidths)
            {
                html.Append("<col style=\"width: ").Append((100 * width / total).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append("%\">");
            }

            html.Append("</colgroup>\n");
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                // The header rows in <thead>, which browsers repeat at the top of every printed page.
                if (r == 0)
                {
                    html.Append(sheet.HeaderRows > 0 ? "<thead>\n" : "<tbody>\n");
                }
                else if (r == sheet.HeaderRows)
                {
                    html.Append("</thead>\n<tbody>\n");
                }

                var row = sheet.Rows[r];
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    var tag = cell.Kind == SheetCellKind.Header ? "th" : "td";
                    html.Append('<').Append(tag);
                    if (cell.ColSpan > 1)
                    {
                        html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                    }

                    if (cell.RowSpan > 1)
                    {
                        html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                    }

                    if (cell.Kind == SheetCellKind.Header)
                    {
                        html.Append(" scope=\"col\"");
                    }
                    else
                    {
                        var classes = cell.Kind == SheetCellKind.Number ? "number" : "label";
                        if (cell.Address is { } a && failed.Contains(a))
                        {
                            classes += " failed";
                        }

                        html.Append(" class=\"").Append(classes).Append('"');
                        if (cell.Address is { } address)
                        {
                            html.Append(" data-cell=\"").Append(E(address)).Append('"');
                        }
                    }

                    html.Append('>');
                    if (cell.Address is { } target && link?.Invoke(target) is { } href)
                    {
                        html.Append("<a href=\"").Append(E(href)).Append("\">").Append(E(cell.Text)).Append("</a>");
                    }
                    else
                    {
                        html.Append(E(cell.Text));
                    }

                    html.Append("</").Append(tag).Append('>');
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        return html.ToString();
    }

    public static string Checks(AnnualReport report)
    {
        var html = new StringBuilder("<ul class=\"checks\">\n");
        foreach (var check in report.Checks)
        {
            html.Append("<li class=\"").Append(check.Ok ? "ok" : "failed").Append("\">").Append(E(check.Name)).Append("：").Append(E(check.Detail)).Append("</li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }

    /// <summary>The standalone report: title, reporting period, drafted narrative, the tables and the checks, A4 print-ready.</summary>
    public static string Document(AnnualReport report, ReportNarrative narrative)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(narrative.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(PrintCss).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(narrative.Title)).Append("</h1>\n");
        foreach (var paragraph in narrative.Preamble)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        html.Append("<h2>一、总体情况</h2>\n");
        foreach (var paragraph in narrative.Overview)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        html.Append(Tables(report));
        html.Append("<h2>五、存在的主要问题及改进情况</h2>\n");
        foreach (var paragraph in narrative.Problems)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        html.Append("<h2>六、其他需要报告的事项</h2>\n");
        foreach (var paragraph in narrative.Other)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        html.Append("<h2>附：报表校验</h2>\n").Append(Checks(report));
        html.Append("<p class=\"meta\">").Append(E(narrative.VersionLine)).Append("</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
