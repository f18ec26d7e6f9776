using System.Text.Json;
using CaseFlow.Deadlines;
using CaseFlow.Requests;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Wolverine.Runtime;

namespace CaseFlow.Infrastructure;

/// <summary>Which kind of process this is: it decides who runs the async daemon and Wolverine's durability agents.</summary>
public enum CaseFlowNode
{
    /// <summary>A web host: a full Wolverine node (scheduled messages, durability agents, projection shards).</summary>
    Web,

    /// <summary>
    /// The command line: it writes and schedules through the outbox, but claims no agents and runs no projections;
    /// the web nodes pick up what it scheduled.
    /// </summary>
    Cli,

    /// <summary>Tests: like the command line; tests run the daemon and due messages themselves, on a settable clock.</summary>
    Test,
}

/// <summary>How an installation of CaseFlow is configured.</summary>
public sealed record CaseFlowSettings(string ConnectionString)
{
    public CaseFlowNode Node { get; init; } = CaseFlowNode.Web;

    /// <summary>Business dates ("today", the local date of an instant) are taken in the agencies' zone, never the server's.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    public ClockPolicies Clock { get; init; } = ClockPolicies.Default;

    public OutcomePolicies Outcomes { get; init; } = OutcomePolicies.Default;

    public Reporting.CountingPolicies Counting { get; init; } = Reporting.CountingPolicies.Default;

    public Reviews.CaseResultPolicies CaseResults { get; init; } = Reviews.CaseResultPolicies.Default;

    /// <summary>When reminders fire (working days before each deadline, hour of day).</summary>
    public Reminders.ReminderSettings Reminders { get; init; } = global::CaseFlow.Reminders.ReminderSettings.Default;

    /// <summary>SMTP for e-mailed reminders; null keeps notifications in the app only.</summary>
    public Notifications.MailSettings? Mail { get; init; }

    /// <summary>
    /// Tests only: scheduled messages wait until the test driver runs them by the test's clock (their business due time
    /// is in a header), instead of Wolverine running them by the wall clock (which is months past a test's dates).
    /// </summary>
    public bool HoldScheduledMessages { get; init; }

    /// <summary>
    /// How soon a node that stopped answering is declared dead and its work (projection shards, scheduled messages)
    /// moved to the others. Null keeps Wolverine's default (one minute); tests of failover shorten it.
    /// </summary>
    public TimeSpan? StaleNodeTimeout { get; init; }

    /// <summary>Start on a database of the earlier store that was not migrated (only <c>migrate-store</c> does).</summary>
    public bool AllowLegacyStore { get; init; }

    /// <summary>How long the async daemon waits on a sequence gap before probing for a live transaction.</summary>
    public TimeSpan StaleSequenceThreshold { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// The composed application that the slices receive: the settings and policies, the clock and the agencies' time zone,
/// the working-day calendar, Marten's store and the data source CaseFlow's own SQL shares with it, the write path, and
/// Wolverine for scheduling. Built by <see cref="CaseFlowHosting"/> in every host (web, CLI, tests).
/// </summary>
public sealed class CaseFlowApp
{
    private readonly IServiceProvider _services;

    public CaseFlowApp(CaseFlowSettings settings, IDocumentStore store, NpgsqlDataSource dataSource, IClock clock, IServiceProvider services)
    {
        Settings = settings;
        Store = store;
        DataSource = dataSource;
        Clock = clock;
        _services = services;
        Zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZone)
            ?? throw new InvalidOperationException($"Unknown time zone '{settings.TimeZone}'.");
        Calendar = new CalendarBook(this);
        Commands = new Commands(this);
        FollowUps = global::CaseFlow.Reminders.ReminderPlan.Plans(settings.Reminders, Zone);
    }

    public CaseFlowSettings Settings { get; }
    public IDocumentStore Store { get; }
    public NpgsqlDataSource DataSource { get; }
    public IClock Clock { get; }
    public DateTimeZone Zone { get; }
    public CalendarBook Calendar { get; }
    public Commands Commands { get; }

    /// <summary>What a write schedules besides its events: the reminders its new state needs.</summary>
    public FollowUps FollowUps { get; }
    public JsonSerializerOptions Json { get; } = CaseFlowJson.Create();
    public ClockPolicies ClockPolicies => Settings.Clock;
    public OutcomePolicies OutcomePolicies => Settings.Outcomes;

    /// <summary>Wolverine, for scheduling messages through the outbox.</summary>
    public IWolverineRuntime Runtime => _services.GetRequiredService<IWolverineRuntime>();

    public IServiceProvider Services => _services;

    /// <summary>Today in the agencies' time zone.</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InZone(Zone).Date;

    public DecisionContext DecisionContext() => new(Today, Calendar.Current, ClockPolicies) { Outcomes = OutcomePolicies };

    /// <summary>A read-only session in the agency's tenant.</summary>
    public IQuerySession Query(string agency) => Store.QuerySession(agency);

    /// <summary>Runs a command through the one write path.</summary>
    public Task<CommandOutcome> ExecuteAsync(string agency, Actor actor, WriteOptions options, CancellationToken ct, params StreamDecider[] streams) =>
        Commands.ExecuteAsync(new WriteCommand(agency, streams, actor, options), ct);
}
