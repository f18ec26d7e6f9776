using CaseFlow.Requests;
using CaseFlow.Reviews;
using NodaTime;

namespace CaseFlow.Demo;

/// <summary>One generated stream: where it goes, the aggregate type it is declared with, and its events.</summary>
public sealed record GeneratedStream(string Agency, Guid StreamId, Type Aggregate, IReadOnlyList<object> Events);

/// <summary>
/// Province-scale data for benchmarks: an agency tree (province, cities, departments and counties) and years of
/// requests with a realistic mix of applicants, clarifications, extensions, outcomes, withdrawals, reviews and suits.
/// Events are built directly (not through the deciders), the way a migration from an old system would append them;
/// they are plausible facts, so the report's checks hold on them. Deterministic for a seed.
/// </summary>
public sealed class ProvinceScenarios(int seed)
{
    private static readonly (ApplicantType Type, int Weight)[] s_applicants =
    [
        (ApplicantType.NaturalPerson, 80), (ApplicantType.CommercialEnterprise, 10), (ApplicantType.ResearchInstitution, 2),
        (ApplicantType.PublicInterestOrg, 2), (ApplicantType.LegalServiceOrg, 4), (ApplicantType.OtherOrg, 2),
    ];

    private static readonly (Outcome Outcome, int Weight)[] s_answers =
    [
        (Outcome.Disclosed, 42), (Outcome.PartiallyDisclosed, 14), (Outcome.UnableNotHeld, 20), (Outcome.UnableNeedsCreation, 3),
        (Outcome.RefusedThirdPartyRights, 2), (Outcome.RefusedProcessInformation, 3), (Outcome.RefusedInternalAffairs, 1),
        (Outcome.RefusedEnforcementCaseFile, 1), (Outcome.RefusedAdministrativeQuery, 1), (Outcome.RefusedStateSecret, 1),
        (Outcome.NotProcessedComplaint, 4), (Outcome.NotProcessedRepeat, 3), (Outcome.NotProcessedPublication, 1), (Outcome.NotProcessedConfirmation, 1),
    ];

    private readonly Random _random = new(seed);

    /// <summary>The province's agencies, parents first: one province, <paramref name="cities"/> cities, the rest under the cities.</summary>
    public static IReadOnlyList<(string Code, string Name, string? Parent)> Agencies(int count, int cities = 16)
    {
        var list = new List<(string, string, string?)> { ("prov", "省人民政府", null) };
        cities = Math.Min(cities, Math.Max(0, count - 1));
        for (var c = 1; c <= cities; c++)
        {
            list.Add(($"city{c:D2}", $"第{c}市人民政府", "prov"));
        }

        for (var i = 0; list.Count < count; i++)
        {
            var city = i % cities + 1;
            list.Add(($"city{city:D2}-u{i / cities + 1:D3}", $"第{city}市第{i / cities + 1}单位", $"city{city:D2}"));
        }

        return list;
    }

    /// <summary>
    /// <paramref name="count"/> requests of one agency received in <paramref name="year"/>, with their review and lawsuit
    /// streams. Requests received near the end of the last year (<paramref name="today"/>) may still be open.
    /// </summary>
    public IEnumerable<GeneratedStream> Year(string agency, int year, int count, LocalDate today)
    {
        var start = new LocalDate(year, 1, 2);
        var days = Period.DaysBetween(start, new LocalDate(year, 12, 31));
        for (var n = 1; n <= count; n++)
        {
            var received = start.PlusDays(_random.Next(days + 1));
            var reference = $"{year}-{n:D5}";
            var events = new List<object>
            {
                new RequestReceived(reference, received, (Channel)_random.Next(6), new Applicant(Pick(s_applicants), $"申请人{n}"), "政府信息公开申请"),
            };
            var day = received;
            var lapsed = false;
            if (_random.Next(100) < 8)
            {
                events.Add(new ClarificationRequested(day = day.PlusDays(3), day.PlusDays(18), ["请说明所需信息的名称或文号"]));
                if (_random.Next(100) < 80)
                {
                    events.Add(new CorrectedRequestReceived(day = day.PlusDays(_random.Next(2, 12))));
                }
                else
                {
                    events.Add(new ClarificationLapsed(day = day.PlusDays(_random.Next(17, 25))));
                    lapsed = true;
                }
            }

            if (!lapsed && _random.Next(100) < 5)
            {
                events.Add(new ExtensionApproved(day.PlusDays(20), 15, "分管负责人"));
                day = day.PlusDays(15);
            }

            var concluded = day.PlusDays(_random.Next(5, 36));
            if (!lapsed && concluded <= today)
            {
                var roll = _random.Next(100);
                events.Add(roll < 3 ? new RequestWithdrawn(concluded)
                    : roll < 4 ? new RequestAnswered(concluded, [new AnsweredItem(null, Outcome.Other)], AnswerType.NotHandledAsDisclosure)
                    : Answer(concluded, Pick(s_answers)));
            }

            var caseDay = concluded.PlusDays(_random.Next(20, 55));
            var challenged = events[^1] is RequestAnswered && caseDay <= today && _random.Next(1000) < 12;
            if (challenged)
            {
                var caseReference = $"{reference}-F";
                var lawsuit = _random.Next(4) == 0;
                events.Add(new RequestChallenged(caseReference, lawsuit ? CaseGroup.LawsuitDirect : CaseGroup.Review, caseDay));
                yield return new GeneratedStream(agency, Infrastructure.StreamIds.Request(agency, reference), typeof(Requests.GettingDetails.RequestFile), events);
                yield return lawsuit ? Lawsuit(agency, caseReference, reference, caseDay, today) : Review(agency, caseReference, reference, caseDay, today);
            }
            else
            {
                yield return new GeneratedStream(agency, Infrastructure.StreamIds.Request(agency, reference), typeof(Requests.GettingDetails.RequestFile), events);
            }
        }
    }

    private GeneratedStream Review(string agency, string caseReference, string request, LocalDate filed, LocalDate today)
    {
        var events = new List<object> { new ReviewFiled(caseReference, request, filed, "上级人民政府"), new ReviewAccepted(filed.PlusDays(5), false) };
        var decided = filed.PlusDays(_random.Next(40, 90));
        if (decided <= today)
        {
            var decision = _random.Next(100) switch
            {
                < 65 => ReviewDecision.Maintained,
                < 80 => ReviewDecision.ConfirmedIllegal,
                < 88 => ReviewDecision.RevokedWithRedo,
                _ => ReviewDecision.Withdrawn,
            };
            events.Add(new ReviewDecided(decided, decision, null));
        }

        return new GeneratedStream(agency, Infrastructure.StreamIds.Review(agency, caseReference), typeof(Reviews.GettingCases.CaseFile), events);
    }

    private GeneratedStream Lawsuit(string agency, string caseReference, string request, LocalDate filed, LocalDate today)
    {
        var events = new List<object> { new LawsuitFiled(caseReference, request, filed, false, "区人民法院"), new LawsuitRegistered(filed.PlusDays(7), false) };
        var judged = filed.PlusDays(_random.Next(90, 180));
        if (judged <= today)
        {
            var judgment = _random.Next(100) switch
            {
                < 70 => JudgmentType.ClaimDismissed,
                < 85 => JudgmentType.ConfirmedIllegal,
                _ => JudgmentType.SuitDismissed,
            };
            events.Add(new LawsuitJudged(judged, 1, judgment, null, IsRuling: judgment == JudgmentType.SuitDismissed, InForce: true));
        }

        return new GeneratedStream(agency, Infrastructure.StreamIds.Lawsuit(agency, caseReference), typeof(Reviews.GettingCases.CaseFile), events);
    }

    private static RequestAnswered Answer(LocalDate on, Outcome outcome) =>
        new(on, [new AnsweredItem(null, outcome)], OutcomeRows.Of(outcome).AnswerType);

    private T Pick<T>((T Value, int Weight)[] table)
    {
        var roll = _random.Next(table.Sum(t => t.Weight));
        foreach (var (value, weight) in table)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return table[^1].Value;
    }
}
