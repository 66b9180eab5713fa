namespace Simulator.Edge;

/// <summary>A catalog that cannot be used as given; the message names the offending ids and values.</summary>
public sealed class CatalogException(string message) : Exception(message);
