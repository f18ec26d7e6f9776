using System.Diagnostics;
using CaseFlow.Agencies.Registering;
using CaseFlow.Infrastructure;
using CaseFlow.Notifications;
using CaseFlow.Reporting.Closing;
using CaseFlow.Requests;
using CaseFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Wolverine.Runtime;

namespace CaseFlow.Tests.Integration;

/// <summary>
/// Two web nodes on one database (one in this process, one a child process that is killed with SIGKILL): every
/// scheduled message runs once, every event is projected once, and the survivor takes over the dead node's work.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private static readonly TimeSpan s_stale = TimeSpan.FromSeconds(4);
    private readonly TestDatabase _database = new();
    private readonly SmtpSink _smtp = new();
    private IHost _node = null!;
    private Process? _other;

    private CaseFlowApp App => _node.Services.GetRequiredService<CaseFlowApp>();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _node = await CaseFlowHosting.StartAsync(new CaseFlowSettings(_database.ConnectionString)
        {
            Node = CaseFlowNode.Web,
            Mail = new MailSettings("127.0.0.1", _smtp.Port, "caseflow@test.example"),
            StaleNodeTimeout = s_stale,
        });
    }

    public async Task DisposeAsync()
    {
        if (_other is { HasExited: false })
        {
            _other.Kill(entireProcessTree: true);
        }

        _other?.Dispose();
        await _node.StopAsync();
        _node.Dispose();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task StartOtherNodeAsync()
    {
        _other = Process.Start(Processes.Start("CaseFlow.Web", _database.ConnectionString, [], new Dictionary<string, string>
        {
            ["CASEFLOW_URLS"] = "http://127.0.0.1:0",
            ["CASEFLOW_DEMO_DATA"] = "0",
            ["CASEFLOW_SMTP_HOST"] = "127.0.0.1",
            ["CASEFLOW_SMTP_PORT"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CASEFLOW_NODE_STALE_AFTER"] = ((int)s_stale.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }))!;
        _other.OutputDataReceived += (_, _) => { };
        _other.ErrorDataReceived += (_, _) => { };
        _other.BeginOutputReadLine();
        _other.BeginErrorReadLine();
        var runtime = _node.Services.GetRequiredService<IWolverineRuntime>();
        await Until(async () => (await runtime.Storage.Nodes.LoadAllNodesAsync(default)).Count == 2, TimeSpan.FromSeconds(60), "the second node to join");
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Schedules mails a moment from now (real time): whichever node polls scheduled messages sends them.</summary>
    private async Task ScheduleMailsAsync(string agency, int count, string batch)
    {
        await using var session = App.Store.LightweightSession(agency);
        var at = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(2);
        await App.ScheduleAsync(session, agency,
            Enumerable.Range(1, count).Select(i => new ScheduledMessage(new SendMail(new MailPayload($"u{i}@example.gov.cn", "用户", $"{batch}-{i}", "正文")), at)));
        await session.SaveChangesAsync();
    }

    private async Task AppendAsync(string agency, int requests, string prefix)
    {
        for (var i = 1; i <= requests; i++)
        {
            (await Receiving.HandleAsync(App, Actor.System, agency, new ReceiveRequestBody($"{prefix}-{i}", App.Today, "in-person", new ApplicantBody("natural-person", "张三")),
                WriteOptions.None, default)).ShouldBeOfType<CommandOutcome.Applied>();
        }
    }

    private async Task<long> ProjectedAsync(string agency)
    {
        await using var query = App.Query(agency);
        return (await query.LoadAsync<RestatementWatch.FactsChanged>("report-facts"))?.Seen ?? 0;
    }

    private int Mails(string batch) => _smtp.Messages.Count(m => m.Subject.StartsWith(batch + "-", StringComparison.Ordinal));

    [Fact]
    public async Task Each_message_runs_once_each_event_is_projected_once_and_a_killed_node_work_moves_to_the_survivor()
    {
        await AgencyRegistration.HandleAsync(App, Actor.System, new RegisterAgencyBody("nodes", "双节点测试局", null, null), WriteOptions.None, default);
        await StartOtherNodeAsync();

        await ScheduleMailsAsync("nodes", 20, "first");
        await AppendAsync("nodes", 30, "A");
        await Until(() => Task.FromResult(Mails("first") >= 20), TimeSpan.FromSeconds(60), "the first 20 mails");
        await Until(async () => await ProjectedAsync("nodes") >= 30, TimeSpan.FromSeconds(60), "the first 30 events to be projected");
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a duplicate to show up, if there were one
        Mails("first").ShouldBe(20);
        (await ProjectedAsync("nodes")).ShouldBe(30);

        _other!.Kill(entireProcessTree: true); // SIGKILL: no goodbye, no released agents
        await _other.WaitForExitAsync();

        await ScheduleMailsAsync("nodes", 20, "second");
        await AppendAsync("nodes", 30, "B");
        await Until(() => Task.FromResult(Mails("second") >= 20), TimeSpan.FromSeconds(90), "the second 20 mails after the kill");
        await Until(async () => await ProjectedAsync("nodes") >= 60, TimeSpan.FromSeconds(90), "every event after the kill to be projected");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Mails("second").ShouldBe(20);
        (await ProjectedAsync("nodes")).ShouldBe(60);
    }
}
