using CaseFlow.Infrastructure;
using CaseFlow.Testing;
using NodaTime;

namespace CaseFlow.Tests.Support;

/// <summary>A CaseFlow app on a throwaway database, with a settable clock (today 2026-06-30 in Asia/Shanghai).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 6, 30, 2, 0));
    public TestHost Host { get; private set; } = null!;
    public CaseFlowApp App => Host.App;
    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Host = await TestHost.StartAsync(new CaseFlowSettings(_database.ConnectionString), Clock);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The events stored in an agency's tenant.</summary>
    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsAsync(string agency)
    {
        await using var query = App.Query(agency);
        return await Marten.QueryableExtensions.ToListAsync(query.Events.QueryAllRawEvents().OrderBy(e => e.Sequence));
    }

    /// <summary>A stream's events, in order.</summary>
    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> StreamAsync(string agency, Guid streamId)
    {
        await using var query = App.Query(agency);
        return await query.Events.FetchStreamAsync(streamId);
    }

    /// <summary>A request's state, folded from its events.</summary>
    public async Task<CaseFlow.Requests.Request> RequestStateAsync(string agency, string reference) =>
        (await StreamAsync(agency, StreamIds.Request(agency, reference))).Select(e => e.Data).Aggregate(CaseFlow.Requests.Request.Initial, CaseFlow.Requests.Request.Evolve);

    public async Task<int> EventCountAsync(string agency) => (await EventsAsync(agency)).Count;

    /// <summary>The request files (read models) of an agency.</summary>
    public async Task<int> RequestFileCountAsync(string agency)
    {
        await using var query = App.Query(agency);
        return await Marten.QueryableExtensions.CountAsync(query.Query<CaseFlow.Requests.GettingDetails.RequestFile>());
    }

    public async Task<long> ScalarAsync(string sql, params object[] args)
    {
        await using var command = App.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(Db.Param(arg));
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
