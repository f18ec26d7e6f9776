using CaseFlow.EventStore;
using CaseFlow.EventStore.Projections;
using CaseFlow.Reporting;
using NodaTime;

namespace CaseFlow.Reviews.Facts;

/// <summary>
/// What table 四 needs of one case: its group, whether the agency counts it (not as a co-defendant review body), when it
/// was filed, and when and how it ended — by the second-instance and result-mapping policies.
/// </summary>
public sealed record ReportCase(string CaseReference, string RequestReference, CaseGroup Group, bool Counted, LocalDate FiledOn, LocalDate? ConcludedOn, CaseResult? Result);

/// <summary>Table 四's facts in <c>rm.report_cases</c>, kept in the append transaction of each case.</summary>
public sealed class ReportCaseProjection(CountingPolicies counting, CaseResultPolicies results)
    : SingleStreamProjection<ReportCaseProjection.Doc>("reporting.cases", "rm.report_cases", 1, [Review.StreamType, Lawsuit.StreamType])
{
    public sealed record Doc(ReportCase Fact, Review? Review, Lawsuit? Lawsuit);

    protected override IReadOnlyList<DocColumn<Doc>> Columns { get; } =
    [
        DocColumn.Text<Doc>("case_reference", d => d.Fact.CaseReference),
        DocColumn.Text<Doc>("request_reference", d => d.Fact.RequestReference),
        DocColumn.Text<Doc>("case_group", d => CaseCodes.Groups.Code(d.Fact.Group)),
        DocColumn.Bool<Doc>("counted", d => d.Fact.Counted),
        DocColumn.Date<Doc>("filed_on", d => d.Fact.FiledOn),
        DocColumn.Date<Doc>("concluded_on", d => d.Fact.ConcludedOn),
        DocColumn.Text<Doc>("result", d => d.Fact.Result is { } r ? CaseCodes.Results.Code(r) : null),
    ];

    protected override string IndexesSql(string table) => $"""
        create index on {table} (tenant_id, filed_on);
        create index on {table} (tenant_id, concluded_on);
        """;

    public override Doc? Evolve(Doc? document, RecordedEvent e)
    {
        if (document?.Review is not null || e.Data is ReviewFiled)
        {
            var review = Review.Evolve(document?.Review ?? Review.Initial, e.Data);
            return review.Filed
                ? new Doc(new ReportCase(review.CaseReference, review.RequestReference, CaseGroup.Review, true, review.FiledOn, review.Decision?.On, review.Result(results)), review, null)
                : null;
        }

        if (document?.Lawsuit is not null || e.Data is LawsuitFiled)
        {
            var lawsuit = Lawsuit.Evolve(document?.Lawsuit ?? Lawsuit.Initial, e.Data);
            if (!lawsuit.Filed)
            {
                return null;
            }

            var (concluded, result) = counting.SecondInstance switch
            {
                SecondInstanceRule.FirstInstanceOnly when lawsuit.FirstInstance is { } first => (first.On, Lawsuit.ResultOf(first, results)),
                SecondInstanceRule.FirstInstanceOnly => (null, null),
                _ => (lawsuit.InForceOn, lawsuit.FinalResult(results)),
            };
            return new Doc(new ReportCase(lawsuit.CaseReference, lawsuit.RequestReference, lawsuit.Group, lawsuit.Role == AgencyRole.OriginalActor,
                lawsuit.FiledOn, concluded, concluded is null ? null : result), null, lawsuit);
        }

        return document;
    }
}
