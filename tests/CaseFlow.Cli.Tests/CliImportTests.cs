using System.Text;
using System.Text.RegularExpressions;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// <c>import</c> through the real process: bad files refused whole before anything is written, rejected lines in the
/// contract's <c>line N: code: message</c> form, re-runs that change nothing, <c>--stop-on-error</c>, and progress a log can show.
/// </summary>
public sealed partial class CliImportTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private static string Agency(string code, string name) => $"{{'command':'register-agency','agency':'{code}','name':'{name}'}}";

    private static string Receive(string agency, string request, string on = "2025-09-01") =>
        $"{{'command':'receive','agency':'{agency}','request':'{request}','receivedOn':'{on}','channel':'online','applicant':{{'type':'natural-person','name':'张三'}},'subject':'预算'}}";

    private async Task<string> AgenciesAsync() => (await _cli.RunAsync("agencies", "list")).Output;

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_whole_with_its_code()
    {
        var gbkBytes = Encoding.UTF8.GetBytes("{\"command\":\"register-agency\",\"agency\":\"gbk-a\",\"name\":\"").Concat(GbkOf("国家税务局")).Concat("\"}\n"u8.ToArray()).ToArray();
        var gbk = Path.Combine(_cli.Directory, "gbk.jsonl");
        await File.WriteAllBytesAsync(gbk, gbkBytes);
        var utf8 = Encoding.UTF8.GetBytes("{\"command\":\"register-agency\",\"agency\":\"cut-a\",\"name\":\"国家税务局\"}\n");
        var truncated = Path.Combine(_cli.Directory, "truncated.jsonl");
        await File.WriteAllBytesAsync(truncated, utf8[..^4]); // cut inside 局 (three bytes), before the closing quote
        var missing = Path.Combine(_cli.Directory, "missing.jsonl");

        (string[] Args, string Code)[] cases =
        [
            (["import", gbk], "input.not-utf8"),
            (["import", truncated], "input.truncated"),
            (["import", _cli.Directory], "input.not-a-file"),
            (["import", missing], "input.file-not-found"),
            (["import", gbk, "--encoding", "latin1"], "input.encoding-unknown"),
        ];
        foreach (var (args, code) in cases)
        {
            var result = await _cli.RunAsync(args);
            result.ExitCode.ShouldBe(1, code);
            CliRun.FailureCodes(result).ShouldBe([code]);
            result.Output.ShouldBeEmpty();
        }

        var notUtf8 = await _cli.RunAsync("import", gbk);
        notUtf8.Errors.ShouldContain("GBK");
        notUtf8.Errors.ShouldContain("--encoding gbk");
        (await AgenciesAsync()).ShouldBeEmpty();

        var asGbk = await _cli.RunAsync("import", gbk, "--encoding", "gbk");
        asGbk.ExitCode.ShouldBe(0, asGbk.Errors);
        asGbk.Output.Trim().ShouldBe("applied 1, skipped 0, rejected 0");
        (await AgenciesAsync()).ShouldContain("国家税务局");
    }

    [Fact]
    public async Task An_empty_file_applies_nothing_and_says_so()
    {
        var empty = Path.Combine(_cli.Directory, "empty.jsonl");
        await File.WriteAllBytesAsync(empty, []);

        var result = await _cli.RunAsync("import", empty);

        result.ExitCode.ShouldBe(0, result.Errors);
        result.Output.Trim().ShouldBe("applied 0, skipped 0, rejected 0");
        result.Errors.ShouldContain("warning: input.empty: ");
    }

    [Fact]
    public async Task Rejected_lines_are_numbered_coded_and_in_Chinese_and_a_rerun_applies_nothing_new()
    {
        var file = _cli.File("lines.jsonl",
            Agency("imp-a", "导入测试局"),
            Receive("imp-a", "A-1"),
            "{'command':'receive','agency':'imp-a','request':'A-2','receivedOn':'2025/09/01','channel':'online','applicant':{'type':'natural-person','name':'李四'},'subject':'预算'}",
            "{'command':'receive','agency':'imp-a','request':'A-3','receivedOn':'2025-09-01','channel':'pigeon','applicant':{'type':'natural-person','name':'王五'},'subject':'预算'}",
            "{ not json",
            "{'command':'fly','agency':'imp-a'}",
            "{'command':'answer','agency':'imp-a','request':'A-9','on':'2025-09-05','outcome':'disclosed'}",
            "{'command':'answer','agency':'imp-a','request':'A-1','on':'2025-09-05','outcome':'disclosed'}");

        var first = await _cli.RunAsync("import", file);

        first.ExitCode.ShouldBe(1);
        first.Output.Trim().ShouldBe("applied 3, skipped 0, rejected 5");
        var rejected = first.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("line ", StringComparison.Ordinal)).ToList();
        rejected.Select(l => RejectedLine().Match(l)).ShouldAllBe(m => m.Success);
        rejected.Select(l => RejectedLine().Match(l).Groups["number"].Value + " " + RejectedLine().Match(l).Groups["code"].Value)
            .ShouldBe(["3 input.invalid-date", "4 input.invalid", "5 input.not-json", "6 input.command-unknown", "7 request.not-found"]);
        rejected[0].ShouldContain("YYYY-MM-DD");
        rejected[0].ShouldContain("收到的是 2025/09/01");
        rejected[1].ShouldContain("in-person、registered-mail、ordinary-mail、online、fax、oral");
        rejected.ShouldAllBe(l => CliRun.ChineseText().IsMatch(l) && !l.Contains("System.") && !l.Contains("Exception"));

        var again = await _cli.RunAsync("import", file);
        again.ExitCode.ShouldBe(1);
        again.Output.Trim().ShouldBe("applied 0, skipped 3, rejected 5");
        var listed = (await _cli.JsonAsync("requests", "list", "--agency", "imp-a", "--format", "json")).AsArray();
        listed.Select(r => (string?)r!["request"]).ShouldBe(["A-1"]);
    }

    [Fact]
    public async Task Stop_on_error_stops_at_the_first_rejected_line_and_writes_nothing_after_it()
    {
        var file = _cli.File("stop.jsonl", Agency("stop-a", "停止测试局"), Receive("stop-a", "S-1"), "{'command':'fly','agency':'stop-a'}", Receive("stop-a", "S-2"));

        var result = await _cli.RunAsync("import", file, "--stop-on-error");

        result.ExitCode.ShouldBe(1);
        result.Output.Trim().ShouldBe("applied 2, skipped 0, rejected 1");
        result.Errors.ShouldContain("line 3: input.command-unknown: ");
        var listed = (await _cli.JsonAsync("requests", "list", "--agency", "stop-a", "--format", "json")).AsArray();
        listed.Select(r => (string?)r!["request"]).ShouldBe(["S-1"]);
    }

    [Fact]
    public async Task In_a_log_the_import_prints_progress_lines_with_the_count_the_total_and_the_rate()
    {
        var file = _cli.File("progress.jsonl", [Agency("prog-a", "进度测试局"), .. Enumerable.Range(1, 40).Select(i => Receive("prog-a", $"P-{i}"))]);

        var result = await _cli.RunAsync(new Dictionary<string, string> { ["CASEFLOW_PROGRESS_SECONDS"] = "0" }, "import", file);

        result.ExitCode.ShouldBe(0, result.Errors);
        result.Output.Trim().ShouldBe("applied 41, skipped 0, rejected 0");
        var progress = result.Errors.Split('\n').Where(l => l.StartsWith("导入 [", StringComparison.Ordinal)).ToList();
        progress.Count.ShouldBeGreaterThan(1);
        progress.ShouldAllBe(l => l.Contains(" / 41 行") && l.Contains(" 行/秒"));
        progress[^1].ShouldContain("100%  41 / 41 行");
        result.Errors.ShouldNotContain("\u001b"); // no terminal escapes in a log
    }

    private static byte[] GbkOf(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    [GeneratedRegex("^line (?<number>\\d+): (?<code>[a-z]+(\\.[a-z0-9-]+)+): \\S")]
    private static partial Regex RejectedLine();
}
