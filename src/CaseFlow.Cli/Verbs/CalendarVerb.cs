using System.CommandLine;
using CaseFlow.Deadlines;
using CaseFlow.Requests.Listing;

namespace CaseFlow.Cli.Verbs;

/// <summary><c>caseflow calendar list</c> and <c>caseflow calendar load FILE.json</c>: the working-day calendar is data.</summary>
internal static class CalendarVerb
{
    public static Command Build()
    {
        var list = new Command("list", "The calendar years in use and where they come from. 在用的工作日历年度。");
        list.SetAction((_, ct) => CliHost.RunAsync(() => ListAsync(ct)));

        var file = new Argument<FileInfo>("file") { Description = "A calendar file: {\"source\": \"...\", \"years\": {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}}. 节假日安排文件。" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the open requests' deadlines the notice would move, and load nothing. 只列出会变动的期限，不载入。" };
        var load = new Command("load", "Load State Council holiday notices (new or corrected years) without a code change. 载入国务院节假日安排（新年度或更正）。") { file, dryRun };
        load.SetAction((parse, ct) => CliHost.RunAsync(() => LoadAsync(parse.GetValue(file)!, parse.GetValue(dryRun), ct)));
        return new Command("calendar", "The official working-day calendar (holidays and make-up working days). 法定工作日历（节假日与调休上班日）。") { list, load };
    }

    private static async Task<int> ListAsync(CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        foreach (var year in app.Calendar.Current.Years)
        {
            Console.Out.WriteLine($"{year.Year}: {year.Holidays.Count} holidays, {year.Workdays.Count} make-up working days");
        }

        var next = app.Today.Year + 1;
        if (!app.Calendar.Current.Covers(next))
        {
            await Console.Error.WriteLineAsync($"warning: calendar.year-missing: 尚未载入 {next} 年的节假日安排；跨入 {next} 年的期限为暂定。");
        }

        return 0;
    }

    private static async Task<int> LoadAsync(FileInfo file, bool dryRun, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException(Directory.Exists(file.FullName) ? "input.not-a-file" : "input.file-not-found", $"文件 {file.FullName} 不存在或是目录。");
        }

        IReadOnlyList<CalendarYear> years;
        try
        {
            years = WorkdayCalendar.Parse(await File.ReadAllTextAsync(file.FullName, ct));
        }
        catch (FormatException e)
        {
            throw new CliException("calendar.invalid", $"{file.Name}：{e.Message}");
        }

        await using var host = await CliHost.OpenAsync(ct);

        var app = host.App;
        var moved = await DeadlinesMovedByCalendar.ListAsync(app, years, ct);
        foreach (var m in moved)
        {
            Console.Out.WriteLine($"{m.Agency}\t{m.Reference}\t{CaseFlow.Requests.GettingDetails.RequestViews.KindLabel(m.Kind)}{(m.Subject is null ? "" : $"（{m.Subject}）")}\t{m.Before:uuuu-MM-dd} -> {m.After:uuuu-MM-dd}");
        }

        Console.Out.WriteLine(moved.Count == 0
            ? "no open request's deadline moves"
            : $"{moved.Count} deadline(s) of {moved.Select(m => (m.Agency, m.Reference)).Distinct().Count()} open request(s) move");
        if (dryRun)
        {
            Console.Out.WriteLine("dry run: nothing loaded");
            return 0;
        }

        var loaded = await app.Calendar.LoadAsync(years, Infrastructure.Actor.Cli().UserName, ct);
        Console.Out.WriteLine($"loaded {string.Join(", ", loaded)}");
        return 0;
    }
}
