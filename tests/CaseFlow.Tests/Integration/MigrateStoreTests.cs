using System.Text.Json.Nodes;
using CaseFlow.Infrastructure;
using CaseFlow.Letters;
using CaseFlow.Notifications;
using CaseFlow.Reminders;
using CaseFlow.Testing;
using CaseFlow.Users;
using NodaTime;
using Npgsql;

namespace CaseFlow.Tests.Integration;

/// <summary>
/// A database written by the earlier, home-made store (Fixtures/legacy-store, made with commit 56ff355) upgraded by
/// <c>migrate-store</c>: every stream and event kept, the read models rebuilt, the CLI giving the same answers as the
/// earlier build did, accounts, templates, calendar years, notifications and idempotency keys carried over.
/// </summary>
public sealed class MigrateStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    private static string Fixture(string name) => Path.Combine(TestDatabase.RepositoryRoot(), "tests", "CaseFlow.Tests", "Fixtures", "legacy-store", name);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        // The dump as pg_dump wrote it (plain SQL with INSERTs), on a connection of its own: it clears the search path.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var load = new NpgsqlCommand(await File.ReadAllTextAsync(Fixture("legacy-store.sql")), connection);
        await load.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    [Fact]
    public async Task The_upgraded_store_answers_as_the_earlier_one_did_and_a_second_run_does_nothing()
    {
        // Before the upgrade, CaseFlow refuses to run on the earlier store's data rather than show an empty system.
        var refused = await Processes.CliAsync(_database.ConnectionString, "agencies", "list");
        refused.ExitCode.ShouldBe(3);
        refused.Errors.ShouldContain("store.not-migrated");
        refused.Errors.ShouldContain("migrate-store");

        var migrated = await Processes.CliAsync(_database.ConnectionString, "migrate-store");
        migrated.ExitCode.ShouldBe(0, migrated.Errors);
        migrated.Output.ShouldContain("migrated 21 streams and 64 events");
        migrated.Output.ShouldContain("3 accounts, 1 template versions, 1 calendar years, 3 notifications");
        migrated.Output.ShouldContain("checked: counts, every event's data, content hash");

        var again = await Processes.CliAsync(_database.ConnectionString, "migrate-store");
        again.ExitCode.ShouldBe(0);
        again.Output.ShouldContain("already migrated: 21 streams, 64 events");

        // The same answers as the earlier build gave for this database (its CLI's output, kept beside the dump).
        foreach (var (args, file) in new (string[] Args, string File)[]
        {
            (["report", "annual", "--agency", "fx-health", "--year", "2025", "--format", "json"], "report-fx-health-2025.json"),
            (["report", "annual", "--agency", "fx-gov", "--year", "2026", "--include-children", "--format", "json"], "report-fx-gov-2026-with-children.json"),
            (["requests", "list", "--agency", "fx-health", "--as-of", "2026-03-16", "--format", "json"], "requests-fx-health-as-of-2026-03-16.json"),
            (["report", "trace", "--agency", "fx-health", "--year", "2025", "--row", "carried-out", "--format", "json"], "trace-fx-health-2025-carried-out.json"),
        })
        {
            var result = await Processes.CliAsync(_database.ConnectionString, args);
            result.ExitCode.ShouldBe(0, result.Errors);
            JsonNode.DeepEquals(Json(result.Output), Json(await File.ReadAllTextAsync(Fixture(file)))).ShouldBeTrue($"{string.Join(' ', args)} differs from {file}:\n{result.Output}");
        }

        // Re-running the import that made the data finds every line applied: the idempotency keys came across.
        var reimport = await Processes.CliAsync(_database.ConnectionString, "import", Fixture("import-lines.jsonl"));
        reimport.ExitCode.ShouldBe(0, reimport.Errors);
        reimport.Output.Trim().ShouldBe("applied 0, skipped 55, rejected 0");
    }

    [Fact]
    public async Task Accounts_sign_in_with_their_old_passwords_and_templates_calendar_notifications_and_reminders_come_across()
    {
        // On the fixture's business day (2026-03-16), when its deadlines were still ahead.
        var clock = SettableClock.At(2026, 3, 16, 2);
        await using (var migrating = await TestHost.StartAsync(new CaseFlowSettings(_database.ConnectionString) { AllowLegacyStore = true }, clock))
        {
            var result = await StoreMigration.MigrateAsync(migrating.App, null, default);
            result.Events.ShouldBe(64);
            result.RemindersPlanned.ShouldBeGreaterThan(0);
        }

        await using var host = await TestHost.StartAsync(new CaseFlowSettings(_database.ConnectionString), clock);
        var app = host.App;

        var (outcome, user) = await UserAccounts.SignInAsync(app, "wu.fang", "fixture-pass-1");
        outcome.ShouldBe(SignInOutcome.Succeeded);
        user!.Roles.ShouldBe(new HashSet<Role> { Role.Officer, Role.Approver }, ignoreOrder: true);
        (await UserAccounts.FindAsync(app, "sun.li"))!.Roles.ShouldBe(new HashSet<Role> { Role.Legal, Role.Auditor }, ignoreOrder: true);
        (await UserAccounts.SignInAsync(app, "gov.admin", "wrong-password")).Result.ShouldBe(SignInOutcome.Failed);

        var template = await LetterTemplates.CurrentAsync(app, "fx-health", "receipt", default);
        template.Version.ShouldBe(1);
        template.Body.ShouldEndWith("（本机关自定义：请保留回执。）");
        template.SavedBy.ShouldBe("wu.fang");

        app.Calendar.Current.Covers(2027).ShouldBeTrue();
        app.Calendar.Current.IsWorkingDay(new LocalDate(2027, 10, 4)).ShouldBeFalse();
        app.Calendar.Current.IsWorkingDay(new LocalDate(2027, 9, 26)).ShouldBeTrue(); // a Sunday made a working day

        var inbox = await Inbox.ListAsync(app, "wu.fang", false, 50, default);
        inbox.ShouldContain(n => n.Title == "欢迎使用" && n.Kind == "notice");
        inbox.ShouldContain(n => n.Kind == "reminder.clarification-notice");
        // Delivering the same message again reaches nobody twice (the dedup keys came across).
        (await Inbox.DeliverAsync(app, new Message("fx-health", "notice", "欢迎使用", "测试通知", "/", "fixture:welcome"), await UserAccounts.ListAsync(app, "fx-health"), default)).ShouldBe(0);

        // The open deadlines have their reminders again (the earlier job table is not copied, it is re-planned).
        (await host.ScheduledAsync()).Select(m => m.Message).OfType<SendReminder>().ShouldContain(r => r.Reminder.Agency == "fx-health" && r.Reminder.Reference == "2026-004");
    }
}
