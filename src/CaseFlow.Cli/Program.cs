using System.CommandLine;
using CaseFlow.Cli.Bench;

namespace CaseFlow.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("CaseFlow: information-disclosure requests (依申请公开), their statutory deadlines and the annual report.");

        var bench = new Command("bench", "Benchmarks that print a table (not tests).");
        var streamsOption = new Option<int>("--streams") { Description = "Streams per append workload.", DefaultValueFactory = _ => 20_000 };
        var commandsOption = new Option<int>("--commands") { Description = "Commands per command workload.", DefaultValueFactory = _ => 4_000 };
        var keepOption = new Option<bool>("--keep") { Description = "Keep the benchmark database afterwards." };
        var onlyOption = new Option<string?>("--only") { Description = "Run only these workloads (comma-separated: append, batched, commands, rebuild, fetch)." };
        var eventStore = new Command("eventstore", "The event store against plain Npgsql inserts, workload by workload.") { streamsOption, commandsOption, keepOption, onlyOption };
        eventStore.SetAction(async (parse, ct) =>
            await new EventStoreBench(parse.GetValue(streamsOption), parse.GetValue(commandsOption), parse.GetValue(onlyOption), Console.Out, Console.Error)
                .RunAsync(ConnectionString(), parse.GetValue(keepOption), ct));
        bench.Subcommands.Add(eventStore);
        root.Subcommands.Add(bench);

        return await root.Parse(args).InvokeAsync();
    }

    private static string ConnectionString() =>
        Environment.GetEnvironmentVariable("CASEFLOW_DATABASE") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CASEFLOW_DATABASE is not set; run CaseFlow through ops/caseflow, which starts the embedded PostgreSQL.");
}
