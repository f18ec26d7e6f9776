using System.Text.Json;
using CaseFlow.Deadlines;
using CaseFlow.EventStore.Commands;
using CaseFlow.EventStore.Jobs;
using CaseFlow.EventStore.Schema;
using CaseFlow.Requests;
using NodaTime;
using Npgsql;

namespace CaseFlow.Infrastructure;

/// <summary>How an installation of CaseFlow is configured.</summary>
public sealed record CaseFlowSettings(string ConnectionString)
{
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
}

/// <summary>
/// The composed application: the event store with CaseFlow's model, the command pipeline, jobs, the calendar and the
/// policies. Hosts (the web app, the CLI, tests) create one and pass it to the slices; nothing is resolved by magic.
/// </summary>
public sealed class CaseFlowApp : IAsyncDisposable
{
    private readonly bool _ownsDataSource;

    private CaseFlowApp(CaseFlowSettings settings, NpgsqlDataSource dataSource, bool ownsDataSource, IClock clock)
    {
        Settings = settings;
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Clock = clock;
        Zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZone)
            ?? throw new InvalidOperationException($"Unknown time zone '{settings.TimeZone}'.");
        Store = new EventStore.EventStore(dataSource, CaseFlowModel.Events(), CaseFlowModel.Projections(settings, clock), clock);
        Pipeline = new CommandPipeline(Store);
        Jobs = new JobStore(dataSource, clock);
        Calendar = new CalendarBook(dataSource);
    }

    public CaseFlowSettings Settings { get; }
    public NpgsqlDataSource DataSource { get; }
    public IClock Clock { get; }
    public DateTimeZone Zone { get; }
    public EventStore.EventStore Store { get; }
    public CommandPipeline Pipeline { get; }
    public JobStore Jobs { get; }
    public CalendarBook Calendar { get; }
    public JsonSerializerOptions Json => Store.Registry.Json;
    public ClockPolicies ClockPolicies => Settings.Clock;
    public OutcomePolicies OutcomePolicies => Settings.Outcomes;

    public static IReadOnlyList<SchemaModule> Modules => [CaseFlowSchema.Module];

    /// <summary>Opens the database, applies migrations, creates read-model tables and loads the calendar.</summary>
    public static async Task<CaseFlowApp> StartAsync(CaseFlowSettings settings, IClock clock, CancellationToken ct = default)
    {
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        var app = new CaseFlowApp(settings, builder.Build(), ownsDataSource: true, clock);
        try
        {
            await app.Store.MigrateAsync(Modules, ct);
            await app.Calendar.ReloadAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Today in the agencies' time zone.</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InZone(Zone).Date;

    public DecisionContext DecisionContext() => new(Today, Calendar.Current, ClockPolicies);

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await DataSource.DisposeAsync();
        }
    }
}
