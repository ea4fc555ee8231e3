using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// Catalog overlays: JSON files named <c>*.models.json</c>, passed as AdditionalFiles, that add models, override
/// any field of a catalog entry, and map deployment names to models. Files merge in path order (a later file wins).
/// A broken entry or value is reported and skipped; everything else in the file still applies.
/// </summary>
internal static class CatalogOverlay
{
    public const string FileSuffix = ".models.json";

    public static bool IsOverlayPath(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A project's catalog as the analyzers, the fixers and model-audit all see it: the built-in catalog with the
    /// project's overlays (its additional files named *.models.json) applied, or the built-in one itself without any.
    /// </summary>
    public static ModelCatalog ForProject(IEnumerable<(string Path, SourceText Text)> overlays, List<OverlayProblem> problems)
    {
        var files = overlays.Where(o => IsOverlayPath(o.Path)).ToList();
        return files.Count == 0 ? ModelCatalog.BuiltIn : Apply(ModelCatalog.BuiltIn, files, problems);
    }

    public static ModelCatalog Apply(ModelCatalog catalog, IEnumerable<(string Path, SourceText Text)> files, List<OverlayProblem> problems)
    {
        var merge = new Merge(catalog, problems);
        foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            merge.ApplyFile(path, text.ToString());
        }

        return merge.Finish();
    }

    private sealed class Merge
    {
        private readonly Dictionary<string, ModelInfo> _models = new(StringComparer.Ordinal);
        private readonly List<string> _order = new();
        private readonly Dictionary<string, DeploymentTarget> _deployments;
        private readonly List<AzureModel> _azure = new();
        private readonly AzureCatalog _builtInAzure;
        private readonly List<OverlayProblem> _problems;

        // The data's date: an overlay that says when it was checked ("asOf") moves it forward, never back.
        private DateTime _asOf;

        // Where an overlay named a model id, checked once every file is merged (a later file may add the model).
        private readonly List<(string Path, JsonValue At, string Id, Action Undo)> _references = new();

        public Merge(ModelCatalog catalog, List<OverlayProblem> problems)
        {
            foreach (var model in catalog.Models)
            {
                _models[model.Id] = model;
                _order.Add(model.Id);
            }

            _deployments = new Dictionary<string, DeploymentTarget>(StringComparer.Ordinal);
            _builtInAzure = catalog.Azure;
            foreach (var deployment in catalog.Deployments)
            {
                _deployments[deployment.Key] = deployment.Value;
            }

            _problems = problems;
            _asOf = catalog.AsOf;
        }

        public void ApplyFile(string path, string text)
        {
            JsonValue root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonReaderException error)
            {
                _problems.Add(new OverlayProblem(path, error.Line, error.Column, $"invalid JSON: {error.Message}; the file is ignored"));
                return;
            }

            if (root.Kind != JsonKind.Object)
            {
                Report(path, root, "the overlay must be a JSON object with \"models\" and/or \"deployments\"; the file is ignored");
                return;
            }

            foreach (var property in root.Properties)
            {
                switch (property.Key)
                {
                    case "$schema":
                        break;
                    case "asOf":
                        if (ModelCatalog.ParseDate(property.Value.AsString) is not DateTime date)
                        {
                            Report(path, property.Value, "'asOf' must be the date the overlay's data was checked, as \"yyyy-MM-dd\"; the value is ignored");
                        }
                        else if (date > _asOf)
                        {
                            _asOf = date;
                        }

                        break;
                    case "models" when property.Value.Kind == JsonKind.Array:
                        foreach (var entry in property.Value.Items)
                        {
                            ApplyModel(path, entry);
                        }

                        break;
                    case "azure" when property.Value.Kind == JsonKind.Array:
                        foreach (var entry in property.Value.Items)
                        {
                            try
                            {
                                _azure.Add(AzureCatalog.ParseModel(entry));
                            }
                            catch (System.IO.InvalidDataException)
                            {
                                Report(path, entry, "an Azure model entry must be an object with string \"name\" and \"openAI\"; the entry is ignored");
                            }
                        }

                        break;
                    case "deployments" when property.Value.Kind == JsonKind.Object:
                        foreach (var deployment in property.Value.Properties)
                        {
                            ApplyDeployment(path, deployment.Key, deployment.Value);
                        }

                        break;
                    default:
                        Report(path, property.Value, $"unexpected property '{property.Key}': expected \"models\" (an array), \"deployments\" (an object), \"azure\" (an array) or \"asOf\" (a date)");
                        break;
                }
            }
        }

        public ModelCatalog Finish()
        {
            var azure = _azure.Count == 0 ? null : _builtInAzure.With(_azure);
            foreach (var (path, at, id, undo) in _references)
            {
                if (!_models.ContainsKey(id) && (azure ?? _builtInAzure).Find(id) is null)
                {
                    Report(path, at, $"'{id}' is not a model id in the catalog or an overlay; the value is ignored");
                    undo();
                }
            }

            return new ModelCatalog(_asOf, _order.Select(id => _models[id]).ToList(), _deployments, azure);
        }

        private void ApplyModel(string path, JsonValue entry)
        {
            if (entry.Kind != JsonKind.Object || entry["id"]?.AsString is not { Length: > 0 } id)
            {
                Report(path, entry, "a model entry must be an object with a string \"id\"; the entry is ignored");
                return;
            }

            var kindValue = entry["kind"];
            string? kind = kindValue?.AsString;
            if (kindValue is not null && Array.IndexOf(ModelCatalog.Kinds, kind) < 0)
            {
                Report(path, kindValue, $"unknown kind '{kindValue.AsString}' (expected one of: {string.Join(", ", ModelCatalog.Kinds)}); the entry is ignored");
                return;
            }

            ModelInfo model;
            if (_models.TryGetValue(id, out var existing))
            {
                model = existing with { Kind = kind ?? existing.Kind };
            }
            else if (kind is null)
            {
                Report(path, entry, $"model '{id}' is not in the catalog, so it needs a \"kind\"; the entry is ignored");
                return;
            }
            else
            {
                model = new ModelInfo(id, kind);
                _order.Add(id);
            }

            // Each step gives a new entry: the built-in one, shared by every compilation, is never changed.
            model = model with { Source = "overlay " + path };
            foreach (var property in entry.Properties.Where(p => p.Key is not ("id" or "kind")))
            {
                var (set, error) = CatalogFields.Set(model, property.Key, property.Value);
                if (error is not null)
                {
                    Report(path, property.Value, $"model '{id}': {error}; the value is ignored");
                }
                else if (property.Key == "replacement" && set.Replacement == id)
                {
                    Report(path, property.Value, $"model '{id}' cannot replace itself; the value is ignored");
                }
                else
                {
                    model = set;
                    if (property.Key == "replacement" && model.Replacement is string replacement)
                    {
                        _references.Add((path, property.Value, replacement, () => _models[id] = _models[id] with { Replacement = null }));
                    }
                }
            }

            _models[id] = model;
        }

        /// <summary>"chat": "gpt-4o", or what infrastructure code declares: { "model", "version", "sku", "definedIn" }.</summary>
        private void ApplyDeployment(string path, string deployment, JsonValue value)
        {
            var modelValue = value.Kind == JsonKind.Object ? value["model"] : value;
            if (modelValue?.AsString is not { Length: > 0 } model)
            {
                Report(path, value, $"deployment '{deployment}' must map to a model id string, or an object with a string \"model\" (and \"version\", \"sku\", \"definedIn\"); the mapping is ignored");
                return;
            }

            string? Text(string key)
            {
                var field = value.Kind == JsonKind.Object ? value[key] : null;
                if (field is not null && field.Kind != JsonKind.Null && field.AsString is null)
                {
                    Report(path, field, $"deployment '{deployment}': \"{key}\" must be a string; the value is ignored");
                }

                return field?.AsString is { Length: > 0 } text ? text : null;
            }

            foreach (var property in value.Properties)
            {
                if (property.Key is not ("model" or "version" or "sku" or "definedIn"))
                {
                    Report(path, property.Value, $"deployment '{deployment}': unexpected property '{property.Key}' (expected \"model\", \"version\", \"sku\", \"definedIn\"); the value is ignored");
                }
            }

            _deployments[deployment] = new DeploymentTarget(model, Text("version"), Text("sku"), Text("definedIn"));
            _references.Add((path, modelValue, model, () => _deployments.Remove(deployment)));
        }

        private void Report(string path, JsonValue at, string message) => _problems.Add(new OverlayProblem(path, at.Line, at.Column, message));
    }
}
