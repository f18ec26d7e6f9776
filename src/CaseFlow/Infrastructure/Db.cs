using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Small helpers for the SQL CaseFlow writes itself (the report's GROUPING SETS over the read models, lists). NodaTime
/// values travel natively (Npgsql.NodaTime on the data source): <c>LocalDate</c> as <c>date</c>, <c>Instant</c> as
/// <c>timestamptz</c>.
/// </summary>
public static class Db
{
    public static NpgsqlParameter Param(object? value) => new() { Value = value ?? DBNull.Value };

    public static NpgsqlParameter Param(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlParameter Text(string? value) => Param(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Date(NodaTime.LocalDate? date) => Param(date, NpgsqlDbType.Date);

    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlCommand Command(this NpgsqlDataSource dataSource, string sql, params NpgsqlParameter[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static NodaTime.LocalDate? GetLocalDateOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<NodaTime.LocalDate>(ordinal);
}
