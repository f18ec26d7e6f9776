using CaseFlow.EventStore.Commands;
using CaseFlow.EventStore.Projections;
using CaseFlow.EventStore.Schema;
using CaseFlow.EventStore.Serialization;
using NodaTime;

namespace CaseFlow.EventStore.Tests;

// A small test domain: counters that are opened, incremented and closed.
public sealed record CounterOpened(string Name, LocalDate OpenedOn, Instant OpenedAt);

public sealed record CounterIncremented(int By, LocalDate On);

public sealed record CounterClosed(LocalDate ClosedOn);

public sealed record Counter(bool Exists, string Name, int Total, bool Closed)
{
    public const string StreamType = "counter";
    public static readonly Counter Initial = new(false, "", 0, false);

    public static Counter Evolve(Counter state, object e) => e switch
    {
        CounterOpened opened => state with { Exists = true, Name = opened.Name },
        CounterIncremented incremented => state with { Total = state.Total + incremented.By },
        CounterClosed => state with { Closed = true },
        _ => state,
    };

    public static Decision Increment(Counter state, int by, LocalDate on) =>
        state.Closed ? Decision.Reject("counter.closed", "The counter is closed.") : Decision.Accept(new CounterIncremented(by, on));

    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<CounterOpened>("test.counter-opened.v1")
        .Register<CounterIncremented>("test.counter-incremented.v1")
        .Register<CounterClosed>("test.counter-closed.v1");

    public static readonly SchemaModule Schema = new("test", [new Migration(1, "test schema", "create schema if not exists tst;")]);
}

public sealed record CounterSummary(string Name, int Total, int Increments, LocalDate? LastOn, bool Closed);

/// <summary>Per-counter summary; registered inline under one name and async under another.</summary>
public sealed class CounterSummaryProjection(string name, string table) : SingleStreamProjection<CounterSummary>(name, table, 1, [Counter.StreamType])
{
    protected override IReadOnlyList<DocColumn<CounterSummary>> Columns { get; } =
    [
        DocColumn.Text<CounterSummary>("name", d => d.Name),
        DocColumn.Int<CounterSummary>("total", d => d.Total),
        DocColumn.Date<CounterSummary>("last_on", d => d.LastOn),
        DocColumn.Bool<CounterSummary>("closed", d => d.Closed),
    ];

    public override CounterSummary? Evolve(CounterSummary? doc, RecordedEvent e) => e.Data switch
    {
        CounterOpened opened => new CounterSummary(opened.Name, 0, 0, null, false),
        CounterIncremented inc when doc is not null => doc with { Total = doc.Total + inc.By, Increments = doc.Increments + 1, LastOn = inc.On },
        CounterClosed when doc is not null => doc with { Closed = true },
        _ => doc,
    };
}

/// <summary>Writes one row per event it sees, with no uniqueness: duplicates or gaps are visible to the test.</summary>
public sealed class EventLedgerProjection : IProjection
{
    public string Name => "test.ledger";
    public int Version => 1;
    public IReadOnlySet<string>? EventTypes => null;

    public static readonly ProjectionTable Ledger = new("tst.event_ledger", t => $"create table {t} (tenant_id text not null, seq bigint not null, stream_id uuid not null, version bigint not null)");

    public IReadOnlyList<ProjectionTable> Tables => [Ledger];

    /// <summary>When set, events of this stream make the projection throw (a poison event).</summary>
    public static Guid? PoisonStream { get; set; }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        if (PoisonStream is { } poison && events.Any(e => e.StreamId == poison))
        {
            throw new InvalidOperationException("poison event");
        }

        await using var command = context.Command(
            $"insert into {context.Table(Ledger)} (tenant_id, seq, stream_id, version) select * from unnest($1::text[], $2::bigint[], $3::uuid[], $4::bigint[])");
        command.Parameters.Add(Db.Param(events.Select(e => e.TenantId).ToArray()));
        command.Parameters.Add(Db.Param(events.Select(e => e.Seq).ToArray()));
        command.Parameters.Add(Db.Param(events.Select(e => e.StreamId).ToArray()));
        command.Parameters.Add(Db.Param(events.Select(e => e.Version).ToArray()));
        await command.ExecuteNonQueryAsync(ct);
    }
}
