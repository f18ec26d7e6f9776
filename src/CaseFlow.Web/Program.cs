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
// A port already taken is one line before anything starts (Kestrel would log its failure with a stack trace).
if (TakenUrl(urls) is { } taken)
{
    Console.Error.WriteLine($"caseflow: web.port-in-use: {taken} 的端口已被占用（另一个 CaseFlow 或其他程序）；请用 CASEFLOW_URLS 或 ops/run --port 换一个端口");
    return 2;
}

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
        JsonLogs = string.Equals(Environment.GetEnvironmentVariable("CASEFLOW_LOG_FORMAT"), "json", StringComparison.OrdinalIgnoreCase),
        VerboseLogs = Environment.GetEnvironmentVariable("CASEFLOW_LOG_VERBOSE") == "1",
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
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Taken between the check above and the bind.
    Console.Error.WriteLine($"caseflow: web.port-in-use: {urls} 的端口已被占用（另一个 CaseFlow 或其他程序）；请用 CASEFLOW_URLS 或 ops/run --port 换一个端口");
    return 2;
}

Console.WriteLine($"CaseFlow is running at {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();
return 0;

// The first of the addresses to serve on whose port another program already listens on, if any.
static string? TakenUrl(string urls)
{
    foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Port <= 0)
        {
            continue;
        }

        var address = uri.Host == "localhost" ? System.Net.IPAddress.Loopback
            : System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : System.Net.IPAddress.Any;
        try
        {
            var probe = new System.Net.Sockets.TcpListener(address, uri.Port);
            probe.Start();
            probe.Stop();
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            return url;
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Not ours to judge (no such address here, no permission): Kestrel says so itself.
        }
    }

    return null;
}
