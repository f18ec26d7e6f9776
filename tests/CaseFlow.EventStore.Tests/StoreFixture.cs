using CaseFlow.EventStore.Commands;
using CaseFlow.EventStore.Jobs;
using CaseFlow.EventStore.Projections;
using CaseFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CaseFlow.EventStore.Tests;

/// <summary>One throwaway database per test class, with the counter domain's store on it.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public SettableClock Clock { get; } = SettableClock.At(2025, 3, 3);
    public EventStore Store { get; private set; } = null!;
    public CommandPipeline Pipeline { get; private set; } = null!;
    public JobStore Jobs { get; private set; } = null!;
    public CounterSummaryProjection InlineSummary { get; } = new("test.summary-inline", "tst.counter_summary_inline");
    public CounterSummaryProjection AsyncSummary { get; } = new("test.summary-async", "tst.counter_summary_async");
    public EventLedgerProjection Ledger { get; } = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var projections = new ProjectionRegistry().AddInline(InlineSummary).AddAsync(AsyncSummary).AddAsync(Ledger);
        Store = new EventStore(_database.DataSource, Counter.Registry(), projections, Clock);
        await Store.MigrateAsync([Counter.Schema]);
        Pipeline = new CommandPipeline(Store);
        Jobs = new JobStore(_database.DataSource, Clock);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    public ProjectionDaemon Daemon() => new(Store, NullLoggerFactory.Instance);

    public async Task<Guid> OpenCounterAsync(string tenant, string name = "c")
    {
        var id = Guid.CreateVersion7();
        await using var session = await Store.OpenSessionAsync(tenant);
        session.StartStream(id, Counter.StreamType, [new CounterOpened(name, new LocalDate(2025, 3, 3), Clock.GetCurrentInstant())]);
        await session.SaveChangesAsync();
        return id;
    }

    public WriteCommand Increment(string tenant, Guid id, int by = 1, string? commandId = null, long? ifMatch = null) =>
        new(tenant,
            [StreamDecider.For(id, Counter.StreamType, StreamRule.MustExist, Counter.Initial, Counter.Evolve, s => Counter.Increment(s, by, new LocalDate(2025, 3, 4)))],
            new EventMetadata(Actor: "tester"))
        { CommandId = commandId, IfMatch = ifMatch };

    public async Task<long> ScalarAsync(string sql, params object[] args)
    {
        await using var command = Store.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(Db.Param(arg));
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
