using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model;

/// <summary>A whole BPMN 2.0 file: the <c>definitions</c> element with its root elements and diagrams (BPMN 2.0.2 §8.3.3).</summary>
/// <remarks>
/// Immutable once parsed; safe to share between threads. <see cref="Index"/> resolves raw reference ids
/// (built on first use; a copy made with <c>with</c> gets its own index).
/// </remarks>
public sealed record BpmnDefinitions : BaseElement
{
    private readonly Lazy<BpmnIndex> _index;

    public BpmnDefinitions()
    {
        _index = new Lazy<BpmnIndex>(() => BpmnIndex.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private BpmnDefinitions(BpmnDefinitions original)
        : base(original)
    {
        Name = original.Name;
        TargetNamespace = original.TargetNamespace;
        ExpressionLanguage = original.ExpressionLanguage;
        TypeLanguage = original.TypeLanguage;
        Exporter = original.Exporter;
        ExporterVersion = original.ExporterVersion;
        Namespaces = original.Namespaces;
        Imports = original.Imports;
        RootElements = original.RootElements;
        Diagrams = original.Diagrams;
        _index = new Lazy<BpmnIndex>(() => BpmnIndex.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string? Name { get; init; }

    public string? TargetNamespace { get; init; }

    public string? ExpressionLanguage { get; init; }

    public string? TypeLanguage { get; init; }

    public string? Exporter { get; init; }

    public string? ExporterVersion { get; init; }

    /// <summary>The <c>xmlns</c> declarations on the root element, in source order; the writer declares them again.</summary>
    public IReadOnlyList<NamespaceDeclaration> Namespaces { get; init; } = [];

    public IReadOnlyList<Import> Imports { get; init; } = [];

    /// <summary>Processes, collaborations, messages, errors... in source order.</summary>
    public IReadOnlyList<RootElement> RootElements { get; init; } = [];

    public IReadOnlyList<BpmnDiagram> Diagrams { get; init; } = [];

    public override string ElementName => "definitions";

    /// <summary>The processes among the root elements.</summary>
    public IEnumerable<Process> Processes => RootElements.OfType<Process>();

    /// <summary>The collaborations among the root elements.</summary>
    public IEnumerable<Collaboration> Collaborations => RootElements.OfType<Collaboration>();

    /// <summary>Id lookups, scopes and flow adjacency for this model.</summary>
    public BpmnIndex Index => _index.Value;

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var root in RootElements)
        {
            yield return root;
        }
    }
}
