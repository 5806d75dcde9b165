using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Feel.Types;

namespace Crm.Bpm.Dmn.Types;

/// <summary>Resolves type references of a model to FEEL built-in types and its item definitions (and those of imports, by prefix).</summary>
internal sealed class TypeResolver
{
    private static readonly Dictionary<string, FeelType> BuiltinTypes = new(StringComparer.Ordinal)
    {
        ["number"] = FeelType.Number,
        ["string"] = FeelType.String,
        ["boolean"] = FeelType.Boolean,
        ["date"] = FeelType.Date,
        ["time"] = FeelType.Time,
        ["date and time"] = FeelType.DateTime,
        ["dateTime"] = FeelType.DateTime,
        ["days and time duration"] = FeelType.DaysTimeDuration,
        ["dayTimeDuration"] = FeelType.DaysTimeDuration,
        ["years and months duration"] = FeelType.YearsMonthsDuration,
        ["yearMonthDuration"] = FeelType.YearsMonthsDuration,
        ["context"] = FeelType.AnyContext,
        ["list"] = FeelType.AnyList,
        ["function"] = FeelType.AnyFunction,
        ["range"] = FeelType.Range(FeelType.Any),
    };

    private readonly Dictionary<string, DmnType> _types = new(StringComparer.Ordinal);
    private readonly CompilationContext _context;

    public TypeResolver(CompilationContext context, IReadOnlyList<ItemDefinition> itemDefinitions)
    {
        _context = context;
        foreach (var (name, feelType) in BuiltinTypes)
        {
            _types[name] = new BuiltinType(name, feelType);
        }

        _types["Any"] = AnyType.Instance;
        _types["duration"] = DurationType.Instance;
        var created = new List<(ItemDefinition Definition, ItemDefinitionType Type)>();
        foreach (var definition in itemDefinitions)
        {
            var type = new ItemDefinitionType(definition.Name);
            _types[definition.Name] = type;
            created.Add((definition, type));
        }

        foreach (var (definition, type) in created)
        {
            Fill(type, definition, definition.Name);
        }
    }

    /// <summary>Makes the types of an imported model visible as <c>prefix.name</c>.</summary>
    public void AddImported(string prefix, TypeResolver imported)
    {
        foreach (var (name, type) in imported._types)
        {
            if (type is ItemDefinitionType)
            {
                _types[prefix + "." + name] = type;
            }
        }
    }

    /// <summary>The type named by <paramref name="typeRef"/>; Any when it is absent, unknown names are reported and treated as Any.</summary>
    public DmnType Resolve(string? typeRef, DmnElement at, string? ownerId)
    {
        if (string.IsNullOrWhiteSpace(typeRef))
        {
            return AnyType.Instance;
        }

        if (_types.TryGetValue(typeRef, out var type))
        {
            return type;
        }

        var trimmed = typeRef.Trim();
        if (_types.TryGetValue(trimmed, out type))
        {
            return type;
        }

        if (FeelInterop.TryResolveTypeExpression(trimmed, ToFeelType, out var feelType))
        {
            _types[typeRef] = feelType;
            return feelType;
        }

        _context.Report(DiagnosticSeverity.Warning, DmnDiagnosticCodes.UnknownType,
            $"The type '{typeRef}' is neither a FEEL type nor an item definition of the model; values are not checked against it. Define the item definition or fix the typeRef.", at, ownerId);
        _types[typeRef] = AnyType.Instance;
        return AnyType.Instance;
    }

    /// <summary>The FEEL type for a type name, so that FEEL's <c>instance of</c> knows the model's item definitions.</summary>
    public FeelType? ToFeelType(string name) => _types.TryGetValue(name, out var type) ? ToFeelType(type, 0) : null;

    private static FeelType? ToFeelType(DmnType type, int depth)
    {
        if (depth > 16)
        {
            return FeelType.Any;
        }

        switch (type)
        {
            case AnyType:
                return FeelType.Any;
            case BuiltinType builtin:
                return builtin.FeelType;
            case ItemDefinitionType item:
                FeelType? element;
                if (item.IsFunction)
                {
                    element = FeelType.AnyFunction;
                }
                else if (item.Components.Count > 0)
                {
                    element = FeelType.Context(item.Components.Select(c => new KeyValuePair<string, FeelType>(c.Key, ToFeelType(c.Value, depth + 1) ?? FeelType.Any)).ToList());
                }
                else
                {
                    element = item.BaseType is null ? FeelType.Any : ToFeelType(item.BaseType, depth + 1);
                }

                return item.Collection ? FeelType.List(element ?? FeelType.Any) : element;
            default:
                return null;
        }
    }

    private void Fill(ItemDefinitionType type, ItemDefinition definition, string path)
    {
        type.Collection = definition.IsCollection;
        type.IsFunction = definition.FunctionItem is not null;
        if (definition.ItemComponents.Count > 0)
        {
            type.Components = definition.ItemComponents.Select(component =>
            {
                var componentType = new ItemDefinitionType(path + "." + component.Name);
                Fill(componentType, component, path + "." + component.Name);
                return new KeyValuePair<string, DmnType>(component.Name, Simplify(componentType, component));
            }).ToList();
        }
        else if (definition.TypeRef is not null)
        {
            type.BaseType = definition.TypeRef == definition.Name && ReferenceEquals(_types.GetValueOrDefault(definition.Name), type)
                ? AnyType.Instance
                : Resolve(definition.TypeRef, definition, definition.Id);
        }

        type.AllowedValues = definition.AllowedValues is null ? null : _context.CompileUnaryTests(definition.AllowedValues, NameScope.Empty, definition, definition.Id);
        type.TypeConstraint = definition.TypeConstraint is null ? null : _context.CompileUnaryTests(definition.TypeConstraint, NameScope.Empty, definition, definition.Id);
    }

    /// <summary>A component that only names another type is that type.</summary>
    private static DmnType Simplify(ItemDefinitionType type, ItemDefinition definition) =>
        definition is { IsCollection: false, AllowedValues: null, TypeConstraint: null, FunctionItem: null, ItemComponents.Count: 0 } && type.BaseType is not null
            ? type.BaseType
            : type;
}
