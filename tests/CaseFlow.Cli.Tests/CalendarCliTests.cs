using System.Text.Json;
using CaseFlow.Deadlines;
using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// <c>caseflow calendar load</c> through the real CLI process: it lists the open requests' deadlines a notice moves
/// before loading, and <c>--dry-run</c> loads nothing.
/// </summary>
public sealed class CalendarCliTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task A_notice_lists_the_deadlines_it_moves_and_a_dry_run_loads_nothing()
    {
        var import = Path.Combine(_cli.Directory, "requests.jsonl");
        await File.WriteAllLinesAsync(import, new[]
        {
            "{'command':'register-agency','agency':'cal','name':'日历测试局'}",
            "{'command':'receive','agency':'cal','request':'CAL-1','receivedOn':'2026-06-29','channel':'online','applicant':{'type':'natural-person','name':'张三'}}",
            "{'command':'receive','agency':'cal','request':'CAL-2','receivedOn':'2026-06-29','channel':'online','applicant':{'type':'natural-person','name':'李四'}}",
            "{'command':'answer','agency':'cal','request':'CAL-2','on':'2026-07-01','outcome':'disclosed'}",
        }.Select(l => l.Replace('\'', '"')));
        (await Processes.CliAsync(_cli.ConnectionString, "import", import)).ExitCode.ShouldBe(0);

        // The bundled 2026 with Friday 07-10 made a holiday: CAL-1 (received Monday 06-29) was due Monday 07-27 (20
        // working days from 06-30, no holiday in July) and is now due Tuesday 07-28. CAL-2 is answered: not listed.
        var bundled = WorkdayCalendar.Shipped().Single(y => y.Year == 2026);
        var notice = Path.Combine(_cli.Directory, "2026.json");
        await File.WriteAllTextAsync(notice, JsonSerializer.Serialize(new
        {
            source = "2026年补充通知（测试）",
            years = new Dictionary<string, object>
            {
                ["2026"] = new
                {
                    holidays = bundled.Holidays.Select(d => d.ToString("uuuu-MM-dd", null)).Append("2026-07-10"),
                    workdays = bundled.Workdays.Select(d => d.ToString("uuuu-MM-dd", null)),
                },
            },
        }));

        var dryRun = await Processes.CliAsync(_cli.ConnectionString, "calendar", "load", notice, "--dry-run");
        dryRun.ExitCode.ShouldBe(0, dryRun.Errors);
        dryRun.Output.ShouldContain("cal\tCAL-1\t答复期限\t2026-07-27 -> 2026-07-28");
        dryRun.Output.ShouldNotContain("CAL-2");
        dryRun.Output.ShouldContain("1 deadline(s) of 1 open request(s) move");
        dryRun.Output.ShouldContain("dry run: nothing loaded");

        var again = await Processes.CliAsync(_cli.ConnectionString, "calendar", "load", notice);
        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldContain("2026-07-27 -> 2026-07-28", customMessage: "the dry run loaded nothing, so the real load moves the same deadline");
        again.Output.ShouldContain("loaded 2026");

        var reloaded = await Processes.CliAsync(_cli.ConnectionString, "calendar", "load", notice, "--dry-run");
        reloaded.Output.ShouldContain("no open request's deadline moves");
    }
}
