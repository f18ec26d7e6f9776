using System.Text.Json.Serialization;
using CaseFlow.EventStore;
using CaseFlow.EventStore.Projections;
using NodaTime;

namespace CaseFlow.Requests.GettingDetails;

/// <summary>
/// A request's file (档案): everything recorded about it, kept current in the append transaction (inline projection).
/// Deadlines are not stored here: they are derived from <see cref="State"/> and the calendar whenever they are shown.
/// </summary>
public sealed record RequestFile
{
    public Request State { get; init; } = Request.Initial;
    public Applicant Applicant { get; init; } = new(ApplicantType.NaturalPerson, "");
    public string? Subject { get; init; }
    public string? RequestedForm { get; init; }
    public LocalDate? ArrivedOn { get; init; }
    public LocalDate? ConfirmedOn { get; init; }
    public IReadOnlyList<string> ClarificationItems { get; init; } = [];
    public RequestAnswered? Answer { get; init; }
    public string? WithdrawalReason { get; init; }
    public FeeNoticeIssued? FeeNotice { get; init; }
    public Instant LastRecordedAt { get; init; }

    [JsonIgnore]
    public string Reference => State.Reference;

    /// <summary>The file of a request stream's events (null when the stream is empty or not a request).</summary>
    public static RequestFile? Fold(IEnumerable<RecordedEvent> events) => events.Aggregate((RequestFile?)null, Evolve);

    public static RequestFile? Evolve(RequestFile? file, RecordedEvent e)
    {
        if (file is null && e.Data is not RequestReceived)
        {
            return null;
        }

        file ??= new RequestFile();
        file = file with { State = Request.Evolve(file.State, e.Data), LastRecordedAt = e.RecordedAt };
        return e.Data switch
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
    }
}

/// <summary>The inline projection of request files into <c>rm.request_files</c>, with the columns lists filter on.</summary>
public sealed class RequestFileProjection() : SingleStreamProjection<RequestFile>("requests.files", "rm.request_files", 1, [Request.StreamType])
{
    protected override IReadOnlyList<DocColumn<RequestFile>> Columns { get; } =
    [
        DocColumn.Text<RequestFile>("reference", f => f.Reference),
        DocColumn.Text<RequestFile>("status", f => Codes.Statuses.Code(f.State.Status)),
        DocColumn.Date<RequestFile>("received_on", f => f.State.ReceivedOn),
        DocColumn.Text<RequestFile>("channel", f => Codes.Channels.Code(f.State.Channel)),
        DocColumn.Text<RequestFile>("applicant_type", f => Codes.ApplicantTypes.Code(f.Applicant.Type)),
        DocColumn.Text<RequestFile>("applicant_name", f => f.Applicant.Name),
        DocColumn.Text<RequestFile>("officer", f => f.State.Officer),
        DocColumn.Text<RequestFile>("outcome", f => f.State.Conclusion is { } c ? Codes.Outcomes.Code(c.Row(OutcomePolicies.Default)) : null),
        DocColumn.Date<RequestFile>("concluded_on", f => f.State.Conclusion?.On),
        DocColumn.Text<RequestFile>("subject", f => f.Subject),
    ];

    protected override string IndexesSql(string table) => $"""
        create unique index on {table} (tenant_id, reference);
        create index on {table} (tenant_id, status, received_on);
        """;

    public override RequestFile? Evolve(RequestFile? document, RecordedEvent e) => RequestFile.Evolve(document, e);
}
