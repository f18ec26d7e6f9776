using CaseFlow.EventStore.Jobs;
using CaseFlow.EventStore.Projections;
using CaseFlow.Infrastructure;

namespace CaseFlow.Web.Hosting;

/// <summary>Runs the async projections (the annual report's read models) for as long as the web app runs.</summary>
internal sealed class ProjectionDaemonService(CaseFlowApp app, ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new ProjectionDaemon(app.Store, loggers).RunAsync(stoppingToken);
}

/// <summary>Runs durable scheduled jobs (reminders, year-end proposals, e-mail) as they fall due.</summary>
internal sealed class JobRunnerService(CaseFlowApp app, JobHandlers handlers, ILogger<JobRunnerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new JobRunner(app.Store, app.Jobs, handlers.All, logger).RunAsync(stoppingToken);
}

/// <summary>The job handlers of this host, by kind (registered explicitly).</summary>
internal sealed class JobHandlers(IReadOnlyDictionary<string, JobHandler> all)
{
    public IReadOnlyDictionary<string, JobHandler> All { get; } = all;
}
