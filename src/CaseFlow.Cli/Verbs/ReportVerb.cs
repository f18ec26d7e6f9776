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
        var agency = CliOptions.Agency();
        var year = CliOptions.Year();
        var includeChildren = new Option<bool>("--include-children") { Description = "Roll up the agency and every agency below it. 汇总本单位及下级单位。" };
        var format = CliOptions.Format([.. ReportOutput.Formats], "json");
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Write to this file (needed for xlsx and docx unless standard output is redirected). 写入此文件（xlsx、docx 须给出，除非重定向标准输出）。",
        };
        var annual = new Command("annual", "The annual report (tables 二, 三, 四 and their checks). 政府信息公开工作年度报告（表二、三、四及校验）。") { agency, year, format, output, includeChildren };
        annual.SetAction((parse, ct) => CliHost.RunAsync(() =>
            AnnualAsync(parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(includeChildren), ct)));

        var table = CliOptions.OneOf("--table", "The table: 3 (table 三) or 4 (table 四). 表号", "3", ["3", "4"], "report.table-unknown");
        var row = new Option<string>("--row")
        {
            Description = $"Row code. 行代码。Table 三: {string.Join(", ", ReportLayout.Table3Rows)}; table 四: {string.Join(", ", ReportLayout.Table4Groups)}.",
            Required = true,
        };
        var column = new Option<string>("--column")
        {
            Description = $"Column code (default total). 列代码。Table 三: {string.Join(", ", ReportLayout.Table3Columns)}; table 四: {string.Join(", ", ReportLayout.Table4Columns)}.",
            DefaultValueFactory = _ => ReportLayout.Total,
        };
        var traceFormat = CliOptions.Format(["json", "table"], "table");
        var trace = new Command("trace", "The requests (or cases) counted in one cell of the report. 报告中某一格所计的申请（或案件）。") { agency, year, table, row, column, includeChildren, traceFormat };
        trace.SetAction((parse, ct) => CliHost.RunAsync(() => TraceAsync(parse.GetValue(agency)!, parse.GetValue(year),
            new CellAddress(int.Parse(parse.GetValue(table)!, System.Globalization.CultureInfo.InvariantCulture), parse.GetValue(row)!, parse.GetValue(column)!), parse.GetValue(includeChildren), parse.GetValue(traceFormat)!, ct)));

        var close = new Command("close", "Close the year: carry over open requests and freeze the report as version 1 (a closed year is restated instead). 年度关账：结转未办结的申请，报告定为第 1 版。") { agency, year };
        close.SetAction((parse, ct) => CliHost.RunAsync(() => CloseAsync(parse.GetValue(agency)!, parse.GetValue(year), ct)));

        var plan = new Option<FileInfo>("--plan") { Description = "The roll-up plan: which agencies in which databases (docs/scaling.md). 汇总方案文件。", Required = true };
        var rollUpFormat = CliOptions.Format(["json", "csv", "xlsx"], "json");
        var rollUp = new Command("rollup", "Roll up the annual reports of agencies kept in several databases (one per city or province). 跨数据库汇总年度报告。") { plan, year, rollUpFormat, output };
        rollUp.SetAction((parse, ct) => CliHost.RunAsync(() => RollUpAsync(parse.GetValue(plan)!, parse.GetValue(year), parse.GetValue(rollUpFormat)!, parse.GetValue(output), ct)));

        return new Command("report", "The annual report. 政府信息公开工作年度报告。") { annual, trace, close, rollUp };
    }

    private static async Task<int> AnnualAsync(string agency, int year, string format, FileInfo? output, bool includeChildren, CancellationToken ct)
    {
        if ((format is "xlsx" or "docx") && output is null && !Console.IsOutputRedirected)
        {
            throw BinaryNeedsFile(format);
        }

        await using var host = await CliHost.OpenAsync(ct);

        var app = host.App;
        CliHost.RequireReportYear(year, app.Today);
        var report = await AnnualReports.ComputeAsync(app, agency, year, includeChildren, ct)
            ?? throw CliHost.AgencyNotFound(agency);
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
            throw BinaryNeedsFile(format);
        }

        if (!planFile.Exists)
        {
            throw new CliException("input.file-not-found", $"汇总方案文件 {planFile.FullName} 不存在。");
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
            throw CliHost.AgencyNotFound(agency);
        }

        CliHost.RequireReportYear(year, app.Today);
        var (label, rows, columns) = cell.Table == 3
            ? ("表三", ReportLayout.Table3Rows, ReportLayout.Table3Columns)
            : ("表四", ReportLayout.Table4Groups, ReportLayout.Table4Columns);
        if (!rows.Contains(cell.Row))
        {
            throw new CliException("report.row-unknown", $"{label}没有“{cell.Row}”这一行；--row 可为：{string.Join("、", rows)}。");
        }

        if (!columns.Contains(cell.Column))
        {
            throw new CliException("report.column-unknown", $"{label}没有“{cell.Column}”这一列；--column 可为：{string.Join("、", columns)}。");
        }

        var entries = await AnnualReports.TraceAsync(app, agency, year, includeChildren, cell, ct)
            ?? throw new CliException("report.cell-unknown", $"表{cell.Table}没有 {cell.Row} / {cell.Column} 这一格。");
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
        using var line = new ProgressLine($"{year} 年度关账：结转未办结的申请");
        var progress = new Progress<CloseProgress>(p => line.Report(p.Done, p.Total, "件"));
        var outcome = await ClosingYear.HandleAsync(app, Actor.Cli(), agency, new CloseYearBody(year, null), new WriteOptions(null, null), progress, ct);
        line.Done();

        if (outcome is CommandOutcome.Rejected rejected)
        {
            throw new CliException(rejected.Code, rejected.Message);
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

    private static CliException BinaryNeedsFile(string format) =>
        new("output.needs-file", $"--format {format} 输出的是二进制文件：请用 --out 给出文件名，或重定向标准输出。");
}
