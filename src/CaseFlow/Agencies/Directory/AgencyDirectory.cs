using CaseFlow.EventStore;
using CaseFlow.EventStore.Projections;
using CaseFlow.Infrastructure;

namespace CaseFlow.Agencies;

/// <summary>An agency as the directory shows it.</summary>
public sealed record AgencyEntry(string Code, string Name, string? Parent, string? Kind);

/// <summary>The agency directory (<c>rm.agencies</c>), kept in the registration's transaction.</summary>
public sealed class AgencyDirectoryProjection() : SingleStreamProjection<AgencyEntry>("agencies.directory", "rm.agencies", 1, [Agency.StreamType])
{
    protected override IReadOnlyList<DocColumn<AgencyEntry>> Columns { get; } =
    [
        DocColumn.Text<AgencyEntry>("code", a => a.Code),
        DocColumn.Text<AgencyEntry>("name", a => a.Name),
        DocColumn.Text<AgencyEntry>("parent", a => a.Parent),
    ];

    protected override string IndexesSql(string table) => $"create unique index on {table} (code); create index on {table} (parent);";

    public override AgencyEntry? Evolve(AgencyEntry? document, RecordedEvent e) => e.Data switch
    {
        AgencyRegistered r => new AgencyEntry(r.Code, r.Name, r.Parent, r.Kind),
        AgencyRenamed r when document is not null => document with { Name = r.Name },
        _ => document,
    };
}

/// <summary>Queries over the agency tree.</summary>
public static class AgencyDirectory
{
    public static async Task<AgencyEntry?> FindAsync(CaseFlowApp app, string code, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand("select code, name, parent, data->>'kind' from rm.agencies where code = $1");
        command.Parameters.Add(Db.Param(code));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public static async Task<IReadOnlyList<AgencyEntry>> AllAsync(CaseFlowApp app, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand("select code, name, parent, data->>'kind' from rm.agencies order by code");
        return await ReadAllAsync(command, ct);
    }

    /// <summary>The agency and every agency below it, parents before children.</summary>
    public static async Task<IReadOnlyList<AgencyEntry>> SubtreeAsync(CaseFlowApp app, string code, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand(
            """
            with recursive tree as (
              select code, name, parent, data->>'kind' as kind, 0 as depth from rm.agencies where code = $1
              union all
              select a.code, a.name, a.parent, a.data->>'kind', t.depth + 1 from rm.agencies a join tree t on a.parent = t.code where t.depth < 20)
            select code, name, parent, kind from tree order by depth, code
            """);
        command.Parameters.Add(Db.Param(code));
        return await ReadAllAsync(command, ct);
    }

    private static async Task<IReadOnlyList<AgencyEntry>> ReadAllAsync(Npgsql.NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AgencyEntry>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static AgencyEntry Read(Npgsql.NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetStringOrNull(3));
}
