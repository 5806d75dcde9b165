using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Parsing;

/// <summary>The XML namespaces of each DMN version's model schema and FEEL language.</summary>
public static class DmnNamespaces
{
    public const string Dmn11 = "http://www.omg.org/spec/DMN/20151101/dmn.xsd";
    public const string Dmn12 = "http://www.omg.org/spec/DMN/20180521/MODEL/";
    public const string Dmn13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    public const string Dmn14 = "https://www.omg.org/spec/DMN/20211108/MODEL/";
    public const string Dmn15 = "https://www.omg.org/spec/DMN/20230324/MODEL/";

    /// <summary>The XML Schema namespace, whose type names DMN 1.1 files may use as type references.</summary>
    public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";

    private static readonly Dictionary<string, DmnVersion> ModelNamespaces = new(StringComparer.Ordinal)
    {
        [Dmn11] = DmnVersion.Dmn11,
        [Dmn12] = DmnVersion.Dmn12,
        [Dmn13] = DmnVersion.Dmn13,
        [Dmn14] = DmnVersion.Dmn14,
        [Dmn15] = DmnVersion.Dmn15,
    };

    private static readonly HashSet<string> FeelNamespaces = new(StringComparer.Ordinal)
    {
        "http://www.omg.org/spec/FEEL/20140401",
        "http://www.omg.org/spec/DMN/20180521/FEEL/",
        "https://www.omg.org/spec/DMN/20191111/FEEL/",
        "https://www.omg.org/spec/DMN/20211108/FEEL/",
        "https://www.omg.org/spec/DMN/20230324/FEEL/",
    };

    /// <summary>The DMN version whose model namespace is <paramref name="ns"/>, if any.</summary>
    public static bool TryGetVersion(string ns, out DmnVersion version)
    {
        // Tolerate the http/https variants some tools write for 1.3 and later.
        if (ModelNamespaces.TryGetValue(ns, out version))
        {
            return true;
        }

        var swapped = ns.StartsWith("https://", StringComparison.Ordinal) ? "http://" + ns[8..] : "https://" + ns.Replace("http://", "", StringComparison.Ordinal);
        return ModelNamespaces.TryGetValue(swapped, out version);
    }

    /// <summary>Whether <paramref name="ns"/> is one of the FEEL language namespaces.</summary>
    public static bool IsFeel(string ns) => FeelNamespaces.Contains(ns);

    /// <summary>The model namespace URI of <paramref name="version"/>.</summary>
    public static string Of(DmnVersion version) => version switch
    {
        DmnVersion.Dmn11 => Dmn11,
        DmnVersion.Dmn12 => Dmn12,
        DmnVersion.Dmn13 => Dmn13,
        DmnVersion.Dmn14 => Dmn14,
        _ => Dmn15,
    };
}
