using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using NodaTime;

namespace CaseFlow.Tests.Support;

/// <summary>Given events, when a command, then events or a rejection: the decider's own fold and decision, no database.</summary>
public sealed class RequestSpec
{
    private readonly List<object> _given = [];
    private LocalDate _today = new(2026, 6, 30);
    private ClockPolicies _policies = ClockPolicies.Default;
    private OutcomePolicies _outcomes = OutcomePolicies.Default;

    public static readonly WorkdayCalendar Calendar = new(WorkdayCalendar.Shipped());

    public static RequestSpec Given(params object[] events)
    {
        var spec = new RequestSpec();
        spec._given.AddRange(events);
        return spec;
    }

    public RequestSpec Today(LocalDate today)
    {
        _today = today;
        return this;
    }

    public RequestSpec With(ClockPolicies policies)
    {
        _policies = policies;
        return this;
    }

    public RequestSpec With(OutcomePolicies outcomes)
    {
        _outcomes = outcomes;
        return this;
    }

    public Request State => _given.Aggregate(Request.Initial, Request.Evolve);

    public Decision When(RequestCommand command) => RequestDecider.Decide(command, State, new DecisionContext(_today, Calendar, _policies) { Outcomes = _outcomes });

    /// <summary>Accepted, with exactly one warning of <paramref name="code"/>; returns it.</summary>
    public Warning ThenWarned(RequestCommand command, string code)
    {
        var accepted = When(command).ShouldBeOfType<Decision.Accepted>();
        accepted.Events.ShouldNotBeEmpty();
        var warning = accepted.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(code);
        warning.Message.ShouldNotBeNullOrWhiteSpace();
        return warning;
    }

    public void Then(RequestCommand command, params object[] expected)
    {
        var decision = When(command);
        var accepted = decision.ShouldBeOfType<Decision.Accepted>($"expected events, got {decision}");
        // Events compare as stored (type and JSON): records holding lists have reference equality for the lists.
        accepted.Events.Select(AsStored).ShouldBe(expected.Select(AsStored));
    }

    private static readonly System.Text.Json.JsonSerializerOptions s_json = CaseFlow.Infrastructure.CaseFlowJson.Create();

    public static string AsStored(object e) => e.GetType().Name + System.Text.Json.JsonSerializer.Serialize(e, e.GetType(), s_json);

    public void ThenNothing(RequestCommand command)
    {
        var decision = When(command);
        decision.ShouldBeOfType<Decision.Accepted>($"expected no change, got {decision}").Events.ShouldBeEmpty();
    }

    public Decision.Rejected ThenRejected(RequestCommand command, string code)
    {
        var decision = When(command);
        var rejected = decision.ShouldBeOfType<Decision.Rejected>($"expected rejection {code}, got {decision}");
        rejected.Code.ShouldBe(code);
        rejected.Message.ShouldNotBeNullOrWhiteSpace();
        return rejected;
    }
}

public static class Facts
{
    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static readonly Applicant Person = new(ApplicantType.NaturalPerson, "张三", IdNumber: "370102199001011234", Phone: "13800000000");

    public static RequestReceived Received(LocalDate on, Channel channel = Channel.InPerson, string reference = "2025-001") =>
        new(reference, on, channel, Person);
}
