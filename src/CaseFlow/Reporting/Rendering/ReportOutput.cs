using System.Text;
using CaseFlow.Infrastructure;

namespace CaseFlow.Reporting.Rendering;

public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);

/// <summary>The report in each output format of the contract (<c>--format json|csv|html|xlsx|docx</c>).</summary>
public static class ReportOutput
{
    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "html", "xlsx", "docx"];

    /// <summary>The file's name as the office files it: 聊城市卫生健康委员会2025年政府信息公开工作年度报告（汇总）.xlsx.</summary>
    public static string FileName(AnnualReport report, string format)
    {
        var name = $"{report.AgencyName}{report.Year}年政府信息公开工作年度报告{(report.IncludeChildren ? "（汇总）" : "")}";
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + "." + format;
    }

    public static async Task<RenderedReport> RenderAsync(CaseFlowApp app, AnnualReport report, string format, CancellationToken ct)
    {
        var name = FileName(report, format);
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
