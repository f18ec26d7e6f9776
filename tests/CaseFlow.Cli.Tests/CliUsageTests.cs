using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// A command line that does not parse: one coded Chinese line per problem on standard error, exit code 2, and the
/// database never touched (the connection string names a port where nothing listens, so a verb that opened it would
/// fail with <c>database.unreachable</c> instead).
/// </summary>
public sealed class CliUsageTests
{
    private const string Nowhere = "Host=127.0.0.1;Port=1;Username=nobody;Password=none;Timeout=2";

    [Theory]
    [InlineData("bogus", "usage.unknown-argument", "“bogus”")]
    [InlineData("report", "usage.command-missing", "annual、trace、close、rollup")]
    [InlineData("import", "usage.argument-missing", "<file>")]
    [InlineData("report annual --year 2025", "usage.option-missing", "--agency")]
    [InlineData("report annual --agency a", "usage.option-missing", "--year")]
    [InlineData("report annual --agency a --year 2025 --bogus", "usage.unknown-argument", "“--bogus”")]
    [InlineData("report annual --agency a --year abc", "input.invalid-year", "收到的是 abc")]
    [InlineData("report annual --agency a --year 1999", "input.invalid-year", "2019 年起")]
    [InlineData("report annual --agency a --year 2025 --format pdf", "input.invalid-format", "json、csv、html、xlsx、docx")]
    [InlineData("report trace --agency a --year 2025 --row received --table 5", "report.table-unknown", "3、4")]
    [InlineData("requests list --agency a --as-of 2026/11/03", "input.invalid-date", "收到的是 2026/11/03")]
    [InlineData("requests list --agency a --as-of 2026-02-30", "input.invalid-date", "YYYY-MM-DD")]
    [InlineData("cases list --agency a --format xml", "input.invalid-format", "json、table")]
    [InlineData("requests list --agency a --open yes", "usage.unknown-argument", "“yes”")]
    public async Task A_command_line_that_does_not_parse_is_one_coded_Chinese_line_and_exit_code_2(string args, string code, string detail)
    {
        var result = await Processes.CliAsync(Nowhere, args.Split(' '));

        result.ExitCode.ShouldBe(2, result.Errors);
        CliRun.FailureCodes(result).ShouldBe([code]);
        result.Errors.ShouldContain(detail);
        result.Errors.ShouldContain("--help）");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_problems_are_two_lines()
    {
        var result = await Processes.CliAsync(Nowhere, "report", "annual", "--agency", "a", "--year", "abc", "--format", "pdf");

        result.ExitCode.ShouldBe(2);
        CliRun.FailureCodes(result).ShouldBe(["input.invalid-year", "input.invalid-format"]);
    }

    [Fact]
    public async Task No_verb_prints_the_help_and_fails()
    {
        var result = await Processes.CliAsync(Nowhere);

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldContain("import");
        result.Output.ShouldContain("依申请公开");
    }

    [Theory]
    [InlineData("import")]
    [InlineData("requests list")]
    [InlineData("report annual")]
    [InlineData("report trace")]
    [InlineData("report close")]
    [InlineData("report rollup")]
    [InlineData("cases list")]
    [InlineData("cases outcomes")]
    [InlineData("users add")]
    [InlineData("users list")]
    [InlineData("calendar list")]
    [InlineData("calendar load")]
    [InlineData("agencies list")]
    [InlineData("migrate")]
    [InlineData("policies")]
    [InlineData("rebuild")]
    [InlineData("migrate-store")]
    public async Task Every_verb_explains_itself_in_English_and_Chinese_and_each_of_its_options_in_Chinese(string verb)
    {
        var result = await Processes.CliAsync(Nowhere, [.. verb.Split(' '), "--help"]);

        result.ExitCode.ShouldBe(0, result.Errors);
        var lines = result.Output.Split('\n');
        var description = lines.SkipWhile(l => !l.StartsWith("Description:", StringComparison.Ordinal)).Skip(1).First();
        CliRun.ChineseText().IsMatch(description).ShouldBeTrue(description);
        description.ShouldMatch("[A-Za-z]{3,}");

        // The rows of Options: and Arguments:, but for the library's own --help and --version.
        var rows = lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal) && (l.TrimStart().StartsWith('-') || l.TrimStart().StartsWith('<'))
            && !l.Contains("--help", StringComparison.Ordinal) && !l.Contains("--version", StringComparison.Ordinal)).ToList();
        foreach (var row in rows)
        {
            CliRun.ChineseText().IsMatch(row).ShouldBeTrue($"{verb}: {row}");
        }
    }
}
