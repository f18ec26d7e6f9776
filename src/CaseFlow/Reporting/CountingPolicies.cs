using CaseFlow.Requests;
using CaseFlow.Reviews;

namespace CaseFlow.Reporting;

/// <summary>[U] §3.6 d: which date puts a request in a year's 本年新收 row.</summary>
public enum ReceiptYearRule
{
    /// <summary>Default: the statutory receipt date (art. 31) of the original request, also after a correction.</summary>
    StatutoryReceiptDate,
}

/// <summary>[U] §3.6 e: which date puts a result in a year's rows.</summary>
public enum OutcomeYearRule
{
    /// <summary>Default: the date of the answer (答复日期), or of the lapse or withdrawal.</summary>
    ConclusionDate,
}

/// <summary>[U]: how a request reopened by a review decision or judgment is counted in table 三.</summary>
public enum ReopenedRequestRule
{
    /// <summary>Default: one application, one row — its first conclusion; the new answer is recorded but not counted again.</summary>
    FirstConclusionOnly,
}

/// <summary>[U] §3.7: which cases a year's table 四 holds.</summary>
public enum Table4YearRule
{
    /// <summary>Default (B): cases concluded in the year, plus cases pending at the year's end whenever filed.</summary>
    ConcludedInYearOrPendingAtYearEnd,

    /// <summary>(A): cases filed in the year, with their state at the year's end.</summary>
    FiledInYear,
}

/// <summary>
/// The counting rules of the annual report that the domain reference leaves unsettled, each a named policy with the
/// recommended default (docs/decisions/0004-report-counting-policies.md). The two that the request and case files apply
/// (<see cref="ApplicantColumnRule"/>, <see cref="SecondInstanceRule"/>) live with those files.
/// </summary>
public sealed record CountingPolicies
{
    public static readonly CountingPolicies Default = new();

    public ReceiptYearRule ReceiptYear { get; init; } = ReceiptYearRule.StatutoryReceiptDate;
    public OutcomeYearRule OutcomeYear { get; init; } = OutcomeYearRule.ConclusionDate;
    public ApplicantColumnRule ApplicantColumn { get; init; } = ApplicantColumnRule.NamedApplicant;
    public ReopenedRequestRule ReopenedRequests { get; init; } = ReopenedRequestRule.FirstConclusionOnly;
    public Table4YearRule Table4Year { get; init; } = Table4YearRule.ConcludedInYearOrPendingAtYearEnd;
    public SecondInstanceRule SecondInstance { get; init; } = SecondInstanceRule.FinalEffectiveResult;
}
