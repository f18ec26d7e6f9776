using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Stream ids derived from business keys (RFC 4122 version 5, SHA-1 name-based): a request is identified by its agency
/// and reference number, so the import, the API and the UI all address the same stream without a lookup, and the
/// stream's primary key makes the reference unique within the agency.
/// </summary>
public static class StreamIds
{
    private static readonly Guid s_namespace = new("6c1e3f4a-2b7d-4c59-9a0e-5f3d2c1b0a98");

    public static Guid Request(string agency, string reference) => NameBased($"request:{agency}/{reference}");

    public static Guid Agency(string agency) => NameBased($"agency:{agency}");

    public static Guid Review(string agency, string caseReference) => NameBased($"review:{agency}/{caseReference}");

    public static Guid Lawsuit(string agency, string caseReference) => NameBased($"lawsuit:{agency}/{caseReference}");

    /// <summary>The agency's yearly sequence of letter numbers (文号).</summary>
    public static Guid LetterNumbers(string agency, int year) => NameBased($"letter-numbers:{agency}/{year}");

    public static Guid AnnualReport(string agency, int year) => NameBased($"annual-report:{agency}/{year}");

    public static Guid DisclosureStats(string agency, int year) => NameBased($"disclosure-stats:{agency}/{year}");

    /// <summary>An account: its user name is unique across agencies.</summary>
    public static Guid User(string userName) => NameBased($"user:{userName}");

    /// <summary>The working-day calendar of a year (the State Council's notices as loaded, in the system tenant).</summary>
    public static Guid CalendarYear(int year) => NameBased($"calendar-year:{year}");

    public static Guid NameBased(string name)
    {
        Span<byte> bytes = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(name.Length)];
        s_namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(name, bytes[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(bytes[..length], hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
