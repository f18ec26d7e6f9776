using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.Infrastructure.Http;

/// <summary>
/// What an endpoint answers, declared beside it for the OpenAPI document: the success body and its headers, and the
/// refusals beyond those the routes share (400 and 500 everywhere; 401 and 403 when signed in; 409, 412, 413, 415 and 422
/// for writes; 404 for a route naming a request or case).
/// The document (CaseFlow.Web's ApiDocument) reads these; a test fails when a route answers what is not declared.
/// </summary>
public static class ApiContract
{
    public const string Json = "application/json";

    /// <summary>A record that carries its version: 200 with an <c>ETag</c>; with <paramref name="creates"/> also 201 with a <c>Location</c>.</summary>
    public static RouteHandlerBuilder AnswersRecord<T>(this RouteHandlerBuilder endpoint, bool creates = false)
    {
        endpoint.Produces<T>(StatusCodes.Status200OK, Json).WithMetadata(new VersionedAnswer(creates));
        return creates ? endpoint.Produces<T>(StatusCodes.Status201Created, Json) : endpoint;
    }

    /// <summary>A plain JSON answer (lists, quotes).</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder endpoint) => endpoint.Produces<T>(StatusCodes.Status200OK, Json);

    /// <summary>A JSON answer whose shape is written by hand (the contract's report); the document names its schema.</summary>
    public static RouteHandlerBuilder AnswersSchema(this RouteHandlerBuilder endpoint, string schema) =>
        endpoint.Produces(StatusCodes.Status200OK, contentType: Json).WithMetadata(new NamedSchemaAnswer(schema));

    /// <summary>A file in one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder AnswersFile(this RouteHandlerBuilder endpoint, params string[] contentTypes) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(FileBody), contentTypes[0], contentTypes[1..]);

    /// <summary>Refusals this route gives beyond the shared ones, with their codes.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, int status, string codes) =>
        endpoint.WithMetadata(new Refusal(status, codes));
}

/// <summary>The answer carries the record's version as <c>ETag</c> (and <c>Location</c> when created).</summary>
public sealed record VersionedAnswer(bool Creates);

/// <summary>The answer's schema is the named one the document defines by hand.</summary>
public sealed record NamedSchemaAnswer(string Schema);

/// <summary>A status the route may refuse with (ProblemDetails), and the codes it then carries.</summary>
public sealed record Refusal(int Status, string Codes);

/// <summary>Stands for a binary file body in the document.</summary>
public sealed class FileBody;
