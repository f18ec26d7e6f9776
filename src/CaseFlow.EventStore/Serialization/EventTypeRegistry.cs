using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.EventStore.Serialization;

/// <summary>
/// The explicit registry of stored event names. Every event type is registered with a stable alias such as
/// <c>request.received.v1</c>; the CLR name never reaches the database, so renaming or moving a class cannot break
/// stored data. An alias that is not registered reads back as <see cref="UnknownEvent"/> (a newer writer's event
/// seen by an older reader), which folds and projections ignore.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _aliasesByType = [];

    public EventTypeRegistry(JsonSerializerOptions? options = null)
    {
        Json = options ?? DefaultJsonOptions();
    }

    public JsonSerializerOptions Json { get; }

    public static JsonSerializerOptions DefaultJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };
        return NodaTimeJson.Configure(options);
    }

    public EventTypeRegistry Register<TEvent>(string alias) where TEvent : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        if (_typesByAlias.TryGetValue(alias, out var existing) && existing != typeof(TEvent))
        {
            throw new InvalidOperationException($"Event alias '{alias}' is already registered for {existing.Name}.");
        }

        if (_aliasesByType.TryGetValue(typeof(TEvent), out var existingAlias) && existingAlias != alias)
        {
            throw new InvalidOperationException($"{typeof(TEvent).Name} is already registered as '{existingAlias}'.");
        }

        _typesByAlias[alias] = typeof(TEvent);
        _aliasesByType[typeof(TEvent)] = alias;
        return this;
    }

    public IReadOnlyCollection<string> Aliases => _typesByAlias.Keys;

    public bool IsRegistered(string alias) => _typesByAlias.ContainsKey(alias);

    public string AliasOf(Type eventType) =>
        _aliasesByType.TryGetValue(eventType, out var alias)
            ? alias
            : throw new InvalidOperationException($"{eventType.FullName} is not a registered event type.");

    public string AliasOf<TEvent>() => AliasOf(typeof(TEvent));

    public string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), Json);

    public object Deserialize(string alias, string json) =>
        _typesByAlias.TryGetValue(alias, out var type)
            ? JsonSerializer.Deserialize(json, type, Json) ?? throw new JsonException($"Event '{alias}' is null.")
            : new UnknownEvent(alias, json);
}

/// <summary>An event whose alias this build does not know. It is carried, never interpreted.</summary>
public sealed record UnknownEvent(string Alias, string Json);
