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
    public const string PrintCss = """
        @page { size: A4 portrait; margin: 20mm 15mm; }
        body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; color: #000; }
        h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 12pt; }
        h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 14pt 0 6pt; }
        p { text-indent: 2em; line-height: 1.6; margin: 0 0 6pt; }
        table.official { border-collapse: collapse; width: 100%; font-size: 9.5pt; page-break-inside: auto; }
        table.official th, table.official td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; }
        table.official th { font-weight: normal; text-align: center; }
        table.official td.label { text-align: left; }
        table.official td.number { text-align: center; font-variant-numeric: tabular-nums; }
        table.official td.number a { color: inherit; text-decoration: none; display: block; }
        table.official td.failed { background: #fde2e1; outline: 2px solid #b42318; }
        table.official tr { page-break-inside: avoid; }
        ul.checks { list-style: none; padding: 0; font-size: 10pt; }
        ul.checks li.ok::before { content: "✓ "; color: #067647; }
        ul.checks li.failed::before { content: "✗ "; color: #b42318; }
        ul.checks li.failed { color: #b42318; font-weight: bold; }
        .meta { font-size: 9pt; color: #444; text-indent: 0; }
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
            html.Append("<table class=\"official\" aria-label=\"").Append(E(sheet.Heading)).Append("\">\n");
            foreach (var row in sheet.Rows)
            {
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

            html.Append("</table>\n");
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
