using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Experiments.Tests;

public class FaultTests
{
    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }
        throw new InvalidOperationException("nothing was thrown");
    }

    [Fact]
    public void An_input_error_from_code_that_is_no_plugins_is_a_refusal_and_any_other_exception_a_fault()
    {
        Assert.True(Fault.IsRefusal(Thrown(() => throw new CatalogException("Unknown model 'x'."))));
        Assert.True(Fault.IsRefusal(Thrown(() => throw new StrategyException("pl-dp needs a backbone-sharing catalog."))));
        Assert.False(Fault.IsRefusal(Thrown(() => throw new InvalidOperationException("a bug"))));
        Assert.False(Fault.IsRefusal(Thrown(() => throw new KeyNotFoundException("a bug"))));
        // Thrown through a plugin's code, the same refusal is the plugin's fault: PluginTests runs that case.
        var fault = Thrown(() => throw new InvalidOperationException("boom"));
        Assert.Equal("InvalidOperationException: boom", Fault.Line(fault));
        Assert.Contains("FaultTests", Fault.Frames(fault, typeof(Runner).FullName + "."));
    }
}
