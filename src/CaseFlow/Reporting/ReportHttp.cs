using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Reporting.Rendering;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Reporting;

/// <summary>
/// Who may read which reports: everyone their own agency's; the reporting role also its sub-agencies' and the roll-ups
/// (which hold the sub-agencies' figures).
/// </summary>
public static class ReportAccess
{
    public static async Task<bool> CanReadAsync(CaseFlowApp app, Caller caller, string agency, bool includeChildren, CancellationToken ct)
    {
        if (agency == caller.Agency && !includeChildren)
        {
            return true;
        }

        return caller.Has(Role.Reporting) && (await AgencyDirectory.SubtreeAsync(app, caller.Agency, ct)).Any(a => a.Code == agency);
    }
}

/// <summary>The annual report over HTTP: the tables as JSON, the files, and the requests behind each cell.</summary>
public static class ReportHttp
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reports/annual/{year:int}", async (int year, string? agency, bool? includeChildren, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                await WithReportAsync(http, app, agency, year, includeChildren ?? false, ct, report =>
                    Task.FromResult<IResult>(Results.Text(ReportJson.Write(report), "application/json; charset=utf-8"))))
            .WithName("GetAnnualReport").WithSummary("The annual report (tables 二, 三, 四 and the checks) in the contract's JSON shape")
            .AnswersSchema("AnnualReport").Refuses(StatusCodes.Status404NotFound, "agency.not-found").Refuses(StatusCodes.Status422UnprocessableEntity, YearRefusal);

        api.MapGet("/reports/annual/{year:int}/file", async (int year, string? agency, bool? includeChildren, string? format, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                format ??= "docx";
                if (!ReportOutput.Formats.Contains(format))
                {
                    return ApiResults.Problem(StatusCodes.Status400BadRequest, "input.format-unknown", $"格式“{format}”无效：应为 {string.Join("、", ReportOutput.Formats)} 之一。");
                }

                return await WithReportAsync(http, app, agency, year, includeChildren ?? false, ct, async report =>
                {
                    var file = await ReportOutput.RenderAsync(app, report, format, ct);
                    if (format == "html")
                    {
                        // The HTML report opens in the browser, to read and print; the other formats download.
                        http.Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(file.FileName)}";
                        return Results.Bytes(file.Content, file.ContentType);
                    }

                    return Results.File(file.Content, file.ContentType, file.FileName);
                });
            })
            .WithName("DownloadAnnualReport").WithSummary("The annual report as a file: json, csv, html, xlsx or docx")
            .AnswersFile("application/json", "text/csv", "text/html", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .Refuses(StatusCodes.Status404NotFound, "agency.not-found").Refuses(StatusCodes.Status422UnprocessableEntity, YearRefusal);

        api.MapGet("/reports/annual/{year:int}/cells/{table:int}/{row}/{column}", async (int year, int table, string row, string column, string? agency, bool? includeChildren,
                HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                if (Caller.From(http.User) is not { } caller)
                {
                    return ApiResults.NotSignedIn();
                }

                var target = string.IsNullOrWhiteSpace(agency) ? caller.Agency : agency;
                if (!await ReportAccess.CanReadAsync(app, caller, target, includeChildren ?? false, ct))
                {
                    return ApiResults.Problem(StatusCodes.Status403Forbidden, "access.other-agency", "无权查看其他机关的报告。");
                }

                if (InvalidYear(app, year) is { } invalid)
                {
                    return invalid;
                }

                var entries = await AnnualReports.TraceAsync(app, target, year, includeChildren ?? false, new CellAddress(table, row, column), ct);
                return entries is null
                    ? ApiResults.Problem(StatusCodes.Status404NotFound, "report.cell-not-found", $"表{table} 没有单元格 {row} / {column}。")
                    : Results.Ok(entries);
            })
            .WithName("TraceReportCell").WithSummary("The requests (table 三) or cases (table 四) counted in one cell")
            .Answers<IReadOnlyList<CellEntry>>().Refuses(StatusCodes.Status404NotFound, "report.cell-not-found, agency.not-found").Refuses(StatusCodes.Status422UnprocessableEntity, YearRefusal);

        Stats.RecordingDisclosureStats.Map(api);
        Closing.ClosingYear.Map(api);
    }

    private const string YearRefusal = "input.invalid (a year before 2019 or after this one)";

    private static IResult? InvalidYear(CaseFlowApp app, int year) =>
        ReportYears.Refusal(year, app.Today) is { } why ? ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "input.invalid", why + "。") : null;

    private static async Task<IResult> WithReportAsync(HttpContext http, CaseFlowApp app, string? agency, int year, bool includeChildren, CancellationToken ct,
        Func<AnnualReport, Task<IResult>> respond)
    {
        if (Caller.From(http.User) is not { } caller)
        {
            return ApiResults.NotSignedIn();
        }

        var target = string.IsNullOrWhiteSpace(agency) ? caller.Agency : agency;
        if (!await ReportAccess.CanReadAsync(app, caller, target, includeChildren, ct))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "access.other-agency", "无权查看其他机关的报告。");
        }

        if (InvalidYear(app, year) is { } invalid)
        {
            return invalid;
        }

        return await AnnualReports.ComputeAsync(app, target, year, includeChildren, ct) is { } report
            ? await respond(report)
            : ApiResults.Problem(StatusCodes.Status404NotFound, "agency.not-found", $"机关 {target} 未登记。");
    }
}
