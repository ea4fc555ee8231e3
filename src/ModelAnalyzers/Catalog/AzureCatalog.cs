using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// Azure OpenAI retirements (embedded azure-models.json, generated from the project's researched Azure table).
/// Azure retires models on its own schedule, per deployment type, so Azure sites are never judged by OpenAI's dates.
/// </summary>
internal sealed class AzureCatalog
{
    private static readonly Lazy<AzureCatalog> BuiltInCatalog = new(LoadBuiltIn);
    private readonly Dictionary<string, AzureModel> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AzureModel> _byOpenAIName = new(StringComparer.Ordinal);

    private AzureCatalog(IEnumerable<AzureModel> models)
    {
        foreach (var model in models)
        {
            _byName[model.Name] = model;
        }

        // OpenAI's spelling (gpt-3.5-turbo) finds the Azure model too; Azure's own name wins a clash.
        foreach (var model in _byName.Values.Where(m => !_byName.ContainsKey(m.OpenAI)))
        {
            if (!_byOpenAIName.ContainsKey(model.OpenAI))
            {
                _byOpenAIName[model.OpenAI] = model;
            }
        }
    }

    public static AzureCatalog BuiltIn => BuiltInCatalog.Value;

    public IReadOnlyCollection<AzureModel> Models => _byName.Values;

    /// <summary>The Azure model a deployment name equals, in Azure's or OpenAI's spelling; null for any other name.</summary>
    public AzureModel? Find(string deploymentName) =>
        _byName.TryGetValue(deploymentName, out var model) || _byOpenAIName.TryGetValue(deploymentName, out model) ? model : null;

    public static AzureCatalog Parse(string json) =>
        new((JsonReader.Parse(json)["models"]?.Items ?? Array.Empty<JsonValue>()).Select(ParseModel));

    /// <summary>One entry as azure-models.json (and an overlay's "azure" list) writes it.</summary>
    /// <exception cref="InvalidDataException">The entry has no name or OpenAI id.</exception>
    public static AzureModel ParseModel(JsonValue item)
    {
        if (item["name"]?.AsString is not { Length: > 0 } name || item["openAI"]?.AsString is not { Length: > 0 } openAI)
        {
            throw new InvalidDataException($"Azure catalog entry at line {item.Line} has no name or openAI id");
        }

        return new AzureModel(name, openAI)
        {
            Retirement = RetirementOf(item),
            Versions = (item["versions"]?.Items ?? Array.Empty<JsonValue>()).Select(v => new AzureVersion(
                v["version"]?.AsString, v["lifecycle"]?.AsString, RetirementOf(v), ModelCatalog.ParseDate(v["retiresOn"]?.AsString),
                v["retirementNote"]?.AsString, ModelCatalog.ParseDate(v["noNewCustomersFrom"]?.AsString), v["replacement"]?.AsString,
                v["source"]?.AsString ?? "")).ToList(),
            RetiresOn = ModelCatalog.ParseDate(item["retiresOn"]?.AsString),
            RetirementNote = item["retirementNote"]?.AsString,
            NoNewCustomersFrom = ModelCatalog.ParseDate(item["noNewCustomersFrom"]?.AsString),
            Replacement = item["replacement"]?.AsString is { } replacement && replacement != "?" ? replacement : null,
            Source = item["source"]?.AsString ?? "",
        };

        static AzureRetirement RetirementOf(JsonValue item) => item["retirement"]?.AsString switch
        {
            "exact" => AzureRetirement.Exact,
            "notBefore" => AzureRetirement.NotBefore,
            _ => AzureRetirement.Unknown,
        };
    }

    /// <summary>
    /// This catalog with newer rows applied (an overlay's "azure" list, from Microsoft's retirement schedule): a version
    /// the newer data lists replaces the same version, other versions stay; the model's own dates follow its
    /// longest-lived version. Nothing of this catalog is changed.
    /// </summary>
    public AzureCatalog With(IEnumerable<AzureModel> newer)
    {
        var merged = new Dictionary<string, AzureModel>(_byName, StringComparer.Ordinal);
        foreach (var model in newer)
        {
            if (!merged.TryGetValue(model.Name, out var known))
            {
                merged[model.Name] = model;
                continue;
            }

            var versions = known.Versions.Where(v => !model.Versions.Any(n => string.Equals(n.Version, v.Version, StringComparison.OrdinalIgnoreCase)))
                .Concat(model.Versions).ToList();
            bool dated = versions.Count > 0 && versions.All(v => v.RetiresOn is not null);
            merged[model.Name] = new AzureModel(known.Name, known.OpenAI)
            {
                Versions = versions,
                Retirement = !dated ? known.Retirement : versions.Any(v => v.Retirement == AzureRetirement.NotBefore) ? AzureRetirement.NotBefore : AzureRetirement.Exact,
                RetiresOn = dated ? versions.Max(v => v.RetiresOn) : known.RetiresOn,
                RetirementNote = known.RetirementNote,
                NoNewCustomersFrom = known.NoNewCustomersFrom,
                Replacement = model.Replacement ?? known.Replacement,
                Source = string.Join(" ; ", new[] { model.Source, known.Source }.Where(x => x.Length > 0).Distinct()),
            };
        }

        return new AzureCatalog(merged.Values);
    }

    private static AzureCatalog LoadBuiltIn()
    {
        using var stream = typeof(AzureCatalog).Assembly.GetManifestResourceStream("ModelAnalyzers.Catalog.azure-models.json")
            ?? throw new InvalidOperationException("the embedded Azure catalog is missing from the analyzer assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
