namespace ModelAnalyzers.Requests;

/// <summary>What a request says about reasoning effort; "none" lets GPT-5.1 and later take sampling parameters.</summary>
internal enum EffortSetting
{
    Absent,
    None,
    Other,

    /// <summary>Set to something not known here (a variable): every judgement that depends on it stays silent.</summary>
    Unknown,
}
