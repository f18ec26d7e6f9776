using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CaseFlow.Testing;
using CaseFlow.Web.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace CaseFlow.Web.Tests;

/// <summary>
/// The web host as operators run it (its own process), with eight officers writing at once: every acknowledged command
/// is exactly one event and one request-file row, also when the host is killed with SIGKILL in the middle and started
/// again, and a command whose answer was lost in the kill, sent again with its Idempotency-Key, is applied once.
/// </summary>
public sealed class WebUnderLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 8;
    private const string Agency = "load";
    private const string Password = "load-test-password-1";
    private readonly TestDatabase _database = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("caseflow-load-").FullName;
    private Process? _web;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var agency = Path.Combine(_directory, "agency.jsonl");
        await File.WriteAllTextAsync(agency, $$"""{"command":"register-agency","agency":"{{Agency}}","name":"负载测试局"}""" + "\n");
        (await Processes.CliAsync(_database.ConnectionString, "import", agency)).ExitCode.ShouldBe(0);
        for (var w = 1; w <= Writers; w++)
        {
            using var add = Process.Start(Processes.Start("CaseFlow.Cli", _database.ConnectionString,
                ["users", "add", "--user", $"writer{w}", "--agency", Agency, "--name", $"办理人{w}", "--role", "officer"]))!;
            await add.StandardInput.WriteLineAsync(Password);
            add.StandardInput.Close();
            await add.WaitForExitAsync();
            add.ExitCode.ShouldBe(0, await add.StandardError.ReadToEndAsync());
        }
    }

    public async Task DisposeAsync()
    {
        Kill();
        Directory.Delete(_directory, recursive: true);
        await _database.DisposeAsync();
    }

    private async Task StartWebAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _address = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _web = Process.Start(Processes.Start("CaseFlow.Web", _database.ConnectionString, [], new Dictionary<string, string>
        {
            ["CASEFLOW_URLS"] = _address.ToString().TrimEnd('/'),
            ["CASEFLOW_DEMO_DATA"] = "0",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }))!;
        _web.OutputDataReceived += (_, _) => { };
        _web.ErrorDataReceived += (_, _) => { };
        _web.BeginOutputReadLine();
        _web.BeginErrorReadLine();
        using var health = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await health.GetAsync("health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            _web.HasExited.ShouldBeFalse("the web host exited while starting");
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the web host to answer /health");
            await Task.Delay(200);
        }
    }

    private void Kill()
    {
        if (_web is { HasExited: false })
        {
            _web.Kill(entireProcessTree: true); // SIGKILL: no graceful shutdown, no flush
            _web.WaitForExit();
        }

        _web?.Dispose();
        _web = null;
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(WebSecurity.ClientHeader, "load-test");
        var form = await client.GetStringAsync("login");
        var response = await client.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = WebFixture.TokenPattern().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {userName}");
        return client;
    }

    private static HttpRequestMessage Receive(string reference) => new(HttpMethod.Post, "api/requests")
    {
        Content = new StringContent($$"""{"request":"{{reference}}","receivedOn":"2026-06-01","channel":"online","applicant":{"type":"natural-person","name":"张三"},"subject":"负载测试"}""", Encoding.UTF8, "application/json"),
        Headers = { { "Idempotency-Key", "receive:" + reference } },
    };

    /// <summary>What became of each command sent: acknowledged (201), or lost with the connection (the host was killed).</summary>
    private sealed class Ledger
    {
        public ConcurrentBag<string> Acknowledged { get; } = [];
        public ConcurrentBag<string> Lost { get; } = [];
        public ConcurrentBag<string> Refused { get; } = [];
    }

    /// <summary>
    /// Eight officers, each sending requests one after another until <paramref name="stop"/> and at least
    /// <paramref name="atLeast"/> each (a host still warming up on a busy machine answers slowly at first).
    /// References A1-1, A1-2, ….
    /// </summary>
    private async Task<Ledger> WriteAsync(char round, CancellationToken stop, int atLeast = 0)
    {
        var ledger = new Ledger();
        var clients = await Task.WhenAll(Enumerable.Range(1, Writers).Select(w => SignInAsync($"writer{w}")));
        await Task.WhenAll(clients.Select((client, w) => Task.Run(async () =>
        {
            for (var i = 1; i <= atLeast || !stop.IsCancellationRequested; i++)
            {
                var reference = $"{round}{w + 1}-{i}";
                try
                {
                    using var response = await client.SendAsync(Receive(reference));
                    (response.StatusCode == HttpStatusCode.Created ? ledger.Acknowledged : ledger.Refused).Add($"{reference} {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    ledger.Lost.Add(reference);
                    return; // the host is gone: this writer stops, as an officer's browser would show an error
                }
            }
        })));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return ledger;
    }

    private async Task<(long Events, long Files, long Duplicates)> CountAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select (select count(*) from es.mt_events where tenant_id = @t and type = 'request.received.v1'),
                   (select count(*) from rm.mt_doc_request_files where tenant_id = @t),
                   (select count(*) - count(distinct data ->> 'reference') from rm.mt_doc_request_files where tenant_id = @t)
            """, connection);
        command.Parameters.AddWithValue("t", Agency);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    [Fact]
    public async Task Eight_writers_for_a_bounded_time_then_a_kill_minus_nine_and_a_restart_lose_and_double_nothing()
    {
        await StartWebAsync();

        // Eight writers for four seconds (and ten commands each at least): every command acknowledged, each one event
        // and one request file.
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(4)))
        {
            var steady = await WriteAsync('A', bounded.Token, atLeast: 10);
            steady.Refused.ShouldBeEmpty();
            steady.Lost.ShouldBeEmpty();
            steady.Acknowledged.Count.ShouldBeGreaterThanOrEqualTo(Writers * 10);
            output.WriteLine($"steady: {steady.Acknowledged.Count} commands acknowledged by {Writers} writers in 4 s");
            var (events, files, duplicates) = await CountAsync();
            events.ShouldBe(steady.Acknowledged.Count);
            files.ShouldBe(events);
            duplicates.ShouldBe(0);
        }

        // Eight writers again, and the host killed under them.
        var before = await CountAsync();
        using var never = new CancellationTokenSource();
        var writing = WriteAsync('B', never.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Kill();
        var killed = await writing;
        killed.Refused.ShouldBeEmpty();
        killed.Lost.Count.ShouldBe(Writers, "every writer's last command was cut off by the kill");

        // What was acknowledged survived whole; a lost command either committed whole or not at all.
        var (afterKill, filesAfterKill, _) = await CountAsync();
        filesAfterKill.ShouldBe(afterKill, "each committed event has its request file: they commit in one transaction");
        (afterKill - before.Events).ShouldBeInRange(killed.Acknowledged.Count, killed.Acknowledged.Count + Writers);

        output.WriteLine($"killed: {killed.Acknowledged.Count} acknowledged, {killed.Lost.Count} cut off, {afterKill - before.Events - killed.Acknowledged.Count} of those committed before the kill");

        // Restarted, each writer sends its lost command again with its key: applied once (201), or, if it had
        // committed before the kill, recognised as done (200) and not applied again.
        await StartWebAsync();
        foreach (var reference in killed.Lost)
        {
            using var writer = await SignInAsync("writer" + reference[1..reference.IndexOf('-')]);
            using var response = await writer.SendAsync(Receive(reference));
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], reference);
        }

        var (events2, files2, duplicates2) = await CountAsync();
        events2.ShouldBe(before.Events + killed.Acknowledged.Count + killed.Lost.Count);
        files2.ShouldBe(events2);
        duplicates2.ShouldBe(0);
    }
}
