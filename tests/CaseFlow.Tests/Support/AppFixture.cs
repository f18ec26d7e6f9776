using CaseFlow.Infrastructure;
using CaseFlow.Testing;
using NodaTime;

namespace CaseFlow.Tests.Support;

/// <summary>A CaseFlow app on a throwaway database, with a settable clock (today 2026-06-30 in Asia/Shanghai).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 6, 30, 2, 0));
    public CaseFlowApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        App = await CaseFlowApp.StartAsync(new CaseFlowSettings(_database.ConnectionString), Clock);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }

    public async Task<long> ScalarAsync(string sql, params object[] args)
    {
        await using var command = App.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(CaseFlow.EventStore.Db.Param(arg));
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
