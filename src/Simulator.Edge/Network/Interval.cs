namespace Simulator.Edge.Network;

/// <summary>A range [Min, Max] drawn uniformly; integers are drawn from {Min..Max} where the paper draws randint.</summary>
public readonly record struct Interval(double Min, double Max)
{
    public static Interval Fixed(double value) => new(value, value);

    /// <summary>Always one draw from the stream, fixed or not, so fixing one attribute in a sweep leaves every other draw as it was.</summary>
    public double Draw(Random rng) => Edge.Draw.Uniform(rng, Min, Max);

    public int DrawInteger(Random rng) => rng.Next((int)Min, (int)Max + 1);

    public override string ToString() => Min == Max ? $"{Min}" : $"[{Min}, {Max}]";
}
