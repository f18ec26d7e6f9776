using NodaTime;

namespace CaseFlow.Deadlines;

public enum DeadlineKind
{
    /// <summary>The correction notice must go out within 7 working days of receipt (Regs art. 30).</summary>
    ClarificationNotice,

    /// <summary>The answer (Regs art. 33, with extension, pauses, restarts and the art. 35 override).</summary>
    Answer,

    /// <summary>The applicant's correction deadline set in the notice (Regs art. 30).</summary>
    ApplicantClarification,

    /// <summary>The applicant's fee payment deadline (Fee Measures).</summary>
    FeePayment,

    /// <summary>The consulted party's reply window (Regs arts. 32, 34).</summary>
    ConsultationReply,

    /// <summary>The applicant may apply for review within 60 days of knowing the answer (ARL art. 20; 2017: art. 9).</summary>
    ApplicantReviewWindow,

    /// <summary>The applicant may sue directly within 6 months of knowing the answer (ALL art. 46).</summary>
    ApplicantSuitWindow,

    /// <summary>The review body decides whether to accept within 5 working days (ARL-2023 arts. 30, 88).</summary>
    ReviewAcceptance,

    /// <summary>The review body decides within 60 days of acceptance, +30 on extension; 30 days simplified (ARL-2023 art. 62).</summary>
    ReviewDecision,

    /// <summary>The applicant may sue within 15 days of receiving the review decision (ALL art. 45).</summary>
    SuitAfterReviewWindow,

    /// <summary>The court registers the case or rules within 7 days (ALL art. 51).</summary>
    LawsuitRegistration,

    /// <summary>First instance within 6 months of registration; 45 days simplified (ALL arts. 81, 83).</summary>
    FirstInstance,

    /// <summary>15 days to appeal a judgment, 10 days a ruling (ALL art. 85).</summary>
    AppealWindow,

    /// <summary>Second instance within 3 months of the appeal (ALL art. 88).</summary>
    SecondInstance,

    /// <summary>The agency's written reply and evidence in a review: 10 working days from the copy (ARL-2023 arts. 48, 88; 2017: 10 days, art. 23).</summary>
    ReviewReply,

    /// <summary>The agency's defence and evidence in a lawsuit: 15 days from the complaint copy (ALL art. 67).</summary>
    LawsuitDefence,
}

/// <summary>A statutory date with how it was computed. Provisional when it runs into a year whose calendar is not loaded.</summary>
public sealed record Deadline(DeadlineKind Kind, LocalDate Due, bool Provisional, Explanation Explanation)
{
    /// <summary>For the answer: the earlier date obtained if the receipt day counted as day 1 — a safe target (§1.10).</summary>
    public LocalDate? SafeTarget { get; init; }

    /// <summary>What the deadline concerns when there can be several (the consulted party).</summary>
    public string? Subject { get; init; }
}
