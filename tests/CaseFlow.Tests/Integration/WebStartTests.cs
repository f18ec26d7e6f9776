using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseFlow.Testing;

namespace CaseFlow.Tests.Integration;

/// <summary>Starting the web app as operators do (its own process): a port already taken is one clear line.</summary>
public sealed class WebStartTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_port_in_use_is_one_line_with_its_code_and_no_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var web = Process.Start(Processes.Start("CaseFlow.Web", _database.ConnectionString, [], new Dictionary<string, string>
        {
            ["CASEFLOW_URLS"] = $"http://127.0.0.1:{port}",
            ["CASEFLOW_DEMO_DATA"] = "0",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }))!;
        web.StandardInput.Close();
        var output = web.StandardOutput.ReadToEndAsync();
        var errors = web.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await web.WaitForExitAsync(timeout.Token);

        web.ExitCode.ShouldBe(2);
        var stderr = await errors;
        stderr.ShouldContain($"caseflow: web.port-in-use: http://127.0.0.1:{port} 的端口已被占用");
        (stderr + await output).ShouldNotContain("   at ", customMessage: "no stack trace");
    }
}
