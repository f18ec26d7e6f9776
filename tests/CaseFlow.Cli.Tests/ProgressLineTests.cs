using CaseFlow.Cli.Verbs;

namespace CaseFlow.Cli.Tests;

/// <summary>The progress line's text, worked by hand: 1,000 of 2,000 in 2 s is 500 a second, 2 s left, half the bar.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void A_known_total_draws_a_bar_with_the_share_the_count_the_rate_and_the_time_left()
    {
        ProgressLine.Format("导入", 1_000, 2_000, "行", TimeSpan.FromSeconds(2))
            .ShouldBe("导入 [████████████············]  50%  1,000 / 2,000 行  500 行/秒  剩余约 00:00:02");
    }

    [Fact]
    public void An_unknown_total_has_no_bar_and_no_time_left()
    {
        ProgressLine.Format("重建", 3_000, 0, "个事件", TimeSpan.FromSeconds(4)).ShouldBe("重建  3,000 个事件  750 个事件/秒");
    }

    [Fact]
    public void Hours_are_counted_past_a_day()
    {
        // 10 of 100,000 in 10 s: one a second, 99,990 s left = 27 h 46 min 30 s.
        ProgressLine.Format("迁移", 10, 100_000, "个", TimeSpan.FromSeconds(10)).ShouldEndWith("剩余约 27:46:30");
    }
}
