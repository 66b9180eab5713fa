namespace Simulator.Edge.Network;

/// <summary>A place a part can be pulled from and the uncontended seconds it takes to reach the request's home.</summary>
/// <param name="Location">The node: a cloudlet's index, or the data centre.</param>
/// <param name="Seconds">The uncontended seconds the part takes to reach the home from there (0 at the home).</param>
public readonly record struct Source(int Location, double Seconds);

/// <summary>The delay of serving one request with one model from given sources, in its parts, and the energy it costs.</summary>
/// <param name="Pull">Seconds until both parts are at the home.</param>
/// <param name="Inference">Seconds of inference at the home.</param>
/// <param name="Queueing">Seconds of waiting in the home's queue (the analytic M/D/1 wait).</param>
/// <param name="Transmission">Seconds to send the input up and the output back over the user's uplink.</param>
/// <param name="Cost">The energy the service costs.</param>
public readonly record struct ServiceTerms(double Pull, double Inference, double Queueing, double Transmission, double Cost)
{
    /// <summary>D_jk, the request's delay: pull, inference, queueing and transmission together, in seconds.</summary>
    public double Delay => Pull + Inference + Queueing + Transmission;
}

/// <summary>
/// The one estimate of serving request j with model k (docs/network.md section 1) that every strategy
/// plans with: the candidate sources of each part with their pull times, inference, queueing and
/// transmission delays, energy, and which (request, model) pairs are admissible on their own (accuracy,
/// the per-request capacity row, budget at the nearest sources). Under <c>contention: none</c> and
/// <c>queueing: analytic</c> the simulated network lands on these numbers exactly.
/// <para>
/// D_jk = max(|base_k| dist(h, l_b), |task_k| dist(h, l_t)) + phi_k |M_k| / f_h + W_h + (delta_j + out_jk) / rho_j;
/// cost = P^tx_h (pull + transmission) + zeta_h I_j P^peak_h + inference (P^idle_h + P^leak_h).
/// </para>
/// </summary>
public sealed class ServiceEstimator
{
    private readonly NetworkInstance instance;
    // Per home, per model; a home's row is made when a request of that home first asks (an online round has one home).
    private readonly Source[]?[]?[] baseSources, taskSources, wholeSources;
    private readonly int[]?[] baseHolders, taskHolders, wholeHolders;
    private readonly int models;
    // Models whose bases are the same blocks (a family) share one base group: their base sources are found once.
    private readonly int[] baseGroup;
    private readonly int groups;
    // The nearest of each candidate list, made on first use like the lists.
    private readonly Source[]?[]?[] nearestBase, nearestTask, nearestWhole;

    private readonly HolderIndex? index;
    private readonly long indexVersion;

    /// <summary>The estimates over <paramref name="instance"/>; the simulator makes one per decision and hands it to every strategy through the view.</summary>
    /// <param name="instance">The window.</param>
    /// <param name="index">
    /// Who holds which part, kept up to date over the stores behind the instance's holdings (windows and online
    /// rounds of a run); null: found from the instance's holdings. Its answers hold while the stores stay as they
    /// were when the estimator was made: asking it after they changed is an error.
    /// </param>
    public ServiceEstimator(NetworkInstance instance, HolderIndex? index = null)
    {
        this.instance = instance;
        this.index = index;
        indexVersion = index?.Version ?? 0;
        models = instance.Parts.Count;
        int homes = instance.Topology.Cloudlets;
        baseSources = new Source[homes][][];
        taskSources = new Source[homes][][];
        wholeSources = new Source[homes][][];
        baseHolders = new int[models][];
        taskHolders = new int[models][];
        wholeHolders = new int[models][];
        baseGroup = instance.Parts.BaseGroup;
        groups = instance.Parts.BaseGroups;
        nearestBase = new Source[homes][][];
        nearestTask = new Source[homes][][];
        nearestWhole = new Source[homes][][];
    }

    /// <summary>The window the estimates are of.</summary>
    public NetworkInstance Instance => instance;

    /// <summary>Where model k's base can come from for a request homed at h; with <paramref name="sharing"/> off, only holders of model k itself.</summary>
    public IReadOnlyList<Source> BaseSources(int home, int k, bool sharing = true)
    {
        var parts = instance.Parts;
        if (!sharing)
            return ((wholeSources[home] ??= new Source[models][])[k]) ??= Candidates(home,
                Index() is { } whole ? whole.WholeHolders(k) : Holders(wholeHolders, k, parts.Base[k].Concat(parts.Task[k]).ToArray()), parts.BaseBytes[k], parts.Base[k].Length == 0);
        int g = baseGroup[k];
        return ((baseSources[home] ??= new Source[groups][])[g]) ??= Index() is { } ix
            ? ix.Candidates(home, k, basePart: true, holders => Candidates(home, holders, parts.BaseBytes[k], parts.Base[k].Length == 0))
            : Candidates(home, Holders(baseHolders, g, parts.Base[k]), parts.BaseBytes[k], parts.Base[k].Length == 0);
    }

    /// <summary>The base sources of <see cref="BaseSources"/> that pull in the least time (all of them on a tie); with <paramref name="sharing"/> off, of holders of model k itself.</summary>
    public IReadOnlyList<Source> NearestBaseSources(int home, int k, bool sharing = true) => sharing
        ? ((nearestBase[home] ??= new Source[groups][])[baseGroup[k]]) ??= Index() is { } ix && ix.BaseTies(home, k) == 1 ? new[] { ix.NearestBase(home, k) } : Quickest(BaseSources(home, k))
        : ((nearestWhole[home] ??= new Source[models][])[k]) ??= Quickest(BaseSources(home, k, sharing: false));

    /// <summary>The task sources of <see cref="TaskSources"/> that pull in the least time (all of them on a tie).</summary>
    public IReadOnlyList<Source> NearestTaskSources(int home, int k) =>
        ((nearestTask[home] ??= new Source[models][])[k]) ??= Index() is { } ix && ix.TaskTies(home, k) == 1 ? new[] { ix.NearestTask(home, k) } : Quickest(TaskSources(home, k));

    /// <summary>The quickest source of model k's base for a request homed at h (<see cref="Nearest"/> of <see cref="BaseSources"/>).</summary>
    public Source NearestBase(int home, int k, bool sharing = true) =>
        Index() is { } ix ? (sharing ? ix.NearestBase(home, k) : ix.NearestWhole(home, k)) : Nearest(BaseSources(home, k, sharing));

    /// <summary>The quickest source of model k's task part for a request homed at h (<see cref="Nearest"/> of <see cref="TaskSources"/>).</summary>
    public Source NearestTask(int home, int k) => Index() is { } ix ? ix.NearestTask(home, k) : Nearest(TaskSources(home, k));

    private HolderIndex? Index()
    {
        if (index is { } ix && ix.Version != indexVersion)
            throw new InvalidOperationException("The stores changed since this estimate was made: its nearest sources no longer hold.");
        return index;
    }

    /// <summary>The candidates that pull in the least time (all of them on a tie).</summary>
    public static Source[] Quickest(IReadOnlyList<Source> sources)
    {
        double best = Nearest(sources).Seconds;
        int kept = 0;
        for (int i = 0; i < sources.Count; i++) if (sources[i].Seconds == best) kept++;
        var nearest = new Source[kept];
        for (int i = 0, n = 0; i < sources.Count; i++) if (sources[i].Seconds == best) nearest[n++] = sources[i];
        return nearest;
    }

    /// <summary>Where model k's task part can come from for a request homed at h.</summary>
    public IReadOnlyList<Source> TaskSources(int home, int k) =>
        (taskSources[home] ??= new Source[models][])[k] ??= Index() is { } ix
            ? ix.Candidates(home, k, basePart: false, holders => Candidates(home, holders, instance.Parts.TaskBytes[k], instance.Parts.Task[k].Length == 0))
            : Candidates(home, Holders(taskHolders, k, instance.Parts.Task[k]), instance.Parts.TaskBytes[k], instance.Parts.Task[k].Length == 0);

    /// <summary>The cloudlets holding all of a part's blocks, found once per part (a model's task, a family's base): every home reads the same list.</summary>
    private int[] Holders(int[]?[] cache, int part, string[] blocks) =>
        cache[part] ??= Enumerable.Range(0, instance.Topology.Cloudlets).Where(l => instance.Holds(l, blocks)).ToArray();

    private Source[] Candidates(int home, int[] holders, double bytes, bool nothing)
    {
        var topology = instance.Topology;
        if (nothing) return new[] { new Source(home, 0) };
        bool centre = instance.Rules.Sources.OffersDataCentre(holders.Length);
        var found = new Source[holders.Length + (centre ? 1 : 0)];
        for (int i = 0; i < holders.Length; i++) found[i] = new Source(holders[i], topology.TransferSeconds(holders[i], home, bytes));
        if (centre) found[^1] = new Source(topology.DataCentre, topology.TransferSeconds(topology.DataCentre, home, bytes));
        return found;
    }

    /// <summary>The quickest of the candidates (lowest location on a tie): nearest holders dominate (network.md section 3).</summary>
    public static Source Nearest(IReadOnlyList<Source> sources)
    {
        var best = sources[0];
        for (int i = 1; i < sources.Count; i++)
            if (sources[i].Seconds < best.Seconds) best = sources[i];
        return best;
    }

    /// <summary>Seconds of inference of request j with model k at its home: phi_k |M_k| / f_h, or the model's one-request time when it has no compute intensity.</summary>
    public double InferenceSeconds(int j, int k)
    {
        var model = instance.Catalog.Models[k];
        var cloudlet = instance.Cloudlets[instance.Requests[j].Home];
        return model.ComputeIntensity is { } phi ? phi * (instance.Parts.Bytes(k) / Units.GB) / cloudlet.ProcessingRate : model.Profile.Seconds(1);
    }

    /// <summary>W_h, request j's analytic wait at its home.</summary>
    public double QueueingSeconds(int j) => instance.Cloudlets[instance.Requests[j].Home].AnalyticWaitSeconds;

    /// <summary>(delta_j + out_jk) / rho_j with out_jk = delta_j (|M_k| / GB) u_jk, the authors' output size.</summary>
    public double TransmissionSeconds(int j, int k)
    {
        var r = instance.Requests[j];
        double output = r.InputBytes * (instance.Parts.Bytes(k) / Units.GB) * r.OutputFactor[k];
        return (r.InputBytes + output) / r.UplinkBytesPerSecond;
    }

    /// <summary>Seconds until both parts of model k are at <paramref name="home"/>, pulled at once from the given locations.</summary>
    public double PullSeconds(int home, int k, int baseSource, int taskSource)
    {
        var topology = instance.Topology;
        var parts = instance.Parts;
        return Math.Max(topology.TransferSeconds(baseSource, home, parts.BaseBytes[k]), topology.TransferSeconds(taskSource, home, parts.TaskBytes[k]));
    }

    /// <summary>Every term for j served as <paramref name="a"/> says.</summary>
    public ServiceTerms Terms(int j, Assignment a) => Terms(j, a.Model, PullSeconds(instance.Requests[j].Home, a.Model, a.BaseSource, a.TaskSource));

    /// <summary>Every term for j served by k with the given pull time.</summary>
    public ServiceTerms Terms(int j, int k, double pullSeconds)
    {
        var r = instance.Requests[j];
        var c = instance.Cloudlets[r.Home];
        double inference = InferenceSeconds(j, k), transmission = TransmissionSeconds(j, k);
        double cost = c.TxPower * (pullSeconds + transmission) + c.AccessRate * r.Instructions * c.PeakPower + inference * (c.IdlePower + c.LeakPower);
        return new ServiceTerms(pullSeconds, inference, QueueingSeconds(j), transmission, cost);
    }

    /// <summary>The terms with both parts from their nearest holders: the best any choice of sources gives for (j, k).</summary>
    public ServiceTerms NearestTerms(int j, int k, bool sharing = true)
    {
        int home = instance.Requests[j].Home;
        return Terms(j, k, Math.Max(NearestBase(home, k, sharing).Seconds, NearestTask(home, k).Seconds));
    }

    /// <summary>Whether model k gives request j at least the accuracy it requires.</summary>
    public bool MeetsAccuracy(int j, int k) => instance.Requests[j].Accuracy[k] >= instance.Requests[j].AccuracyRequirement;

    /// <summary>alpha |M_k|: what model k counts against its home's capacity.</summary>
    public double CapacityUse(int k) => instance.Rules.CapacityFactor * instance.Parts.Bytes(k);

    /// <summary>
    /// Whether (j, k) can be chosen at all, whatever the others choose: accuracy, the per-request capacity row
    /// when that is the rule (and, under a pooled rule, the model alone fits), and the budget at the nearest sources.
    /// </summary>
    public bool Admissible(int j, int k, bool sharing = true) =>
        MeetsAccuracy(j, k)
        && CapacityUse(k) <= instance.Cloudlets[instance.Requests[j].Home].CapacityBytes
        && NearestTerms(j, k, sharing).Cost <= instance.Requests[j].Budget;
}
