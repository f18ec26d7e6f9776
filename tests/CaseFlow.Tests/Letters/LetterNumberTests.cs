using CaseFlow.Agencies.Letterheads;
using CaseFlow.Infrastructure;
using CaseFlow.Letters;
using CaseFlow.Letters.Numbering;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Letters;

/// <summary>文号: the agency's prefix, 〔year〕 and a yearly sequence that never repeats, taken when a letter is issued.</summary>
public sealed class LetterNumberTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private Task<CommandOutcome> IssueAsync(string agency, string reference, string kind, string on, string? deliveredOn = null) =>
        IssuingLetters.HandleAsync(fx.App, Actor.Cli(), agency, reference, new IssueLetterBody(kind, NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value, "邮寄",
            deliveredOn is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(deliveredOn).Value), WriteOptions.None, default);

    private async Task<IReadOnlyList<LetterIssued>> LettersAsync(string agency, string reference)
    {
        await using var query = fx.App.Query(agency);
        return (await query.LoadAsync<RequestFile>(StreamIds.Request(agency, reference)))!.State.Letters;
    }

    private async Task<int> LastAsync(string agency, int year)
    {
        await using var query = fx.App.Query(agency);
        return (await query.LoadAsync<LetterNumbering>(StreamIds.LetterNumbers(agency, year)))?.Last ?? 0;
    }

    [Fact]
    public async Task Letters_take_the_years_next_number_a_redelivery_keeps_it_a_refusal_takes_none_and_a_new_year_starts_at_one()
    {
        const string Agency = "numbers";
        var ledger = new Ledger(fx, Agency).Register("聊城市自然资源和规划局");
        var first = ledger.Receive(D(2025, 12, 22));
        var second = ledger.Receive(D(2025, 12, 23));
        await ledger.ImportAsync();
        (await AdoptingLetterhead.HandleAsync(fx.App, Actor.Cli(), new AdoptLetterhead(Agency, "聊资规公开", null, null, null, null), WriteOptions.None, default))
            .ShouldBeOfType<CommandOutcome.Applied>();

        // Before it is issued, the letter shows where its number will go.
        var draft = (await IssuingLetters.RenderAsync(fx.App, Agency, first, LetterKind.Receipt, D(2025, 12, 22), default))!;
        draft.Blocks.Single(b => b.Style == LetterBlockStyle.Subtitle).Text.ShouldBe("聊资规公开〔2025〕　号");

        (await IssueAsync(Agency, first, "receipt", "2025-12-22")).ShouldBeOfType<CommandOutcome.Applied>();
        (await IssueAsync(Agency, second, "receipt", "2025-12-23")).ShouldBeOfType<CommandOutcome.Applied>();
        // Dated before its request was received: refused, and no number is used up.
        (await IssueAsync(Agency, second, "receipt", "2025-12-19")).ShouldBeOfType<CommandOutcome.Rejected>().Code.ShouldBe("letter.date-order");
        (await LastAsync(Agency, 2025)).ShouldBe(2);
        // The first receipt recorded again, now with its delivery: the same letter, so the same number.
        (await IssueAsync(Agency, first, "receipt", "2025-12-22", deliveredOn: "2025-12-24")).ShouldBeOfType<CommandOutcome.Applied>();
        (await LastAsync(Agency, 2025)).ShouldBe(2);
        (await LettersAsync(Agency, first)).Select(l => l.DocumentNumber).ShouldBe(["聊资规公开〔2025〕1号", "聊资规公开〔2025〕1号"]);
        (await LettersAsync(Agency, second)).Single().DocumentNumber.ShouldBe("聊资规公开〔2025〕2号");

        // A letter dated in 2026 opens that year's sequence.
        (await IssueAsync(Agency, second, "receipt", "2026-01-05")).ShouldBeOfType<CommandOutcome.Applied>();
        (await LettersAsync(Agency, second)).Last().DocumentNumber.ShouldBe("聊资规公开〔2026〕1号");

        // Downloaded without a date, a letter is the one last issued: its date and its number, and its hash is the recorded one.
        var again = (await IssuingLetters.RenderAsync(fx.App, Agency, first, LetterKind.Receipt, null, default))!;
        again.Blocks.Single(b => b.Style == LetterBlockStyle.Subtitle).Text.ShouldBe("聊资规公开〔2025〕1号");
        again.Hash.ShouldBe((await LettersAsync(Agency, first))[^1].Hash);
        again.Blocks.Last().Text.ShouldBe("2025年12月22日");
    }

    [Fact]
    public async Task Letters_issued_at_the_same_moment_get_distinct_numbers_without_gaps()
    {
        const string Agency = "numbers-race";
        var ledger = new Ledger(fx, Agency).Register("聊城市卫生健康委员会");
        var references = Enumerable.Range(0, 4).Select(_ => ledger.Receive(D(2025, 11, 3))).ToList();
        await ledger.ImportAsync();

        var outcomes = await Task.WhenAll(references.Select(r => IssueAsync(Agency, r, "receipt", "2025-11-04")));
        outcomes.ShouldAllBe(o => o is CommandOutcome.Applied);
        var numbers = new List<string>();
        foreach (var reference in references)
        {
            numbers.Add((await LettersAsync(Agency, reference)).Single().DocumentNumber!);
        }

        // No prefix set: the agency's name leads the number.
        numbers.Order().ShouldBe(["聊城市卫生健康委员会〔2025〕1号", "聊城市卫生健康委员会〔2025〕2号", "聊城市卫生健康委员会〔2025〕3号", "聊城市卫生健康委员会〔2025〕4号"]);
        (await LastAsync(Agency, 2025)).ShouldBe(4);
    }
}
