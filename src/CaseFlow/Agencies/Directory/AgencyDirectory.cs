using CaseFlow.Infrastructure;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Npgsql;

namespace CaseFlow.Agencies;

/// <summary>An agency as the directory shows it.</summary>
public sealed record AgencyEntry(string Code, string Name, string? Parent, string? Kind);

/// <summary>The agency directory (<c>rm.mt_doc_agencies</c>), kept in the registration's transaction.</summary>
public sealed class AgencyProjection : SingleStreamProjection<Agency, Guid>
{
    public AgencyProjection()
    {
        Name = "agencies.directory";
        IncludeType<AgencyRegistered>();
        IncludeType<AgencyRenamed>();
        IncludeType<LetterheadAdopted>();
    }

    public override Agency? Evolve(Agency? snapshot, Guid id, IEvent e) => Agency.Evolve(snapshot ?? Agency.Initial with { Id = id }, e.Data) with { Version = e.Version };
}

/// <summary>Queries over the agency tree. Agencies are read across tenants: the tree is what links them.</summary>
public static class AgencyDirectory
{
    private const string Columns = "d.code, d.name, d.parent, d.data->>'kind'";

    public static async Task<AgencyEntry?> FindAsync(CaseFlowApp app, string code, CancellationToken ct = default)
    {
        await using var command = app.DataSource.Command($"select {Columns} from rm.mt_doc_agencies d where d.code = $1", Db.Param(code));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>The agency as its own stream keeps it (letterhead and version included), or null if not registered.</summary>
    public static async Task<Agency?> LoadAsync(CaseFlowApp app, string code, CancellationToken ct = default)
    {
        await using var query = app.Query(code);
        return await query.LoadAsync<Agency>(StreamIds.Agency(code), ct);
    }

    public static async Task<IReadOnlyList<AgencyEntry>> AllAsync(CaseFlowApp app, CancellationToken ct = default)
    {
        await using var command = app.DataSource.Command($"select {Columns} from rm.mt_doc_agencies d order by d.code");
        return await ReadAllAsync(command, ct);
    }

    /// <summary>The agency and every agency below it, parents before children.</summary>
    public static async Task<IReadOnlyList<AgencyEntry>> SubtreeAsync(CaseFlowApp app, string code, CancellationToken ct = default)
    {
        await using var command = app.DataSource.Command(
            """
            with recursive tree as (
              select d.code, d.name, d.parent, d.data->>'kind' as kind, 0 as depth from rm.mt_doc_agencies d where d.code = $1
              union all
              select a.code, a.name, a.parent, a.data->>'kind', t.depth + 1 from rm.mt_doc_agencies a join tree t on a.parent = t.code where t.depth < 20)
            select code, name, parent, kind from tree order by depth, code
            """, Db.Param(code));
        return await ReadAllAsync(command, ct);
    }

    private static async Task<IReadOnlyList<AgencyEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AgencyEntry>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static AgencyEntry Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetStringOrNull(3));
}
