using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Expressions;
using Crm.Bpm.Dmn.Tables;
using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Parsing;

/// <summary>Turns a loaded DMN XML document into the model, collecting diagnostics on the way.</summary>
internal sealed class DmnXmlReader(string? file)
{
    private static readonly HashSet<string> ExpressionElements = new(StringComparer.Ordinal)
    {
        "literalExpression", "decisionTable", "context", "invocation", "relation", "list", "conditional",
        "for", "some", "every", "filter", "functionDefinition",
    };

    private readonly List<Diagnostic> _diagnostics = [];
    private XNamespace _ns = XNamespace.None;
    private string _modelNamespace = "";

    public DmnParseResult Read(XDocument document)
    {
        var root = document.Root!;
        if (root.Name.LocalName != "definitions" || !DmnNamespaces.TryGetVersion(root.Name.NamespaceName, out var version))
        {
            var (line, column) = Pos(root);
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.UnknownNamespace,
                $"The root element is '{{{root.Name.NamespaceName}}}{root.Name.LocalName}', not a DMN 'definitions' element; use the namespace of DMN 1.1 to 1.5 (for DMN 1.5: {DmnNamespaces.Dmn15}).",
                file, line, column, (string?)root.Attribute("id")));
            return new DmnParseResult(null, _diagnostics);
        }

        _ns = root.Name.Namespace;
        _modelNamespace = (string?)root.Attribute("namespace") ?? "";
        var definitions = new DmnDefinitions
        {
            Id = (string?)root.Attribute("id"),
            Name = (string?)root.Attribute("name") ?? "",
            Namespace = _modelNamespace,
            Version = version,
            ExpressionLanguage = (string?)root.Attribute("expressionLanguage"),
            File = file,
            Position = Position(root),
            Imports = Elements(root, "import").Select(ReadImport).ToList(),
            ItemDefinitions = Elements(root, "itemDefinition").Select(ReadItemDefinition).ToList(),
            Decisions = Elements(root, "decision").Select(ReadDecision).ToList(),
            InputData = Elements(root, "inputData").Select(e => new InputData
            {
                Id = (string?)e.Attribute("id"), Label = (string?)e.Attribute("label"), Position = Position(e),
                Name = NameOf(e), Variable = ReadVariable(e),
            }).ToList(),
            BusinessKnowledgeModels = Elements(root, "businessKnowledgeModel").Select(ReadBusinessKnowledgeModel).ToList(),
            DecisionServices = Elements(root, "decisionService").Select(ReadDecisionService).ToList(),
        };

        CheckDuplicateIds(root);
        CheckDuplicateNames(definitions);
        CheckReferences(definitions);
        return new DmnParseResult(definitions, _diagnostics);
    }

    private DmnImport ReadImport(XElement e) => new()
    {
        Id = (string?)e.Attribute("id"),
        Position = Position(e),
        Name = (string?)e.Attribute("name") ?? "",
        Namespace = (string?)e.Attribute("namespace") ?? "",
        ImportType = (string?)e.Attribute("importType"),
        LocationUri = (string?)e.Attribute("locationURI"),
    };

    private ItemDefinition ReadItemDefinition(XElement e)
    {
        var functionItem = Element(e, "functionItem");
        return new ItemDefinition
        {
            Id = (string?)e.Attribute("id"),
            Label = (string?)e.Attribute("label"),
            Position = Position(e),
            Name = NameOf(e),
            TypeRef = TypeRef(Element(e, "typeRef")?.Value.Trim(), e),
            AllowedValues = TextOf(Element(e, "allowedValues")),
            TypeConstraint = TextOf(Element(e, "typeConstraint")),
            IsCollection = string.Equals((string?)e.Attribute("isCollection"), "true", StringComparison.OrdinalIgnoreCase),
            ItemComponents = Elements(e, "itemComponent").Select(ReadItemDefinition).ToList(),
            FunctionItem = functionItem is null ? null : new FunctionItem
            {
                Id = (string?)functionItem.Attribute("id"),
                Position = Position(functionItem),
                OutputTypeRef = TypeRef((string?)functionItem.Attribute("outputTypeRef"), functionItem),
                Parameters = Elements(functionItem, "parameters").Select(ReadInformationItem).ToList(),
            },
        };
    }

    private Decision ReadDecision(XElement e) => new()
    {
        Id = (string?)e.Attribute("id"),
        Label = (string?)e.Attribute("label"),
        Position = Position(e),
        Name = NameOf(e),
        Variable = ReadVariable(e),
        InformationRequirements = Elements(e, "informationRequirement").SelectMany(ReadInformationRequirement).ToList(),
        KnowledgeRequirements = ReadKnowledgeRequirements(e),
        Expression = ReadExpressionChild(e),
    };

    private IEnumerable<InformationRequirement> ReadInformationRequirement(XElement e)
    {
        foreach (var child in Elements(e, "requiredDecision"))
        {
            yield return new InformationRequirement(InformationRequirementKind.Decision, Reference(child));
        }

        foreach (var child in Elements(e, "requiredInput"))
        {
            yield return new InformationRequirement(InformationRequirementKind.InputData, Reference(child));
        }
    }

    private List<DmnReference> ReadKnowledgeRequirements(XElement e) =>
        Elements(e, "knowledgeRequirement").SelectMany(k => Elements(k, "requiredKnowledge")).Select(Reference).ToList();

    private BusinessKnowledgeModel ReadBusinessKnowledgeModel(XElement e)
    {
        var logic = Element(e, "encapsulatedLogic");
        return new BusinessKnowledgeModel
        {
            Id = (string?)e.Attribute("id"),
            Label = (string?)e.Attribute("label"),
            Position = Position(e),
            Name = NameOf(e),
            Variable = ReadVariable(e),
            KnowledgeRequirements = ReadKnowledgeRequirements(e),
            EncapsulatedLogic = logic is null ? null : ReadFunctionDefinition(logic),
        };
    }

    private DecisionService ReadDecisionService(XElement e) => new()
    {
        Id = (string?)e.Attribute("id"),
        Label = (string?)e.Attribute("label"),
        Position = Position(e),
        Name = NameOf(e),
        Variable = ReadVariable(e),
        OutputDecisions = Elements(e, "outputDecision").Select(Reference).ToList(),
        EncapsulatedDecisions = Elements(e, "encapsulatedDecision").Select(Reference).ToList(),
        InputDecisions = Elements(e, "inputDecision").Select(Reference).ToList(),
        InputData = Elements(e, "inputData").Select(Reference).ToList(),
    };

    private InformationItem? ReadVariable(XElement owner)
    {
        var variable = Element(owner, "variable");
        if (variable is null)
        {
            return null;
        }

        return new InformationItem
        {
            Id = (string?)variable.Attribute("id"),
            Position = Position(variable),
            Name = (string?)variable.Attribute("name") ?? NameOf(owner),
            TypeRef = TypeRef((string?)variable.Attribute("typeRef"), variable),
        };
    }

    private InformationItem ReadInformationItem(XElement e) => new()
    {
        Id = (string?)e.Attribute("id"),
        Label = (string?)e.Attribute("label"),
        Position = Position(e),
        Name = NameOf(e),
        TypeRef = TypeRef((string?)e.Attribute("typeRef"), e),
    };

    private DmnExpression? ReadExpressionChild(XElement parent)
    {
        var child = parent.Elements().FirstOrDefault(c => c.Name.Namespace == _ns && ExpressionElements.Contains(c.Name.LocalName));
        return child is null ? null : ReadExpression(child);
    }

    private DmnExpression? ReadExpressionIn(XElement parent, string wrapper)
    {
        var element = Element(parent, wrapper);
        return element is null ? null : ReadExpressionChild(element);
    }

    private DmnExpression ReadExpression(XElement e)
    {
        DmnExpression expression = e.Name.LocalName switch
        {
            "literalExpression" => ReadLiteral(e),
            "decisionTable" => ReadDecisionTable(e),
            "context" => new ContextExpression
            {
                Entries = Elements(e, "contextEntry").Select(entry =>
                {
                    var variable = Element(entry, "variable");
                    return new ContextEntry(variable is null ? null : ReadInformationItem(variable), ReadExpressionChild(entry));
                }).ToList(),
            },
            "invocation" => new Invocation
            {
                CalledFunction = ReadExpressionChild(e),
                Bindings = Elements(e, "binding").Select(b =>
                {
                    var parameter = Element(b, "parameter");
                    var item = parameter is null ? new InformationItem { Name = "", Position = Position(b) } : ReadInformationItem(parameter);
                    return new Binding(item, ReadExpressionChild(b));
                }).ToList(),
            },
            "relation" => new Relation
            {
                Columns = Elements(e, "column").Select(ReadInformationItem).ToList(),
                Rows = Elements(e, "row").Select(r => (IReadOnlyList<DmnExpression>)r.Elements()
                    .Where(c => c.Name.Namespace == _ns && ExpressionElements.Contains(c.Name.LocalName))
                    .Select(ReadExpression).ToList()).ToList(),
            },
            "list" => new ListExpression
            {
                Items = e.Elements().Where(c => c.Name.Namespace == _ns && ExpressionElements.Contains(c.Name.LocalName)).Select(ReadExpression).ToList(),
            },
            "conditional" => new Conditional
            {
                If = ReadExpressionIn(e, "if"),
                Then = ReadExpressionIn(e, "then"),
                Else = ReadExpressionIn(e, "else"),
            },
            "for" => ReadIterator(e, IteratorKind.For, "return"),
            "some" => ReadIterator(e, IteratorKind.Some, "satisfies"),
            "every" => ReadIterator(e, IteratorKind.Every, "satisfies"),
            "filter" => new Filter { In = ReadExpressionIn(e, "in"), Match = ReadExpressionIn(e, "match") },
            _ => ReadFunctionDefinition(e),
        };

        return expression with
        {
            Id = (string?)e.Attribute("id"),
            Label = (string?)e.Attribute("label"),
            Position = Position(e),
            TypeRef = TypeRef((string?)e.Attribute("typeRef"), e),
        };
    }

    private Expressions.Iterator ReadIterator(XElement e, IteratorKind kind, string body)
    {
        var variable = (string?)e.Attribute("iteratorVariable");
        if (string.IsNullOrWhiteSpace(variable))
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement, $"The boxed '{kind.ToString().ToLowerInvariant()}' has no iteratorVariable; name the variable each element is bound to.", e);
        }

        return new Expressions.Iterator { Kind = kind, IteratorVariable = variable ?? "", In = ReadExpressionIn(e, "in"), Body = ReadExpressionIn(e, body) };
    }

    private LiteralExpression ReadLiteral(XElement e) => new()
    {
        Id = (string?)e.Attribute("id"),
        Position = Position(e),
        TypeRef = TypeRef((string?)e.Attribute("typeRef"), e),
        Text = Element(e, "text")?.Value ?? "",
        ExpressionLanguage = (string?)e.Attribute("expressionLanguage"),
    };

    private FunctionDefinition ReadFunctionDefinition(XElement e)
    {
        var kindText = (string?)e.Attribute("kind") ?? "FEEL";
        var kind = kindText.ToUpperInvariant() switch
        {
            "FEEL" => FunctionKind.Feel,
            "JAVA" => FunctionKind.Java,
            "PMML" => FunctionKind.Pmml,
            _ => (FunctionKind?)null,
        };
        if (kind is not FunctionKind.Feel)
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.UnsupportedFunctionKind,
                $"Function definitions of kind '{kindText}' cannot run here; only FEEL functions are allowed. Rewrite the function body in FEEL.", e);
        }

        return new FunctionDefinition
        {
            Id = (string?)e.Attribute("id"),
            Position = Position(e),
            TypeRef = TypeRef((string?)e.Attribute("typeRef"), e),
            Kind = kind ?? FunctionKind.Java,
            FormalParameters = Elements(e, "formalParameter").Select(ReadInformationItem).ToList(),
            Body = ReadExpressionChild(e),
        };
    }

    private DecisionTable ReadDecisionTable(XElement e)
    {
        var hitPolicyText = ((string?)e.Attribute("hitPolicy") ?? "UNIQUE").Trim();
        var hitPolicy = hitPolicyText.ToUpperInvariant() switch
        {
            "UNIQUE" or "U" => HitPolicy.Unique,
            "ANY" or "A" => HitPolicy.Any,
            "PRIORITY" or "P" => HitPolicy.Priority,
            "FIRST" or "F" => HitPolicy.First,
            "COLLECT" or "C" => HitPolicy.Collect,
            "RULE ORDER" or "R" => HitPolicy.RuleOrder,
            "OUTPUT ORDER" or "O" => HitPolicy.OutputOrder,
            _ => (HitPolicy?)null,
        };
        if (hitPolicy is null)
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement,
                $"Unknown hit policy '{hitPolicyText}'; use UNIQUE, ANY, PRIORITY, FIRST, COLLECT, RULE ORDER or OUTPUT ORDER.", e);
        }

        var aggregationText = (string?)e.Attribute("aggregation");
        var aggregation = aggregationText?.Trim().ToUpperInvariant() switch
        {
            null or "" => BuiltinAggregator.None,
            "SUM" => BuiltinAggregator.Sum,
            "COUNT" => BuiltinAggregator.Count,
            "MIN" => BuiltinAggregator.Min,
            "MAX" => BuiltinAggregator.Max,
            _ => (BuiltinAggregator?)null,
        };
        if (aggregation is null)
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement, $"Unknown aggregation '{aggregationText}'; use SUM, COUNT, MIN or MAX.", e);
        }

        var inputs = Elements(e, "input").Select(input =>
        {
            var inputExpression = Element(input, "inputExpression");
            if (inputExpression is null)
            {
                Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement, "The decision table input has no inputExpression; give the FEEL expression it tests.", input);
            }

            return new InputClause
            {
                Id = (string?)input.Attribute("id"),
                Label = (string?)input.Attribute("label"),
                Position = Position(input),
                InputExpression = inputExpression is null ? new LiteralExpression { Position = Position(input) } : ReadLiteral(inputExpression),
                InputValues = TextOf(Element(input, "inputValues")),
            };
        }).ToList();

        var outputs = Elements(e, "output").Select(output => new OutputClause
        {
            Id = (string?)output.Attribute("id"),
            Label = (string?)output.Attribute("label"),
            Position = Position(output),
            Name = (string?)output.Attribute("name"),
            TypeRef = TypeRef((string?)output.Attribute("typeRef"), output),
            OutputValues = TextOf(Element(output, "outputValues")),
            DefaultOutputEntry = TextOf(Element(output, "defaultOutputEntry")),
        }).ToList();

        var rules = Elements(e, "rule").Select(rule =>
        {
            var decisionRule = new DecisionRule
            {
                Id = (string?)rule.Attribute("id"),
                Position = Position(rule),
                InputEntries = Elements(rule, "inputEntry").Select(Entry).ToList(),
                OutputEntries = Elements(rule, "outputEntry").Select(Entry).ToList(),
                AnnotationEntries = Elements(rule, "annotationEntry").Select(a => TextOf(a) ?? "").ToList(),
            };
            if (decisionRule.InputEntries.Count != inputs.Count || decisionRule.OutputEntries.Count != outputs.Count)
            {
                Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement,
                    $"The rule has {decisionRule.InputEntries.Count} input and {decisionRule.OutputEntries.Count} output entries but the table has {inputs.Count} inputs and {outputs.Count} outputs; give one entry per column.", rule);
            }

            return decisionRule;
        }).ToList();

        if (outputs.Count == 0)
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement, "The decision table has no output column; add an output.", e);
        }

        return new DecisionTable
        {
            HitPolicy = hitPolicy ?? HitPolicy.Unique,
            Aggregation = aggregation ?? BuiltinAggregator.None,
            PreferredOrientation = (string?)e.Attribute("preferredOrientation"),
            OutputLabel = (string?)e.Attribute("outputLabel"),
            Inputs = inputs,
            Outputs = outputs,
            Annotations = Elements(e, "annotation").Select(a => (string?)a.Attribute("name") ?? "").ToList(),
            Rules = rules,
        };
    }

    private RuleEntry Entry(XElement e) => new(TextOf(e) ?? "", (string?)e.Attribute("id"), Position(e));

    private void CheckDuplicateIds(XElement root)
    {
        var seen = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf())
        {
            var id = (string?)element.Attribute("id");
            if (id is null)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                var (line, _) = Pos(first);
                Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.DuplicateId,
                    $"The id '{id}' is already used by the '{first.Name.LocalName}' on line {line}; give each element its own id.", element);
            }
            else
            {
                seen[id] = element;
            }
        }
    }

    private void CheckDuplicateNames(DmnDefinitions definitions)
    {
        var names = new Dictionary<string, DrgElement>(StringComparer.Ordinal);
        foreach (var element in definitions.DrgElements.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column))
        {
            if (names.TryGetValue(element.Name, out var first))
            {
                ReportAt(DiagnosticSeverity.Error, DmnDiagnosticCodes.DuplicateName,
                    $"The name '{element.Name}' is already used by another DRG element (line {first.Position.Line}); DRG element names must be unique within a model.", element);
            }
            else
            {
                names[element.Name] = element;
            }
        }

        var types = new Dictionary<string, ItemDefinition>(StringComparer.Ordinal);
        foreach (var item in definitions.ItemDefinitions)
        {
            if (!types.TryAdd(item.Name, item))
            {
                ReportAt(DiagnosticSeverity.Error, DmnDiagnosticCodes.DuplicateName,
                    $"The item definition name '{item.Name}' is already used (line {types[item.Name].Position.Line}); rename one of them.", item);
            }
        }
    }

    private void CheckReferences(DmnDefinitions definitions)
    {
        var decisions = definitions.Decisions.Where(d => d.Id is not null).Select(d => d.Id!).ToHashSet(StringComparer.Ordinal);
        var inputs = definitions.InputData.Where(d => d.Id is not null).Select(d => d.Id!).ToHashSet(StringComparer.Ordinal);
        var knowledge = definitions.BusinessKnowledgeModels.Cast<DrgElement>().Concat(definitions.DecisionServices)
            .Where(d => d.Id is not null).Select(d => d.Id!).ToHashSet(StringComparer.Ordinal);
        var imports = definitions.Imports.Select(i => i.Namespace).ToHashSet(StringComparer.Ordinal);

        void Check(DmnReference reference, HashSet<string> targets, string what, DrgElement owner)
        {
            var ns = reference.Namespace;
            if (ns is not null && ns != _modelNamespace)
            {
                if (!imports.Contains(ns))
                {
                    Report(reference, owner, $"The reference '{reference.Href}' points into namespace '{ns}', which the model does not import; add an import for it or fix the href.");
                }

                return;
            }

            if (!targets.Contains(reference.TargetId))
            {
                Report(reference, owner, $"The reference '{reference.Href}' of '{owner.Name}' names no {what} in this model; fix the href or add the {what}.");
            }
        }

        foreach (var decision in definitions.Decisions)
        {
            foreach (var requirement in decision.InformationRequirements)
            {
                var isDecision = requirement.Kind == InformationRequirementKind.Decision;
                Check(requirement.Reference, isDecision ? decisions : inputs, isDecision ? "decision" : "input data", decision);
            }

            foreach (var reference in decision.KnowledgeRequirements)
            {
                Check(reference, knowledge, "business knowledge model or decision service", decision);
            }
        }

        foreach (var model in definitions.BusinessKnowledgeModels)
        {
            foreach (var reference in model.KnowledgeRequirements)
            {
                Check(reference, knowledge, "business knowledge model or decision service", model);
            }
        }

        foreach (var service in definitions.DecisionServices)
        {
            foreach (var reference in service.OutputDecisions.Concat(service.EncapsulatedDecisions).Concat(service.InputDecisions))
            {
                Check(reference, decisions, "decision", service);
            }

            foreach (var reference in service.InputData)
            {
                Check(reference, inputs, "input data", service);
            }
        }
    }

    private void Report(DmnReference reference, DrgElement owner, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.MissingReference, message, file,
            reference.Position.IsKnown ? reference.Position.Line : null, reference.Position.IsKnown ? reference.Position.Column : null, owner.Id));

    private void Report(DiagnosticSeverity severity, string code, string message, XElement at)
    {
        var (line, column) = Pos(at);
        var id = (string?)at.Attribute("id") ?? at.Ancestors().Select(a => (string?)a.Attribute("id")).FirstOrDefault(i => i is not null);
        _diagnostics.Add(new Diagnostic(severity, code, message, file, line, column, id));
    }

    private void ReportAt(DiagnosticSeverity severity, string code, string message, DmnElement at) =>
        _diagnostics.Add(new Diagnostic(severity, code, message, file, at.Position.IsKnown ? at.Position.Line : null, at.Position.IsKnown ? at.Position.Column : null, at.Id));

    private DmnReference Reference(XElement e)
    {
        var href = (string?)e.Attribute("href");
        if (href is null)
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.MissingReference, $"The '{e.Name.LocalName}' has no href; point it at an element with '#id'.", e);
        }

        return new DmnReference(href ?? "", Position(e));
    }

    private string NameOf(XElement e)
    {
        var name = (string?)e.Attribute("name");
        if (name is null)
        {
            Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.InvalidElement, $"The '{e.Name.LocalName}' has no name; give it the name other expressions use for it.", e);
        }

        return name ?? "";
    }

    /// <summary>Normalises a type reference: DMN 1.1 writes QNames (<c>feel:string</c>, <c>xsd:date</c>, <c>tns:tType</c>), later versions plain names.</summary>
    private string? TypeRef(string? raw, XElement context)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        raw = raw.Trim();
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return raw;
        }

        var prefix = raw[..colon];
        var local = raw[(colon + 1)..];
        var ns = context.GetNamespaceOfPrefix(prefix)?.NamespaceName;
        if (ns is null)
        {
            // Unknown prefixes such as 'feel:' written without a declaration still mean the FEEL type.
            return prefix is "feel" or "FEEL" ? local : raw;
        }

        if (ns == DmnNamespaces.XmlSchema)
        {
            return local switch
            {
                "string" => "string",
                "boolean" => "boolean",
                "decimal" or "double" or "float" or "integer" or "int" or "long" => "number",
                "date" => "date",
                "time" => "time",
                "dateTime" => "date and time",
                "duration" => "duration",
                _ => local,
            };
        }

        return DmnNamespaces.IsFeel(ns) || ns == _modelNamespace || ns == _ns.NamespaceName ? local : raw;
    }

    private static string? TextOf(XElement? e)
    {
        if (e is null)
        {
            return null;
        }

        var text = e.Elements().FirstOrDefault(c => c.Name.LocalName == "text");
        return text?.Value;
    }

    private IEnumerable<XElement> Elements(XElement parent, string localName) => parent.Elements(_ns + localName);

    private XElement? Element(XElement parent, string localName) => parent.Element(_ns + localName);

    private static SourcePosition Position(XElement e)
    {
        var (line, column) = Pos(e);
        return new SourcePosition(line ?? 0, column ?? 0);
    }

    private static (int? Line, int? Column) Pos(XObject e) =>
        e is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (null, null);
}
