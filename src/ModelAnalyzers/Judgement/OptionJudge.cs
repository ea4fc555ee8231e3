using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Requests;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// Step three of MDL0004: does this model reject this option as set? Facts come from the catalog
/// (rejectedParameters, acceptsNoReasoning, reasoningOffByDefault, rejectedEfforts, maxOutput); values are judged only when certain.
/// </summary>
internal static class OptionJudge
{
    public static OptionFinding? Judge(ModelInfo model, OptionAssignment assignment, EffortSetting effort) =>
        Judge(model, assignment.Option, ValueOf(assignment.Value, assignment.Option), effort);

    /// <summary>What a C# option assignment sets, as far as the operation makes it certain.</summary>
    public static OptionValue ValueOf(IOperation value, RequestOption option) => new(
        AsNumber(value),
        option.Parameter is { } parameter ? IsSet(value, parameter) : AsNumber(value) is not null,
        option.Role == OptionRole.ReasoningEffort ? RequestLinker.EffortLevel(value) : null);

    /// <summary>The judgement itself, for an option set in C# or in a prompt file (<paramref name="option"/>'s Property is how the message names it).</summary>
    public static OptionFinding? Judge(ModelInfo model, RequestOption option, OptionValue value, EffortSetting effort)
    {
        string property = option.Property;
        if (option.Role == OptionRole.OutputLimit)
        {
            return model.MaxOutput is long max && value.Number is double limit && limit > max
                ? new OptionFinding(model, $"'{model.Id}' writes at most {max.ToString(CultureInfo.InvariantCulture)} output tokens: {property} = {Format(limit)} is above its limit and the request fails with HTTP 400", OptionFix.Lower, max.ToString(CultureInfo.InvariantCulture))
                : null;
        }

        if (option.Role == OptionRole.ReasoningEffort)
        {
            return JudgeEffort(model, option, value);
        }

        if (option.Role != OptionRole.Parameter || option.Parameter is not { } parameter || !model.Rejects(parameter) || !value.IsSet)
        {
            return null;
        }

        // Sampling parameters come back with reasoning effort "none" on the models that take it.
        bool samplingParameter = parameter is "temperature" or "top_p" or "presence_penalty" or "frequency_penalty" or "logprobs" or "top_logprobs";
        if (samplingParameter && model.AcceptsNoReasoning == true)
        {
            if (effort is EffortSetting.None or EffortSetting.Unknown || (effort == EffortSetting.Absent && model.ReasoningOffByDefault == true))
            {
                return null;
            }
        }

        string unlock = samplingParameter && model.AcceptsNoReasoning == true ? ", unless reasoning effort is set to none in the same request" : "";
        if (option.RenameTo is { } supported)
        {
            return new OptionFinding(model, $"'{model.Id}' rejects {parameter}, which {property} sends: the request fails with HTTP 400 (unsupported_parameter); use {supported}", OptionFix.Rename, supported);
        }

        string message = parameter == "temperature"
            ? $"'{model.Id}' only accepts the default temperature (1) while it reasons: {property} = {Format(value.Number ?? 0)} fails with HTTP 400 (unsupported_value){unlock}"
            : $"'{model.Id}' rejects {parameter}, which {property} sends: the request fails with HTTP 400 (unsupported_parameter){unlock}";
        return new OptionFinding(model, message, OptionFix.Remove, null);
    }

    /// <summary>An effort the model rejects (none on gpt-6.2-sol): removing it sends the model's default effort, which it accepts.</summary>
    private static OptionFinding? JudgeEffort(ModelInfo model, RequestOption option, OptionValue value)
    {
        if (value.EffortLevel is not { } level || !model.RejectsEffort(level))
        {
            return null;
        }

        string supported = model.ReasoningEfforts.Count > 0 ? $" (it accepts {string.Join(", ", model.ReasoningEfforts)})" : "";
        return new OptionFinding(
            model,
            $"'{model.Id}' rejects reasoning effort '{level}'{supported}, which {option.Property} sends: the request fails with HTTP 400 (unsupported_value); remove it to use the model's default effort",
            OptionFix.Remove,
            null);
    }

    /// <summary>True when the value sends the parameter: temperature other than 1, anything but null/false/empty otherwise.</summary>
    private static bool IsSet(IOperation value, string parameter)
    {
        if (parameter == "temperature")
        {
            return AsNumber(value) is double temperature && temperature != 1;
        }

        if (value is IObjectOrCollectionInitializerOperation collection)
        {
            return collection.Initializers.Length > 0; // StopSequences = { "END" }
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return !value.ConstantValue.HasValue || value.ConstantValue.Value is not (null or false);
    }

    private static double? AsNumber(IOperation value)
    {
        while (value is IConversionOperation { ConstantValue.HasValue: false } conversion)
        {
            value = conversion.Operand; // 0.2f assigned to a float? is a conversion without a constant
        }

        if (!value.ConstantValue.HasValue || value.ConstantValue.Value is null or string or bool)
        {
            return null;
        }

        try
        {
            return Convert.ToDouble(value.ConstantValue.Value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static string Format(double number) => number.ToString("0.###", CultureInfo.InvariantCulture);
}
