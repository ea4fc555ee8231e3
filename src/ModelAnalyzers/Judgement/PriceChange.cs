using System;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>How a target's list prices compare with the current model's, from catalog prices only.</summary>
/// <param name="InputSaving">Fraction saved on input tokens (0.83 = 83% lower; negative = more expensive).</param>
/// <param name="BlendedSaving">Fraction saved at a 3:1 input:output token mix.</param>
/// <param name="MonthlySaving">Dollars saved per month at the configured volumes (negative = extra cost); null when unknown.</param>
internal sealed record PriceChange(double? InputSaving, double? OutputSaving, double? BlendedSaving, double? MonthlySaving)
{
    public static PriceChange Between(ModelInfo from, ModelInfo to, JudgePolicy? policy = null) => new(
        Saving(from.InputPer1M, to.InputPer1M),
        Saving(from.OutputPer1M, to.OutputPer1M),
        Saving(from.BlendedPer1M, to.BlendedPer1M),
        policy is { HasMonthlyVolume: true } && MonthlyCost(from, policy) is double before && MonthlyCost(to, policy) is double after ? before - after : null);

    /// <summary>"saves $1,234/month" or "costs $12.50/month more"; null without volumes or prices.</summary>
    public string? DescribeMonthly() => MonthlySaving switch
    {
        null => null,
        double s when s >= 0 => $"saves {Dollars(s)}/month",
        double s => $"costs {Dollars(-s)}/month more",
    };

    private static double? MonthlyCost(ModelInfo model, JudgePolicy policy)
    {
        double cost = 0;
        if (policy.MonthlyInputTokens is long input)
        {
            if (model.InputPer1M is not double price)
            {
                return null;
            }

            cost += price * input / 1_000_000;
        }

        if (policy.MonthlyOutputTokens is long output && model.OutputPer1M is double outputPrice)
        {
            cost += outputPrice * output / 1_000_000;
        }
        else if (policy.MonthlyOutputTokens is not null && model.Kind is not ("embedding" or "moderation"))
        {
            return null;
        }

        return cost;
    }

    private static string Dollars(double amount) =>
        "$" + amount.ToString(amount >= 100 ? "#,0" : "#,0.00", System.Globalization.CultureInfo.InvariantCulture);

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
