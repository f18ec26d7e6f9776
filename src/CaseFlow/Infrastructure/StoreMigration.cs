using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Agencies;
using CaseFlow.Deadlines;
using CaseFlow.Letters;
using CaseFlow.Notifications;
using CaseFlow.Reminders;
using CaseFlow.Reporting.Closing;
using CaseFlow.Reporting.Stats;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using JasperFx.Events;
using Marten;
using Marten.Events;
using NodaTime;
using Npgsql;

namespace CaseFlow.Infrastructure;

/// <summary>How far <c>migrate-store</c> has come (for its progress line).</summary>
public readonly record struct StoreMigrationProgress(string Step, long Done, long Total);

/// <summary>What <c>migrate-store</c> found and did.</summary>
public sealed record StoreMigrationResult(bool AlreadyMigrated, bool NothingToMigrate, long Streams, long Events, int Accounts, int Templates,
    int CalendarYears, int Notifications, int CommandKeys, int RemindersPlanned, int MailsQueued, string ContentHash, TimeSpan Elapsed);

/// <summary>The database holds data of the earlier store that was not migrated: a host refuses to start on it.</summary>
public sealed class LegacyStoreNotMigratedException() : Exception(
    "这个数据库保存的是 CaseFlow 旧版事件存储（es.events）的数据，尚未迁移到 Marten：请先运行 ops/caseflow migrate-store（数据全部保留）。" +
    " (This database holds CaseFlow's earlier event store; run 'ops/caseflow migrate-store' first.)");

/// <summary>
/// Upgrades a database written by CaseFlow's earlier, home-made event store (schemas <c>es</c>, <c>rm</c>, <c>cf</c>,
/// up to commit 56ff355) to Marten and Wolverine, keeping everything: every stream and event (ids, versions, stored type
/// names, data, who recorded it, command ids, correlation, recorded-at), accounts with their password hashes, letter
/// template versions, loaded calendar years, notifications and idempotency keys. It bulk-copies the events, rebuilds
/// every read model from them, re-plans the reminders of open deadlines, and checks the copy (counts, each event's
/// data, and a content hash computed on both sides) before it records success. Re-running it does nothing.
/// </summary>
public static class StoreMigration
{
    private const string MarkerId = "legacy-store";

    /// <summary>The record of a finished migration (a document in <c>es</c>): what was copied and its hash.</summary>
    public sealed record StoreMigrated
    {
        public string Id { get; init; } = MarkerId;
        public long Streams { get; init; }
        public long Events { get; init; }
        public string ContentHash { get; init; } = "";
        public Instant MigratedAt { get; init; }
    }

    /// <summary>Old stream types and the aggregates Marten now declares those streams with.</summary>
    private static readonly IReadOnlyDictionary<string, Type> s_streamTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["request"] = typeof(RequestFile),
        ["review"] = typeof(Reviews.GettingCases.CaseFile),
        ["lawsuit"] = typeof(Reviews.GettingCases.CaseFile),
        ["agency"] = typeof(Agency),
        ["annual-report"] = typeof(AnnualReportBook),
        ["disclosure-stats"] = typeof(DisclosureStats),
    };

    /// <summary>True when the earlier store's tables hold events and no migration was recorded.</summary>
    public static async Task<bool> NeedsMigrationAsync(CaseFlowApp app, CancellationToken ct)
    {
        if (!await HasLegacyEventsAsync(app.DataSource, ct))
        {
            return false;
        }

        await using var query = app.Store.QuerySession();
        return await query.LoadAsync<StoreMigrated>(MarkerId, ct) is null;
    }

    public static async Task RefuseUnmigratedAsync(CaseFlowApp app, CancellationToken ct)
    {
        if (!app.Settings.AllowLegacyStore && await NeedsMigrationAsync(app, ct))
        {
            throw new LegacyStoreNotMigratedException();
        }
    }

    public static async Task<StoreMigrationResult> MigrateAsync(CaseFlowApp app, IProgress<StoreMigrationProgress>? progress, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await using (var query = app.Store.QuerySession())
        {
            if (await query.LoadAsync<StoreMigrated>(MarkerId, ct) is { } done)
            {
                return new StoreMigrationResult(true, false, done.Streams, done.Events, 0, 0, 0, 0, 0, 0, 0, done.ContentHash, started.Elapsed);
            }
        }

        if (!await HasLegacyEventsAsync(app.DataSource, ct))
        {
            return new StoreMigrationResult(false, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", started.Elapsed);
        }

        // One migration at a time; a web node started meanwhile refuses to run until it is recorded.
        await using var guard = await app.DataSource.OpenConnectionAsync(ct);
        await using (var lockCommand = guard.Command("select pg_advisory_lock(hashtext('caseflow.migrate-store'))", null))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        try
        {
            if (await app.Store.QuerySession().LoadAsync<StoreMigrated>(MarkerId, ct) is { } done)
            {
                return new StoreMigrationResult(true, false, done.Streams, done.Events, 0, 0, 0, 0, 0, 0, 0, done.ContentHash, started.Elapsed);
            }

            // A copy that stopped half-way left events in Marten's tables and no record: start again from a clean slate
            // (nothing else can have written there, since every host refuses to start before the migration is recorded).
            if ((await app.Store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount > 0)
            {
                await app.Store.Advanced.ResetAllData(ct);
            }

            var (streams, events) = await CopyEventsAsync(app, progress, ct);
            var accounts = await CopyAccountsAsync(app, ct);
            var templates = await CopyTemplatesAsync(app, ct);
            var calendarYears = await CopyCalendarYearsAsync(app, ct);
            var notifications = await CopyNotificationsAsync(app, ct);
            var keys = await CopyCommandKeysAsync(app, ct);
            await RebuildAsync(app, progress, ct);
            var hash = await VerifyAsync(app, streams, events, ct);
            await app.Calendar.ReloadAsync(ct);
            var (reminders, mails) = await ReplanAsync(app, ct);

            await using var session = app.Store.LightweightSession();
            session.Store(new StoreMigrated { Streams = streams, Events = events, ContentHash = hash, MigratedAt = app.Clock.GetCurrentInstant() });
            await session.SaveChangesAsync(ct);
            return new StoreMigrationResult(false, false, streams, events, accounts, templates, calendarYears, notifications, keys, reminders, mails, hash, started.Elapsed);
        }
        finally
        {
            await using var unlock = guard.Command("select pg_advisory_unlock(hashtext('caseflow.migrate-store'))", null);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Drops the earlier store's tables after a recorded migration (its data lives in Marten's tables now).</summary>
    public static async Task<bool> DropLegacyTablesAsync(CaseFlowApp app, CancellationToken ct)
    {
        await using (var query = app.Store.QuerySession())
        {
            if (await query.LoadAsync<StoreMigrated>(MarkerId, ct) is null)
            {
                return false;
            }
        }

        await using var command = app.DataSource.Command(
            """
            drop table if exists es.events, es.streams, es.progress, es.dead_letters, es.commands, es.jobs, es.schema_migrations cascade;
            drop sequence if exists es.events_seq;
            drop function if exists es.append(text, uuid[], text[], bigint[], int[], uuid[], text[], jsonb[], jsonb[], timestamptz);
            drop function if exists es.expect_rows(int, int, text, text);
            drop table if exists rm.request_files, rm.report_requests, rm.report_cases, rm.agencies, rm.disclosure_stats, rm.annual_reports cascade;
            drop schema if exists cf cascade;
            """);
        await command.ExecuteNonQueryAsync(ct);
        return true;
    }

    private static async Task<bool> HasLegacyEventsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.Command("select to_regclass('es.events') is not null and to_regclass('es.streams') is not null");
        if (!(bool)(await command.ExecuteScalarAsync(ct))!)
        {
            return false;
        }

        await using var any = dataSource.Command("select exists (select 1 from es.events)");
        return (bool)(await any.ExecuteScalarAsync(ct))!;
    }

    private sealed record LegacyEvent(string Tenant, Guid StreamId, long Version, Guid Id, string Type, string Data, string Metadata, DateTimeOffset RecordedAt);

    private sealed record LegacyMetadata(string? Actor, string? CommandId, string? CorrelationId, string? CausationId);

    private static async Task<(long Streams, long Events)> CopyEventsAsync(CaseFlowApp app, IProgress<StoreMigrationProgress>? progress, CancellationToken ct)
    {
        var streamTypes = new Dictionary<(string, Guid), (string Type, bool Archived)>();
        await using (var command = app.DataSource.Command("select tenant_id, id, type, is_archived from es.streams"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                streamTypes[(reader.GetString(0), reader.GetGuid(1))] = (reader.GetString(2), reader.GetBoolean(3));
            }
        }

        var events = new List<LegacyEvent>();
        await using (var command = app.DataSource.Command(
            "select tenant_id, stream_id, version, id, type, data::text, metadata::text, recorded_at from es.events order by tx_id, seq"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                events.Add(new LegacyEvent(reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        var graph = (EventGraph)app.Store.Options.Events;
        var types = graph.AllKnownEventTypes().ToDictionary(m => m.EventTypeName, m => m.EventType, StringComparer.Ordinal);
        var done = 0L;
        foreach (var tenant in events.GroupBy(e => e.Tenant))
        {
            var actions = new List<StreamAction>();
            foreach (var stream in tenant.GroupBy(e => e.StreamId))
            {
                var (type, _) = streamTypes.GetValueOrDefault((tenant.Key, stream.Key), ("request", false));
                var wrapped = new List<IEvent>();
                foreach (var legacy in stream.OrderBy(e => e.Version))
                {
                    if (!types.TryGetValue(legacy.Type, out var eventType))
                    {
                        throw new InvalidOperationException($"Stored event type '{legacy.Type}' (event {legacy.Id}) has no mapping in this build.");
                    }

                    var data = JsonSerializer.Deserialize(legacy.Data, eventType, app.Json)!;
                    var metadata = JsonSerializer.Deserialize<LegacyMetadata>(legacy.Metadata, app.Json);
                    var e = graph.BuildEvent(data);
                    e.Id = legacy.Id;
                    e.Timestamp = legacy.RecordedAt;
                    e.UserName = metadata?.Actor;
                    e.CorrelationId = metadata?.CorrelationId;
                    e.CausationId = metadata?.CausationId;
                    if (metadata?.CommandId is { } commandId)
                    {
                        e.SetHeader(EventHeaders.CommandId, commandId);
                    }

                    wrapped.Add(e);
                }

                var action = StreamAction.Start(stream.Key, [.. wrapped]);
                action.AggregateType = s_streamTypes.TryGetValue(type, out var aggregate)
                    ? aggregate
                    : throw new InvalidOperationException($"Stored stream type '{type}' (stream {stream.Key}) has no aggregate in this build.");
                action.TenantId = tenant.Key;
                actions.Add(action);
            }

            await app.Store.BulkInsertEventsAsync(tenant.Key, actions, cancellation: ct);
            done += tenant.Count();
            progress?.Report(new StoreMigrationProgress("events", done, events.Count));
        }

        // Archived streams stay archived (their events leave normal reads, as before).
        foreach (var ((tenant, id), (_, archived)) in streamTypes)
        {
            if (archived)
            {
                await using var session = app.Store.LightweightSession(tenant);
                session.Events.ArchiveStream(id);
                await session.SaveChangesAsync(ct);
            }
        }

        return (events.Select(e => (e.Tenant, e.StreamId)).Distinct().LongCount(), events.Count);
    }

    private static async Task<int> CopyAccountsAsync(CaseFlowApp app, CancellationToken ct)
    {
        if (!await TableExistsAsync(app, "cf.users", ct))
        {
            return 0;
        }

        var count = 0;
        await using var command = app.DataSource.Command(
            "select user_name, agency, display_name, password_hash, roles, failed_attempts, locked_until, disabled, email, created_at, last_sign_in_at from cf.users order by created_at, user_name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var userName = reader.GetString(0);
            var agency = reader.GetString(1);
            var roles = reader.GetFieldValue<string[]>(4).Select(c => UserAccounts.RoleCodes.TryParse(c, out var r) ? (Role?)r : null).OfType<Role>().ToList();
            await using var session = app.Store.LightweightSession(agency);
            session.LastModifiedBy = "migrate-store";
            var created = session.Events.StartStream<UserAccountDoc>(StreamIds.User(userName),
                new UserAccountCreated(userName, reader.GetString(2), roles, reader.GetStringOrNull(8)));
            if (reader.GetBoolean(7))
            {
                session.Events.Append(StreamIds.User(userName), new UserDisabled());
            }

            session.Store(new UserCredential
            {
                Id = userName,
                Agency = agency,
                PasswordHash = reader.GetString(3),
                FailedAttempts = reader.GetInt32(5),
                LockedUntil = reader.IsDBNull(6) ? null : reader.GetFieldValue<Instant>(6),
                LastSignInAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<Instant>(10),
            });
            foreach (var e in created.Events)
            {
                e.Timestamp = reader.GetFieldValue<DateTimeOffset>(9);
            }

            await session.SaveChangesAsync(ct);
            count++;
        }

        return count;
    }

    private static async Task<int> CopyTemplatesAsync(CaseFlowApp app, CancellationToken ct)
    {
        if (!await TableExistsAsync(app, "cf.letter_templates", ct))
        {
            return 0;
        }

        var versions = new List<(string Agency, LetterTemplateVersion Version)>();
        await using (var command = app.DataSource.Command("select agency, template, version, body, saved_by, saved_at from cf.letter_templates"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                versions.Add((reader.GetString(0), new LetterTemplateVersion
                {
                    Id = LetterTemplateVersion.IdOf(reader.GetString(1), reader.GetInt32(2)),
                    Template = reader.GetString(1),
                    Version = reader.GetInt32(2),
                    Body = reader.GetString(3),
                    SavedBy = reader.GetString(4),
                    SavedAt = reader.GetFieldValue<Instant>(5),
                }));
            }
        }

        foreach (var agency in versions.GroupBy(v => v.Agency))
        {
            await using var session = app.Store.LightweightSession(agency.Key);
            session.Store(agency.Select(v => v.Version).ToArray());
            await session.SaveChangesAsync(ct);
        }

        return versions.Count;
    }

    private static async Task<int> CopyCalendarYearsAsync(CaseFlowApp app, CancellationToken ct)
    {
        if (!await TableExistsAsync(app, "cf.calendar_years", ct))
        {
            return 0;
        }

        var count = 0;
        await using var command = app.DataSource.Command("select year, holidays, workdays, source, loaded_at, loaded_by from cf.calendar_years order by year");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var year = reader.GetInt32(0);
            await using var session = app.Store.LightweightSession(MartenSetup.SystemTenant);
            session.LastModifiedBy = reader.GetString(5);
            var action = session.Events.StartStream<CalendarYearRecord>(StreamIds.CalendarYear(year),
                new CalendarYearLoaded(year, reader.GetFieldValue<LocalDate[]>(1), reader.GetFieldValue<LocalDate[]>(2), reader.GetString(3)));
            action.Events[0].Timestamp = reader.GetFieldValue<DateTimeOffset>(4);
            await session.SaveChangesAsync(ct);
            count++;
        }

        return count;
    }

    private static async Task<int> CopyNotificationsAsync(CaseFlowApp app, CancellationToken ct)
    {
        if (!await TableExistsAsync(app, "cf.notifications", ct))
        {
            return 0;
        }

        var notifications = new List<Notification>();
        await using (var command = app.DataSource.Command("select user_name, agency, kind, title, body, link, dedup_key, created_at, read_at from cf.notifications"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                notifications.Add(new Notification
                {
                    Id = Notification.IdOf(reader.GetString(0), reader.GetString(6)),
                    UserName = reader.GetString(0),
                    Agency = reader.GetString(1),
                    Kind = reader.GetString(2),
                    Title = reader.GetString(3),
                    Body = reader.GetString(4),
                    Link = reader.GetStringOrNull(5),
                    DedupKey = reader.GetString(6),
                    CreatedAt = reader.GetFieldValue<Instant>(7),
                    ReadAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<Instant>(8),
                });
            }
        }

        if (notifications.Count > 0)
        {
            await using var session = app.Store.LightweightSession();
            session.Store(notifications.ToArray());
            await session.SaveChangesAsync(ct);
        }

        return notifications.Count;
    }

    private static async Task<int> CopyCommandKeysAsync(CaseFlowApp app, CancellationToken ct)
    {
        var keys = new List<(string Tenant, CommandRecord Record)>();
        await using (var command = app.DataSource.Command("select tenant_id, id, stream_id, version, recorded_at from es.commands"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                // The earlier store kept no payload hash: such a key matches on its stream alone (CommandRecord.Legacy).
                keys.Add((reader.GetString(0), new CommandRecord
                {
                    Id = reader.GetString(1),
                    StreamId = reader.GetGuid(2),
                    Version = reader.GetInt64(3),
                    PayloadHash = CommandRecord.Legacy,
                    RecordedAt = reader.GetFieldValue<Instant>(4),
                }));
            }
        }

        foreach (var tenant in keys.GroupBy(k => k.Tenant))
        {
            await using var session = app.Store.LightweightSession(tenant.Key);
            session.Store(tenant.Select(k => k.Record).ToArray());
            await session.SaveChangesAsync(ct);
        }

        return keys.Count;
    }

    private static async Task RebuildAsync(CaseFlowApp app, IProgress<StoreMigrationProgress>? progress, CancellationToken ct)
    {
        var names = Rebuilding.Names(app);
        for (var i = 0; i < names.Count; i++)
        {
            progress?.Report(new StoreMigrationProgress($"rebuild {names[i]}", i, names.Count));
            await Rebuilding.RebuildAsync(app, names[i], null, ct);
        }

        progress?.Report(new StoreMigrationProgress("rebuild", names.Count, names.Count));
    }

    /// <summary>Counts, each event's stream, version, type and data, and a content hash over both copies.</summary>
    private static async Task<string> VerifyAsync(CaseFlowApp app, long streams, long events, CancellationToken ct)
    {
        await using var command = app.DataSource.Command(
            """
            select (select count(*) from es.mt_events n where n.type not like 'user.%' and n.type not like 'calendar.%'),
                   (select count(*) from es.mt_streams s where not exists (select 1 from es.mt_events n where n.stream_id = s.id and n.tenant_id = s.tenant_id
                                                                             and (n.type like 'user.%' or n.type like 'calendar.%'))),
                   (select count(*) from es.events o left join es.mt_events n on n.id = o.id
                     where n.id is null or n.tenant_id <> o.tenant_id or n.stream_id <> o.stream_id or n.version <> o.version
                        or n.type <> o.type or n.data <> o.data),
                   (select md5(string_agg(concat_ws('|', o.tenant_id, o.stream_id, o.version, o.type, o.data::text), E'\n' order by o.tenant_id, o.stream_id, o.version))
                      from es.events o),
                   (select md5(string_agg(concat_ws('|', n.tenant_id, n.stream_id, n.version, n.type, n.data::text), E'\n' order by n.tenant_id, n.stream_id, n.version))
                      from es.mt_events n where n.type not like 'user.%' and n.type not like 'calendar.%')
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (copiedEvents, copiedStreams, mismatched) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        var (before, after) = (reader.GetStringOrNull(3) ?? "", reader.GetStringOrNull(4) ?? "");
        if (copiedEvents != events || copiedStreams != streams || mismatched != 0 || before != after)
        {
            throw new InvalidOperationException(
                $"The copy does not match the earlier store: events {copiedEvents}/{events}, streams {copiedStreams}/{streams}, differing events {mismatched}, hash {after} vs {before}. Nothing was recorded; the earlier tables are untouched.");
        }

        return after;
    }

    /// <summary>The reminders of every deadline still ahead, planned afresh (the earlier store's jobs are not copied).</summary>
    private static async Task<(int Reminders, int Mails)> ReplanAsync(CaseFlowApp app, CancellationToken ct)
    {
        var reminders = 0;
        var context = app.DecisionContext();
        foreach (var agency in await AgencyDirectory.AllAsync(app, ct))
        {
            await using var session = app.Store.LightweightSession(agency.Code);
            var messages = new List<ScheduledMessage>();
            foreach (var file in await session.Query<RequestFile>().ToListAsync(ct))
            {
                messages.AddRange(ReminderPlan.ForRequest(agency.Code, file.State, context, app.Settings.Reminders, app.Zone));
            }

            foreach (var doc in await session.Query<Reviews.GettingCases.CaseFile>().ToListAsync(ct))
            {
                messages.AddRange(doc.Review is { } review
                    ? ReminderPlan.ForReview(agency.Code, review, context, app.Settings.Reminders, app.Zone)
                    : ReminderPlan.ForLawsuit(agency.Code, doc.Lawsuit!, context, app.Settings.Reminders, app.Zone));
            }

            if (messages.Count > 0)
            {
                await app.ScheduleAsync(session, agency.Code, messages);
                await session.SaveChangesAsync(ct);
                reminders += messages.Count;
            }
        }

        // Mails that were waiting to be sent are sent; everything else the earlier job table held is re-planned above.
        var mails = 0;
        await using (var command = app.DataSource.Command("select tenant_id, payload::text from es.jobs where kind = 'mail.send' and status in ('pending', 'running')"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var payload = JsonSerializer.Deserialize<MailPayload>(reader.GetString(1), app.Json)!;
                await using var session = app.Store.LightweightSession(reader.GetString(0));
                await app.ScheduleAsync(session, reader.GetString(0), [new ScheduledMessage(new SendMail(payload), app.Clock.GetCurrentInstant())]);
                await session.SaveChangesAsync(ct);
                mails++;
            }
        }

        return (reminders, mails);
    }

    private static async Task<bool> TableExistsAsync(CaseFlowApp app, string table, CancellationToken ct)
    {
        await using var command = app.DataSource.Command("select to_regclass($1) is not null", Db.Param(table));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
