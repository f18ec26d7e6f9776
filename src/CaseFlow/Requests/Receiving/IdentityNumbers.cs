using NodaTime;

namespace CaseFlow.Requests;

/// <summary>
/// Checks what an applicant's identity number and phone look like, for the officer to confirm before registering. A
/// 居民身份证 number (GB 11643-1999) has 18 characters: the area, the birth date (YYYYMMDD) and a sequence, then a check
/// character (ISO 7064 MOD 11-2); the 15-digit numbers issued before 1999 carry a YYMMDD birth date and no check. Other
/// documents (passports, the permits for Hong Kong, Macao and Taiwan residents) are not checked.
/// </summary>
public static class IdentityNumbers
{
    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>What is wrong with a resident identity number, or null when it is one, or is another kind of document.</summary>
    public static string? ResidentIdProblem(string? number, LocalDate today)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var text = number.Trim().ToUpperInvariant();
        var digits = text.Count(char.IsAsciiDigit);
        if (text.Length == 18 && digits >= 17 && text[..17].All(char.IsAsciiDigit))
        {
            if (!char.IsAsciiDigit(text[17]) && text[17] != 'X')
            {
                return "身份证号码最后一位应为数字或 X";
            }

            if (BirthDate(text.Substring(6, 8), today) is null)
            {
                return $"身份证号码中的出生日期 {text.Substring(6, 8)} 不是有效日期";
            }

            var sum = 0;
            for (var i = 0; i < 17; i++)
            {
                sum += (text[i] - '0') * s_weights[i];
            }

            var expected = CheckCharacters[sum % 11];
            return text[17] == expected ? null : $"身份证号码校验位不符（按前17位应为 {expected}），可能有抄录错误";
        }

        if (text.Length == 15 && digits == 15)
        {
            return BirthDate("19" + text.Substring(6, 6), today) is null ? $"15位身份证号码中的出生日期 {text.Substring(6, 6)} 不是有效日期" : null;
        }

        // All digits (or digits and X) but neither 15 nor 18 of them: a resident number with a character missing or extra.
        return digits == text.Length || (digits == text.Length - 1 && text[^1] == 'X')
            ? $"身份证号码应为18位（此号码 {text.Length} 位）"
            : null;
    }

    /// <summary>What is odd about a phone number, or null: a mobile (11 digits from 13–19) or a landline with or without its area code.</summary>
    public static string? PhoneProblem(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (phone.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' ' or '(' or ')' or '+' or '（' or '）' or '转')))
        {
            return "电话号码含有数字以外的字符，请核对";
        }

        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13)
        {
            digits = digits[2..];
        }

        return digits switch
        {
            { Length: 11 } when digits[0] == '1' && digits[1] is >= '3' and <= '9' => null,
            { Length: >= 10 and <= 12 } when digits[0] == '0' => null,
            { Length: 7 or 8 } => null,
            _ when phone.Contains('转') => null,
            _ => $"电话号码 {phone.Trim()} 的位数不常见（手机11位，固定电话区号加7–8位），请核对",
        };
    }

    private static LocalDate? BirthDate(string yyyymmdd, LocalDate today)
    {
        if (!int.TryParse(yyyymmdd[..4], out var year) || !int.TryParse(yyyymmdd.Substring(4, 2), out var month) || !int.TryParse(yyyymmdd.Substring(6, 2), out var day)
            || year < 1900 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return null;
        }

        var date = new LocalDate(year, month, day);
        return date > today ? null : date;
    }
}
