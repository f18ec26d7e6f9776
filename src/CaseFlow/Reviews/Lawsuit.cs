using System.Collections.Immutable;
using CaseFlow.Requests;
using NodaTime;

namespace CaseFlow.Reviews;

// Events of a lawsuit (行政诉讼) over the agency's handling of a request: one stream per case, in the agency's tenant.

public sealed record LawsuitFiled(
    string CaseReference, string RequestReference, LocalDate FiledOn, bool AfterReview,
    string? Court = null, string? ReviewCaseReference = null, AgencyRole Role = AgencyRole.OriginalActor);

/// <summary>The court registered the case (立案, ALL art. 51), in the ordinary or the simplified procedure (art. 82).</summary>
public sealed record LawsuitRegistered(LocalDate On, bool Simplified);

public sealed record LawsuitSuspended(LocalDate On, string Reason);

public sealed record LawsuitResumed(LocalDate On);

/// <summary>
/// A judgment or ruling at an instance. First instance: <see cref="Judgment"/> (or only the table-四 <see cref="Result"/>).
/// Second instance: <see cref="Appeal"/> says what became of the first-instance judgment. <see cref="InForce"/> when it
/// took effect at once (a second-instance judgment, or the contract's "judgment or ruling in force").
/// </summary>
public sealed record LawsuitJudged(
    LocalDate On, int Instance, JudgmentType? Judgment, CaseResult? Result, bool IsRuling = false, bool InForce = false,
    AppealOutcome? Appeal = null, bool OrdersNewAnswer = false, int? AnswerWorkingDays = null);

public sealed record JudgmentAppealed(LocalDate On, bool ByAgency);

/// <summary>
/// The agency (the defendant) received the copy of the complaint (起诉状副本): its evidence and defence are due within
/// 15 days (ALL art. 67).
/// </summary>
public sealed record ComplaintCopyReceived(LocalDate On);

/// <summary>The agency filed its defence and evidence with the court.</summary>
public sealed record DefenceSubmitted(LocalDate On);

/// <summary>The first-instance judgment took effect (no appeal within the window, or the appeal withdrawn).</summary>
public sealed record JudgmentInForce(LocalDate On);

public sealed record Lawsuit
{
    public static readonly Lawsuit Initial = new();

    public bool Filed { get; init; }
    public string CaseReference { get; init; } = "";
    public string RequestReference { get; init; } = "";
    public LocalDate FiledOn { get; init; }
    public bool AfterReview { get; init; }
    public string? Court { get; init; }
    public string? ReviewCaseReference { get; init; }
    public AgencyRole Role { get; init; }
    public LocalDate? RegisteredOn { get; init; }
    public bool Simplified { get; init; }
    public ImmutableList<Suspension> Suspensions { get; init; } = [];
    public LawsuitJudged? FirstInstance { get; init; }
    public LocalDate? AppealedOn { get; init; }
    public LawsuitJudged? SecondInstance { get; init; }

    /// <summary>When the final result took effect; null while the case is pending.</summary>
    public LocalDate? InForceOn { get; init; }

    public LocalDate? CopyReceivedOn { get; init; }
    public LocalDate? DefenceSubmittedOn { get; init; }
    public LocalDate LastFactOn { get; init; }

    public CaseGroup Group => AfterReview ? CaseGroup.LawsuitAfterReview : CaseGroup.LawsuitDirect;
    public bool Suspended => Suspensions.Count > 0 && Suspensions[^1].Until is null;
    public bool Concluded => InForceOn is not null;

    public static Lawsuit Evolve(Lawsuit state, object e) => e switch
    {
        LawsuitFiled f => state with
        {
            Filed = true,
            CaseReference = f.CaseReference,
            RequestReference = f.RequestReference,
            FiledOn = f.FiledOn,
            AfterReview = f.AfterReview,
            Court = f.Court,
            ReviewCaseReference = f.ReviewCaseReference,
            Role = f.Role,
            LastFactOn = f.FiledOn,
        },
        LawsuitRegistered r => state with { RegisteredOn = r.On, Simplified = r.Simplified, LastFactOn = Later(state.LastFactOn, r.On) },
        LawsuitSuspended s => state with { Suspensions = state.Suspensions.Add(new Suspension(s.On, null)), LastFactOn = Later(state.LastFactOn, s.On) },
        LawsuitResumed r when state.Suspended => state with
        {
            Suspensions = state.Suspensions.SetItem(state.Suspensions.Count - 1, state.Suspensions[^1] with { Until = r.On }),
            LastFactOn = Later(state.LastFactOn, r.On),
        },
        LawsuitJudged j when j.Instance == 1 => state with
        {
            FirstInstance = j,
            InForceOn = j.InForce ? j.On : null,
            AppealedOn = null,
            SecondInstance = null,
            LastFactOn = Later(state.LastFactOn, j.On),
        },
        // A remand sends the case back to the first instance: nothing is final, and the next judgment is a new first instance.
        LawsuitJudged j when j.Appeal == AppealOutcome.Remanded => state with
        {
            FirstInstance = null,
            SecondInstance = null,
            AppealedOn = null,
            InForceOn = null,
            LastFactOn = Later(state.LastFactOn, j.On),
        },
        LawsuitJudged j => state with { SecondInstance = j, InForceOn = j.On, LastFactOn = Later(state.LastFactOn, j.On) },
        JudgmentAppealed a => state with { AppealedOn = a.On, LastFactOn = Later(state.LastFactOn, a.On) },
        JudgmentInForce f => state with { InForceOn = f.On, LastFactOn = Later(state.LastFactOn, f.On) },
        ComplaintCopyReceived c => state with { CopyReceivedOn = c.On, LastFactOn = Later(state.LastFactOn, c.On) },
        DefenceSubmitted d => state with { DefenceSubmittedOn = d.On, LastFactOn = Later(state.LastFactOn, d.On) },
        _ => state,
    };

    public static CaseResult? ResultOf(LawsuitJudged? judgment, CaseResultPolicies policies) =>
        judgment is null ? null : judgment.Judgment is { } type ? policies.Of(type) : judgment.Result;

    /// <summary>The final effective result: a second instance that upheld (or saw the appeal withdrawn) keeps the first.</summary>
    public CaseResult? FinalResult(CaseResultPolicies policies) =>
        !Concluded ? null
        : SecondInstance is { Appeal: AppealOutcome.Upheld or AppealOutcome.Withdrawn } ? ResultOf(FirstInstance, policies)
        : SecondInstance is not null ? ResultOf(SecondInstance, policies) ?? ResultOf(FirstInstance, policies)
        : ResultOf(FirstInstance, policies);

    private static LocalDate Later(LocalDate a, LocalDate b) => a >= b ? a : b;
}

