using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Closing;
using CaseFlow.Reporting.Stats;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages.Reports;

public sealed class Table2Input
{
    public string? FormId { get; set; }
    public int? RegulationsIssued { get; set; }
    public int? RegulationsRepealed { get; set; }
    public int? RegulationsInForce { get; set; }
    public int? NormativeIssued { get; set; }
    public int? NormativeRepealed { get; set; }
    public int? NormativeInForce { get; set; }
    public int? Licensing { get; set; }
    public int? Penalties { get; set; }
    public int? Coercion { get; set; }
    public decimal? FeesWanYuan { get; set; }
}

/// <summary>
/// The annual report screen: tables 二, 三 and 四 in the official layout, the checks with failing cells marked, each
/// count linking to the requests behind it, the close of the year with its versions, downloads and print.
/// </summary>
public sealed class IndexModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Children { get; set; }

    [BindProperty]
    public Table2Input Table2 { get; set; } = new();

    [BindProperty]
    public string? CloseFormId { get; set; }

    public AnnualReport Report { get; private set; } = null!;
    public IReadOnlyList<AgencyEntry> Readable { get; private set; } = [];
    public bool IsOwnAgency => Report.Agency == Caller.Agency && !Report.IncludeChildren;
    public bool YearEnded => App.Today > new NodaTime.LocalDate(Report.Year, 12, 31);
    public int FirstYear => ReportYears.First;

    /// <summary>Why the year asked for (in the address) is not shown, if it is not.</summary>
    public string? YearRefusal { get; private set; }
    public int LastYear => App.Today.Year;

    public string Query(string? extra = null) =>
        $"year={Report.Year}&agency={Uri.EscapeDataString(Report.Agency)}{(Report.IncludeChildren ? "&children=true" : "")}{extra}";

    /// <summary>The report as a file, from the API (the same rendering the CLI uses).</summary>
    public string FileLink(string format) =>
        $"/api/reports/annual/{Report.Year}/file?format={format}&agency={Uri.EscapeDataString(Report.Agency)}{(Report.IncludeChildren ? "&includeChildren=true" : "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (Require(Role.Reporting, "close") && Year is { } year
            && await RunAsync("close", CloseFormId, null, options => ClosingYear.HandleAsync(App, Caller.Actor, Caller.Agency, new CloseYearBody(year, null), options, null, ct)))
        {
            var version = await AnnualReportVersions.LatestAsync(App, Caller.Agency, year, ct);
            Flash = $"{year} 年度已关账：报告第 {version?.Info.Version} 版已冻结（校验码 {version?.Info.Hash[..12]}），年末在办申请已结转下年度。";
            return Redirect($"/reports?year={year}");
        }

        Agency = Caller.Agency;
        Children = false;
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostTable2Async(CancellationToken ct)
    {
        var body = new RecordDisclosureStatsBody(Year,
            new DocumentCountsBody(Table2.RegulationsIssued, Table2.RegulationsRepealed, Table2.RegulationsInForce),
            new DocumentCountsBody(Table2.NormativeIssued, Table2.NormativeRepealed, Table2.NormativeInForce),
            Table2.Licensing, Table2.Penalties, Table2.Coercion, Table2.FeesWanYuan, null);
        if (Require(Role.Reporting, "table2")
            && await RunAsync("table2", Table2.FormId, null, options => RecordingDisclosureStats.HandleAsync(App, Caller.Actor, Caller.Agency, body, options, ct)))
        {
            Flash = "已保存表二数据。";
            return Redirect($"/reports?year={Year}#table2");
        }

        Agency = Caller.Agency;
        Children = false;
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var year = Year ?? App.Today.Year - 1;
        if (ReportYears.Refusal(year, App.Today) is { } why)
        {
            year = App.Today.Year - 1;
            YearRefusal = $"{why}（条例 2019 年 5 月 15 日起施行）。下面显示的是 {year} 年度。";
        }

        var agency = string.IsNullOrWhiteSpace(Agency) ? Caller.Agency : Agency;
        if (!await ReportAccess.CanReadAsync(App, Caller, agency, Children, ct))
        {
            return Forbid();
        }

        Readable = Caller.Has(Role.Reporting)
            ? await AgencyDirectory.SubtreeAsync(App, Caller.Agency, ct)
            : [.. (await AgencyDirectory.FindAsync(App, Caller.Agency, ct)) is { } own ? [own] : Array.Empty<AgencyEntry>()];
        if (await AnnualReports.ComputeAsync(App, agency, year, Children, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        var t2 = report.Table2;
        if (FailedForm != "table2")
        {
            Table2 = new Table2Input
            {
                FormId = NewFormId(),
                RegulationsIssued = t2.Regulations.Issued,
                RegulationsRepealed = t2.Regulations.Repealed,
                RegulationsInForce = t2.Regulations.InForce,
                NormativeIssued = t2.NormativeDocuments.Issued,
                NormativeRepealed = t2.NormativeDocuments.Repealed,
                NormativeInForce = t2.NormativeDocuments.InForce,
                Licensing = t2.Licensing,
                Penalties = t2.Penalties,
                Coercion = t2.Coercion,
                FeesWanYuan = t2.FeesWanYuan,
            };
        }

        CloseFormId = NewFormId();
        return Page();
    }
}
