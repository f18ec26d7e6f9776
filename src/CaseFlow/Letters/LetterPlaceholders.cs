using System.Text.RegularExpressions;

namespace CaseFlow.Letters;

/// <summary>
/// The fields a letter template may use, by the name an officer writes (【申请人】) and the name the code fills
/// (<c>{{applicant}}</c>; both forms work). A template naming a field not listed here is refused on save, with its name.
/// </summary>
public static partial class LetterPlaceholders
{
    /// <summary>Chinese name → field, in the order the editor lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Field, string Meaning)> All =
    [
        ("文号", "documentNumber", "机关代字〔年份〕序号号，出具时按年度顺序编号"),
        ("机关名称", "agency", "本机关名称"),
        ("申请编号", "reference", "申请的登记编号"),
        ("申请人", "applicant", "申请人姓名或名称"),
        ("收到日期", "receivedOn", "收到申请之日"),
        ("申请内容", "subject", "申请公开的内容"),
        ("文书日期", "date", "文书落款日期"),
        ("补正事项", "items", "需要补正的事项，每项一行"),
        ("补正期限", "replyBy", "补正的截止日期"),
        ("延长工作日数", "workingDays", "延长答复期限的工作日数"),
        ("答复期限", "answerDue", "答复截止日期"),
        ("被征求意见方类别", "party", "第三方或其他机关"),
        ("被征求意见方", "consultedName", "第三方或机关的名称"),
        ("征求意见期限", "consultReplyBy", "提出意见的截止日期"),
        ("收费金额", "amount", "信息处理费金额（元）"),
        ("计费方式", "feeMethod", "按件或按量计收"),
        ("缴费期限", "payBy", "缴纳信息处理费的截止日期"),
        ("答复日期", "answerOn", "作出答复之日"),
        ("答复正文", "answerBody", "按办理结果填写的答复段落"),
        ("救济途径", "remedy", "申请行政复议、提起行政诉讼的告知"),
        ("答复依据", "article", "不予公开等所依据的条款或说明"),
        ("复议机关", "reviewTo", "“向某复议机关”，未设置时为“依法”"),
        ("人民法院", "courtTo", "“向某人民法院”，未设置时为“依法向人民法院”"),
        ("联系人", "contact", "（联系人：某某，联系电话：某某），未设置时不写"),
    ];

    private static readonly Dictionary<string, string> s_fieldOfName = All.ToDictionary(p => p.Name, p => p.Field);
    private static readonly HashSet<string> s_fields = [.. All.Select(p => p.Field)];

    /// <summary>The field a placeholder names (【申请人】 or {{applicant}}), or null when it names none.</summary>
    public static string? FieldOf(string placeholder) => placeholder switch
    {
        _ when placeholder.StartsWith('【') => s_fieldOfName.GetValueOrDefault(placeholder[1..^1].Trim()),
        _ => placeholder.Trim('{', '}', ' ') is var field && s_fields.Contains(field) ? field : null,
    };

    /// <summary>The placeholders in <paramref name="template"/> that name no field, each once, as written.</summary>
    public static IReadOnlyList<string> Unknown(string template) =>
        [.. Pattern().Matches(template).Select(m => m.Value).Where(p => FieldOf(p) is null).Distinct()];

    /// <summary>Replaces each placeholder with its value; one without a value stays visible.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> fields) =>
        Pattern().Replace(template, m => FieldOf(m.Value) is { } field && fields.TryGetValue(field, out var value) ? value : m.Value);

    /// <summary>{{field}} or 【名称】 (up to 12 characters between the brackets).</summary>
    [GeneratedRegex(@"\{\{\s*[A-Za-z]+\s*\}\}|【[^【】\n]{1,12}】")]
    private static partial Regex Pattern();
}
