using System.Text.Json;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Tests.Support;

/// <summary>
/// Builds an agency's history as import lines (the contract's JSON Lines) and runs them through the real import, so
/// report tests start from events recorded the way an agency records them.
/// </summary>
public sealed class Ledger(AppFixture fx, string agency)
{
    private readonly List<string> _lines = [];
    private int _next;

    public string Agency => agency;

    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Ledger Line(object command)
    {
        _lines.Add(JsonSerializer.Serialize(command));
        return this;
    }

    public Ledger Register(string name, string? parent = null) =>
        Line(new { command = "register-agency", agency, name, parent });

    /// <summary>A request received on <paramref name="on"/> from an applicant of <paramref name="type"/>; returns its reference.</summary>
    public string Receive(LocalDate on, string type = "natural-person", string? reference = null)
    {
        reference ??= $"{agency}-{++_next:D4}";
        Line(new { command = "receive", agency, request = reference, receivedOn = Date(on), channel = "in-person", applicant = new { type, name = $"申请人{_next}" } });
        return reference;
    }

    /// <summary>
    /// Concludes a request received on <paramref name="receivedOn"/> with <paramref name="outcome"/> on <paramref name="on"/>,
    /// recording first what the outcome needs (a lapsed correction notice, an unpaid fee, a corrected request).
    /// </summary>
    public Ledger Conclude(string reference, LocalDate receivedOn, string outcome, LocalDate on)
    {
        switch (outcome)
        {
            case "other-clarification-lapsed":
                Line(new { command = "request-clarification", agency, request = reference, on = Date(receivedOn.PlusDays(1)), replyBy = Date(receivedOn.PlusDays(16)) });
                break;
            case "other-fee-lapsed":
                Line(new { command = "issue-fee-notice", agency, request = reference, on = Date(receivedOn.PlusDays(1)), amountYuan = 100 });
                break;
            case "unable-unclear-after-clarification":
                Line(new { command = "request-clarification", agency, request = reference, on = Date(receivedOn.PlusDays(1)) });
                Line(new { command = "receive-clarification", agency, request = reference, on = Date(receivedOn.PlusDays(3)) });
                break;
            case "not-processed-excessive":
                // Art. 35: the applicant is asked for reasons first.
                Line(new { command = "ask-volume-reasons", agency, request = reference, on = Date(receivedOn.PlusDays(1)) });
                break;
        }

        return outcome == "withdrawn"
            ? Line(new { command = "withdraw", agency, request = reference, on = Date(on) })
            : Line(new { command = "answer", agency, request = reference, on = Date(on), outcome });
    }

    public Ledger CloseYear(int year) => Line(new { command = "close-year", agency, year });

    public async Task<ImportSummary> ImportAsync()
    {
        var rejected = new List<ImportLineResult>();
        var summary = await JsonlImport.RunAsync(fx.App, Actor.Cli(), new StringReader(string.Join("\n", _lines)), false,
            line => { if (line.Status == ImportLineStatus.Rejected) { rejected.Add(line); } }, CancellationToken.None);
        rejected.ShouldBeEmpty($"rejected lines: {string.Join("; ", rejected.Select(r => $"{r.Line} {r.Code} {r.Message}"))}");
        _lines.Clear();
        return summary;
    }
}
