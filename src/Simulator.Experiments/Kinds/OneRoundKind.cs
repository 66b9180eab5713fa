using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// A kind whose runs are one round at t = 0, the papers' static problems: a strategy plans the round once and an
/// evaluator scores the plan. No time passes, so nothing comes before a warm-up: one given is refused, not ignored.
/// </summary>
public abstract class OneRoundKind : ScenarioKind
{
    public override string Time => "one round at t = 0 (no time passes, so no warm-up)";

    public override string LengthInWords(RunLength length) => $"one round at t = 0 ({Name}: no time passes)";

    public override string? WarmupRefusal(double seconds) => seconds > 0
        ? string.Create(CultureInfo.InvariantCulture, $"a {Name} scenario is one round at t = 0, where no time passes: a warm-up ({seconds} s) would never be used; remove it.")
        : null;
}
