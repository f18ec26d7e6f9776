using System.CommandLine;
using System.Text.RegularExpressions;
using CaseFlow.Cli.Verbs;

namespace CaseFlow.Cli;

public static partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("CaseFlow: information-disclosure requests, their statutory deadlines and the annual report. 依申请公开的办理、法定期限与政府信息公开工作年度报告。")
        {
            ImportVerb.Build(),
            RequestsVerb.Build(),
            ReportVerb.Build(),
            CasesVerb.Build(),
            UsersVerb.Build(),
            CalendarVerb.Build(),
            AdminVerbs.Agencies(),
            AdminVerbs.Migrate(),
            AdminVerbs.Policies(),
            AdminVerbs.Rebuild(),
            AdminVerbs.MigrateStore(),
        };
        if (args.Length == 0)
        {
            await root.Parse(["--help"]).InvokeAsync();
            return 2;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count == 0)
        {
            return await parse.InvokeAsync();
        }

        // One line per problem, code first, in Chinese, and where to read the usage; never the whole help on a mistake.
        foreach (var line in UsageErrors.Describe(parse, Coded().IsMatch))
        {
            await Console.Error.WriteLineAsync("caseflow: " + line);
        }

        return 2;
    }

    [GeneratedRegex("^[a-z]+(\\.[a-z0-9-]+)+: ")]
    private static partial Regex Coded();
}
