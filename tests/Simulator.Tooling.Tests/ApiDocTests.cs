using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Strategies;

namespace Simulator.Tooling.Tests;

/// <summary>
/// docs/api.md is the extension API (what a strategy's author reads and implements) written from the code's XML
/// comments. The test regenerates it and compares; <c>API_DOCS_UPDATE=1</c> writes it instead. Every public member
/// of these types must have a summary, so the page has no blank rows.
/// </summary>
public class ApiDocTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Page = Path.Combine(Root, "docs", "api.md");

    /// <summary>The types of the extension API, in the order the page shows them, under their headings.</summary>
    private static readonly (string Heading, Type[] Types)[] Sections =
    {
        ("Registering a strategy", new[] { typeof(StrategyAttribute), typeof(StrategyKind), typeof(StrategyNeeds), typeof(DomainAttribute), typeof(ContextFeaturesAttribute) }),
        ("Site strategies", new[] { typeof(IBatchScheduler), typeof(SiteView), typeof(QueuedRequest), typeof(Plan), typeof(PlannedBatch), typeof(IDeferredScheduler) }),
        ("Network strategies", new[] { typeof(INetworkSelector), typeof(NetworkView), typeof(NetworkPlan), typeof(IOnlineSelector), typeof(IDeferredLearner) }),
        ("Outcomes", new[] { typeof(IOutcomeObserver), typeof(RequestOutcome), typeof(Outcome) }),
        ("What a site's view hands out", new[] { typeof(Catalog), typeof(Model), typeof(Block), typeof(BlockKind), typeof(LoadEstimator), typeof(LoadingMode), typeof(Timeline) }),
        ("What a network's view hands out", new[] { typeof(NetworkInstance), typeof(NetworkRequest), typeof(Cloudlet), typeof(Topology), typeof(ModelParts), typeof(NetworkRules), typeof(ServiceEstimator), typeof(ServiceTerms), typeof(Assignment), typeof(Source), typeof(Relaxation), typeof(OnlineRound), typeof(SiteState) }),
    };

    [Fact]
    public void The_API_page_is_generated_from_the_XML_comments_and_current()
    {
        string generated = Generate(out var undocumented);
        Assert.True(undocumented.Count == 0, "public members without a <summary>: " + string.Join(", ", undocumented));
        if (Environment.GetEnvironmentVariable("API_DOCS_UPDATE") == "1") File.WriteAllText(Page, generated);
        Assert.True(File.Exists(Page), "docs/api.md is missing: API_DOCS_UPDATE=1 dotnet test --filter ApiDocTests writes it");
        Assert.True(File.ReadAllText(Page) == generated, "docs/api.md is stale: API_DOCS_UPDATE=1 dotnet test tests/Simulator.Tooling.Tests --filter ApiDocTests rewrites it");
    }

    [Fact]
    public void The_page_documents_the_interfaces_a_strategy_implements()
    {
        string page = Generate(out _);
        foreach (var name in new[] { "IBatchScheduler", "INetworkSelector", "IOnlineSelector", "IOutcomeObserver", "StrategyAttribute" })
            Assert.Contains($"### `{name}`", page, StringComparison.Ordinal);
        Assert.Contains("| `Plan(SiteView view)` |", page, StringComparison.Ordinal);
    }

    private static string Generate(out List<string> undocumented)
    {
        var missing = undocumented = new List<string>();
        var docs = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var assembly in Sections.SelectMany(s => s.Types).Select(t => t.Assembly).Distinct())
        {
            string xml = Path.ChangeExtension(assembly.Location, ".xml");
            Assert.True(File.Exists(xml), $"{xml} is missing: the project must set GenerateDocumentationFile");
            foreach (var member in XDocument.Load(xml).Descendants("member"))
                docs[(string)member.Attribute("name")!] = member;
        }

        var sb = new StringBuilder();
        sb.AppendLine("# The extension API");
        sb.AppendLine();
        sb.AppendLine("What a strategy's author registers, reads and implements, from the code's XML comments (generated: a test");
        sb.AppendLine("keeps this page current). [add-a-strategy.md](add-a-strategy.md) shows how the pieces fit. The last two sections");
        sb.AppendLine("are what the views hand out (catalogs, load estimates, network windows and their estimates); the types further");
        sb.AppendLine("in (hardware profiles, a site's settings, link costs) are documented in their source under `src/Simulator.Edge`.");
        foreach (var (heading, types) in Sections)
        {
            sb.AppendLine();
            sb.AppendLine($"## {heading}");
            foreach (var type in types)
            {
                sb.AppendLine();
                sb.AppendLine($"### `{Name(type)}`");
                sb.AppendLine();
                sb.AppendLine($"{Kind(type)} in `{type.Namespace}` ({type.Assembly.GetName().Name}). {Text(docs, "T:" + Id(type), type.Name, undocumented)}");
                var rows = Members(type).Select(m => (Signature(m), Text(docs, MemberId(m), $"{type.Name}.{m.Name}", missing, m is PropertyInfo ? ("T:" + Id(type), m.Name) : null))).ToArray();
                if (rows.Length == 0) continue;
                sb.AppendLine();
                sb.AppendLine("| member | what it is |");
                sb.AppendLine("|---|---|");
                foreach (var (signature, text) in rows) sb.AppendLine($"| `{signature}` | {text} |");
            }
        }
        return sb.ToString();
    }

    private static IEnumerable<MemberInfo> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum) return type.GetFields(BindingFlags.Public | BindingFlags.Static);
        bool record = type.GetMethod("<Clone>$") is not null;
        var skip = new HashSet<string>(StringComparer.Ordinal) { "Equals", "GetHashCode", "ToString", "Deconstruct", "<Clone>$", "op_Equality", "op_Inequality", "PrintMembers", "EqualityContract", "TypeId", "Match", "IsDefaultAttribute" };
        var members = new List<MemberInfo>();
        // Constructors that take something (a record's copy constructor and an implicit parameterless one say nothing).
        members.AddRange(type.GetConstructors().Where(c => c.GetParameters().Length > 0 && !(record && c.GetParameters() is [var p] && p.ParameterType == type)));
        members.AddRange(type.GetProperties(flags).Where(p => !skip.Contains(p.Name)));
        members.AddRange(type.GetFields(flags));
        members.AddRange(type.GetMethods(flags).Where(m => !m.IsSpecialName && !skip.Contains(m.Name)));
        return members.OrderBy(m => m is ConstructorInfo ? 0 : 1).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(Signature, StringComparer.Ordinal);
    }

    private static string Kind(Type t) =>
        t.IsInterface ? "Interface" : t.IsEnum ? "Enum" : t.IsValueType ? "Struct" : t.IsAbstract && t.IsSealed ? "Static class" : t.GetMethod("<Clone>$") is not null ? "Record" : typeof(Attribute).IsAssignableFrom(t) ? "Attribute" : "Class";

    /// <summary>A member's summary; a positional record's property may be documented by the record's param tag instead.</summary>
    private static string Text(Dictionary<string, XElement> docs, string id, string what, List<string> undocumented, (string Type, string Param)? recordParam = null)
    {
        XElement? summary = docs.TryGetValue(id, out var member) ? member.Element("summary") : null;
        if (summary is null && recordParam is { } rp && docs.TryGetValue(rp.Type, out var owner))
            summary = owner.Elements("param").FirstOrDefault(e => (string?)e.Attribute("name") == rp.Param);
        if (summary is null)
        {
            undocumented.Add(what);
            return "";
        }
        var sb = new StringBuilder();
        foreach (var node in summary.Nodes())
            sb.Append(node switch
            {
                XText text => text.Value,
                XElement { Name.LocalName: "see" } see => "`" + Short((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "") + "`",
                XElement { Name.LocalName: "paramref" or "typeparamref" } p => "`" + (string?)p.Attribute("name") + "`",
                XElement { Name.LocalName: "c" } c => "`" + c.Value + "`",
                XElement e => e.Value,
                _ => "",
            });
        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Short(string cref)
    {
        string s = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int paren = s.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0) s = s[..paren];
        var parts = s.Split('.');
        return parts.Length >= 2 && char.IsUpper(parts[^2][0]) && cref.StartsWith("T:", StringComparison.Ordinal) == false ? $"{parts[^2]}.{parts[^1]}" : parts[^1];
    }

    private static string Id(Type t) => (t.FullName ?? t.Name).Replace('+', '.');

    private static string MemberId(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"M:{Id(c.DeclaringType!)}.#ctor{Parameters(c)}",
        MethodInfo method => $"M:{Id(method.DeclaringType!)}.{method.Name}{(method.IsGenericMethod ? "``" + method.GetGenericArguments().Length : "")}{Parameters(method)}",
        PropertyInfo p => $"P:{Id(p.DeclaringType!)}.{p.Name}",
        FieldInfo f => $"F:{Id(f.DeclaringType!)}.{f.Name}",
        _ => m.Name,
    };

    private static string Parameters(MethodBase method)
    {
        var ps = method.GetParameters();
        return ps.Length == 0 ? "" : "(" + string.Join(",", ps.Select(p => XmlType(p.ParameterType))) + ")";
    }

    private static string XmlType(Type t)
    {
        if (t.IsByRef) return XmlType(t.GetElementType()!) + "@";
        if (t.IsArray) return XmlType(t.GetElementType()!) + "[]";
        if (t.IsGenericParameter) return (t.DeclaringMethod is null ? "`" : "``") + t.GenericParameterPosition;
        if (t.IsGenericType)
        {
            string name = (t.GetGenericTypeDefinition().FullName ?? t.Name);
            name = name[..name.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.');
            return name + "{" + string.Join(",", t.GetGenericArguments().Select(XmlType)) + "}";
        }
        return Id(t);
    }

    private static string Signature(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"new {Name(c.DeclaringType!)}({Parameters(c.GetParameters())})",
        MethodInfo method => $"{(method.IsStatic ? "static " : "")}{method.Name}({Parameters(method.GetParameters())})",
        PropertyInfo p => $"{Name(p.PropertyType, new NullabilityInfoContext().Create(p))} {p.Name}",
        FieldInfo { DeclaringType.IsEnum: true } f => f.Name,
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType, new NullabilityInfoContext().Create(f))} {f.Name}",
        _ => m.Name,
    };

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{Name(p.ParameterType, new NullabilityInfoContext().Create(p))} {p.Name}"));

    /// <summary>A type as C# writes it, with <c>?</c> where its declaration allows null (a reference type too).</summary>
    private static string Name(Type t, NullabilityInfo? nullability = null)
    {
        if (Nullable.GetUnderlyingType(t) is { } inner) return Name(inner) + "?";
        if (t.IsByRef) return Name(t.GetElementType()!, nullability);
        string mark = nullability is { ReadState: NullabilityState.Nullable } && !t.IsValueType ? "?" : "";
        if (t.IsArray) return Name(t.GetElementType()!, nullability?.ElementType) + "[]" + mark;
        string alias = t == typeof(int) ? "int" : t == typeof(long) ? "long" : t == typeof(double) ? "double" : t == typeof(bool) ? "bool" : t == typeof(string) ? "string" : t == typeof(void) ? "void" : t == typeof(object) ? "object" : "";
        if (alias.Length > 0) return alias + mark;
        if (!t.IsGenericType) return t.Name + mark;
        var arguments = t.GetGenericArguments().Select((a, i) => Name(a, nullability?.GenericTypeArguments is { } g && i < g.Length ? g[i] : null));
        return t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", arguments) + ">" + mark;
    }
}
