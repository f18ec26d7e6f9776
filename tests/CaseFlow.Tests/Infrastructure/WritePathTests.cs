using CaseFlow.Agencies.Registering;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Infrastructure;

/// <summary>The one write path on Marten: tenancy, queueing writers, creation races, If-Match and idempotency keys.</summary>
public sealed class WritePathTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly Actor s_officer = new("li.na", "李娜");

    private async Task AgencyAsync(string code) =>
        (await AgencyRegistration.HandleAsync(fx.App, Actor.System, new RegisterAgencyBody(code, $"{code} 局", null, null), WriteOptions.None, default))
            .ShouldBeOfType<CommandOutcome.Applied>();

    private Task<CommandOutcome> ReceiveAsync(string agency, string reference, WriteOptions? options = null) =>
        Receiving.HandleAsync(fx.App, s_officer, agency, new ReceiveRequestBody(reference, D(2026, 6, 29), "in-person", new ApplicantBody("natural-person", "张三")),
            options ?? WriteOptions.None, default);

    // An officer named in an assignment must be an officer account of the agency, and user names are unique across
    // agencies: "zhou" of agency "keys" is the account "zhou.keys", created once, on first use.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _officers = new();

    private static string Account(string agency, string officer) => $"{officer}.{agency}";

    private Task EnsureOfficerAsync(string agency, string officer) =>
        _officers.GetOrAdd(Account(agency, officer), name => new Lazy<Task>(() =>
            CaseFlow.Users.UserAccounts.CreateAsync(fx.App, name, agency, officer, "password-123", [CaseFlow.Users.Role.Officer]))).Value;

    private async Task<CommandOutcome> AssignAsync(string agency, string reference, string officer, WriteOptions? options = null)
    {
        await EnsureOfficerAsync(agency, officer);
        return await Assigning.HandleAsync(fx.App, s_officer, agency, reference, new AssignOfficerBody(Account(agency, officer), D(2026, 6, 30)), options ?? WriteOptions.None, default);
    }

    [Fact]
    public async Task An_agency_sees_only_its_own_streams_and_documents_even_with_the_same_reference()
    {
        await AgencyAsync("tenant-a");
        await AgencyAsync("tenant-b");
        (await ReceiveAsync("tenant-a", "2026-001")).ShouldBeOfType<CommandOutcome.Applied>();
        (await ReceiveAsync("tenant-b", "2026-001")).ShouldBeOfType<CommandOutcome.Applied>();
        (await AssignAsync("tenant-b", "2026-001", "wang")).ShouldBeOfType<CommandOutcome.Applied>();

        // The stream id includes the agency; and a session of one agency does not see the other's, even by id.
        await using var a = fx.App.Query("tenant-a");
        (await a.LoadAsync<RequestFile>(StreamIds.Request("tenant-b", "2026-001"))).ShouldBeNull();
        (await a.LoadAsync<RequestFile>(StreamIds.Request("tenant-a", "2026-001")))!.Officer.ShouldBeNull();
        (await a.Events.FetchStreamAsync(StreamIds.Request("tenant-b", "2026-001"))).ShouldBeEmpty();
        (await fx.EventsAsync("tenant-a")).Select(e => e.EventTypeName).ShouldBe(["agency.registered.v1", "request.received.v1"]);
        (await fx.EventsAsync("tenant-b")).Select(e => e.EventTypeName).ShouldBe(["agency.registered.v1", "request.received.v1", "user.created.v1", "request.officer-assigned.v1"]);
    }

    [Fact]
    public async Task Every_event_records_who_which_command_and_which_correlation()
    {
        await AgencyAsync("meta");
        await ReceiveAsync("meta", "M-1", new WriteOptions("import-line-7", CorrelationId: "import:7", PayloadHash: "p7"));

        var received = (await fx.StreamAsync("meta", StreamIds.Request("meta", "M-1"))).Single();
        received.UserName.ShouldBe("li.na");
        received.CorrelationId.ShouldBe("import:7");
        received.GetHeader(EventHeaders.CommandId)?.ToString().ShouldBe("import-line-7");
        received.EventTypeName.ShouldBe("request.received.v1");
    }

    [Fact]
    public async Task Sixteen_concurrent_writers_on_one_request_queue_and_all_apply_none_overwritten()
    {
        await AgencyAsync("queue");
        await ReceiveAsync("queue", "Q-1");

        var officers = Enumerable.Range(1, 16).Select(i => $"officer-{i:D2}").ToList();
        await Task.WhenAll(officers.Select(o => EnsureOfficerAsync("queue", o)));
        var outcomes = await Task.WhenAll(officers.Select(o => Task.Run(() => AssignAsync("queue", "Q-1", o))));

        outcomes.ShouldAllBe(o => o is CommandOutcome.Applied);
        outcomes.Select(o => o.Version).Order().ShouldBe(Enumerable.Range(2, 16).Select(v => (long)v));
        var assigned = (await fx.StreamAsync("queue", StreamIds.Request("queue", "Q-1"))).Select(e => e.Data).OfType<OfficerAssigned>().Select(a => a.Officer);
        assigned.Order().ShouldBe(officers.Select(o => Account("queue", o)));
    }

    [Fact]
    public async Task Eight_concurrent_creators_of_one_request_one_wins_and_seven_are_told_it_exists()
    {
        await AgencyAsync("race");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReceiveAsync("race", "R-1"))));

        outcomes.OfType<CommandOutcome.Applied>().Count().ShouldBe(1);
        outcomes.OfType<CommandOutcome.Rejected>().ShouldAllBe(r => r.Code == "request.already-received" && r.Kind == RejectionKind.Conflict);
        outcomes.OfType<CommandOutcome.Rejected>().Count().ShouldBe(7);
        (await fx.StreamAsync("race", StreamIds.Request("race", "R-1"))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_as_a_failed_precondition_and_writes_nothing()
    {
        await AgencyAsync("ifmatch");
        await ReceiveAsync("ifmatch", "I-1");
        (await AssignAsync("ifmatch", "I-1", "zhou", new WriteOptions(IfMatch: 1))).Version.ShouldBe(2);

        var stale = (await AssignAsync("ifmatch", "I-1", "wu", new WriteOptions(IfMatch: 1))).ShouldBeOfType<CommandOutcome.Rejected>();

        stale.Code.ShouldBe("version.mismatch");
        stale.Kind.ShouldBe(RejectionKind.PreconditionFailed);
        stale.Version.ShouldBe(2);
        (await fx.StreamAsync("ifmatch", StreamIds.Request("ifmatch", "I-1"))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_applies_once_is_refused_with_another_payload_or_stream_and_is_per_agency()
    {
        await AgencyAsync("keys");
        await AgencyAsync("keys-other");
        await ReceiveAsync("keys", "K-1");
        await ReceiveAsync("keys", "K-2");
        var key = new WriteOptions("k1", PayloadHash: "assign zhou");

        (await AssignAsync("keys", "K-1", "zhou", key)).ShouldBeOfType<CommandOutcome.Applied>().Version.ShouldBe(2);
        (await AssignAsync("keys", "K-1", "zhou", key)).ShouldBe(new CommandOutcome.AlreadyApplied(StreamIds.Request("keys", "K-1"), 2));

        var otherPayload = (await AssignAsync("keys", "K-1", "wu", key with { PayloadHash = "assign wu" })).ShouldBeOfType<CommandOutcome.Rejected>();
        otherPayload.Code.ShouldBe("command.key-reused");
        otherPayload.Kind.ShouldBe(RejectionKind.Conflict);
        var otherStream = (await AssignAsync("keys", "K-2", "zhou", key)).ShouldBeOfType<CommandOutcome.Rejected>();
        otherStream.Code.ShouldBe("command.key-reused");

        await ReceiveAsync("keys-other", "K-1");
        (await AssignAsync("keys-other", "K-1", "zhou", key)).ShouldBeOfType<CommandOutcome.Applied>();
        (await fx.StreamAsync("keys", StreamIds.Request("keys", "K-1"))).Count.ShouldBe(2);
        (await fx.StreamAsync("keys", StreamIds.Request("keys", "K-2"))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Eight_concurrent_uses_of_one_key_apply_once()
    {
        await AgencyAsync("keys-race");
        await ReceiveAsync("keys-race", "KR-1");
        var key = new WriteOptions("k2", PayloadHash: "same");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => AssignAsync("keys-race", "KR-1", "zhou", key))));

        outcomes.OfType<CommandOutcome.Applied>().Count().ShouldBe(1);
        outcomes.OfType<CommandOutcome.AlreadyApplied>().Count().ShouldBe(7);
        (await fx.StreamAsync("keys-race", StreamIds.Request("keys-race", "KR-1"))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_rejected_command_writes_nothing_not_its_key_nor_its_reminders()
    {
        await AgencyAsync("reject");
        await ReceiveAsync("reject", "X-1");
        var before = (await fx.Host.ScheduledAsync()).Count;

        var rejected = (await Answering.HandleAsync(fx.App, s_officer, "reject", "X-1", new AnswerRequestBody(D(2026, 6, 1), "disclosed"),
            new WriteOptions("answer-early", PayloadHash: "x"), default)).ShouldBeOfType<CommandOutcome.Rejected>();

        rejected.Kind.ShouldBe(RejectionKind.Rule);
        (await fx.StreamAsync("reject", StreamIds.Request("reject", "X-1"))).Count.ShouldBe(1);
        (await fx.Host.ScheduledAsync()).Count.ShouldBe(before);
        // The key was not spent: the corrected command under the same key applies.
        (await Answering.HandleAsync(fx.App, s_officer, "reject", "X-1", new AnswerRequestBody(D(2026, 6, 30), "disclosed"),
            new WriteOptions("answer-early", PayloadHash: "x"), default)).ShouldBeOfType<CommandOutcome.Applied>();
    }
}
