using System.Text.RegularExpressions;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Reviews.GettingCases;
using Marten;
using Marten.Events;

namespace CaseFlow.Tests.Infrastructure;

/// <summary>
/// Every event type CaseFlow stores has an explicit, stable stored name. Marten would otherwise store an unmapped type
/// under a name derived from its class, which a rename would break (critter-stack §2).
/// </summary>
public sealed partial class EventTypeMappingTests
{
    private static readonly Lazy<DocumentStore> s_store = new(Store);

    private static DocumentStore Store() =>
        DocumentStore.For(o => MartenSetup.Configure(o, MartenSetup.DataSource("Host=localhost;Database=unused"), new CaseFlowSettings("Host=localhost")));

    private static EventGraph Events => (EventGraph)s_store.Value.Options.Events;

    /// <summary>The event types of the domain: what the projections read, plus the streams' own lists.</summary>
    public static TheoryData<string> DomainEventTypes()
    {
        var types = s_store.Value.Options.Projections.All.SelectMany(p => p.GetType().GetProperty("IncludedEventTypes")?.GetValue(p) as IEnumerable<Type> ?? [])
            .Concat(RequestEvents.All).Concat(CaseEvents.All)
            .Where(IsCaseFlows)
            .Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var type in types)
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DomainEventTypes))]
    public void Every_event_type_has_a_stable_dotted_versioned_name(string typeName)
    {
        var type = Type.GetType(typeName)!;
        Events.EventMappingFor(type).EventTypeName.ShouldMatch(StoredName().ToString(), $"{type.Name} has no explicit stored name: map it in MartenSetup.MapEventTypes");
    }

    [Fact]
    public void The_names_are_the_earlier_stores_plus_the_new_facts_and_each_is_used_once()
    {
        var names = Events.AllKnownEventTypes().Where(t => IsCaseFlows(t.EventType)).Select(t => t.EventTypeName).ToList();
        names.ShouldBeUnique();
        // The earlier store's 49, plus the copy received and the reply or defence filed (review, lawsuit), plus an
        // extension or a delayed date asked for and refused (the approval workflow), plus an agency's letterhead adopted
        // and a letter's 文号 taken.
        names.Count.ShouldBe(59);
        names.ShouldContain("agency.letterhead-adopted.v1");
        names.ShouldContain("letters.number-taken.v1");
        names.ShouldContain("request.extension-approval-requested.v1");
        names.ShouldContain("request.delayed-answer-date-refused.v1");
        names.ShouldContain("request.received.v1");
        names.ShouldContain("request.letter-issued.v1");
        names.ShouldContain("lawsuit.appealed.v1");
        names.ShouldContain("annual-report.restated.v1");
        names.ShouldContain("user.roles-granted.v1");
        names.ShouldContain("calendar.year-loaded.v1");
        names.ShouldContain("review.copy-received.v1");
        names.ShouldContain("lawsuit.complaint-copy-received.v1");
    }

    [Fact]
    public void The_guard_would_catch_a_type_that_is_not_mapped()
    {
        // What Marten does with a type nobody mapped: a name from the class, which the pattern refuses.
        using var store = Store();
        ((EventGraph)store.Options.Events).EventMappingFor(typeof(SomethingNobodyMapped)).EventTypeName.ShouldNotMatch(StoredName().ToString());
    }

    private sealed record SomethingNobodyMapped(string What);

    /// <summary>CaseFlow's own events (Marten adds a few of its own, e.g. for compacted and archived streams).</summary>
    private static bool IsCaseFlows(Type type) => type.Assembly == typeof(CaseFlowApp).Assembly;

    [GeneratedRegex(@"^[a-z-]+(\.[a-z-]+)+\.v\d+$")]
    private static partial Regex StoredName();
}
