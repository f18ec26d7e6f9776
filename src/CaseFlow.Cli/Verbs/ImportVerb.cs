using System.CommandLine;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;

namespace CaseFlow.Cli.Verbs;

/// <summary><c>caseflow import FILE.jsonl [--stop-on-error] [--encoding gbk] [--no-restate]</c>.</summary>
internal static class ImportVerb
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file: one command per line (see docs/cli.md). JSON Lines 文件，每行一条命令。" };
        var stopOnError = new Option<bool>("--stop-on-error") { Description = "Stop at the first rejected line. 遇到第一条被拒绝的行即停止。" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "The file's encoding: utf-8 (the default, the contract's) or gbk (GB18030, from Windows tools). 文件编码：utf-8（默认）或 gbk。",
            DefaultValueFactory = _ => "utf-8",
        };
        var noRestate = new Option<bool>("--no-restate")
        {
            Description = "Refuse lines dated in a year whose report is closed (report.year-closed) instead of restating it. 不更正已关账的年度报告：拒绝日期在已关账年度的行。",
        };
        var command = new Command("import", "Apply the commands of a JSON Lines file, in order; re-running skips what was applied. 按顺序导入 JSON Lines 文件中的命令；重复导入会跳过已导入的行。") { file, stopOnError, encoding, noRestate };
        command.SetAction((parse, ct) => CliHost.RunAsync(() => RunAsync(parse.GetValue(file)!, parse.GetValue(stopOnError), parse.GetValue(encoding), parse.GetValue(noRestate), ct)));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, bool stopOnError, string? encodingName, bool noRestate, CancellationToken ct)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new CliException("input.not-a-file", $"{file.FullName} 是目录，请给出一个 JSON Lines 文件。");
        }

        if (!file.Exists)
        {
            throw new CliException("input.file-not-found", $"文件 {file.FullName} 不存在。");
        }

        if (!ImportFileEncoding.TryParse(encodingName, out var encoding))
        {
            throw new CliException("input.encoding-unknown", $"编码“{encodingName}”无效：应为 utf-8 或 gbk。");
        }

        // The whole file is read once before anything is applied: a file in another encoding imports nothing. The same
        // pass counts the lines, the progress bar's total.
        long total;
        try
        {
            using var check = file.OpenRead();
            total = ImportFileEncoding.Check(check, encoding, file.Name);
        }
        catch (ImportEncodingException e)
        {
            throw new CliException(e.Code, e.Message);
        }

        if (file.Length == 0)
        {
            await Console.Error.WriteLineAsync($"warning: input.empty: 文件 {file.Name} 是空的，没有可导入的行。");
        }

        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        var fileEncoding = encoding == ImportEncoding.Utf8 ? System.Text.Encoding.UTF8 : ImportFileEncoding.Gb18030;
        using var reader = new StreamReader(file.FullName, fileEncoding);
        using var progress = new ProgressLine("导入");
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

                progress.Report(seen, total, "行");
            }
        }, ct, restated =>
        {
            progress.Clear();
            Console.Out.WriteLine($"restated {restated.Agency} {restated.Year}: 年度报告更正为第 {restated.Version} 版，{restated.Differences.Count} 处变化");
            foreach (var difference in restated.Differences)
            {
                Console.Out.WriteLine("  " + difference);
            }
        }, refuseClosedYears: noRestate);
        progress.Done();
        Console.Out.WriteLine(summary.ToString());
        return summary.Rejected > 0 ? 1 : 0;
    }
}
