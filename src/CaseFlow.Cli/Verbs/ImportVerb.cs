using System.CommandLine;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;

namespace CaseFlow.Cli.Verbs;

/// <summary><c>caseflow import FILE.jsonl [--stop-on-error]</c>.</summary>
internal static class ImportVerb
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file: one command per line (see docs/cli.md)." };
        var stopOnError = new Option<bool>("--stop-on-error") { Description = "Stop at the first rejected line." };
        var command = new Command("import", "Apply the commands of a JSON Lines file, in order; re-running skips what was applied.") { file, stopOnError };
        command.SetAction((parse, ct) => CliHost.RunAsync(() => RunAsync(parse.GetValue(file)!, parse.GetValue(stopOnError), ct)));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, bool stopOnError, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file.");
        }

        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        using var reader = new StreamReader(file.FullName, System.Text.Encoding.UTF8);
        using var progress = new ProgressLine("import");
        var total = Math.Max(1, file.Length);
        var seen = 0L;
        var summary = await JsonlImport.RunAsync(app, Actor.Cli(), reader, stopOnError, line =>
        {
            seen++;
            if (line.Status == ImportLineStatus.Rejected)
            {
                progress.Clear();
                Console.Error.WriteLine($"line {line.Line}: {line.Code}: {line.Message}");
            }
            else
            {
                foreach (var warning in line.Warnings)
                {
                    // Not "line N:", which the contract keeps for rejected lines.
                    progress.Clear();
                    Console.Error.WriteLine($"warning: line {line.Line}: {warning.Code}: {warning.Message}");
                }

                progress.Report(seen, 0, "lines");
            }
        }, ct);
        progress.Done();
        Console.Out.WriteLine(summary.ToString());
        return summary.Rejected > 0 ? 1 : 0;
    }
}
