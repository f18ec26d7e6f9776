using CaseFlow.Deadlines;
using CaseFlow.Reporting;
using CaseFlow.Requests;
using CaseFlow.Reviews;

namespace CaseFlow.Infrastructure;

/// <summary>A policy setting that names no policy or no value of it.</summary>
public sealed class PolicySettingException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The installation's choice among the named policies (ADRs 0003, 0004, 0007), from <c>CASEFLOW_POLICIES</c>:
/// <c>Name=Value</c> pairs separated by <c>;</c>, e.g. <c>MixedRefusal=FirstItem;LapseYear=RecordingDate</c>.
/// Every node (web and command line) must read the same setting: the decider, the lists, the letters and the report
/// projections derive rows and dates by it, so changing one is followed by a rebuild of the read models.
/// </summary>
public static class PolicySettings
{
    public const string Variable = "CASEFLOW_POLICIES";

    private delegate CaseFlowSettings Setter(CaseFlowSettings settings, string name, string value);

    private static readonly IReadOnlyDictionary<string, Setter> s_policies = new Dictionary<string, Setter>(StringComparer.OrdinalIgnoreCase)
    {
        ["ReceiptDay"] = Enum<ReceiptDayRule>((s, v) => s with { Clock = s.Clock with { ReceiptDay = v } }),
        ["FeeClock"] = Enum<FeeClockRule>((s, v) => s with { Clock = s.Clock with { FeeClock = v } }),
        ["ClarificationNotices"] = Enum<ClarificationNoticeRule>((s, v) => s with { Clock = s.Clock with { ClarificationNotices = v } }),
        ["VolumeReasonsClock"] = Enum<VolumeReasonsClockRule>((s, v) => s with { Clock = s.Clock with { VolumeReasonsClock = v } }),
        ["ConsultationWindowStart"] = Enum<ConsultationWindowStartRule>((s, v) => s with { Clock = s.Clock with { ConsultationWindowStart = v } }),
        ["LateClarificationNotice"] = Enum<LateClarificationNoticeRule>((s, v) => s with { Clock = s.Clock with { LateClarificationNotice = v } }),
        ["ExtensionMustPrecedeDueDate"] = Bool((s, v) => s with { Clock = s.Clock with { ExtensionMustPrecedeDueDate = v } }),
        ["DefaultClarificationReplyWorkingDays"] = WorkingDays((s, v) => s with { Clock = s.Clock with { DefaultClarificationReplyWorkingDays = v } }),
        ["MixedRefusal"] = Enum<MixedRefusalRule>((s, v) => s with { Outcomes = s.Outcomes with { MixedRefusal = v } }),
        ["ApplicantColumn"] = Enum<ApplicantColumnRule>((s, v) => s with { Outcomes = s.Outcomes with { ApplicantColumn = v } }),
        ["OutcomeYear"] = Enum<OutcomeYearRule>((s, v) => s with { Outcomes = s.Outcomes with { OutcomeYear = v } }),
        ["LapseYear"] = Enum<LapseYearRule>((s, v) => s with { Outcomes = s.Outcomes with { LapseYear = v } }),
        ["Table4Year"] = Enum<Table4YearRule>((s, v) => s with { Counting = s.Counting with { Table4Year = v } }),
        ["SecondInstance"] = Enum<SecondInstanceRule>((s, v) => s with { Counting = s.Counting with { SecondInstance = v } }),
        ["ReviewClaimDismissed"] = Enum<ClaimDismissedRule>((s, v) => s with { CaseResults = s.CaseResults with { ReviewClaimDismissed = v } }),
    };

    /// <summary>The names that can be set, in the order the ADRs list them.</summary>
    public static IReadOnlyCollection<string> Names => [.. s_policies.Keys];

    /// <summary>The settings with each named policy set; an unknown name or value is an error, never ignored.</summary>
    public static CaseFlowSettings Apply(CaseFlowSettings settings, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return settings;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new PolicySettingException("policy.malformed", $"{Variable}：“{pair}”不是“名称=取值”的形式。");
            }

            if (!s_policies.TryGetValue(parts[0], out var set))
            {
                throw new PolicySettingException("policy.unknown", $"{Variable}：没有名为“{parts[0]}”的规则；可设置的规则：{string.Join("、", Names)}。");
            }

            if (!seen.Add(parts[0]))
            {
                throw new PolicySettingException("policy.repeated", $"{Variable}：规则“{parts[0]}”设置了不止一次。");
            }

            settings = set(settings, parts[0], parts[1]);
        }

        return settings;
    }

    /// <summary>The effective policies, one <c>Name=Value</c> per entry, for the operator to check.</summary>
    public static IReadOnlyList<string> Describe(CaseFlowSettings settings) =>
    [
        $"ReceiptDay={settings.Clock.ReceiptDay}",
        $"FeeClock={settings.Clock.FeeClock}",
        $"ClarificationNotices={settings.Clock.ClarificationNotices}",
        $"VolumeReasonsClock={settings.Clock.VolumeReasonsClock}",
        $"ConsultationWindowStart={settings.Clock.ConsultationWindowStart}",
        $"LateClarificationNotice={settings.Clock.LateClarificationNotice}",
        $"ExtensionMustPrecedeDueDate={settings.Clock.ExtensionMustPrecedeDueDate}",
        $"DefaultClarificationReplyWorkingDays={settings.Clock.DefaultClarificationReplyWorkingDays}",
        $"MixedRefusal={settings.Outcomes.MixedRefusal}",
        $"ApplicantColumn={settings.Outcomes.ApplicantColumn}",
        $"OutcomeYear={settings.Outcomes.OutcomeYear}",
        $"LapseYear={settings.Outcomes.LapseYear}",
        $"Table4Year={settings.Counting.Table4Year}",
        $"SecondInstance={settings.Counting.SecondInstance}",
        $"ReviewClaimDismissed={settings.CaseResults.ReviewClaimDismissed}",
    ];

    private static Setter Enum<T>(Func<CaseFlowSettings, T, CaseFlowSettings> set) where T : struct, Enum => (settings, name, value) =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0])
            ? set(settings, parsed)
            : throw Invalid(name, value, System.Enum.GetNames<T>());

    private static Setter Bool(Func<CaseFlowSettings, bool, CaseFlowSettings> set) => (settings, name, value) =>
        bool.TryParse(value, out var parsed) ? set(settings, parsed) : throw Invalid(name, value, ["true", "false"]);

    private static Setter WorkingDays(Func<CaseFlowSettings, int, CaseFlowSettings> set) => (settings, name, value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60
            ? set(settings, days)
            : throw new PolicySettingException("policy.invalid-value", $"{Variable}：规则“{name}”的取值“{value}”应为 1 至 60 的工作日数。");

    private static PolicySettingException Invalid(string name, string value, IEnumerable<string> allowed) =>
        new("policy.invalid-value", $"{Variable}：规则“{name}”没有取值“{value}”；可选：{string.Join("、", allowed)}。");
}
