using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Notifications;
using CaseFlow.Reminders;
using CaseFlow.Requests;
using CaseFlow.Testing;
using CaseFlow.Users;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reminders;

/// <summary>Reminders as durable Wolverine messages against a real database, a settable clock and a local SMTP sink.</summary>
public sealed class ReminderJobTests(ReminderJobTests.Fixture fx) : IClassFixture<ReminderJobTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TestDatabase _database = new();

        public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 6, 29, 2, 0));
        public SmtpSink Smtp { get; } = new();
        public TestHost Host { get; private set; } = null!;
        public CaseFlowApp App => Host.App;

        public async Task InitializeAsync()
        {
            await _database.InitializeAsync();
            Host = await StartAsync();
        }

        public Task<TestHost> StartAsync() => TestHost.StartAsync(new CaseFlowSettings(_database.ConnectionString)
        {
            Mail = new MailSettings("127.0.0.1", Smtp.Port, "caseflow@test.example"),
        }, Clock);

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Smtp.DisposeAsync();
            await _database.DisposeAsync();
        }

        /// <summary>Runs the messages due by the test's clock until none is left (reminders schedule mail).</summary>
        public Task RunDueAsync(TestHost? host = null) => (host ?? Host).RunDueMessagesAsync();

        public void At(LocalDate day, int hour, int minute = 0) =>
            Clock.Set(day.At(new LocalTime(hour, minute)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());

        public async Task ImportAsync(params string[] lines)
        {
            var summary = await JsonlImport.RunAsync(App, Actor.Cli(), new StringReader(string.Join("\n", lines.Select(l => l.Replace('\'', '"')))), false, _ => { }, default);
            summary.Rejected.ShouldBe(0);
        }

        public async Task AgencyAsync(string code, params (string User, Role[] Roles, string? Email)[] users)
        {
            await ImportAsync($"{{'command':'register-agency','agency':'{code}','name':'提醒测试局'}}");
            foreach (var (user, roles, email) in users)
            {
                await UserAccounts.CreateAsync(App, user, code, user, "password-123", roles, email);
            }
        }

        public async Task<IReadOnlyList<Notification>> InboxAsync(string user) => await Inbox.ListAsync(App, user, false, 100, default);
    }

    [Fact]
    public async Task The_answer_reminder_fires_once_on_its_working_day_by_mail_too_and_never_after_the_request_is_answered()
    {
        fx.At(D(2026, 6, 29), 10);
        await fx.AgencyAsync("rem", ("li", [Role.Officer], "li@example.gov.cn"), ("wang", [Role.Officer], "wang@example.gov.cn"));
        await fx.ImportAsync("{'command':'receive','agency':'rem','request':'R1','receivedOn':'2026-06-29','channel':'in-person','officer':'li','applicant':{'type':'natural-person','name':'张三'}}");
        // Received Monday 2026-06-29: the answer is due 2026-07-27; five working days before is 2026-07-20.
        // (20 working days from Tuesday 06-30, no holiday in July: 06-30 … 07-03, then three weeks, then 07-27.)

        fx.At(D(2026, 7, 20), 7, 59);
        await fx.RunDueAsync();
        (await fx.InboxAsync("li")).Where(n => n.Kind == "reminder.answer").ShouldBeEmpty();

        fx.At(D(2026, 7, 20), 8, 1);
        await fx.RunDueAsync();
        await fx.RunDueAsync();
        var soon = (await fx.InboxAsync("li")).Where(n => n.Kind == "reminder.answer").ToList();
        soon.Count.ShouldBe(1);
        soon[0].Title.ShouldBe("申请 R1：答复期限还有 5 个工作日（2026-07-27）");
        soon[0].Link.ShouldBe("/requests/R1");
        (await fx.InboxAsync("wang")).ShouldBeEmpty(); // the assigned officer only
        fx.Smtp.Messages.ShouldContain(m => m.To.Contains("li@example.gov.cn") && m.Subject == "申请 R1：答复期限还有 5 个工作日（2026-07-27）" && m.Body.Contains("答复期限为 2026-07-27"));

        await fx.ImportAsync("{'command':'answer','agency':'rem','request':'R1','on':'2026-07-20','outcome':'disclosed'}");
        fx.At(D(2026, 7, 28), 9);
        await fx.RunDueAsync();
        (await fx.InboxAsync("li")).Where(n => n.Kind == "reminder.answer").Count().ShouldBe(1);
        (await fx.Host.ScheduledAsync()).Where(m => m.Message is SendReminder).ShouldNotContain(m => m.DueAt <= fx.Clock.GetCurrentInstant());
    }

    [Fact]
    public async Task Reminder_jobs_survive_a_restart_of_the_app()
    {
        fx.At(D(2026, 6, 29), 10);
        await fx.AgencyAsync("restart", ("zhou", [Role.Officer], null));
        await fx.ImportAsync("{'command':'receive','agency':'restart','request':'R2','receivedOn':'2026-06-29','channel':'in-person','officer':'zhou','applicant':{'type':'natural-person','name':'李四'}}");

        // A new process on the same database: the scheduled messages are rows, not timers in memory.
        await using (var restarted = await fx.StartAsync())
        {
            fx.At(D(2026, 7, 20), 9);
            await fx.RunDueAsync(restarted);
        }

        (await fx.InboxAsync("zhou")).ShouldContain(n => n.Title == "申请 R2：答复期限还有 5 个工作日（2026-07-27）");
    }

    [Fact]
    public async Task A_reminder_with_no_officer_to_receive_it_goes_to_the_administrators_and_is_kept_for_their_screen()
    {
        fx.At(D(2026, 6, 29), 10);
        // The agency's only officer is disabled: no one is left to be reminded.
        await fx.AgencyAsync("unrouted", ("unrouted.admin", [Role.Admin], null), ("unrouted.gone", [Role.Officer], null));
        await UserAccounts.UpdateAsync(fx.App, "unrouted.gone", "unrouted.gone", [Role.Officer], disabled: true);
        await fx.ImportAsync("{'command':'receive','agency':'unrouted','request':'U1','receivedOn':'2026-06-29','channel':'in-person','applicant':{'type':'natural-person','name':'张三'}}");

        fx.At(D(2026, 7, 20), 9);
        await fx.RunDueAsync();

        (await fx.InboxAsync("unrouted.gone")).ShouldBeEmpty();
        (await fx.InboxAsync("unrouted.admin")).ShouldContain(n => n.Title == "申请 U1：答复期限还有 5 个工作日（2026-07-27）");
        var kept = (await UnroutedReminders.ListAsync(fx.App, ["unrouted"], 10, default)).ShouldHaveSingleItem();
        kept.Title.ShouldBe("申请 U1：答复期限还有 5 个工作日（2026-07-27）");
        kept.Reason.ShouldBe("本机关没有启用的办理人员账号");
        kept.Link.ShouldBe("/requests/U1");
    }

    [Fact]
    public async Task A_passed_correction_deadline_prompts_the_officer_and_the_request_is_not_closed_silently()
    {
        fx.At(D(2026, 6, 29), 10);
        await fx.AgencyAsync("lapse", ("qian", [Role.Officer], null));
        await fx.ImportAsync(
            "{'command':'receive','agency':'lapse','request':'R3','receivedOn':'2026-06-29','channel':'in-person','officer':'qian','applicant':{'type':'natural-person','name':'王五'}}",
            "{'command':'request-clarification','agency':'lapse','request':'R3','on':'2026-06-29','replyBy':'2026-07-10'}");

        fx.At(D(2026, 7, 13), 8, 30);
        await fx.RunDueAsync();
        var prompt = (await fx.InboxAsync("qian")).Single(n => n.Kind == "reminder.applicant-clarification");
        prompt.Title.ShouldBe("申请 R3：申请人补正期限已过（2026-07-10）");
        prompt.Body.ShouldContain("逾期不补正");
        await using var query = fx.App.Query("lapse");
        (await query.LoadAsync<CaseFlow.Requests.GettingDetails.RequestFile>(StreamIds.Request("lapse", "R3")))!.State.Status.ShouldBe(RequestStatus.AwaitingClarification);
    }

    [Fact]
    public async Task The_daily_digest_lists_an_officers_overdue_requests_and_counts_none_due_soon()
    {
        fx.At(D(2026, 6, 29), 10);
        await fx.AgencyAsync("digest", ("sun", [Role.Officer], null), ("idle", [Role.Officer], null));
        await fx.ImportAsync(
            "{'command':'receive','agency':'digest','request':'OLD','receivedOn':'2026-05-06','channel':'in-person','officer':'sun','applicant':{'type':'natural-person','name':'赵六'}}",
            "{'command':'receive','agency':'digest','request':'NEW','receivedOn':'2026-06-29','channel':'in-person','officer':'sun','applicant':{'type':'natural-person','name':'钱七'}}");

        (await Recurring.DigestAsync(fx.App, "digest", fx.App.Today, default)).ShouldBe(1);
        var digest = (await fx.InboxAsync("sun")).Single(n => n.Kind == "digest");
        digest.Title.ShouldBe("每日待办 2026-06-29：逾期 1 件，即将到期 0 件");
        digest.Body.ShouldContain("OLD 答复期限 2026-06-02（已逾期 18 个工作日）"); // 20 working days from 05-06, with the 05-09 make-up day
        digest.Body.ShouldNotContain("NEW");
        (await fx.InboxAsync("idle")).ShouldBeEmpty();
    }

    [Fact]
    public async Task On_the_first_of_January_the_reporting_role_is_asked_to_close_the_year_and_admins_warned_of_a_missing_calendar()
    {
        fx.At(D(2026, 6, 29), 10);
        await fx.AgencyAsync("ye", ("report", [Role.Reporting], null), ("boss", [Role.Admin], null));
        await fx.ImportAsync("{'command':'receive','agency':'ye','request':'Y1','receivedOn':'2026-06-29','channel':'in-person','applicant':{'type':'natural-person','name':'孙八'}}");
        await Recurring.EnsureAsync(fx.App, default);

        fx.At(D(2027, 1, 1), 8, 5);
        await fx.RunDueAsync();
        var proposal = (await fx.InboxAsync("report")).Single(n => n.Kind == "year-end");
        proposal.Title.ShouldBe("请确认 2026 年度关账");
        proposal.Body.ShouldContain("年末仍在办理的 1 件申请");
        proposal.Link.ShouldBe("/reports?year=2026");
        (await fx.InboxAsync("boss")).ShouldContain(n => n.Title == "2027 年节假日安排尚未载入");
        // Nothing closed by itself; the next proposal is chained for the following year.
        (await CaseFlow.Reporting.Closing.AnnualReportVersions.LatestAsync(fx.App, "ye", 2026, default)).ShouldBeNull();
        (await fx.Host.ScheduledAsync()).Select(m => m.Message).OfType<ProposeYearEndClose>().ShouldContain(new ProposeYearEndClose("ye", D(2028, 1, 1)));
    }
}
