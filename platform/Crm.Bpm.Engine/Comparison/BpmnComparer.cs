using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Diagram;

namespace Crm.Bpm.Engine.Comparison;

/// <summary>Lists every semantic and diagram difference between two BPMN models, for round-trip checks (<c>crm bpmn roundtrip</c>).</summary>
/// <remarks>
/// Compares every modelled value of every element, the verbatim parts (foreign attributes and unknown elements, by
/// expanded name so prefixes do not matter; namespace declarations are ignored) and the diagram. Source positions and
/// the definitions' namespace declarations are not compared. Lists of elements with ids are matched by id, others by position.
/// </remarks>
public static class BpmnComparer
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Every difference between <paramref name="left"/> and <paramref name="right"/>; empty when they are equivalent.</summary>
    public static IReadOnlyList<ModelDifference> Compare(BpmnDefinitions left, BpmnDefinitions right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var differences = new List<ModelDifference>();
        CompareValues(left, right, "definitions", left.Id, DifferenceKind.Semantic, differences);
        return differences;
    }

    private static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name is not ("Position" or "Namespaces"))
        .OrderBy(p => p.MetadataToken)
        .ToArray());

    private static void CompareValues(object? left, object? right, string path, string? elementId, DifferenceKind kind, List<ModelDifference> differences)
    {
        if (left is null && right is null)
        {
            return;
        }

        if (left is null || right is null)
        {
            differences.Add(new ModelDifference(kind, elementId, path, left is null ? "present only in the second model" : "present only in the first model", Describe(left), Describe(right)));
            return;
        }

        if (left is IList leftItems && right is IList rightItems)
        {
            // An empty list may be an array on one side and a List<T> on the other: compare contents, not list types.
            if (left is IReadOnlyList<ForeignAttribute> leftAttributes && right is IReadOnlyList<ForeignAttribute> rightAttributes)
            {
                CompareAttributes(leftAttributes, rightAttributes, path, elementId, kind, differences);
            }
            else
            {
                CompareLists(leftItems, rightItems, path, elementId, kind, differences);
            }

            return;
        }

        if (left.GetType() != right.GetType())
        {
            differences.Add(new ModelDifference(kind, elementId, path, $"different element types ({TypeName(left)} vs {TypeName(right)})", Describe(left), Describe(right)));
            return;
        }

        switch (left)
        {
            case string or bool or int or long or Enum or XName or Bounds or Waypoint or SourcePosition:
                if (!left.Equals(right))
                {
                    differences.Add(new ModelDifference(kind, elementId, path, "different values", Describe(left), Describe(right)));
                }

                return;
            case double l:
                var r = (double)right;
                if (!(l.Equals(r) || (double.IsNaN(l) && double.IsNaN(r))))
                {
                    differences.Add(new ModelDifference(kind, elementId, path, "different values", Describe(left), Describe(right)));
                }

                return;
            case XElement leftElement:
                if (!VerbatimXml.Equivalent(leftElement, (XElement)right))
                {
                    differences.Add(new ModelDifference(kind, elementId, path, "different verbatim XML", Shorten(leftElement.ToString(SaveOptions.DisableFormatting)), Shorten(((XElement)right).ToString(SaveOptions.DisableFormatting))));
                }

                return;
        }

        elementId = left switch
        {
            BaseElement { Id: { } id } => id,
            DiagramElement { Id: { } id } => id,
            _ => elementId,
        };

        foreach (var property in PropertiesOf(left.GetType()))
        {
            var childKind = kind == DifferenceKind.Diagram || property.Name == nameof(BpmnDefinitions.Diagrams) && left is BpmnDefinitions ? DifferenceKind.Diagram : DifferenceKind.Semantic;
            CompareValues(property.GetValue(left), property.GetValue(right), path + "/" + property.Name, elementId, childKind, differences);
        }
    }

    private static void CompareLists(IList left, IList right, string path, string? elementId, DifferenceKind kind, List<ModelDifference> differences)
    {
        if (IdsOf(left) is { } leftIds && IdsOf(right) is { } rightIds)
        {
            var rightById = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < right.Count; i++)
            {
                rightById[rightIds[i]] = right[i]!;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < left.Count; i++)
            {
                var id = leftIds[i];
                seen.Add(id);
                var item = left[i]!;
                var itemPath = $"{path}/{NameOf(item)}[{id}]";
                if (rightById.TryGetValue(id, out var other))
                {
                    CompareValues(item, other, itemPath, id, kind, differences);
                }
                else
                {
                    differences.Add(new ModelDifference(kind, id, itemPath, "present only in the first model", Describe(item), null));
                }
            }

            for (var i = 0; i < right.Count; i++)
            {
                if (!seen.Contains(rightIds[i]))
                {
                    var item = right[i]!;
                    differences.Add(new ModelDifference(kind, rightIds[i], $"{path}/{NameOf(item)}[{rightIds[i]}]", "present only in the second model", null, Describe(item)));
                }
            }

            return;
        }

        if (left.Count != right.Count)
        {
            differences.Add(new ModelDifference(kind, elementId, path, $"different number of items ({left.Count} vs {right.Count})",
                Shorten(string.Join(", ", left.Cast<object>().Select(Describe))), Shorten(string.Join(", ", right.Cast<object>().Select(Describe)))));
        }

        var count = Math.Min(left.Count, right.Count);
        for (var i = 0; i < count; i++)
        {
            CompareValues(left[i], right[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", elementId, kind, differences);
        }
    }

    /// <summary>The ids of a list of elements when every item has a distinct one, else null (then items are matched by position).</summary>
    private static string[]? IdsOf(IList list)
    {
        var ids = new string[list.Count];
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var id = list[i] switch
            {
                BaseElement element => element.Id,
                DiagramElement element => element.Id,
                _ => null,
            };
            if (id is null || !distinct.Add(id))
            {
                return null;
            }

            ids[i] = id;
        }

        return ids;
    }

    private static void CompareAttributes(IReadOnlyList<ForeignAttribute> left, IReadOnlyList<ForeignAttribute> right, string path, string? elementId, DifferenceKind kind, List<ModelDifference> differences)
    {
        var leftMap = AttributeMap(left);
        var rightMap = AttributeMap(right);
        foreach (var (name, value) in leftMap)
        {
            if (!rightMap.TryGetValue(name, out var other))
            {
                differences.Add(new ModelDifference(kind, elementId, $"{path}/@{name}", "attribute only in the first model", value, null));
            }
            else if (other != value)
            {
                differences.Add(new ModelDifference(kind, elementId, $"{path}/@{name}", "different attribute values", value, other));
            }
        }

        foreach (var (name, value) in rightMap)
        {
            if (!leftMap.ContainsKey(name))
            {
                differences.Add(new ModelDifference(kind, elementId, $"{path}/@{name}", "attribute only in the second model", null, value));
            }
        }
    }

    private static Dictionary<XName, string> AttributeMap(IReadOnlyList<ForeignAttribute> attributes)
    {
        var map = new Dictionary<XName, string>();
        foreach (var attribute in attributes)
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                map.TryAdd(attribute.Name, attribute.Value);
            }
        }

        return map;
    }

    private static string NameOf(object item) => item switch
    {
        BaseElement element => element.ElementName,
        DiagramElement element => element.ElementName,
        _ => TypeName(item),
    };

    private static string TypeName(object value) => value.GetType().Name;

    private static string? Describe(object? value) => value switch
    {
        null => null,
        string text => Shorten(text),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        XElement element => Shorten(element.ToString(SaveOptions.DisableFormatting)),
        BaseElement element => element.Describe(),
        DiagramElement element => element.Id is null ? element.ElementName : $"{element.ElementName} '{element.Id}'",
        IList list => $"{list.Count} items",
        _ => value.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..197] + "...";
}
