using Npgsql;

namespace CaseFlow.Benchmarks;

/// <summary>A throwaway database for one benchmark run, on the same server as CaseFlow's own (dropped afterwards).</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private BenchDatabase(string admin, string name, NpgsqlDataSource dataSource, string connectionString)
    {
        _admin = admin;
        Name = name;
        DataSource = dataSource;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public bool Keep { get; set; }

    public static async Task<BenchDatabase> CreateAsync(string connectionString, string prefix)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name, MaxPoolSize = 40, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        return new BenchDatabase(admin, name, NpgsqlDataSource.Create(builder.ConnectionString), builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (Keep)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>What the table says about the machine it was measured on.</summary>
internal static class MachineInfo
{
    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        await using var command = dataSource.CreateCommand(
            "select split_part(version(), ' on ', 1), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{Environment.ProcessorCount} cores ({cpu}), {memoryGiB:0} GiB; {reader.GetString(0)} on loopback, " +
               $"fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, shared_buffers={reader.GetString(3)}; .NET {Environment.Version}";
    }
}
