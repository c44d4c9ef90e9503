using System.Collections.Frozen;
using AmpaCds.Contracts.Messages;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// The message types an outbox row may name. The dispatcher resolves a row's type here instead of
/// Type.GetType on a string read from the database, so a tampered or stale row cannot make the
/// process load an arbitrary type.
/// </summary>
public sealed class MessageTypeRegistry
{
    private readonly FrozenDictionary<string, Type> _byName;

    public MessageTypeRegistry(IEnumerable<Type> messageTypes)
    {
        ArgumentNullException.ThrowIfNull(messageTypes);
        _byName = messageTypes.Distinct().ToFrozenDictionary(NameOf, type => type, StringComparer.Ordinal);
    }

    /// <summary>Every record in AmpaCds.Contracts.Messages (the pipeline's events and their parts).</summary>
    public static MessageTypeRegistry Contracts { get; } = new(
        typeof(PetSeriesReceived).Assembly.GetExportedTypes()
            .Where(type => type.Namespace == typeof(PetSeriesReceived).Namespace && type.IsClass && !type.IsAbstract && !type.IsGenericTypeDefinition));

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The stored name: the full type name, stable as long as the contract is not renamed.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.FullName ?? type.Name;
    }

    public bool TryResolve(string name, out Type type) => _byName.TryGetValue(name, out type!);

    /// <summary>The stored name of a type the registry holds; fails at enqueue rather than at publish.</summary>
    public string NameFor(Type type)
    {
        var name = NameOf(type);
        return _byName.ContainsKey(name)
            ? name
            : throw new ArgumentException($"{name} is not a registered message type; add it to the MessageTypeRegistry.", nameof(type));
    }
}
