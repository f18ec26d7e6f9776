using CaseFlow.Infrastructure;
using CaseFlow.Web.Hosting;
using JasperFx;

var connectionString = Environment.GetEnvironmentVariable("CASEFLOW_DATABASE");

// 'codegen write' (ops/codegen): Wolverine writes the code of CaseFlow's handlers into src/CaseFlow/Internal/Generated,
// which is committed and loaded statically. It builds the host without starting it (no database is opened).
if (args is ["codegen", ..])
{
    var generator = CaseFlowWebHost.Build(new WebHostOptions(connectionString ?? "Host=localhost;Database=codegen") { Args = args, SeedDemoData = false });
    return await generator.RunJasperFxCommands(args);
}

if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("CASEFLOW_DATABASE is not set: start CaseFlow with ops/run, which starts the embedded PostgreSQL.");
    return 2;
}

var urls = Environment.GetEnvironmentVariable("CASEFLOW_URLS") ?? "http://127.0.0.1:5080";
Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    app = CaseFlowWebHost.Build(new WebHostOptions(connectionString)
    {
        Urls = urls,
        TimeZone = Environment.GetEnvironmentVariable("CASEFLOW_TIMEZONE") ?? "Asia/Shanghai",
        SeedDemoData = CaseFlowWebHost.DemoDataWanted(Environment.GetEnvironmentVariable),
        DemoPassword = Environment.GetEnvironmentVariable("CASEFLOW_DEMO_PASSWORD"),
        TrustedProxies = (Environment.GetEnvironmentVariable("CASEFLOW_TRUSTED_PROXIES") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries),
        StaleNodeTimeout = int.TryParse(Environment.GetEnvironmentVariable("CASEFLOW_NODE_STALE_AFTER"), out var seconds) ? TimeSpan.FromSeconds(seconds) : null,
        Policies = Environment.GetEnvironmentVariable(PolicySettings.Variable),
    });
}
catch (PolicySettingException e)
{
    Console.Error.WriteLine($"caseflow: {e.Code}: {e.Message}");
    return 2;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"caseflow: config.invalid-proxy: CASEFLOW_TRUSTED_PROXIES 须为以逗号分隔的 IP 地址（{e.Message}）");
    return 2;
}

try
{
    await app.StartAsync();
}
catch (LegacyStoreNotMigratedException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

Console.WriteLine($"CaseFlow is running at {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();
return 0;
