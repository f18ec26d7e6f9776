using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.EventStore;

/// <summary>
/// The data boundary for NodaTime (Npgsql.NodaTime is not available): <see cref="Instant"/> travels as a UTC
/// <see cref="DateTime"/> into <c>timestamptz</c>, <see cref="LocalDate"/> as <see cref="DateOnly"/> into <c>date</c>.
/// </summary>
public static class Db
{
    public static DateTime ToUtc(this Instant instant) => instant.ToDateTimeUtc();

    public static Instant ToInstant(this DateTime utc) =>
        Instant.FromDateTimeUtc(utc.Kind == DateTimeKind.Utc ? utc : DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateOnly ToDateOnly(this LocalDate date) => new(date.Year, date.Month, date.Day);

    public static LocalDate ToLocalDate(this DateOnly date) => new(date.Year, date.Month, date.Day);

    public static NpgsqlParameter Param(object? value) => new() { Value = value ?? DBNull.Value };

    public static NpgsqlParameter Param(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlParameter Jsonb(string? json) => new() { Value = (object?)json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb };

    public static NpgsqlParameter JsonbArray(string[] json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };

    public static NpgsqlParameter Timestamp(Instant instant) => new() { Value = instant.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Date(LocalDate date) => new() { Value = date.ToDateOnly(), NpgsqlDbType = NpgsqlDbType.Date };

    public static NpgsqlParameter Date(LocalDate? date) =>
        new() { Value = date is { } d ? d.ToDateOnly() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static LocalDate? GetLocalDateOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal).ToLocalDate();

    public static Instant GetInstant(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTime>(ordinal).ToInstant();

    public static Instant? GetInstantOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTime>(ordinal).ToInstant();

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
