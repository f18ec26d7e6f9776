using CaseFlow.Requests;

namespace CaseFlow.Tests.Requests;

public sealed class RequestNumberTests
{
    [Theory]
    // Full-width digits and hyphen (U+FF10…, U+FF0D) are the ASCII ones; letters fold to upper case.
    [InlineData("２０２６－００１", "2026-001")]
    [InlineData("2026-001", "2026-001")]
    [InlineData("ｗｊ-2026-7", "WJ-2026-7")]
    [InlineData("wj-2026-7", "WJ-2026-7")]
    // Full-width brackets of an official style number become ASCII; the Chinese characters stay.
    [InlineData("卫健依申（2026）71号", "卫健依申(2026)71号")]
    // The hexagonal 〔〕 brackets are their own characters: NFKC leaves them.
    [InlineData("卫健依申〔2026〕71号", "卫健依申〔2026〕71号")]
    public void A_number_is_keyed_as_a_reader_sees_it(string typed, string key) => RequestNumbers.Key(typed).ShouldBe(key);
}
