using System.CommandLine;
using CaseFlow.Agencies;
using CaseFlow.EventStore.Projections;

namespace CaseFlow.Cli.Verbs;

/// <summary>Operations: schema migration, projection rebuilds, the agency directory.</summary>
internal static class AdminVerbs
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Create or upgrade the database schema (also done by every other verb).");
        command.SetAction((_, ct) => CliHost.RunAsync(async () =>
        {
            await using var app = await CliHost.OpenAsync(ct);
            Console.Out.WriteLine($"schema up to date: event store v{await EventStore.Schema.SchemaMigrator.SchemaVersionAsync(app.DataSource, "es", ct)}, caseflow v{await EventStore.Schema.SchemaMigrator.SchemaVersionAsync(app.DataSource, "cf", ct)}");
            return 0;
        }));
        return command;
    }

    public static Command Rebuild()
    {
        var name = new Argument<string?>("projection") { Description = "The projection to rebuild (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("rebuild", "Rebuild read models from the events into fresh tables, then switch over.") { name };
        command.SetAction((parse, ct) => CliHost.RunAsync(async () =>
        {
            await using var app = await CliHost.OpenAsync(ct);
            var projections = parse.GetValue(name) is { } wanted
                ? [Find(app.Store.Projections, wanted)]
                : app.Store.Projections.All.ToList();
            var showProgress = !Console.IsErrorRedirected;
            foreach (var projection in projections)
            {
                var progress = new Progress<RebuildProgress>(p =>
                {
                    if (showProgress)
                    {
                        Console.Error.Write($"\r  {p.Projection}: {p.EventsApplied:N0} / {p.EventsEstimated:N0} events{(p.Switching ? ", switching over" : "")}   ");
                    }
                });
                var result = await ProjectionRebuilder.RebuildAsync(app.Store, projection, progress, ct: ct);
                if (showProgress)
                {
                    Console.Error.Write("\r\u001b[K");
                }

                Console.Out.WriteLine($"{result.Projection}: {result.EventsApplied:N0} events in {result.Elapsed.TotalSeconds:0.0} s");
            }

            return 0;
        }));
        return command;
    }

    public static Command Agencies()
    {
        var list = new Command("list", "Registered agencies and their tree.");
        list.SetAction((_, ct) => CliHost.RunAsync(async () =>
        {
            await using var app = await CliHost.OpenAsync(ct);
            foreach (var agency in await AgencyDirectory.AllAsync(app, ct))
            {
                Console.Out.WriteLine($"{agency.Code,-24} {agency.Name}{(agency.Parent is null ? "" : $"  (under {agency.Parent})")}");
            }

            return 0;
        }));
        return new Command("agencies", "Agencies (tenants).") { list };
    }

    private static IProjection Find(ProjectionRegistry registry, string name)
    {
        try
        {
            return registry.Find(name);
        }
        catch (KeyNotFoundException)
        {
            throw new CliException($"no projection is named '{name}' (known: {string.Join(", ", registry.All.Select(p => p.Name))}).");
        }
    }
}
