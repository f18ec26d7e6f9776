using CaseFlow.Infrastructure;

namespace CaseFlow.Requests;

/// <summary>How a request reached the agency (Regs art. 29, 31; Interp-2017).</summary>
public enum Channel
{
    InPerson,
    RegisteredMail,
    OrdinaryMail,
    Online,
    Fax,
    Oral,
}

/// <summary>The applicant's kind: exactly the applicant columns of table 三.</summary>
public enum ApplicantType
{
    NaturalPerson,
    CommercialEnterprise,
    ResearchInstitution,
    PublicInterestOrg,
    LegalServiceOrg,
    OtherOrg,
}

/// <summary>Who is consulted under Regs art. 32 (third party) or art. 34 (another agency).</summary>
public enum ConsultationParty
{
    ThirdParty,
    OtherAgency,
}

/// <summary>How a consultation ended.</summary>
public enum ConsultationResult
{
    Replied,
    Objected,
    Consented,
    WindowLapsed,
}

/// <summary>How a processing fee was computed (Fee Measures art. 3–5).</summary>
public enum FeeMethod
{
    PerItem,
    PerPage,
    Stated,
}

/// <summary>The 21 result rows of table 三, in table order. A request's row is derived from what was decided.</summary>
public enum Outcome
{
    Disclosed,
    PartiallyDisclosed,
    RefusedStateSecret,
    RefusedProhibitedByLaw,
    RefusedSecurityStability,
    RefusedThirdPartyRights,
    RefusedInternalAffairs,
    RefusedProcessInformation,
    RefusedEnforcementCaseFile,
    RefusedAdministrativeQuery,
    UnableNotHeld,
    UnableNeedsCreation,
    UnableUnclearAfterClarification,
    NotProcessedComplaint,
    NotProcessedRepeat,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherClarificationLapsed,
    OtherFeeLapsed,
    Other,
}

/// <summary>The seven answer types of Regs art. 36.</summary>
public enum AnswerType
{
    AlreadyPublished,       // 36(一)
    Provided,               // 36(二)
    NotDisclosed,           // 36(三)
    DoesNotExist,           // 36(四)
    NotThisAgency,          // 36(五)
    RepeatRequest,          // 36(六)
    SpecialAccessRules,     // 36(七)
    NotHandledAsDisclosure, // arts. 39, 35 and the procedural endings
}

/// <summary>The request's workflow status, as the contract names it.</summary>
public enum RequestStatus
{
    Open,
    AwaitingClarification,
    Consulting,
    AwaitingFee,
    Concluded,
}

public static class Codes
{
    public static readonly CodeTable<Channel> Channels = new(
        (Channel.InPerson, "in-person"), (Channel.RegisteredMail, "registered-mail"), (Channel.OrdinaryMail, "ordinary-mail"),
        (Channel.Online, "online"), (Channel.Fax, "fax"), (Channel.Oral, "oral"));

    public static readonly CodeTable<ApplicantType> ApplicantTypes = new(
        (ApplicantType.NaturalPerson, "natural-person"), (ApplicantType.CommercialEnterprise, "commercial-enterprise"),
        (ApplicantType.ResearchInstitution, "research-institution"), (ApplicantType.PublicInterestOrg, "public-interest-org"),
        (ApplicantType.LegalServiceOrg, "legal-service-org"), (ApplicantType.OtherOrg, "other-org"));

    public static readonly CodeTable<ConsultationParty> ConsultationParties = new(
        (ConsultationParty.ThirdParty, "third-party"), (ConsultationParty.OtherAgency, "other-agency"));

    public static readonly CodeTable<ConsultationResult> ConsultationResults = new(
        (ConsultationResult.Replied, "replied"), (ConsultationResult.Objected, "objected"), (ConsultationResult.Consented, "consented"),
        (ConsultationResult.WindowLapsed, "window-lapsed"));

    public static readonly CodeTable<FeeMethod> FeeMethods = new(
        (FeeMethod.PerItem, "per-item"), (FeeMethod.PerPage, "per-page"), (FeeMethod.Stated, "stated"));

    public static readonly CodeTable<Outcome> Outcomes = new(
        (Outcome.Disclosed, "disclosed"), (Outcome.PartiallyDisclosed, "partially-disclosed"),
        (Outcome.RefusedStateSecret, "refused-state-secret"), (Outcome.RefusedProhibitedByLaw, "refused-prohibited-by-law"),
        (Outcome.RefusedSecurityStability, "refused-security-stability"), (Outcome.RefusedThirdPartyRights, "refused-third-party-rights"),
        (Outcome.RefusedInternalAffairs, "refused-internal-affairs"), (Outcome.RefusedProcessInformation, "refused-process-information"),
        (Outcome.RefusedEnforcementCaseFile, "refused-enforcement-case-file"), (Outcome.RefusedAdministrativeQuery, "refused-administrative-query"),
        (Outcome.UnableNotHeld, "unable-not-held"), (Outcome.UnableNeedsCreation, "unable-needs-creation"),
        (Outcome.UnableUnclearAfterClarification, "unable-unclear-after-clarification"),
        (Outcome.NotProcessedComplaint, "not-processed-complaint"), (Outcome.NotProcessedRepeat, "not-processed-repeat"),
        (Outcome.NotProcessedPublication, "not-processed-publication"), (Outcome.NotProcessedExcessive, "not-processed-excessive"),
        (Outcome.NotProcessedConfirmation, "not-processed-confirmation"),
        (Outcome.OtherClarificationLapsed, "other-clarification-lapsed"), (Outcome.OtherFeeLapsed, "other-fee-lapsed"), (Outcome.Other, "other"));

    public static readonly CodeTable<AnswerType> AnswerTypes = new(
        (AnswerType.AlreadyPublished, "already-published"), (AnswerType.Provided, "provided"), (AnswerType.NotDisclosed, "not-disclosed"),
        (AnswerType.DoesNotExist, "does-not-exist"), (AnswerType.NotThisAgency, "not-this-agency"), (AnswerType.RepeatRequest, "repeat-request"),
        (AnswerType.SpecialAccessRules, "special-access-rules"), (AnswerType.NotHandledAsDisclosure, "not-handled-as-disclosure"));

    public static readonly CodeTable<RequestStatus> Statuses = new(
        (RequestStatus.Open, "open"), (RequestStatus.AwaitingClarification, "awaiting-clarification"), (RequestStatus.Consulting, "consulting"),
        (RequestStatus.AwaitingFee, "awaiting-fee"), (RequestStatus.Concluded, "concluded"));
}

/// <summary>Official labels (Simplified Chinese, verbatim from the 2021 report format) and the Regulations behind each.</summary>
public static class Labels
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.RegisteredMail => "邮寄（需签收）",
        Channel.OrdinaryMail => "平常信函",
        Channel.Online => "互联网",
        Channel.Fax => "传真",
        Channel.Oral => "口头提出",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static string Of(ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.PublicInterestOrg => "社会公益组织",
        ApplicantType.LegalServiceOrg => "法律服务机构",
        ApplicantType.OtherOrg => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Of(ConsultationParty party) => party switch
    {
        ConsultationParty.ThirdParty => "第三方",
        ConsultationParty.OtherAgency => "其他机关",
        _ => throw new ArgumentOutOfRangeException(nameof(party)),
    };

    public static string Of(RequestStatus status) => status switch
    {
        RequestStatus.Open => "办理中",
        RequestStatus.AwaitingClarification => "待补正",
        RequestStatus.Consulting => "征求意见中",
        RequestStatus.AwaitingFee => "待缴费",
        RequestStatus.Concluded => "已办结",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(AnswerType type) => type switch
    {
        AnswerType.AlreadyPublished => "已主动公开，告知获取方式和途径（第三十六条第一项）",
        AnswerType.Provided => "予以提供（第三十六条第二项）",
        AnswerType.NotDisclosed => "不予公开并说明理由（第三十六条第三项）",
        AnswerType.DoesNotExist => "经检索没有所申请公开信息（第三十六条第四项）",
        AnswerType.NotThisAgency => "不属于本机关负责公开（第三十六条第五项）",
        AnswerType.RepeatRequest => "重复申请，不予重复处理（第三十六条第六项）",
        AnswerType.SpecialAccessRules => "按照有关法律、行政法规的规定办理（第三十六条第七项）",
        AnswerType.NotHandledAsDisclosure => "不作为政府信息公开申请处理",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
