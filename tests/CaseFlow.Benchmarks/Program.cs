using System.CommandLine;
using CaseFlow.Benchmarks;

var connection = new Option<string?>("--database") { Description = "An Npgsql connection string of the server to benchmark on (default: CASEFLOW_DATABASE)." };
var keep = new Option<bool>("--keep") { Description = "Keep the benchmark database afterwards." };
var lines = new Option<int>("--lines") { Description = "Requests in the import workload (each a receive and an answer line).", DefaultValueFactory = _ => 2_000 };
var commands = new Option<int>("--commands") { Description = "Commands per command workload.", DefaultValueFactory = _ => 2_000 };
var store = new Command("store", "The write and read paths on Marten against plain Npgsql doing the same work.") { connection, keep, lines, commands };
store.SetAction((parse, ct) => new StoreBench(parse.GetValue(lines), parse.GetValue(commands), Console.Out, Console.Error)
    .RunAsync(ConnectionString(parse.GetValue(connection)), parse.GetValue(keep), ct));

var agencies = new Option<int>("--agencies") { Description = "Agencies in the generated province.", DefaultValueFactory = _ => 1_000 };
var years = new Option<int>("--years") { Description = "Years of data, ending last year.", DefaultValueFactory = _ => 10 };
var requests = new Option<int>("--requests") { Description = "Requests in all.", DefaultValueFactory = _ => 1_000_000 };
var reports = new Command("reports", "Annual reports at province scale: one agency-year, roll-ups, trace, DOCX, full rebuild.") { connection, keep, agencies, years, requests };
reports.SetAction((parse, ct) => new ReportBench(parse.GetValue(agencies), parse.GetValue(years), parse.GetValue(requests), Console.Out, Console.Error)
    .RunAsync(ConnectionString(parse.GetValue(connection)), parse.GetValue(keep), ct));

return await new RootCommand("CaseFlow benchmarks: tables, not tests.") { store, reports }.Parse(args).InvokeAsync();

static string ConnectionString(string? given) =>
    given ?? Environment.GetEnvironmentVariable("CASEFLOW_DATABASE") ?? throw new InvalidOperationException("Set CASEFLOW_DATABASE or pass --database (ops/bench does).");
