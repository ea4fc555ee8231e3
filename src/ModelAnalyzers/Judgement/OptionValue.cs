namespace ModelAnalyzers.Judgement;

/// <summary>
/// What an option is set to, as far as it is certain: a number (temperature 0.2, max tokens 4096), whether it sends
/// the parameter at all (null, false, empty and temperature 1 do not), and a reasoning effort's level. Read from a C#
/// operation (<see cref="OptionJudge.ValueOf"/>) or from a prompt file's text.
/// </summary>
internal readonly record struct OptionValue(double? Number, bool IsSet, string? EffortLevel);
