using NodaTime;

namespace CaseFlow.Requests;

/// <summary>The business date of each request fact: what "as of a day" filters on.</summary>
public static class RequestFacts
{
    public static LocalDate? DateOf(object e) => e switch
    {
        RequestReceived r => r.ReceivedOn,
        OfficerAssigned a => a.On,
        ClarificationRequested c => c.On,
        CorrectedRequestReceived c => c.On,
        ClarificationLapsed l => l.On,
        ExtensionApproved x => x.On,
        ExtensionApprovalRequested a => a.On,
        ExtensionRefused r => r.On,
        DelayedAnswerDateApprovalRequested a => a.On,
        DelayedAnswerDateRefused r => r.On,
        ConsultationStarted c => c.On,
        ConsultationEnded c => c.On,
        VolumeReasonsRequested v => v.On,
        DelayedAnswerDateSet d => d.On,
        FeeNoticeIssued f => f.On,
        FeePaid p => p.On,
        FeeLapsed l => l.On,
        RequestAnswered a => a.On,
        RequestWithdrawn w => w.On,
        RequestCarriedOver c => new LocalDate(c.Year, 12, 31),
        RequestReopened r => r.On,
        AnswerDelivered d => d.On,
        RequestChallenged c => c.FiledOn,
        LetterIssued l => l.On,
        _ => null,
    };

    /// <summary>The request as it stood on <paramref name="asOf"/>: facts dated later are left out (the receipt never is).</summary>
    public static Request AsOf(IEnumerable<object> events, LocalDate asOf)
    {
        var state = Request.Initial;
        foreach (var e in events)
        {
            if (e is RequestReceived || DateOf(e) is not { } on || on <= asOf)
            {
                state = Request.Evolve(state, e);
            }
        }

        return state;
    }
}
