using CaseFlow.Requests;
using NodaTime;

namespace CaseFlow.Tests.Requests;

public sealed class IdentityNumberTests
{
    private static readonly LocalDate s_today = new(2026, 6, 30);

    [Theory]
    // GB 11643's own example: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010519491231002 sum to 167;
    // 167 mod 11 = 2, and position 2 of "10X98765432" is X.
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    // 11010119900101123: the sum is 126, 126 mod 11 = 5, position 5 is 7.
    [InlineData("110101199001011237")]
    // A 15-digit number from before 1999 (birth date 1990-01-01), and documents that are not resident numbers.
    [InlineData("110101900101123")]
    [InlineData("E12345678")]
    [InlineData("H1234567")]
    [InlineData(null)]
    public void A_valid_resident_number_or_another_document_passes(string? number) =>
        IdentityNumbers.ResidentIdProblem(number, s_today).ShouldBeNull();

    [Theory]
    [InlineData("110101199001011234", "校验位不符（按前17位应为 7）")]
    [InlineData("110101199002301237", "出生日期 19900230 不是有效日期")]
    [InlineData("110101202701011237", "出生日期 20270101 不是有效日期")]
    [InlineData("11010119900101123", "应为18位（此号码 17 位）")]
    [InlineData("11010119900101123Y", "最后一位应为数字或 X")]
    [InlineData("110101901301123", "出生日期 901301 不是有效日期")]
    public void A_resident_number_written_wrong_says_what_is_wrong(string number, string problem) =>
        IdentityNumbers.ResidentIdProblem(number, s_today)!.ShouldContain(problem);

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("0635-8241234")]
    [InlineData("010-12345678")]
    [InlineData("8241234")]
    [InlineData("0635-8241234转801")]
    [InlineData(null)]
    public void Usual_phone_numbers_pass(string? phone) => IdentityNumbers.PhoneProblem(phone).ShouldBeNull();

    [Theory]
    [InlineData("1380013800", "位数不常见")]
    [InlineData("12800138000", "位数不常见")]
    [InlineData("138-0013-800a", "数字以外的字符")]
    public void Unusual_phone_numbers_are_questioned(string phone, string problem) => IdentityNumbers.PhoneProblem(phone)!.ShouldContain(problem);
}
