using CaseFlow.Deadlines;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CaseFlow.Tests.Requests;

public sealed class RequestPropertyTests
{
    private static readonly LocalDate s_epoch = new(2019, 6, 1);
    private static readonly Config s_checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Gen<LocalDate> Dates => Gen.Choose(0, 2700).Select(d => s_epoch.PlusDays(d));

    [Fact]
    public void Adding_a_consultation_pause_never_moves_the_answer_date_earlier()
    {
        var cases = from received in Dates
                    from startOffset in Gen.Choose(0, 30)
                    from length in Gen.Choose(0, 40)
                    select (received, start: received.PlusDays(startOffset), end: received.PlusDays(startOffset + length));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var receipt = new RequestReceived("p", c.received, Channel.InPerson, Facts.Person);
            var plain = Due(receipt);
            var paused = Due(receipt, new ConsultationStarted(c.start, ConsultationParty.ThirdParty), new ConsultationEnded(c.end, ConsultationParty.ThirdParty, ConsultationResult.Replied));
            return paused >= plain;
        }).Check(s_checks);
    }

    [Fact]
    public void The_computed_answer_date_is_always_a_working_day()
    {
        Prop.ForAll(Dates.ToArbitrary(), Gen.Choose(0, 20).ToArbitrary(), (received, extension) =>
        {
            var events = new List<object> { new RequestReceived("p", received, Channel.Online, Facts.Person) };
            if (extension > 0)
            {
                events.Add(new ExtensionApproved(received.PlusDays(1), extension, "王主任"));
            }

            return RequestSpec.Calendar.IsWorkingDay(Due([.. events]));
        }).Check(s_checks);
    }

    [Fact]
    public void Counting_n_working_days_spans_exactly_n_working_days()
    {
        Prop.ForAll(Dates.ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (start, n) =>
            RequestSpec.Calendar.WorkingDaysBetween(start, RequestSpec.Calendar.Count(start, n).End) == n).Check(s_checks);
    }

    [Fact]
    public void Evolve_is_total_and_a_state_stored_as_json_midway_resumes_to_the_same_state_as_folding_at_once()
    {
        var anyEvent = from date in Dates
                       from kind in Gen.Choose(0, 16)
                       from n in Gen.Choose(1, 20)
                       select EventOf(kind, date, n);
        var sequences = anyEvent.ListOf().Select(l => l.ToArray());
        Prop.ForAll(sequences.ToArbitrary(), Gen.Choose(0, 30).ToArbitrary(), (events, cut) =>
        {
            var all = events.Aggregate(Request.Initial, Request.Evolve);
            var split = Math.Min(cut, events.Length);
            // A snapshot: the state after the first part, written and read back as stored documents are, then folded on.
            var snapshot = System.Text.Json.JsonSerializer.Serialize(events.Take(split).Aggregate(Request.Initial, Request.Evolve), s_json);
            var resumed = System.Text.Json.JsonSerializer.Deserialize<Request>(snapshot, s_json)!;
            var twoParts = events.Skip(split).Aggregate(resumed, Request.Evolve);
            _ = all.Status; // derived views are total too
            _ = RequestClock.Compute(all.Received ? all : Request.Evolve(all, new RequestReceived("p", s_epoch, Channel.Fax, Facts.Person)), RequestSpec.Calendar, ClockPolicies.Default, s_epoch.PlusDays(3000));
            return RequestSpec.AsStored(twoParts) == RequestSpec.AsStored(all);
        }).Check(s_checks);
    }

    private static readonly System.Text.Json.JsonSerializerOptions s_json = CaseFlow.Infrastructure.CaseFlowJson.Create();

    private static LocalDate Due(params object[] events) =>
        RequestClock.AnswerDue(events.Aggregate(Request.Initial, Request.Evolve), RequestSpec.Calendar, ClockPolicies.Default, new LocalDate(2027, 12, 31)).Due;

    private static object EventOf(int kind, LocalDate on, int n) => kind switch
    {
        0 => new RequestReceived("p", on, Channel.Online, Facts.Person),
        1 => new ClarificationRequested(on, n % 2 == 0 ? on.PlusDays(n) : null, ["x"]),
        2 => new CorrectedRequestReceived(on),
        3 => new ClarificationLapsed(on),
        4 => new ExtensionApproved(on, n, "王主任"),
        5 => new ConsultationStarted(on, n % 2 == 0 ? ConsultationParty.ThirdParty : ConsultationParty.OtherAgency),
        6 => new ConsultationEnded(on, n % 2 == 0 ? ConsultationParty.ThirdParty : ConsultationParty.OtherAgency, ConsultationResult.Replied),
        7 => new VolumeReasonsRequested(on),
        8 => new DelayedAnswerDateSet(on, on.PlusDays(n), "r"),
        9 => new FeeNoticeIssued(on, n * 10m, FeeMethod.Stated),
        10 => new FeePaid(on),
        11 => new FeeLapsed(on),
        12 => new RequestAnswered(on, [new AnsweredItem(null, (CaseFlow.Requests.Outcome)(n % 21))], AnswerType.Provided),
        13 => new RequestWithdrawn(on),
        14 => new RequestCarriedOver(on.Year),
        15 => new RequestReopened(on, $"c{n}", n),
        _ => new OfficerAssigned($"o{n}", on),
    };
}
