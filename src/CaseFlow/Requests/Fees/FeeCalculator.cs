namespace CaseFlow.Requests;

/// <summary>A computed fee with its workings, line by line.</summary>
public sealed record FeeQuote(decimal AmountYuan, FeeMethod Method, int Quantity, IReadOnlyList<string> Workings);

/// <summary>
/// The processing fee of the Fee Measures (国办函〔2020〕109号), excess-progressive like income tax brackets.
/// Per item (按件, art. 4): counted per applicant per calendar month; items 1–10 free, 11–30 at 100 yuan, then bands of
/// ten items each 100 yuan dearer (31–40 at 200, 41–50 at 300, …) [U on the band arithmetic, which follows the wording].
/// Per volume (按量, art. 5): per request, pages 1–30 free, 31–100 at 10 yuan, 101–200 at 20, 201 and more at 40.
/// </summary>
public static class FeeCalculator
{
    /// <summary>The fee for <paramref name="items"/> items of one request, the applicant having <paramref name="earlierThisMonth"/> earlier this month.</summary>
    public static FeeQuote PerItem(int earlierThisMonth, int items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlierThisMonth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        var workings = new List<string>();
        decimal total = 0;
        var first = earlierThisMonth + 1;
        var last = earlierThisMonth + items;
        foreach (var (from, to, rate) in ItemBands(last))
        {
            var lo = Math.Max(from, first);
            var hi = Math.Min(to, last);
            if (lo > hi)
            {
                continue;
            }

            var amount = (hi - lo + 1) * rate;
            total += amount;
            workings.Add(rate == 0
                ? $"本月第 {lo}–{hi} 件：免费"
                : $"本月第 {lo}–{hi} 件：{hi - lo + 1} 件 × {rate} 元 = {amount} 元");
        }

        return new FeeQuote(total, FeeMethod.PerItem, items, workings);
    }

    /// <summary>The fee for a request of <paramref name="pages"/> pages.</summary>
    public static FeeQuote PerPage(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pages);
        (int From, int To, decimal Rate)[] bands = [(1, 30, 0m), (31, 100, 10m), (101, 200, 20m), (201, int.MaxValue, 40m)];
        var workings = new List<string>();
        decimal total = 0;
        foreach (var (from, to, rate) in bands)
        {
            if (from > pages)
            {
                break;
            }

            var hi = Math.Min(to, pages);
            var amount = (hi - from + 1) * rate;
            total += amount;
            workings.Add(rate == 0 ? $"第 {from}–{hi} 页：免费" : $"第 {from}–{hi} 页：{hi - from + 1} 页 × {rate} 元 = {amount} 元");
        }

        return new FeeQuote(total, FeeMethod.PerPage, pages, workings);
    }

    private static IEnumerable<(int From, int To, decimal Rate)> ItemBands(int upTo)
    {
        yield return (1, 10, 0m);
        yield return (11, 30, 100m);
        var rate = 200m;
        for (var from = 31; from <= upTo; from += 10, rate += 100m)
        {
            yield return (from, from + 9, rate);
        }
    }
}
