namespace CaseFlow.Requests;

/// <summary>[U] §3.6 f: which row a request takes when its items got different non-disclosure outcomes.</summary>
public enum MixedRefusalRule
{
    /// <summary>Default: the outcome that comes first in table order (a fixed, reproducible precedence).</summary>
    TableOrder,

    /// <summary>The outcome of the first-listed item (the principal item).</summary>
    FirstItem,
}

/// <summary>[U] §3.6 g: the row of a request the applicant withdrew.</summary>
public enum WithdrawalRowRule
{
    /// <summary>Default, and the import contract's: （六）3 其他.</summary>
    Other,
}

/// <summary>[U] §3.6 h: which applicant column a request is counted in.</summary>
public enum ApplicantColumnRule
{
    /// <summary>Default: the named applicant's own type; an agent (e.g. a lawyer for a citizen) does not change it.</summary>
    NamedApplicant,
}

/// <summary>The counting policies that turn recorded facts into a table-三 row.</summary>
public sealed record OutcomePolicies
{
    public static readonly OutcomePolicies Default = new();

    public MixedRefusalRule MixedRefusal { get; init; } = MixedRefusalRule.TableOrder;

    public WithdrawalRowRule WithdrawalRow { get; init; } = WithdrawalRowRule.Other;
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
