namespace CaseFlow.Requests.GettingDetails;

/// <summary>The officer's actions on a request.</summary>
public enum RequestAction
{
    Assign,
    RequestClarification,
    ReceiveClarification,
    ClarificationLapsed,
    Extend,
    StartConsultation,
    EndConsultation,
    AskVolumeReasons,
    SetDelayedAnswerDate,
    IssueFeeNotice,
    PayFee,
    FeeLapsed,
    Answer,
    Withdraw,
    DeliverAnswer,
}

/// <summary>
/// Which actions make sense in a request's current state, so screens offer only those. The decider remains the judge:
/// this list only hides what it would certainly refuse.
/// </summary>
public static class RequestActions
{
    public static IReadOnlySet<RequestAction> Available(Request state)
    {
        var actions = new HashSet<RequestAction>();
        if (!state.Received)
        {
            return actions;
        }

        if (state.Concluded)
        {
            if (state.Conclusion!.Kind == ConclusionKind.Answered && state.AnswerDeliveredOn is null)
            {
                actions.Add(RequestAction.DeliverAnswer);
            }

            return actions;
        }

        actions.Add(RequestAction.Assign);
        actions.Add(RequestAction.Withdraw);
        var clarifying = state.PendingClarification is not null;
        var consulting = state.Consultations.Any(c => c.Open);
        var feePending = state.PendingFee is not null;
        if (clarifying)
        {
            actions.Add(RequestAction.ReceiveClarification);
            actions.Add(RequestAction.ClarificationLapsed);
        }
        else
        {
            if (state.Clarifications.IsEmpty)
            {
                actions.Add(RequestAction.RequestClarification);
            }

            if (state.ExtensionWorkingDays < 20)
            {
                actions.Add(RequestAction.Extend);
            }

            actions.Add(consulting ? RequestAction.EndConsultation : RequestAction.StartConsultation);
            if (!feePending)
            {
                actions.Add(RequestAction.IssueFeeNotice);
            }
        }

        if (consulting)
        {
            actions.Add(RequestAction.EndConsultation);
        }

        if (feePending)
        {
            actions.Add(RequestAction.PayFee);
            actions.Add(RequestAction.FeeLapsed);
        }

        if (state.VolumeReasonsAskedOn is null)
        {
            actions.Add(RequestAction.AskVolumeReasons);
        }
        else if (state.VolumeDecisionOn is null)
        {
            actions.Add(RequestAction.SetDelayedAnswerDate);
        }

        if (!clarifying && !consulting && !feePending)
        {
            actions.Add(RequestAction.Answer);
        }

        return actions;
    }
}
