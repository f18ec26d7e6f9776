using CaseFlow.Reporting;
using CaseFlow.Reviews;
using CaseFlow.Reviews.GettingCases;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reviews;

/// <summary>Table 四 from review and lawsuit events (ogi-rules §3.7), with the default year rule (B) and second-instance rule.</summary>
public sealed class Table4Tests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static string Date(NodaTime.LocalDate d) => Ledger.Date(d);

    [Fact]
    public async Task A_year_with_every_result_a_pending_case_a_suit_after_review_a_reversal_on_appeal_and_a_co_defendant_case()
    {
        const string Agency = "t4";
        var ledger = new Ledger(fx, Agency);
        ledger.Register("复议诉讼测试局");
        var requests = Enumerable.Range(0, 7).Select(i =>
        {
            var received = D(2024, 9, 2).PlusDays(i);
            var reference = ledger.Receive(received);
            ledger.Conclude(reference, received, "refused-process-information", received.PlusDays(15));
            return reference;
        }).ToList();

        void Review(string request, string @case, NodaTime.LocalDate filed) =>
            ledger.Line(new { command = "file-review", agency = Agency, request, @case, filedOn = Date(filed) });
        void DecideReview(string @case, NodaTime.LocalDate on, string result) =>
            ledger.Line(new { command = "decide-review", agency = Agency, @case, on = Date(on), result });

        Review(requests[0], "R1", D(2025, 2, 1));
        DecideReview("R1", D(2025, 3, 15), "maintained");
        Review(requests[1], "R2", D(2025, 3, 1));
        DecideReview("R2", D(2025, 4, 20), "corrected");
        Review(requests[2], "R3", D(2025, 4, 1));
        ledger.Line(new { command = "decide-review", agency = Agency, @case = "R3", on = Date(D(2025, 5, 6)), decision = "withdrawn" });
        Review(requests[3], "R4", D(2025, 11, 20)); // pending on 31 December
        // A direct suit dismissed on the merits.
        ledger.Line(new { command = "file-lawsuit", agency = Agency, request = requests[4], @case = "L1", filedOn = Date(D(2025, 5, 1)), afterReview = false });
        ledger.Line(new { command = "decide-lawsuit", agency = Agency, @case = "L1", on = Date(D(2025, 9, 1)), judgment = "claim-dismissed" });
        // A suit after review R1: the first instance upheld the act, the appeal court reversed it.
        ledger.Line(new { command = "file-lawsuit", agency = Agency, request = requests[0], @case = "L2", filedOn = Date(D(2025, 4, 1)), afterReview = true, reviewCase = "R1" });
        ledger.Line(new { command = "decide-lawsuit", agency = Agency, @case = "L2", on = Date(D(2025, 8, 1)), judgment = "claim-dismissed", inForce = false });
        ledger.Line(new { command = "appeal-judgment", agency = Agency, @case = "L2", on = Date(D(2025, 8, 10)) });
        ledger.Line(new { command = "decide-lawsuit", agency = Agency, @case = "L2", on = Date(D(2025, 11, 20)), judgment = "revoked", appeal = "reversed" });
        // The agency as review body sued together with the original actor: counted by the original actor only.
        ledger.Line(new { command = "file-lawsuit", agency = Agency, request = requests[5], @case = "L3", filedOn = Date(D(2025, 6, 1)), afterReview = true, role = "co-defendant-review-body" });
        ledger.Line(new { command = "decide-lawsuit", agency = Agency, @case = "L3", on = Date(D(2025, 10, 1)), result = "maintained" });
        await ledger.ImportAsync();

        var y2025 = (await AnnualReports.ComputeAsync(fx.App, Agency, 2025, false)).ShouldNotBeNull();
        Row(y2025, "review").ShouldBe([1, 1, 1, 1, 4]);
        Row(y2025, "lawsuit-direct").ShouldBe([1, 0, 0, 0, 1]);
        Row(y2025, "lawsuit-after-review").ShouldBe([0, 1, 0, 0, 1]);
        y2025.Checks.Where(c => !c.Ok).ShouldBeEmpty();
        (await AnnualReports.TraceAsync(fx.App, Agency, 2025, false, new CellAddress(4, "review", "pending"))).ShouldNotBeNull()
            .Select(e => e.Reference).ShouldBe(["R4"]);
        (await AnnualReports.TraceAsync(fx.App, Agency, 2025, false, new CellAddress(4, "lawsuit-after-review", "total"))).ShouldNotBeNull()
            .Select(e => e.Reference).ShouldBe(["L2"]);

        // The pending review is decided the next year: 尚未审结 in 2025, its result in 2026 (year rule B).
        ledger.Line(new { command = "decide-review", agency = Agency, @case = "R4", on = Date(D(2026, 1, 20)), result = "corrected" });
        await ledger.ImportAsync();
        Row((await AnnualReports.ComputeAsync(fx.App, Agency, 2025, false))!, "review").ShouldBe([1, 1, 1, 1, 4]);
        Row((await AnnualReports.ComputeAsync(fx.App, Agency, 2026, false))!, "review").ShouldBe([0, 1, 0, 0, 1]);
    }

    [Fact]
    public void The_second_instance_rule_decides_whether_a_reversal_replaces_the_first_instance_result()
    {
        var events = new object[]
        {
            new LawsuitFiled("L9", "Q1", D(2025, 3, 1), AfterReview: false),
            new LawsuitJudged(D(2025, 7, 1), 1, JudgmentType.ClaimDismissed, null),
            new JudgmentAppealed(D(2025, 7, 10), ByAgency: false),
            new LawsuitJudged(D(2025, 11, 3), 2, JudgmentType.ConfirmedIllegal, null, InForce: true, Appeal: AppealOutcome.Reversed),
        };

        Fold(events, CountingPolicies.Default).ShouldBe((D(2025, 11, 3), CaseResult.Corrected));
        Fold(events, CountingPolicies.Default with { SecondInstance = SecondInstanceRule.FirstInstanceOnly }).ShouldBe((D(2025, 7, 1), CaseResult.Maintained));
        // An appeal dismissed keeps the first-instance result, dated when it took effect.
        var upheld = events[..3].Append(new LawsuitJudged(D(2025, 11, 3), 2, null, null, InForce: true, Appeal: AppealOutcome.Upheld)).ToArray();
        Fold(upheld, CountingPolicies.Default).ShouldBe((D(2025, 11, 3), CaseResult.Maintained));
        // Pending while under appeal.
        Fold(events[..3], CountingPolicies.Default).ShouldBe((null, null));
    }

    private static (NodaTime.LocalDate? On, CaseResult? Result) Fold(object[] events, CountingPolicies policies)
    {
        CaseFile? doc = null;
        var version = 0;
        foreach (var e in events)
        {
            doc = CaseFileProjection.Evolve(doc, e, ++version, policies.SecondInstance, CaseResultPolicies.Default);
        }

        return (doc!.ConcludedOn, doc.ResultValue);
    }

    private static int[] Row(AnnualReport report, string group) => [.. ReportLayout.Table4Columns.Select(c => report.Table4[group, c])];
}
