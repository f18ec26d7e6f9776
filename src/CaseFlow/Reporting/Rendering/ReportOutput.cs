using System.Text;
using CaseFlow.Infrastructure;

namespace CaseFlow.Reporting.Rendering;

public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);

/// <summary>The report in each output format of the contract (<c>--format json|csv|html|xlsx|docx</c>).</summary>
public static class ReportOutput
{
    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "html", "xlsx", "docx"];

    public static async Task<RenderedReport> RenderAsync(CaseFlowApp app, AnnualReport report, string format, CancellationToken ct)
    {
        var name = $"{report.Agency}-{report.Year}{(report.IncludeChildren ? "-汇总" : "")}-政府信息公开工作年度报告.{format}";
        return format switch
        {
            "json" => new(Encoding.UTF8.GetBytes(ReportJson.Write(report) + "\n"), "application/json; charset=utf-8", name),
            "csv" => new(ReportCsv.Write(report), "text/csv; charset=utf-8", name),
            "html" => new(Encoding.UTF8.GetBytes(ReportHtml.Document(report, await ReportNarrative.DraftAsync(app, report, ct))), "text/html; charset=utf-8", name),
            "xlsx" => new(ReportXlsx.Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name),
            "docx" => new(ReportDocx.Write(report, await ReportNarrative.DraftAsync(app, report, ct)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name),
            _ => throw new ArgumentException($"Unknown report format '{format}'.", nameof(format)),
        };
    }
}
