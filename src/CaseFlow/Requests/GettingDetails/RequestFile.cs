using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace CaseFlow.Requests.GettingDetails;

/// <summary>
/// A request's file (档案), kept in the append transaction (<c>rm.mt_doc_request_files</c>): the request's state, which
/// commands decide on (one row read, no fold), what the screens show, and the facts table 三 counts — when the request was
/// received, in which applicant column, and when and how it was first concluded, derived by the counting and outcome
/// policies. The flat fields are the columns the lists and the report's GROUPING SETS read. Deadlines are not stored:
/// they are derived from <see cref="State"/> and the calendar whenever they are shown.
/// </summary>
public sealed record RequestFile
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Request State { get; init; } = Request.Initial;
    public Applicant Applicant { get; init; } = new(Requests.ApplicantType.NaturalPerson, "");
    public string? RequestedForm { get; init; }
    public LocalDate? ArrivedOn { get; init; }
    public LocalDate? ConfirmedOn { get; init; }
    public IReadOnlyList<string> ClarificationItems { get; init; } = [];
    public RequestAnswered? Answer { get; init; }
    public string? WithdrawalReason { get; init; }
    public FeeNoticeIssued? FeeNotice { get; init; }

    // The columns (duplicated fields) of the lists: codes as the API and the import spell them.
    public string Reference { get; init; } = "";

    /// <summary>The number as a reader sees it (NFKC, upper case): look-alike numbers share it (<see cref="RequestNumbers"/>).</summary>
    public string ReferenceKey => RequestNumbers.Key(Reference);
    public string Status { get; init; } = "";
    public LocalDate ReceivedOn { get; init; }
    public string Channel { get; init; } = "";
    public string ApplicantType { get; init; } = "";
    public string ApplicantName { get; init; } = "";
    public string? Officer { get; init; }
    public string? Subject { get; init; }

    // Table 三's facts (§3.6): the first conclusion counts; a reopened request stays one application, flagged.
    public string ApplicantColumn { get; init; } = "";
    public LocalDate? ConcludedOn { get; init; }
    public string? Outcome { get; init; }
    public bool Reopened { get; init; }

    /// <summary>The file of a request stream's events (null when the stream is empty or not a request).</summary>
    public static RequestFile? Fold(IEnumerable<IEvent> events, OutcomePolicies policies) =>
        events.Aggregate((RequestFile?)null, (file, e) => Evolve(file, e.Data, e.Version, policies));

    public static RequestFile? Evolve(RequestFile? file, object e, long version, OutcomePolicies policies)
    {
        if (file is null && e is not RequestReceived)
        {
            return null;
        }

        file ??= new RequestFile();
        var state = Request.Evolve(file.State, e);
        file = e switch
        {
            RequestReceived r => file with
            {
                Applicant = r.Applicant,
                Subject = r.Subject,
                RequestedForm = r.RequestedForm,
                ArrivedOn = r.ArrivedOn,
                ConfirmedOn = r.ConfirmedOn,
            },
            ClarificationRequested c => file with { ClarificationItems = c.Items },
            RequestAnswered a => file with { Answer = a },
            RequestWithdrawn w => file with { WithdrawalReason = w.Reason },
            FeeNoticeIssued f => file with { FeeNotice = f },
            RequestReopened => file with { Answer = null },
            _ => file,
        };
        return file with
        {
            State = state,
            Version = version,
            Reference = state.Reference,
            Status = Codes.Statuses.Code(state.Status),
            ReceivedOn = state.ReceivedOn,
            Channel = Codes.Channels.Code(state.Channel),
            ApplicantType = Codes.ApplicantTypes.Code(file.Applicant.Type),
            ApplicantName = file.Applicant.Name,
            Officer = state.Officer,
            ApplicantColumn = Codes.ApplicantTypes.Code(ColumnOf(file.Applicant, policies.ApplicantColumn)),
            ConcludedOn = state.FirstConclusion is { } counted ? CountedOn(counted, state, policies) : null,
            Outcome = state.FirstConclusion is { } first ? Codes.Outcomes.Code(first.Row(policies)) : null,
            Reopened = !state.ReopenedBy.IsEmpty,
        };
    }

    /// <summary>§3.6 h: the named applicant's type; by the other policy, the agent's type when one is recorded.</summary>
    public static ApplicantType ColumnOf(Applicant applicant, ApplicantColumnRule rule) =>
        rule == ApplicantColumnRule.Agent && applicant.Agent?.Type is { } type && Codes.ApplicantTypes.TryParse(type, out var agentType)
            ? agentType
            : applicant.Type;

    /// <summary>
    /// The date that puts the first conclusion in a year (§3.6 e): the conclusion date, or by policy the answer's delivery;
    /// a lapse recorded late counts from the day after the deadline it relies on (the lapse-year policy).
    /// </summary>
    public static LocalDate CountedOn(Conclusion conclusion, Request state, OutcomePolicies policies) => conclusion.Kind switch
    {
        ConclusionKind.ClarificationLapsed or ConclusionKind.FeeLapsed
            when policies.LapseYear == LapseYearRule.LapseDate && conclusion.LapsedAfter is { } deadline && deadline.PlusDays(1) < conclusion.On => deadline.PlusDays(1),
        ConclusionKind.Answered when policies.OutcomeYear == OutcomeYearRule.DeliveryDate && state.ReopenedBy.IsEmpty
            && state.AnswerDeliveredOn is { } delivered => delivered,
        _ => conclusion.On,
    };
}

/// <summary>
/// The inline projection of request files. Changing a counting or outcome policy means a new projection version: the
/// files are rebuilt from the events.
/// </summary>
public sealed class RequestFileProjection : SingleStreamProjection<RequestFile, Guid>
{
    private readonly OutcomePolicies _policies;

    public RequestFileProjection(OutcomePolicies policies)
    {
        _policies = policies;
        Name = "requests.files";
        foreach (var type in RequestEvents.All)
        {
            IncludeType(type);
        }
    }

    public override RequestFile? Evolve(RequestFile? snapshot, Guid id, IEvent e) =>
        RequestFile.Evolve(snapshot, e.Data, e.Version, _policies) is { } file ? file with { Id = id } : null;
}

/// <summary>The event types of a request stream (for the projections that read them).</summary>
public static class RequestEvents
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(RequestReceived), typeof(OfficerAssigned), typeof(ClarificationRequested), typeof(CorrectedRequestReceived),
        typeof(ClarificationLapsed), typeof(ExtensionApproved), typeof(ConsultationStarted), typeof(ConsultationEnded),
        typeof(VolumeReasonsRequested), typeof(DelayedAnswerDateSet), typeof(FeeNoticeIssued), typeof(FeePaid), typeof(FeeLapsed),
        typeof(RequestAnswered), typeof(RequestWithdrawn), typeof(RequestCarriedOver), typeof(RequestReopened),
        typeof(AnswerDelivered), typeof(RequestChallenged), typeof(LetterIssued),
        typeof(ExtensionApprovalRequested), typeof(ExtensionRefused), typeof(DelayedAnswerDateApprovalRequested), typeof(DelayedAnswerDateRefused),
    ];
}
