using System.Text.RegularExpressions;
using CaseFlow.Infrastructure;

namespace CaseFlow.Agencies;

/// <summary>An agency registered: a tenant of CaseFlow, optionally under a parent agency (for roll-up reports).</summary>
public sealed record AgencyRegistered(string Code, string Name, string? Parent = null, string? Kind = null);

/// <summary>The agency's name corrected or changed (e.g. after an institutional reform).</summary>
public sealed record AgencyRenamed(string Name);

/// <summary>
/// What the agency's letters say about it (文书设置): the prefix of its 文号 (e.g. 聊卫公开), the review body and the
/// court its remedy paragraph names, and whom the applicant may contact. Blank fields keep the general wording.
/// </summary>
public sealed record LetterheadAdopted(string? DocumentPrefix, string? ReviewBody, string? Court, string? ContactPerson, string? ContactPhone);

/// <summary>The agency's letterhead as last adopted.</summary>
public sealed record Letterhead(string? DocumentPrefix, string? ReviewBody, string? Court, string? ContactPerson, string? ContactPhone)
{
    public static readonly Letterhead None = new(null, null, null, null, null);
}

/// <summary>
/// An agency as registered: the state its commands decide on, and the directory entry (an inline document, one per
/// agency stream, in the agency's own tenant).
/// </summary>
public sealed record Agency
{
    public static readonly Agency Initial = new();

    public Guid Id { get; init; }
    public bool Registered { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Parent { get; init; }
    public string? Kind { get; init; }
    public Letterhead Letterhead { get; init; } = Letterhead.None;

    /// <summary>The agency stream's version, so a form edited from a stale page is refused.</summary>
    public long Version { get; init; }

    public static Agency Evolve(Agency state, object e) => e switch
    {
        AgencyRegistered r => state with { Registered = true, Code = r.Code, Name = r.Name, Parent = r.Parent, Kind = r.Kind },
        AgencyRenamed r => state with { Name = r.Name },
        LetterheadAdopted l => state with { Letterhead = new Letterhead(l.DocumentPrefix, l.ReviewBody, l.Court, l.ContactPerson, l.ContactPhone) },
        _ => state,
    };
}

public abstract record AgencyCommand
{
    private protected AgencyCommand()
    {
    }
}

/// <summary>The rules for agencies. Whether the parent exists is checked by the slice against the directory.</summary>
public static partial class AgencyDecider
{
    public static Decision Decide(AgencyCommand command, Agency state) => command switch
    {
        Registering.RegisterAgency c => Register(c, state),
        Registering.RenameAgency c when !state.Registered => Decision.Reject("agency.not-found", $"机关 {c.Code} 未登记。", RejectionKind.NotFound),
        Registering.RenameAgency c => string.IsNullOrWhiteSpace(c.Name)
            ? Decision.Reject("agency.name-required", "请填写机关名称。")
            : c.Name.Trim() == state.Name ? Decision.NoChange : Decision.Accept(new AgencyRenamed(c.Name.Trim())),
        Letterheads.AdoptLetterhead c when !state.Registered => Decision.Reject("agency.not-found", $"机关 {c.Code} 未登记。", RejectionKind.NotFound),
        Letterheads.AdoptLetterhead c => Letterheads.AdoptLetterhead.Decide(c, state),
        _ => throw new InvalidOperationException($"No rule decides {command.GetType().Name}."),
    };

    private static Decision Register(Registering.RegisterAgency c, Agency state)
    {
        if (state.Registered)
        {
            return state.Name == c.Name.Trim() && state.Parent == c.Parent
                ? Decision.NoChange
                : Decision.Reject("agency.already-registered", $"机关代码 {c.Code} 已登记为“{state.Name}”。", RejectionKind.Conflict);
        }

        if (!ValidCode(c.Code))
        {
            return Decision.Reject("agency.code-invalid", $"机关代码“{c.Code}”无效：只能使用小写字母、数字和连字符（2–63 个字符）。");
        }

        if (string.IsNullOrWhiteSpace(c.Name))
        {
            return Decision.Reject("agency.name-required", "请填写机关名称。");
        }

        return c.Parent == c.Code
            ? Decision.Reject("agency.parent-invalid", "机关不能以自身为上级机关。")
            : Decision.Accept(new AgencyRegistered(c.Code, c.Name.Trim(), c.Parent, c.Kind));
    }

    public static bool ValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex CodePattern();
}
