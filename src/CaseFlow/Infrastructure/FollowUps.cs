using CaseFlow.Requests;

namespace CaseFlow.Infrastructure;

/// <summary>
/// What a stream's new state schedules besides its events (today: its reminders), planned per state type. The Reminders
/// slice registers its plans when the app is composed, so the slices that write (Requests, Reviews) need not know it.
/// A write schedules only what its new state plans and the state before did not: writing again plans nothing twice.
/// </summary>
public sealed class FollowUps
{
    private readonly Dictionary<Type, Func<string, object, DecisionContext, IEnumerable<ScheduledMessage>>> _plans = [];

    /// <summary>Registers the plan of a state type (agency, state, context → the messages that state needs).</summary>
    public FollowUps Plan<TState>(Func<string, TState, DecisionContext, IEnumerable<ScheduledMessage>> plan)
    {
        _plans[typeof(TState)] = (agency, state, context) => plan(agency, (TState)state, context);
        return this;
    }

    /// <summary>Adds to an accepted decision the messages its new state plans and the state before did not.</summary>
    public Decision Add<TState>(string agency, Decision decision, TState before, Func<TState, object, TState> evolve, DecisionContext context)
        where TState : notnull
    {
        if (decision is not Decision.Accepted { Events.Count: > 0 } accepted || !_plans.TryGetValue(typeof(TState), out var plan))
        {
            return decision;
        }

        // Messages are records: equal messages are the same follow-up, whatever moment they were planned at.
        var planned = plan(agency, before, context).Select(m => m.Message).ToHashSet();
        var after = plan(agency, accepted.Events.Aggregate(before, evolve), context).Where(m => !planned.Contains(m.Message));
        return accepted with { Messages = [.. accepted.Messages, .. after] };
    }
}
