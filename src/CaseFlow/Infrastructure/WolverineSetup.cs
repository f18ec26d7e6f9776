using System.Net.Mail;
using JasperFx.CodeGeneration;
using JasperFx.Core;
using Wolverine;
using Wolverine.ErrorHandling;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Wolverine in CaseFlow: only durable local queues (reminders, restatements, the digest, mail), every handler listed
/// here by hand, the code Wolverine generates for them committed under <c>src/CaseFlow/Internal/Generated</c> and loaded
/// statically (nothing compiles at run time), retries with backoff and then the dead-letter table administrators see.
/// </summary>
public static class WolverineSetup
{
    public const string ServiceName = "caseflow";

    /// <summary>The handlers of CaseFlow's messages. Adding one means running <c>ops/codegen</c> and committing the result.</summary>
    public static readonly Type[] Handlers =
    [
        typeof(Reminders.ReminderHandler),
        typeof(Reminders.ApprovalRequestHandler),
        typeof(Reminders.RecurringHandlers),
        typeof(Reporting.Closing.RestatementHandler),
        typeof(Notifications.MailHandler),
    ];

    public static void Configure(WolverineOptions opts, CaseFlowSettings settings)
    {
        opts.ServiceName = ServiceName;
        opts.ApplicationAssembly = typeof(CaseFlowApp).Assembly;
        opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        if (Environment.GetEnvironmentVariable("CASEFLOW_CODEGEN_OUTPUT") is { Length: > 0 } output)
        {
            // ops/codegen: write the handlers' code into the domain project, whose assembly Wolverine loads it from.
            opts.CodeGeneration.GeneratedCodeOutputPath = output;
        }

        opts.Discovery.DisableConventionalDiscovery();
        foreach (var handler in Handlers)
        {
            opts.Discovery.IncludeType(handler);
        }

        opts.UseSystemTextJsonForSerialization(json => CaseFlowJson.Configure(json));
        opts.Policies.UseDurableLocalQueues();
        opts.Durability.Mode = DurabilityMode.Balanced;
        if (settings.Node != CaseFlowNode.Web)
        {
            // Writes and schedules through the outbox, but claims no agents and recovers no envelopes: the web nodes
            // run what it scheduled. A short-lived process must not hold leadership or projection shards.
            opts.Durability.DurabilityAgentEnabled = false;
        }

        if (settings.StaleNodeTimeout is { } stale)
        {
            var poll = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(500).Ticks, stale.Ticks / 4));
            opts.Durability.StaleNodeTimeout = stale;
            opts.Durability.HealthCheckPollingTime = poll;
            opts.Durability.FirstHealthCheckExecution = poll;
            opts.Durability.NodeReassignmentPollingTime = poll;
            opts.Durability.ScheduledJobPollingTime = poll;
            opts.Durability.ScheduledJobFirstExecution = poll;
        }

        // Mail servers fail for a while; everything else a few quick retries. Then the dead-letter table.
        opts.OnException<SmtpException>().RetryWithCooldown(1.Minutes(), 5.Minutes(), 30.Minutes());
        opts.Policies.OnAnyException().RetryWithCooldown(1.Seconds(), 10.Seconds(), 1.Minutes());
    }
}
