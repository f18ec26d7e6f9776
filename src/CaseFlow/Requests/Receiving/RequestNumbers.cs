using System.Text;
using CaseFlow.Infrastructure;
using Marten;
using Npgsql;

namespace CaseFlow.Requests;

/// <summary>
/// Request numbers that look alike are one number: “２０２６－００１” (full-width), “2026-001” and, for letters, any case
/// are the same to a reader, so the second is refused rather than registered as a new request. A number stays stored
/// as typed (it names its stream); its key (NFKC, upper case) is a column of the request files.
/// </summary>
public static class RequestNumbers
{
    public static string Key(string reference) => reference.Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    /// <summary>
    /// An agency's request whose number looks like <paramref name="reference"/> but is not it, if any. In an import
    /// batch, the numbers received earlier in the batch count too, and the batch's lines are looked up in one query.
    /// </summary>
    public static async Task<string?> LookalikeOfAsync(CaseFlowApp app, string agency, string reference, CancellationToken ct)
    {
        var key = Key(reference);
        var taken = WriteBatch.Current is { } batch && batch.TenantId == agency
            ? await batch.MemoAsync(MemoKey(key), async () => (await FindAsync(app, agency, [key], ct)).GetValueOrDefault(key, []))
            : (await FindAsync(app, agency, [key], ct)).GetValueOrDefault(key, []);
        // The number itself among them (a re-run, or look-alikes registered before the key existed): not a look-alike of
        // another, the stream's own rules answer.
        return taken.Contains(reference, StringComparer.Ordinal) ? null : taken.FirstOrDefault();
    }

    /// <summary>Reads, in one query, the look-alikes of a batch's numbers, so its lines need no query each.</summary>
    public static async Task PreloadAsync(CaseFlowApp app, WriteBatch batch, IEnumerable<string> references, CancellationToken ct)
    {
        var keys = references.Select(Key).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        var found = await FindAsync(app, batch.TenantId, keys, ct);
        foreach (var key in keys)
        {
            batch.Remember(MemoKey(key), found.GetValueOrDefault(key, []));
        }
    }

    /// <summary>After a receive in a batch: later lines of the batch see the number as taken.</summary>
    public static void Taken(string agency, string reference)
    {
        if (WriteBatch.Current is { } batch && batch.TenantId == agency)
        {
            batch.Remember(MemoKey(Key(reference)), new[] { reference });
        }
    }

    private static string MemoKey(string key) => "request-number:" + key;

    /// <summary>The registered numbers of each key (several only for look-alikes registered before the key existed).</summary>
    private static async Task<Dictionary<string, string[]>> FindAsync(CaseFlowApp app, string agency, string[] keys, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        var rows = await query.Query<GettingDetails.RequestFile>().Where(f => f.ReferenceKey.IsOneOf(keys)).Select(f => f.Reference).ToListAsync(ct);
        return rows.Order(StringComparer.Ordinal).GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Gives the request files written before the key existed their key (once, at start-up; a no-op after that), in
    /// batches so that a province's million rows do not make one long transaction.
    /// </summary>
    public static async Task BackfillKeysAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        while (true)
        {
            var rows = new List<(string Tenant, Guid Id, string Key)>();
            await using (var select = dataSource.CreateCommand($"select tenant_id, id, reference from {schema}.mt_doc_request_files where reference_key is null limit 5000"))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetString(0), reader.GetGuid(1), Key(reader.GetString(2))));
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            await using var update = dataSource.CreateCommand(
                $"update {schema}.mt_doc_request_files f set reference_key = k.key from unnest(@tenants, @ids, @keys) as k(tenant, id, key) where f.tenant_id = k.tenant and f.id = k.id");
            update.Parameters.AddWithValue("tenants", rows.Select(r => r.Tenant).ToArray());
            update.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
            update.Parameters.AddWithValue("keys", rows.Select(r => r.Key).ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }
    }
}
