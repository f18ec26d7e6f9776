using CaseFlow.Agencies;
using CaseFlow.Agencies.Letterheads;
using CaseFlow.Infrastructure;

namespace CaseFlow.Tests.Agencies;

/// <summary>The rule for an agency's letterhead (文书设置): pure, on the agency's state.</summary>
public sealed class LetterheadTests
{
    private static readonly Agency s_registered = Agency.Initial with { Registered = true, Code = "lc-health", Name = "聊城市卫生健康委员会" };

    private static Decision Adopt(string? prefix = "聊卫公开", string? review = "聊城市人民政府", string? court = "聊城市东昌府区人民法院", string? person = "李娜", string? phone = "0635-8888888", Agency? state = null) =>
        AgencyDecider.Decide(new AdoptLetterhead("lc-health", prefix, review, court, person, phone), state ?? s_registered);

    [Fact]
    public void A_letterhead_is_adopted_trimmed_with_blank_fields_left_out()
    {
        var accepted = Adopt(prefix: "  聊卫公开 ", court: "   ", phone: "13800000000").ShouldBeOfType<Decision.Accepted>();
        accepted.Events.ShouldBe([new LetterheadAdopted("聊卫公开", "聊城市人民政府", null, "李娜", "13800000000")]);
    }

    [Fact]
    public void The_same_letterhead_again_changes_nothing()
    {
        var adopted = Agency.Evolve(s_registered, new LetterheadAdopted("聊卫公开", "聊城市人民政府", "聊城市东昌府区人民法院", "李娜", "0635-8888888"));
        Adopt(state: adopted).ShouldBe(Decision.NoChange);
    }

    [Theory]
    [InlineData("聊卫公开〔2026〕")] // the year is the system's to add
    [InlineData("聊卫公开2026")]
    [InlineData("聊卫（公开）")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一")] // 21 characters
    public void A_prefix_with_brackets_digits_or_over_twenty_characters_is_refused(string prefix) =>
        Adopt(prefix: prefix).ShouldBeOfType<Decision.Rejected>().Code.ShouldBe("letterhead.prefix-invalid");

    [Theory]
    [InlineData("0635-8888888")]
    [InlineData("(0635) 8888888")]
    [InlineData("0635-8888888转123")]
    [InlineData("+86 635 8888888")]
    public void Phones_in_the_usual_forms_are_accepted(string phone) =>
        Adopt(phone: phone).ShouldBeOfType<Decision.Accepted>();

    [Theory]
    [InlineData("电话八八八")]
    [InlineData("li.na@example.cn")]
    [InlineData("123")]
    public void A_phone_that_is_not_digits_is_refused(string phone) =>
        Adopt(phone: phone).ShouldBeOfType<Decision.Rejected>().Code.ShouldBe("letterhead.phone-invalid");

    [Fact]
    public void A_review_body_over_sixty_characters_is_refused_and_an_unregistered_agency_is_not_found()
    {
        Adopt(review: new string('审', 61)).ShouldBeOfType<Decision.Rejected>().Code.ShouldBe("letterhead.too-long");
        Adopt(state: Agency.Initial).ShouldBeOfType<Decision.Rejected>().Code.ShouldBe("agency.not-found");
    }
}
