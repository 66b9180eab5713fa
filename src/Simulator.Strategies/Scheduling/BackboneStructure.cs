using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>A cluster of the backbone-sharing case: its models in ascending depth (ties by catalog order).</summary>
public sealed record BackboneCluster(IReadOnlyList<Model> Models, IReadOnlyList<int> Depths);

/// <summary>
/// Recognises the backbone-sharing structure pl-dp needs: models fall into clusters (connected through
/// shared blocks); within a cluster the shared blocks of each model are the first d_i blocks of the
/// model, and those prefixes are prefixes of one backbone; clusters share nothing. A block is shared
/// when two or more catalog models list it.
/// </summary>
public static class BackboneStructure
{
    public static IReadOnlyList<BackboneCluster> Find(Catalog catalog, out string? whyNot)
    {
        whyNot = null;
        var models = catalog.Models;
        var parent = Enumerable.Range(0, models.Count).ToArray();
        int Root(int x) => parent[x] == x ? x : parent[x] = Root(parent[x]);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < models.Count; i++)
            foreach (var id in models[i].BlockIds)
                if (owner.TryGetValue(id, out int j)) parent[Root(i)] = Root(j);
                else owner[id] = i;

        var clusters = new List<BackboneCluster>();
        foreach (var group in Enumerable.Range(0, models.Count).GroupBy(Root))
        {
            var members = group.Select(i => models[i]).ToArray();
            var shared = members.Select(m => m.BlockIds.Where(id => catalog.UsersOf(id) >= 2).ToArray()).ToArray();
            for (int a = 0; a < members.Length; a++)
                if (!shared[a].SequenceEqual(members[a].BlockIds.Take(shared[a].Length)))
                {
                    whyNot = $"model '{members[a].Id}' has shared blocks after private ones, so its shared blocks are not a prefix of it";
                    return Array.Empty<BackboneCluster>();
                }
            var backbone = shared.MaxBy(s => s.Length)!;
            for (int a = 0; a < members.Length; a++)
                if (!shared[a].SequenceEqual(backbone.Take(shared[a].Length)))
                {
                    whyNot = $"the shared blocks of model '{members[a].Id}' are not a prefix of its cluster's backbone [{string.Join(", ", backbone)}]";
                    return Array.Empty<BackboneCluster>();
                }
            var order = Enumerable.Range(0, members.Length).OrderBy(a => shared[a].Length).ToArray();
            clusters.Add(new BackboneCluster(order.Select(a => members[a]).ToArray(), order.Select(a => shared[a].Length).ToArray()));
        }
        return clusters;
    }
}
