using System.Collections.Immutable;
using CaseFlow.Deadlines;
using NodaTime;

namespace CaseFlow.Reviews;

// Events of a review case (行政复议) against the agency's handling of a request. Stream: one per case, in the agency's
// tenant (the agency is the respondent).

public sealed record ReviewFiled(string CaseReference, string RequestReference, LocalDate FiledOn, string? ReviewBody = null);

/// <summary>
/// The review body asked the applicant to correct the application (补正, ARL-2023 art. 31; ARL-2017 Impl. art. 29): the
/// acceptance period starts again when the corrected application is received.
/// </summary>
public sealed record ReviewCorrectionRequested(LocalDate On, LocalDate? ReplyBy);

public sealed record ReviewCorrectionReceived(LocalDate On);

/// <summary>Accepted by the review body, in the ordinary or the simplified procedure (ARL-2023 arts. 53, 62).</summary>
public sealed record ReviewAccepted(LocalDate On, bool Simplified);

public sealed record ReviewSuspended(LocalDate On, string Reason);

public sealed record ReviewResumed(LocalDate On);

/// <summary>The decision period extended (at most 30 days, ordinary procedure; ARL-2023 art. 62, ARL-2017 art. 31).</summary>
public sealed record ReviewExtended(LocalDate On, int Days);

/// <summary>
/// The review decided. <see cref="Decision"/> is the decision type when known; <see cref="Result"/> the table-四 column
/// when only that was recorded (the import contract's <c>result</c>).
/// </summary>
public sealed record ReviewDecided(LocalDate On, ReviewDecision? Decision, CaseResult? Result, bool OrdersNewAnswer = false, int? AnswerWorkingDays = null);

/// <summary>The decision served on the applicant: the 15-day window to sue after review starts (ALL art. 45).</summary>
public sealed record ReviewDecisionDelivered(LocalDate On);

/// <summary>
/// The agency (the respondent, 被申请人) received the copy of the review application (申请书副本): its written reply with
/// the evidence is due within 10 days (ARL-2023 arts. 48, 88: working days; ARL-2017 art. 23: calendar days).
/// </summary>
public sealed record ReviewCopyReceived(LocalDate On);

/// <summary>The agency filed its written reply and evidence with the review office.</summary>
public sealed record ReviewReplySubmitted(LocalDate On);

public sealed record Suspension(LocalDate From, LocalDate? Until);

public sealed record Review
{
    public static readonly Review Initial = new();

    public bool Filed { get; init; }
    public string CaseReference { get; init; } = "";
    public string RequestReference { get; init; } = "";
    public LocalDate FiledOn { get; init; }
    public string? ReviewBody { get; init; }
    public LocalDate? CorrectionRequestedOn { get; init; }
    public LocalDate? CorrectionReplyBy { get; init; }
    public LocalDate? CorrectionReceivedOn { get; init; }
    public LocalDate? AcceptedOn { get; init; }
    public bool Simplified { get; init; }
    public ImmutableList<Suspension> Suspensions { get; init; } = [];
    public int ExtensionDays { get; init; }
    public ReviewDecided? Decision { get; init; }
    public LocalDate? DeliveredOn { get; init; }
    public LocalDate? CopyReceivedOn { get; init; }
    public LocalDate? ReplySubmittedOn { get; init; }
    public LocalDate LastFactOn { get; init; }

    public bool Arl2023 => FiledOn >= Statutes.Arl2023InForce;
    public bool Decided => Decision is not null;
    public bool Suspended => Suspensions.Count > 0 && Suspensions[^1].Until is null;
    public bool AwaitingCorrection => CorrectionRequestedOn is not null && CorrectionReceivedOn is null;

    /// <summary>Where the acceptance period counts from: the filing, or the corrected application.</summary>
    public LocalDate AcceptanceStart => CorrectionReceivedOn ?? FiledOn;

    public static Review Evolve(Review state, object e) => e switch
    {
        ReviewFiled f => state with { Filed = true, CaseReference = f.CaseReference, RequestReference = f.RequestReference, FiledOn = f.FiledOn, ReviewBody = f.ReviewBody, LastFactOn = f.FiledOn },
        ReviewCorrectionRequested c => state with { CorrectionRequestedOn = c.On, CorrectionReplyBy = c.ReplyBy, CorrectionReceivedOn = null, LastFactOn = Later(state.LastFactOn, c.On) },
        ReviewCorrectionReceived c => state with { CorrectionReceivedOn = c.On, LastFactOn = Later(state.LastFactOn, c.On) },
        ReviewAccepted a => state with { AcceptedOn = a.On, Simplified = a.Simplified, LastFactOn = Later(state.LastFactOn, a.On) },
        ReviewSuspended s => state with { Suspensions = state.Suspensions.Add(new Suspension(s.On, null)), LastFactOn = Later(state.LastFactOn, s.On) },
        ReviewResumed r when state.Suspended => state with
        {
            Suspensions = state.Suspensions.SetItem(state.Suspensions.Count - 1, state.Suspensions[^1] with { Until = r.On }),
            LastFactOn = Later(state.LastFactOn, r.On),
        },
        ReviewExtended x => state with { ExtensionDays = state.ExtensionDays + x.Days, LastFactOn = Later(state.LastFactOn, x.On) },
        ReviewDecided d => state with { Decision = d, LastFactOn = Later(state.LastFactOn, d.On) },
        ReviewDecisionDelivered d => state with { DeliveredOn = d.On, LastFactOn = Later(state.LastFactOn, d.On) },
        ReviewCopyReceived c => state with { CopyReceivedOn = c.On, LastFactOn = Later(state.LastFactOn, c.On) },
        ReviewReplySubmitted r => state with { ReplySubmittedOn = r.On, LastFactOn = Later(state.LastFactOn, r.On) },
        _ => state,
    };

    public CaseResult? Result(CaseResultPolicies policies) =>
        Decision is null ? null : Decision.Decision is { } type ? policies.Of(type) : Decision.Result;

    private static LocalDate Later(LocalDate a, LocalDate b) => a >= b ? a : b;
}

