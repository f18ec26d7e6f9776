using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Requests;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CaseFlow.Infrastructure;

/// <summary>
/// The JSON conventions of CaseFlow, the same for stored events and documents (Marten), messages (Wolverine) and the
/// API: camelCase, nulls left out, NodaTime ISO values, and the stable codes of every vocabulary.
/// </summary>
public static class CaseFlowJson
{
    public static JsonSerializerOptions Create() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to options another library created (Marten's, Wolverine's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Insert(0, new IsoDateJsonConverter());
        // Ahead of any generic enum converter (ours or the library's), which would otherwise take every enum.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Insert(0, Codes.Channels.Converter());
        options.Converters.Insert(0, Codes.ApplicantTypes.Converter());
        options.Converters.Insert(0, Codes.ConsultationParties.Converter());
        options.Converters.Insert(0, Codes.ConsultationResults.Converter());
        options.Converters.Insert(0, Codes.FeeMethods.Converter());
        options.Converters.Insert(0, Codes.Outcomes.Converter());
        options.Converters.Insert(0, Codes.AnswerTypes.Converter());
        options.Converters.Insert(0, Codes.Statuses.Converter());
        options.Converters.Insert(0, Reviews.CaseCodes.Groups.Converter());
        options.Converters.Insert(0, Reviews.CaseCodes.Results.Converter());
        options.Converters.Insert(0, Reviews.CaseCodes.Roles.Converter());
        options.Converters.Insert(0, Reviews.CaseCodes.ReviewDecisions.Converter());
        options.Converters.Insert(0, Reviews.CaseCodes.Judgments.Converter());
        options.Converters.Insert(0, Reviews.CaseCodes.AppealOutcomes.Converter());
        options.Converters.Insert(0, Requests.LetterKinds.Codes.Converter());
        options.Converters.Insert(0, Users.UserAccounts.RoleCodes.Converter());
        return options;
    }
}
