using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>An import that changes a closed year's report says so: which report, which version, which cells.</summary>
public sealed class ImportRestatementCliTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private Task<ProcessResult> ImportAsync(string name, params string[] lines) => ImportAsync(name, [], lines);

    private async Task<ProcessResult> ImportAsync(string name, string[] options, params string[] lines)
    {
        var file = Path.Combine(_cli.Directory, name);
        await File.WriteAllLinesAsync(file, lines.Select(l => l.Replace('\'', '"')));
        return await Processes.CliAsync(_cli.ConnectionString, ["import", file, .. options]);
    }

    [Fact]
    public async Task A_correction_to_a_closed_year_prints_the_restated_report_its_version_and_the_changed_cells()
    {
        var first = await ImportAsync("first.jsonl",
            "{'command':'register-agency','agency':'rs','name':'更正测试局'}",
            "{'command':'receive','agency':'rs','request':'RS-1','receivedOn':'2025-12-15','channel':'in-person','applicant':{'type':'natural-person','name':'张三'}}",
            "{'command':'close-year','agency':'rs','year':2025}");
        first.ExitCode.ShouldBe(0, first.Errors);
        first.Output.ShouldNotContain("restated");

        // With --no-restate the correction is refused, and nothing is written.
        const string Correction = "{'command':'answer','agency':'rs','request':'RS-1','on':'2025-12-22','outcome':'disclosed'}";
        var refused = await ImportAsync("refused.jsonl", ["--no-restate"], Correction);
        refused.ExitCode.ShouldBe(1);
        refused.Errors.ShouldContain("line 1: report.year-closed: 2025 年度报告已关账");
        refused.Output.ShouldNotContain("restated");
        refused.Output.Trim().ShouldEndWith("applied 0, skipped 0, rejected 1");

        // The request was in fact answered in 2025: the closed report's carried-over row loses it, the disclosed row gains it.
        var correction = await ImportAsync("correction.jsonl",
            "{'command':'answer','agency':'rs','request':'RS-1','on':'2025-12-22','outcome':'disclosed'}");

        correction.ExitCode.ShouldBe(0, correction.Errors);
        var lines = correction.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => l.StartsWith("restated rs 2025: 年度报告更正为第 2 版", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("四、结转下年度继续办理 / 总计：1 → 0", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("（一）予以公开 / 自然人：0 → 1", StringComparison.Ordinal));
        lines[^1].ShouldBe("applied 1, skipped 0, rejected 0", "the summary stays the last line (the contract)");

        // Run again, with --no-restate too: the applied line is skipped, nothing restated.
        var again = await ImportAsync("correction.jsonl", ["--no-restate"], Correction);
        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldNotContain("restated");
        again.Output.Trim().ShouldEndWith("applied 0, skipped 1, rejected 0");
    }
}
