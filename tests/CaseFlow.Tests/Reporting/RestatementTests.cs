using CaseFlow.Agencies.Registering;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting.Closing;
using CaseFlow.Reporting.Stats;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;
using CaseFlow.Users;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reporting;

/// <summary>
/// A correction that touches a closed year restates that year's report every time (the async watch in the daemon asks
/// Wolverine to restate), not only the first time.
/// </summary>
public sealed class RestatementTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Agency = "restate";
    private static readonly Actor s_reporter = new("chen.jing", "陈静");

    private static RecordDisclosureStatsBody Stats(int licensing) =>
        new(2025, new DocumentCountsBody(0, 0, 1), new DocumentCountsBody(2, 0, 9), licensing, 3, 0, 0m, null);

    private void Day(int year, int month, int day) =>
        fx.Clock.Set(new LocalDate(year, month, day).At(new LocalTime(10, 0)).InZoneStrictly(fx.App.Zone).ToInstant());

    private async Task<IReadOnlyList<int>> VersionsAsync() =>
        [.. (await AnnualReportVersions.ListAsync(fx.App, Agency, 2025, default)).Select(v => v.Info.Version)];

    private async Task WaitForVersionAsync(int version)
    {
        for (var waited = 0; waited < 300 && (await VersionsAsync()).LastOrDefault() < version; waited++)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Close_then_three_corrections_on_three_days_give_versions_2_3_and_4_each_with_its_changed_cells()
    {
        using var daemon = await fx.App.Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        Day(2026, 1, 5);
        await AgencyRegistration.HandleAsync(fx.App, Actor.System, new RegisterAgencyBody(Agency, "更正测试局", null, null), WriteOptions.None, default);
        await Receiving.HandleAsync(fx.App, Actor.System, Agency, new ReceiveRequestBody("2025-001", D(2025, 3, 3), "in-person", new ApplicantBody("natural-person", "张三")),
            WriteOptions.None, default);
        await RecordingDisclosureStats.HandleAsync(fx.App, s_reporter, Agency, Stats(100), WriteOptions.None, default);
        (await ClosingYear.HandleAsync(fx.App, s_reporter, Agency, new CloseYearBody(2025, null), WriteOptions.None, null, default))
            .ShouldBeOfType<CommandOutcome.Applied>();
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        (await VersionsAsync()).ShouldBe([1]);

        // Day 1: table 二 corrected.
        Day(2026, 1, 6);
        await RecordingDisclosureStats.HandleAsync(fx.App, s_reporter, Agency, Stats(101), WriteOptions.None, default);
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        await WaitForVersionAsync(2);
        (await VersionsAsync()).ShouldBe([1, 2]);

        // Day 2: a request of 2025 registered late.
        Day(2026, 1, 7);
        await Receiving.HandleAsync(fx.App, Actor.System, Agency, new ReceiveRequestBody("2025-002", D(2025, 12, 22), "in-person", new ApplicantBody("commercial-enterprise", "某公司")),
            WriteOptions.None, default);
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        await WaitForVersionAsync(3);

        // Day 3: table 二 corrected again.
        Day(2026, 1, 8);
        await RecordingDisclosureStats.HandleAsync(fx.App, s_reporter, Agency, Stats(102), WriteOptions.None, default);
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        await WaitForVersionAsync(4);

        var versions = await AnnualReportVersions.ListAsync(fx.App, Agency, 2025, default);
        versions.Select(v => (v.Info.Version, v.Info.On)).ShouldBe([(1, D(2026, 1, 5)), (2, D(2026, 1, 6)), (3, D(2026, 1, 7)), (4, D(2026, 1, 8))]);
        versions[1].Info.Differences.ShouldBe(["表二 行政许可 本年处理决定数量：100 → 101"]);
        versions[2].Info.Differences.ShouldContain(d => d.StartsWith("表三 一、本年新收政府信息公开申请数量 / 商业企业：0 → 1", StringComparison.Ordinal));
        versions[3].Info.Differences.ShouldBe(["表二 行政许可 本年处理决定数量：101 → 102"]);

        // A fact that changes nothing in the report makes no version.
        Day(2026, 1, 9);
        await UserAccounts.CreateAsync(fx.App, "restate.zhou", Agency, "周", "password-123", [Role.Officer]);
        (await Assigning.HandleAsync(fx.App, Actor.System, Agency, "2025-002", new AssignOfficerBody("restate.zhou", D(2026, 1, 9)), WriteOptions.None, default))
            .ShouldBeOfType<CommandOutcome.Applied>(); // a fact recorded, which the report does not count
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        (await VersionsAsync()).ShouldBe([1, 2, 3, 4]);
        await daemon.StopAllAsync();
    }
}
