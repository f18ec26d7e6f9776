using System.Globalization;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The prose sections of the report, drafted from the data for the officer to edit: the counts of the year, the change
/// against last year, how requests were handled, fees collected, review and litigation. Sections 五 and 六 carry the
/// figures CaseFlow knows and a marked place for what only the agency can write.
/// </summary>
public sealed record ReportNarrative(string Title, IReadOnlyList<string> Preamble, IReadOnlyList<string> Overview,
    IReadOnlyList<string> Problems, IReadOnlyList<string> Other, string VersionLine)
{
    public const string ToComplete = "【待补充】";

    public static async Task<ReportNarrative> DraftAsync(CaseFlowApp app, AnnualReport report, CancellationToken ct)
    {
        var previous = report.Year > ReportYears.First
            ? await AnnualReports.ComputeAsync(app, report.Agency, report.Year - 1, report.IncludeChildren, ct)
            : null;
        var feesYuan = await FeesCollectedAsync(app, report.Agencies, report.Year, ct);
        return Draft(report, previous, feesYuan);
    }

    /// <summary>Pure: the narrative from this year's report, last year's (if any) and the fees collected (yuan).</summary>
    public static ReportNarrative Draft(AnnualReport report, AnnualReport? previous, decimal feesCollectedYuan)
    {
        var y = report.Year;
        var t3 = report.Table3;
        const string Total = ReportLayout.Total;
        var received = t3[ReportLayout.Received, Total];
        var carriedIn = t3[ReportLayout.CarriedIn, Total];
        var handled = t3[ReportLayout.TotalHandled, Total];
        var carriedOut = t3[ReportLayout.CarriedOut, Total];
        var disclosed = t3[Code(Outcome.Disclosed), Total];
        var partial = t3[Code(Outcome.PartiallyDisclosed), Total];

        var title = $"{report.AgencyName}{y}年政府信息公开工作年度报告";
        string[] preamble =
        [
            $"本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。",
            $"本报告所列统计数据的期限自{y}年1月1日起，至{y}年12月31日止。",
        ];

        var overview = new List<string>
        {
            $"（一）主动公开。{y}年，本机关制发规章{report.Table2.Regulations.Issued}件、行政规范性文件{report.Table2.NormativeDocuments.Issued}件，"
            + $"废止行政规范性文件{report.Table2.NormativeDocuments.Repealed}件，现行有效行政规范性文件{report.Table2.NormativeDocuments.InForce}件；"
            + $"作出行政许可决定{report.Table2.Licensing}件、行政处罚决定{report.Table2.Penalties}件、行政强制决定{report.Table2.Coercion}件。{ToComplete}（主动公开的主要做法）",
        };

        var change = previous is null ? ""
            : Compare(received, previous.Table3[ReportLayout.Received, Total], $"与{y - 1}年{previous.Table3[ReportLayout.Received, Total]}件相比");
        var byColumn = string.Join("，", ReportLayout.ApplicantColumns
            .Where(c => t3[ReportLayout.Received, c] > 0)
            .Select(c => $"{ReportLayout.ColumnLabel(c)}{t3[ReportLayout.Received, c]}件"));
        var handling = handled == 0 ? "本年度未办结政府信息公开申请。"
            : $"本年度办结{handled}件，其中予以公开{disclosed}件、部分公开{partial}件"
              + Part("不予公开", Sum(t3, "refused")) + Part("无法提供", Sum(t3, "unable")) + Part("不予处理", Sum(t3, "not-processed"))
              + Part("其他处理", Sum(t3, "other")) + $"，公开率（予以公开与部分公开之和占办结数）{Percent(disclosed + partial, handled)}。";
        overview.Add(
            $"（二）依申请公开。{y}年共收到政府信息公开申请{received}件{(byColumn.Length > 0 ? $"（{byColumn}）" : "")}{change}，"
            + $"上年结转{carriedIn}件。{handling}"
            + (carriedOut > 0 ? $"截至{y}年12月31日，尚有{carriedOut}件在法定期限内继续办理，结转下年度。" : $"截至{y}年12月31日，所有申请均已办结。"));

        var t4 = report.Table4;
        var reviews = t4["review", Total];
        var suits = t4["lawsuit-direct", Total] + t4["lawsuit-after-review", Total];
        overview.Add(reviews + suits == 0
            ? $"（三）行政复议和行政诉讼。{y}年，本机关未因政府信息公开工作被申请行政复议或提起行政诉讼。"
            : $"（三）行政复议和行政诉讼。{y}年，本机关因政府信息公开工作被申请行政复议{reviews}件"
              + $"（结果维持{t4["review", "maintained"]}件、结果纠正{t4["review", "corrected"]}件、其他结果{t4["review", "other"]}件、尚未审结{t4["review", "pending"]}件），"
              + $"被提起行政诉讼{suits}件（结果维持{t4["lawsuit-direct", "maintained"] + t4["lawsuit-after-review", "maintained"]}件、"
              + $"结果纠正{t4["lawsuit-direct", "corrected"] + t4["lawsuit-after-review", "corrected"]}件、"
              + $"其他结果{t4["lawsuit-direct", "other"] + t4["lawsuit-after-review", "other"]}件、"
              + $"尚未审结{t4["lawsuit-direct", "pending"] + t4["lawsuit-after-review", "pending"]}件）。"
              + (t4["review", "corrected"] + t4["lawsuit-direct", "corrected"] + t4["lawsuit-after-review", "corrected"] > 0 ? $"对被纠正的案件，{ToComplete}（整改情况）。" : ""));
        overview.Add($"（四）政府信息管理与平台建设。{ToComplete}");
        overview.Add($"（五）监督保障。{ToComplete}");

        string[] problems = [$"{ToComplete}（存在的主要问题）", $"{ToComplete}（改进情况）"];
        string[] other =
        [
            feesCollectedYuan == 0
                ? $"（一）收取信息处理费情况。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关{y}年未收取政府信息公开信息处理费。"
                : $"（一）收取信息处理费情况。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关{y}年共收取政府信息公开信息处理费{feesCollectedYuan.ToString("0.##", CultureInfo.InvariantCulture)}元。",
            $"（二）落实上级年度政务公开工作要点情况。{ToComplete}",
        ];

        var versionLine = report.Version is { } v
            ? $"本报告为{y}年度报告第{v.Version}版（{(v.Kind == "closed" ? "年度关账" : "更正")}，{v.On:yyyy-MM-dd}，校验码 {v.Hash[..12]}）。"
            : $"本报告按截至生成时的办理记录生成，{y}年度尚未关账。";
        if (!report.AllChecksPass)
        {
            versionLine += "注意：报表校验未全部通过，请核对后再发布。";
        }

        return new ReportNarrative(title, preamble, overview, problems, other, versionLine);
    }

    private static async Task<decimal> FeesCollectedAsync(CaseFlowApp app, IReadOnlyList<string> agencies, int year, CancellationToken ct)
    {
        var (start, end) = AnnualReports.YearBounds(year);
        await using var command = app.DataSource.CreateCommand(
            """
            select coalesce(sum((fee->>'amountYuan')::numeric), 0)
              from rm.mt_doc_request_files r, jsonb_array_elements(r.data->'state'->'fees') fee
             where r.tenant_id = any($1) and (fee->>'paidOn')::date between $2 and $3
            """);
        command.Parameters.Add(Db.Param(agencies.ToArray()));
        command.Parameters.Add(Db.Date(start));
        command.Parameters.Add(Db.Date(end));
        return (decimal)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Code(Outcome outcome) => Codes.Outcomes.Code(outcome);

    private static int Sum(Grid t3, string group) =>
        OutcomeRows.All.Where(r => r.GroupKey == group).Sum(r => t3[Code(r.Outcome), ReportLayout.Total]);

    private static string Part(string label, int count) => count > 0 ? $"、{label}{count}件" : "";

    private static string Percent(int part, int whole) => whole == 0 ? "—" : (100m * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Compare(int now, int before, string lead) =>
        now == before ? $"，{lead}持平" : now > before ? $"，{lead}增加{now - before}件" : $"，{lead}减少{before - now}件";
}
