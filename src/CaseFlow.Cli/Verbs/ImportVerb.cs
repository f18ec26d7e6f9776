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

        await using var app = await CliHost.OpenAsync(ct);
        using var reader = new StreamReader(file.FullName, System.Text.Encoding.UTF8);
        var showProgress = !Console.IsErrorRedirected;
        var seen = 0;
        var summary = await JsonlImport.RunAsync(app, Actor.Cli(), reader, stopOnError, line =>
        {
            seen++;
            if (line.Status == ImportLineStatus.Rejected)
            {
                if (showProgress)
                {
                    Console.Error.Write("\r\u001b[K");
                }

                Console.Error.WriteLine($"line {line.Line}: {line.Code}: {line.Message}");
            }
            else if (showProgress && seen % 100 == 0)
            {
                Console.Error.Write($"\r  {seen:N0} lines ...");
            }
        }, ct);
        if (showProgress)
        {
            Console.Error.Write("\r\u001b[K");
        }

        // A running web app's projector wakes up at once instead of at its next poll.
        await app.Store.NotifyOtherProcessesAsync(ct);
        Console.Out.WriteLine(summary.ToString());
        return summary.Rejected > 0 ? 1 : 0;
    }
}
