using CaseFlow.Infrastructure;
using CaseFlow.Users;
using Marten;
using NodaTime;

namespace CaseFlow.Notifications;

/// <summary>
/// A message to a user, shown in the app (with an unread count) and, when the user has an address, e-mailed. A
/// document per user and message: its id is derived from the user and the message's <see cref="DedupKey"/>, so the
/// same message never reaches a user twice, however often the reminder that sends it runs.
/// </summary>
public sealed record Notification
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string Agency { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? Link { get; init; }
    public string DedupKey { get; init; } = "";
    public Instant CreatedAt { get; init; }
    public Instant? ReadAt { get; init; }

    public static Guid IdOf(string userName, string dedupKey) => StreamIds.NameBased($"notification:{userName}/{dedupKey}");
}

/// <summary>What to tell whom: the same message to several users; <see cref="DedupKey"/> makes a repeat a no-op per user.</summary>
public sealed record Message(string Agency, string Kind, string Title, string Body, string? Link, string DedupKey);

/// <summary>
/// The users' notification inbox. Delivering a message stores one notification per recipient and, for recipients with
/// an e-mail address when SMTP is configured, a <see cref="SendMail"/> message — in one transaction, so a message is never
/// half delivered and never delivered twice.
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

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DeliverOnceAsync(app, message, users, ct);
            }
            catch (Exception e) when (attempt < 3 && Commands.IsLostRace(e))
            {
                // Another run delivered some of them meanwhile: look again.
            }
        }
    }

    private static async Task<int> DeliverOnceAsync(CaseFlowApp app, Message message, IReadOnlyList<UserAccount> users, CancellationToken ct)
    {
        await using var session = app.Store.LightweightSession(message.Agency);
        var ids = users.ToDictionary(u => u.UserName, u => Notification.IdOf(u.UserName, message.DedupKey));
        var existing = (await session.LoadManyAsync<Notification>(ct, ids.Values)).Select(n => n.Id).ToHashSet();
        var now = app.Clock.GetCurrentInstant();
        var mails = new List<ScheduledMessage>();
        var delivered = 0;
        foreach (var user in users.Where(u => !existing.Contains(ids[u.UserName])))
        {
            session.Insert(new Notification
            {
                Id = ids[user.UserName],
                UserName = user.UserName,
                Agency = message.Agency,
                Kind = message.Kind,
                Title = message.Title,
                Body = message.Body,
                Link = message.Link,
                DedupKey = message.DedupKey,
                CreatedAt = now,
            });
            delivered++;
            if (app.Settings.Mail is not null && !string.IsNullOrWhiteSpace(user.Email))
            {
                mails.Add(new ScheduledMessage(new SendMail(new MailPayload(user.Email!, user.DisplayName, message.Title, MailText(app, message))), now));
            }
        }

        if (delivered == 0)
        {
            return 0;
        }

        if (mails.Count > 0)
        {
            await app.ScheduleAsync(session, message.Agency, mails);
        }

        await session.SaveChangesAsync(ct);
        return delivered;
    }

    public static async Task<IReadOnlyList<Notification>> ListAsync(CaseFlowApp app, string userName, bool unreadOnly, int limit, CancellationToken ct)
    {
        await using var query = app.Store.QuerySession();
        var list = query.Query<Notification>().Where(n => n.UserName == userName);
        if (unreadOnly)
        {
            list = list.Where(n => n.ReadAt == null);
        }

        return await list.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(limit).ToListAsync(ct);
    }

    public static async Task<int> UnreadCountAsync(CaseFlowApp app, string userName, CancellationToken ct)
    {
        await using var query = app.Store.QuerySession();
        return await query.Query<Notification>().CountAsync(n => n.UserName == userName && n.ReadAt == null, ct);
    }

    /// <summary>Marks one (or, with null, every) notification of the user read.</summary>
    public static async Task MarkReadAsync(CaseFlowApp app, string userName, Guid? id, CancellationToken ct)
    {
        await using var session = app.Store.LightweightSession();
        var unread = await session.Query<Notification>()
            .Where(n => n.UserName == userName && n.ReadAt == null && (id == null || n.Id == id))
            .ToListAsync(ct);
        var now = app.Clock.GetCurrentInstant();
        foreach (var notification in unread)
        {
            session.Store(notification with { ReadAt = now });
        }

        await session.SaveChangesAsync(ct);
    }

    private static string MailText(CaseFlowApp app, Message message) =>
        message.Body + (message.Link is { } link && app.Settings.Mail?.PublicUrl is { } url ? $"\n\n{url.TrimEnd('/')}{link}" : "")
        + "\n\n—— CaseFlow 依申请公开办理系统（自动发送，请勿回复）";
}
