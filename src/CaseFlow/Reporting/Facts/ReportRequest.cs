using CaseFlow.EventStore;
using CaseFlow.EventStore.Projections;
using CaseFlow.Requests;
using NodaTime;

namespace CaseFlow.Reporting.Facts;

/// <summary>
/// What table 三 needs of one request: when it was received, in which applicant column, and when and how it was first
/// concluded. Derived by the counting policies from the recorded facts.
/// </summary>
public sealed record ReportRequest(string Reference, LocalDate ReceivedOn, ApplicantType Column, LocalDate? ConcludedOn, Outcome? Outcome, bool Reopened)
{
    public static ReportRequest? Evolve(ReportRequest? fact, object e, Request state, CountingPolicies policies, OutcomePolicies outcomes) => e switch
    {
        RequestReceived r => new ReportRequest(r.Reference, r.ReceivedOn, ColumnOf(r.Applicant, policies), null, null, false),
        RequestReopened when fact is not null => fact with { Reopened = true },
        _ when fact is not null && state.FirstConclusion is { } first && fact.ConcludedOn is null =>
            fact with { ConcludedOn = first.On, Outcome = first.Row(outcomes) },
        _ => fact,
    };

    /// <summary>§3.6 h: the named applicant's type; an agent does not change the column.</summary>
    public static ApplicantType ColumnOf(Applicant applicant, CountingPolicies policies) => policies.ApplicantColumn switch
    {
        _ => applicant.Type,
    };
}

/// <summary>
/// Table 三's facts in <c>rm.report_requests</c>, kept in the append transaction, so a request answered a moment ago is
/// already counted. Changing a counting policy means a new projection version: the table is rebuilt from the events.
/// </summary>
public sealed class ReportRequestProjection(CountingPolicies policies, OutcomePolicies outcomes) : SingleStreamProjection<ReportRequestProjection.Doc>(
    "reporting.requests", "rm.report_requests", 1, [Request.StreamType])
{
    /// <summary>The stored document: the fact plus the request state it is derived from.</summary>
    public sealed record Doc(ReportRequest Fact, Request State);

    protected override IReadOnlyList<DocColumn<Doc>> Columns { get; } =
    [
        DocColumn.Text<Doc>("reference", d => d.Fact.Reference),
        DocColumn.Date<Doc>("received_on", d => d.Fact.ReceivedOn),
        DocColumn.Text<Doc>("applicant_column", d => Codes.ApplicantTypes.Code(d.Fact.Column)),
        DocColumn.Date<Doc>("concluded_on", d => d.Fact.ConcludedOn),
        DocColumn.Text<Doc>("outcome", d => d.Fact.Outcome is { } o ? Codes.Outcomes.Code(o) : null),
        DocColumn.Bool<Doc>("reopened", d => d.Fact.Reopened),
    ];

    protected override string IndexesSql(string table) => $"""
        create index on {table} (tenant_id, received_on);
        create index on {table} (tenant_id, concluded_on);
        """;

    public override Doc? Evolve(Doc? document, RecordedEvent e)
    {
        var state = Request.Evolve(document?.State ?? Request.Initial, e.Data);
        var fact = ReportRequest.Evolve(document?.Fact, e.Data, state, policies, outcomes);
        return fact is null ? null : new Doc(fact, state);
    }
}
