using System.Text.Json;
using CaseFlow.EventStore;
using CaseFlow.EventStore.Jobs;
using CaseFlow.Infrastructure;
using CaseFlow.Users;
using NodaTime;
using Npgsql;

namespace CaseFlow.Notifications;

/// <summary>A message to a user, shown in the app (with an unread count) and, when the user has an address, e-mailed.</summary>
public sealed record Notification(long Id, string UserName, string Kind, string Title, string Body, string? Link, Instant CreatedAt, Instant? ReadAt);

/// <summary>What to tell whom: the same message to several users; <see cref="DedupKey"/> makes a repeat a no-op per user.</summary>
public sealed record Message(string Agency, string Kind, string Title, string Body, string? Link, string DedupKey);

/// <summary>
/// The users' notification inbox (<c>cf.notifications</c>). Delivering a message inserts one row per recipient and, for
/// recipients with an e-mail address when SMTP is configured, a <c>mail.send</c> job — in one transaction, so a message is
/// never half delivered and never delivered twice.
/// </summary>
public static class Inbox
{
    /// <summary>Delivers <paramref name="message"/> to <paramref name="recipients"/>; returns how many were new.</summary>
    public static async Task<int> DeliverAsync(CaseFlowApp app, Message message, IEnumerable<UserAccount> recipients, CancellationToken ct)
    {
        var users = recipients.Where(u => !u.Disabled).DistinctBy(u => u.UserName).ToList();
        if (users.Count == 0)
        {
            return 0;
        }

        await using var connection = await app.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var delivered = 0;
        foreach (var user in users)
        {
            await using var insert = connection.Command(
                """
                insert into cf.notifications (user_name, agency, kind, title, body, link, dedup_key) values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (user_name, dedup_key) do nothing returning id
                """,
                tx, Db.Param(user.UserName), Db.Param(message.Agency), Db.Param(message.Kind), Db.Param(message.Title), Db.Param(message.Body),
                Db.Param(message.Link, NpgsqlTypes.NpgsqlDbType.Text), Db.Param(message.DedupKey));
            if (await insert.ExecuteScalarAsync(ct) is not long id)
            {
                continue;
            }

            delivered++;
            if (app.Settings.Mail is not null && !string.IsNullOrWhiteSpace(user.Email))
            {
                var mail = new MailPayload(user.Email!, user.DisplayName, message.Title, MailText(app, message));
                await using var batch = new NpgsqlBatch(connection, tx);
                batch.BatchCommands.Add(JobStore.InsertCommand(message.Agency,
                    new JobRequest(Mailer.JobKind, JsonSerializer.Serialize(mail, app.Json), app.Clock.GetCurrentInstant(), $"mail:{id}")));
                await batch.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
        return delivered;
    }

    public static async Task<IReadOnlyList<Notification>> ListAsync(CaseFlowApp app, string userName, bool unreadOnly, int limit, CancellationToken ct)
    {
        await using var command = app.DataSource.CreateCommand(
            """
            select id, user_name, kind, title, body, link, created_at, read_at from cf.notifications
             where user_name = $1 and (not $2 or read_at is null) order by created_at desc, id desc limit $3
            """);
        command.Parameters.Add(Db.Param(userName));
        command.Parameters.Add(Db.Param(unreadOnly));
        command.Parameters.Add(Db.Param(limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<Notification>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Notification(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetStringOrNull(5), reader.GetInstant(6), reader.GetInstantOrNull(7)));
        }

        return list;
    }

    public static async Task<int> UnreadCountAsync(CaseFlowApp app, string userName, CancellationToken ct)
    {
        await using var command = app.DataSource.CreateCommand("select count(*) from cf.notifications where user_name = $1 and read_at is null");
        command.Parameters.Add(Db.Param(userName));
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Marks one (or, with null, every) notification of the user read.</summary>
    public static async Task MarkReadAsync(CaseFlowApp app, string userName, long? id, CancellationToken ct)
    {
        await using var command = app.DataSource.CreateCommand(
            "update cf.notifications set read_at = now() where user_name = $1 and read_at is null and ($2::bigint is null or id = $2)");
        command.Parameters.Add(Db.Param(userName));
        command.Parameters.Add(Db.Param(id, NpgsqlTypes.NpgsqlDbType.Bigint));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string MailText(CaseFlowApp app, Message message) =>
        message.Body + (message.Link is { } link && app.Settings.Mail?.PublicUrl is { } url ? $"\n\n{url.TrimEnd('/')}{link}" : "")
        + "\n\n—— CaseFlow 依申请公开办理系统（自动发送，请勿回复）";
}
