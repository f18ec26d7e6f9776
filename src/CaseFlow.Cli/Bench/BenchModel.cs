using CaseFlow.EventStore;
using CaseFlow.EventStore.Projections;
using CaseFlow.EventStore.Serialization;
using NodaTime;

namespace CaseFlow.Cli.Bench;

/// <summary>Request-shaped events for the event store benchmark (the store knows nothing of disclosure requests).</summary>
internal static class BenchEvents
{
    public const string Received = "bench.request-received.v1";
    public const string AnsweredAlias = "bench.request-answered.v1";
    public const string Remark = "bench.remark-recorded.v1";

    public sealed record RequestReceived(string Agency, LocalDate ReceivedOn, string Channel, string ApplicantType, string ApplicantName, string Subject);

    public sealed record ClarificationRequested(LocalDate On, string Items, LocalDate ReplyBy);

    public sealed record ClarificationReceived(LocalDate On);

    public sealed record ExtensionApproved(LocalDate On, int WorkingDays, string ApprovedBy);

    public sealed record RemarkRecorded(LocalDate On, string Text);

    public sealed record Answered(LocalDate On, string Outcome, int Year);

    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<RequestReceived>(Received)
        .Register<ClarificationRequested>("bench.clarification-requested.v1")
        .Register<ClarificationReceived>("bench.clarification-received.v1")
        .Register<ExtensionApproved>("bench.extension-approved.v1")
        .Register<Answered>(AnsweredAlias)
        .Register<RemarkRecorded>(Remark);
}

internal sealed record BenchState(bool Received, bool Answered, int Remarks)
{
    public static readonly BenchState Initial = new(false, false, 0);

    public static BenchState Evolve(BenchState state, object e) => e switch
    {
        BenchEvents.RequestReceived => state with { Received = true },
        BenchEvents.Answered => state with { Answered = true },
        BenchEvents.RemarkRecorded => state with { Remarks = state.Remarks + 1 },
        _ => state,
    };
}

internal sealed record BenchSummary(string Agency, string Status, LocalDate ReceivedOn, string ApplicantType, string? Outcome, LocalDate? AnsweredOn, int Events);

/// <summary>The per-request summary: inline in the command workload, rebuilt in the rebuild workload.</summary>
internal sealed class BenchSummaryProjection() : SingleStreamProjection<BenchSummary>("bench.summary", "bench.summary", 1, ["bench-request"])
{
    protected override IReadOnlyList<DocColumn<BenchSummary>> Columns { get; } = [DocColumn.Text<BenchSummary>("status", d => d.Status)];

    public override BenchSummary? Evolve(BenchSummary? document, RecordedEvent e) => Apply(document, e.Data);

    public static BenchSummary? Apply(BenchSummary? doc, object e) => e switch
    {
        BenchEvents.RequestReceived r => new BenchSummary(r.Agency, "open", r.ReceivedOn, r.ApplicantType, null, null, 1),
        BenchEvents.ClarificationRequested when doc is not null => doc with { Status = "awaiting-clarification", Events = doc.Events + 1 },
        BenchEvents.ClarificationReceived when doc is not null => doc with { Status = "open", Events = doc.Events + 1 },
        BenchEvents.Answered a when doc is not null => doc with { Status = "concluded", Outcome = a.Outcome, AnsweredOn = a.On, Events = doc.Events + 1 },
        _ when doc is not null => doc with { Events = doc.Events + 1 },
        _ => doc,
    };
}

/// <summary>A multi-stream read model: answers counted per (agency, year, outcome).</summary>
internal sealed class BenchOutcomeCountProjection : IProjection
{
    private static readonly ProjectionTable s_table = new("bench.outcome_counts",
        t => $"create table {t} (tenant_id text not null, year int not null, outcome text not null, n bigint not null, primary key (tenant_id, year, outcome))");

    public string Name => "bench.outcome-counts";
    public int Version => 1;
    public IReadOnlyList<ProjectionTable> Tables => [s_table];
    public IReadOnlySet<string>? EventTypes { get; } = new HashSet<string> { BenchEvents.AnsweredAlias };

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var counts = events.Where(e => e.Data is BenchEvents.Answered)
            .GroupBy(e => (e.TenantId, ((BenchEvents.Answered)e.Data).Year, ((BenchEvents.Answered)e.Data).Outcome)).ToList();
        await using var command = context.Command(
            $"""
            insert into {context.Table(s_table)} (tenant_id, year, outcome, n) select * from unnest($1::text[], $2::int[], $3::text[], $4::bigint[])
            on conflict (tenant_id, year, outcome) do update set n = {context.Table(s_table)}.n + excluded.n
            """);
        command.Parameters.Add(Db.Param(counts.Select(g => g.Key.TenantId).ToArray()));
        command.Parameters.Add(Db.Param(counts.Select(g => g.Key.Year).ToArray()));
        command.Parameters.Add(Db.Param(counts.Select(g => g.Key.Outcome).ToArray()));
        command.Parameters.Add(Db.Param(counts.Select(g => (long)g.Count()).ToArray()));
        await command.ExecuteNonQueryAsync(ct);
    }
}
