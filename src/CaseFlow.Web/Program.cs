using CaseFlow.Web.Hosting;

var connectionString = Environment.GetEnvironmentVariable("CASEFLOW_DATABASE");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("CASEFLOW_DATABASE is not set: start CaseFlow with ops/run, which starts the embedded PostgreSQL.");
    return 2;
}

var urls = Environment.GetEnvironmentVariable("CASEFLOW_URLS") ?? "http://127.0.0.1:5080";
var app = await CaseFlowWebHost.BuildAsync(new WebHostOptions(connectionString)
{
    Urls = urls,
    Args = args,
    TimeZone = Environment.GetEnvironmentVariable("CASEFLOW_TIMEZONE") ?? "Asia/Shanghai",
    SeedDemoData = Environment.GetEnvironmentVariable("CASEFLOW_DEMO_DATA") != "0",
});
await app.StartAsync();
Console.WriteLine($"CaseFlow is running at {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();
return 0;
