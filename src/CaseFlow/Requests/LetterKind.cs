using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>
/// A letter issued: which kind, from which template version, the hash of its text, and how and when it reached the
/// addressee, and its 文号 (absent on letters issued before 文号 were numbered). For the answer, the delivery date starts the applicant's review and suit windows (with
/// <see cref="AnswerDelivered"/>). The letters themselves are made by the Letters slice.
/// </summary>
public sealed record LetterIssued(LetterKind Kind, LocalDate On, int TemplateVersion, string Hash, string? Method = null, LocalDate? DeliveredOn = null, string? DocumentNumber = null);

/// <summary>The official documents of a request (文书).</summary>
public enum LetterKind
{
    Receipt,
    Clarification,
    Extension,
    ConsultationThirdParty,
    ConsultationAgency,
    FeeNotice,
    Answer,
}

public static class LetterKinds
{
    public static readonly CodeTable<LetterKind> Codes = new(
        (LetterKind.Receipt, "receipt"), (LetterKind.Clarification, "clarification"), (LetterKind.Extension, "extension"),
        (LetterKind.ConsultationThirdParty, "consultation-third-party"), (LetterKind.ConsultationAgency, "consultation-agency"),
        (LetterKind.FeeNotice, "fee-notice"), (LetterKind.Answer, "answer"));

    public static string Label(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "登记回执（受理通知）",
        LetterKind.Clarification => "补正申请告知书",
        LetterKind.Extension => "延期答复告知书",
        LetterKind.ConsultationThirdParty => "征求第三方意见书",
        LetterKind.ConsultationAgency => "征求其他机关意见函",
        LetterKind.FeeNotice => "信息处理费缴费通知书",
        LetterKind.Answer => "政府信息公开申请答复书",
        _ => kind.ToString(),
    };

    /// <summary>Why a letter cannot be made yet from the request's facts, or null when it can.</summary>
    public static string? Missing(LetterKind kind, Request state) => kind switch
    {
        LetterKind.Receipt => null,
        LetterKind.Clarification when state.Clarifications.IsEmpty => "尚未登记补正告知。",
        LetterKind.Extension when state.Extensions.IsEmpty => "尚未登记延期答复。",
        LetterKind.ConsultationThirdParty when !state.Consultations.Any(c => c.Party == ConsultationParty.ThirdParty) => "尚未登记征求第三方意见。",
        LetterKind.ConsultationAgency when !state.Consultations.Any(c => c.Party == ConsultationParty.OtherAgency) => "尚未登记征求其他机关意见。",
        LetterKind.FeeNotice when state.Fees.IsEmpty => "尚未登记收费通知。",
        LetterKind.Answer when state.Conclusion is null => "申请尚未办结。",
        LetterKind.Answer when state.Conclusion!.Kind == ConclusionKind.Withdrawn => "申请人已撤回申请，无需答复书。",
        _ => null,
    };

    /// <summary>The letters a request can have now.</summary>
    public static IEnumerable<LetterKind> Available(Request state) => Codes.Values.Where(k => Missing(k, state) is null);
}
