using System.Diagnostics;
using CaseFlow.Demo;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Rendering;
using CaseFlow.Testing;
using CaseFlow.Tests.Support;
using Npgsql;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Integration;

/// <summary>The deployment's backup and restore scripts (ops/backup, ops/restore), run for real against a live database.</summary>
public sealed class BackupRestoreTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_holds_every_event_and_gives_the_same_report()
    {
        var lines = new List<string> { """{"command":"register-agency","agency":"bk","name":"备份测试局"}""" };
        lines.AddRange(new RequestScenarios(RequestSpec.Calendar, seed: 3).Requests("bk", 60, D(2025, 1, 6), D(2026, 6, 20), fx.App.Today).Select(l => l.ToJsonString()));
        (await JsonlImport.RunAsync(fx.App, Actor.Cli(), new StringReader(string.Join("\n", lines)), false, _ => { }, default)).Rejected.ShouldBe(0);
        var source = new NpgsqlConnectionStringBuilder(fx.App.DataSource.ConnectionString) { Password = ConnectionPassword() }.ConnectionString;
        var fingerprint = await FingerprintAsync(source);

        var dump = Path.Combine(Path.GetTempPath(), $"caseflow-test-{Guid.NewGuid():N}.dump");
        var restored = $"cf_test_restored_{Guid.NewGuid().ToString("N")[..10]}";
        try
        {
            var backup = await RunAsync("ops/backup", source, dump);
            backup.ShouldContain($"{fingerprint.Events} events");
            File.Exists(dump).ShouldBeTrue();

            var restore = await RunAsync("ops/restore", source, dump, restored);
            restore.ShouldContain($"{fingerprint.Events} events");
            restore.ShouldContain("no gaps");

            var target = new NpgsqlConnectionStringBuilder(source) { Database = restored }.ConnectionString;
            (await FingerprintAsync(target)).ShouldBe(fingerprint);
            await using var host = await TestHost.StartAsync(new CaseFlowSettings(target), fx.Clock);
            var before = (await AnnualReports.ComputeAsync(fx.App, "bk", 2025, false))!;
            var after = (await AnnualReports.ComputeAsync(host.App, "bk", 2025, false))!;
            ReportJson.Write(after).ShouldBe(ReportJson.Write(before));

            // Restores never overwrite: the same target again is refused.
            var again = await RunAsync("ops/restore", source, [dump, restored], expectSuccess: false);
            again.ShouldContain("exists");
        }
        finally
        {
            File.Delete(dump);
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(await TestDatabase.AdminConnectionStringAsync());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {restored} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string ConnectionPassword() =>
        new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionStringAsync().GetAwaiter().GetResult()).Password ?? "";

    /// <summary>Event count and a digest of the whole log in order (ids, versions, types and data).</summary>
    private static async Task<(long Events, string Digest)> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*), md5(coalesce(string_agg(stream_id::text || ':' || version || ':' || type || ':' || data::text, '|' order by seq_id), '')) from es.mt_events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static Task<string> RunAsync(string script, string database, params string[] args) => RunAsync(script, database, args, expectSuccess: true);

    private static async Task<string> RunAsync(string script, string database, string[] args, bool expectSuccess)
    {
        var start = new ProcessStartInfo(Path.Combine(TestDatabase.RepositoryRoot(), script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CASEFLOW_DATABASE"] = database },
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var all = await output + await error;
        if (expectSuccess)
        {
            process.ExitCode.ShouldBe(0, all);
        }
        else
        {
            process.ExitCode.ShouldNotBe(0, all);
        }

        return all;
    }
}
