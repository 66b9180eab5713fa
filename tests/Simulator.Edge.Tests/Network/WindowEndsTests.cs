using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

/// <summary>Where a network strategy's windows end: at multiples of the window, on the clock's 100 ns ticks.</summary>
public class WindowEndsTests
{
    [Fact]
    public void From_an_instant_on_a_window_end_the_next_end_is_one_window_later_even_where_the_division_rounds_down()
    {
        int roundedDown = 0;
        foreach (double w in new[] { 0.1, 0.25, 0.3, 0.7, 1.1 })
            for (int i = 1; i <= 500; i++)
            {
                double end = Math.Ceiling(i * w * TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond; // window i's end as the clock shows it
                if (Math.Floor(end / w) < i) roundedDown++;
                Assert.False(WindowSelection.EndsBetween(w, end, end + w / 2), $"a {w} s window ends within half a window after {end} s");
                Assert.True(WindowSelection.EndsBetween(w, end, end + 1.01 * w), $"no {w} s window ends within 1.01 windows after {end} s");
            }
        // The check has teeth: at these ends, end / w falls just below i, and the end found first is the one at hand.
        Assert.True(roundedDown > 50, $"only {roundedDown} ends where the division rounds down");
    }
}
