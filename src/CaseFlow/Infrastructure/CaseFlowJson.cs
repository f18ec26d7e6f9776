using System.Text.Json;
using CaseFlow.EventStore.Serialization;
using CaseFlow.Requests;

namespace CaseFlow.Infrastructure;

/// <summary>The JSON conventions of CaseFlow: camelCase, NodaTime ISO values, and the stable codes of every vocabulary.</summary>
public static class CaseFlowJson
{
    public static JsonSerializerOptions Create()
    {
        var options = EventTypeRegistry.DefaultJsonOptions();
        // Ahead of the generic enum converter, which would otherwise take every enum.
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
        options.Converters.Insert(0, Letters.LetterKinds.Codes.Converter());
        return options;
    }
}
