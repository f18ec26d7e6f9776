using CaseFlow.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace CaseFlow.Testing;

/// <summary>
/// CaseFlow in a test: a host on a test database (a test node: no durability agents, no daemon), its app, and the
/// scheduled messages run when the test's clock says they are due — not when the wall clock does, so that a test can
/// walk through weeks of deadlines in a second.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(IHost host)
    {
        Host = host;
        App = host.Services.GetRequiredService<CaseFlowApp>();
    }

    public IHost Host { get; }
    public CaseFlowApp App { get; }
    public IDocumentStore Store => App.Store;

    public static async Task<TestHost> StartAsync(CaseFlowSettings settings, IClock clock) =>
        new(await CaseFlowHosting.StartAsync(settings with { Node = CaseFlowNode.Test, HoldScheduledMessages = true, StaleSequenceThreshold = TimeSpan.FromSeconds(1) }, clock));

    /// <summary>
    /// Runs every scheduled message due by the app's clock, through Wolverine's handlers, until none is left (a handler
    /// may schedule more, e.g. mail or the next digest). Returns how many ran.
    /// </summary>
    public async Task<int> RunDueMessagesAsync()
    {
        var runtime = Host.Services.GetRequiredService<IWolverineRuntime>();
        var store = Host.Services.GetRequiredService<IMessageStore>();
        var ran = 0;
        while (true)
        {
            var now = App.Clock.GetCurrentInstant();
            var due = (await store.Admin.AllIncomingAsync())
                .Where(e => e.Status == EnvelopeStatus.Scheduled && DueAt(e) <= now)
                .OrderBy(DueAt)
                .ToList();
            if (due.Count == 0)
            {
                return ran;
            }

            foreach (var envelope in due)
            {
                if (!((WolverineRuntime)runtime).Handlers.TryFindMessageType(envelope.MessageType!, out var type))
                {
                    throw new InvalidOperationException($"No handler knows the scheduled message type '{envelope.MessageType}'.");
                }

                var message = runtime.Options.DefaultSerializer.ReadFromData(type, envelope);
                await store.Inbox.DeleteIncomingEnvelopeAsync(envelope);
                await Host.MessageBus().InvokeForTenantAsync(envelope.TenantId ?? MartenSetup.SystemTenant, message);
                ran++;
            }
        }
    }

    /// <summary>The scheduled messages not yet run, with when they are due.</summary>
    public async Task<IReadOnlyList<(object Message, Instant DueAt)>> ScheduledAsync()
    {
        var runtime = Host.Services.GetRequiredService<IWolverineRuntime>();
        var store = Host.Services.GetRequiredService<IMessageStore>();
        return [.. (await store.Admin.AllIncomingAsync())
            .Where(e => e.Status == EnvelopeStatus.Scheduled)
            .Select(e => ((WolverineRuntime)runtime).Handlers.TryFindMessageType(e.MessageType!, out var type)
                ? (runtime.Options.DefaultSerializer.ReadFromData(type, e), DueAt(e))
                : ((object)e.MessageType!, DueAt(e)))];
    }

    /// <summary>
    /// Every message planned in the store, scheduled or already run (a process that wrote it may have run it once due:
    /// Wolverine keeps handled envelopes for a while), without its moment.
    /// </summary>
    public async Task<IReadOnlyList<object>> PlannedAsync()
    {
        var runtime = Host.Services.GetRequiredService<IWolverineRuntime>();
        var store = Host.Services.GetRequiredService<IMessageStore>();
        return [.. (await store.Admin.AllIncomingAsync())
            .Select(e => ((WolverineRuntime)runtime).Handlers.TryFindMessageType(e.MessageType!, out var type)
                ? runtime.Options.DefaultSerializer.ReadFromData(type, e)
                : e.MessageType!)];
    }

    /// <summary>When a held message is due by the business clock.</summary>
    private static Instant DueAt(Envelope envelope) =>
        envelope.Headers.TryGetValue(Outbox.DueHeader, out var due) && due is not null
            ? NodaTime.Text.InstantPattern.General.Parse(due).Value
            : Instant.FromDateTimeOffset(envelope.ScheduledTime ?? DateTimeOffset.MinValue);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
