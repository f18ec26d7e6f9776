using System.Text.Json;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.EventStore.Projections;

/// <summary>A column a <see cref="SingleStreamProjection{TDoc}"/> extracts from its document for querying.</summary>
public abstract class DocColumn<TDoc>(string name, string sqlType, NpgsqlDbType dbType)
{
    public string Name { get; } = name;
    public string SqlType { get; } = sqlType;
    public NpgsqlDbType DbType { get; } = dbType;

    internal abstract NpgsqlParameter ArrayParameter(IReadOnlyList<TDoc> docs);
}

/// <summary>Typed factory for document columns; NodaTime values cross the boundary here.</summary>
public static class DocColumn
{
    public static DocColumn<TDoc> Text<TDoc>(string name, Func<TDoc, string?> value) => new Typed<TDoc, string?>(name, "text", NpgsqlDbType.Text, value);

    public static DocColumn<TDoc> Int<TDoc>(string name, Func<TDoc, int?> value) => new Typed<TDoc, int?>(name, "integer", NpgsqlDbType.Integer, value);

    public static DocColumn<TDoc> Long<TDoc>(string name, Func<TDoc, long?> value) => new Typed<TDoc, long?>(name, "bigint", NpgsqlDbType.Bigint, value);

    public static DocColumn<TDoc> Bool<TDoc>(string name, Func<TDoc, bool> value) => new Typed<TDoc, bool>(name, "boolean", NpgsqlDbType.Boolean, value);

    public static DocColumn<TDoc> Uuid<TDoc>(string name, Func<TDoc, Guid?> value) => new Typed<TDoc, Guid?>(name, "uuid", NpgsqlDbType.Uuid, value);

    public static DocColumn<TDoc> Date<TDoc>(string name, Func<TDoc, LocalDate?> value) =>
        new Typed<TDoc, DateOnly?>(name, "date", NpgsqlDbType.Date, d => value(d) is { } date ? date.ToDateOnly() : null);

    public static DocColumn<TDoc> Timestamp<TDoc>(string name, Func<TDoc, Instant?> value) =>
        new Typed<TDoc, DateTime?>(name, "timestamptz", NpgsqlDbType.TimestampTz, d => value(d)?.ToDateTimeUtc());

    private sealed class Typed<TDoc, TValue>(string name, string sqlType, NpgsqlDbType dbType, Func<TDoc, TValue> value) : DocColumn<TDoc>(name, sqlType, dbType)
    {
        internal override NpgsqlParameter ArrayParameter(IReadOnlyList<TDoc> docs) =>
            new() { Value = docs.Select(value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | DbType };
    }
}

/// <summary>
/// One document per stream (Marten's single-stream projection): <see cref="Evolve"/> folds a stream's events into a
/// document, stored as jsonb with extracted columns in a table keyed by (tenant, stream id). Inline, the document is
/// folded from the stream's events already loaded for the write; async and in rebuilds, documents are loaded, folded and
/// upserted a page at a time (one query to load, one to store).
/// </summary>
public abstract class SingleStreamProjection<TDoc> : IInlineProjection where TDoc : class
{
    private readonly HashSet<string> _streamTypes;

    protected SingleStreamProjection(string name, string table, int version, IEnumerable<string> streamTypes, IReadOnlySet<string>? eventTypes = null)
    {
        Name = name;
        Version = version;
        Table = new ProjectionTable(table, CreateTableSql);
        _streamTypes = [.. streamTypes];
        EventTypes = eventTypes;
    }

    public string Name { get; }
    public int Version { get; }
    public ProjectionTable Table { get; }
    public IReadOnlyList<ProjectionTable> Tables => [Table];
    public IReadOnlySet<string>? EventTypes { get; }

    /// <summary>The extracted columns, besides tenant_id, id, version and data.</summary>
    protected abstract IReadOnlyList<DocColumn<TDoc>> Columns { get; }

    /// <summary>Pure: the document after one more event; null means the stream has (or keeps) no document.</summary>
    public abstract TDoc? Evolve(TDoc? document, RecordedEvent e);

    /// <summary>Extra DDL after the table is created (indexes, unnamed). Gets the qualified table name.</summary>
    protected virtual string IndexesSql(string table) => "";

    public bool HandlesStreamType(string streamType) => _streamTypes.Contains(streamType);

    public void ApplyInline(InlineProjectionContext context, StreamChange change)
    {
        TDoc? doc = null;
        long version = 0;
        foreach (var e in change.PriorEvents.Concat(change.NewEvents))
        {
            doc = Evolve(doc, e);
            version = e.Version;
        }

        foreach (var command in WriteCommands(Table.Name, [(change.TenantId, change.StreamId, version, doc)], context.Registry.Json))
        {
            context.Add(command);
        }
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var table = context.Table(Table);
        var relevant = events.Where(e => !(e.Data is Serialization.UnknownEvent)).ToList();
        if (relevant.Count == 0)
        {
            return;
        }

        var keys = relevant.Select(e => (e.TenantId, e.StreamId)).Distinct().ToList();
        var docs = await LoadAsync(context, table, keys, ct);
        var versions = new Dictionary<(string, Guid), long>();
        foreach (var e in relevant)
        {
            var key = (e.TenantId, e.StreamId);
            docs[key] = Evolve(docs.GetValueOrDefault(key), e);
            versions[key] = e.Version;
        }

        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var command in WriteCommands(table, keys.Select(k => (k.TenantId, k.StreamId, versions[k], docs.GetValueOrDefault(k))).ToList(), context.Registry.Json))
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads one document (for queries and tests).</summary>
    public async Task<TDoc?> LoadAsync(NpgsqlDataSource dataSource, JsonSerializerOptions json, string tenantId, Guid id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"select data::text from {Table.Name} where tenant_id = $1 and id = $2");
        command.Parameters.Add(Db.Param(tenantId));
        command.Parameters.Add(Db.Param(id));
        return await command.ExecuteScalarAsync(ct) is string text ? JsonSerializer.Deserialize<TDoc>(text, json) : null;
    }

    private string CreateTableSql(string table)
    {
        var extra = string.Concat(Columns.Select(c => $",\n  {c.Name} {c.SqlType}"));
        return $"""
            create table {table} (
              tenant_id text   not null,
              id        uuid   not null,
              version   bigint not null,
              data      jsonb  not null{extra},
              primary key (tenant_id, id));
            {IndexesSql(table)}
            """;
    }

    private async Task<Dictionary<(string, Guid), TDoc?>> LoadAsync(ProjectionContext context, string table, List<(string TenantId, Guid StreamId)> keys, CancellationToken ct)
    {
        await using var command = context.Command(
            $"select tenant_id, id, data::text from {table} where (tenant_id, id) in (select * from unnest($1::text[], $2::uuid[]))");
        command.Parameters.Add(Db.Param(keys.Select(k => k.TenantId).ToArray()));
        command.Parameters.Add(Db.Param(keys.Select(k => k.StreamId).ToArray()));
        var docs = new Dictionary<(string, Guid), TDoc?>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            docs[(reader.GetString(0), reader.GetGuid(1))] = JsonSerializer.Deserialize<TDoc>(reader.GetString(2), context.Registry.Json);
        }

        return docs;
    }

    private IEnumerable<NpgsqlBatchCommand> WriteCommands(string table, IReadOnlyList<(string TenantId, Guid Id, long Version, TDoc? Doc)> rows, JsonSerializerOptions json)
    {
        var upserts = rows.Where(r => r.Doc is not null).ToList();
        if (upserts.Count > 0)
        {
            var docs = upserts.Select(r => r.Doc!).ToList();
            var columns = Columns;
            var names = string.Concat(columns.Select(c => ", " + c.Name));
            var unnest = string.Concat(columns.Select((c, i) => $", ${i + 5}::{c.SqlType}[]"));
            var updates = string.Concat(columns.Select(c => $", {c.Name} = excluded.{c.Name}"));
            var command = Db.BatchCommand(
                $"""
                insert into {table} (tenant_id, id, version, data{names})
                select * from unnest($1::text[], $2::uuid[], $3::bigint[], $4::jsonb[]{unnest})
                on conflict (tenant_id, id) do update set version = excluded.version, data = excluded.data{updates}
                """,
                Db.Param(upserts.Select(r => r.TenantId).ToArray()),
                Db.Param(upserts.Select(r => r.Id).ToArray()),
                Db.Param(upserts.Select(r => r.Version).ToArray()),
                Db.JsonbArray(docs.Select(d => JsonSerializer.Serialize(d, json)).ToArray()));
            foreach (var column in columns)
            {
                command.Parameters.Add(column.ArrayParameter(docs));
            }

            yield return command;
        }

        var deletes = rows.Where(r => r.Doc is null).ToList();
        if (deletes.Count > 0)
        {
            yield return Db.BatchCommand(
                $"delete from {table} where (tenant_id, id) in (select * from unnest($1::text[], $2::uuid[]))",
                Db.Param(deletes.Select(r => r.TenantId).ToArray()),
                Db.Param(deletes.Select(r => r.Id).ToArray()));
        }
    }
}
