using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit;

namespace CaseFlow.Testing;

/// <summary>
/// A throwaway database on the test server, created for one fixture and dropped after it, so test runs (and test
/// classes within a run) never see each other's data. The server is <c>CASEFLOW_TEST_DATABASE</c> when set, otherwise
/// the project's embedded cluster, started through <c>ops/pg</c>. Never <c>CASEFLOW_DATABASE</c>: tests create and
/// drop databases, which they must never do on the server an installation runs on.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private static readonly SemaphoreSlim s_serverGate = new(1, 1);
    private static string? s_adminConnectionString;

    public string Name { get; } = $"cf_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..10]}";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var admin = await AdminConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {Name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = Name, Pooling = true, MaxPoolSize = 60 }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The server's connection string (database 'postgres' or the one configured), started if need be.</summary>
    public static async Task<string> AdminConnectionStringAsync()
    {
        if (s_adminConnectionString is not null)
        {
            return s_adminConnectionString;
        }

        await s_serverGate.WaitAsync();
        try
        {
            if (s_adminConnectionString is not null)
            {
                return s_adminConnectionString;
            }

            var configured = Environment.GetEnvironmentVariable("CASEFLOW_TEST_DATABASE");
            var connectionString = string.IsNullOrWhiteSpace(configured) ? await StartEmbeddedAsync() : configured;
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
            await DropStaleDatabasesAsync(builder.ConnectionString);
            s_adminConnectionString = builder.ConnectionString;
            return s_adminConnectionString;
        }
        finally
        {
            s_serverGate.Release();
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (CaseFlow.sln) was not found above the test binaries.");
    }

    private static async Task<string> StartEmbeddedAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "ops", "pg");
        await RunAsync(script, "start");
        return (await RunAsync(script, "url")).Trim();
    }

    private static async Task<string> RunAsync(string script, string verb)
    {
        var process = Process.Start(new ProcessStartInfo(script, verb) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"ops/pg {verb} failed: {await errors}");
    }

    /// <summary>Drops test databases left behind by runs that died more than six hours ago.</summary>
    private static async Task DropStaleDatabasesAsync(string adminConnectionString)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand("select datname from pg_database where datname like 'cf\\_test\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (DateTime.TryParseExact(name.Split('_')[2], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created)
                    && created < DateTime.UtcNow.AddHours(-6))
                {
                    stale.Add(name);
                }
            }
        }

        foreach (var name in stale)
        {
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
