using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Npgsql;

namespace CaseFlow.Reporting.Closing;

/// <summary>The input of <c>close-year</c> (import line or API body).</summary>
public sealed record CloseYearBody(int? Year, LocalDate? On);

/// <summary>How far a long close or restatement has come (for progress bars).</summary>
public readonly record struct CloseProgress(int Done, int Total);

/// <summary>
/// The year-end close (ogi-rules §3.6 c): every request still open on 31 December by business date gets a carried-over
/// fact, then the year's report is frozen as version 1 with its hash. Re-running is safe at every step: carried requests
/// are not carried twice, and a closed year is not closed again (a later correction becomes a restatement instead).
/// </summary>
public static class ClosingYear
{
    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, CloseYearBody body, WriteOptions options,
        IProgress<CloseProgress>? progress, CancellationToken ct)
    {
        var validation = new Validation();
        var year = ReportYears.Check(validation, body.Year, app.Today);
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        var today = app.Today;
        if (today <= new LocalDate(year, 12, 31))
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "report.year-not-ended", $"{year} 年尚未结束（今天是 {today:yyyy-MM-dd}），不能关账。", RejectionKind.Rule);
        }

        if (await AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "agency.not-found", $"机关 {agency} 未登记。", RejectionKind.NotFound);
        }

        await using var guard = await ReportLock.AcquireAsync(app, agency, year, ct);
        if (await AnnualReportVersions.LatestAsync(app, agency, year, ct) is not null)
        {
            // Already closed: nothing to carry again; bring the frozen report up to date if facts changed since.
            return await Restating.RestateLockedAsync(app, actor, agency, year, options, ct);
        }

        var open = await OpenAtYearEndAsync(app, agency, year, ct);
        for (var i = 0; i < open.Count; i++)
        {
            var carried = await RequestWrites.ExecuteAsync(app, actor, agency, open[i], new CarryOverRequest(year),
                options with { CommandId = options.CommandId is null ? null : $"{options.CommandId}/carry/{open[i]}", IfMatch = null }, ct);
            if (carried is CommandOutcome.Rejected rejected)
            {
                return rejected;
            }

            progress?.Report(new CloseProgress(i + 1, open.Count));
        }

        var report = await AnnualReports.ComputeAsync(app, agency, year, includeChildren: false, ct)
            ?? throw new InvalidOperationException($"Agency {agency} vanished during the close.");
        var tables = ReportTables.Of(report);
        var command = new CloseAnnualReport(year, tables, tables.Hash(app.Json), today, open.Count);
        var decider = StreamDecider.For(StreamIds.AnnualReport(agency, year), StreamRule.MayExist, AnnualReportBook.Initial, state => AnnualReportBook.Decide(command, state));
        return await app.ExecuteAsync(agency, actor, options with { IfMatch = null }, ct, decider);
    }

    /// <summary>The requests the year's table 三 counts in 四、结转下年度继续办理.</summary>
    public static async Task<IReadOnlyList<string>> OpenAtYearEndAsync(CaseFlowApp app, string agency, int year, CancellationToken ct)
    {
        var (start, end) = AnnualReports.YearBounds(year);
        await using var command = app.DataSource.CreateCommand(
            $"select reference from rm.mt_doc_request_files where tenant_id = $1 and {ReportCells.CarriedOut} and $2::date is not null order by received_on, reference");
        command.Parameters.Add(Db.Param(agency));
        command.Parameters.Add(Db.Date(start));
        command.Parameters.Add(Db.Date(end));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var references = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            references.Add(reader.GetString(0));
        }

        return references;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/reports/annual/{year:int}/close", async (int year, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                if (!ApiResults.TryWriteAccess(http, Role.Reporting, out var caller, out var options, out var problem))
                {
                    return problem;
                }

                var outcome = await HandleAsync(app, caller.Actor, caller.Agency, new CloseYearBody(year, null), options, null, ct);
                if (outcome is CommandOutcome.Rejected rejected)
                {
                    return ApiResults.Rejected(rejected);
                }

                var versions = await AnnualReportVersions.ListAsync(app, caller.Agency, year, ct);
                return TypedResults.Ok(versions.Select(v => v.Info));
            })
            .WithName("CloseYear").WithSummary("Close the year: carry over open requests and freeze the report as a numbered, hashed version")
            .Answers<IReadOnlyList<ReportVersionInfo>>();
}

/// <summary>
/// Serialises closes and restatements of one agency-year (a session advisory lock): each starts computing only after
/// the previous one committed, so a version never freezes older facts than the version before it.
/// </summary>
internal sealed class ReportLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private ReportLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<ReportLock> AcquireAsync(CaseFlowApp app, string agency, int year, CancellationToken ct)
    {
        var key = BitConverter.ToInt64(StreamIds.AnnualReport(agency, year).ToByteArray(), 0);
        var connection = await app.DataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.Command("select pg_advisory_lock($1)", null, Db.Param(key));
            await command.ExecuteNonQueryAsync(ct);
            return new ReportLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = _connection.Command("select pg_advisory_unlock($1)", null, Db.Param(_key));
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
