using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Web.Tests;

/// <summary>
/// The document and the routes agree: every API route is documented, and an answer the document does not declare fails
/// the call that got it (<see cref="ApiContractCheck"/> sits in every API client of the web tests).
/// </summary>
public sealed class ApiContractTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private const string Document = """
        { "paths": { "/api/requests/{reference}": { "get": { "responses": {
            "200": { "content": { "application/json": {} } },
            "404": { "content": { "application/problem+json": {} } } } } } } }
        """;

    [Fact]
    public void An_answer_the_document_does_not_declare_is_refused_with_what_was_answered()
    {
        var contract = new ApiContract(Document);
        contract.Verify("GET", "/api/requests/R-1", 200, "application/json", 10);
        contract.Verify("GET", "/api/requests/R-1", 404, "application/problem+json", 10);

        Should.Throw<Xunit.Sdk.XunitException>(() => contract.Verify("GET", "/api/requests/R-1", 500, "application/problem+json", 10))
            .Message.ShouldContain("answered 500");
        Should.Throw<Xunit.Sdk.XunitException>(() => contract.Verify("GET", "/api/requests/R-1", 200, "text/html", 10))
            .Message.ShouldContain("as text/html");
        contract.Seen[("GET /api/requests/{reference}", 200)].ShouldBe(1);
    }

    [Fact]
    public async Task Every_api_route_the_host_serves_is_in_the_document()
    {
        var routes = fx.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/health")
                && !raw.StartsWith("/api/openapi", StringComparison.Ordinal) && !raw.StartsWith("/api/reference", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))
            .ToHashSet();
        routes.Count.ShouldBeGreaterThan(50);

        var documented = (await fx.ContractAsync()).Operations.ToHashSet();
        routes.Except(documented).ShouldBeEmpty("routes the document leaves out");
        documented.Except(routes).ShouldBeEmpty("documented operations no route serves");
    }

    [Fact]
    public async Task A_cell_of_a_year_out_of_range_is_refused_as_input_not_a_server_error()
    {
        using var reporter = await fx.SignInAsync("reporter");
        var response = await reporter.GetAsync("api/reports/annual/10000/cells/3/x/y"); // was a 500
        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.Content.ReadAsStringAsync()).ShouldContain("input.invalid");
    }
}
