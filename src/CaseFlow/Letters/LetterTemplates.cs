using System.Reflection;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using Marten;
using NodaTime;

namespace CaseFlow.Letters;

/// <summary>A template as used: its key, text and version (0 = CaseFlow's default).</summary>
public sealed record LetterTemplate(string Key, string Body, int Version, string? SavedBy = null, NodaTime.Instant? SavedAt = null);

/// <summary>One saved version of an agency's template (a document per version: saving adds one, none is ever changed).</summary>
public sealed record LetterTemplateVersion
{
    public string Id { get; init; } = "";
    public string Template { get; init; } = "";
    public int Version { get; init; }
    public string Body { get; init; } = "";
    public string SavedBy { get; init; } = "";
    public Instant SavedAt { get; init; }

    public static string IdOf(string template, int version) => $"{template}/{version}";
}

/// <summary>
/// The letter templates: CaseFlow's defaults (Letters/Data/default-letters.txt, version 0) and each agency's own
/// versions (<see cref="LetterTemplateVersion"/>, in the agency's tenant). Keys: the letter kinds, <c>remedy</c>, and <c>answer.&lt;outcome&gt;</c> for
/// the body of an answer per table-三 row.
/// </summary>
public static class LetterTemplates
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_defaults = new(LoadDefaults);

    public static IReadOnlyDictionary<string, string> Defaults => s_defaults.Value;

    /// <summary>Every template key, letters first, then the remedy and the 21 answer bodies in table order.</summary>
    public static IReadOnlyList<string> Keys =>
        [.. LetterKinds.Codes.Values.Select(LetterKinds.Codes.Code), "remedy", .. OutcomeRowsKeys()];

    public static string Label(string key) => key switch
    {
        "remedy" => "救济途径告知（答复书末段）",
        _ when key.StartsWith("answer.", StringComparison.Ordinal) && Requests.Codes.Outcomes.TryParse(key["answer.".Length..], out var o) =>
            "答复书正文：" + Requests.OutcomeRows.Of(o).Name,
        _ when LetterKinds.Codes.TryParse(key, out var kind) => LetterKinds.Label(kind),
        _ => key,
    };

    /// <summary>The agency's current version of a template, or the default.</summary>
    public static async Task<LetterTemplate> CurrentAsync(CaseFlowApp app, string agency, string key, CancellationToken ct) =>
        await VersionAsync(app, agency, key, null, ct) ?? Default(key);

    /// <summary>A specific version (null: the latest the agency saved), or null when the agency has none.</summary>
    public static async Task<LetterTemplate?> VersionAsync(CaseFlowApp app, string agency, string key, int? version, CancellationToken ct)
    {
        if (version == 0)
        {
            return Default(key);
        }

        await using var query = app.Query(agency);
        var versions = query.Query<LetterTemplateVersion>().Where(t => t.Template == key);
        var found = version is { } v
            ? await versions.Where(t => t.Version == v).FirstOrDefaultAsync(ct)
            : await versions.OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        return found is null ? null : new LetterTemplate(key, found.Body, found.Version, found.SavedBy, found.SavedAt);
    }

    /// <summary>Saves a new version of the agency's template; returns its number. Saving the same text again adds nothing.</summary>
    public static async Task<int> SaveAsync(CaseFlowApp app, string agency, string key, string body, string savedBy, CancellationToken ct)
    {
        if (!Keys.Contains(key))
        {
            throw new ArgumentException($"Unknown template '{key}'.", nameof(key));
        }

        var current = await CurrentAsync(app, agency, key, ct);
        if (current.Body == body)
        {
            return current.Version;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = app.Store.LightweightSession(agency);
                var version = current.Version + 1;
                // Insert, never overwrite: two saves of the same version collide, and the loser numbers again.
                session.Insert(new LetterTemplateVersion
                {
                    Id = LetterTemplateVersion.IdOf(key, version),
                    Template = key,
                    Version = version,
                    Body = body,
                    SavedBy = savedBy,
                    SavedAt = app.Clock.GetCurrentInstant(),
                });
                await session.SaveChangesAsync(ct);
                return version;
            }
            catch (Exception e) when (attempt < 3 && Commands.IsLostRace(e))
            {
                current = await CurrentAsync(app, agency, key, ct);
            }
        }
    }

    public static LetterTemplate Default(string key) =>
        Defaults.TryGetValue(key, out var body) ? new LetterTemplate(key, body, 0) : throw new ArgumentException($"Unknown template '{key}'.", nameof(key));

    private static IEnumerable<string> OutcomeRowsKeys() => Requests.OutcomeRows.All.Select(r => "answer." + Requests.Codes.Outcomes.Code(r.Outcome));

    private static IReadOnlyDictionary<string, string> LoadDefaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CaseFlow.Letters.default-letters.txt")
            ?? throw new InvalidOperationException("The default letter templates are not embedded.");
        using var reader = new StreamReader(stream);
        var templates = new Dictionary<string, string>();
        string? key = null;
        var body = new List<string>();
        void Flush()
        {
            if (key is not null)
            {
                templates[key] = string.Join("\n", body).Trim('\n');
            }
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal) && line.EndsWith(" ===", StringComparison.Ordinal))
            {
                Flush();
                key = line[4..^4].Trim();
                body.Clear();
            }
            else if (key is not null)
            {
                body.Add(line);
            }
        }

        Flush();
        return templates;
    }
}
