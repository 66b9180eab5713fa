using System.Reflection;
using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>The kernel is the bottom layer: it may reference the framework and nothing else.</summary>
public class LayeringTests
{
    [Fact]
    public void The_kernel_references_only_the_framework()
    {
        var references = typeof(Simulation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            $"the kernel references {name}"));
    }

    [Fact]
    public void No_kernel_type_names_an_edge_inference_concept()
    {
        string[] domain = { "Model", "Block", "Gpu", "Uplink", "Catalog", "Batch", "Inference", "Edge" };
        var names = typeof(Simulation).Assembly.GetTypes().Select(t => t.Name);
        Assert.DoesNotContain(names, n => domain.Any(d => n.Contains(d, StringComparison.OrdinalIgnoreCase)));
    }
}
