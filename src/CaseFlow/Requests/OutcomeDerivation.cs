namespace CaseFlow.Requests;

/// <summary>[U] §3.6 f: which row a request takes when its items got different non-disclosure outcomes.</summary>
public enum MixedRefusalRule
{
    /// <summary>Default: the outcome that comes first in table order (a fixed, reproducible precedence).</summary>
    TableOrder,

    /// <summary>The outcome of the first-listed item (the principal item).</summary>
    FirstItem,
}

/// <summary>[U] §3.6 h: which applicant column a request is counted in.</summary>
public enum ApplicantColumnRule
{
    /// <summary>Default: the named applicant's own type; an agent (e.g. a lawyer for a citizen) does not change it.</summary>
    NamedApplicant,

    /// <summary>The agent's type when an agent acts and its type is recorded (e.g. a law firm: 法律服务机构).</summary>
    Agent,
}

/// <summary>[U] §3.6 e: which date puts a conclusion in a year's rows.</summary>
public enum OutcomeYearRule
{
    /// <summary>Default: the date of the answer (答复日期), or of the lapse or withdrawal.</summary>
    ConclusionDate,

    /// <summary>The day the answer was served on the applicant, when recorded; otherwise the answer date.</summary>
    DeliveryDate,
}

/// <summary>[U] §3.6: which year a （六）1 or （六）2 lapse counts in when it is recorded after the deadline it relies on.</summary>
public enum LapseYearRule
{
    /// <summary>Default: the lapse date, the first day after the applicant's deadline (the request ended then).</summary>
    LapseDate,

    /// <summary>The date the officer recorded the lapse.</summary>
    RecordingDate,
}

/// <summary>
/// The counting policies that turn a request's recorded facts into its table-三 row, column and year
/// (docs/decisions/0004-report-counting-policies.md, 0007-statutory-fidelity.md).
/// </summary>
public sealed record OutcomePolicies
{
    public static readonly OutcomePolicies Default = new();

    public MixedRefusalRule MixedRefusal { get; init; } = MixedRefusalRule.TableOrder;

    public ApplicantColumnRule ApplicantColumn { get; init; } = ApplicantColumnRule.NamedApplicant;

    public OutcomeYearRule OutcomeYear { get; init; } = OutcomeYearRule.ConclusionDate;

    public LapseYearRule LapseYear { get; init; } = LapseYearRule.LapseDate;
}

/// <summary>How a request ended.</summary>
public enum ConclusionKind
{
    Answered,
    Withdrawn,
    ClarificationLapsed,
    FeeLapsed,
}

/// <summary>Derives the one table-三 row of a concluded request (one application, one row: §3.6 a).</summary>
public static class OutcomeDerivation
{
    public static Outcome Row(ConclusionKind kind, IReadOnlyList<Outcome> items, OutcomePolicies policies) => kind switch
    {
        ConclusionKind.Withdrawn => Outcome.Other,
        ConclusionKind.ClarificationLapsed => Outcome.OtherClarificationLapsed,
        ConclusionKind.FeeLapsed => Outcome.OtherFeeLapsed,
        _ => FromItems(items, policies),
    };

    /// <summary>
    /// All items disclosed: 予以公开. Some information provided and some not: 部分公开, by the label's own rule
    /// ("区分处理的，只计这一情形"). Nothing provided: the common outcome, or by the mixed-refusal policy.
    /// </summary>
    public static Outcome FromItems(IReadOnlyList<Outcome> items, OutcomePolicies policies)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("An answer has at least one item.", nameof(items));
        }

        if (items.Count == 1)
        {
            return items[0];
        }

        if (items.All(i => i == Outcome.Disclosed))
        {
            return Outcome.Disclosed;
        }

        if (items.Any(i => OutcomeRows.Of(i).ProvidesInformation))
        {
            return Outcome.PartiallyDisclosed;
        }

        return policies.MixedRefusal switch
        {
            MixedRefusalRule.FirstItem => items[0],
            _ => items.MinBy(OutcomeRows.Order),
        };
    }
}
