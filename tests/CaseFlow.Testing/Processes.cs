using System.Diagnostics;

namespace CaseFlow.Testing;

/// <summary>The outcome of a child process: exit code and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Errors);

/// <summary>
/// CaseFlow's own programs as child processes of a test, run from their build output next to the tests' (same
/// configuration): the CLI exactly as <c>ops/caseflow</c> runs it, and web nodes that a test can kill.
/// </summary>
public static class Processes
{
    public static string Program(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var path = Path.Combine(TestDatabase.RepositoryRoot(), "src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built ({path}): build the solution first.", path);
    }

    public static ProcessStartInfo Start(string project, string connectionString, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Program(project));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CASEFLOW_DATABASE"] = connectionString;
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Runs <c>caseflow ARGS</c> to its end.</summary>
    public static Task<ProcessResult> CliAsync(string connectionString, params string[] args) => CliAsync(connectionString, null, args);

    /// <summary>Runs <c>caseflow ARGS</c> to its end with extra environment variables (e.g. <c>CASEFLOW_POLICIES</c>).</summary>
    public static Task<ProcessResult> CliAsync(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CliWithInputAsync(connectionString, environment, null, args);

    /// <summary>Runs <c>caseflow ARGS</c> with <paramref name="input"/> on its standard input (a password, say).</summary>
    public static async Task<ProcessResult> CliWithInputAsync(string connectionString, IReadOnlyDictionary<string, string>? environment, string? input, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(Start("CaseFlow.Cli", connectionString, args, environment))!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessResult(process.ExitCode, await output, await errors);
    }
}
