using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Demo;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Testing;
using CaseFlow.Tests.Support;
using Marten;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Integration;

/// <summary>
/// An import killed with SIGKILL in the middle, then run again, leaves exactly what a clean import leaves: every line
/// commits whole or not at all, and a re-run skips what was committed.
/// </summary>
public sealed class KillImportTests : IAsyncLifetime
{
    private readonly TestDatabase _killed = new();
    private readonly TestDatabase _clean = new();
    private string _file = "";

    public async Task InitializeAsync()
    {
        await _killed.InitializeAsync();
        await _clean.InitializeAsync();
        // Long enough (several thousand lines, many batches) that a kill lands in the middle even on a fast machine.
        var lines = new List<string> { """{"command":"register-agency","agency":"kill","name":"中断测试局"}""" };
        lines.AddRange(new RequestScenarios(RequestSpec.Calendar, seed: 11).Requests("kill", 3000, D(2025, 1, 6), D(2026, 6, 20), SystemClock.Instance.GetCurrentInstant().InUtc().Date)
            .Select(l => l.ToJsonString()));
        _file = Path.Combine(Path.GetTempPath(), $"caseflow-kill-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(_file, lines);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_file);
        await _killed.DisposeAsync();
        await _clean.DisposeAsync();
    }

    /// <summary>Every stream's events (type and data) and every request file, in a stable order.</summary>
    private static async Task<(IReadOnlyList<string> Events, IReadOnlyList<string> Files, IReadOnlyList<string> Scheduled)> StateAsync(string connectionString)
    {
        await using var host = await TestHost.StartAsync(new CaseFlowSettings(connectionString), SystemClock.Instance);
        await using var query = host.App.Query("kill");
        var events = (await query.Events.QueryAllRawEvents().ToListAsync())
            .OrderBy(e => e.StreamId).ThenBy(e => e.Version)
            .Select(e => $"{e.StreamId}/{e.Version} {e.EventTypeName} {JsonSerializer.Serialize(e.Data, e.Data.GetType(), host.App.Json)}").ToList();
        var files = (await query.Query<RequestFile>().ToListAsync()).OrderBy(f => f.Reference, StringComparer.Ordinal)
            .Select(f => JsonSerializer.Serialize(f, host.App.Json)).ToList();
        // The messages themselves, not only their number: a difference then says which reminder is missing or extra. Run
        // or not: the import that wrote one may have run it once due (and a killed one did not). Not their moment: one
        // whose moment had passed when it was scheduled is due "now", a different instant per run.
        var scheduled = (await host.PlannedAsync()).Select(m => m.ToString()!).Order(StringComparer.Ordinal).ToList();
        return (events, files, scheduled);
    }

    /// <summary>Events committed so far by the import under way (0 until it has created the schema).</summary>
    private async Task<long> CommittedEventsAsync()
    {
        await using var probe = new Npgsql.NpgsqlConnection(_killed.ConnectionString);
        await probe.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("select to_regclass('es.mt_events') is not null", probe);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var count = new Npgsql.NpgsqlCommand("select count(*) from es.mt_events", probe);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Kill_minus_nine_in_the_middle_then_a_rerun_equals_a_clean_import()
    {
        var clean = await Processes.CliAsync(_clean.ConnectionString, "import", _file);
        clean.ExitCode.ShouldBe(0, clean.Errors);

        // Kill the import once it has committed some lines but not all of them.
        using (var import = Process.Start(Processes.Start("CaseFlow.Cli", _killed.ConnectionString, ["import", _file]))!)
        {
            import.StandardInput.Close();
            var progress = Stopwatch.StartNew();
            while (!import.HasExited && progress.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
                if (await CommittedEventsAsync() > 200)
                {
                    break;
                }
            }

            import.HasExited.ShouldBeFalse("the import ended before it could be killed: make the file longer");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }

        var rerun = await Processes.CliAsync(_killed.ConnectionString, "import", _file);
        rerun.ExitCode.ShouldBe(0, rerun.Errors);
        rerun.Output.ShouldContain("skipped");

        var (killedEvents, killedFiles, killedScheduled) = await StateAsync(_killed.ConnectionString);
        var (cleanEvents, cleanFiles, cleanScheduled) = await StateAsync(_clean.ConnectionString);
        killedEvents.Count.ShouldBeGreaterThan(400);
        killedEvents.ShouldBe(cleanEvents);
        killedFiles.ShouldBe(cleanFiles);
        killedScheduled.Except(cleanScheduled).ShouldBeEmpty("scheduled in the killed database only");
        cleanScheduled.Except(killedScheduled).ShouldBeEmpty("scheduled in the clean database only");
        killedScheduled.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => $"{g.Count()}× {g.Key}").ShouldBeEmpty("scheduled twice in the killed database");
        killedScheduled.Count.ShouldBe(cleanScheduled.Count);
    }
}
