using System.Text.Json;
using Npgsql;

namespace CaseFlow.EventStore.Projections;

/// <summary>A position in the global log: events are read in (transaction id, sequence) order.</summary>
public readonly record struct LogPosition(long TxId, long Seq)
{
    public static readonly LogPosition Start = new(0, 0);

    public override string ToString() => $"{TxId}:{Seq}";
}

/// <summary>An event row as read from the log, not yet deserialised (so a poison row fails inside the projector's guard).</summary>
public sealed record RawEvent(string TenantId, Guid StreamId, long Seq, long TxId, Guid Id, long Version, string Type, string Data, string Metadata, DateTime RecordedAt)
{
    public LogPosition Position => new(TxId, Seq);

    public RecordedEvent Deserialize(Serialization.EventTypeRegistry registry) =>
        new(TenantId, Seq, TxId, Id, StreamId, Version, Type, registry.Deserialize(Type, Data),
            JsonSerializer.Deserialize<EventMetadata>(Metadata, registry.Json) ?? EventMetadata.None, RecordedAt.ToInstant());
}

/// <summary>
/// Reads the global log for projectors (ADR 0001, the transaction-id horizon). A page holds only events whose writing
/// transaction is older than every transaction still running (<c>tx_id &lt; xmin</c> of the current snapshot): such a
/// transaction has ended, so no event below the horizon can still appear later, and reading in (tx_id, seq) order never
/// skips one. Within a stream, tx_id order equals version order (the append function enforces it).
/// </summary>
public static class EventLog
{
    public static async Task<IReadOnlyList<RawEvent>> ReadPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, LogPosition after, IReadOnlySet<string>? types, int limit,
        bool belowHorizon, CancellationToken ct)
    {
        var horizon = belowHorizon ? "and tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint" : "";
        await using var command = connection.Command(
            $"""
            select tenant_id, stream_id, seq, tx_id, id, version, type, data::text, metadata::text, recorded_at
              from es.events
             where (tx_id, seq) > ($1, $2) {horizon}
               and ($3::text[] is null or type = any($3))
               and not is_archived
             order by tx_id, seq
             limit $4
            """,
            transaction,
            Db.Param(after.TxId), Db.Param(after.Seq), Db.Param(types?.ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text), Db.Param(limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = new List<RawEvent>();
        while (await reader.ReadAsync(ct))
        {
            page.Add(new RawEvent(reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetGuid(4),
                reader.GetInt64(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetFieldValue<DateTime>(9)));
        }

        return page;
    }

    /// <summary>How many events lie after a position (for progress displays).</summary>
    public static async Task<long> CountAfterAsync(NpgsqlDataSource dataSource, LogPosition after, IReadOnlySet<string>? types, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from es.events where (tx_id, seq) > ($1, $2) and ($3::text[] is null or type = any($3)) and not is_archived");
        command.Parameters.Add(Db.Param(after.TxId));
        command.Parameters.Add(Db.Param(after.Seq));
        command.Parameters.Add(Db.Param(types?.ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text));
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
