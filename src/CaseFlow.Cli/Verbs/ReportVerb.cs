using System.CommandLine;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Closing;
using CaseFlow.Reporting.Rendering;
using CaseFlow.Reporting.RollingUp;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// <c>caseflow report annual --agency CODE --year YYYY --format json|csv|html|xlsx|docx [--out FILE] [--include-children]</c>,
/// <c>report trace</c> (the requests behind a cell) and <c>report close</c> (the year-end close, with progress).
/// </summary>
internal static class ReportVerb
{
    public static Command Build()
    {
        var agency = new Option<string>("--agency") { Description = "The agency's code.", Required = true };
        var year = new Option<int>("--year") { Description = "The report year.", Required = true };
        var includeChildren = new Option<bool>("--include-children") { Description = "Roll up the agency and every agency below it." };
        var format = new Option<string>("--format") { Description = "json, csv, html, xlsx or docx.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong([.. ReportOutput.Formats]);
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (needed for xlsx and docx unless standard output is redirected)." };
        var annual = new Command("annual", "The annual report (tables 二, 三, 四 and their checks).") { agency, year, format, output, includeChildren };
        annual.SetAction((parse, ct) => CliHost.RunAsync(() =>
            AnnualAsync(parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(includeChildren), ct)));

        var table = new Option<int>("--table") { Description = "3 (table 三) or 4 (table 四).", DefaultValueFactory = _ => 3 };
        var row = new Option<string>("--row") { Description = "Row code (table 三: received, carried-in, an outcome code, total-handled, carried-out; table 四: review, lawsuit-direct, lawsuit-after-review).", Required = true };
        var column = new Option<string>("--column") { Description = "Column code (an applicant type or total; table 四: maintained, corrected, other, pending, total).", DefaultValueFactory = _ => "total" };
        var traceFormat = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "table" };
        traceFormat.AcceptOnlyFromAmong("json", "table");
        var trace = new Command("trace", "The requests (or cases) counted in one cell of the report.") { agency, year, table, row, column, includeChildren, traceFormat };
        trace.SetAction((parse, ct) => CliHost.RunAsync(() => TraceAsync(parse.GetValue(agency)!, parse.GetValue(year),
            new CellAddress(parse.GetValue(table), parse.GetValue(row)!, parse.GetValue(column)!), parse.GetValue(includeChildren), parse.GetValue(traceFormat)!, ct)));

        var close = new Command("close", "Close the year: carry over open requests and freeze the report as version 1 (a closed year is restated instead).") { agency, year };
        close.SetAction((parse, ct) => CliHost.RunAsync(() => CloseAsync(parse.GetValue(agency)!, parse.GetValue(year), ct)));

        var plan = new Option<FileInfo>("--plan") { Description = "The roll-up plan: which agencies in which databases (docs/scaling.md).", Required = true };
        var rollUpFormat = new Option<string>("--format") { Description = "json, csv or xlsx.", DefaultValueFactory = _ => "json" };
        rollUpFormat.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var rollUp = new Command("rollup", "Roll up the annual reports of agencies kept in several databases (one per city or province).") { plan, year, rollUpFormat, output };
        rollUp.SetAction((parse, ct) => CliHost.RunAsync(() => RollUpAsync(parse.GetValue(plan)!, parse.GetValue(year), parse.GetValue(rollUpFormat)!, parse.GetValue(output), ct)));

        return new Command("report", "The annual report (政府信息公开工作年度报告).") { annual, trace, close, rollUp };
    }

    private static async Task<int> AnnualAsync(string agency, int year, string format, FileInfo? output, bool includeChildren, CancellationToken ct)
    {
        if ((format is "xlsx" or "docx") && output is null && !Console.IsOutputRedirected)
        {
            throw new CliException($"--format {format} writes a binary file: give --out FILE (or redirect standard output).");
        }

        await using var host = await CliHost.OpenAsync(ct);

        var app = host.App;
        if (year < ReportYears.First || year > app.Today.Year)
        {
            throw new CliException($"--year {year}: a report year is between {ReportYears.First} and {app.Today.Year}.");
        }

        var report = await AnnualReports.ComputeAsync(app, agency, year, includeChildren, ct)
            ?? throw new CliException($"agency '{agency}' is not registered.");
        var file = await ReportOutput.RenderAsync(app, report, format, ct);
        return await WriteAsync(report, file.Content, output, ct);
    }

    /// <summary>The rendered report to the file or standard output; failing checks on standard error.</summary>
    private static async Task<int> WriteAsync(AnnualReport report, byte[] content, FileInfo? output, CancellationToken ct)
    {
        if (output is not null)
        {
            await File.WriteAllBytesAsync(output.FullName, content, ct);
            await Console.Error.WriteLineAsync($"wrote {output.FullName} ({content.Length:N0} bytes)");
        }
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(content, ct);
        }

        foreach (var failed in report.Checks.Where(c => !c.Ok))
        {
            await Console.Error.WriteLineAsync($"check failed: {failed.Name}: {failed.Detail}");
        }

        return 0;
    }

    private static async Task<int> RollUpAsync(FileInfo planFile, int year, string format, FileInfo? output, CancellationToken ct)
    {
        if (format == "xlsx" && output is null && !Console.IsOutputRedirected)
        {
            throw new CliException("--format xlsx writes a binary file: give --out FILE (or redirect standard output).");
        }

        if (!planFile.Exists)
        {
            throw new CliException($"--plan {planFile.FullName}: no such file.");
        }

        var plan = RollUpPlan.Parse(await File.ReadAllTextAsync(planFile.FullName, ct), Environment.GetEnvironmentVariable);
        var members = new List<AnnualReport>();
        foreach (var (source, i) in plan.Sources.Select((s, i) => (s, i + 1)))
        {
            await Console.Error.WriteLineAsync($"  {i} / {plan.Sources.Count}: {source.Label} ({string.Join(", ", source.Agencies)}) ...");
            await using var host = await CliHost.OpenAsync(source.ConnectionString, ct);
            foreach (var agency in source.Agencies)
            {
                members.Add(await AnnualReports.ComputeAsync(host.App, agency, year, includeChildren: true, ct)
                    ?? throw new RollUpPlanException("rollup.agency-not-found", $"数据库 {source.Label} 中没有单位 {agency}。"));
            }
        }

        var report = CrossDatabaseRollUp.Combine(plan.Agency, plan.Name, year, members);
        var content = format switch
        {
            "json" => System.Text.Encoding.UTF8.GetBytes(ReportJson.Write(report) + "\n"),
            "csv" => ReportCsv.Write(report),
            _ => ReportXlsx.Write(report),
        };
        return await WriteAsync(report, content, output, ct);
    }

    private static async Task<int> TraceAsync(string agency, int year, CellAddress cell, bool includeChildren, string format, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        if (await Agencies.AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            throw new CliException($"agency '{agency}' is not registered.");
        }

        var entries = await AnnualReports.TraceAsync(app, agency, year, includeChildren, cell, ct)
            ?? throw new CliException($"table {cell.Table} has no cell {cell.Row} / {cell.Column}.");
        if (format == "json")
        {
            CliHost.WriteJson(entries);
            return 0;
        }

        Console.Out.WriteLine($"{agency} {year} table {cell.Table} {cell.Row} / {cell.Column}: {entries.Count}");
        foreach (var e in entries)
        {
            Console.Out.WriteLine($"{e.Agency,-12} {e.Reference,-20} {e.ReceivedOn:yyyy-MM-dd}  {e.Column,-22} {e.ConcludedOn?.ToString("yyyy-MM-dd", null) ?? "—",-10}  {e.Outcome ?? "—"}");
        }

        return 0;
    }

    private static async Task<int> CloseAsync(string agency, int year, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        var showProgress = !Console.IsErrorRedirected;
        var progress = new Progress<CloseProgress>(p =>
        {
            if (showProgress && (p.Done % 50 == 0 || p.Done == p.Total))
            {
                Console.Error.Write($"\r  carrying over {p.Done:N0} / {p.Total:N0} open requests ...");
            }
        });
        var outcome = await ClosingYear.HandleAsync(app, Actor.Cli(), agency, new CloseYearBody(year, null), new WriteOptions(null, null), progress, ct);
        if (showProgress)
        {
            Console.Error.Write("\r\u001b[K");
        }

        if (outcome is CommandOutcome.Rejected rejected)
        {
            throw new CliException($"{rejected.Code}: {rejected.Message}");
        }

        var versions = await AnnualReportVersions.ListAsync(app, agency, year, ct);
        foreach (var v in versions)
        {
            Console.Out.WriteLine($"{agency} {year} version {v.Info.Version} ({v.Info.Kind}, {v.Info.On:yyyy-MM-dd}) sha256 {v.Info.Hash}");
            foreach (var difference in v.Info.Differences)
            {
                Console.Out.WriteLine($"    {difference}");
            }
        }

        return 0;
    }
}
