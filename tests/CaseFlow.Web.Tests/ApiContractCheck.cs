using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseFlow.Web.Tests;

/// <summary>
/// Sits in every API client the web tests use: each answer from a documented route must have a status, and a content
/// type, that the OpenAPI document declares for it, or the call fails there with what was answered. So every HTTP test
/// is also a test of the document.
/// </summary>
public sealed class ApiContractCheck(Func<Task<ApiContract>> contract, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path == "/health")
        {
            (await contract()).Verify(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLength);
        }

        return response;
    }
}

/// <summary>The routes of the OpenAPI document with the statuses and content types each declares.</summary>
public sealed class ApiContract
{
    private readonly List<(string Method, Regex Path, string Template, Dictionary<string, HashSet<string>> Responses)> _operations = [];

    /// <summary>What was answered and checked: (method and template, status).</summary>
    public ConcurrentDictionary<(string Operation, int Status), int> Seen { get; } = new();

    public ApiContract(string documentJson)
    {
        using var document = JsonDocument.Parse(documentJson);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^/]+?}", "[^/]+") + "$");
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = new Dictionary<string, HashSet<string>>();
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    responses[response.Name] = response.Value.TryGetProperty("content", out var content)
                        ? content.EnumerateObject().Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
                        : [];
                }

                _operations.Add((operation.Name.ToUpperInvariant(), pattern, path.Name, responses));
            }
        }
    }

    public IReadOnlyList<string> Operations => [.. _operations.Select(o => $"{o.Method} {o.Template}")];

    public void Verify(string method, string path, int status, string? mediaType, long? length)
    {
        // The document, the reference page and the unrouted are not operations.
        if (path.StartsWith("/api/openapi/", StringComparison.Ordinal) || path.StartsWith("/api/reference", StringComparison.Ordinal))
        {
            return;
        }

        var matches = _operations.Where(o => o.Method == method && o.Path.IsMatch(path)).ToList();
        if (matches.Count == 0)
        {
            return;
        }

        // A literal segment beats a parameter (/api/cases/outcomes over /api/cases/{x}): the template with fewer braces.
        var operation = matches.OrderBy(o => o.Template.Count(c => c == '{')).First();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var types))
        {
            throw new Xunit.Sdk.XunitException($"{method} {path} answered {status} ({mediaType}), which the OpenAPI document does not declare for {method} {operation.Template} (it declares {string.Join(", ", operation.Responses.Keys)}).");
        }

        if (mediaType is not null && length != 0 && !types.Contains(mediaType))
        {
            throw new Xunit.Sdk.XunitException($"{method} {path} answered {status} as {mediaType}, but the OpenAPI document declares {(types.Count == 0 ? "no content" : string.Join(", ", types))} for it.");
        }

        Seen.AddOrUpdate(($"{method} {operation.Template}", status), 1, (_, n) => n + 1);
    }
}
