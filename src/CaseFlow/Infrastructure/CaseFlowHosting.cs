using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Puts CaseFlow into a host: Marten (events, documents, projections; schema created and upgraded at start), Wolverine
/// (durable local queues, the Marten outbox, scheduled messages; on web nodes the durability agents and the async
/// daemon's shards, shared out by Wolverine's leader), and the <see cref="CaseFlowApp"/> the slices use.
/// </summary>
public static class CaseFlowHosting
{
    public static IHostApplicationBuilder AddCaseFlow(this IHostApplicationBuilder builder, CaseFlowSettings settings, IClock? clock = null)
    {
        var dataSource = MartenSetup.DataSource(settings.ConnectionString);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton(clock ?? SystemClock.Instance);
        builder.Services.AddSingleton<CaseFlowApp>();

        var web = settings.Node == CaseFlowNode.Web;
        builder.Services.AddMarten(o =>
            {
                MartenSetup.Configure(o, dataSource, settings);
                if (!web)
                {
                    // The daemon runs on web nodes only; this process neither runs it nor warns that it does not.
                    o.Projections.AsyncMode = DaemonMode.ExternallyManaged;
                }
            })
            .ApplyAllDatabaseChangesOnStartup()
            .UseLightweightSessions()
            .IntegrateWithWolverine(w =>
            {
                w.MessageStorageSchemaName = MartenSetup.MessageSchema;
                // Projection shards are agents that Wolverine's leader assigns to the web nodes (failover included).
                w.UseWolverineManagedEventSubscriptionDistribution = web;
            });

        // Before Wolverine starts: its tables, also on nodes that run no durability agent (which skip the migration).
        builder.Services.AddHostedService<MessageStorageSetup>();
        builder.UseWolverine(opts => WolverineSetup.Configure(opts, settings));
        // After Marten's and Wolverine's start-up: the schema exists when the calendar is read.
        builder.Services.AddHostedService<CaseFlowStartup>();
        return builder;
    }

    /// <summary>Builds and starts a host for a process that is not a web server (the CLI, tests, benchmarks).</summary>
    public static async Task<IHost> StartAsync(CaseFlowSettings settings, IClock? clock = null, CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddCaseFlow(settings, clock);
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private sealed class MessageStorageSetup(IWolverineRuntime runtime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => runtime.Storage.Admin.MigrateAsync();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CaseFlowStartup(CaseFlowApp app) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await StoreMigration.RefuseUnmigratedAsync(app, cancellationToken);
            await Requests.RequestNumbers.BackfillKeysAsync(app.DataSource, MartenSetup.ReadSchema, cancellationToken);
            await app.Calendar.ReloadAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
