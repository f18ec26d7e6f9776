using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Closing;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reporting;

/// <summary>Table 三 built from imported events: every cell, the carry-over across years, the close and restatements.</summary>
public sealed class AnnualReportTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly string[] s_outcomes = [.. ReportLayout.OutcomeRows];

    private async Task<AnnualReport> ReportAsync(string agency, int year, bool includeChildren = false) =>
        (await AnnualReports.ComputeAsync(fx.App, agency, year, includeChildren)).ShouldNotBeNull();

    private static void AllChecksPass(AnnualReport report) =>
        report.Checks.Where(c => !c.Ok).Select(c => $"{c.Name}: {c.Detail}").ShouldBeEmpty();

    [Fact]
    public async Task Each_of_the_21_outcomes_in_each_applicant_column_is_counted_in_exactly_its_own_cell()
    {
        // k + j − 1 requests in the cell of the k-th outcome row and the j-th applicant column (both from 1): every
        // row and every column holds different numbers, so rows or columns swapped anywhere show as wrong cells.
        var ledger = new Ledger(fx, "all-cells");
        ledger.Register("全格测试局");
        var day = 0;
        foreach (var (outcome, k) in s_outcomes.Select((o, i) => (o, i + 1)))
        {
            foreach (var (column, j) in ReportLayout.ApplicantColumns.Select((c, i) => (c, i + 1)))
            {
                for (var n = 0; n < k + j - 1; n++)
                {
                    var receipt = D(2025, 1, 6).PlusDays(day++ % 200);
                    var reference = ledger.Receive(receipt, column);
                    ledger.Conclude(reference, receipt, outcome, receipt.PlusDays(60));
                }
            }
        }

        await ledger.ImportAsync();
        var report = await ReportAsync("all-cells", 2025);

        foreach (var (outcome, k) in s_outcomes.Select((o, i) => (o, i + 1)))
        {
            foreach (var (column, j) in ReportLayout.ApplicantColumns.Select((c, i) => (c, i + 1)))
            {
                report.Table3[outcome, column].ShouldBe(k + j - 1, $"{outcome} / {column}");
            }

            report.Table3[outcome, ReportLayout.Total].ShouldBe((6 * k) + 15, outcome); // k + (k+1) + … + (k+5)
        }

        foreach (var (column, j) in ReportLayout.ApplicantColumns.Select((c, i) => (c, i + 1)))
        {
            // Column j: (1 + … + 21) + 21 × (j − 1) = 231 + 21(j − 1).
            report.Table3[ReportLayout.Received, column].ShouldBe(231 + (21 * (j - 1)), column);
            report.Table3[ReportLayout.TotalHandled, column].ShouldBe(231 + (21 * (j - 1)), column);
            report.Table3[ReportLayout.CarriedIn, column].ShouldBe(0);
            report.Table3[ReportLayout.CarriedOut, column].ShouldBe(0);
        }

        report.Table3[ReportLayout.TotalHandled, ReportLayout.Total].ShouldBe(1701); // 6 × 231 + 21 × (0 + 1 + … + 5)
        AllChecksPass(report);

        // refused-state-secret is the 3rd outcome row, research-institution the 3rd column: 3 + 3 − 1 = 5.
        var traced = await AnnualReports.TraceAsync(fx.App, "all-cells", 2025, false, new CellAddress(3, "refused-state-secret", "research-institution"));
        traced.ShouldNotBeNull().Count.ShouldBe(5);
        traced.ShouldAllBe(t => t.Outcome == "refused-state-secret" && t.Column == "research-institution");
        (await AnnualReports.TraceAsync(fx.App, "all-cells", 2025, false, new CellAddress(3, ReportLayout.TotalHandled, ReportLayout.Total))).ShouldNotBeNull().Count.ShouldBe(1701);

        var empty = await ReportAsync("all-cells", 2024);
        empty.Table3.Cells().ShouldAllBe(c => c.Value == 0);
        AllChecksPass(empty);
    }

    [Fact]
    public async Task A_request_open_across_two_year_ends_is_carried_out_and_in_each_year_and_counted_once_when_answered()
    {
        var ledger = new Ledger(fx, "carry");
        ledger.Register("结转测试局");
        var a = ledger.Receive(D(2023, 12, 27));
        var b = ledger.Receive(D(2024, 12, 30), "commercial-enterprise");
        var c = ledger.Receive(D(2024, 6, 3));
        ledger.Conclude(c, D(2024, 6, 3), "disclosed", D(2024, 6, 20));
        ledger.Conclude(a, D(2023, 12, 27), "disclosed", D(2025, 1, 15));
        ledger.Conclude(b, D(2024, 12, 30), "unable-not-held", D(2025, 1, 20));
        // Closed after the 2025 answers were recorded: by business date both were open on 31 December.
        ledger.CloseYear(2023).CloseYear(2024);
        await ledger.ImportAsync();

        var y2023 = await ReportAsync("carry", 2023);
        y2023.Table3[ReportLayout.Received, "natural-person"].ShouldBe(1);
        y2023.Table3[ReportLayout.CarriedOut, "natural-person"].ShouldBe(1);
        AllChecksPass(y2023);

        var y2024 = await ReportAsync("carry", 2024);
        y2024.Table3[ReportLayout.Received, ReportLayout.Total].ShouldBe(2);
        y2024.Table3[ReportLayout.CarriedIn, "natural-person"].ShouldBe(1);
        y2024.Table3["disclosed", "natural-person"].ShouldBe(1);
        y2024.Table3[ReportLayout.CarriedOut, "natural-person"].ShouldBe(1);
        y2024.Table3[ReportLayout.CarriedOut, "commercial-enterprise"].ShouldBe(1);
        y2024.Checks.Single(x => x.Name.StartsWith("跨年衔接", StringComparison.Ordinal)).Detail.ShouldContain("第 1 版");
        AllChecksPass(y2024);

        var y2025 = await ReportAsync("carry", 2025);
        y2025.Table3[ReportLayout.CarriedIn, ReportLayout.Total].ShouldBe(2);
        y2025.Table3["disclosed", "natural-person"].ShouldBe(1);
        y2025.Table3["unable-not-held", "commercial-enterprise"].ShouldBe(1);
        y2025.Table3[ReportLayout.CarriedOut, ReportLayout.Total].ShouldBe(0);
        AllChecksPass(y2025);

        (await CarriedOverYearsAsync("carry", a)).ShouldBe([2023, 2024]);
        (await CarriedOverYearsAsync("carry", b)).ShouldBe([2024]);
        (await CarriedOverYearsAsync("carry", c)).ShouldBeEmpty();
        (await AnnualReportVersions.LatestAsync(fx.App, "carry", 2024, default)).ShouldNotBeNull().Info.Version.ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_recorded_after_year_end_but_dated_before_it_is_not_carried_over()
    {
        var ledger = new Ledger(fx, "late");
        ledger.Register("补录测试局");
        var r = ledger.Receive(D(2025, 12, 10));
        await ledger.ImportAsync();
        ledger.Conclude(r, D(2025, 12, 10), "partially-disclosed", D(2025, 12, 29));
        ledger.CloseYear(2025);
        await ledger.ImportAsync();

        (await CarriedOverYearsAsync("late", r)).ShouldBeEmpty();
        var report = await ReportAsync("late", 2025);
        report.Table3["partially-disclosed", ReportLayout.Total].ShouldBe(1);
        report.Table3[ReportLayout.CarriedOut, ReportLayout.Total].ShouldBe(0);
        report.Version.ShouldNotBeNull().Version.ShouldBe(1);
        AllChecksPass(report);
    }

    [Fact]
    public async Task A_correction_after_the_close_fails_the_carry_check_until_the_year_is_restated_with_its_differences()
    {
        var ledger = new Ledger(fx, "restate");
        ledger.Register("更正测试局");
        var r = ledger.Receive(D(2024, 12, 16));
        ledger.CloseYear(2024);
        await ledger.ImportAsync();
        var v1 = (await AnnualReportVersions.LatestAsync(fx.App, "restate", 2024, default)).ShouldNotBeNull();
        v1.Tables.CarriedOut()[ReportLayout.Total].ShouldBe(1);

        // Recorded through the API path (no import, so no restatement yet): the answer was in fact given in 2024.
        var answered = await Answering.HandleAsync(fx.App, Actor.Cli(), "restate", r, new AnswerRequestBody(D(2024, 12, 27), "disclosed"), new WriteOptions(null, null), default);
        answered.ShouldBeOfType<CommandOutcome.Applied>();

        var before = await ReportAsync("restate", 2025);
        var carry = before.Checks.Single(c => c.Name.StartsWith("跨年衔接", StringComparison.Ordinal));
        carry.Ok.ShouldBeFalse();
        carry.Cells.ShouldBe(["table3:carried-in:natural-person", "table3:carried-in:total"]);

        var restated = (await Restating.RestateClosedYearsAsync(fx.App, Actor.System, "restate", default)).ShouldHaveSingleItem();
        (restated.Agency, restated.Year, restated.Version).ShouldBe(("restate", 2024, 2));
        restated.Differences.ShouldContain(d => d.Contains("四、结转下年度继续办理 / 总计：1 → 0", StringComparison.Ordinal));

        var versions = await AnnualReportVersions.ListAsync(fx.App, "restate", 2024, default);
        versions.Select(v => v.Info.Version).ShouldBe([1, 2]);
        versions[1].Info.Kind.ShouldBe("restated");
        versions[1].Info.Hash.ShouldNotBe(versions[0].Info.Hash);
        versions[1].Info.Differences.ShouldContain(d => d.Contains("四、结转下年度继续办理 / 总计：1 → 0", StringComparison.Ordinal));
        versions[1].Info.Differences.ShouldContain(d => d.Contains("（一）予以公开 / 自然人：0 → 1", StringComparison.Ordinal));
        AllChecksPass(await ReportAsync("restate", 2025));
        (await ReportAsync("restate", 2024)).Version.ShouldNotBeNull().Version.ShouldBe(2);

        (await Restating.RestateClosedYearsAsync(fx.App, Actor.System, "restate", default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_correction_imported_after_the_close_is_restated_by_the_import_itself()
    {
        var ledger = new Ledger(fx, "restate-import");
        ledger.Register("导入更正测试局");
        var r = ledger.Receive(D(2025, 12, 22), "other-org");
        ledger.CloseYear(2025);
        await ledger.ImportAsync();
        ledger.Conclude(r, D(2025, 12, 22), "withdrawn", D(2025, 12, 30));
        await ledger.ImportAsync();

        var versions = await AnnualReportVersions.ListAsync(fx.App, "restate-import", 2025, default);
        versions.Count.ShouldBe(2);
        versions[1].Tables.Table3["other"]["other-org"].ShouldBe(1);
    }

    [Fact]
    public async Task Closing_a_closed_year_changes_nothing_and_a_year_that_has_not_ended_cannot_be_closed()
    {
        var ledger = new Ledger(fx, "close-twice");
        ledger.Register("关账测试局");
        ledger.Receive(D(2025, 12, 1));
        ledger.CloseYear(2025);
        await ledger.ImportAsync();
        var events = await fx.EventCountAsync("close-twice");

        var again = await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 1, """{"command":"close-year","agency":"close-twice","year":2025,"id":"second-close"}""", default);
        again.Status.ShouldBe(ImportLineStatus.Applied);
        (await fx.EventCountAsync("close-twice")).ShouldBe(events);

        var current = await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 1, """{"command":"close-year","agency":"close-twice","year":2026}""", default);
        current.Status.ShouldBe(ImportLineStatus.Rejected);
        current.Code.ShouldBe("report.year-not-ended");
        (await fx.EventCountAsync("close-twice")).ShouldBe(events);
    }

    [Fact]
    public async Task Opening_balances_imported_with_their_original_receipt_dates_are_the_first_years_carried_in()
    {
        var ledger = new Ledger(fx, "opening");
        ledger.Register("新上线测试局");
        // Still open in the old system when CaseFlow started on 2025-01-01.
        var old1 = ledger.Receive(D(2024, 12, 18), "research-institution");
        ledger.Receive(D(2024, 12, 24));
        ledger.Conclude(old1, D(2024, 12, 18), "disclosed", D(2025, 1, 8));
        await ledger.ImportAsync();

        var report = await ReportAsync("opening", 2025);
        report.Table3[ReportLayout.CarriedIn, "research-institution"].ShouldBe(1);
        report.Table3[ReportLayout.CarriedIn, "natural-person"].ShouldBe(1);
        report.Table3[ReportLayout.CarriedOut, "natural-person"].ShouldBe(1);
        AllChecksPass(report);
    }

    [Fact]
    public async Task A_parents_roll_up_sums_its_whole_subtree_with_the_same_checks()
    {
        var parent = new Ledger(fx, "roll-p");
        parent.Register("汇总市人民政府");
        parent.Receive(D(2025, 2, 3));
        await parent.ImportAsync();
        var child = new Ledger(fx, "roll-a");
        child.Register("汇总市教育局", "roll-p");
        var x = child.Receive(D(2025, 4, 1), "public-interest-org");
        child.Conclude(x, D(2025, 4, 1), "refused-process-information", D(2025, 4, 20));
        await child.ImportAsync();
        var grandchild = new Ledger(fx, "roll-a1");
        grandchild.Register("汇总市教育局直属学校", "roll-a");
        var y = grandchild.Receive(D(2024, 12, 30), "other-org");
        grandchild.Conclude(y, D(2024, 12, 30), "not-processed-repeat", D(2025, 1, 10));
        await grandchild.ImportAsync();

        var rollUp = await ReportAsync("roll-p", 2025, includeChildren: true);
        rollUp.Agencies.ShouldBe(["roll-p", "roll-a", "roll-a1"]);
        var parts = new[] { await ReportAsync("roll-p", 2025), await ReportAsync("roll-a", 2025), await ReportAsync("roll-a1", 2025) };
        foreach (var (row, column, value) in rollUp.Table3.Cells())
        {
            value.ShouldBe(parts.Sum(p => p.Table3[row, column]), $"{row} / {column}");
        }

        rollUp.Table3[ReportLayout.Received, ReportLayout.Total].ShouldBe(2);
        rollUp.Table3[ReportLayout.CarriedIn, "other-org"].ShouldBe(1);
        AllChecksPass(rollUp);
        (await AnnualReports.TraceAsync(fx.App, "roll-p", 2025, true, new CellAddress(3, "not-processed-repeat", "total"))).ShouldNotBeNull()
            .Single().Agency.ShouldBe("roll-a1");
    }

    private async Task<IReadOnlyList<int>> CarriedOverYearsAsync(string agency, string reference)
    {
        await using var query = fx.App.Query(agency);
        var events = await query.Events.FetchStreamAsync(StreamIds.Request(agency, reference));
        return [.. events.Select(e => e.Data).OfType<RequestCarriedOver>().Select(c => c.Year)];
    }
}
