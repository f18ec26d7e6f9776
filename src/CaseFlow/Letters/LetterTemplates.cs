using System.Reflection;
using CaseFlow.EventStore;
using CaseFlow.Infrastructure;

namespace CaseFlow.Letters;

/// <summary>A template as used: its key, text and version (0 = CaseFlow's default).</summary>
public sealed record LetterTemplate(string Key, string Body, int Version, string? SavedBy = null, NodaTime.Instant? SavedAt = null);

/// <summary>
/// The letter templates: CaseFlow's defaults (Letters/Data/default-letters.txt, version 0) and each agency's own
/// versions in <c>cf.letter_templates</c>. Keys: the letter kinds, <c>remedy</c>, and <c>answer.&lt;outcome&gt;</c> for
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
            "答复书正文：" + Requests.OutcomeRows.Of(o).FullLabel,
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

        await using var command = app.DataSource.CreateCommand(
            """
            select body, version, saved_by, saved_at from cf.letter_templates
             where agency = $1 and template = $2 and ($3::int is null or version = $3) order by version desc limit 1
            """);
        command.Parameters.Add(Db.Param(agency));
        command.Parameters.Add(Db.Param(key));
        command.Parameters.Add(Db.Param(version, NpgsqlTypes.NpgsqlDbType.Integer));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LetterTemplate(key, reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInstant(3)) : null;
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

        await using var command = app.DataSource.CreateCommand(
            """
            insert into cf.letter_templates (agency, template, version, body, saved_by)
            select $1, $2, coalesce(max(version), 0) + 1, $3, $4 from cf.letter_templates where agency = $1 and template = $2
            returning version
            """);
        command.Parameters.Add(Db.Param(agency));
        command.Parameters.Add(Db.Param(key));
        command.Parameters.Add(Db.Param(body));
        command.Parameters.Add(Db.Param(savedBy));
        return (int)(await command.ExecuteScalarAsync(ct))!;
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
