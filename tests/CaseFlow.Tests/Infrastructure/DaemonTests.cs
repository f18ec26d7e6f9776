using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Testing;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Infrastructure;

/// <summary>
/// The async daemon never skips an event and never projects one twice (design decision 3): it waits behind a
/// transaction that holds a sequence number, however long, and moves past a sequence only a rolled-back transaction left.
/// </summary>
public sealed class DaemonTests : IAsyncLifetime
{
    private const string Agency = "daemon";
    private readonly TestDatabase _database = new();
    private NpgsqlDataSource _dataSource = null!;
    private DocumentStore _store = null!;

    /// <summary>Every sequence the daemon handed to the projection, in order, duplicates kept.</summary>
    public sealed record SeenLog
    {
        public string Id { get; init; } = "";
        public IReadOnlyList<long> Sequences { get; init; } = [];
    }

    private sealed class SeenProjection : MultiStreamProjection<SeenLog, string>
    {
        public SeenProjection()
        {
            Name = "test.seen";
            Identity<IEvent>(_ => "all");
            IncludeType<RequestReceived>();
            IncludeType<OfficerAssigned>();
        }

        public override SeenLog? Evolve(SeenLog? snapshot, string id, IEvent e) =>
            new() { Id = id, Sequences = [.. snapshot?.Sequences ?? [], e.Sequence] };
    }

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _dataSource = MartenSetup.DataSource(_database.ConnectionString);
        var settings = new CaseFlowSettings(_database.ConnectionString) { StaleSequenceThreshold = TimeSpan.FromSeconds(1) };
        _store = DocumentStore.For(o =>
        {
            MartenSetup.Configure(o, _dataSource, settings);
            o.Projections.Add(new SeenProjection(), ProjectionLifecycle.Async);
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task AppendAsync(string reference, int assignments)
    {
        await using var session = _store.LightweightSession(Agency);
        session.Events.StartStream<RequestFile>(StreamIds.Request(Agency, reference),
            [Received(D(2026, 6, 29), reference: reference), .. Enumerable.Range(1, assignments).Select(i => new OfficerAssigned($"o{i}", D(2026, 6, 29)))]);
        await session.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<long>> SeenAsync()
    {
        await using var query = _store.QuerySession(Agency);
        return (await query.LoadAsync<SeenLog>("all"))?.Sequences ?? [];
    }

    [Fact]
    public async Task A_transaction_held_open_holds_the_daemon_back_and_once_it_commits_both_are_projected_exactly_once()
    {
        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await AppendAsync("first", 0); // sequence 1
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(15));
        (await SeenAsync()).ShouldBe([1]);

        // Sequence 2 is taken by a transaction that stays open; sequences 3–7 commit after it.
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var held = await connection.BeginTransactionAsync();
        var options = Marten.Services.SessionOptions.ForTransaction(held);
        options.TenantId = Agency;
        await using (var session = _store.LightweightSession(options))
        {
            session.Events.StartStream<RequestFile>(StreamIds.Request(Agency, "held"), Received(D(2026, 6, 29), reference: "held"));
            await session.SaveChangesAsync();
        }

        await AppendAsync("later", 4);
        await Task.Delay(TimeSpan.FromSeconds(5)); // five times the stale-sequence threshold

        (await SeenAsync()).ShouldBe([1], "the daemon must not pass sequence 2 while its transaction is alive");

        await held.CommitAsync();
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        (await SeenAsync()).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        await daemon.StopAllAsync();
    }

    [Fact]
    public async Task A_gap_left_by_a_rolled_back_append_is_passed_and_nothing_after_it_is_lost()
    {
        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await AppendAsync("before", 0);
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            var options = Marten.Services.SessionOptions.ForTransaction(rolledBack);
            options.TenantId = Agency;
            await using var session = _store.LightweightSession(options);
            session.Events.StartStream<RequestFile>(StreamIds.Request(Agency, "never"), Received(D(2026, 6, 29), reference: "never"));
            await session.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        await AppendAsync("after", 2);
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));

        var seen = await SeenAsync();
        seen.Count.ShouldBe(4);
        seen.ShouldBeUnique();
        seen.ShouldNotContain(2); // the rolled-back sequence
        await daemon.StopAllAsync();
    }

    [Fact]
    public async Task Every_event_is_projected_exactly_once_while_many_connections_append_at_once()
    {
        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await AppendAsync($"w{writer}-{i}", 1);
            }
        })));
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));

        var seen = await SeenAsync();
        seen.Count.ShouldBe(8 * 25 * 2);
        seen.ShouldBeUnique();
        await daemon.StopAllAsync();
    }
}
