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
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(dump).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite); // it holds applicants' personal data
            }

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
            await DropAsync(restored);
        }
    }

    [Fact]
    public async Task The_count_a_backup_prints_is_the_count_in_the_file_while_requests_are_being_written()
    {
        (await JsonlImport.RunAsync(fx.App, Actor.Cli(), new StringReader("""{"command":"register-agency","agency":"bk-live","name":"备份写入局"}"""), false, _ => { }, default)).Rejected.ShouldBe(0);
        var source = new NpgsqlConnectionStringBuilder(fx.App.DataSource.ConnectionString) { Password = ConnectionPassword() }.ConnectionString;
        var dump = Path.Combine(Path.GetTempPath(), $"caseflow-test-{Guid.NewGuid():N}.dump");
        var restored = $"cf_test_restored_{Guid.NewGuid().ToString("N")[..10]}";
        using var stop = new CancellationTokenSource();
        var scenarios = new RequestScenarios(RequestSpec.Calendar, seed: 11);
        var written = 0;
        var writer = Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var lines = scenarios.Requests("bk-live", 5, D(2026, 1, 5), D(2026, 6, 20), fx.App.Today, referencePrefix: $"b{batch}-").Select(l => l.ToJsonString());
                Interlocked.Add(ref written, (await JsonlImport.RunAsync(fx.App, Actor.Cli(), new StringReader(string.Join("\n", lines)), false, _ => { }, default)).Applied);
            }
        });
        try
        {
            while (Volatile.Read(ref written) == 0)
            {
                await Task.Delay(20);
            }

            var backup = await RunAsync("ops/backup", source, dump);
            var before = Volatile.Read(ref written);
            var restore = await RunAsync("ops/restore", source, dump, restored);
            await stop.CancelAsync();
            await writer;
            written.ShouldBeGreaterThan(before, "the writer must still be writing after the backup, or the test proves nothing");

            var printed = System.Text.RegularExpressions.Regex.Match(backup, @"(\d+) events\)").Groups[1].Value;
            printed.ShouldNotBeEmpty(backup);
            restore.ShouldContain($": {printed} events in ");
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
            File.Delete(dump);
            await DropAsync(restored);
        }
    }

    [Fact]
    public async Task A_restore_of_a_damaged_backup_fails_and_leaves_no_database_behind()
    {
        var source = new NpgsqlConnectionStringBuilder(fx.App.DataSource.ConnectionString) { Password = ConnectionPassword() }.ConnectionString;
        var dump = Path.Combine(Path.GetTempPath(), $"caseflow-test-{Guid.NewGuid():N}.dump");
        var restored = $"cf_test_restored_{Guid.NewGuid().ToString("N")[..10]}";
        try
        {
            await RunAsync("ops/backup", source, dump);
            var bytes = await File.ReadAllBytesAsync(dump);
            await File.WriteAllBytesAsync(dump, bytes[..(bytes.Length / 2)]);

            var restore = await RunAsync("ops/restore", source, [dump, restored], expectSuccess: false);
            restore.ShouldContain("nothing is left behind");
            await using var connection = new NpgsqlConnection(await TestDatabase.AdminConnectionStringAsync());
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
            exists.Parameters.AddWithValue("name", restored);
            ((long)(await exists.ExecuteScalarAsync())!).ShouldBe(0);
        }
        finally
        {
            File.Delete(dump);
            await DropAsync(restored);
        }
    }

    private static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await TestDatabase.AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {database} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
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
