using System;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>How a target's list prices compare with the current model's, from catalog prices only.</summary>
internal readonly struct PriceChange
{
    private PriceChange(double? input, double? output, double? blended)
    {
        InputSaving = input;
        OutputSaving = output;
        BlendedSaving = blended;
    }

    /// <summary>Fraction saved on input tokens (0.83 = 83% lower; negative = more expensive).</summary>
    public double? InputSaving { get; }

    public double? OutputSaving { get; }

    /// <summary>Fraction saved at a 3:1 input:output token mix.</summary>
    public double? BlendedSaving { get; }

    public bool IsKnown => BlendedSaving.HasValue;

    public static PriceChange Between(ModelInfo from, ModelInfo to) =>
        new(Saving(from.InputPer1M, to.InputPer1M), Saving(from.OutputPer1M, to.OutputPer1M), Saving(from.BlendedPer1M, to.BlendedPer1M));

    /// <summary>"83% lower input and 50% lower output prices"; null when the prices are not known.</summary>
    public string? DescribeInputAndOutput()
    {
        if (InputSaving is not double input)
        {
            return null;
        }

        if (OutputSaving is not double output)
        {
            return $"{Relative(input)} input price";
        }

        if (Percent(input) == Percent(output) && Math.Sign(input) == Math.Sign(output))
        {
            return $"{Relative(input)} input and output prices";
        }

        return $"{Relative(input)} input and {Relative(output)} output prices";
    }

    /// <summary>"99% cheaper", "20% more expensive" or "same price"; null when unknown.</summary>
    public string? DescribeBlended() => BlendedSaving switch
    {
        null => null,
        double s when Percent(s) == 0 => "about the same price",
        double s when s > 0 => $"{Percent(s)}% cheaper",
        double s => $"{Percent(s)}% more expensive",
    };

    private static string Relative(double saving) =>
        Percent(saving) == 0 ? "the same" : saving > 0 ? $"{Percent(saving)}% lower" : $"{Percent(saving)}% higher";

    /// <summary>Whole percent, rounded toward zero so savings are never overstated.</summary>
    private static int Percent(double saving) => (int)Math.Floor((Math.Abs(saving) * 100) + 1e-9);

    private static double? Saving(double? from, double? to)
    {
        if (from is not double f || to is not double t)
        {
            return null;
        }

        if (f == 0)
        {
            return t == 0 ? 0 : null;
        }

        return 1 - (t / f);
    }
}
