using CaseFlow.Reviews;

namespace CaseFlow.Reporting;

/// <summary>[U] §3.7: which cases a year's table 四 holds.</summary>
public enum Table4YearRule
{
    /// <summary>Default (B): cases concluded in the year, plus cases pending at the year's end whenever filed.</summary>
    ConcludedInYearOrPendingAtYearEnd,

    /// <summary>(A): cases filed in the year, with their state at the year's end.</summary>
    FiledInYear,
}

/// <summary>
/// The counting rules of table 四 that the domain reference leaves unsettled, each a named policy with the recommended
/// default (docs/decisions/0004-report-counting-policies.md). Table 三's row, column and year rules are
/// <see cref="Requests.OutcomePolicies"/>, applied by the request files; the receipt year, the count of a reopened
/// request and the withdrawal row are fixed rules, not settings (0007 says why).
/// </summary>
public sealed record CountingPolicies
{
    public static readonly CountingPolicies Default = new();

    public Table4YearRule Table4Year { get; init; } = Table4YearRule.ConcludedInYearOrPendingAtYearEnd;
    public SecondInstanceRule SecondInstance { get; init; } = SecondInstanceRule.FinalEffectiveResult;
}
