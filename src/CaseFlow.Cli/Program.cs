using System.CommandLine;
using CaseFlow.Cli.Verbs;

namespace CaseFlow.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("CaseFlow: information-disclosure requests (依申请公开), their statutory deadlines and the annual report.")
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
        return await root.Parse(args).InvokeAsync();
    }
}
