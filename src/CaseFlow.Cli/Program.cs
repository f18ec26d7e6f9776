using System.CommandLine;
using CaseFlow.Cli.Bench;
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
            AdminVerbs.Rebuild(),
            BenchVerb(),
        };
        return await root.Parse(args).InvokeAsync();
    }

    private static Command BenchVerb()
    {
        var streamsOption = new Option<int>("--streams") { Description = "Streams per append workload.", DefaultValueFactory = _ => 20_000 };
        var commandsOption = new Option<int>("--commands") { Description = "Commands per command workload.", DefaultValueFactory = _ => 4_000 };
        var keepOption = new Option<bool>("--keep") { Description = "Keep the benchmark database afterwards." };
        var onlyOption = new Option<string?>("--only") { Description = "Run only these workloads (comma-separated: append, batched, commands, rebuild, fetch)." };
        var eventStore = new Command("eventstore", "The event store against plain Npgsql inserts, workload by workload.") { streamsOption, commandsOption, keepOption, onlyOption };
        eventStore.SetAction((parse, ct) => CliHost.RunAsync(() =>
            new EventStoreBench(parse.GetValue(streamsOption), parse.GetValue(commandsOption), parse.GetValue(onlyOption), Console.Out, Console.Error)
                .RunAsync(CliHost.ConnectionString(), parse.GetValue(keepOption), ct)));
        var agencies = new Option<int>("--agencies") { Description = "Agencies in the generated province.", DefaultValueFactory = _ => 1_000 };
        var years = new Option<int>("--years") { Description = "Years of data, ending last year.", DefaultValueFactory = _ => 10 };
        var requests = new Option<int>("--requests") { Description = "Requests in all.", DefaultValueFactory = _ => 1_000_000 };
        var reports = new Command("reports", "Annual reports at province scale: one agency-year, roll-ups, trace, DOCX, full rebuild.") { agencies, years, requests, keepOption };
        reports.SetAction((parse, ct) => CliHost.RunAsync(() =>
            new ReportBench(parse.GetValue(agencies), parse.GetValue(years), parse.GetValue(requests), Console.Out, Console.IsErrorRedirected ? TextWriter.Null : Console.Error)
                .RunAsync(CliHost.ConnectionString(), parse.GetValue(keepOption), ct)));
        return new Command("bench", "Benchmarks that print a table (not tests).") { eventStore, reports };
    }
}
