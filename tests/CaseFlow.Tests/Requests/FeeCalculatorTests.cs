using CaseFlow.Requests;

namespace CaseFlow.Tests.Requests;

public sealed class FeeCalculatorTests
{
    [Fact]
    public void The_worked_example_45_requests_in_a_month_cost_5500_yuan()
    {
        var total = Enumerable.Range(0, 45).Sum(earlier => FeeCalculator.PerItem(earlier, 1).AmountYuan);
        total.ShouldBe(5500m);
        FeeCalculator.PerItem(0, 45).AmountYuan.ShouldBe(5500m);
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(10, 1, 100)]
    [InlineData(9, 3, 200)]
    [InlineData(29, 2, 300)]
    [InlineData(40, 1, 300)]
    [InlineData(50, 1, 400)]
    public void Items_are_charged_by_the_band_each_falls_in(int earlier, int items, int expected) =>
        FeeCalculator.PerItem(earlier, items).AmountYuan.ShouldBe(expected);

    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(150, 1700)]
    [InlineData(201, 2740)]
    public void Pages_are_charged_progressively_per_request(int pages, int expected) =>
        FeeCalculator.PerPage(pages).AmountYuan.ShouldBe(expected);

    [Fact]
    public void A_quote_shows_its_workings()
    {
        var quote = FeeCalculator.PerItem(8, 5);
        quote.Workings.ShouldBe(["本月第 9–10 件：免费", "本月第 11–13 件：3 件 × 100 元 = 300 元"]);
    }
}
