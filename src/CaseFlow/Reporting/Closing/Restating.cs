using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CaseFlow.Reporting.Closing;

/// <summary>
/// Restatements (更正): when a fact recorded after a year's close changes that year's report, the report gets a new
/// version listing the changed cells — never a silent change. The watch below notices the facts; the message re-computes.
/// </summary>
public static class Restating
{
    /// <summary>Re-computes every closed year of the agency and appends a new version where the tables changed.</summary>
    public static async Task<IReadOnlyList<Restatement>> RestateClosedYearsAsync(CaseFlowApp app, Actor actor, string agency, CancellationToken ct)
    {
        var restated = new List<Restatement>();
        foreach (var (year, _) in await AnnualReportVersions.ClosedYearsAsync(app, agency, ct))
        {
            await using var guard = await ReportLock.AcquireAsync(app, agency, year, ct);
            if (await RestateLockedAsync(app, actor, agency, year, new WriteOptions(null, null), ct) is CommandOutcome.Applied applied)
            {
                await using var query = app.Query(agency);
                var events = await query.Events.FetchStreamAsync(applied.StreamId, applied.Version, token: ct);
                if (events.LastOrDefault()?.Data is AnnualReportRestated r)
                {
                    restated.Add(new Restatement(agency, r.Year, r.Version, r.Differences));
                }
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
        var decider = StreamDecider.For(StreamIds.AnnualReport(agency, year), StreamRule.MustExist, AnnualReportBook.Initial, state => AnnualReportBook.Decide(command, state));
        return await app.ExecuteAsync(agency, actor, options with { IfMatch = null }, ct, decider);
    }
}

/// <summary>A closed year's report restated: to which version, and the cells that changed, in words.</summary>
public sealed record Restatement(string Agency, int Year, int Version, IReadOnlyList<string> Differences);

/// <summary>Restate every closed year of an agency whose report facts changed (sent by <see cref="RestatementWatch"/>).</summary>
public sealed record RestateClosedYears(string Agency);

/// <summary>The Wolverine handler of <see cref="RestateClosedYears"/>: a repeat finds the report unchanged and adds nothing.</summary>
public static class RestatementHandler
{
    public static Task Handle(RestateClosedYears message, CaseFlowApp app, CancellationToken ct) =>
        Restating.RestateClosedYearsAsync(app, Actor.System, message.Agency, ct);
}

/// <summary>
/// An async projection (in the daemon) over the facts the annual report counts: per agency and batch of events it keeps
/// a count and asks, as a side effect published through Wolverine's outbox with the daemon's progress, for the agency's
/// closed years to be restated. Every batch asks again, so every later correction gets its restatement. A rebuild
/// raises no side effects.
/// </summary>
public sealed class RestatementWatch : MultiStreamProjection<RestatementWatch.FactsChanged, string>
{
    /// <summary>How many report facts of the agency the watch has seen.</summary>
    public sealed record FactsChanged
    {
        public string Id { get; init; } = "";
        public long Seen { get; init; }
    }

    public RestatementWatch()
    {
        Name = "reporting.restatement-watch";
        Identity<IEvent>(_ => "report-facts");
        foreach (var type in RequestEvents.All.Concat(Reviews.GettingCases.CaseEvents.All).Append(typeof(Stats.DisclosureStatsRecorded)).Append(typeof(AnnualReportClosed)))
        {
            IncludeType(type);
        }
    }

    public override FactsChanged? Evolve(FactsChanged? snapshot, string id, IEvent e) => new() { Id = id, Seen = (snapshot?.Seen ?? 0) + 1 };

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<FactsChanged> slice)
    {
        slice.PublishMessage(new RestateClosedYears(slice.TenantId));
        return ValueTask.CompletedTask;
    }
}
