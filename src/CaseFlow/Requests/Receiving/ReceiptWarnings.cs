using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;
using Marten;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>
/// What an experienced officer would question before registering a request — not errors (the decider has those), but
/// things to confirm: a receipt date on a rest day, a late registration eating into the 20 working days, missing
/// identity or contact details, a likely repeat of a recent request.
/// </summary>
public static class ReceiptWarnings
{
    public static IReadOnlyList<string> Check(ReceiveRequestBody body, LocalDate? receivedOn, WorkdayCalendar calendar, ClockPolicies policies,
        LocalDate today, IReadOnlyList<string> similarRecent)
    {
        var warnings = new List<string>();
        if (!Codes.Channels.TryParse(body.Channel, out var channel))
        {
            return warnings;
        }

        if (receivedOn is null && channel is Channel.OrdinaryMail or Channel.Online or Channel.Fax)
        {
            warnings.Add($"{Labels.Of(channel)}提交的申请，以{ReceiptRules.RuleOf(channel)}为收到之日（《条例》第三十一条）：尚未与申请人确认的，请先确认再登记，并填写确认日期。");
        }

        if (receivedOn is { } received)
        {
            if (!calendar.IsWorkingDay(received))
            {
                warnings.Add($"收到日期 {received:yyyy-MM-dd} 不是工作日，请核对；答复期限自其后第一个工作日起算。");
            }

            // The answer date the clock would give this request, as if registered now.
            var state = Request.Evolve(Request.Initial, new RequestReceived("?", received, channel, new Applicant(ApplicantType.NaturalPerson, "?")));
            var due = RequestClock.Compute(state, calendar, policies, today).Answer.Due;
            if (due < today)
            {
                warnings.Add($"按此收到日期，20个工作日的答复期限 {due:yyyy-MM-dd} 已经届满：请核对日期；确属逾期的，登记后将显示为逾期。");
            }
            else if (received < today && calendar.WorkingDaysBetween(received, today) > 5)
            {
                warnings.Add($"登记较晚：收到至今已过 {calendar.WorkingDaysBetween(received, today)} 个工作日，答复期限为 {due:yyyy-MM-dd}。");
            }
        }

        if (body.ArrivedOn is { } arrived && body.ConfirmedOn is { } confirmed && calendar.WorkingDaysBetween(arrived, confirmed) > 5)
        {
            warnings.Add($"到达（{arrived:yyyy-MM-dd}）与确认（{confirmed:yyyy-MM-dd}）相隔超过5个工作日：确认应及时进行，请核对。");
        }

        if (channel == Channel.Oral)
        {
            warnings.Add("口头提出的申请，应由工作人员代为填写申请书并经申请人确认（《条例》第二十九条）。");
        }

        var applicant = body.Applicant;
        if (applicant?.Type == "natural-person" && string.IsNullOrWhiteSpace(applicant.IdNumber))
        {
            warnings.Add("未登记申请人的身份证件号码：申请应当提供身份证明（《条例》第二十九条）。");
        }

        if (IdentityNumbers.ResidentIdProblem(applicant?.IdNumber, today) is { } idProblem)
        {
            warnings.Add(idProblem + "。");
        }

        if (IdentityNumbers.PhoneProblem(applicant?.Phone) is { } phoneProblem)
        {
            warnings.Add(phoneProblem + "。");
        }

        if (applicant is not null && string.IsNullOrWhiteSpace(applicant.Phone) && string.IsNullOrWhiteSpace(applicant.Address) && string.IsNullOrWhiteSpace(applicant.Email))
        {
            warnings.Add("未登记任何联系方式（电话、地址或电子邮箱），补正告知和答复将无法送达。");
        }

        if (string.IsNullOrWhiteSpace(body.Subject))
        {
            warnings.Add("未填写所需信息的名称或描述（《条例》第二十九条）：内容不明确的，应一次性告知补正。");
        }

        foreach (var similar in similarRecent)
        {
            warnings.Add($"同一申请人近期提出过相同内容的申请 {similar}：可能属于重复申请（表三（五）2），请核对。");
        }

        return warnings;
    }

    /// <summary>The agency's requests of the last 60 days with the same applicant name and subject.</summary>
    public static async Task<IReadOnlyList<string>> SimilarRecentAsync(CaseFlowApp app, string agency, string? applicantName, string? subject, LocalDate today, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(applicantName) || string.IsNullOrWhiteSpace(subject))
        {
            return [];
        }

        var name = applicantName.Trim();
        var about = subject.Trim();
        var since = today.PlusDays(-60);
        await using var query = app.Query(agency);
        return await query.Query<RequestFile>()
            .Where(f => f.ApplicantName == name && f.Subject == about && f.ReceivedOn >= since)
            .OrderByDescending(f => f.ReceivedOn).Take(3).Select(f => f.Reference)
            .ToListAsync(ct);
    }

    /// <summary>A suggested reference number: the year and the next number of the agency's requests that year.</summary>
    public static async Task<string> SuggestReferenceAsync(CaseFlowApp app, string agency, LocalDate today, CancellationToken ct)
    {
        var prefix = $"{today.Year}-";
        await using var query = app.Query(agency);
        var count = await query.Query<RequestFile>().CountAsync(f => f.Reference.StartsWith(prefix), ct);
        for (var n = count + 1; ; n++)
        {
            var candidate = $"{today.Year}-{n:D4}";
            if (!await query.Query<RequestFile>().AnyAsync(f => f.Reference == candidate, ct))
            {
                return candidate;
            }
        }
    }
}
