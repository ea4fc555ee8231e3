using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Settings;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// The additional files' side of a compilation's judgements: settings files (appsettings, launchSettings), read once,
/// judged by their keys' names or linked to the configuration keys the sites read; and prompt files, judged by their
/// schema, with the request parameters they set beside the model.
/// </summary>
internal sealed class FileJudgements
{
    private readonly VerdictCache _verdicts;
    private readonly Lazy<IReadOnlyList<SettingsFile>> _settings;
    private readonly ConditionalWeakTable<AdditionalText, Once<IReadOnlyList<JudgedValue>>> _prompts = new();

    public FileJudgements(VerdictCache verdicts, AnalyzerOptions options)
    {
        _verdicts = verdicts;
        _settings = new Lazy<IReadOnlyList<SettingsFile>>(() => ReadSettings(options));
    }

    /// <summary>Where a settings or prompt file cannot be read, and why: none of its values is judged then.</summary>
    public (Location Location, string Message)? Unread(AdditionalText file)
    {
        var settings = _settings.Value.FirstOrDefault(s => s.File == file);
        if (settings?.Problem is { } invalid)
        {
            return Named(file, settings.Text, (invalid.Line, invalid.Column, "invalid JSON: " + invalid.Message));
        }

        return settings is null && PromptFiles.IsPromptPath(file.Path) && file.GetText() is { } text && PromptFiles.Problem(file.Path, text) is { } problem
            ? Named(file, text, problem)
            : null;
    }

    private static (Location Location, string Message) Named(AdditionalText file, SourceText text, (int Line, int Column, string Message) problem) =>
        (AdditionalFileLocation.At(file.Path, text, problem.Line, problem.Column), $"not read: {problem.Message}; the file's model settings are not judged");

    /// <summary>The model values of a settings file found by their keys' names (ChatModel, DeploymentName, OPENAI_MODEL), with verdicts.</summary>
    public IEnumerable<JudgedValue> SettingsFindings(AdditionalText file)
    {
        foreach (var settings in _settings.Value)
        {
            if (settings.File != file)
            {
                continue;
            }

            foreach (var value in settings.Values)
            {
                if (IsJudgedByName(value))
                {
                    var policy = _verdicts.PolicyFor(file);
                    yield return new JudgedValue(settings.LocationOf(value), file, value.Value, _verdicts.Judge(value.Value, policy, AzureName.None), policy.AsOf);
                }
            }
        }
    }

    /// <summary>
    /// The settings values a configuration key a site reads is set to, whatever their keys are named. A value the
    /// name rule already judges (a model-named key holding a known id, <see cref="SettingsFindings"/>) is left to it,
    /// so each is reported once.
    /// </summary>
    public IEnumerable<JudgedValue> Linked(string key, AzureName azure, bool knownOnly)
    {
        foreach (var settings in _settings.Value)
        {
            foreach (var value in settings.Values)
            {
                if (!ConfigurationPaths.SameKey(value.Path, key) || IsJudgedByName(value) || (knownOnly && !_verdicts.IsKnown(value.Value)))
                {
                    continue;
                }

                var policy = _verdicts.PolicyFor(settings.File);
                yield return new JudgedValue(settings.LocationOf(value), settings.File, value.Value, _verdicts.Judge(value.Value, policy, azure), policy.AsOf);
            }
        }
    }

    /// <summary>The models a prompt file names by its schema (a prompty's configuration, Semantic Kernel's execution settings), with verdicts.</summary>
    public IReadOnlyList<JudgedValue> PromptFindings(AdditionalText file) =>
        _prompts.GetValue(file, _ => new Once<IReadOnlyList<JudgedValue>>()).Get(() => JudgePrompt(file));

    private IReadOnlyList<JudgedValue> JudgePrompt(AdditionalText file)
    {
        if (!PromptFiles.IsPromptPath(file.Path) || file.GetText(CancellationToken.None) is not { } text)
        {
            return Array.Empty<JudgedValue>();
        }

        var found = new List<JudgedValue>();
        var policy = _verdicts.PolicyFor(file);
        foreach (var value in PromptFiles.FindModels(file.Path, text))
        {
            var location = Location.Create(file.Path, value.Span, text.Lines.GetLinePositionSpan(value.Span));
            found.Add(new JudgedValue(location, file, value.Value, _verdicts.Judge(value.Value, policy, value.IsDeployment ? AzureName.Deployment : AzureName.None), policy.AsOf));
        }

        return found;
    }

    /// <summary>The request parameters a prompt file sets that its model rejects (MDL0004), located on each value.</summary>
    public IEnumerable<(Location Location, OptionFinding Finding)> PromptOptionFindings(AdditionalText file)
    {
        if (!PromptFiles.IsPromptPath(file.Path) || file.GetText(CancellationToken.None) is not { } text)
        {
            yield break;
        }

        foreach (var parameter in PromptFiles.FindParameters(file.Path, text))
        {
            if (parameter.Model is not { } named || _verdicts.FindModel(named) is not { } model)
            {
                continue;
            }

            var (value, effort) = PromptFiles.ValueOf(parameter);
            foreach (var option in PromptFiles.OptionsOf(parameter))
            {
                if (OptionJudge.Judge(model, option, value, effort) is { } finding)
                {
                    yield return (Location.Create(file.Path, parameter.Span, text.Lines.GetLinePositionSpan(parameter.Span)), finding);
                    break;
                }
            }
        }
    }

    private bool IsJudgedByName(SettingValue value) => AppSettingsScanner.IsModelKey(value.Key) && _verdicts.Catalog.Find(value.Value) is not null;

    private static IReadOnlyList<SettingsFile> ReadSettings(AnalyzerOptions options)
    {
        var files = new List<SettingsFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (AppSettingsScanner.IsSettingsFile(file, options.AnalyzerConfigOptionsProvider) && file.GetText(CancellationToken.None) is { } text)
            {
                var values = AppSettingsScanner.StringValues(text.ToString(), out var problem);
                files.Add(new SettingsFile(file, text, values, problem));
            }
        }

        return files;
    }
}
