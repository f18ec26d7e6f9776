using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// The CLI as a child process against one test database, with a scratch folder for input files; and what every
/// standard-error line of the contract looks like.
/// </summary>
public sealed partial class CliRun : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("caseflow-cli-").FullName;

    public string ConnectionString => _database.ConnectionString;

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        await _database.DisposeAsync();
    }

    public Task<ProcessResult> RunAsync(params string[] args) => Processes.CliAsync(ConnectionString, args);

    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) => Processes.CliAsync(ConnectionString, environment, args);

    public Task<ProcessResult> RunWithInputAsync(string input, params string[] args) => Processes.CliWithInputAsync(ConnectionString, null, input, args);

    /// <summary>Writes lines (single quotes for double) to a file in the scratch folder and returns its path.</summary>
    public string File(string name, params string[] lines)
    {
        var path = Path.Combine(Directory, name);
        System.IO.File.WriteAllLines(path, lines.Select(l => l.Replace('\'', '"')));
        return path;
    }

    public async Task<ProcessResult> ImportAsync(string name, params string[] lines) => await RunAsync("import", File(name, lines));

    /// <summary>Runs a verb that must succeed with JSON on standard output, and parses it.</summary>
    public async Task<JsonNode> JsonAsync(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(0, result.Errors);
        return JsonNode.Parse(result.Output)!;
    }

    /// <summary>
    /// Every line a failure writes: <c>caseflow: code: 中文说明</c>, in Chinese, with no .NET text (a type name, an exception,
    /// a stack frame); returns the codes in order.
    /// </summary>
    public static IReadOnlyList<string> FailureCodes(ProcessResult result)
    {
        result.ExitCode.ShouldNotBe(0, result.Output);
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            FailureLine().IsMatch(line).ShouldBeTrue($"not 'caseflow: code: message': {line}");
            ChineseText().IsMatch(line).ShouldBeTrue($"no Chinese in: {line}");
            line.ShouldNotContain("System.");
            line.ShouldNotContain("Exception");
            line.ShouldNotContain("   at ");
        }

        return [.. lines.Select(l => FailureLine().Match(l).Groups["code"].Value)];
    }

    [GeneratedRegex("^caseflow: (?<code>[a-z]+(\\.[a-z0-9-]+)*): \\S")]
    private static partial Regex FailureLine();

    [GeneratedRegex("\\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex ChineseText();
}
