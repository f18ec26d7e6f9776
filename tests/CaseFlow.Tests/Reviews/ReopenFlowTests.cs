using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reviews;

/// <summary>A decision that orders the agency to answer again reopens the request with a new clock (issue 5, item 4).</summary>
public sealed class ReopenFlowTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private async Task<Request> StateAsync(string agency, string reference)
    {
        var events = await fx.StreamAsync(agency, StreamIds.Request(agency, reference));
        return events.Select(e => e.Data).Aggregate(Request.Initial, Request.Evolve);
    }

    [Fact]
    public async Task An_order_to_perform_reopens_the_request_with_20_working_days_and_the_new_answer_is_recorded_on_it_but_counted_once()
    {
        var ledger = new Ledger(fx, "reopen");
        ledger.Register("重新答复测试局");
        var reference = ledger.Receive(D(2025, 3, 3));
        ledger.Conclude(reference, D(2025, 3, 3), "refused-process-information", D(2025, 3, 20));
        ledger.Line(new { command = "deliver-answer", agency = "reopen", request = reference, on = "2025-03-21" });
        ledger.Line(new { command = "file-review", agency = "reopen", request = reference, @case = "R1", filedOn = "2025-04-10" });
        ledger.Line(new { command = "decide-review", agency = "reopen", @case = "R1", on = "2025-05-20", decision = "ordered-to-perform" });
        await ledger.ImportAsync();

        var reopened = await StateAsync("reopen", reference);
        reopened.Concluded.ShouldBeFalse();
        reopened.ReopenedBy.ShouldBe(["R1"]);
        var clock = RequestClock.Compute(reopened, fx.App.Calendar.Current, fx.App.ClockPolicies, D(2025, 5, 21));
        clock.Answer.Due.ShouldBe(D(2025, 6, 18)); // 20 working days after 05-20, skipping the Dragon Boat holiday (05-31…06-02)

        ledger.Line(new { command = "answer", agency = "reopen", request = reference, on = "2025-06-05", outcome = "disclosed" });
        await ledger.ImportAsync();
        var answered = await StateAsync("reopen", reference);
        answered.Conclusion.ShouldNotBeNull().Items.ShouldBe([Outcome.Disclosed]);
        answered.FirstConclusion.ShouldNotBeNull().Items.ShouldBe([Outcome.RefusedProcessInformation]);

        // One application, one row: its first conclusion.
        var report = (await AnnualReports.ComputeAsync(fx.App, "reopen", 2025, false)).ShouldNotBeNull();
        report.Table3["refused-process-information", ReportLayout.Total].ShouldBe(1);
        report.Table3["disclosed", ReportLayout.Total].ShouldBe(0);
        report.Table3[ReportLayout.TotalHandled, ReportLayout.Total].ShouldBe(1);
        report.Table4["review", "corrected"].ShouldBe(1);
        report.AllChecksPass.ShouldBeTrue();
    }

    [Fact]
    public async Task A_judgment_ordering_a_new_answer_within_a_set_period_uses_that_period()
    {
        var ledger = new Ledger(fx, "reopen-suit");
        ledger.Register("判决重作测试局");
        var reference = ledger.Receive(D(2025, 2, 10));
        ledger.Conclude(reference, D(2025, 2, 10), "unable-not-held", D(2025, 3, 3));
        ledger.Line(new { command = "file-lawsuit", agency = "reopen-suit", request = reference, @case = "L1", filedOn = "2025-04-01", afterReview = false });
        ledger.Line(new { command = "decide-lawsuit", agency = "reopen-suit", @case = "L1", on = "2025-09-01", judgment = "revoked-with-redo", workingDays = 15 });
        await ledger.ImportAsync();

        var state = await StateAsync("reopen-suit", reference);
        state.Concluded.ShouldBeFalse();
        // 15 working days after Monday 09-01, no holiday before October: 09-02 … 09-05, 09-08 … 09-12, 09-15 … 09-19, 09-22.
        RequestClock.Compute(state, fx.App.Calendar.Current, fx.App.ClockPolicies, D(2025, 9, 2)).Answer.Due.ShouldBe(D(2025, 9, 22));
    }
}
