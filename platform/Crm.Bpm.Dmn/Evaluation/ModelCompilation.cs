using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>One model (the main one or an import) compiled for evaluation: its nodes linked and their logic compiled.</summary>
internal sealed class ModelCompilation
{
    private readonly Dictionary<string, DrgNode> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelCompilation> _importsByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<ModelCompilation, string> _prefixes = new(ReferenceEqualityComparer.Instance);

    public ModelCompilation(DmnDefinitions definitions, List<Diagnostic> diagnostics, Func<DmnImport, ModelCompilation?> resolveImport)
    {
        Definitions = definitions;
        Context = new CompilationContext(definitions.File, diagnostics);
        Context.Types = new TypeResolver(Context, definitions.ItemDefinitions);
        foreach (var import in definitions.Imports)
        {
            var imported = resolveImport(import);
            if (imported is null)
            {
                Context.Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.MissingReference,
                    $"The import '{import.Name}' of namespace '{import.Namespace}' names no model that was loaded; put the imported model beside this one.", import, null);
                continue;
            }

            _importsByNamespace[import.Namespace] = imported;
            imported.ImportedAs ??= import.Name;
            _prefixes[imported] = import.Name;
            Context.Types.AddImported(import.Name, imported.Context.Types);
        }

        foreach (var element in definitions.DrgElements)
        {
            DrgNode node = element switch
            {
                Decision d => new DecisionNode(d, this),
                InputData i => new InputDataNode(i, this),
                BusinessKnowledgeModel b => new BusinessKnowledgeModelNode(b, this),
                _ => new DecisionServiceNode((DecisionService)element, this),
            };
            if (element.Id is not null)
            {
                _byId.TryAdd(element.Id, node);
            }

            Nodes.Add(node);
            ByName.TryAdd(element.Name, node);
        }
    }

    public DmnDefinitions Definitions { get; }

    /// <summary>The prefix under which the main model imports this one; null for the main model.</summary>
    public string? ImportedAs { get; set; }

    public CompilationContext Context { get; }

    public List<DrgNode> Nodes { get; } = [];

    public Dictionary<string, DrgNode> ByName { get; } = new(StringComparer.Ordinal);

    /// <summary>The import prefix under which <paramref name="other"/>'s elements are seen from this model, or null for this model itself.</summary>
    public string? PrefixOf(ModelCompilation other) => ReferenceEquals(other, this) ? null : _prefixes.GetValueOrDefault(other);

    /// <summary>The names an element of this model sees for <paramref name="nodes"/>: plain names, or the import prefix and qualified names.</summary>
    public IEnumerable<string> VisibleNames(IEnumerable<DrgNode> nodes)
    {
        foreach (var node in nodes)
        {
            var prefix = PrefixOf(node.Owner);
            if (prefix is null)
            {
                yield return node.Name;
            }
            else
            {
                yield return prefix;
                yield return prefix + "." + node.Name;
            }
        }
    }

    /// <summary>Resolves an href against this model and its imports.</summary>
    public DrgNode? Resolve(DmnReference reference)
    {
        var ns = reference.Namespace;
        if (ns is null || ns == Definitions.Namespace)
        {
            return _byId.GetValueOrDefault(reference.TargetId);
        }

        return _importsByNamespace.TryGetValue(ns, out var imported) ? imported._byId.GetValueOrDefault(reference.TargetId) : null;
    }

    /// <summary>Links requirements, resolves types and compiles every element's logic.</summary>
    public void Compile()
    {
        foreach (var node in Nodes)
        {
            node.Type = Context.Types.Resolve(node.Element.TypeRef, (DmnElement?)node.Element.Variable ?? node.Element, node.Id);
        }

        var compiler = new ExpressionCompiler(Context);
        foreach (var node in Nodes)
        {
            switch (node)
            {
                case DecisionNode decision:
                    Link(decision.Decision.InformationRequirements.Select(r => r.Reference), decision.Information, decision);
                    Link(decision.Decision.KnowledgeRequirements, decision.Knowledge, decision);
                    break;
                case BusinessKnowledgeModelNode bkm:
                    Link(bkm.Model.KnowledgeRequirements, bkm.Knowledge, bkm);
                    break;
                case DecisionServiceNode service:
                    var outputs = new List<DrgNode>();
                    Link(service.Service.OutputDecisions, outputs, service);
                    service.Outputs.AddRange(outputs.OfType<DecisionNode>());
                    // The TCK (0085-decision-services 011) fixes the parameter order: input data first, then input decisions.
                    Link(service.Service.InputData.Concat(service.Service.InputDecisions), service.Parameters, service);
                    service.ResultType = ResultType(service);
                    break;
            }
        }

        ReportCycles();
        foreach (var node in Nodes)
        {
            switch (node)
            {
                case DecisionNode decision when decision.Decision.Expression is not null:
                    var names = NameScope.Empty.With(VisibleNames(decision.Information.Concat(decision.Knowledge)));
                    decision.Logic = compiler.Compile(decision.Decision.Expression, names, decision.Id);
                    break;
                case BusinessKnowledgeModelNode bkm when bkm.Model.EncapsulatedLogic is { } logic:
                    bkm.Parameters = logic.FormalParameters.Select(p => new FunctionParameter(p.Name, Context.Types.Resolve(p.TypeRef, p, bkm.Id))).ToList();
                    var scope = NameScope.Empty.With(VisibleNames(bkm.Knowledge)).With(bkm.Name).With(bkm.Parameters.Select(p => p.Name));
                    bkm.Body = compiler.Compile(logic.Body, scope, bkm.Id);
                    bkm.ResultType = ResultType(bkm);
                    var logicType = Context.Types.Resolve(logic.TypeRef, logic, bkm.Id);
                    if (!logicType.IsAny && bkm.ResultType.IsAny)
                    {
                        bkm.ResultType = logicType;
                    }

                    break;
            }
        }
    }

    /// <summary>Reports each decision that requires itself (DMN 1.5 §6.2.2: the requirement graph is acyclic).</summary>
    private void ReportCycles()
    {
        var state = new Dictionary<DecisionNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var start in Nodes.OfType<DecisionNode>())
        {
            Visit(start, []);
        }

        void Visit(DecisionNode decision, List<DecisionNode> path)
        {
            if (state.TryGetValue(decision, out var seen))
            {
                if (seen == 1)
                {
                    var cycle = path.SkipWhile(d => !ReferenceEquals(d, decision)).Append(decision).Select(d => $"'{d.Name}'");
                    Context.Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.RequirementCycle,
                        $"The decisions require each other in a cycle ({string.Join(" -> ", cycle)}); remove one of the requirements.", decision.Element, decision.Id);
                }

                return;
            }

            state[decision] = 1;
            path.Add(decision);
            foreach (var required in decision.Information.OfType<DecisionNode>().Where(d => ReferenceEquals(d.Owner, this)))
            {
                Visit(required, path);
            }

            path.RemoveAt(path.Count - 1);
            state[decision] = 2;
        }
    }

    /// <summary>The result type of a knowledge model or service: the output of a function type, else the declared type itself.</summary>
    private DmnType ResultType(DrgNode node)
    {
        var typeRef = node.Element.TypeRef;
        var definition = Definitions.ItemDefinitions.FirstOrDefault(d => d.Name == typeRef);
        if (definition?.FunctionItem is { } function)
        {
            return Context.Types.Resolve(function.OutputTypeRef, definition, node.Id);
        }

        return node.Type is BuiltinType { Name: "function" } ? AnyType.Instance : node.Type;
    }

    private void Link(IEnumerable<DmnReference> references, List<DrgNode> into, DrgNode owner)
    {
        foreach (var reference in references)
        {
            var target = Resolve(reference);
            if (target is null)
            {
                // The parser reports hrefs into this model; an href into an import can only be checked here.
                if (reference.Namespace is not null && reference.Namespace != Definitions.Namespace && _importsByNamespace.ContainsKey(reference.Namespace))
                {
                    Context.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.MissingReference,
                        $"The reference '{reference.Href}' of '{owner.Name}' names no element of the imported model; fix the href.", Context.File,
                        reference.Position.IsKnown ? reference.Position.Line : null, reference.Position.IsKnown ? reference.Position.Column : null, owner.Id));
                }

                continue;
            }

            into.Add(target);
        }
    }
}
