using System.Text.Json.Nodes;
using CaseFlow.Demo;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.Listing;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Integration;

public sealed class ImportTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static async Task<(ImportSummary Summary, List<ImportLineResult> Lines)> ImportAsync(AppFixture fx, IEnumerable<string> lines, bool stopOnError = false)
    {
        var results = new List<ImportLineResult>();
        var summary = await JsonlImport.RunAsync(fx.App, Actor.Cli(), new StringReader(string.Join("\n", lines)), stopOnError, results.Add, CancellationToken.None);
        return (summary, results);
    }

    private static string Line(string json) => json.Replace('\'', '"');

    [Fact]
    public async Task A_few_hundred_realistic_requests_import_with_a_broad_mix_of_facts_and_a_rerun_changes_nothing()
    {
        var agency = "import-big";
        var lines = new List<string> { Line($"{{'command':'register-agency','agency':'{agency}','name':'聊城市卫生健康委员会'}}") };
        lines.AddRange(new RequestScenarios(RequestSpec.Calendar, seed: 7)
            .Requests(agency, 320, D(2024, 1, 2), D(2026, 6, 20), fx.App.Today)
            .Select(l => l.ToJsonString()));

        var (first, firstLines) = await ImportAsync(fx, lines);

        firstLines.Where(l => l.Status == ImportLineStatus.Rejected).ShouldBeEmpty();
        first.ShouldBe(new ImportSummary(lines.Count, 0, 0));
        (await fx.RequestFileCountAsync(agency)).ShouldBe(320);
        var types = (await fx.EventsAsync(agency)).Select(e => e.EventTypeName).Distinct().Order(StringComparer.Ordinal).ToList();

        types.ShouldBe(
        [
            "agency.registered.v1", "request.answered.v1", "request.clarification-lapsed.v1", "request.clarification-requested.v1",
            "request.consultation-ended.v1", "request.consultation-started.v1", "request.corrected-request-received.v1",
            "request.extension-approved.v1", "request.fee-lapsed.v1", "request.fee-notice-issued.v1", "request.fee-paid.v1",
            "request.received.v1", "request.volume-reasons-requested.v1", "request.withdrawn.v1",
        ]);
        var events = await fx.EventCountAsync(agency);

        var (second, _) = await ImportAsync(fx, lines);

        second.ShouldBe(new ImportSummary(0, lines.Count, 0));
        (await fx.EventCountAsync(agency)).ShouldBe(events);
    }

    [Fact]
    public async Task Bad_lines_are_rejected_with_their_number_code_and_message_and_write_nothing()
    {
        var lines = new[]
        {
            Line("{'command':'register-agency','agency':'import-bad','name':'某局'}"),
            Line("{'command':'receive','agency':'import-bad','request':'A-1','receivedOn':'2025-09-26','channel':'online','applicant':{'type':'natural-person','name':'张三'}}"),
            "{ this is not json",
            Line("{'command':'fly','agency':'import-bad','request':'A-1'}"),
            Line("{'command':'receive','request':'A-2','receivedOn':'2025-09-26','channel':'online','applicant':{'type':'natural-person','name':'李四'}}"),
            Line("{'command':'receive','agency':'nowhere','request':'A-3','receivedOn':'2025-09-26','channel':'online','applicant':{'type':'natural-person','name':'王五'}}"),
            Line("{'command':'receive','agency':'import-bad','request':'A-4','receivedOn':'2025-09-31','channel':'online','applicant':{'type':'natural-person','name':'赵六'}}"),
            Line("{'command':'receive','agency':'import-bad','request':'A-5','receivedOn':'2026-07-01','channel':'online','applicant':{'type':'natural-person','name':'钱七'}}"),
            Line("{'command':'receive','agency':'import-bad','request':'A-6','receivedOn':'2025-09-26','channel':'pigeon','applicant':{'type':'alien','name':''}}"),
            Line("{'command':'answer','agency':'import-bad','request':'A-1','on':'2025-10-20','outcome':'granted'}"),
            Line("{'command':'answer','agency':'import-bad','request':'A-1','on':'2025-10-20','outcome':'disclosed'}"),
            Line("{'command':'answer','agency':'import-bad','request':'A-1','on':'2025-10-21','outcome':'unable-not-held'}"),
            Line("{'command':'extend','agency':'import-bad','request':'A-9','on':'2025-10-01','workingDays':5,'approvedBy':'王主任'}"),
        };

        var (summary, results) = await ImportAsync(fx, lines);

        summary.ShouldBe(new ImportSummary(3, 0, 10));
        var rejected = results.Where(r => r.Status == ImportLineStatus.Rejected).ToDictionary(r => r.Line);
        rejected[3].Code.ShouldBe("input.not-json");
        rejected[4].Code.ShouldBe("input.command-unknown");
        rejected[5].Code.ShouldBe("input.invalid");
        rejected[6].Code.ShouldBe("agency.not-found");
        rejected[7].Code.ShouldBe("input.invalid-date");
        rejected[7].Message!.ShouldContain("receivedOn");
        rejected[7].Message!.ShouldContain("YYYY-MM-DD");
        rejected[7].Message!.ShouldContain("2025-09-31");
        rejected[8].Code.ShouldBe("date.in-future");
        rejected[9].Code.ShouldBe("input.invalid");
        rejected[9].Message!.ShouldContain("channel");
        rejected[9].Message!.ShouldContain("applicant.type");
        rejected[9].Message!.ShouldContain("applicant.name");
        rejected[10].Code.ShouldBe("input.invalid");
        rejected[12].Code.ShouldBe("request.concluded");
        rejected[13].Code.ShouldBe("request.not-found");
        results.Where(r => r.Status == ImportLineStatus.Rejected).ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.Message));

        // Nothing of a rejected line was written.
        (await fx.RequestFileCountAsync("import-bad")).ShouldBe(1);
        (await fx.EventCountAsync("import-bad")).ShouldBe(3);
        (await fx.EventCountAsync("nowhere")).ShouldBe(0);
    }

    [Fact]
    public async Task Stop_on_error_stops_at_the_first_rejected_line()
    {
        var lines = new[]
        {
            Line("{'command':'register-agency','agency':'import-stop','name':'某局'}"),
            Line("{'command':'receive','agency':'import-stop','request':'S-1','receivedOn':'2025-09-31','channel':'online','applicant':{'type':'natural-person','name':'张三'}}"),
            Line("{'command':'receive','agency':'import-stop','request':'S-2','receivedOn':'2025-09-26','channel':'online','applicant':{'type':'natural-person','name':'李四'}}"),
        };

        var (summary, results) = await ImportAsync(fx, lines, stopOnError: true);

        summary.ShouldBe(new ImportSummary(1, 0, 1));
        results.Count.ShouldBe(2);
        (await fx.RequestFileCountAsync("import-stop")).ShouldBe(0);
    }

    [Fact]
    public async Task A_line_is_identified_by_its_id_or_else_by_its_canonical_json()
    {
        var a = JsonNode.Parse(Line("{'command':'register-agency','agency':'import-id','name':'某局'}"))!.AsObject();
        var reordered = JsonNode.Parse(Line("{ 'name' : '某局', 'agency':'import-id',   'command':'register-agency' }"))!.AsObject();
        JsonlImport.CommandIdOf(a).ShouldBe(JsonlImport.CommandIdOf(reordered));
        JsonlImport.CommandIdOf(JsonNode.Parse(Line("{'id':'line-1','command':'x'}"))!.AsObject()).ShouldBe("line-1");

        var (first, _) = await ImportAsync(fx, [a.ToJsonString()]);
        var (second, _) = await ImportAsync(fx, [reordered.ToJsonString()]);
        first.Applied.ShouldBe(1);
        second.Skipped.ShouldBe(1);
    }

    [Fact]
    public async Task The_requests_list_shows_the_statutory_dates_as_of_a_day()
    {
        var lines = new[]
        {
            Line("{'command':'register-agency','agency':'import-list','name':'某局'}"),
            Line("{'command':'receive','agency':'import-list','request':'L-1','receivedOn':'2025-09-26','channel':'online','applicant':{'type':'natural-person','name':'张三'}}"),
            Line("{'command':'receive','agency':'import-list','request':'L-2','receivedOn':'2025-12-31','channel':'in-person','applicant':{'type':'legal-service-org','name':'某律师事务所'}}"),
            Line("{'command':'start-consultation','agency':'import-list','request':'L-2','on':'2026-01-05','party':'third-party'}"),
            Line("{'command':'end-consultation','agency':'import-list','request':'L-2','on':'2026-01-09'}"),
            Line("{'command':'answer','agency':'import-list','request':'L-2','on':'2026-01-20','items':[{'subject':'a','outcome':'disclosed'},{'subject':'b','outcome':'unable-not-held'}]}"),
        };
        (await ImportAsync(fx, lines)).Summary.Rejected.ShouldBe(0);

        var today = await RequestListing.LoadAsync(fx.App, "import-list", fx.App.Today, RequestFilter.All);
        var l1 = today.Single(r => r.Reference == "L-1");
        l1.Deadlines.Answer.Due.ShouldBe(D(2025, 10, 30));
        l1.Deadlines.ClarificationNotice.Due.ShouldBe(D(2025, 10, 13));
        var l2 = today.Single(r => r.Reference == "L-2");
        l2.State.Status.ShouldBe(CaseFlow.Requests.RequestStatus.Concluded);
        l2.State.Conclusion!.Row(fx.App.OutcomePolicies).ShouldBe(CaseFlow.Requests.Outcome.PartiallyDisclosed);
        l2.Deadlines.Answer.Due.ShouldBe(D(2026, 2, 4)); // 2026-01-29 plus the four paused working days 1-06…1-09

        // As of 2026-01-07 the consultation was still running: counted as if it ended that day.
        var then = await RequestListing.LoadAsync(fx.App, "import-list", D(2026, 1, 7), RequestFilter.All);
        var l2Then = then.Single(r => r.Reference == "L-2");
        l2Then.State.Status.ShouldBe(CaseFlow.Requests.RequestStatus.Consulting);
        l2Then.State.Conclusion.ShouldBeNull();
        l2Then.Deadlines.Answer.Due.ShouldBe(D(2026, 2, 2));
    }

    [Fact]
    public async Task A_batch_decides_each_line_on_what_the_earlier_lines_left_and_writes_exactly_the_accepted_lines()
    {
        var lines = new[]
        {
            Line("{'command':'register-agency','agency':'import-batch','name':'批量测试局'}"),
            Line("{'command':'receive','agency':'import-batch','request':'B-1','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'}}"),
            Line("{'command':'answer','agency':'import-batch','request':'B-1','on':'2026-06-10','outcome':'disclosed'}"),
            Line("{'command':'answer','agency':'import-batch','request':'B-1','on':'2026-06-11','outcome':'disclosed'}"),
            Line("{'command':'receive','agency':'import-batch','request':'B-2','receivedOn':'2026-06-02','channel':'in-person','applicant':{'type':'natural-person','name':'李四'}}"),
            Line("{'command':'answer','agency':'import-batch','request':'B-2','on':'2026-05-01','outcome':'disclosed'}"),
            Line("{'id':'same-id','command':'receive','agency':'import-batch','request':'B-3','receivedOn':'2026-06-03','channel':'in-person','applicant':{'type':'natural-person','name':'王五'}}"),
            Line("{'id':'same-id','command':'receive','agency':'import-batch','request':'B-4','receivedOn':'2026-06-03','channel':'in-person','applicant':{'type':'natural-person','name':'赵六'}}"),
            Line("{'command':'assign','agency':'import-batch','request':'B-9','officer':'batch.li','on':'2026-06-03'}"),
        };

        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "batch.li", "import-batch", "李娜", "password-123", [CaseFlow.Users.Role.Officer]);
        var (summary, results) = await ImportAsync(fx, lines);

        results.Select(r => (r.Line, r.Status, r.Code)).ShouldBe(
        [
            (1, ImportLineStatus.Applied, null), (2, ImportLineStatus.Applied, null), (3, ImportLineStatus.Applied, null),
            (4, ImportLineStatus.Rejected, "request.concluded"), // B-1 was answered by line 3, in the same batch
            (5, ImportLineStatus.Applied, null),
            (6, ImportLineStatus.Rejected, results[5].Code), // an answer before receipt
            (7, ImportLineStatus.Applied, null),
            (8, ImportLineStatus.Rejected, "command.key-reused"), // the id of line 7 with other content
            (9, ImportLineStatus.Rejected, "request.not-found"),
        ]);
        results[5].Code.ShouldNotBeNull();
        summary.ShouldBe(new ImportSummary(5, 0, 4));
        (await fx.StreamAsync("import-batch", StreamIds.Request("import-batch", "B-1"))).Select(e => e.EventTypeName).ShouldBe(["request.received.v1", "request.answered.v1"]);
        (await fx.StreamAsync("import-batch", StreamIds.Request("import-batch", "B-2"))).Count.ShouldBe(1);
        (await fx.StreamAsync("import-batch", StreamIds.Request("import-batch", "B-3"))).Count.ShouldBe(1);
        (await fx.StreamAsync("import-batch", StreamIds.Request("import-batch", "B-4"))).ShouldBeEmpty();
        (await fx.RequestFileCountAsync("import-batch")).ShouldBe(3);

        // Each event of the batch records its own line.
        var answered = (await fx.StreamAsync("import-batch", StreamIds.Request("import-batch", "B-1")))[1];
        answered.CorrelationId.ShouldBe("import:3");
        answered.GetHeader(EventHeaders.CommandId)?.ToString().ShouldBe(JsonlImport.CommandIdOf(JsonNode.Parse(lines[2])!.AsObject()));

        // Run again: the accepted lines are skipped, the rejected ones rejected again, nothing new written.
        var (again, _) = await ImportAsync(fx, lines);
        again.ShouldBe(new ImportSummary(0, 5, 4));
        (await fx.EventCountAsync("import-batch")).ShouldBe(5 + 1); // and the officer account's creation
    }

    [Fact]
    public async Task A_batch_whose_stream_changed_under_it_writes_nothing_at_commit()
    {
        await ImportAsync(fx,
        [
            Line("{'command':'register-agency','agency':'import-race','name':'并发测试局'}"),
            Line("{'command':'receive','agency':'import-race','request':'C-1','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'}}"),
        ]);
        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "li", "import-race", "李娜", "password-123", [CaseFlow.Users.Role.Officer]);
        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "wang", "import-race", "王强", "password-123", [CaseFlow.Users.Role.Officer]);

        var batch = WriteBatch.Begin(fx.App, "import-race");
        await using (batch)
        {
            (await Assigning.HandleAsync(fx.App, Actor.Cli(), "import-race", "C-1", new AssignOfficerBody("li", D(2026, 6, 2)), WriteOptions.None, default))
                .ShouldBeOfType<CommandOutcome.Applied>();
            // Another writer, outside the batch, commits on the same request before the batch does.
            Task<CommandOutcome> other;
            using (ExecutionContext.SuppressFlow())
            {
                other = Task.Run(() => Assigning.HandleAsync(fx.App, Actor.Cli(), "import-race", "C-1", new AssignOfficerBody("wang", D(2026, 6, 2)), WriteOptions.None, default));
            }
            (await other).ShouldBeOfType<CommandOutcome.Applied>();

            var failed = await Should.ThrowAsync<Exception>(() => batch.CommitAsync(default));
            Commands.IsLostRace(failed).ShouldBeTrue(failed.ToString());
        }

        var stream = await fx.StreamAsync("import-race", StreamIds.Request("import-race", "C-1"));
        stream.Select(e => e.Data).OfType<CaseFlow.Requests.OfficerAssigned>().Select(a => a.Officer).ShouldBe(["wang"]);
    }

    [Fact]
    public async Task Batches_in_flight_together_report_in_file_order_and_a_batch_on_their_streams_waits_for_them()
    {
        // 1,200 receives (batches of 500, 500, 200 go out together where disjoint), then an answer for each in reverse
        // order, which touches the streams of every receive batch, with one answer to a request never received.
        const string Agency = "import-pipe";
        var lines = new List<string> { Line($"{{'command':'register-agency','agency':'{Agency}','name':'流水测试局'}}") };
        lines.AddRange(Enumerable.Range(0, 1200).Select(i =>
            Line($"{{'command':'receive','agency':'{Agency}','request':'P-{i:D4}','receivedOn':'2026-06-01','channel':'online','applicant':{{'type':'natural-person','name':'张三'}}}}")));
        lines.AddRange(Enumerable.Range(0, 1200).Reverse().Select(i =>
            Line($"{{'command':'answer','agency':'{Agency}','request':'P-{(i == 600 ? "NONE" : $"{i:D4}")}','on':'2026-06-10','outcome':'disclosed'}}")));

        var (summary, results) = await ImportAsync(fx, lines);

        summary.ShouldBe(new ImportSummary(2400, 0, 1));
        results.Select(r => r.Line).ShouldBe(Enumerable.Range(1, 2401));
        var rejected = results.Single(r => r.Status == ImportLineStatus.Rejected);
        (rejected.Line, rejected.Code).ShouldBe((1 + 1200 + 600, "request.not-found")); // the 600th answer line, for P-0600
        (await fx.EventCountAsync(Agency)).ShouldBe(1 + 1200 + 1199);
        (await fx.StreamAsync(Agency, StreamIds.Request(Agency, "P-0600"))).Count.ShouldBe(1);
        (await fx.StreamAsync(Agency, StreamIds.Request(Agency, "P-0000"))).Select(e => e.EventTypeName).ShouldBe(["request.received.v1", "request.answered.v1"]);
    }

    [Fact]
    public async Task Lines_with_unstorable_text_or_an_officer_who_is_not_one_write_nothing()
    {
        const string Agency = "import-bounds";
        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "ib.officer", Agency, "李娜", "password-123", [CaseFlow.Users.Role.Officer]);
        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "ib.legal", Agency, "赵敏", "password-123", [CaseFlow.Users.Role.Legal]);
        var (summary, lines) = await ImportAsync(fx,
        [
            Line($"{{'command':'register-agency','agency':'{Agency}','name':'某局'}}"),
            Line($"{{'command':'receive','agency':'{Agency}','request':'B-1','receivedOn':'2026-03-02','channel':'in-person','applicant':{{'type':'natural-person','name':'张\\u0000三'}}}}"),
            Line($"{{'command':'receive','agency':'{Agency}','request':'B-2','receivedOn':'2026-03-02','channel':'in-person','applicant':{{'type':'natural-person','name':'{new string('张', 201)}'}}}}"),
            Line($"{{'command':'receive','agency':'{Agency}','request':'B-3','receivedOn':'2026-03-02','channel':'in-person','applicant':{{'type':'natural-person','name':'王五'}}}}"),
            Line($"{{'command':'assign','agency':'{Agency}','request':'B-3','officer':'nobody'}}"),
            Line($"{{'command':'assign','agency':'{Agency}','request':'B-3','officer':'ib.legal'}}"),
            Line($"{{'command':'assign','agency':'{Agency}','request':'B-3','officer':'ib.officer'}}"),
        ]);

        lines.Where(l => l.Status == ImportLineStatus.Rejected).Select(l => (l.Line, l.Code)).ShouldBe(
        [
            (2, "input.forbidden-character"), (3, "input.too-long"), (5, "officer.unknown"), (6, "officer.not-an-officer"),
        ]);
        summary.ShouldBe(new ImportSummary(3, 0, 4));
        (await fx.RequestFileCountAsync(Agency)).ShouldBe(1);
        (await fx.StreamAsync(Agency, StreamIds.Request(Agency, "B-3"))).Select(e => e.EventTypeName).ShouldBe(["request.received.v1", "request.officer-assigned.v1"]);

        // The officer leaves; re-running the line that assigned them is still a no-op, not a rejection.
        await CaseFlow.Users.UserAccounts.UpdateAsync(fx.App, "ib.officer", "李娜", [CaseFlow.Users.Role.Officer], disabled: true);
        var (rerun, _) = await ImportAsync(fx, [Line($"{{'command':'assign','agency':'{Agency}','request':'B-3','officer':'ib.officer'}}")]);
        rerun.ShouldBe(new ImportSummary(0, 1, 0));
    }
}
