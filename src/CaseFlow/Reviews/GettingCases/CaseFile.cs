using CaseFlow.Requests;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace CaseFlow.Reviews.GettingCases;

/// <summary>
/// A review's or lawsuit's case file (案卷), kept in the append transaction (<c>rm.mt_doc_case_files</c>): the case's
/// state, which its commands decide on (one row read, no fold) and from which its deadlines are derived, and what table
/// 四 counts — its group, whether the agency counts it (not as a co-defendant review body), when it was filed, when and
/// how it ended, by the second-instance and result-mapping policies.
/// </summary>
public sealed record CaseFile
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string CaseReference { get; init; } = "";
    public string RequestReference { get; init; } = "";
    public string CaseGroup { get; init; } = "";
    public bool Counted { get; init; }
    public LocalDate FiledOn { get; init; }
    public LocalDate? ConcludedOn { get; init; }
    public string? Result { get; init; }
    public Review? Review { get; init; }
    public Lawsuit? Lawsuit { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public CaseGroup Group => CaseCodes.Groups.Parse(CaseGroup);

    [System.Text.Json.Serialization.JsonIgnore]
    public CaseResult? ResultValue => Result is null ? null : CaseCodes.Results.Parse(Result);
}

/// <summary>The inline projection of case files (a policy change is a new projection version and a rebuild).</summary>
public sealed class CaseFileProjection : SingleStreamProjection<CaseFile, Guid>
{
    private readonly SecondInstanceRule _secondInstance;
    private readonly CaseResultPolicies _results;

    public CaseFileProjection(SecondInstanceRule secondInstance, CaseResultPolicies results)
    {
        _secondInstance = secondInstance;
        _results = results;
        Name = "reporting.cases";
        foreach (var type in CaseEvents.All)
        {
            IncludeType(type);
        }
    }

    public override CaseFile? Evolve(CaseFile? snapshot, Guid id, IEvent e) => Evolve(snapshot, e.Data, e.Version, _secondInstance, _results) is { } doc ? doc with { Id = id } : null;

    public static CaseFile? Evolve(CaseFile? document, object e, long version, SecondInstanceRule secondInstance, CaseResultPolicies results)
    {
        if (document?.Review is not null || e is ReviewFiled)
        {
            var review = Review.Evolve(document?.Review ?? Review.Initial, e);
            return review.Filed
                ? new CaseFile
                {
                    Version = version,
                    CaseReference = review.CaseReference,
                    RequestReference = review.RequestReference,
                    CaseGroup = CaseCodes.Groups.Code(CaseGroup.Review),
                    Counted = true,
                    FiledOn = review.FiledOn,
                    ConcludedOn = review.Decision?.On,
                    Result = review.Result(results) is { } r ? CaseCodes.Results.Code(r) : null,
                    Review = review,
                }
                : null;
        }

        if (document?.Lawsuit is not null || e is LawsuitFiled)
        {
            var lawsuit = Lawsuit.Evolve(document?.Lawsuit ?? Lawsuit.Initial, e);
            if (!lawsuit.Filed)
            {
                return null;
            }

            var (concluded, result) = secondInstance switch
            {
                SecondInstanceRule.FirstInstanceOnly when lawsuit.FirstInstance is { } first => (first.On, Lawsuit.ResultOf(first, results)),
                SecondInstanceRule.FirstInstanceOnly => (null, null),
                _ => (lawsuit.InForceOn, lawsuit.FinalResult(results)),
            };
            return new CaseFile
            {
                Version = version,
                CaseReference = lawsuit.CaseReference,
                RequestReference = lawsuit.RequestReference,
                CaseGroup = CaseCodes.Groups.Code(lawsuit.Group),
                Counted = lawsuit.Role == AgencyRole.OriginalActor,
                FiledOn = lawsuit.FiledOn,
                ConcludedOn = concluded,
                Result = concluded is not null && result is { } r ? CaseCodes.Results.Code(r) : null,
                Lawsuit = lawsuit,
            };
        }

        return document;
    }
}

/// <summary>The event types of review and lawsuit streams.</summary>
public static class CaseEvents
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(ReviewFiled), typeof(ReviewCorrectionRequested), typeof(ReviewCorrectionReceived), typeof(ReviewAccepted),
        typeof(ReviewSuspended), typeof(ReviewResumed), typeof(ReviewExtended), typeof(ReviewDecided), typeof(ReviewDecisionDelivered),
        typeof(LawsuitFiled), typeof(LawsuitRegistered), typeof(LawsuitSuspended), typeof(LawsuitResumed), typeof(LawsuitJudged),
        typeof(JudgmentAppealed), typeof(JudgmentInForce), typeof(ReviewCopyReceived), typeof(ReviewReplySubmitted),
        typeof(ComplaintCopyReceived), typeof(DefenceSubmitted),
    ];
}
