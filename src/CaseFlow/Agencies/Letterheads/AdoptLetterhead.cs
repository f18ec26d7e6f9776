using System.Text.RegularExpressions;
using CaseFlow.Infrastructure;

namespace CaseFlow.Agencies.Letterheads;

/// <summary>The agency adopts what its letters say about it (文书设置: 文号 prefix, review body, court, contact).</summary>
public sealed partial record AdoptLetterhead(string Code, string? DocumentPrefix, string? ReviewBody, string? Court, string? ContactPerson, string? ContactPhone)
    : AgencyCommand
{
    public const int MaxPrefix = 20;
    public const int MaxName = 60;

    /// <summary>The rule: every field optional and trimmed; a prefix without the 〔〕 the number adds; a phone of digits.</summary>
    public static Decision Decide(AdoptLetterhead c, Agency state)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var letterhead = new Letterhead(Clean(c.DocumentPrefix), Clean(c.ReviewBody), Clean(c.Court), Clean(c.ContactPerson), Clean(c.ContactPhone));
        if (letterhead.DocumentPrefix is { } prefix && (prefix.Length > MaxPrefix || prefix.IndexOfAny(['〔', '〕', '[', ']', '（', '）', '(', ')']) >= 0 || prefix.Any(char.IsDigit)))
        {
            return Decision.Reject("letterhead.prefix-invalid",
                $"文号前缀“{prefix}”无效：只填机关代字（如“聊卫公开”），不超过 {MaxPrefix} 个字，年份〔2026〕和序号由系统添加。");
        }

        foreach (var (value, label) in new[] { (letterhead.ReviewBody, "复议机关"), (letterhead.Court, "人民法院"), (letterhead.ContactPerson, "联系人") })
        {
            if (value is { Length: > MaxName })
            {
                return Decision.Reject("letterhead.too-long", $"{label}不超过 {MaxName} 个字。");
            }
        }

        if (letterhead.ContactPhone is { } phone && !PhonePattern().IsMatch(phone))
        {
            return Decision.Reject("letterhead.phone-invalid", $"联系电话“{phone}”无效：应为电话号码，如 0635-8888888 或 13800000000。");
        }

        return letterhead == state.Letterhead
            ? Decision.NoChange
            : Decision.Accept(new LetterheadAdopted(letterhead.DocumentPrefix, letterhead.ReviewBody, letterhead.Court, letterhead.ContactPerson, letterhead.ContactPhone));
    }

    /// <summary>Digits with the usual separators: 0635-8888888, (0635) 8888888, 13800000000, 0635-8888888转123.</summary>
    [GeneratedRegex(@"^\+?[0-9(（][0-9\- ()（）]{4,24}([转,，][0-9]{1,6})?$")]
    private static partial Regex PhonePattern();
}

/// <summary>Adopting the letterhead: on the agency's own stream, in the agency's own tenant, refused when the form is stale.</summary>
public static class AdoptingLetterhead
{
    public static Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, AdoptLetterhead command, WriteOptions options, CancellationToken ct)
    {
        var decider = StreamDecider.For(StreamIds.Agency(command.Code), StreamRule.MustExist, Agency.Initial, state => AgencyDecider.Decide(command, state))
            with
        { NotFoundCode = "agency.not-found", NotFoundMessage = $"机关 {command.Code} 未登记。" };
        return app.ExecuteAsync(command.Code, actor, options, ct, decider);
    }
}
