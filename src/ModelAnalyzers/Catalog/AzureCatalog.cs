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

    public static AzureCatalog Parse(string json)
    {
        var models = new List<AzureModel>();
        foreach (var item in JsonReader.Parse(json)["models"]?.Items ?? Array.Empty<JsonValue>())
        {
            if (item["name"]?.AsString is not { Length: > 0 } name || item["openAI"]?.AsString is not { Length: > 0 } openAI)
            {
                throw new InvalidDataException($"Azure catalog entry at line {item.Line} has no name or openAI id");
            }

            models.Add(new AzureModel(name, openAI)
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
            });
        }

        return new AzureCatalog(models);

        static AzureRetirement RetirementOf(JsonValue item) => item["retirement"]?.AsString switch
        {
            "exact" => AzureRetirement.Exact,
            "notBefore" => AzureRetirement.NotBefore,
            _ => AzureRetirement.Unknown,
        };
    }

    private static AzureCatalog LoadBuiltIn()
    {
        using var stream = typeof(AzureCatalog).Assembly.GetManifestResourceStream("ModelAnalyzers.Catalog.azure-models.json")
            ?? throw new InvalidOperationException("the embedded Azure catalog is missing from the analyzer assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
