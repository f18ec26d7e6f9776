using System.Text.Json;
using CaseFlow.EventStore;
using CaseFlow.EventStore.Commands;
using CaseFlow.EventStore.Jobs;
using CaseFlow.EventStore.Projections;
using CaseFlow.Infrastructure;
using Npgsql;

namespace CaseFlow.Reporting.Closing;

/// <summary>
/// Restatements (更正): when a fact recorded after a year's close changes that year's report, the report gets a new
/// version listing the changed cells — never a silent change. The watch below notices the facts; the job re-computes.
/// </summary>
public static class Restating
{
    public const string JobKind = "report.restate";

    /// <summary>Re-computes every closed year of the agency and appends a new version where the tables changed.</summary>
    public static async Task<int> RestateClosedYearsAsync(CaseFlowApp app, Actor actor, string agency, CancellationToken ct)
    {
        var restated = 0;
        foreach (var (year, _) in await AnnualReportVersions.ClosedYearsAsync(app, agency, ct))
        {
            await using var guard = await ReportLock.AcquireAsync(app, agency, year, ct);
            if (await RestateLockedAsync(app, actor, agency, year, new WriteOptions(null, null), ct) is CommandOutcome.Applied)
            {
                restated++;
            }
        }

        return restated;
    }

    /// <summary>Compares the live report with the latest version and restates on a difference. Caller holds the report lock.</summary>
    internal static async Task<CommandOutcome> RestateLockedAsync(CaseFlowApp app, Actor actor, string agency, int year, WriteOptions options, CancellationToken ct)
    {
        var report = await AnnualReports.ComputeAsync(app, agency, year, includeChildren: false, ct)
            ?? throw new InvalidOperationException($"Agency {agency} is not registered.");
        var tables = ReportTables.Of(report);
        var command = new RestateAnnualReport(year, tables, tables.Hash(app.Json), app.Today);
        var decider = StreamDecider.For(StreamIds.AnnualReport(agency, year), AnnualReportBook.StreamType, StreamRule.MustExist,
            AnnualReportBook.Initial, AnnualReportBook.Evolve, state => AnnualReportBook.Decide(command, state));
        return await app.Pipeline.ExecuteAsync(new WriteCommand(agency, [decider], actor.Metadata(options.CommandId, options.CorrelationId))
        {
            CommandId = options.CommandId,
        }, ct);
    }

    /// <summary>The job: restate the closed years of the agency in its payload.</summary>
    public static JobHandler Handler(CaseFlowApp app) => async (context, ct) =>
    {
        var agency = JsonSerializer.Deserialize<JobPayload>(context.Job.PayloadJson, app.Json)!.Agency;
        await RestateClosedYearsAsync(app, Actor.System, agency, ct);
    };

    public static JobRequest Job(string agency, NodaTime.Instant now) =>
        new(JobKind, JsonSerializer.Serialize(new JobPayload(agency)), now, DedupKey: $"{JobKind}:{agency}");

    private sealed record JobPayload(string Agency);
}

/// <summary>
/// An async projection with no table of its own: for every agency whose facts changed and which has a closed year, it
/// schedules a restatement job (one pending per agency), in the projector's transaction — so no change is missed.
/// </summary>
public sealed class RestatementWatch(NodaTime.IClock clock) : IProjection
{
    private static readonly string[] s_watchedPrefixes = ["request.", "review.", "lawsuit.", "disclosure-stats.", "annual-report.closed"];

    public string Name => "reporting.restatement-watch";
    public int Version => 1;
    public IReadOnlyList<ProjectionTable> Tables => [];
    public IReadOnlySet<string>? EventTypes => null;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        if (context.Mode == ProjectionMode.Rebuild)
        {
            return;
        }

        var agencies = events.Where(e => s_watchedPrefixes.Any(p => e.Type.StartsWith(p, StringComparison.Ordinal)))
            .Select(e => e.TenantId).Distinct().ToArray();
        if (agencies.Length == 0)
        {
            return;
        }

        await using var command = context.Command("select distinct tenant_id from rm.annual_reports where tenant_id = any($1)");
        command.Parameters.Add(Db.Param(agencies));
        var closed = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                closed.Add(reader.GetString(0));
            }
        }

        if (closed.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var agency in closed)
        {
            batch.BatchCommands.Add(JobStore.InsertCommand(agency, Restating.Job(agency, clock.GetCurrentInstant())));
        }

        await batch.ExecuteNonQueryAsync(ct);
    }
}
