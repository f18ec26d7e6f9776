using System.Security.Cryptography;
using System.Text;
using CaseFlow.Deadlines;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using NodaTime;

namespace CaseFlow.Letters;

public enum LetterBlockStyle
{
    Title,
    Subtitle,
    Salutation,
    Paragraph,
    ListItem,
    Signature,
}

public sealed record LetterBlock(LetterBlockStyle Style, string Text);

/// <summary>A rendered letter: its blocks, the template version it came from, and the hash of its text.</summary>
public sealed record LetterDocument(LetterKind Kind, string Title, IReadOnlyList<LetterBlock> Blocks, int TemplateVersion)
{
    /// <summary>SHA-256 of the letter's text (styles and lines): the same facts and template give the same hash.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Blocks.Select(b => $"{b.Style}|{b.Text}")))));
}

/// <summary>
/// Fills a template with the request's facts: the agency, the applicant, the dates (in the official 年月日 form), the
/// correction items, the extension and the new due date, the consultation, the fee, and for an answer the body of its
/// table-三 row (each citing art. 36 and, where refused, the exemption article) and the remedy paragraph.
/// </summary>
public static class LetterRendering
{
    public static string Date(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>The placeholder values for a request's letters, as of the letter date.</summary>
    public static Dictionary<string, string> Fields(LetterKind kind, string agencyName, Agencies.Letterhead letterhead, RequestFile file, WorkdayCalendar calendar, ClockPolicies policies, LocalDate letterDate)
    {
        var state = file.State;
        var deadlines = RequestClock.Compute(state, calendar, policies, letterDate);
        // A consultation letter is about the latest consultation of its party.
        var consultation = kind switch
        {
            LetterKind.ConsultationThirdParty => state.Consultations.LastOrDefault(c => c.Party == ConsultationParty.ThirdParty),
            LetterKind.ConsultationAgency => state.Consultations.LastOrDefault(c => c.Party == ConsultationParty.OtherAgency),
            _ => state.Consultations.LastOrDefault(),
        };
        LocalDate? consultReply = consultation is null ? null : RequestClock.ConsultationReplyDue(consultation, calendar, policies).Due;
        var notice = state.Clarifications.LastOrDefault();
        LocalDate? replyBy = notice?.ReplyBy ?? deadlines.ApplicantClarification?.Due
            ?? (notice is null ? (LocalDate?)null : calendar.Count(notice.On, policies.DefaultClarificationReplyWorkingDays).End);
        var fee = state.Fees.LastOrDefault();
        LocalDate? payBy = fee is null ? null : RequestClock.FeePaymentDue(state with { Fees = [fee with { PaidOn = null, LapsedOn = null }] }, calendar, policies)?.Due;
        return new Dictionary<string, string>
        {
            ["agency"] = agencyName,
            ["reference"] = state.Reference,
            ["applicant"] = file.Applicant.Name,
            ["receivedOn"] = Date(state.ReceivedOn),
            ["subject"] = string.IsNullOrWhiteSpace(file.Subject) ? "（见申请书）" : file.Subject,
            ["date"] = Date(letterDate),
            ["items"] = string.Join("\n", file.ClarificationItems.Select((item, i) => $"- {i + 1}. {item}")),
            ["replyBy"] = replyBy is { } r ? Date(r) : "（补正期限）",
            ["workingDays"] = state.ExtensionWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["answerDue"] = Date(deadlines.Answer.Due),
            ["party"] = consultation is null ? "" : Labels.Of(consultation.Party),
            ["consultedName"] = consultation?.Name ?? (consultation?.Party == ConsultationParty.OtherAgency ? "（被征求意见机关）" : "（第三方）"),
            ["consultReplyBy"] = consultReply is { } c ? Date(c) : "",
            ["amount"] = fee is null ? "" : fee.AmountYuan.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            ["feeMethod"] = file.FeeNotice?.Method switch { FeeMethod.PerItem => "按件计收标准", FeeMethod.PerPage => "按量计收标准", _ => "收费标准" },
            ["payBy"] = payBy is { } p ? Date(p) : "（缴费期限）",
            ["answerOn"] = Date(state.Conclusion?.On ?? letterDate),
            ["article"] = file.Answer?.Article ?? file.Answer?.Note ?? "",
            // The remedy paragraph names the review body and the court the agency set (文书设置), else says 依法.
            ["reviewTo"] = letterhead.ReviewBody is { } body ? $"向{body}" : "依法",
            ["courtTo"] = letterhead.Court is { } court ? $"向{court}" : "依法向人民法院",
            // 附注 under the date (GB/T 9704 §7.3.6): empty, and so left out, when no contact is set.
            ["contact"] = Contact(letterhead),
        };
    }

    public static string Contact(Agencies.Letterhead letterhead) => (letterhead.ContactPerson, letterhead.ContactPhone) switch
    {
        ({ } person, { } phone) => $"（联系人：{person}，联系电话：{phone}）",
        ({ } person, null) => $"（联系人：{person}）",
        (null, { } phone) => $"（联系电话：{phone}）",
        _ => "",
    };

    /// <summary>The answer body: the paragraph of the table-三 row, or one paragraph per item when items were answered apart.</summary>
    public static string AnswerBody(RequestFile file, OutcomePolicies policies, Func<string, string> templateOf)
    {
        var conclusion = file.State.Conclusion;
        if (conclusion is null)
        {
            return "";
        }

        var items = file.Answer?.Items ?? [];
        if (items.Count > 1)
        {
            return string.Join("\n", items.Select((item, i) =>
                $"{i + 1}. 关于“{item.Subject ?? $"第{i + 1}项"}”：{templateOf("answer." + Codes.Outcomes.Code(item.Outcome))}"));
        }

        return templateOf("answer." + Codes.Outcomes.Code(conclusion.Row(policies)));
    }

    /// <summary>Fills <paramref name="template"/> and parses its markup into blocks.</summary>
    public static LetterDocument Render(LetterKind kind, LetterTemplate template, IReadOnlyDictionary<string, string> fields)
    {
        var text = Fill(template.Body, fields);
        var blocks = new List<LetterBlock>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            blocks.Add(line switch
            {
                _ when line.StartsWith("## ", StringComparison.Ordinal) => new LetterBlock(LetterBlockStyle.Subtitle, line[3..].Trim()),
                _ when line.StartsWith("# ", StringComparison.Ordinal) => new LetterBlock(LetterBlockStyle.Title, line[2..].Trim()),
                _ when line.StartsWith("<< ", StringComparison.Ordinal) => new LetterBlock(LetterBlockStyle.Salutation, line[3..].Trim()),
                _ when line.StartsWith(">> ", StringComparison.Ordinal) => new LetterBlock(LetterBlockStyle.Signature, line[3..].Trim()),
                _ when line.StartsWith("- ", StringComparison.Ordinal) => new LetterBlock(LetterBlockStyle.ListItem, line[2..].Trim()),
                _ => new LetterBlock(LetterBlockStyle.Paragraph, line.Trim()),
            });
        }

        var title = blocks.FirstOrDefault(b => b.Style == LetterBlockStyle.Title)?.Text ?? LetterKinds.Label(kind);
        return new LetterDocument(kind, title, blocks, template.Version);
    }

    /// <summary>Fills the placeholders (【申请人】 or {{applicant}}) twice, so values may hold placeholders (the answer body); unknown ones stay visible.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> fields) =>
        LetterPlaceholders.Fill(LetterPlaceholders.Fill(template, fields), fields);
}
