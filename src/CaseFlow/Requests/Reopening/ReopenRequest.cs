using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Open a concluded request again because a review decision or judgment ordered a new answer.</summary>
public sealed record ReopenRequest(LocalDate On, string CaseReference, int? WorkingDays = null, LocalDate? DueOn = null) : RequestCommand;

/// <summary>Record that the request was still open on 31 December (by business date): the year-end close does this.</summary>
public sealed record CarryOverRequest(int Year) : RequestCommand;

/// <summary>Record when the answer was served on the applicant (送达).</summary>
public sealed record DeliverAnswer(LocalDate On, string? Method = null) : RequestCommand;

/// <summary>Link a review or lawsuit filed over this request (its own stream holds the case).</summary>
public sealed record ChallengeRequest(string CaseReference, CaseGroup Group, LocalDate FiledOn) : RequestCommand;
