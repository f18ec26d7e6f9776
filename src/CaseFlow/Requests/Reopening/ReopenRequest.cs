using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Open a concluded request again because a review decision or judgment ordered a new answer.</summary>
public sealed record ReopenRequest(LocalDate On, string CaseReference, int? WorkingDays = null, LocalDate? DueOn = null) : RequestCommand;

/// <summary>Record that the request was still open on 31 December (by business date): the year-end close does this.</summary>
public sealed record CarryOverRequest(int Year) : RequestCommand;
