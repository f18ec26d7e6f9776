using CaseFlow.Requests.GettingDetails;

namespace CaseFlow.Tests.Requests;

/// <summary>Masking of identity numbers and phones in lists and for readers who do not work the request.</summary>
public sealed class MaskingTests
{
    [Theory]
    [InlineData("370102199001011234", 4, 4, "3701**********1234")] // 居民身份证: 10 of 18 masked
    [InlineData("13800000000", 3, 4, "138****0000")] // mobile: the customary 3 + 4
    [InlineData("0635-8412345", 3, 4, "063*****2345")] // landline with area code: 5 of 12 masked
    [InlineData("E12345678", 4, 4, "E1*****78")] // passport: keeping 4 + 4 would mask 1 of 9, so 2 + 2
    [InlineData("84123456", 3, 4, "84****56")] // landline without area code
    [InlineData("1234", 3, 4, "1**4")]
    [InlineData("123", 3, 4, "***")]
    [InlineData("7", 4, 4, "*")]
    public void Every_length_is_masked_by_at_least_a_third(string value, int keepStart, int keepEnd, string expected) =>
        RequestViews.Mask(value, keepStart, keepEnd).ShouldBe(expected);

    [Fact]
    public void Nothing_to_mask_stays_nothing()
    {
        RequestViews.Mask(null, 4, 4).ShouldBeNull();
        RequestViews.Mask("", 4, 4).ShouldBe("");
    }
}
