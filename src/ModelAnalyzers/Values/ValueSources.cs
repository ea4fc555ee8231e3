using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ModelAnalyzers.Values;

/// <summary>
/// What value resolution finds for one site: the literals that can reach it and the configuration keys it reads
/// (<c>Ai:ChatModel</c>, directly or through a settings member bound to a section). <see cref="Members"/> follows
/// the writes and bindings of the user's own settings members; without it (a test of one file) they are not followed.
/// </summary>
internal sealed class ValueSources
{
    public ValueSources(MemberSources? members)
    {
        Members = members;
    }

    public MemberSources? Members { get; }

    public List<ModelLiteral> Literals { get; } = new();

    /// <summary>Configuration paths (any case, ':'-separated) whose values reach the site.</summary>
    public List<string> ConfigurationKeys { get; } = new();

    /// <summary>The settings members the site reads itself (not through another member's write): their writes are reported where they are made.</summary>
    public List<ISymbol> DirectMembers { get; } = new();

    public (int Literals, int Keys) Mark() => (Literals.Count, ConfigurationKeys.Count);

    /// <summary>Forgets what was added since <paramref name="mark"/>.</summary>
    public void Rollback((int Literals, int Keys) mark)
    {
        Literals.RemoveRange(mark.Literals, Literals.Count - mark.Literals);
        ConfigurationKeys.RemoveRange(mark.Keys, ConfigurationKeys.Count - mark.Keys);
    }

    /// <summary>Adds another's literals and keys; <paramref name="written"/> false: as values reached through another member, never reported at a write.</summary>
    public void AddFrom(ValueSources other, bool written = true)
    {
        foreach (var literal in other.Literals)
        {
            Literals.Add(written ? literal : literal with { Written = false });
        }

        ConfigurationKeys.AddRange(other.ConfigurationKeys);
    }
}
