using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CaseFlow.Infrastructure;

/// <summary>One key of ASP.NET Core data protection (what signs and encrypts the session cookie), as its XML.</summary>
public sealed record DataProtectionKey
{
    public string Id { get; init; } = "";
    public string Xml { get; init; } = "";
}

/// <summary>
/// Keeps the data-protection key ring in the installation's database: every node reads the same keys, a restart does
/// not sign anyone out, and a cookie made by another installation (another database) cannot be read here. Whoever can
/// read the database can read the keys; the database is already where the personal data is (docs/security.md).
/// </summary>
public sealed class DataProtectionKeyRing(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // The key ring reads rarely (at start, then about daily) and its interface is synchronous.
        using var query = store.QuerySession();
        return [.. query.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        // The friendly name is the key's id: a key is written once and never changed.
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
