using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace CaseFlow.Web.Tests.ApiClient;

/// <summary>
/// How the committed API client (CaseFlowClient.g.cs) and document snapshot (docs/api/openapi.json) are made from the
/// document the host serves: NSwag, as an integrator would run it. <c>ops/api-client</c> rewrites both.
/// </summary>
public static class ClientGeneration
{
    public const string UpdateVariable = "CASEFLOW_UPDATE_API_CLIENT";

    public static async Task<string> GenerateAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "CaseFlowClient",
            GenerateClientInterfaces = false,
            UseBaseUrl = false, // the HttpClient's BaseAddress
            GenerateOptionalParameters = true,
        };
        settings.CSharpGeneratorSettings.Namespace = "CaseFlow.Web.Tests.ApiClient.Generated";
        settings.CSharpGeneratorSettings.DateType = "System.DateOnly";
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        return new CSharpClientGenerator(document, settings).GenerateFile().ReplaceLineEndings("\n");
    }

    /// <summary>The source tree's root (where CaseFlow.sln is), found above the test binaries.</summary>
    public static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }

    public static string ClientPath => Path.Combine(SourceRoot(), "tests", "CaseFlow.Web.Tests", "ApiClient", "CaseFlowClient.g.cs");

    public static string DocumentPath => Path.Combine(SourceRoot(), "docs", "api", "openapi.json");
}
